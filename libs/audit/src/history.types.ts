// The auditors' history as the api answers it (GET /api/audit/history): types only, with nothing to import but the
// domain's vocabulary, so the browser console reads the same declarations (`@enlace/history-types`).
import type { Side } from '@enlace/domain';

/** The records the history can be narrowed to (`?aggregate=`). */
export const HISTORY_AGGREGATES = ['incident', 'port', 'notification', 'drill'] as const;
export type HistoryAggregate = (typeof HISTORY_AGGREGATES)[number];

/** A time on the clocks of one side of a port. */
export interface ZonedTime {
  zone: string;
  /** ISO-8601 with the zone's offset then, e.g. `2025-03-01T09:15:00.000-08:00`. */
  time: string;
}

/** An event's time at the port it concerns, on both sides of the border. */
export interface PortTimes {
  portId: string;
  us: ZonedTime;
  mx: ZonedTime;
}

/** One event of the history, as recorded, with who did it and when (in UTC and at the port it concerns). */
export interface HistoryItem {
  position: string;
  /** When the store recorded it (ISO-8601, UTC). */
  recordedAt: string;
  /** At the port the event concerns (an incident's first affected port, a port, a notification's subject port). */
  local: PortTimes | null;
  type: string;
  actor: string;
  agency: string;
  side: Side | null;
  role: string;
  /** `live`, or `drill` for a drill's own stream (then `drillId`, and `drillTime` for what happened on its clock). */
  world: 'live' | 'drill';
  drillId?: string;
  drillTime?: string;
  correlationId: string;
  causationId: string | null;
  stream: string;
  revision: number;
  data: unknown;
}

export interface HistoryPage {
  items: HistoryItem[];
  /** Where the next page starts (`after=`); `null` once the end of the history (as recorded now) was reached. */
  next: string | null;
}
