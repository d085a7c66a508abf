import { decodeOrThrow, type DecodedEvent } from '@enlace/consumers';
import { DomainError, type ReferenceCatalog } from '@enlace/domain';
import type { EventStore, Position, RecordedEvent } from '@enlace/event-store';
import {
  type ActivityEntry,
  boardEntry,
  type IncidentBoardEntry,
  IncidentBoardProjection,
  type IncidentDetail,
  NotificationTrackerProjection,
  type NotificationStatus,
  PortStatusProjection,
  type PortStatus,
} from '@enlace/projections';
import { type Change, changesBetween } from './changes.js';

export const AS_OF_AGGREGATES = ['incident', 'port', 'notification'] as const;
export type AsOfAggregate = (typeof AS_OF_AGGREGATES)[number];

/** A moment of the log: an instant (events recorded at or before it) or a position (events at or before it). */
export type Moment = { at: string } | { position: Position };

/** One event as an auditor reads it beside a state: where, what, who. */
export interface EventLine {
  position: Position;
  recordedAt: string;
  streamId: string;
  revision: number;
  type: string;
  actor: string;
  agency: string;
  side: string | null;
  data: unknown;
}

export interface AsOfView {
  aggregate: AsOfAggregate;
  id: string;
  moment: Moment;
  /** The last event folded (undefined when the aggregate did not exist yet). */
  lastEvent?: EventLine;
  /** The read model's view then (undefined when it did not exist yet). */
  state?: IncidentDetail | PortStatus | NotificationStatus;
  /** An incident's activity log up to then. */
  timeline?: ActivityEntry[];
  /** The events around the moment: the last few before it and the first few after it. */
  around: { before: EventLine[]; after: EventLine[] };
}

export interface DiffView {
  aggregate: AsOfAggregate;
  id: string;
  from: AsOfView;
  to: AsOfView;
  /** What changed (JSON paths), and the events that changed it, in order. */
  changes: Change[];
  events: EventLine[];
}

const AROUND = 5;

/** What the live system knows now, for the board as of an instant (see `AsOf.board`). */
export interface BoardSource {
  /** Every incident open now (the live read models hold them all). */
  openIncidents(): Promise<IncidentBoardEntry[]>;
  /** Incidents changed after `at` (open or closed), newest change first, a page at a time. */
  changedSince(at: string): AsyncIterable<IncidentBoardEntry>;
  /** A port as the live read models show it now. */
  port(portId: string): PortStatus | undefined;
}

/** The incident board and every port as they stood at an instant. */
export interface BoardAsOf {
  at: string;
  incidents: IncidentBoardEntry[];
  ports: PortStatus[];
}

function line(event: RecordedEvent): EventLine {
  const { actor, agency, country, recordedAt } = event.metadata;
  return {
    position: event.position,
    recordedAt,
    streamId: event.streamId,
    revision: event.revision,
    type: event.type,
    actor,
    agency,
    side: country ?? null,
    data: event.data,
  };
}

function within(event: RecordedEvent, moment: Moment): boolean {
  return 'position' in moment ? event.position <= moment.position : event.metadata.recordedAt <= moment.at;
}

/**
 * State as of any moment (Marten's time travel, Datomic's as-of): one incident, port or notification is its stream's
 * events folded up to the moment by the same projection the live read models use, so the view is the one the console
 * showed then. Reads one stream, whatever the size of the log.
 */
export class AsOf {
  constructor(
    private readonly store: EventStore,
    private readonly reference: ReferenceCatalog,
    private readonly timelineOf: (incidentId: string) => Promise<ActivityEntry[] | undefined>,
  ) {}

  async view(aggregate: AsOfAggregate, id: string, moment: Moment, now: Date): Promise<AsOfView> {
    const events = await this.streamEvents(aggregate, id);
    const before = events.filter((event) => within(event, moment));
    const after = events.slice(before.length);
    const view: AsOfView = {
      aggregate,
      id,
      moment,
      around: { before: before.slice(-AROUND).map(line), after: after.slice(0, AROUND).map(line) },
    };
    const last = before.at(-1);
    if (!last) return view;
    view.lastEvent = line(last);
    const decoded = before.map((event) => decodeOrThrow(event));
    // A notification's overdue state is judged at the moment, not now.
    const then =
      'at' in moment ? new Date(moment.at) : new Date(Math.min(now.getTime(), Date.parse(last.metadata.recordedAt)));
    view.state = this.fold(aggregate, id, decoded, then);
    if (aggregate === 'incident') {
      const upTo = last.position;
      view.timeline = ((await this.timelineOf(id)) ?? []).filter((entry) => entry.position <= upTo);
    }
    return view;
  }

