import type { Logger } from '@nestjs/common';
import { decodeOrThrow, type DecodedEvent } from '@enlace/consumers';
import { collect, type EventStore, type Position } from '@enlace/event-store';
import type { Need, ReadModels, RoomName } from './read-models.js';

/**
 * Makes what an event needs resident again before it is applied: the archived document, or, when the archive has
 * none (it is rebuilding), the aggregate folded from its own stream. The store is the truth; a failure to read is
 * retried (an event is never applied to a model that lacks what it changes).
 */
export async function loadNeed(
  store: EventStore,
  models: ReadModels,
  need: Need,
  event: DecodedEvent,
  logger: Logger,
  stopped: () => boolean,
): Promise<void> {
  for (let attempt = 1; ; attempt += 1) {
    try {
      const collection = need.kind === 'incident' ? models.collections.incidents : models.collections.notifications;
      const archived = await store.checkpoints.document(collection, need.key);
      if (archived) {
        models.adopt(need, archived.doc, event.position);
        return;
      }
      const history = await collect(store.readStream(event.streamId, { maxCount: event.revision }));
      const projection = need.kind === 'incident' ? models.incidents : models.notifications;
      for (const recorded of history) {
        if (recorded.revision < event.revision) projection.apply(decodeOrThrow(recorded));
      }
      return;
    } catch (error) {
      if (stopped()) return;
      logger.warn(`Could not load ${need.kind} ${need.key} (${String(error)}); trying again`);
      await new Promise((resolve) => setTimeout(resolve, Math.min(250 * attempt, 2_000)));
    }
  }
}

/** Where the archive stands (`undefined`: it has nothing yet). */
export async function archivedPosition(store: EventStore, key: string): Promise<Position | undefined> {
  return store.checkpoints.position(key);
}

/**
 * A consumer's handler for a `ReadModels` instance: applies the event (after loading what it needs, the rare time
 * it needs something) and hands it, with its rooms when asked for, to `then`; synchronous when nothing is loaded, so
 * a catch-up stays fast.
 */
export function applyingHandler(
  store: EventStore,
  models: ReadModels,
  logger: Logger,
  stopped: () => boolean,
  then?: { withRooms: () => boolean; handle: (event: DecodedEvent, rooms: RoomName[]) => void },
): (event: DecodedEvent) => void | Promise<void> {
  const onError = (event: DecodedEvent) => (projection: string, error: unknown) =>
    logger.error(`${projection} failed on ${event.type} at ${event.position}: ${String(error)}`);
  const apply = (event: DecodedEvent) => {
    const rooms = models.apply(event, onError(event), then?.withRooms() ?? false);
    then?.handle(event, rooms);
  };
  return (event) => {
    const need = models.needs(event);
    if (!need) return apply(event);
    return loadNeed(store, models, need, event, logger, stopped).then(() => apply(event));
  };
}
