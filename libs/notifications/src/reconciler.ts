import { Logger } from '@nestjs/common';
import {
  CheckpointedConsumer,
  type ConsumerTimings,
  type DecodedEvent,
  DEFAULT_CONSUMER_TIMINGS,
  type EventFeed,
} from '@enlace/consumers';
import {
  evolveNotification,
  initialNotificationState,
  LIVE,
  notificationDecider,
  type NotificationState,
  drillStreamId,
  streamInWorld,
  type World,
} from '@enlace/domain';
import { collect, type EventStore, occurredAt } from '@enlace/event-store';
import type { Redis } from 'ioredis';
import { randomUUID } from 'node:crypto';
import type { DeliveryConfig } from './delivery-config.js';
import { deadlineJobId } from './jobs.js';
import { deadlinesNeeded, deliveriesNeeded, escalationDueAt } from './plan.js';
import type { WorkScheduler } from './work-scheduler.js';
import type { WorldTime } from './world-time.js';

/** The live notifications' streams: a drill's (`exercise-…`) never reach the real channels. */
export const NOTIFICATION_PREFIX = 'notification-';

export interface ReconcilerOptions {
  /**
   * The one world whose notifications this reconciler follows (the live world when omitted). A drill's reconciler
   * reads only that drill's streams and schedules only jobs that name the drill, which reach only endpoints marked
   * for exercises; the live one never reads a drill's stream.
   */
  world?: World;
  /** The key whose disappearance means Redis was emptied (FLUSHALL, a restart without persistence). */
  sentinelKey: string;
  /** How often to look for the sentinel. */
  checkIntervalMs: number;
  /** The time of the reconciler's world: a drill's deadlines are drill times, due in real time at its rate. */
  time: WorldTime;
  /** Lease and checkpoint timings of the consumer (tests shorten the lease). */
  timings?: Partial<ConsumerTimings>;
}

/** What the checkpoint keeps: the notifications that still call for work, nothing else. */
interface ReconcilerCheckpoint {
  open: [string, NotificationState][];
  /** Per open notification, the correlation id of the last command on it (its jobs carry it). */
  correlations?: [string, string][];
}

/**
 * Redis is never the truth. The reconciler is one checkpointed consumer of the live notifications
 * (`delivery-reconciler@live`), owned by one worker process at a time: the owner restores the open notifications from
 * its checkpoint, reads what came after, schedules whatever work they still call for, then follows the store; when
 * the sentinel key vanishes it schedules everything again. Job ids derived from the facts make scheduling idempotent,
 * so a new owner repeating a step of the old one adds nothing. Notifications that call for no more work leave memory
 * (and the checkpoint); a later event on one reads its stream again.
 */
export class Reconciler {
  private readonly logger = new Logger('Reconciler');
  private readonly states = new Map<string, NotificationState>();
  /** The correlation id of the last event of each open notification: the jobs it causes carry it. */
  private readonly correlations = new Map<string, string>();
  private readonly consumer: CheckpointedConsumer;
  private readonly world: World;
  /** This world's sentinel: each reconciler notices for itself that Redis was emptied. */
  private readonly sentinelKey: string;
  private timer: NodeJS.Timeout | undefined;
  private stopped = false;
  /** Caught up as the owner: each event schedules what it changes. */
  private scheduling = false;
  private resyncing = false;
  /** A scheduling step failed: the next sentinel check schedules everything again. */
  private resyncNeeded = false;
  /** Scheduling runs one step at a time: a full pass and live events never interleave. */
  private chain: Promise<void> = Promise.resolve();
  private epoch = randomUUID();
  /** Resolves after the first full pass of this process as the owner (tests and logs use it). */
  readonly ready: Promise<void>;
  private markReady: () => void = () => undefined;

  constructor(
    feed: EventFeed,
    private readonly store: EventStore,
    private readonly redis: Redis,
    private readonly scheduler: WorkScheduler,
    private readonly config: DeliveryConfig,
    private readonly options: ReconcilerOptions,
  ) {
    this.ready = new Promise((resolve) => (this.markReady = resolve));
    this.world = options.world ?? LIVE;
    this.sentinelKey =
      this.world.kind === 'live' ? options.sentinelKey : `${options.sentinelKey}.${this.world.drillId}`;
    this.consumer = new CheckpointedConsumer(
      feed,
      store.checkpoints,
      {
        name: 'delivery-reconciler',
        world: this.world,
        // A drill's reconciler also follows the drill's clock: a new rate or a resume moves its deadlines.
        prefixes: [
          streamInWorld(this.world, NOTIFICATION_PREFIX),
          ...(this.world.kind === 'drill' ? [streamInWorld(this.world, drillStreamId(this.world.drillId))] : []),
        ],
        ownership: 'owner-only',
        handle: (event) => this.handle(event),
        checkpointState: (): ReconcilerCheckpoint => ({ open: [...this.states], correlations: [...this.correlations] }),
        restore: (state) => this.restore(state),
        onOwnership: (owned) => this.onOwnership(owned),
      },
      { ...DEFAULT_CONSUMER_TIMINGS, ...options.timings },
    );
  }

  /** Whether this process is the one scheduling now. */
  get isOwner(): boolean {
    return this.consumer.isOwner;
  }

  /** How many notifications still call for work (what this keeps in memory). */
  get openNotifications(): number {
    return this.states.size;
  }

  /** Starts in the background: a Redis or store that is away must not hold up the process that hosts this. */
  start(): void {
    void this.consumer.start();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    clearInterval(this.timer);
    await this.consumer.stop();
    await this.chain;
  }

