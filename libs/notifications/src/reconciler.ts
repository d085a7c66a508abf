import { Logger } from '@nestjs/common';
import {
  evolveNotification,
  initialNotificationState,
  type NotificationEvent,
  type NotificationState,
} from '@enlace/domain';
import {
  type EventStore,
  type Position,
  type RecordedEvent,
  StoreUnavailableError,
  type Subscription,
} from '@enlace/event-store';
import type { Redis } from 'ioredis';
import { randomUUID } from 'node:crypto';
import type { DeliveryConfig } from './delivery-config.js';
import { deadlineJobId } from './jobs.js';
import { deadlinesNeeded, deliveriesNeeded, escalationDueAt } from './plan.js';
import type { WorkScheduler } from './work-scheduler.js';

const PREFIX = 'notification-';
const PAGE = 1_000;

export interface ReconcilerOptions {
  /** The key whose disappearance means Redis was emptied (FLUSHALL, a restart without persistence). */
  sentinelKey: string;
  /** How often to look for the sentinel. */
  checkIntervalMs: number;
}

/**
 * Redis is never the truth. This folds every notification from the store, schedules whatever work they still call
 * for, then follows the store live; when the sentinel key vanishes it schedules everything again. Job ids derived
 * from the facts make scheduling idempotent, so several processes may do this at once.
 */
export class Reconciler {
  private readonly logger = new Logger('Reconciler');
  private readonly states = new Map<string, NotificationState>();
  private position: Position | undefined;
  private subscription: Subscription | undefined;
  private following: Promise<void> | undefined;
  private timer: NodeJS.Timeout | undefined;
  private stopped = false;
  private resyncing = false;
  /** A scheduling step failed: the next sentinel check schedules everything again. */
  private resyncNeeded = false;
  /** Scheduling runs one step at a time: a full pass and live events never interleave. */
  private chain: Promise<void> = Promise.resolve();
  private epoch = randomUUID();
  /** Resolves after the first full pass (tests and logs use it). */
  readonly ready: Promise<void>;
  private markReady: () => void = () => undefined;

  constructor(
    private readonly store: EventStore,
    private readonly redis: Redis,
    private readonly scheduler: WorkScheduler,
    private readonly config: DeliveryConfig,
    private readonly options: ReconcilerOptions,
  ) {
    this.ready = new Promise((resolve) => (this.markReady = resolve));
  }

  /** Starts in the background: a Redis or store that is away must not hold up the process that hosts this. */
  start(): void {
    this.following = this.run();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    clearInterval(this.timer);
    await this.subscription?.close();
    await this.following;
    await this.chain;
  }

  private async run(): Promise<void> {
    try {
      await this.catchUpWhileAway();
      if (this.stopped) return;
      await this.enqueue(() => this.scheduleAll('start'));
      this.markReady();
      this.timer = setInterval(() => void this.checkSentinel(), this.options.checkIntervalMs);
      await this.follow();
    } catch (error) {
      if (!this.stopped) this.logger.error(`Reconciler stopped: ${String(error)}`);
    }
  }

  /** A store that is away at start (a worker restarted during an outage) is waited for, not given up on. */
  private async catchUpWhileAway(): Promise<void> {
    for (let attempt = 1; !this.stopped; attempt += 1) {
      try {
        await this.catchUp();
        return;
      } catch (error) {
        if (!(error instanceof StoreUnavailableError)) throw error;
        await new Promise((resolve) => setTimeout(resolve, Math.min(500 * attempt, 5_000)));
      }
    }
  }

  private async catchUp(): Promise<void> {
    const started = performance.now();
    for (;;) {
      const page = await this.store.readAll({
        ...(this.position === undefined ? {} : { fromPosition: this.position }),
        filter: { streamPrefixes: [PREFIX] },
        maxCount: PAGE,
      });
      for (const event of page) this.fold(event);
      if (page.length < PAGE) break;
    }
    this.logger.log(`Folded ${this.states.size} notifications in ${Math.round(performance.now() - started)} ms`);
  }

  private async follow(): Promise<void> {
    while (!this.stopped) {
      try {
        this.subscription = this.store.subscribe({
          from: this.position ?? 'start',
          filter: { streamPrefixes: [PREFIX] },
        });
        for await (const event of this.subscription) {
          // At-least-once: a redelivered event was folded already.
          if (this.position !== undefined && event.position <= this.position) continue;
          const id = event.streamId.slice(PREFIX.length);
          const before = this.states.get(id) ?? initialNotificationState();
          const after = this.fold(event);
          await this.enqueue(() => this.scheduleOne(before, after));
        }
      } catch (error) {
        if (this.stopped) return;
        this.logger.error(`Subscription failed, resuming after ${this.position ?? 'the start'}: ${String(error)}`);
      }
      if (!this.stopped) await new Promise((resolve) => setTimeout(resolve, 1_000));
    }
  }

  private fold(event: RecordedEvent): NotificationState {
    const id = event.streamId.slice(PREFIX.length);
    const state = evolveNotification(
      this.states.get(id) ?? initialNotificationState(),
      event as unknown as NotificationEvent,
      event.metadata.recordedAt,
    );
    this.states.set(id, state);
    this.position = event.position;
    return state;
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
    await this.redis.set(this.options.sentinelKey, this.epoch);
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
    const wanted = new Set(deadlinesNeeded(after, this.config).map(deadlineJobId));
    for (const job of deadlinesNeeded(before, this.config)) {
      if (!wanted.has(deadlineJobId(job))) await this.scheduler.dropDeadline(job);
    }
  }

  private async schedule(state: NotificationState): Promise<{ deliveries: number; deadlines: number }> {
    if (state.status === 'none') return { deliveries: 0, deadlines: 0 };
    const deliveries = deliveriesNeeded(state, this.config);
    for (const delivery of deliveries) await this.scheduler.scheduleDelivery(delivery);
    const deadlines = deadlinesNeeded(state, this.config);
    for (const deadline of deadlines) {
      await this.scheduler.scheduleDeadline(deadline, escalationDueAt(state, deadline.tier, this.config));
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
      if ((await this.redis.exists(this.options.sentinelKey)) === 1) return;
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