  async diff(aggregate: AsOfAggregate, id: string, from: Moment, to: Moment, now: Date): Promise<DiffView> {
    const [before, after] = [await this.view(aggregate, id, from, now), await this.view(aggregate, id, to, now)];
    const events = (await this.streamEvents(aggregate, id))
      .filter((event) => !within(event, from) && within(event, to))
      .map(line);
    return { aggregate, id, from: before, to: after, changes: changesBetween(before.state, after.state), events };
  }

  /**
   * The board as it stood at `at`: the incidents open then and every port. An incident untouched since `at` is as it
   * is now; only those changed since are folded back to `at` (their streams up to then), so the cost grows with what
   * happened after the moment, never with the whole history. A port untouched since is as it is now; one changed
   * since is its stream folded up to `at`.
   */
  async board(at: string, source: BoardSource, ports: readonly string[]): Promise<BoardAsOf> {
    const moment: Moment = { at };
    const incidents = new Map<string, IncidentBoardEntry>();
    for (const entry of await source.openIncidents()) {
      if (entry.lastUpdate <= at) incidents.set(entry.incidentId, entry);
    }
    for await (const entry of source.changedSince(at)) {
      const events = (await this.streamEvents('incident', entry.incidentId)).filter((event) => within(event, moment));
      if (events.length === 0) continue;
      const board = new IncidentBoardProjection();
      for (const event of events) board.apply(decodeOrThrow(event));
      const detail = board.detail(entry.incidentId);
      if (detail?.status === 'open') incidents.set(entry.incidentId, boardEntry(detail));
    }
    const portViews: PortStatus[] = [];
    for (const portId of ports) {
      const current = source.port(portId);
      const newest = await this.newest(`port-${portId}`);
      if (current && (!newest || newest.metadata.recordedAt <= at)) {
        portViews.push(current);
        continue;
      }
      const view = await this.view('port', portId, moment, new Date(at));
      // A port with nothing recorded before the moment stood as the reference data has it: open.
      const then = (view.state as PortStatus | undefined) ?? new PortStatusProjection(this.reference).port(portId);
      if (then) portViews.push(then);
    }
    const list = [...incidents.values()].sort((a, b) => (a.reportedAt < b.reportedAt ? 1 : -1));
    return { at, incidents: list, ports: portViews };
  }

  private async newest(streamId: string): Promise<RecordedEvent | undefined> {
    for await (const event of this.store.readStream(streamId, { direction: 'backwards', maxCount: 1 })) return event;
    return undefined;
  }

  private fold(aggregate: AsOfAggregate, id: string, events: DecodedEvent[], then: Date) {
    switch (aggregate) {
      case 'incident': {
        const board = new IncidentBoardProjection();
        for (const event of events) board.apply(event);
        return board.detail(id);
      }
      case 'port': {
        const ports = new PortStatusProjection(this.reference);
        for (const event of events) ports.apply(event);
        return ports.port(id);
      }
      case 'notification': {
        const tracker = new NotificationTrackerProjection();
        for (const event of events) tracker.apply(event);
        return tracker.status(id, then);
      }
    }
  }

  private async streamEvents(aggregate: AsOfAggregate, id: string): Promise<RecordedEvent[]> {
    if (aggregate === 'port' && !this.reference.port(id)) throw notFound(aggregate, id);
    const events: RecordedEvent[] = [];
    for await (const event of this.store.readStream(`${aggregate}-${id}`)) events.push(event);
    if (events.length === 0 && aggregate !== 'port') throw notFound(aggregate, id);
    return events;
  }
}

function notFound(aggregate: AsOfAggregate, id: string): DomainError {
  return new DomainError(
    'AUDIT.UNKNOWN_AGGREGATE',
    'not-found',
    { en: `No ${aggregate} ${id} in the record`, es: `No hay ${SPANISH[aggregate]} ${id} en el registro` },
    { aggregate, id },
  );
}

const SPANISH: Record<AsOfAggregate, string> = {
  incident: 'incidente',
  port: 'puerto',
  notification: 'notificación',
};
