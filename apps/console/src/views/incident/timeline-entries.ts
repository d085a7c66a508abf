// What the incident's activity log shows an officer: what people did. The worker's delivery attempts (one line per
// message, per retry) stay in the record and the ICS-214, and are on the notification cards as per-recipient state;
// here they are counted and folded away, or a single unreachable endpoint buries the incident's own steps.
import type { ActivityEntry } from '../../api/types';

const DELIVERY_TYPES: ReadonlySet<string> = new Set([
  'BlmNotificationDelivered',
  'BlmNotificationDeliveryFailed',
  'BlmNotificationDeliveryAbandoned',
]);

export function isDeliveryAttempt(entry: Pick<ActivityEntry, 'type'>): boolean {
  return DELIVERY_TYPES.has(entry.type);
}

/** The entries to show, newest first, and how many delivery attempts were folded away. */
export function timelineView(
  entries: readonly ActivityEntry[],
  showDeliveries: boolean,
): { shown: ActivityEntry[]; deliveries: number } {
  const newestFirst = [...entries].reverse();
  const deliveries = newestFirst.filter(isDeliveryAttempt).length;
  return { shown: showDeliveries ? newestFirst : newestFirst.filter((entry) => !isDeliveryAttempt(entry)), deliveries };
}
