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

/** JSON with object keys sorted recursively and no whitespace; `undefined` members dropped as JSON.stringify does. */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') {
    return JSON.stringify(value) ?? 'null';
  }
  if (Array.isArray(value)) {
    return `[${value.map((item) => canonicalJson(item === undefined ? null : item)).join(',')}]`;
  }
  const record = value as Record<string, unknown>;
  const members = Object.keys(record)
    .filter((key) => record[key] !== undefined)
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
