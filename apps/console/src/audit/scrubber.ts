// The moments of an incident's timeline scrubber: every event of the incident and every event of the ports' shutdowns
// declared for it (its checklist, sign-offs, reopenings), merged in the order of the log, one stop per event.
import type { Side } from '../api/types';
import { streamParts } from '../live/feed-state';
import type { HistoryItem } from './types';

/** One stop of the scrubber: an event of the incident or of a shutdown linked to it. */
export interface Moment {
  position: string;
  recordedAt: string;
  stream: string;
  type: string;
  actor: string;
  agency: string;
  side: Side | null;
  /** The port whose stream this is, for a shutdown's event. */
  portId?: string;
}

type RecordEvent = Pick<
  HistoryItem,
  'position' | 'recordedAt' | 'stream' | 'type' | 'actor' | 'agency' | 'side' | 'data'
>;

const dataOf = (value: unknown): Record<string, unknown> =>
  value && typeof value === 'object' ? (value as Record<string, unknown>) : {};

/** The ports an incident's event lists: all of them when reported, the new list when an update changes it. */
function listedPorts(event: { type: string; data: unknown }): unknown[] {
  const data = dataOf(event.data);
  const listed =
    event.type === 'IncidentReported'
      ? data.affectedPortIds
      : event.type === 'IncidentUpdated'
        ? dataOf(data.changes).affectedPortIds
        : undefined;
  return Array.isArray(listed) ? listed : [];
}

/** The ports an incident affected at any time: reported with, or added by an update, in order of appearance. */
export function affectedPortIds(incidentEvents: readonly { type: string; data: unknown }[]): string[] {
  const ports: string[] = [];
  for (const event of incidentEvents) {
    for (const id of listedPorts(event)) if (typeof id === 'string' && !ports.includes(id)) ports.push(id);
  }
  return ports;
}

/** A port's events that belong to a shutdown declared for `incidentId` (from its declaration to its reopening). */
export function linkedPortEvents<Event extends { type: string; data: unknown }>(
  portEvents: readonly Event[],
  incidentId: string,
): Event[] {
  const shutdowns = new Set<string>();
  const linked: Event[] = [];
  for (const event of portEvents) {
    const data = dataOf(event.data);
    const shutdownId = typeof data.shutdownId === 'string' ? data.shutdownId : undefined;
    if (event.type === 'PortShutdownDeclared' && data.incidentId === incidentId && shutdownId) {
      shutdowns.add(shutdownId);
    }
    if (shutdownId && shutdowns.has(shutdownId)) linked.push(event);
  }
  return linked;
}

/** The scrubber's stops: the incident's events and the linked ports' events, in log order, each position once. */
export function scrubberMoments(incidentId: string, events: readonly RecordEvent[]): Moment[] {
  const byPosition = new Map<string, Moment>();
  for (const event of events) {
    const [category, id] = streamParts(event.stream);
    if (!(category === 'port' || (category === 'incident' && id === incidentId))) continue;
    byPosition.set(event.position, {
      position: event.position,
      recordedAt: event.recordedAt,
      stream: event.stream,
      type: event.type,
      actor: event.actor,
      agency: event.agency,
      side: event.side,
      ...(category === 'port' ? { portId: id } : {}),
    });
  }
  return [...byPosition.values()].sort((a, b) => (a.position < b.position ? -1 : a.position > b.position ? 1 : 0));
}

/** The stop `delta` events away from `index` (the first or the last at the ends). */
export function step(index: number, delta: number, count: number): number {
  if (count <= 0) return 0;
  return Math.min(count - 1, Math.max(0, index + delta));
}

/** The stop a key moves to from `index`, as a slider reads it; undefined for other keys. */
export function stepForKey(key: string, index: number, count: number): number | undefined {
  const page = Math.max(1, Math.round(count / 10));
  switch (key) {
    case 'ArrowRight':
    case 'ArrowUp':
      return step(index, 1, count);
    case 'ArrowLeft':
    case 'ArrowDown':
      return step(index, -1, count);
    case 'PageUp':
      return step(index, page, count);
    case 'PageDown':
      return step(index, -page, count);
    case 'Home':
      return 0;
    case 'End':
      return Math.max(0, count - 1);
    default:
      return undefined;
  }
}

/** The last stop at or before `position` (the first when it is before them all); the first without a position. */
export function indexAt(moments: readonly Moment[], position: string | undefined): number {
  if (!position) return 0;
  let found = 0;
  moments.forEach((moment, index) => {
    if (moment.position <= position) found = index;
  });
  return found;
}

/** The port shown beside the incident at a stop: the stop's own port, else the first port the incident affected. */
export function portAt(moments: readonly Moment[], index: number, affected: readonly string[]): string | undefined {
  for (let i = index; i >= 0; i -= 1) {
    const portId = moments[i]?.portId;
    if (portId) return portId;
  }
  return affected[0] ?? moments.find((moment) => moment.portId)?.portId;
}
