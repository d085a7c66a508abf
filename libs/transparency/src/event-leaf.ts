import { type Hash, leafHash } from './merkle.js';

/**
 * The leaf of one stored event in Enlace's global log. It commits to what the stream's hash chain covers (stream,
 * revision, event ID, type, content digest, recording time) and to the event's chain hash, so a leaf proven in a
 * signed checkpoint pins both the event and its place in its stream's history. An auditor recomputes it from the
 * stored event alone.
 */
export interface LeafFields {
  streamId: string;
  revision: number;
  eventId: string;
  type: string;
  /** The event's content digest, lowercase hex. */
  contentDigest: string;
  recordedAtMs: number;
  /** The event's hash in its stream's chain, lowercase hex. */
  chainHash: string;
}

/** Domain separation: the first line names the leaf format, so a later format can never hash to the same leaf. */
const LEAF_FORMAT = 'enlace-event/v1';

/**
 * The leaf's input: the UTF-8 of "enlace-event/v1\n" followed by streamId, revision, eventId, type, contentDigest,
 * recordedAtMs and chainHash joined by "\n" (numbers in decimal). The fields are newline-separated, so a field that
 * contains a newline (or a number that is not a safe integer, or a digest that is not lowercase hex) would make two
 * different events share a leaf: those are refused with a RangeError.
 */
export function eventLeafInput(fields: LeafFields): Uint8Array {
  const { streamId, revision, eventId, type, contentDigest, recordedAtMs, chainHash } = fields;
  for (const [name, value] of Object.entries({ streamId, eventId, type })) {
    if (typeof value !== 'string' || value.includes('\n')) throw new RangeError(`The leaf's ${name} is one line`);
  }
  for (const [name, value] of Object.entries({ contentDigest, chainHash })) {
    if (typeof value !== 'string' || !/^[0-9a-f]+$/.test(value)) {
      throw new RangeError(`The leaf's ${name} is lowercase hex`);
    }
  }
  if (!Number.isSafeInteger(revision) || revision < 0) throw new RangeError("The leaf's revision is an integer >= 0");
  if (!Number.isSafeInteger(recordedAtMs)) throw new RangeError("The leaf's recordedAtMs is an integer");
  const lines = [
    LEAF_FORMAT,
    streamId,
    String(revision),
    eventId,
    type,
    contentDigest,
    String(recordedAtMs),
    chainHash,
  ];
  return new TextEncoder().encode(lines.join('\n'));
}

/** The event's leaf hash in the log: leafHash(eventLeafInput(fields)). */
export function eventLeafHash(fields: LeafFields): Hash {
  return leafHash(eventLeafInput(fields));
}
