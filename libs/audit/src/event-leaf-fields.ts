import { contentDigest } from '@enlace/event-store';
import type { LeafFields } from '@enlace/transparency';

/** What a stored event's leaf is made of (see `eventLeafInput`): the event as stored, not as decoded today. */
export interface SealedEventView {
  streamId: string;
  revision: number;
  id: string;
  /** The stored type and data (before any upcasting). */
  type: string;
  data: unknown;
  /** The stored metadata with the store's `recordedAt` stamp, as every adapter reads it back. */
  metadata: unknown;
  hash: string;
}

/**
 * The leaf fields of one stored event: its place (stream, revision, id), its type, the digest of its content (data and
 * the metadata as supplied, without the store's `recordedAt`), its recording instant and its hash-chain link. Any
 * change to what was stored changes the leaf; the chain hash ties it to the stream's previous event.
 */
export function eventLeafFields(event: SealedEventView): LeafFields {
  const { recordedAt, ...supplied } = event.metadata as { recordedAt: string } & Record<string, unknown>;
  return {
    streamId: event.streamId,
    revision: event.revision,
    eventId: event.id,
    type: event.type,
    contentDigest: contentDigest(event.data, supplied),
    recordedAtMs: Date.parse(recordedAt),
    chainHash: event.hash,
  };
}
