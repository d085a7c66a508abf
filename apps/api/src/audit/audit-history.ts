import { worldOfStream } from '@enlace/domain';
import { comparePositions, type EventStore, type Position, type RecordedEvent } from '@enlace/event-store';
import type { EventPlaces } from './event-places.js';
import { type HistoryFilter, matchesFilter, storeFilterOf } from './history-filter.js';
import { zonedIso } from './local-time.js';

/**
 * The most events one page request reads after the store's own filtering (stream prefixes, types): a filter the
 * store cannot apply (a time range, an actor, a side) that keeps few of them ends the page early, with a `next`
 * cursor where it stopped, instead of reading the whole history in one request.
 */
export const MAX_READ_PER_PAGE = 20_000;

export type { HistoryItem, HistoryPage, PortTimes, ZonedTime } from '@enlace/audit';
import type { HistoryItem, HistoryPage } from '@enlace/audit';

/** The auditors' history: the store's global log, filtered, one page at a time or streamed whole. */
export class AuditHistory {
  constructor(
    private readonly store: EventStore,
    private readonly places: EventPlaces,
  ) {}

  async page(filter: HistoryFilter, after: Position | undefined, limit: number): Promise<HistoryPage> {
    const items: HistoryItem[] = [];
    let read = 0;
    for await (const event of this.read(filter, after)) {
      read += 1;
      if (matchesFilter(filter, event)) items.push(await this.item(event));
      if (items.length === limit || read === MAX_READ_PER_PAGE) return { items, next: event.position };
    }
    return { items, next: null };
  }

  /** Every event of the filter after `after` up to `upTo` (inclusive), in position order, read as it is consumed. */
  async *stream(
    filter: HistoryFilter,
    after: Position | undefined,
    upTo: Position | undefined,
  ): AsyncGenerator<HistoryItem> {
    if (upTo === undefined) return;
    for await (const event of this.read(filter, after)) {
      if (comparePositions(event.position, upTo) > 0) return;
      if (matchesFilter(filter, event)) yield await this.item(event);
    }
  }

  private read(filter: HistoryFilter, after: Position | undefined): AsyncIterable<RecordedEvent> {
    return this.store.readAll({
      filter: storeFilterOf(filter),
      ...(after !== undefined ? { fromPosition: after } : {}),
    });
  }

  private async item(event: RecordedEvent): Promise<HistoryItem> {
    const { metadata } = event;
    const { world } = worldOfStream(event.streamId);
    const port = await this.places.portOf(event);
    return {
      position: event.position,
      recordedAt: metadata.recordedAt,
      local: port
        ? {
            portId: port.id,
            us: { zone: port.timeZones.us, time: zonedIso(metadata.recordedAt, port.timeZones.us) },
            mx: { zone: port.timeZones.mx, time: zonedIso(metadata.recordedAt, port.timeZones.mx) },
          }
        : null,
      type: event.type,
      actor: metadata.actor,
      agency: metadata.agency,
      side: metadata.country,
      role: metadata.role,
      world: world.kind,
      ...(world.kind === 'drill' ? { drillId: world.drillId } : {}),
      ...(metadata.drillTime !== undefined ? { drillTime: metadata.drillTime } : {}),
      correlationId: metadata.correlationId,
      causationId: metadata.causationId,
      stream: event.streamId,
      revision: event.revision,
      data: event.data,
    };
  }
}
