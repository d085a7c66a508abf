import { type DomainError, streamInWorld, type World } from '@enlace/domain';
import { collect, type EventStore, type RecordedEvent } from '@enlace/event-store';

/** A stream of `world` as recorded, or the domain's 404 when there is none (an empty stream is no resource). */
export async function recordedStream(
  store: EventStore,
  world: World,
  liveStreamId: string,
  missing: () => DomainError,
): Promise<RecordedEvent[]> {
  const events = await collect(store.readStream(streamInWorld(world, liveStreamId)));
  if (events.length === 0) throw missing();
  return events;
}
