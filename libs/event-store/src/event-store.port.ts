/**
 * The event store port. Every adapter (PostgreSQL/PGlite, KurrentDB) implements these semantics and passes the
 * same contract suite (`@enlace/event-store/testing`).
 */

/** Opaque, totally ordered position in the global log. Compare positions only with `comparePositions`. */
export type Position = string & { readonly __brand: 'Position' };

export type ExpectedRevision = 'any' | 'no_stream' | 'stream_exists' | number;

export type Mode = 'actual' | 'exercise';
export type Country = 'US' | 'MX';

/** Who did it, on whose behalf, and why. Supplied by the application from the caller's token, never by a client. */
export interface EventMetadata {
  /** The acting user or service account (e.g. `officer.us`, `system:worker`). */
  actor: string;
  agency: string;
  /** The actor's side of the border; `null` only for system actors (role `system`). */
  country: Country | null;
  role: string;
  correlationId: string;
  causationId: string | null;
  mode: Mode;
  /** In a drill's events (`mode: 'exercise'`): the drill's id. */
  drillId?: string;
  /**
   * In a drill's events decided on its clock: the drill time they happened at (ISO-8601). `recordedAt` stays the
   * machine's; what a drill's screens, states and reports show is this (see `occurredAt`).
   */
  drillTime?: string;
  /** The version of the data's shape (see `libs/domain` event-codec); absent means 1. */
  schemaVersion?: number;
}

export interface EventToAppend<Data = unknown> {
  /** UUID; unique within the stream. A retry with the same ids is idempotent. */
  id: string;
  type: string;
  data: Data;
  metadata: EventMetadata;
}

export interface RecordedMetadata extends EventMetadata {
  /** ISO-8601 instant stamped by the store at commit time (millisecond precision). */
  recordedAt: string;
}

/** When an event happened in its world: the drill time in a drill, the store's recording time in the live world. */
export function occurredAt(metadata: RecordedMetadata): string {
  return metadata.drillTime ?? metadata.recordedAt;
}

export interface RecordedEvent<Data = unknown> {
  id: string;
  type: string;
  streamId: string;
  revision: number;
  position: Position;
  data: Data;
  metadata: RecordedMetadata;
  /** SHA-256 of the previous event's hash in this stream and this event's canonical content. */
  hash: string;
}

export interface AppendResult {
  /** The revision of the last event now in the stream (pass it as the next expected revision). */
  nextExpectedRevision: number;
  /** The position of the last appended event. */
  position: Position;
}

export type Direction = 'forwards' | 'backwards';

export interface ReadStreamOptions {
  direction?: Direction;
  /** Inclusive start revision; defaults to the first (forwards) or the last (backwards) event. */
  fromRevision?: number;
  maxCount?: number;
}

export interface EventFilter {
  /** Keep events whose stream id starts with one of these prefixes. */
  streamPrefixes?: readonly string[];
  /** Keep events of these types. */
  eventTypes?: readonly string[];
}

export interface ReadAllOptions {
  /** Exclusive: events strictly after this position. Omitted = from the start. */
  fromPosition?: Position;
  filter?: EventFilter;
  maxCount?: number;
}

export interface SubscribeOptions {
  /** Exclusive: deliver events strictly after this position. `'start'` (default) or `'end'` (live only). */
  from?: Position | 'start' | 'end';
  filter?: EventFilter;
  /**
   * Follow by polling every this many ms instead of waking on every append anywhere: for a follower that may lag a
   * little and whose streams are rare (the directory of drills), so the live traffic does not read for it. An adapter
   * whose subscriptions are pushed by the server may ignore it.
   */
  pollOnlyMs?: number;
}

/** A catch-up-then-live subscription: at-least-once, in global order, never skipping an event. */
export interface Subscription extends AsyncIterable<RecordedEvent> {
  close(): Promise<void>;
}

export interface ChainBreak {
  streamId: string;
  /** The first revision where the stored history disagrees with its hashes. */
  revision: number;
  /**
   * `hash-mismatch`: the event's content or its link to the previous event was altered;
   * `revision-gap`: an event is missing or out of place.
   */
  reason: 'hash-mismatch' | 'revision-gap';
}

export interface VerifyResult {
  ok: boolean;
  streamsChecked: number;
  eventsChecked: number;
  breaks: ChainBreak[];
}

/** Where a consumer left off, with the state it had folded there (its read model, its open work). */
export interface ConsumerCheckpoint {
  position: Position | undefined;
  state: unknown;
}

/**
 * Durable checkpoints and the one-owner-at-a-time lease of named consumers, kept in the store's own database.
 * Lease times are the database's, so the processes' clocks never have to agree.
 */
export interface CheckpointStore {
  /**
   * Takes the lease of `consumer` for `owner` when nobody holds it, its holder let it lapse, or `owner` holds it
   * already (then it is renewed); true when `owner` holds it for the next `leaseMs`.
   */
  claim(consumer: string, owner: string, leaseMs: number): Promise<boolean>;
  /** Gives the lease up (a graceful stop), so another process takes over at once. */
  release(consumer: string, owner: string): Promise<void>;
  load(consumer: string): Promise<ConsumerCheckpoint | undefined>;
  /** Where a consumer stands, without its state (cheap enough to ask every second). */
  position(consumer: string): Promise<Position | undefined>;
  /**
   * Saves while the row still names `owner` (a lease that lapsed unclaimed fences nobody); false (nothing saved) when
   * another owner has taken it. `writes` (a
   * consumer's read-model documents) commit in the same transaction as the checkpoint, or not at all.
   */
  save(
    consumer: string,
    owner: string,
    checkpoint: ConsumerCheckpoint,
    writes?: readonly DocumentWrite[],
  ): Promise<boolean>;
  /**
   * Writes a document outside any consumer's checkpoint, unless the stored one's `sort` is the same or later: for
   * documents any process may compute alike (a stream's state snapshot at a revision).
   */
  putNewer(write: DocumentWrite): Promise<void>;
  /** One read-model document (`undefined` when there is none). */
  document(collection: string, key: string): Promise<StoredDocument | undefined>;
  /** A page of a collection's documents in `sort` order, optionally of one group and/or status. */
  documents(collection: string, query: DocumentQuery): Promise<StoredDocument[]>;
}

