import { Logger } from '@nestjs/common';
import {
  describeWorld,
  drillStreamId,
  EXERCISE_STREAM_PREFIX,
  LIVE,
  sameWorld,
  streamInWorld,
  type World,
  worldOfStream,
} from '@enlace/domain';
import type { CheckpointStore, DocumentWrite, EventStore, Position } from '@enlace/event-store';
import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import { type DecodedEvent, decodeOrThrow } from './decoded-event.js';
import type { Attachment, EventFeed } from './event-feed.js';

/**
 * `owner-only`: one process in the deployment handles the events (side effects: scheduling deliveries); the others
 * wait to take over. `every-process`: each process handles them (its own read models, for its own queries), and
 * the lease owner alone writes the shared checkpoint.
 */
export type Ownership = 'owner-only' | 'every-process';

/**
 * The one consumer that reads every drill's world: the directory of drills (what drills there are and how each
 * stands). It reads only the drills' own streams' facts and writes only to its own documents, which no live output
 * reads.
 */
export const EVERY_DRILL = 'every-drill';

export interface ConsumerSpec {
  /** Unique in the deployment together with the world (`read-models`, `delivery-reconciler`). */
  name: string;
  world: World | typeof EVERY_DRILL;
  /** The streams it reads, all of one world (`EVERY_DRILL`: the drills' prefix and nothing else). */
  prefixes: readonly string[];
  ownership: Ownership;
  /** Must be idempotent: after a crash, events since the last checkpoint are handled again. */
  handle(event: DecodedEvent): void | Promise<void>;
  /** The state folded so far, as JSON, saved with the checkpoint (called between two events). */
  checkpointState(): unknown;
  /** Starts from a saved checkpoint's state, or from nothing (`undefined`). */
  restore(state: unknown): void;
  /**
   * Read-model documents changed since the last call (called with `checkpointState`): they commit with the
   * checkpoint, and are handed back on the next save if this one failed.
   */
  pendingWrites?(): DocumentWrite[];
  /** False while the state is not worth saving yet (too large to snapshot); the save waits for a later turn. */
  canSave?(): boolean;
  /** A checkpoint (with its writes) is durable at `position`. */
  onSaved?(position: Position | undefined): void;
  /** This process now owns the consumer (true) or no longer does (false); called after catching up. */
  onOwnership?(owned: boolean): void | Promise<void>;
}

export interface ConsumerTimings {
  /** How long a lease lasts without renewal: a dead owner is replaced within leaseMs + renewMs. */
  leaseMs: number;
  /** How often the owner renews (and a waiting process tries to claim). */
  renewMs: number;
  /** The owner saves a checkpoint after this many events… */
  saveEveryEvents: number;
  /** …or this long after the last save when anything moved. */
  saveEveryMs: number;
}

export const DEFAULT_CONSUMER_TIMINGS: ConsumerTimings = {
  leaseMs: 15_000,
  renewMs: 5_000,
  saveEveryEvents: 10_000,
  saveEveryMs: 5_000,
};

/** The world whose streams a prefix names: a drill's (`exercise-<id>.…`), or the live world. */
function worldOfPrefix(prefix: string): World {
  return prefix.startsWith(EXERCISE_STREAM_PREFIX) ? worldOfStream(prefix).world : LIVE;
}

interface DrillOrigin {
  /** The drill's plan, the first event of its world. */
  planned: DecodedEvent;
  position: Position;
}

/**
 * Where a drill's world begins in the global log: its plan (nothing can be written in a drill's world before the drill
 * exists, and a later transaction has a later position). Undefined in the live world, or before the drill is planned.
 */
async function drillOrigin(feed: EventFeed, world: World): Promise<DrillOrigin | undefined> {
  if (world.kind !== 'drill') return undefined;
  const stream = streamInWorld(world, drillStreamId(world.drillId));
  for await (const recorded of feed.store.readStream(stream, { maxCount: 1 })) {
    return { planned: decodeOrThrow(recorded), position: recorded.position };
  }
  return undefined;
}

/** The key of a consumer's checkpoint row: its name and its world. */
export function consumerKey(name: string, world: World | typeof EVERY_DRILL): string {
  return `${name}@${worldName(world)}`;
}

/** A consumer's world as its checkpoint names it: `live`, `drill <id>`, `every drill`. */
function worldName(world: World | typeof EVERY_DRILL): string {
  return world === EVERY_DRILL ? 'every drill' : describeWorld(world);
}

/** Whether a consumer of `world` may read the streams starting with `prefix`. */
function mayRead(world: World | typeof EVERY_DRILL, prefix: string): boolean {
  return world === EVERY_DRILL ? prefix === EXERCISE_STREAM_PREFIX : sameWorld(worldOfPrefix(prefix), world);
}