  private restore(state: unknown): void {
    this.states.clear();
    this.correlations.clear();
    const { open, correlations } = (state as ReconcilerCheckpoint | undefined) ?? {};
    if (Array.isArray(open)) for (const [id, notification] of open) this.states.set(id, notification);
    if (Array.isArray(correlations)) {
      for (const [id, correlationId] of correlations) this.correlations.set(id, correlationId);
    }
    this.logger.log(`Restored ${this.states.size} open notifications`);
  }

  private async onOwnership(owned: boolean): Promise<void> {
    clearInterval(this.timer);
    this.scheduling = owned && !this.stopped;
    if (!this.scheduling) return;
    await this.enqueue(() => this.scheduleAll('start'));
    this.markReady();
    this.timer = setInterval(() => void this.checkSentinel(), this.options.checkIntervalMs);
  }

  private async handle(event: DecodedEvent): Promise<void> {
    if (event.aggregate === 'drill') {
      if (this.scheduling) await this.enqueue(() => this.scheduleAll(`the drill's clock: ${event.type}`));
      return;
    }
    if (event.aggregate !== 'notification') return;
    const id = event.aggregateId;
    const before = this.states.get(id) ?? (await this.forgotten(event));
    const after = evolveNotification(before, event, occurredAt(event.metadata));
    if (this.needsWork(after)) {
      this.states.set(id, after);
      this.correlations.set(id, event.metadata.correlationId);
    } else {
      this.states.delete(id);
      this.correlations.delete(id);
    }
    // While the owner catches up it only folds: once caught up it schedules everything at once (scheduleAll).
    if (this.scheduling) await this.enqueue(() => this.scheduleOne(before, after));
  }

  /** A notification this process does not hold: new, or closed earlier and read again from its stream. */
  private async forgotten(event: DecodedEvent): Promise<NotificationState> {
    if (event.revision === 0) return initialNotificationState();
    const earlier = await collect(this.store.readStream(event.streamId, { maxCount: event.revision }));
    const { codec } = notificationDecider;
    return earlier.reduce(
      (state, recorded) =>
        evolveNotification(
          state,
          codec.decode(recorded.type, recorded.data, recorded.metadata.schemaVersion),
          occurredAt(recorded.metadata),
        ),
      initialNotificationState(),
    );
  }

  private needsWork(state: NotificationState): boolean {
    return (
      state.status === 'active' &&
      (deliveriesNeeded(state, this.config, this.world).length > 0 ||
        deadlinesNeeded(state, this.config, this.world).length > 0)
    );
  }

  private enqueue(step: () => Promise<void>): Promise<void> {
    const next = this.chain.then(step).catch((error: unknown) => {
      // Redis away: what this step would have scheduled is scheduled again, from the whole fold, once it answers
      // (the store has it; nothing acknowledged is lost).
      if (!this.resyncNeeded) {
        this.logger.warn(`Scheduling failed, retrying everything when Redis answers: ${String(error)}`);
      }
      this.resyncNeeded = true;
    });
    this.chain = next;
    return next;
  }

  /** Sets the sentinel, then schedules every delivery and deadline still called for. */
  private async scheduleAll(why: string): Promise<void> {
    await this.redis.set(this.sentinelKey, this.epoch);
    let deliveries = 0;
    let deadlines = 0;
    for (const state of this.states.values()) {
      const counts = await this.schedule(state);
      deliveries += counts.deliveries;
      deadlines += counts.deadlines;
    }
    this.logger.log(`Scheduled from the store (${why}): ${deliveries} deliveries, ${deadlines} deadlines`);
  }

  /** One notification changed: schedule what it now needs and drop deadline jobs it no longer needs. */
  private async scheduleOne(before: NotificationState, after: NotificationState): Promise<void> {
    await this.schedule(after);
    const wanted = new Set(deadlinesNeeded(after, this.config, this.world).map(deadlineJobId));
    for (const job of deadlinesNeeded(before, this.config, this.world)) {
      if (!wanted.has(deadlineJobId(job))) await this.scheduler.dropDeadline(job);
    }
  }

  private async schedule(state: NotificationState): Promise<{ deliveries: number; deadlines: number }> {
    if (state.status === 'none') return { deliveries: 0, deadlines: 0 };
    const correlationId = this.correlations.get(state.notificationId);
    const correlation = correlationId === undefined ? {} : { correlationId };
    const deliveries = deliveriesNeeded(state, this.config, this.world);
    for (const delivery of deliveries) await this.scheduler.scheduleDelivery({ ...delivery, ...correlation });
    const deadlines = deadlinesNeeded(state, this.config, this.world);
    for (const deadline of deadlines) {
      const dueAt = escalationDueAt(state, deadline.tier, this.config);
      await this.scheduler.scheduleDeadline(
        { ...deadline, ...correlation },
        await this.options.time.realDueAt(deadline, dueAt),
      );
    }
    return { deliveries: deliveries.length, deadlines: deadlines.length };
  }

  /** The sentinel is gone: Redis lost our jobs. Schedule everything again from the folded store. */
  private async checkSentinel(): Promise<void> {
    if (this.stopped || this.resyncing) return;
    this.resyncing = true;
    try {
      if (this.resyncNeeded) {
        this.resyncNeeded = false;
        await this.enqueue(() => this.scheduleAll('after failed scheduling'));
        return;
      }
      if ((await this.redis.exists(this.sentinelKey)) === 1) return;
      this.epoch = randomUUID();
      this.logger.warn(
        'Redis was emptied (the sentinel key is gone): scheduling every pending job again from the store',
      );
      await this.enqueue(() => this.scheduleAll('Redis emptied'));
    } catch {
      // Redis away: the connection watcher says so; look again at the next tick.
    } finally {
      this.resyncing = false;
    }
  }
}