/**
 * A read-model document written by a checkpointed consumer (not an event: rewritten as the model moves on, and
 * rebuildable from the events). `sort` orders a collection's pages and is unique within it (end it with the key).
 */
export interface DocumentWrite {
  collection: string;
  key: string;
  /** What a list is narrowed to (an incident's timeline, a BLM's notifications). */
  group?: string | null;
  status?: string | null;
  sort: string;
  doc: unknown;
}

export interface StoredDocument<Doc = unknown> {
  key: string;
  group: string | null;
  status: string | null;
  sort: string;
  doc: Doc;
}

export interface DocumentQuery {
  group?: string;
  /** One status, or any of several. */
  status?: string | readonly string[];
  /** Only documents whose `sort` comes after this one in the order asked for (the cursor of the page before). */
  after?: string;
  /** Only documents whose `sort` is this or later (a range of dates, where `sort` starts with one). */
  sortFrom?: string;
  /** Only documents whose `sort` is this or earlier. */
  sortTo?: string;
  /** Only documents that hold this JSON (PostgreSQL's `doc @> contains`: an array holds the values listed). */
  contains?: Record<string, unknown>;
  /**
   * Only documents whose top-level text field `field` contains `text`, as written (callers store and search text
   * normalised alike: lower case, no accents). Every one must match.
   */
  matches?: readonly { field: string; text: string }[];
  limit: number;
  order?: 'asc' | 'desc';
}

/** Whether `doc` holds `contains`, as PostgreSQL's `@>` on jsonb (for stores that filter in memory). */
export function jsonContains(doc: unknown, contains: unknown): boolean {
  if (Array.isArray(contains)) {
    return Array.isArray(doc) && contains.every((wanted) => doc.some((held) => jsonContains(held, wanted)));
  }
  if (contains !== null && typeof contains === 'object') {
    if (doc === null || typeof doc !== 'object' || Array.isArray(doc)) return false;
    return Object.entries(contains).every(([key, wanted]) =>
      jsonContains((doc as Record<string, unknown>)[key], wanted),
    );
  }
  return doc === contains;
}

/** Whether a stored document passes a query's `contains` and `matches` (for stores that filter in memory). */
export function documentMatches(doc: unknown, query: Pick<DocumentQuery, 'contains' | 'matches'>): boolean {
  if (query.contains !== undefined && !jsonContains(doc, query.contains)) return false;
  return (query.matches ?? []).every(({ field, text }) => {
    const value = doc !== null && typeof doc === 'object' ? (doc as Record<string, unknown>)[field] : undefined;
    return typeof value === 'string' && value.includes(text);
  });
}

export interface EventStore {
  /** Consumers' checkpoints and leases, beside the events. */
  readonly checkpoints: CheckpointStore;
  append(streamId: string, events: readonly EventToAppend[], expected: ExpectedRevision): Promise<AppendResult>;
  /**
   * Events of one stream, read a page at a time as they are iterated (`collect` makes an array of a short one); an
   * unknown stream reads as empty. Bad options fail the first step of the iteration.
   */
  readStream(streamId: string, options?: ReadStreamOptions): AsyncIterable<RecordedEvent>;
  /** The revision of the last event in the stream, or -1 when the stream does not exist. */
  streamRevision(streamId: string): Promise<number>;
  /** The global log in order, read a page at a time as it is iterated: a reader of a million events never holds them. */
  readAll(options?: ReadAllOptions): AsyncIterable<RecordedEvent>;
  subscribe(options?: SubscribeOptions): Subscription;
  /** The position of the latest event a reader can see now (`undefined` when the store is empty). */
  headPosition(): Promise<Position | undefined>;
  /** Recomputes every hash of the given stream (or of every stream) and reports tampering. */
  verify(streamId?: string): Promise<VerifyResult>;
  /** Round-trips to the backing store; throws when it is unreachable. */
  ping(): Promise<void>;
  close(): Promise<void>;
}

/**
 * How every adapter spells a position: two unsigned numbers, each zero-padded to 20 digits (2^64 - 1 has 20), joined
 * by a colon, so that comparing the strings compares the pairs. PostgreSQL's are (transaction, global position),
 * KurrentDB's (commit, prepare). The one parser and formatter: adapters, the API's `after` and the console feed use
 * them.
 */
const POSITION_FORMAT = /^(\d{20}):(\d{20})$/;

export function formatPosition(first: bigint | string, second: bigint | string): Position {
  return `${first.toString().padStart(20, '0')}:${second.toString().padStart(20, '0')}` as Position;
}

/** The two numbers of a well-spelled position, or undefined for anything else. */
export function splitPosition(value: unknown): [bigint, bigint] | undefined {
  const match = typeof value === 'string' ? POSITION_FORMAT.exec(value) : null;
  return match ? [BigInt(match[1]!), BigInt(match[2]!)] : undefined;
}

export function isPosition(value: unknown): value is Position {
  return typeof value === 'string' && POSITION_FORMAT.test(value);
}

export function comparePositions(a: Position, b: Position): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