/** The consumers running on each store (so, in each process: a process has one store), for their lag (metrics). */
const running = new WeakMap<EventStore, Set<CheckpointedConsumer>>();

/** The checkpointed consumers started on `store` and not stopped. */
export function consumersOn(store: EventStore): readonly CheckpointedConsumer[] {
  return [...(running.get(store) ?? [])];
}

/**
 * A named consumer bound to one world, with a durable checkpoint in the store's database and one owner at a time.
 * It restores the checkpoint's state and reads only what came after it, so a restart costs what happened since the
 * last save, not the whole history.
 */
export class CheckpointedConsumer {
  readonly key: string;
  readonly owner: string;
  private readonly logger: Logger;
  private attachment: Attachment | undefined;
  private owned = false;
  private timer: NodeJS.Timeout | undefined;
  private ticking: Promise<void> = Promise.resolve();
  private stopped = false;
  private handledSinceSave = 0;
  private savedAt = 0;
  private savedPosition: Position | undefined;
  private restored: Promise<void> | undefined;
  private activation: Promise<void> = Promise.resolve();
  private lastSaveFailure: string | undefined;
  /** Writes of a save that failed, for the next one. */
  private unsaved: DocumentWrite[] = [];

  constructor(
    private readonly feed: EventFeed,
    private readonly checkpoints: CheckpointStore,
    private readonly spec: ConsumerSpec,
    private readonly timings: ConsumerTimings = DEFAULT_CONSUMER_TIMINGS,
  ) {
    this.key = consumerKey(spec.name, spec.world);
    // Bound to one world: every stream it reads is of that world (a drill's carry its prefix; the live ones none).
    for (const prefix of spec.prefixes) {
      if (!mayRead(spec.world, prefix)) {
        throw new Error(`${this.key} may not read ${prefix}: it is not a stream prefix of its world`);
      }
    }
    this.owner = `${hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`;
    this.logger = new Logger(this.key);
  }

  get isOwner(): boolean {
    return this.owned;
  }

  /** The position of the last event handled here. */
  get position(): Position | undefined {
    return this.attachment?.position;
  }

  /** Whether this process is handling its events now (an owner-only consumer on standby is not). */
  get handling(): boolean {
    return this.attachment !== undefined;
  }

  get name(): string {
    return this.spec.name;
  }

  /** Its world, as its checkpoint names it (`live`, `drill <id>`, `every drill`). */
  get worldName(): string {
    return worldName(this.spec.world);
  }

  get prefixes(): readonly string[] {
    return this.spec.prefixes;
  }

  /**
   * `every-process`: restores the checkpoint and resolves once caught up with the feed. `owner-only`: resolves at
   * once; the consumer runs whenever this process holds the lease.
   */
  async start(): Promise<void> {
    let consumers = running.get(this.feed.store);
    if (!consumers) running.set(this.feed.store, (consumers = new Set()));
    consumers.add(this);
    this.timer = setInterval(() => {
      this.ticking = this.ticking.then(() => this.tick());
    }, this.timings.renewMs);
    this.ticking = this.tick();
    if (this.spec.ownership === 'every-process') {
      this.restored ??= this.restoreAndAttach();
      await this.restored;
      await this.attachment?.synced();
    }
  }

  /** Resolves once everything up to `position` has been handled here. */
  reached(position: Position): Promise<void> {
    return this.attachment
      ? this.attachment.reached(position)
      : Promise.reject(new Error(`${this.key} is not running`));
  }

  /** Saves a last checkpoint if this process owns the consumer, gives the lease up and stops handling. */
  async stop(): Promise<void> {
    this.stopped = true;
    running.get(this.feed.store)?.delete(this);
    clearInterval(this.timer);
    await this.ticking;
    if (this.owned) {
      await this.activation;
      await this.save().catch((error: unknown) => this.logger.warn(`Last checkpoint not saved: ${String(error)}`));
      await this.checkpoints.release(this.key, this.owner).catch(() => undefined);
    }
    this.owned = false;
    await this.attachment?.close();
  }

