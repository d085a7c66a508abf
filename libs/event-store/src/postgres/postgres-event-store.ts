import {
  EventStoreClosedError,
  IdempotencyConflictError,
  InvalidInputError,
  WrongExpectedVersionError,
} from '../errors.js';
import type {
  AppendResult,
  ChainBreak,
  EventFilter,
  EventMetadata,
  EventStore,
  EventToAppend,
  ExpectedRevision,
  Position,
  ReadAllOptions,
  ReadStreamOptions,
  RecordedEvent,
  SubscribeOptions,
  Subscription,
  VerifyResult,
} from '../event-store.port.js';
import { formatPosition, splitPosition } from '../event-store.port.js';
import { randomUUID } from 'node:crypto';
import { contentDigest, type StoredLink, verifyChain } from '../hash-chain.js';
import { readAhead } from '../paged-read.js';
import { type Page, PollingSubscription } from '../polling-subscription.js';
import {
  assertEventType,
  assertStreamId,
  assertStreamPrefix,
  DEFAULT_MAX_PAYLOAD_BYTES,
  prepareAppend,
} from '../validation.js';
import { CoalescingNotifier, Wakeup } from '../wakeup.js';
import { NOTIFY_CHANNEL, SCHEMA_SQL } from './schema.js';
import { SqlCheckpointStore } from './sql-checkpoint-store.js';
import { type SqlDriver, sqlErrorOf } from './sql-driver.js';

export interface PostgresEventStoreOptions {
  /** Largest accepted `data` + `metadata` of one event, in bytes of JSON. */
  maxPayloadBytes?: number;
  /** Fallback poll of live subscriptions when no NOTIFY arrives. */
  pollIntervalMs?: number;
  /** Rows read per round trip by `readAll` and subscriptions. */
  batchSize?: number;
}

interface EventRow {
  tx: string;
  gp: string;
  stream_id: string;
  revision: string;
  event_id: string;
  event_type: string;
  data: unknown;
  metadata: EventMetadata;
  /** ISO 8601 in UTC to the millisecond, as `Date.toISOString()` writes it (formatted by the server, not per event here). */
  recorded_iso: string;
  hash: string;
}

/** A row of the global log scanned by a page: one that does not match the filter carries no data nor metadata. */
type PageRow = EventRow & { matched: boolean };

