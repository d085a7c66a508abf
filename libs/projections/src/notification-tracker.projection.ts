import type { DecodedEvent } from '@enlace/consumers';
import { evolveNotification, type ExistingNotification, pendingRecipients } from '@enlace/domain';
import { type Position, occurredAt } from '@enlace/event-store';
import type { Projection } from './projection.js';
import { Residents } from './residents.js';
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
  private readonly notifications: Residents<Resident>;

  /** `trackChanges`: the archive's instance, which writes what changed. */
  constructor(trackChanges = false) {
    this.notifications = new Residents((entry) => entry.state.notificationId, trackChanges);
  }

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
    const state = evolveNotification(current?.state ?? { status: 'none' }, event, occurredAt(event.metadata));
    if (state.status === 'none') return;
    this.notifications.set({ state, revision: event.revision, position: event.position });
  }

  adopt(tracked: TrackedNotification, position: Position): void {
    if (this.notifications.has(tracked.notificationId)) return;
    const { revision, pending: _pending, ...state } = tracked;
    this.notifications.set({ state, revision, position }, false);
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
    for (const id of this.notifications.ids()) {
      const tracked = this.tracked(id)!;
      if (matchesNotification(tracked, filter)) list.push(notificationStatus(tracked, now));
    }
    return list.sort(compareNotifications);
  }

  /** How many resident notifications are past their acknowledgment deadline with a recipient yet to acknowledge. */
  overdue(now: Date): number {
    let overdue = 0;
    for (const id of this.notifications.ids()) if (notificationStatus(this.tracked(id)!, now).overdue) overdue += 1;
    return overdue;
  }

  /** Notifications no longer awaiting acknowledgment whose last event the archive has: they may leave memory. */
  evictable(upTo: Position): Iterable<string> {
    return this.notifications.evictable(
      upTo,
      (entry) => !awaitsAcknowledgment(this.tracked(entry.state.notificationId)!),
    );
  }

  evict(notificationId: string): void {
    this.notifications.evict(notificationId);
  }

  /** The notifications changed since the last call (the archive's instance). */
  drainChanged(): TrackedNotification[] {
    return this.notifications.drainChanged().flatMap((id) => this.tracked(id) ?? []);
  }

  snapshot(): NotificationTrackerSnapshot {
    return { notifications: this.notifications.snapshot() };
  }

  restore(snapshot: NotificationTrackerSnapshot | undefined): void {
    this.notifications.restore(snapshot?.notifications);
  }

  toJSON(): Record<string, TrackedNotification> {
    const json: Record<string, TrackedNotification> = {};
    for (const id of [...this.notifications.ids()].sort()) json[id] = this.tracked(id)!;
    return json;
  }
}