  private async restoreAndAttach(): Promise<void> {
    const started = performance.now();
    let checkpoint: Awaited<ReturnType<CheckpointStore['load']>>;
    let origin: DrillOrigin | undefined;
    for (let attempt = 1; ; attempt += 1) {
      try {
        checkpoint = await this.checkpoints.load(this.key);
        origin =
          checkpoint || this.spec.world === EVERY_DRILL ? undefined : await drillOrigin(this.feed, this.spec.world);
        break;
      } catch (error) {
        if (this.stopped) return;
        this.logger.warn(`Checkpoint not readable (${String(error)}); trying again`);
        await new Promise((resolve) => setTimeout(resolve, Math.min(250 * attempt, 2_000)));
      }
    }
    this.spec.restore(checkpoint?.state ?? undefined);
    this.unsaved = [];
    this.savedPosition = checkpoint?.position;
    this.savedAt = performance.now();
    // A drill's world begins with its plan: a consumer of it with no checkpoint starts there, not at the start of the
    // whole history (what it reads then grows with the drill, not with the log).
    if (origin && this.spec.prefixes.some((prefix) => origin.planned.streamId.startsWith(prefix))) {
      await this.spec.handle(origin.planned);
    }
    this.attachment = this.feed.attach(
      checkpoint?.position ?? origin?.position,
      this.spec.prefixes,
      async (event) => {
        await this.spec.handle(event);
        this.handledSinceSave += 1;
        if (this.owned && this.handledSinceSave >= this.timings.saveEveryEvents) {
          this.handledSinceSave = 0;
          this.saveSoon();
        }
      },
      this.key,
    );
    this.logger.log(
      `Restored ${checkpoint ? `the checkpoint at ${checkpoint.position ?? 'the start'}` : 'nothing (no checkpoint)'} ` +
        `in ${Math.round(performance.now() - started)} ms`,
    );
  }

  private saveSoon(): void {
    this.ticking = this.ticking.then(async () => {
      await this.save().catch(this.saveFailed);
    });
  }

  /** A failed save is tried again at the next one (its writes with it); said once until a save lands again. */
  private readonly saveFailed = (error: unknown): false => {
    const reason = error instanceof Error ? error.message : String(error);
    if (reason !== this.lastSaveFailure) this.logger.warn(`Checkpoint not saved (${reason}); trying again`);
    this.lastSaveFailure = reason;
    return false;
  };

  /** Claims or renews the lease; the owner saves when due; an owner that lost the lease stops acting. */
  private async tick(): Promise<void> {
    if (this.stopped) return;
    let owns: boolean;
    try {
      owns = await this.checkpoints.claim(this.key, this.owner, this.timings.leaseMs);
    } catch (error) {
      // The database is away: an owner-only consumer cannot know whether another took over, so it stops acting.
      owns = false;
      if (this.owned) this.logger.warn(`Lease not renewed (${String(error)}); standing down until it is`);
    }
    if (owns && !this.owned) this.becomeOwner();
    else if (!owns && this.owned) await this.standDown();
    else if (owns && performance.now() - this.savedAt >= this.timings.saveEveryMs) {
      await this.save().catch(this.saveFailed);
    }
  }

  /** Catching up runs beside the lease ticks, so a long catch-up never lets the lease lapse. */
  private becomeOwner(): void {
    this.logger.log(`This process (${this.owner}) owns it now`);
    this.owned = true;
    this.activation = (async () => {
      if (this.spec.ownership === 'owner-only') {
        this.restored = this.restoreAndAttach();
        await this.restored;
        await this.attachment?.synced();
      }
      if (this.owned && !this.stopped) await this.spec.onOwnership?.(true);
    })().catch((error: unknown) => this.logger.error(`Taking over failed: ${String(error)}`));
  }

  private async standDown(): Promise<void> {
    this.logger.warn(`This process (${this.owner}) no longer owns it`);
    this.owned = false;
    if (this.spec.ownership === 'owner-only') {
      await this.attachment?.close();
      await this.activation;
      await this.attachment?.close();
      this.attachment = undefined;
      this.restored = undefined;
    }
    await this.spec.onOwnership?.(false);
  }

  /** Writes the state and its position, if anything moved; fenced: only the lease holder's save lands. */
  private async save(): Promise<boolean> {
    const attachment = this.attachment;
    if (!attachment || this.spec.canSave?.() === false) return false;
    const snapshot = await attachment.between((position) => ({
      checkpoint: { position, state: this.spec.checkpointState() },
      writes: [...this.unsaved, ...(this.spec.pendingWrites?.() ?? [])],
    }));
    const { checkpoint, writes } = snapshot;
    if (checkpoint.position === this.savedPosition && writes.length === 0) {
      this.savedAt = performance.now();
      return true;
    }
    let saved = false;
    try {
      saved = await this.checkpoints.save(this.key, this.owner, checkpoint, writes);
    } finally {
      this.unsaved = saved ? [] : writes;
    }
    if (saved) {
      this.lastSaveFailure = undefined;
      this.savedPosition = checkpoint.position;
      this.savedAt = performance.now();
      this.spec.onSaved?.(checkpoint.position);
    }
    return saved;
  }
}
