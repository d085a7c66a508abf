import { ProcessCheckpointStore } from '../process-checkpoint-store.js';
import { type Clock, systemClock } from '@enlace/clock';
import {
  BACKWARDS,
  END,
  ErrorType,
  type EventData,
  FORWARDS,
  isCommandError,
  jsonEvent,
  KurrentDBClient,
  type Position as KurrentPosition,
  NO_STREAM,
  type ReadRevision,
  START,
} from '@kurrent/kurrentdb-client';
import { StoreAvailability } from '../availability.js';
import { readAhead } from '../paged-read.js';
import {
  EventStoreClosedError,
  IdempotencyConflictError,
  InvalidInputError,
  StoreUnavailableError,
  WrongExpectedVersionError,
} from '../errors.js';
import type {
  AppendResult,
  ChainBreak,
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
import { chainHash, contentDigest, GENESIS_HASH, type StoredLink, verifyChain } from '../hash-chain.js';
import { assertStreamId, DEFAULT_MAX_PAYLOAD_BYTES, type PreparedEvent, prepareAppend } from '../validation.js';
import { ALL_EVENTS, type CompiledFilter, compileFilter } from './event-filter.js';
import { type Cursor, KurrentDbSubscription } from './kurrentdb-subscription.js';
import { compareKurrentPositions, fromKurrentPosition, parsePosition } from './positions.js';
import { type DecodedEvent, decodeEvent, HASH_KEY, isSystemEvent, storedMetadata } from './stored-event.js';

export interface KurrentDbEventStoreOptions {
  /** e.g. `kurrentdb://admin:changeit@localhost:2113?tls=false`. */
  connectionString: string;
  /** Largest accepted `data` + `metadata` of one event, in bytes of JSON. */
  maxPayloadBytes?: number;
  /** The commit time stamped on appended events (PostgreSQL takes its own; KurrentDB's is not readable before). */
  clock?: Clock;
}

/** The part of the KurrentDB client this store uses. */
export type KurrentDbClientLike = Pick<
  KurrentDBClient,
  'appendToStream' | 'readStream' | 'readAll' | 'subscribeToAll' | 'dispose'
>;

/** Events per read round trip. */
const PAGE_SIZE = 500;
/** Events per round trip when looking for the latest one: almost always the first is it. */
const HEAD_PAGE_SIZE = 32;
/**
 * Appends that keep losing the race for the stream's head give up after this many tries, with a
 * WrongExpectedVersionError even for `'any'` (a stream written that hard by others is a fault worth surfacing).
 */
const MAX_APPEND_ATTEMPTS = 10;

interface ReadStreamPage {
  direction: typeof FORWARDS | typeof BACKWARDS;
  fromRevision: ReadRevision;
  maxCount: number;
}

/** What an append must know about its stream before writing. */
interface StreamHead {
  /** -1 when the stream does not exist. */
  revision: number;
  hash: string;
  /** Events of the stream whose ids are in the batch being appended. */
  duplicates: DecodedEvent[];
}

interface Page {
  events: RecordedEvent[];
  /** The position of the last event read (matching the filter or not). */
  scannedTo: KurrentPosition | undefined;
  full: boolean;
}

function positiveInteger(value: number | undefined, field: string): number | undefined {
  if (value === undefined) return undefined;
  if (!Number.isSafeInteger(value) || value < 0) throw new InvalidInputError(field, 'must be an integer ≥ 0');
  return value;
}

function expectationHolds(expected: ExpectedRevision, actual: number): boolean {
  switch (expected) {
    case 'any':
      return true;
    case 'no_stream':
      return actual === -1;
    case 'stream_exists':
      return actual >= 0;
    default:
      return actual === expected;
  }
}

function hasErrorType(error: unknown, type: ErrorType): boolean {
  return error instanceof Error && isCommandError(error) && error.type === type;
}

/** The stream's revision from KurrentDB's wrong-expected-version error, or `undefined` for any other error. */
function conflictRevision(error: unknown): number | undefined {
  if (!(error instanceof Error) || !isCommandError(error) || error.type !== ErrorType.WRONG_EXPECTED_VERSION) {
    return undefined;
  }
  return error.actualState === NO_STREAM ? -1 : Number(error.actualState);
}

async function collectAll<T>(iterable: AsyncIterable<T>): Promise<T[]> {
  const items: T[] = [];
  for await (const item of iterable) items.push(item);
  return items;
}

/** KurrentDB's client errors that mean "not reachable now" (no connection, no leader yet, no answer in time). */
const UNAVAILABLE_TYPES: readonly ErrorType[] = [
  ErrorType.UNAVAILABLE,
  ErrorType.DEADLINE_EXCEEDED,
  ErrorType.NOT_LEADER,
  ErrorType.TIMEOUT,
];

export function classifyKurrentDbError(error: unknown): unknown {
  if (error instanceof Error && isCommandError(error) && UNAVAILABLE_TYPES.includes(error.type)) {
    return new StoreUnavailableError(`KurrentDB ${error.type} (${error.message})`, { cause: error });
  }
  return error;
}

/**
 * The event store on KurrentDB. KurrentDB orders the log and guards each stream's revision; this adapter adds what
 * the port promises beyond that, in Node: the hash chain (each append reads its stream's head, hashes the new events
 * onto it and writes with that exact revision expected, so a concurrent writer makes it start over) and
 * deterministic idempotency (the stream is searched for the batch's ids instead of trusting KurrentDB's best-effort
 * cache of recent ids).
 *
 * Reads go to the leader, so a read after an append sees it.
 */
export class KurrentDbEventStore implements EventStore {
  private readonly subscriptions = new Set<KurrentDbSubscription>();
  private readonly availability = new StoreAvailability('KurrentDB');
  private closed = false;
  readonly checkpoints: ProcessCheckpointStore;

  private constructor(
    private readonly client: KurrentDbClientLike,
    private readonly maxPayloadBytes: number,
    private readonly clock: Clock,
  ) {
    this.checkpoints = new ProcessCheckpointStore(clock);
  }

  /** Connects and makes sure KurrentDB answers. */
  static async open(options: KurrentDbEventStoreOptions): Promise<KurrentDbEventStore> {
    const store = KurrentDbEventStore.withClient(KurrentDBClient.connectionString(options.connectionString), options);
    try {
      await store.ping();
    } catch (error) {
      await store.close().catch(() => undefined);
      throw error;
    }
    return store;
  }

  /** Wraps a client (which the store then owns: `close` disposes it). */
  static withClient(
    client: KurrentDbClientLike,
    options: { maxPayloadBytes?: number; clock?: Clock } = {},
  ): KurrentDbEventStore {
    return new KurrentDbEventStore(
      client,
      options.maxPayloadBytes ?? DEFAULT_MAX_PAYLOAD_BYTES,
      options.clock ?? systemClock,
    );
  }

  async append(streamId: string, events: readonly EventToAppend[], expected: ExpectedRevision): Promise<AppendResult> {
    this.assertOpen();
    const prepared = prepareAppend(streamId, events, expected, this.maxPayloadBytes);
    prepared.forEach((event, index) => {
      if (Object.hasOwn(event.metadata, HASH_KEY)) {
        throw new InvalidInputError(
          `events[${index}].metadata.${HASH_KEY}`,
          'is stamped by the store and must not be supplied',
        );
      }
    });
    const ids = prepared.map((event) => event.id);
    let actual = -1;
    for (let attempt = 1; attempt <= MAX_APPEND_ATTEMPTS; attempt += 1) {
      const head = await this.readHead(streamId, ids);
      if (head.duplicates.length > 0) return this.replayed(streamId, ids, head.duplicates);
      actual = head.revision;
      if (!expectationHolds(expected, actual)) throw new WrongExpectedVersionError(streamId, expected, actual);
      try {
        const result = await this.availability.guard(
          () =>
            this.client.appendToStream(streamId, this.seal(streamId, prepared, head), {
              streamState: actual === -1 ? NO_STREAM : BigInt(actual),
              requiresLeader: true,
            }),
          classifyKurrentDbError,
        );
        const last = Number(result.nextExpectedRevision);
        return { nextExpectedRevision: last, position: await this.positionOf(streamId, last) };
      } catch (error) {
        const moved = conflictRevision(error);
        if (moved === undefined) throw error;
        // Another writer got in between our read and our write; read the stream again (it may even have been a
        // concurrent retry of this very batch) and re-check the caller's expectation against the new head.
        actual = moved;
      }
    }
    throw new WrongExpectedVersionError(streamId, expected, actual);
  }

  readStream(streamId: string, options: ReadStreamOptions = {}): AsyncIterable<RecordedEvent> {
    const backwards = options.direction === 'backwards';
    const direction = backwards ? BACKWARDS : FORWARDS;
    type Cursor = { from: ReadRevision; left: number } | 'start';
    return readAhead<RecordedEvent, Cursor>('start', async (cursor) => {
      this.assertOpen();
      assertStreamId(streamId);
      const fromRevision = positiveInteger(options.fromRevision, 'fromRevision');
      const { from, left }: Exclude<Cursor, 'start'> =
        cursor === 'start'
          ? {
              from: fromRevision === undefined ? (backwards ? END : START) : BigInt(fromRevision),
              left: positiveInteger(options.maxCount, 'maxCount') ?? Number.MAX_SAFE_INTEGER,
            }
          : cursor;
      if (left === 0) return { items: [], next: undefined };
      const limit = Math.min(PAGE_SIZE, left);
      let events = await this.readStreamPage(streamId, { direction, fromRevision: from, maxCount: limit });
      if (cursor === 'start' && backwards && fromRevision !== undefined && events.length === 0) {
        // Reading backwards from beyond the last revision must start at the last one (revision ≤ from), whether or
        // not the server clamps the start itself.
        events = await this.readStreamPage(streamId, { direction, fromRevision: END, maxCount: limit });
      }
      const last = events.at(-1);
      const revision = last === undefined ? undefined : last.event.revision + (backwards ? -1 : 1);
      const more = revision !== undefined && revision >= 0 && events.length === limit && left > limit;
      return {
        items: events.map((event) => event.event),
        next: more ? { from: BigInt(revision), left: left - limit } : undefined,
      };
    });
  }

  async streamRevision(streamId: string): Promise<number> {
    this.assertOpen();
    assertStreamId(streamId);
    const [last] = await this.readStreamPage(streamId, { direction: BACKWARDS, fromRevision: END, maxCount: 1 });
    return last ? last.event.revision : -1;
  }

  readAll(options: ReadAllOptions = {}): AsyncIterable<RecordedEvent> {
    type Cursor = { after: KurrentPosition | undefined; left: number } | 'start';
    return readAhead<RecordedEvent, Cursor>('start', async (cursor) => {
      this.assertOpen();
      const filter = compileFilter(options.filter);
      const { after, left } =
        cursor === 'start'
          ? {
              after:
                options.fromPosition === undefined ? undefined : parsePosition(options.fromPosition, 'fromPosition'),
              left: positiveInteger(options.maxCount, 'maxCount') ?? Number.POSITIVE_INFINITY,
            }
          : cursor;
      if (filter.matchesNothing || left === 0) return { items: [], next: undefined };
      // One more than still wanted: the read may begin with the event at the cursor, which is skipped.
      const page = await this.readAllPage(after, filter, Math.min(PAGE_SIZE, left + 1));
      const items = page.events.length > left ? page.events.slice(0, left) : page.events;
      const more = page.full && page.scannedTo !== undefined && left > items.length;
      return { items, next: more ? { after: page.scannedTo, left: left - items.length } : undefined };
    });
  }

  subscribe(options: SubscribeOptions = {}): Subscription {
    this.assertOpen();
    const filter = compileFilter(options.filter);
    const from = options.from ?? 'start';
    const start: Cursor | 'end' = from === 'start' ? 'start' : from === 'end' ? 'end' : parsePosition(from, 'from');
    const subscription = new KurrentDbSubscription({
      filter,
      resolveStart: async () => (start === 'end' ? ((await this.headKurrentPosition()) ?? 'start') : start),
      subscribe: (after) =>
        this.client.subscribeToAll({ fromPosition: after, filter: filter.server, requiresLeader: true }),
      onClose: (closed) => this.subscriptions.delete(closed),
    });
    this.subscriptions.add(subscription);
    return subscription;
  }

  async headPosition(): Promise<Position | undefined> {
    this.assertOpen();
    const head = await this.headKurrentPosition();
    return head && fromKurrentPosition(head);
  }

  async verify(streamId?: string): Promise<VerifyResult> {
    this.assertOpen();
    if (streamId !== undefined) assertStreamId(streamId);
    const result: VerifyResult = { ok: true, streamsChecked: 0, eventsChecked: 0, breaks: [] };
    // KurrentDB keeps no list of streams that does not depend on system projections; the log itself is the list.
    const streams = streamId === undefined ? await this.listStreams() : [streamId];
    for (const stream of streams) {
      const broken = await this.verifyStream(stream, streamId === undefined, result);
      if (broken) result.breaks.push(broken);
    }
    result.ok = result.breaks.length === 0;
    return result;
  }

  async ping(): Promise<void> {
    this.assertOpen();
    await this.collect(
      this.client.readAll({ direction: BACKWARDS, fromPosition: END, maxCount: 1, requiresLeader: true }),
    );
  }

  /** Reads a whole server answer; an unreachable server becomes `StoreUnavailableError` (logged once per outage). */
  private collect<T>(iterable: AsyncIterable<T>): Promise<T[]> {
    return this.availability.guard(() => collectAll(iterable), classifyKurrentDbError);
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await Promise.all([...this.subscriptions].map((subscription) => subscription.close()));
    await this.client.dispose();
  }

  /**
   * The stream's head, and the events whose ids the batch repeats. Ids must be unique in the whole stream, so the
   * search reads backwards from the head (where a retry of the latest append is found at once) until every id is
   * found or the stream's start is reached.
   */
  private async readHead(streamId: string, ids: readonly string[]): Promise<StreamHead> {
    const wanted = new Set(ids);
    const head: StreamHead = { revision: -1, hash: GENESIS_HASH, duplicates: [] };
    let from: ReadRevision = END;
    for (;;) {
      const page = await this.readStreamPage(streamId, {
        direction: BACKWARDS,
        fromRevision: from,
        maxCount: PAGE_SIZE,
      });
      const first = page[0];
      if (first && head.revision === -1) {
        head.revision = first.event.revision;
        head.hash = first.event.hash;
      }
      for (const event of page) {
        if (wanted.delete(event.event.id)) head.duplicates.push(event);
      }
      const lowest = page[page.length - 1]?.event.revision;
      if (wanted.size === 0 || page.length < PAGE_SIZE || lowest === undefined || lowest === 0) return head;
      from = BigInt(lowest - 1);
    }
  }

  /** A batch that repeats events already in the stream: an exact retry of one earlier append, or a conflict. */
  private replayed(streamId: string, ids: readonly string[], duplicates: DecodedEvent[]): AppendResult {
    const byId = new Map(duplicates.map((found) => [found.event.id, found.event]));
    const first = byId.get(ids[0]!);
    const exact = first !== undefined && ids.every((id, index) => byId.get(id)?.revision === first.revision + index);
    if (!exact) {
      const inStreamOrder = duplicates.map((found) => found.event).sort((a, b) => a.revision - b.revision);
      throw new IdempotencyConflictError(
        streamId,
        inStreamOrder.map((event) => event.id),
      );
    }
    const last = byId.get(ids[ids.length - 1]!)!;
    return { nextExpectedRevision: last.revision, position: last.position };
  }

  /** The events as KurrentDB will store them: hashed onto the stream's head, stamped with one commit time. */
  private seal(streamId: string, prepared: readonly PreparedEvent[], head: StreamHead): EventData[] {
    const recordedAtMs = this.clock.nowMs();
    const recordedAt = new Date(recordedAtMs).toISOString();
    let previousHash = head.hash;
    return prepared.map((event, index) => {
      const hash = chainHash({
        previousHash,
        streamId,
        revision: head.revision + 1 + index,
        eventId: event.id,
        type: event.type,
        contentDigest: contentDigest(event.data, event.metadata),
        recordedAtMs,
      });
      previousHash = hash;
      return jsonEvent({
        id: event.id,
        type: event.type,
        // prepareAppend only accepts plain objects as data.
        data: event.data as Record<string, unknown>,
        metadata: storedMetadata(event.metadata, recordedAt, hash),
      });
    });
  }

  /**
   * The position of an event just appended, read back from the stream: the append's own reply carries one position
   * for the whole batch, which is not documented to be the last event's position in `$all`.
   */
  private async positionOf(streamId: string, revision: number): Promise<Position> {
    const [event] = await this.readStreamPage(streamId, {
      direction: FORWARDS,
      fromRevision: BigInt(revision),
      maxCount: 1,
    });
    if (event?.event.revision !== revision) {
      throw new Error(`KurrentDB did not return revision ${revision} of ${streamId} right after appending it`);
    }
    return event.event.position;
  }

  /** A page of one stream; a stream that does not exist reads as empty. */
  private async readStreamPage(streamId: string, page: ReadStreamPage): Promise<DecodedEvent[]> {
    try {
      const resolved = await this.collect(this.client.readStream(streamId, { ...page, requiresLeader: true }));
      return resolved.flatMap((entry) => (entry.event ? [decodeEvent(entry.event)] : []));
    } catch (error) {
      if (hasErrorType(error, ErrorType.STREAM_NOT_FOUND)) return [];
      throw error;
    }
  }

  /** One page of `$all` strictly after `after`; events that do not match the filter only move the cursor. */
  private async readAllPage(after: KurrentPosition | undefined, filter: CompiledFilter, limit: number): Promise<Page> {
    const resolved = await this.collect(
      this.client.readAll({
        direction: FORWARDS,
        fromPosition: after ?? START,
        maxCount: limit,
        filter: filter.server,
        requiresLeader: true,
      }),
    );
    const page: Page = { events: [], scannedTo: undefined, full: resolved.length === limit };
    for (const { event } of resolved) {
      // A forward read of $all may include the event at its start position; the port's `fromPosition` is exclusive.
      if (!event || (after && compareKurrentPositions(event.position, after) <= 0)) continue;
      page.scannedTo = event.position;
      if (filter.matches(event.streamId, event.type)) page.events.push(decodeEvent(event).event);
    }
    return page;
  }

  /** The position of the latest non-system event in `$all`. */
  private async headKurrentPosition(): Promise<KurrentPosition | undefined> {
    let before: KurrentPosition | undefined;
    for (;;) {
      const resolved = await this.collect(
        this.client.readAll({
          direction: BACKWARDS,
          fromPosition: before ?? END,
          maxCount: HEAD_PAGE_SIZE,
          filter: ALL_EVENTS.server,
          requiresLeader: true,
        }),
      );
      for (const { event } of resolved) {
        // Whether a backward read includes the event at its start position is not documented: skip it either way.
        if (!event || (before && compareKurrentPositions(event.position, before) >= 0)) continue;
        if (!isSystemEvent(event.streamId, event.type)) return event.position;
        before = event.position;
      }
      if (resolved.length < HEAD_PAGE_SIZE) return undefined;
    }
  }

  /** Every non-system stream that has an event in `$all`, in name order (as the PostgreSQL adapter verifies). */
  private async listStreams(): Promise<string[]> {
    const streams = new Set<string>();
    let cursor: KurrentPosition | undefined;
    for (;;) {
      const resolved = await this.collect(
        this.client.readAll({
          direction: FORWARDS,
          fromPosition: cursor ?? START,
          maxCount: PAGE_SIZE,
          filter: ALL_EVENTS.server,
          requiresLeader: true,
        }),
      );
      for (const { event } of resolved) {
        if (!event) continue;
        if (!isSystemEvent(event.streamId, event.type)) streams.add(event.streamId);
        cursor = event.position;
      }
      if (resolved.length < PAGE_SIZE) break;
    }
    return [...streams].sort();
  }

  /**
   * Recomputes the stream's chain from its first event, as readers see the stream (the one verification,
   * `verifyChain`). `listed` streams are known to have had events: one that now reads as empty (deleted or truncated)
   * is missing its history from revision 0.
   */
  private async verifyStream(streamId: string, listed: boolean, result: VerifyResult): Promise<ChainBreak | undefined> {
    const verdict = await verifyChain(streamId, this.storedLinks(streamId, listed), { listed });
    if (listed || verdict.eventsChecked > 0) result.streamsChecked += 1;
    result.eventsChecked += verdict.eventsChecked;
    return verdict.broken && { streamId, ...verdict.broken };
  }

  /** A stream's events in revision order, a page at a time; a listed stream since deleted reads as empty. */
  private async *storedLinks(streamId: string, listed: boolean): AsyncGenerator<StoredLink> {
    for (let from = 0; ;) {
      let page: DecodedEvent[];
      try {
        page = await this.readStreamPage(streamId, {
          direction: FORWARDS,
          fromRevision: BigInt(from),
          maxCount: PAGE_SIZE,
        });
      } catch (error) {
        if (!listed || !hasErrorType(error, ErrorType.STREAM_DELETED)) throw error;
        return;
      }
      for (const { event, supplied, recordedAtMs } of page) {
        yield {
          revision: event.revision,
          eventId: event.id,
          type: event.type,
          data: event.data,
          metadata: supplied,
          recordedAtMs,
          hash: event.hash,
        };
      }
      if (page.length < PAGE_SIZE) return;
      from = page[page.length - 1]!.event.revision + 1;
    }
  }

  private assertOpen(): void {
    if (this.closed) throw new EventStoreClosedError();
  }
}
