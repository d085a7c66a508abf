import { Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { CheckpointedConsumer, type DecodedEvent, type EventFeed } from '@enlace/consumers';
import { LIVE, type ReferenceCatalog, type World } from '@enlace/domain';
import type { EventStore, Position } from '@enlace/event-store';
import { applyingHandler, archivedPosition } from './archive-loader.js';
import { archiveKey } from './read-model-archive.js';
import { consolePrefixes, ReadModels, type ReadModelsSnapshot, type RoomName } from './read-models.js';

export type EventListener = (event: DecodedEvent, rooms: readonly RoomName[]) => void;

/**
 * The snapshot is saved only while the models hold about this much: rebuilt from nothing, a process holds everything
 * until the archive catches up, and a snapshot of that would cost more than the fold it saves.
 */
const MAX_SNAPSHOT_RESIDENTS = 2_000;
/** How often the process asks where the archive stands, and drops from memory what it holds. */
const PRUNE_EVERY_MS = 1_000;
/** While catching up, drop what the archive holds every so many events (memory stays that of open work). */
const PRUNE_EVERY_EVENTS = 2_000;

/**
 * Keeps this process's live read models (the open work), fed by the process's one event feed (typed events, in
 * global order) as a checkpointed consumer: a process starts from the last saved snapshot of them and reads only what
 * came after. What is done leaves memory once the archive (`ReadModelArchive`) holds it. Listeners (the console feed)
 * hear each event, with its rooms, right after the read models applied it, so what they push and what queries answer
 * agree. Every api process runs its own: a command accepted by any process reaches every process through the store.
 */
export class ProjectionRunner implements OnApplicationBootstrap, OnApplicationShutdown {
  readonly models: ReadModels;
  private readonly logger = new Logger('Projections');
  private readonly listeners = new Set<EventListener>();
  private readonly consumer: CheckpointedConsumer;
  private caughtUp = false;
  private catchingUp: Promise<void> | undefined;
  private stopped = false;
  private archivedUpTo: Position | undefined;
  private sincePrune = 0;
  private applied = 0;
  private pruneTimer: NodeJS.Timeout | undefined;

  private readonly archiveKey: string;

  /** `feed` must be `world`'s (the live one, or the drill's: `WorldFeeds.of(world)`). */
  constructor(
    feed: EventFeed,
    private readonly store: EventStore,
    reference: ReferenceCatalog,
    readonly world: World = LIVE,
  ) {
    this.models = new ReadModels(reference, { world });
    this.archiveKey = archiveKey(world);
    this.consumer = new CheckpointedConsumer(feed, store.checkpoints, {
      name: 'read-models',
      world,
      // The drill's own stream too, in a drill's world: its consoles hear its clock in order with the rest.
      prefixes: consolePrefixes(world),
      ownership: 'every-process',
      handle: applyingHandler(store, this.models, this.logger, () => this.stopped, {
        withRooms: () => this.caughtUp && this.listeners.size > 0,
        handle: (event, rooms) => this.afterApply(event, rooms),
      }),
      checkpointState: () => this.models.snapshot(),
      restore: (state) => this.models.restore(state as ReadModelsSnapshot | undefined),
      canSave: () => this.models.resident <= MAX_SNAPSHOT_RESIDENTS,
    });
  }

  get position(): Position | undefined {
    return this.models.position;
  }

  /** Events applied since this process started (after the snapshot it restored). */
  get eventsApplied(): number {
    return this.applied;
  }

  /** Where the archive stands, as this process last heard. */
  get archivePosition(): Position | undefined {
    return this.archivedUpTo;
  }

  /**
   * Starts catching up without waiting for it: the process listens at once, answers `/health/ready` 503 and reads of
   * these models 503 until `isCaughtUp` (decision 0026). `whenCaughtUp()` waits for it.
   */
  onApplicationBootstrap(): void {
    this.catchingUp ??= this.catchUp().catch((error: unknown) => {
      this.logger.error(`Read models did not catch up: ${String(error)}`);
    });
  }

  /** Whether the models hold everything the store had when the process started (and follow it live since). */
  get isCaughtUp(): boolean {
    return this.caughtUp;
  }

  /** Resolves once the models have caught up (starting the catch-up if it was not started). */
  whenCaughtUp(): Promise<void> {
    this.onApplicationBootstrap();
    return this.catchingUp ?? Promise.resolve();
  }

  /** Restores the last snapshot, catches up with the store as it is now (page by page), then follows it live. */
  private async catchUp(): Promise<void> {
    const started = performance.now();
    await this.refreshArchivePosition();
    this.pruneTimer = setInterval(() => void this.refreshArchivePosition().then(() => this.prune()), PRUNE_EVERY_MS);
    await this.consumer.start();
    this.prune();
    this.caughtUp = true;
    this.logger.log(
      `Read models caught up with ${this.applied} events in ${Math.round(performance.now() - started)} ms`,
    );
  }

  async onApplicationShutdown(): Promise<void> {
    this.stopped = true;
    clearInterval(this.pruneTimer);
    await this.consumer.stop();
  }

  onEvent(listener: EventListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Resolves true once the read models have applied `position`, false after `timeoutMs`. */
  async waitFor(position: Position, timeoutMs = 2_000): Promise<boolean> {
    if (this.position !== undefined && this.position >= position) return true;
    let timer: NodeJS.Timeout | undefined;
    const reached = await Promise.race([
      this.consumer.reached(position).then(
        () => true,
        () => false,
      ),
      new Promise<boolean>((resolve) => (timer = setTimeout(() => resolve(false), timeoutMs))),
    ]);
    clearTimeout(timer);
    return reached && this.position !== undefined && this.position >= position;
  }

  /** Resolves true once the archive holds everything up to `position`, false after `timeoutMs`. */
  async waitForArchive(position: Position, timeoutMs = 2_000): Promise<boolean> {
    const deadline = performance.now() + timeoutMs;
    for (;;) {
      if (this.archivedUpTo !== undefined && this.archivedUpTo >= position) return true;
      if (performance.now() >= deadline || this.stopped) return false;
      await new Promise((resolve) => setTimeout(resolve, 50));
      await this.refreshArchivePosition();
    }
  }

  private afterApply(event: DecodedEvent, rooms: RoomName[]): void {
    this.applied += 1;
    if ((this.sincePrune += 1) >= PRUNE_EVERY_EVENTS) this.prune();
    // Consoles hear what happens from now on; what came before boot they read from the read models.
    if (!this.caughtUp) return;
    for (const listener of this.listeners) {
      try {
        listener(event, rooms);
      } catch (error) {
        this.logger.error(`Listener failed on ${event.type} at ${event.position}: ${String(error)}`);
      }
    }
  }

  private prune(): void {
    this.sincePrune = 0;
    this.models.prune(this.archivedUpTo);
  }

  private async refreshArchivePosition(): Promise<void> {
    try {
      const position = await archivedPosition(this.store, this.archiveKey);
      if (position !== undefined && (this.archivedUpTo === undefined || position > this.archivedUpTo)) {
        this.archivedUpTo = position;
      }
    } catch {
      // The database is away: nothing leaves memory until it answers again.
    }
  }
}

/**
 * A read of read models that have not caught up with the store since the process started: answered 503 with
 * `Retry-After` rather than with a stale answer (writes go on: the store is the truth).
 */
export class ReadModelsCatchingUpError extends Error {
  readonly retryAfterSeconds = 2;

  constructor() {
    super('The read models are catching up with the event store');
    this.name = 'ReadModelsCatchingUpError';
  }
}
