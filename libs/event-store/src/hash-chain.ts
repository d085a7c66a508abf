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

/** One stored event as a verifier reads it: what its hash covers, and the hash the store kept. */
export interface StoredLink {
  revision: number;
  eventId: string;
  type: string;
  data: unknown;
  /** The metadata as supplied at append (without the store's `recordedAt` and hash stamps). */
  metadata: unknown;
  recordedAtMs: number;
  hash: string;
}

export interface StreamVerdict {
  /** The first place where the stored history disagrees with its hashes, if any. */
  broken?: { revision: number; reason: 'hash-mismatch' | 'revision-gap' };
  eventsChecked: number;
}

/**
 * The one verification every adapter runs: recomputes a stream's chain from revision 0 over its events in revision
 * order, read a page at a time by the adapter (an async iterable, so a long stream is never held whole). A stream the
 * store lists as created but that reads as empty lost its whole history: a gap at revision 0.
 */
export async function verifyChain(
  streamId: string,
  links: AsyncIterable<StoredLink>,
  { listed }: { listed: boolean },
): Promise<StreamVerdict> {
  let previousHash = GENESIS_HASH;
  let expected = 0;
  for await (const link of links) {
    const eventsChecked = expected + 1;
    if (link.revision !== expected) return { broken: { revision: expected, reason: 'revision-gap' }, eventsChecked };
    const recomputed = chainHash({
      previousHash,
      streamId,
      revision: link.revision,
      eventId: link.eventId,
      type: link.type,
      contentDigest: contentDigest(link.data, link.metadata),
      recordedAtMs: link.recordedAtMs,
    });
    if (recomputed !== link.hash) return { broken: { revision: expected, reason: 'hash-mismatch' }, eventsChecked };
    previousHash = link.hash;
    expected += 1;
  }
  if (expected === 0 && listed) return { broken: { revision: 0, reason: 'revision-gap' }, eventsChecked: 0 };
  return { eventsChecked: expected };
}
