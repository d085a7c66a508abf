import { createHash } from 'node:crypto';

/**
 * Tamper evidence. Each event's hash covers the previous event's hash in the same stream and the event's canonical
 * content, so altering, removing or reordering any stored event breaks every later hash of that stream.
 *
 *   contentDigest = sha256(canonicalJson({ data, metadata }))        (metadata as supplied, without recordedAt)
 *   hash          = sha256([previousHash, streamId, revision, eventId, type, contentDigest, recordedAtMs].join('\n'))
 *
 * The PostgreSQL adapter computes `hash` inside the append function (so the previous hash is read under the stream
 * lock); this module is the reference implementation used to verify it and by adapters that hash in Node.
 */

export const GENESIS_HASH = '';

function omitted(value: unknown): boolean {
  return value === undefined || typeof value === 'function' || typeof value === 'symbol';
}

/**
 * JSON with object keys sorted recursively and no whitespace. Same value semantics as `JSON.stringify` (`toJSON`,
 * members that JSON drops, `null` for them inside arrays), so the canonical text of a value equals that of what the
 * value round-trips to through JSON, which is what the store keeps.
 */
export function canonicalJson(value: unknown): string {
  if (value !== null && typeof value === 'object' && typeof (value as { toJSON?: unknown }).toJSON === 'function') {
    return canonicalJson((value as { toJSON: () => unknown }).toJSON());
  }
  if (value === null || typeof value !== 'object') {
    return omitted(value) ? 'null' : JSON.stringify(value);
  }
  if (Array.isArray(value)) {
    return `[${value.map((item) => (omitted(item) ? 'null' : canonicalJson(item))).join(',')}]`;
  }
  const record = value as Record<string, unknown>;
  const members = Object.keys(record)
    .filter((key) => !omitted(record[key]))
    .sort()
    .map((key) => `${JSON.stringify(key)}:${canonicalJson(record[key])}`);
  return `{${members.join(',')}}`;
}

export function sha256Hex(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}

export function contentDigest(data: unknown, metadata: unknown): string {
  return sha256Hex(canonicalJson({ data, metadata }));
}

export interface ChainLink {
  previousHash: string;
  streamId: string;
  revision: number;
  eventId: string;
  type: string;
  contentDigest: string;
  recordedAtMs: number;
}

export function chainHash(link: ChainLink): string {
  return sha256Hex(
    [
      link.previousHash,
      link.streamId,
      String(link.revision),
      link.eventId,
      link.type,
      link.contentDigest,
      String(link.recordedAtMs),
    ].join('\n'),
  );
}