/** `recorded_at` is stored truncated to the millisecond (see `es_append`), so `MS` loses nothing. */
const RECORDED_ISO = `to_char(e.recorded_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;
const EVENT_COLUMNS = `e.tx_id::text AS tx, e.global_position::text AS gp, e.stream_id, e.revision::text AS revision,
  e.event_id::text AS event_id, e.event_type, e.data, e.metadata, ${RECORDED_ISO} AS recorded_iso, e.hash`;
/** The page's columns: a row the filter passes over only moves the cursor, so its JSON is neither sent nor parsed. */
const PAGE_COLUMNS = `e.tx_id::text AS tx, e.global_position::text AS gp, e.matched, e.stream_id,
  e.revision::text AS revision, e.event_id::text AS event_id, e.event_type,
  CASE WHEN e.matched THEN e.data END AS data, CASE WHEN e.matched THEN e.metadata END AS metadata,
  ${RECORDED_ISO} AS recorded_iso, e.hash`;
const HORIZON = `e.tx_id < pg_snapshot_xmin(pg_current_snapshot())`;

function parsePosition(position: Position | undefined, field: string): [string, string] {
  if (position === undefined) return ['0', '0'];
  const parts = splitPosition(position);
  if (!parts) throw new InvalidInputError(field, 'is not a position of this event store');
  return [parts[0].toString(), parts[1].toString()];
}

/** The position, once it is known to be one of this store's. */
function checkedPosition(position: Position | undefined, field: string): Position | undefined {
  parsePosition(position, field);
  return position;
}

function toRecorded(row: EventRow): RecordedEvent {
  return {
    id: row.event_id,
    type: row.event_type,
    streamId: row.stream_id,
    revision: Number(row.revision),
    position: formatPosition(row.tx, row.gp),
    data: row.data,
    // The row's metadata was parsed for this event alone: stamped in place rather than copied (once per event read).
    metadata: Object.assign(row.metadata, { recordedAt: row.recorded_iso }),
    hash: row.hash,
  };
}

function validateFilter(filter: EventFilter | undefined): { prefixes: string[] | null; types: string[] | null } {
  const prefixes = filter?.streamPrefixes ? [...filter.streamPrefixes] : null;
  const types = filter?.eventTypes ? [...filter.eventTypes] : null;
  prefixes?.forEach((prefix, i) => assertStreamPrefix(prefix, `filter.streamPrefixes[${i}]`));
  types?.forEach((type, i) => assertEventType(type, `filter.eventTypes[${i}]`));
  return { prefixes, types };
}

function positiveInteger(value: number | undefined, field: string): number | undefined {
  if (value === undefined) return undefined;
  if (!Number.isSafeInteger(value) || value < 0) throw new InvalidInputError(field, 'must be an integer ≥ 0');
  return value;
}

/**
 * The event store on PostgreSQL: the same schema and SQL on a PostgreSQL server (`pg`) and on embedded PGlite.
 * Appends run in one database function (the expected-revision check and the hash chain are enforced by the
 * database, under the stream row's lock); the global log is read below the transaction-id horizon.
 */
export class PostgresEventStore implements EventStore {
  private readonly maxPayloadBytes: number;
  private readonly pollIntervalMs: number;
  private readonly batchSize: number;
  private readonly wakeup = new Wakeup();
  private readonly subscriptions = new Set<PollingSubscription>();
  private unlisten: (() => Promise<void>) | undefined;
  /** Wakes subscribers in other processes; this process's own are woken directly. */
  private readonly crossProcessNotifier: CoalescingNotifier | undefined;
  /** Signs this store's NOTIFYs, so that it does not wake its own subscribers a second time when they come back. */
  private readonly instanceId = randomUUID();
  private closed = false;
  readonly checkpoints: SqlCheckpointStore;

  private constructor(
    private readonly driver: SqlDriver,
    options: PostgresEventStoreOptions,
  ) {
    this.checkpoints = new SqlCheckpointStore(driver);
    this.maxPayloadBytes = options.maxPayloadBytes ?? DEFAULT_MAX_PAYLOAD_BYTES;
    this.pollIntervalMs = options.pollIntervalMs ?? 500;
    this.batchSize = options.batchSize ?? 1_000;
    if (driver.kind === 'postgres') {
      this.crossProcessNotifier = new CoalescingNotifier(async () => {
        await driver.query(`SELECT pg_notify('${NOTIFY_CHANNEL}', $1)`, [this.instanceId]);
      });
    }
  }

  /** Creates the schema if needed and starts listening for appends. */
  static async open(driver: SqlDriver, options: PostgresEventStoreOptions = {}): Promise<PostgresEventStore> {
    const store = new PostgresEventStore(driver, options);
    try {
      await driver.exec(SCHEMA_SQL);
      store.unlisten = await driver.listen(NOTIFY_CHANNEL, (payload) => {
        // Its own appends woke this store's subscribers already (in append); a second read would find nothing.
        if (payload !== store.instanceId) store.wakeup.notify();
      });
    } catch (error) {
      await driver.close().catch(() => undefined);
      throw error;
    }
    return store;
  }

  get driverKind(): SqlDriver['kind'] {
    return this.driver.kind;
  }

  async append(streamId: string, events: readonly EventToAppend[], expected: ExpectedRevision): Promise<AppendResult> {
    this.assertOpen();
    const prepared = prepareAppend(streamId, events, expected, this.maxPayloadBytes);
    // Built from the JSON already serialised for validation, so each payload is stringified once.
    const payload = `[${prepared
      .map(
        (event) =>
          `{"id":"${event.id}","type":"${event.type}","digest":"${contentDigest(event.data, event.metadata)}",` +
          `"data":${event.dataJson},"metadata":${event.metadataJson}}`,
      )
      .join(',')}]`;
    try {
      const [row] = await this.driver.query<{ next_revision: string; tx: string; global_position: string }>(
        `SELECT next_revision::text, tx, global_position::text FROM es_append($1, $2, $3::jsonb)`,
        [streamId, String(expected), payload],
      );
      if (!row) throw new Error('es_append returned no row');
      this.wakeup.notify();
      this.crossProcessNotifier?.poke();
      return {
        nextExpectedRevision: Number(row.next_revision),
        position: formatPosition(row.tx, row.global_position),
      };
    } catch (error) {
      const { code, detail, constraint } = sqlErrorOf(error);
      if (code === 'EN001') throw new WrongExpectedVersionError(streamId, expected, Number(detail));
      if (code === 'EN002') throw new IdempotencyConflictError(streamId, detail ? detail.split(',') : []);
      if (code === '23505' && constraint === 'es_events_stream_event_id') {
        throw new IdempotencyConflictError(
          streamId,
          await this.existingIds(
            streamId,
            prepared.map((event) => event.id),
          ),
        );
      }
      throw error;
    }
  }

  private async existingIds(streamId: string, ids: string[]): Promise<string[]> {
    const rows = await this.driver.query<{ event_id: string }>(
      `SELECT event_id::text FROM es_events WHERE stream_id = $1 AND event_id = ANY ($2::uuid[]) ORDER BY revision`,
      [streamId, ids],
    );
    return rows.map((row) => row.event_id);
  }

  readStream(streamId: string, options: ReadStreamOptions = {}): AsyncIterable<RecordedEvent> {
    const backwards = options.direction === 'backwards';
    type Cursor = { from: number | null; left: number } | 'start';
    return readAhead<RecordedEvent, Cursor>('start', async (cursor) => {
      this.assertOpen();
      assertStreamId(streamId);
      const { from, left } =
        cursor === 'start'
          ? {
              from: positiveInteger(options.fromRevision, 'fromRevision') ?? null,
              left: positiveInteger(options.maxCount, 'maxCount') ?? Number.POSITIVE_INFINITY,
            }
          : cursor;
      if (left === 0) return { items: [], next: undefined };
      const limit = Math.min(this.batchSize, left);
      const rows = await this.driver.query<EventRow>(
        `SELECT ${EVENT_COLUMNS} FROM es_events e
          WHERE e.stream_id = $1 AND ($2::bigint IS NULL OR e.revision ${backwards ? '<=' : '>='} $2::bigint)
          ORDER BY e.revision ${backwards ? 'DESC' : 'ASC'} LIMIT $3`,
        [streamId, from, limit],
      );
      const last = rows.at(-1);
      const more = last !== undefined && rows.length === limit && left > limit;
      return {
        items: rows.map(toRecorded),
        next: more ? { from: Number(last.revision) + (backwards ? -1 : 1), left: left - limit } : undefined,
      };
    });
  }

  async streamRevision(streamId: string): Promise<number> {
    this.assertOpen();
    assertStreamId(streamId);
    const [row] = await this.driver.query<{ revision: string | null }>(
      `SELECT max(revision)::text AS revision FROM es_events WHERE stream_id = $1`,
      [streamId],
    );
    return row?.revision === null || row?.revision === undefined ? -1 : Number(row.revision);
  }

  readAll(options: ReadAllOptions = {}): AsyncIterable<RecordedEvent> {
    type Cursor = { after: Position | undefined; left: number } | 'start';
    return readAhead<RecordedEvent, Cursor>('start', async (cursor) => {
      this.assertOpen();
      const filter = validateFilter(options.filter);
      const { after, left } =
        cursor === 'start'
          ? {
              after: checkedPosition(options.fromPosition, 'fromPosition'),
              left: positiveInteger(options.maxCount, 'maxCount') ?? Number.POSITIVE_INFINITY,
            }
          : cursor;
      if (left === 0) return { items: [], next: undefined };
      // Unfiltered, every row scanned is one to yield: no more than that are read.
      const unfiltered = filter.prefixes === null && filter.types === null;
      const page = await this.readPage(after, filter, unfiltered ? Math.min(this.batchSize, left) : this.batchSize);
      const items = page.events.length > left ? page.events.slice(0, left) : page.events;
      const more = page.full && page.scannedTo !== undefined && left > items.length;
      return { items, next: more ? { after: page.scannedTo, left: left - items.length } : undefined };
    });
  }

  subscribe(options: SubscribeOptions = {}): Subscription {
    this.assertOpen();
    const filter = validateFilter(options.filter);
    const from = options.from ?? 'start';
    if (from !== 'start' && from !== 'end') parsePosition(from, 'from');
    if (options.pollOnlyMs !== undefined && !(Number.isSafeInteger(options.pollOnlyMs) && options.pollOnlyMs >= 10)) {
      throw new InvalidInputError('pollOnlyMs', 'must be an integer ≥ 10 (ms)');
    }
    const subscription = new PollingSubscription({
      // A poll-only follower waits on a wake-up of its own, which no append sounds.
      wakeup: options.pollOnlyMs === undefined ? this.wakeup : new Wakeup(),
      pollIntervalMs: options.pollOnlyMs ?? this.pollIntervalMs,
      resolveStart: async () => (from === 'start' ? undefined : from === 'end' ? this.headPosition() : from),
      readPage: (after) => this.readPage(after, filter),
      onClose: (closed) => this.subscriptions.delete(closed),
    });
    this.subscriptions.add(subscription);
    return subscription;
  }

  async headPosition(): Promise<Position | undefined> {
    this.assertOpen();
    const [row] = await this.driver.query<{ tx: string; gp: string }>(
      `SELECT e.tx_id::text AS tx, e.global_position::text AS gp FROM es_events e
        WHERE ${HORIZON} ORDER BY e.tx_id DESC, e.global_position DESC LIMIT 1`,
    );
    return row ? formatPosition(row.tx, row.gp) : undefined;
  }

  async verify(streamId?: string): Promise<VerifyResult> {
    this.assertOpen();
    if (streamId !== undefined) assertStreamId(streamId);
    const result: VerifyResult = { ok: true, streamsChecked: 0, eventsChecked: 0, breaks: [] };
    let after = '';
    for (;;) {
      const streams = await this.driver.query<{ stream_id: string }>(
        streamId === undefined
          ? `SELECT stream_id FROM es_streams WHERE stream_id > $1 ORDER BY stream_id LIMIT 200`
          : `SELECT stream_id FROM es_streams WHERE stream_id = $1`,
        [streamId ?? after],
      );
      for (const stream of streams) {
        const broken = await this.verifyStream(stream.stream_id, result);
        if (broken) result.breaks.push(broken);
        result.streamsChecked += 1;
      }
      if (streamId !== undefined || streams.length < 200) break;
      after = streams[streams.length - 1]!.stream_id;
    }
    result.ok = result.breaks.length === 0;
    return result;
  }

  async ping(): Promise<void> {
    this.assertOpen();
    await this.driver.query('SELECT 1');
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await Promise.all([...this.subscriptions].map((subscription) => subscription.close()));
    await this.crossProcessNotifier?.close();
    await this.unlisten?.().catch(() => undefined);
    await this.driver.close();
  }

  private async verifyStream(streamId: string, result: VerifyResult): Promise<ChainBreak | undefined> {
    const verdict = await verifyChain(streamId, this.storedLinks(streamId), { listed: true });
    result.eventsChecked += verdict.eventsChecked;
    return verdict.broken && { streamId, ...verdict.broken };
  }

  /** A stream's events in revision order, a page at a time, as the hash chain covers them. */
  private async *storedLinks(streamId: string): AsyncGenerator<StoredLink> {
    for (let from = 0; ;) {
      const rows = await this.driver.query<EventRow>(
        `SELECT ${EVENT_COLUMNS} FROM es_events e WHERE e.stream_id = $1 AND e.revision >= $2
          ORDER BY e.revision LIMIT 1000`,
        [streamId, from],
      );
      for (const row of rows) {
        yield {
          revision: Number(row.revision),
          eventId: row.event_id,
          type: row.event_type,
          data: row.data,
          metadata: row.metadata,
          recordedAtMs: Date.parse(row.recorded_iso),
          hash: row.hash,
        };
      }
      if (rows.length < 1000) return;
      from = Number(rows[rows.length - 1]!.revision) + 1;
    }
  }

  /** One page of the global log after `after`, below the horizon; non-matching rows only move the cursor. */
  private async readPage(
    after: Position | undefined,
    filter: { prefixes: string[] | null; types: string[] | null },
    limit = this.batchSize,
  ): Promise<Page> {
    const [tx, gp] = parsePosition(after, 'fromPosition');
    // One scan of the page in global order; the filter only decides whether a row's data and metadata are sent.
    const rows = await this.driver.query<PageRow>(
      `SELECT ${PAGE_COLUMNS}
         FROM (SELECT e.*,
                      ($4::text[] IS NULL OR EXISTS (SELECT 1 FROM unnest($4::text[]) AS f(prefix)
                                                      WHERE starts_with(e.stream_id, f.prefix)))
                      AND ($5::text[] IS NULL OR e.event_type = ANY ($5::text[])) AS matched
                 FROM es_events e
                WHERE ${HORIZON} AND (e.tx_id, e.global_position) > ($1::text::xid8, $2::bigint)
                ORDER BY e.tx_id, e.global_position LIMIT $3) e
        ORDER BY e.tx_id, e.global_position`,
      [tx, gp, limit, filter.prefixes, filter.types],
    );
    const last = rows[rows.length - 1];
    return {
      events: rows.filter((row) => row.matched).map(toRecorded),
      scannedTo: last ? formatPosition(last.tx, last.gp) : undefined,
      full: rows.length === limit,
    };
  }

  private assertOpen(): void {
    if (this.closed) throw new EventStoreClosedError();
  }
}
