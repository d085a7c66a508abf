// What a notification card says, as pure functions of the notification (the api's NotificationStatus) and the time:
// where each recipient stands (acknowledged by itself or on its behalf, awaiting, overdue, not reached), how its
// messages went, where the notification stands for everyone, which edits an officer made and which collide with
// someone else's, and which BLM an incident's notification goes to.
import {
  isIssuingAgency,
  type Acknowledgment,
  type BilingualText,
  type Delivery,
  type DeliveryChannel,
  type IncidentBoardEntry,
  type NotificationStatus,
  type PortStatus,
  type Recipient,
  type Severity,
  type Side,
} from '../api/types';

export type RecipientState =
  | 'acknowledged'
  | 'acknowledged-on-behalf'
  | 'awaiting'
  | 'overdue'
  /** Every message to it was given up on (retries exhausted) and it has not acknowledged: nobody reached it. */
  | 'unreachable'
  | 'cancelled';

export interface ChannelStatus {
  channel: DeliveryChannel;
  status: Delivery['status'];
  attempts: number;
  nextAttemptAt?: string | null;
}

export interface RecipientRow extends Recipient {
  state: RecipientState;
  acknowledgment?: Acknowledgment;
  /** Its messages (webhook, e-mail) by channel; empty when it is reached through the console only. */
  channels: ChannelStatus[];
}

const same = (a: Recipient, b: Recipient): boolean => a.agency === b.agency && a.side === b.side;

const CHANNEL_ORDER: Record<DeliveryChannel, number> = { console: 0, webhook: 1, email: 2 };

/** The messages of the notification itself to one recipient (escalation tiers are messages to others). */
export function channelsOf(notification: NotificationStatus, recipient: Recipient): ChannelStatus[] {
  return Object.values(notification.deliveries)
    .filter((delivery) => delivery.tier === undefined && same(delivery, recipient))
    .sort((a, b) => CHANNEL_ORDER[a.channel] - CHANNEL_ORDER[b.channel])
    .map(({ channel, status, attempts, nextAttemptAt }) => ({
      channel,
      status,
      attempts,
      ...(nextAttemptAt !== undefined ? { nextAttemptAt } : {}),
    }));
}

/** Every recipient but the issuing agency (which wrote the notice and owes no acknowledgment), with where it stands. */
export function recipientRows(notification: NotificationStatus, now: number): RecipientRow[] {
  const late = Date.parse(notification.acknowledgmentDeadline) < now;
  return notification.recipients
    .filter((recipient) => !isIssuingAgency(notification, recipient))
    .map((recipient) => {
      const acknowledgment = notification.acknowledgments.find((ack) => same(ack, recipient));
      const channels = channelsOf(notification, recipient);
      const state: RecipientState = acknowledgment
        ? acknowledgment.onBehalf
          ? 'acknowledged-on-behalf'
          : 'acknowledged'
        : notification.status === 'cancelled'
          ? 'cancelled'
          : channels.length > 0 && channels.every((channel) => channel.status === 'abandoned')
            ? 'unreachable'
            : late
              ? 'overdue'
              : 'awaiting';
      return {
        agency: recipient.agency,
        side: recipient.side,
        state,
        ...(acknowledgment ? { acknowledgment } : {}),
        channels,
      };
    });
}

export interface CardSummary {
  /** Recipients (the issuing agency left out). */
  total: number;
  acknowledged: number;
  /** Active, past the deadline, someone yet to acknowledge: what every reader must see, whoever acknowledged. */
  overdue: boolean;
  /** Recipients nobody could reach (every message given up). */
  unreachable: number;
  /** The highest escalation tier reached, 0 when none. */
  escalatedTier: number;
}

export function cardSummary(notification: NotificationStatus, now: number): CardSummary {
  const rows = recipientRows(notification, now);
  const acknowledged = rows.filter((row) => row.acknowledgment).length;
  return {
    total: rows.length,
    acknowledged,
    overdue:
      notification.status === 'active' &&
      acknowledged < rows.length &&
      Date.parse(notification.acknowledgmentDeadline) < now,
    unreachable: rows.filter((row) => row.state === 'unreachable').length,
    escalatedTier: Math.max(0, ...notification.escalations.map((escalation) => escalation.tier)),
  };
}

/** Recipients of the officer's side still pending, other than the officer's own agency: whom it may answer for. */
export function onBehalfCandidates(
  notification: NotificationStatus,
  officer: { agency: string; country: Side },
  now: number,
): RecipientRow[] {
  if (notification.status !== 'active') return [];
  return recipientRows(notification, now).filter(
    (row) => !row.acknowledgment && row.side === officer.country && row.agency !== officer.agency,
  );
}

