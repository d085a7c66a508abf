import { type Aggregate, aggregateOf, decodeEvent, type EventsOf, type World, worldOfStream } from '@enlace/domain';
import type { RecordedEvent } from '@enlace/event-store';

type Stored = Omit<RecordedEvent, 'type' | 'data'>;

/**
 * A stored event as today's typed shape, with what its stream says: the aggregate, its id and the world (live or one
 * drill). Narrow on `aggregate`, then on `type`: no consumer ever casts event data.
 */
export type DecodedOf<A extends Aggregate> = A extends Aggregate
  ? Stored &
      EventsOf[A] & {
        aggregate: A;
        /** The id in the stream name (`incident-<id>` → `<id>`); `auth-log` for the sign-in journal. */
        aggregateId: string;
        world: World;
        /** The schema version it was stored with (it reads as today's shape whatever this says). */
        storedVersion: number;
        /**
         * The type and data as stored, before any upcasting (the same objects when none applied): what the audit
         * log seals. Nothing else reads them.
         */
        storedType: string;
        storedData: unknown;
      }
  : never;
export type DecodedEvent = DecodedOf<Aggregate>;

export type DecodedOrNot = { ok: true; event: DecodedEvent } | { ok: false; reason: string };

/**
 * The store edge: every consumer, the command pipeline and the feed decode here, once per event read. An event that
 * does not decode (an unknown type, a field missing, a version newer than this process) is reported with its
 * position by the caller and never handed on.
 */
export function decodeRecorded(recorded: RecordedEvent): DecodedOrNot {
  let located: ReturnType<typeof worldOfStream>;
  try {
    located = worldOfStream(recorded.streamId);
  } catch (error) {
    return { ok: false, reason: error instanceof Error ? error.message : String(error) };
  }
  const aggregate = aggregateOf(located.streamId);
  if (!aggregate) return { ok: false, reason: `${recorded.streamId} is no aggregate's stream` };
  const storedVersion = (recorded.metadata as { schemaVersion?: unknown }).schemaVersion ?? 1;
  const decoded = decodeEvent(aggregate, recorded.type, recorded.data, storedVersion);
  if (!decoded.ok) return { ok: false, reason: `${recorded.streamId}@${recorded.revision}: ${decoded.reason}` };
  const aggregateId = aggregate === 'auth-log' ? 'auth-log' : located.streamId.slice(aggregate.length + 1);
  // Spelled out rather than spread: this runs once per event read, and a literal is several times cheaper.
  const event = {
    id: recorded.id,
    streamId: recorded.streamId,
    revision: recorded.revision,
    position: recorded.position,
    metadata: recorded.metadata,
    hash: recorded.hash,
    type: decoded.event.type,
    data: decoded.event.data,
    aggregate,
    aggregateId,
    world: located.world,
    storedVersion: storedVersion as number,
    storedType: recorded.type,
    storedData: recorded.data,
  } as DecodedEvent;
  return { ok: true, event };
}

/** Decodes, or throws naming the event and the rule it breaks (for readers that cannot skip: the command path). */
export function decodeOrThrow(recorded: RecordedEvent): DecodedEvent {
  const decoded = decodeRecorded(recorded);
  if (!decoded.ok) throw new UndecodableEventError(recorded, decoded.reason);
  return decoded.event;
}

export class UndecodableEventError extends Error {
  constructor(
    readonly recorded: RecordedEvent,
    reason: string,
  ) {
    super(`Undecodable event at ${recorded.position}: ${reason}`);
    this.name = 'UndecodableEventError';
  }
}
