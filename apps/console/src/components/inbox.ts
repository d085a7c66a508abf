// The notifications inbox, as one officer's agency sees it: which mechanisms are theirs, where each notification
// stands for them, and in what order they come.
import { isIssuingAgency, type BorderLiaisonMechanism, type NotificationStatus, type Side } from '../api/types';

/** `issued`: the officer's agency issued it (it owes no acknowledgment; the card says where the others stand). */
export type InboxState = 'pending' | 'acknowledged' | 'overdue' | 'cancelled' | 'issued';

interface Officer {
  agency: string;
  country: Side;
}

/** The mechanisms whose member agencies include the officer's agency (on the officer's side). */
export function myMechanisms(blms: readonly BorderLiaisonMechanism[], officer: Officer): BorderLiaisonMechanism[] {
  return blms.filter((blm) => blm.members.some((m) => m.agency === officer.agency && m.side === officer.country));
}

export function isRecipient(notification: NotificationStatus, officer: Officer): boolean {
  return notification.recipients.some((r) => r.agency === officer.agency && r.side === officer.country);
}

/**
 * For the officer's agency: acknowledged by it, or awaiting its acknowledgment (overdue once the deadline passed).
 * For a reader who is not a recipient: whether anyone is still pending.
 */
export function notificationState(notification: NotificationStatus, officer: Officer, now: number): InboxState {
  if (notification.status === 'cancelled') return 'cancelled';
  if (isIssuingAgency(notification, { agency: officer.agency, side: officer.country })) return 'issued';
  const awaiting = isRecipient(notification, officer)
    ? notification.pending.some((r) => r.agency === officer.agency && r.side === officer.country)
    : notification.pending.length > 0;
  if (!awaiting) return 'acknowledged';
  return Date.parse(notification.acknowledgmentDeadline) < now ? 'overdue' : 'pending';
}

const ORDER: Record<InboxState, number> = { overdue: 0, pending: 0, issued: 1, acknowledged: 1, cancelled: 2 };

/** What awaits the officer first (soonest deadline first), then the rest, most recent first. */
export function sortInbox(
  notifications: readonly NotificationStatus[],
  officer: Officer,
  now: number,
): NotificationStatus[] {
  return [...notifications].sort((a, b) => {
    const sa = ORDER[notificationState(a, officer, now)];
    const sb = ORDER[notificationState(b, officer, now)];
    if (sa !== sb) return sa - sb;
    if (sa === 0) return a.acknowledgmentDeadline.localeCompare(b.acknowledgmentDeadline);
    return b.issuedAt.localeCompare(a.issuedAt);
  });
}