// ------------------------------------------------------------------------------------------------------- editing

export interface NoticeFields {
  title: BilingualText;
  body: BilingualText;
  severity: Severity;
  acknowledgmentDeadline: string;
}
export type NoticeField = keyof NoticeFields;
const FIELDS: NoticeField[] = ['title', 'body', 'severity', 'acknowledgmentDeadline'];

export function noticeOf(notification: NotificationStatus): NoticeFields {
  const { title, body, severity, acknowledgmentDeadline } = notification;
  return { title, body, severity, acknowledgmentDeadline };
}

function key(value: NoticeFields[NoticeField]): string {
  if (typeof value !== 'object') return value;
  return JSON.stringify([value.en?.trim() ?? '', value.es?.trim() ?? '']);
}

export const sameValue = (a: NoticeFields[NoticeField], b: NoticeFields[NoticeField]): boolean => key(a) === key(b);

/** The fields the officer changed from what the form was opened with: what a PATCH sends (nothing else). */
export function noticeChanges(base: NoticeFields, draft: NoticeFields): Partial<NoticeFields> {
  const changes: Partial<NoticeFields> = {};
  for (const field of FIELDS) {
    if (!sameValue(base[field], draft[field])) Object.assign(changes, { [field]: draft[field] });
  }
  return changes;
}

/**
 * The officer's changes that someone else changed too since the form opened (both values to be shown side by side).
 * None: the save may go ahead on the latest revision, whatever else happened to the notification (acknowledgments,
 * deliveries): they change none of these fields.
 */
export function editConflicts(
  base: NoticeFields,
  current: NoticeFields,
  changes: Partial<NoticeFields>,
): NoticeField[] {
  return FIELDS.filter(
    (field) =>
      changes[field] !== undefined &&
      !sameValue(base[field], current[field]) &&
      !sameValue(current[field], changes[field]),
  );
}

// ---------------------------------------------------------------------------------------------------- issue form

/** The BLM an incident's notification goes to: the one of its first affected port that is among the officer's. */
export function blmOfIncident(
  incident: Pick<IncidentBoardEntry, 'affectedPortIds'> | undefined,
  ports: readonly Pick<PortStatus, 'id' | 'blmId'>[],
  mine: ReadonlySet<string>,
): string | undefined {
  for (const portId of incident?.affectedPortIds ?? []) {
    const blmId = ports.find((port) => port.id === portId)?.blmId;
    if (blmId && mine.has(blmId)) return blmId;
  }
  return undefined;
}

/**
 * The port an incident's notification is about by default: the first of the incident's affected ports (the port
 * where it happened comes first) that belongs to the chosen BLM, so a World Trade Bridge incident names that bridge,
 * not whichever of its also-affected bridges the BLM lists first.
 */
export function portOfIncident(
  incidentPortIds: readonly string[] | undefined,
  blmPorts: readonly Pick<PortStatus, 'id'>[],
): string | undefined {
  return incidentPortIds?.find((portId) => blmPorts.some((port) => port.id === portId));
}

/** A `datetime-local` value (the viewer's clock, to the second) for an instant, and back. */
export function toLocalInput(ms: number): string {
  const date = new Date(ms);
  const pad = (value: number) => String(value).padStart(2, '0');
  const day = `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
  return `${day}T${pad(date.getHours())}:${pad(date.getMinutes())}:${pad(date.getSeconds())}`;
}

export function fromLocalInput(value: string): string | undefined {
  const ms = new Date(value).getTime();
  return value && !Number.isNaN(ms) ? new Date(ms).toISOString() : undefined;
}

/** A member of a BLM as its mechanism names it. */
export interface NamedMember {
  agency: string;
  side: Side;
  name: BilingualText;
}

/**
 * The name of an agency of a BLM in the reader's language ("Protección Civil" for PC), or undefined when the
 * mechanism does not name it; the code stays beside it on screen, as officers know both.
 */
export function memberName(
  members: readonly NamedMember[] | undefined,
  agency: string,
  side: Side,
  lang: 'en' | 'es',
): string | undefined {
  const member = members?.find((candidate) => candidate.agency === agency && candidate.side === side);
  return member ? member.name[lang] || member.name[lang === 'en' ? 'es' : 'en'] || undefined : undefined;
}
