import type { Position as KurrentPosition } from '@kurrent/kurrentdb-client';
import type { EventMetadata, RecordedEvent, RecordedMetadata } from '../event-store.port.js';
import { fromKurrentPosition } from './positions.js';

/**
 * How an event's KurrentDB metadata is laid out: the metadata the caller supplied, flat (so KurrentDB's UI and
 * projections see `actor`, `correlationId`, … as usual), plus two keys stamped by this store:
 *
 *   recordedAt  ISO-8601 instant (ms precision) taken in Node at append; it is part of the hash, and KurrentDB's own
 *               `created` is not (we cannot know it before the write).
 *   $hash       the event's link in its stream's hash chain (see hash-chain.ts).
 *
 * `recordedAt` stays in `RecordedEvent.metadata` (as in the port); `$hash` moves to `RecordedEvent.hash`. Callers may
 * not supply either key, so stripping them on read gives back exactly the supplied metadata the hash covers.
 */
export const RECORDED_AT_KEY = 'recordedAt';
export const HASH_KEY = '$hash';

export function storedMetadata(supplied: EventMetadata, recordedAt: string, hash: string): Record<string, unknown> {
  return { ...supplied, [RECORDED_AT_KEY]: recordedAt, [HASH_KEY]: hash };
}

/** The fields of a KurrentDB recorded event this store reads (the client's `RecordedEvent` fits it). */
export interface StoredEvent {
  streamId: string;
  id: string;
  type: string;
  revision: bigint;
  created: Date;
  data: unknown;
  metadata: unknown;
  position?: KurrentPosition;
}

export interface DecodedEvent {
  event: RecordedEvent;
  /** The metadata as the caller supplied it: what `contentDigest` covers. */
  supplied: Record<string, unknown>;
  /** NaN when the event carries no valid `recordedAt` (not written by this store): its hash cannot verify. */
  recordedAtMs: number;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value) && !(value instanceof Uint8Array);
}

export function isSystemEvent(streamId: string, type: string): boolean {
  return streamId.startsWith('$') || type.startsWith('$');
}

export function decodeEvent(stored: StoredEvent): DecodedEvent {
  if (!stored.position) {
    // Stream reads carry positions since EventStoreDB 22.6; without them the port's positions cannot be honoured.
    throw new Error(`KurrentDB returned event ${stored.id} of ${stored.streamId} without its position (needs ≥ 22.6)`);
  }
  const raw = isRecord(stored.metadata) ? stored.metadata : {};
  const { [RECORDED_AT_KEY]: recordedAt, [HASH_KEY]: hash, ...supplied } = raw;
  const recordedAtMs = typeof recordedAt === 'string' ? Date.parse(recordedAt) : Number.NaN;
  return {
    event: {
      // KurrentDB may spell UUIDs in either case; the port (like PostgreSQL's uuid::text) uses lower case.
      id: stored.id.toLowerCase(),
      type: stored.type,
      streamId: stored.streamId,
      revision: Number(stored.revision),
      position: fromKurrentPosition(stored.position),
      data: stored.data,
      // Events this store wrote always have valid metadata; anything else is shown as found and fails `verify`.
      metadata: {
        ...supplied,
        recordedAt: typeof recordedAt === 'string' ? recordedAt : isoOrEmpty(stored.created),
      } as RecordedMetadata,
      hash: typeof hash === 'string' ? hash : '',
    },
    supplied,
    recordedAtMs,
  };
}

function isoOrEmpty(date: Date): string {
  return Number.isNaN(date.getTime()) ? '' : date.toISOString();
}
