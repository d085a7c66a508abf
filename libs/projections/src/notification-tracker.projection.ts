import type { DecodedEvent } from '@enlace/consumers';
import { evolveNotification, type ExistingNotification, pendingRecipients } from '@enlace/domain';
import type { Position } from '@enlace/event-store';
import type { Projection } from './projection.js';
import type { NotificationStatus, TrackedNotification } from './read-model.types.js';

/** Still calling for work: active with a recipient yet to acknowledge. */
export function awaitsAcknowledgment(notification: TrackedNotification): boolean {
  return notification.status === 'active' && notification.pending.length > 0;
}

/** The archive's status of a notification: `awaiting` acknowledgment, `answered` by all, or `cancelled`. */
export type NotificationStage = 'awaiting' | 'answered' | 'cancelled';

export function notificationStage(notification: TrackedNotification): NotificationStage {
  return notification.status === 'cancelled'
    ? 'cancelled'
    : awaitsAcknowledgment(notification)
      ? 'awaiting'
      : 'answered';
}

export function notificationStatus(tracked: TrackedNotification, now: Date): NotificationStatus {
  const overdue = awaitsAcknowledgment(tracked) && Date.parse(tracked.acknowledgmentDeadline) < now.getTime();
  return { ...tracked, overdue };
}

/** Pending first, then by deadline, then by id: the order of every notification list. */
export function compareNotifications(a: TrackedNotification, b: TrackedNotification): number {
  return (
    Number(awaitsAcknowledgment(b)) - Number(awaitsAcknowledgment(a)) ||
    a.acknowledgmentDeadline.localeCompare(b.acknowledgmentDeadline) ||
    a.notificationId.localeCompare(b.notificationId)
  );
}

/** The archive's order of settled notifications (newest deadline first, as `sort` descending). */
export function notificationSortKey(notification: { acknowledgmentDeadline: string; notificationId: string }): string {
  return `${notification.acknowledgmentDeadline}|${notification.notificationId}`;
}

interface Resident {
  state: ExistingNotification;
  revision: number;
  position: Position;
}

export interface NotificationTrackerSnapshot {
  notifications: Resident[];
}

export interface NotificationFilter {
  blmId?: string;
  status?: 'active' | 'cancelled' | 'all';
}

export function matchesNotification(notification: TrackedNotification, filter: NotificationFilter): boolean {
  return (
    (filter.blmId === undefined || notification.blmId === filter.blmId) &&
    (filter.status === undefined || filter.status === 'all' || notification.status === filter.status)
  );
}

/**
 * Per BLM notification: who acknowledged, who is pending; `overdue` is judged at read time against the clock. Resident:
 * every notification that still calls for work, and a settled one until the archive holds it.
 */
export class NotificationTrackerProjection implements Projection<Record<string, TrackedNotification>> {
  readonly name = 'notification-tracker';
  private readonly notifications = new Map<string, Resident>();
  private readonly changed = new Set<string>();

  get size(): number {
    return this.notifications.size;
  }

  needs(event: DecodedEvent): string | undefined {
    if (event.aggregate !== 'notification' || event.type === 'BlmNotificationIssued') return undefined;
    return this.notifications.has(event.aggregateId) ? undefined : event.aggregateId;
  }

  apply(event: DecodedEvent): void {
    if (event.aggregate !== 'notification') return;
    const id = event.aggregateId;
    const current = this.notifications.get(id);
    if (!current && event.type !== 'BlmNotificationIssued') return;
    if (current && event.revision <= current.revision) return;
    const state = evolveNotification(current?.state ?? { status: 'none' }, event, event.metadata.recordedAt);
    if (state.status === 'none') return;
    this.notifications.set(id, { state, revision: event.revision, position: event.position });
    this.changed.add(id);
  }

  adopt(tracked: TrackedNotification, position: Position): void {
    if (this.notifications.has(tracked.notificationId)) return;
    const { revision, pending: _pending, ...state } = tracked;
    this.notifications.set(tracked.notificationId, { state, revision, position });
  }

  /** The notification's state, if resident (what it is about: its BLM and subject). */
  state(notificationId: string): ExistingNotification | undefined {
    return this.notifications.get(notificationId)?.state;
  }

  tracked(notificationId: string): TrackedNotification | undefined {
    const entry = this.notifications.get(notificationId);
    if (!entry) return undefined;
    return { ...entry.state, revision: entry.revision, pending: pendingRecipients(entry.state) };
  }

  status(notificationId: string, now: Date): NotificationStatus | undefined {
    const tracked = this.tracked(notificationId);
    return tracked ? notificationStatus(tracked, now) : undefined;
  }

  /** The resident notifications (every one awaiting acknowledgment), pending first, then by deadline. */
  list(now: Date, filter: NotificationFilter = {}): NotificationStatus[] {
    const list: NotificationStatus[] = [];
    for (const id of this.notifications.keys()) {
      const tracked = this.tracked(id)!;
      if (matchesNotification(tracked, filter)) list.push(notificationStatus(tracked, now));
    }
    return list.sort(compareNotifications);
  }

  *evictable(upTo: Position): Iterable<string> {
    for (const id of this.notifications.keys()) {
      const entry = this.notifications.get(id)!;
      if (entry.position <= upTo && !awaitsAcknowledgment(this.tracked(id)!)) yield id;
    }
  }

  evict(notificationId: string): void {
    this.notifications.delete(notificationId);
    this.changed.delete(notificationId);
  }

  drainChanged(): TrackedNotification[] {
    const changed = [...this.changed].flatMap((id) => {
      const tracked = this.tracked(id);
      return tracked ? [tracked] : [];
    });
    this.changed.clear();
    return changed;
  }

  snapshot(): NotificationTrackerSnapshot {
    return { notifications: [...this.notifications.values()] };
  }

  restore(snapshot: NotificationTrackerSnapshot | undefined): void {
    this.notifications.clear();
    this.changed.clear();
    for (const entry of snapshot?.notifications ?? []) this.notifications.set(entry.state.notificationId, entry);
  }

  toJSON(): Record<string, TrackedNotification> {
    const json: Record<string, TrackedNotification> = {};
    for (const id of [...this.notifications.keys()].sort()) json[id] = this.tracked(id)!;
    return json;
  }
}
