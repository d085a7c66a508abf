import { Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import {
  CheckpointedConsumer,
  consumerKey,
  type ConsumerTimings,
  DEFAULT_CONSUMER_TIMINGS,
  type EventFeed,
} from '@enlace/consumers';
import { LIVE, type ReferenceCatalog, type World } from '@enlace/domain';
import type { EventStore } from '@enlace/event-store';
import { applyingHandler } from './archive-loader.js';
import { ReadModels, readModelPrefixes, type ReadModelsSnapshot } from './read-models.js';

export const ARCHIVE_CONSUMER = 'read-model-archive';
/** The archive consumer's key in `world` (its checkpoint row; every process polls where it stands). */
export const archiveKey = (world: World): string => consumerKey(ARCHIVE_CONSUMER, world);
export const ARCHIVE_KEY = archiveKey(LIVE);

/**
 * Saved often: what is done leaves every process's memory only once it is here. And in small statements: while a
 * write is under way, every reader of the global log waits behind it (the transaction-id horizon, decision 0003).
 */
export const ARCHIVE_TIMINGS: ConsumerTimings = {
  ...DEFAULT_CONSUMER_TIMINGS,
  saveEveryEvents: 500,
  saveEveryMs: 1_000,
};

/**
 * The live read models in the store's database: every incident and notification as a document, and every line of
 * every incident's activity log, committed with the consumer's checkpoint. One process writes (owner-only); every
 * process reads closed incidents, settled notifications and old logs from here, so they keep only open work in memory.
 */
export class ReadModelArchive implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('ReadModelArchive');
  private readonly models: ReadModels;
  private readonly consumer: CheckpointedConsumer;
  private stopped = false;

  /** `feed` must be `world`'s (the live one, or the drill's: `WorldFeeds.of(world)`). */
  constructor(
    feed: EventFeed,
    private readonly store: EventStore,
    reference: ReferenceCatalog,
    readonly world: World = LIVE,
  ) {
    this.models = new ReadModels(reference, { archive: true, world });
    this.consumer = new CheckpointedConsumer(
      feed,
      store.checkpoints,
      {
        name: ARCHIVE_CONSUMER,
        world,
        prefixes: readModelPrefixes(world),
        ownership: 'owner-only',
        handle: applyingHandler(store, this.models, this.logger, () => this.stopped),
        checkpointState: () => this.models.archiveSnapshot(),
        restore: (state) => this.models.restore(state as Partial<ReadModelsSnapshot> | undefined),
        pendingWrites: () => this.models.drainWrites(),
        onSaved: (position) => this.models.prune(position),
      },
      ARCHIVE_TIMINGS,
    );
  }

  get isOwner(): boolean {
    return this.consumer.isOwner;
  }

  onApplicationBootstrap(): void {
    // In the background: the owner catches up beside the api serving; another process may own it.
    void this.consumer.start();
  }

  async onApplicationShutdown(): Promise<void> {
    this.stopped = true;
    await this.consumer.stop();
  }
}
