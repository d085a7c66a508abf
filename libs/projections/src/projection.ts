import type { DecodedEvent } from '@enlace/consumers';

/**
 * A live read model: folds stored events, in global order, into state that queries and consoles read. It must
 * depend only on the events (never on the clock), so a rebuild from zero reaches exactly the live state.
 */
export interface Projection<Snapshot = unknown> {
  readonly name: string;
  apply(event: DecodedEvent): void;
  /** The whole state as plain JSON (for rebuild checks, snapshots and tests). */
  toJSON(): Snapshot;
}

export function categoryOf(streamId: string): string {
  return streamId.slice(0, streamId.indexOf('-'));
}

export function idOf(streamId: string): string {
  return streamId.slice(streamId.indexOf('-') + 1);
}
