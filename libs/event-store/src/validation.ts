import { InvalidInputError, PayloadTooLargeError } from './errors.js';
import type { EventMetadata, EventToAppend, ExpectedRevision } from './event-store.port.js';

export const DEFAULT_MAX_PAYLOAD_BYTES = 256 * 1024;
export const MAX_EVENTS_PER_APPEND = 1000;

/** `<category>-<id>`: the category is the text before the first dash (KurrentDB's convention). */
const STREAM_ID = /^[A-Za-z][A-Za-z0-9_.]*-[A-Za-z0-9_.:@-]+$/;
const STREAM_PREFIX = /^[A-Za-z][A-Za-z0-9_.:@-]*$/;
const EVENT_TYPE = /^[A-Z][A-Za-z0-9]*(\.[A-Za-z0-9]+)*$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const MAX_STREAM_ID_LENGTH = 200;
const MAX_EVENT_TYPE_LENGTH = 100;
const MAX_METADATA_STRING = 200;

export function assertStreamId(streamId: unknown, field = 'streamId'): asserts streamId is string {
  if (typeof streamId !== 'string' || streamId.length === 0) {
    throw new InvalidInputError(field, 'must be a non-empty string');
  }
  if (streamId.length > MAX_STREAM_ID_LENGTH) {
    throw new InvalidInputError(field, `must be at most ${MAX_STREAM_ID_LENGTH} characters`);
  }
  if (!STREAM_ID.test(streamId)) {
    throw new InvalidInputError(
      field,
      'must look like <category>-<id>: a letter, then letters, digits, "_" or "." up to the first "-", then letters, digits or _ . : @ -',
    );
  }
}

export function assertStreamPrefix(prefix: unknown, field: string): asserts prefix is string {
  if (typeof prefix !== 'string' || !STREAM_PREFIX.test(prefix) || prefix.length > MAX_STREAM_ID_LENGTH) {
    throw new InvalidInputError(field, 'must be a stream id prefix: a letter, then letters, digits or _ . : @ -');
  }
}

export function assertEventType(type: unknown, field: string): asserts type is string {
  if (typeof type !== 'string' || type.length === 0 || type.length > MAX_EVENT_TYPE_LENGTH || !EVENT_TYPE.test(type)) {
    throw new InvalidInputError(
      field,
      `must be a PascalCase name of at most ${MAX_EVENT_TYPE_LENGTH} characters (e.g. PortShutdownDeclared)`,
    );
  }
}

export function assertExpectedRevision(expected: unknown): asserts expected is ExpectedRevision {
  if (expected === 'any' || expected === 'no_stream' || expected === 'stream_exists') return;
  if (typeof expected === 'number' && Number.isSafeInteger(expected) && expected >= 0) return;
  throw new InvalidInputError('expected', 'must be "any", "no_stream", "stream_exists" or a revision (integer ≥ 0)');
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return false;
  const proto = Object.getPrototypeOf(value) as unknown;
  return proto === Object.prototype || proto === null;
}

function assertShortString(value: unknown, field: string): void {
  if (typeof value !== 'string' || value.trim().length === 0) {
    throw new InvalidInputError(field, 'must be a non-empty string');
  }
  if (value.length > MAX_METADATA_STRING) {
    throw new InvalidInputError(field, `must be at most ${MAX_METADATA_STRING} characters`);
  }
}

