import type { DecodedEvent } from '@enlace/consumers';
import { evolveNotification, type NotificationState, pendingRecipients } from '@enlace/domain';
import type { Projection } from './projection.js';
import type { NotificationStatus, TrackedNotification } from './read-model.types.js';

/** Per BLM notification: who acknowledged, who is pending; `overdue` is judged at read time against the clock. */
export class NotificationTrackerProjection implements Projection<Record<string, TrackedNotification>> {
  readonly name = 'notification-tracker';
  private readonly notifications = new Map<string, { state: NotificationState; revision: number }>();

  apply(event: DecodedEvent): void {
    if (event.aggregate !== 'notification') return;
    const id = event.aggregateId;
    const current = this.notifications.get(id);
    if (current && event.revision <= current.revision) return;
    const state = evolveNotification(current?.state ?? { status: 'none' }, event, event.metadata.recordedAt);
    this.notifications.set(id, { state, revision: event.revision });
  }

  tracked(notificationId: string): TrackedNotification | undefined {
    const entry = this.notifications.get(notificationId);
    if (!entry || entry.state.status === 'none') return undefined;
    return { ...entry.state, revision: entry.revision, pending: pendingRecipients(entry.state) };
  }

  status(notificationId: string, now: Date): NotificationStatus | undefined {
    const tracked = this.tracked(notificationId);
    if (!tracked) return undefined;
    const overdue =
      tracked.status === 'active' &&
      tracked.pending.length > 0 &&
      Date.parse(tracked.acknowledgmentDeadline) < now.getTime();
    return { ...tracked, overdue };
  }

  /** Pending first, then by deadline. */
  list(now: Date, filter: { blmId?: string; status?: 'active' | 'cancelled' | 'all' } = {}): NotificationStatus[] {
    return [...this.notifications.keys()]
      .map((id) => this.status(id, now))
      .filter(
        (notification): notification is NotificationStatus =>
          notification !== undefined &&
          (filter.blmId === undefined || notification.blmId === filter.blmId) &&
          (filter.status === undefined || filter.status === 'all' || notification.status === filter.status),
      )
      .sort(
        (a, b) =>
          Number(b.status === 'active' && b.pending.length > 0) -
            Number(a.status === 'active' && a.pending.length > 0) ||
          a.acknowledgmentDeadline.localeCompare(b.acknowledgmentDeadline) ||
          a.notificationId.localeCompare(b.notificationId),
      );
  }

  toJSON(): Record<string, TrackedNotification> {
    const json: Record<string, TrackedNotification> = {};
    for (const id of [...this.notifications.keys()].sort()) {
      const tracked = this.tracked(id);
      if (tracked) json[id] = tracked;
    }
    return json;
  }
}
