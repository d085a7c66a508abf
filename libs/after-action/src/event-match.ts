import type { Side } from '@enlace/domain';
import type { EventMatch } from '@enlace/scenarios';
import type { ObservedEvent } from './evaluation.types.js';

/** The fields of an event's data that say which side acted, in the order they are trusted. */
interface SideBearingData {
  side?: Side;
  reportedBy?: { side: Side };
  declaredBy?: { side: Side };
  issuedBy?: { side: Side };
  itemId?: string;
}

/**
 * The side an event belongs to, for a measure's `side`: the side its data records (the domain fact, which also holds
 * for events Enlace's own processes record), else the side of who declared, reported or issued it, else the actor's.
 */
export function sideOf(event: ObservedEvent): Side | undefined {
  const data = event.data as SideBearingData;
  return (
    data.side ?? data.reportedBy?.side ?? data.declaredBy?.side ?? data.issuedBy?.side ?? event.actor?.side ?? undefined
  );
}

export function matches(event: ObservedEvent, match: EventMatch): boolean {
  if (event.type !== match.event) return false;
  if (match.side !== undefined && sideOf(event) !== match.side) return false;
  if (match.itemId !== undefined && (event.data as SideBearingData).itemId !== match.itemId) return false;
  return true;
}

/** The first event (events in drill-time order) that matches, at or after a drill time when one is given. */
export function firstMatch(
  events: readonly ObservedEvent[],
  match: EventMatch,
  notBeforeMs = Number.NEGATIVE_INFINITY,
): ObservedEvent | undefined {
  return events.find((event) => Date.parse(event.occurredAt) >= notBeforeMs && matches(event, match));
}

/**
 * The event at the time it was done: a JCP step recorded after the fact carries the time the officer gave (the centre
 * was called at 10:05, entered at 10:40), and an objective measures the call, not the typing. Any other event was done
 * when it was recorded.
 */
export function asDone(event: ObservedEvent): ObservedEvent {
  switch (event.type) {
    case 'NationalCenterNotified':
    case 'CounterpartCenterNotified':
      return event.data.occurredAt === undefined ? event : { ...event, occurredAt: event.data.occurredAt };
    default:
      return event;
  }
}

/**
 * Events in drill-time order, each at the time it was done ({@link asDone}); events at the same time keep the order
 * they were given in (the store's).
 */
export function inDrillTimeOrder(events: readonly ObservedEvent[]): ObservedEvent[] {
  return events
    .map(asDone)
    .map((event, index) => ({ event, index, ms: Date.parse(event.occurredAt) }))
    .sort((a, b) => a.ms - b.ms || a.index - b.index)
    .map(({ event }) => event);
}