export function assertMetadata(metadata: unknown, field: string): asserts metadata is EventMetadata {
  if (!isPlainObject(metadata)) throw new InvalidInputError(field, 'must be an object');
  assertShortString(metadata.actor, `${field}.actor`);
  assertShortString(metadata.agency, `${field}.agency`);
  assertShortString(metadata.role, `${field}.role`);
  assertShortString(metadata.correlationId, `${field}.correlationId`);
  if (metadata.causationId !== null) assertShortString(metadata.causationId, `${field}.causationId`);
  if (metadata.country === null) {
    if (metadata.role !== 'system') {
      throw new InvalidInputError(`${field}.country`, 'must be "US" or "MX" (null only for the system role)');
    }
  } else if (metadata.country !== 'US' && metadata.country !== 'MX') {
    throw new InvalidInputError(`${field}.country`, 'must be "US" or "MX" (null only for the system role)');
  }
  if (metadata.mode !== 'actual' && metadata.mode !== 'exercise') {
    throw new InvalidInputError(`${field}.mode`, 'must be "actual" or "exercise"');
  }
  if ('recordedAt' in metadata) {
    throw new InvalidInputError(`${field}.recordedAt`, 'is stamped by the store and must not be supplied');
  }
}

/** PostgreSQL's jsonb holds neither NUL characters nor lone UTF-16 surrogates: refuse them, naming where. */
function assertStorableText(value: unknown, path: string, depth = 0): void {
  if (typeof value === 'string') {
    if (value.includes('\u0000')) throw new InvalidInputError(path, 'must not contain the NUL character (\\u0000)');
    if (!value.isWellFormed()) throw new InvalidInputError(path, 'must be well-formed Unicode (no lone surrogate)');
    return;
  }
  if (value === null || typeof value !== 'object') return;
  if (depth > 64) throw new InvalidInputError(path, 'must not nest deeper than 64 levels');
  for (const [key, child] of Object.entries(value as Record<string, unknown>)) {
    if (key.includes('\u0000') || !key.isWellFormed()) {
      throw new InvalidInputError(`${path}.${key}`, 'keys must be well-formed Unicode without NUL');
    }
    assertStorableText(child, Array.isArray(value) ? `${path}[${key}]` : `${path}.${key}`, depth + 1);
  }
}

/** An event as it will be stored: id lower-cased, JSON serialized once, size checked. */
export interface PreparedEvent {
  id: string;
  type: string;
  data: unknown;
  metadata: EventMetadata;
  /** What the store keeps; `data` and `metadata` are the caller's values (they canonicalise to the same text). */
  dataJson: string;
  metadataJson: string;
}

export function prepareAppend(
  streamId: unknown,
  events: unknown,
  expected: unknown,
  maxPayloadBytes: number,
): PreparedEvent[] {
  assertStreamId(streamId);
  assertExpectedRevision(expected);
  if (!Array.isArray(events) || events.length === 0) {
    throw new InvalidInputError('events', 'must be a non-empty array');
  }
  if (events.length > MAX_EVENTS_PER_APPEND) {
    throw new InvalidInputError('events', `must hold at most ${MAX_EVENTS_PER_APPEND} events per append`);
  }
  const seen = new Set<string>();
  return (events as unknown[]).map((raw, index) => {
    const field = `events[${index}]`;
    if (!isPlainObject(raw)) throw new InvalidInputError(field, 'must be an object');
    const event = raw as Partial<EventToAppend>;
    if (typeof event.id !== 'string' || !UUID.test(event.id)) {
      throw new InvalidInputError(`${field}.id`, 'must be a UUID');
    }
    const id = event.id.toLowerCase();
    if (seen.has(id)) throw new InvalidInputError(`${field}.id`, 'must be unique within one append');
    seen.add(id);
    assertEventType(event.type, `${field}.type`);
    if (!isPlainObject(event.data)) throw new InvalidInputError(`${field}.data`, 'must be a JSON object');
    assertMetadata(event.metadata, `${field}.metadata`);
    assertStorableText(event.data, `${field}.data`);
    assertStorableText(event.metadata, `${field}.metadata`);
    const dataJson = JSON.stringify(event.data);
    const metadataJson = JSON.stringify(event.metadata);
    const bytes = Buffer.byteLength(dataJson, 'utf8') + Buffer.byteLength(metadataJson, 'utf8');
    if (bytes > maxPayloadBytes) throw new PayloadTooLargeError(field, bytes, maxPayloadBytes);
    return { id, type: event.type, data: event.data, metadata: event.metadata, dataJson, metadataJson };
  });
}
