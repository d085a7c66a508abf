import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import type { ReferenceCatalog } from '@enlace/domain';
import {
  EVENT_STORE,
  type EventStore,
  type Position,
  type RecordedEvent,
  type Subscription,
} from '@enlace/event-store';
import { REFERENCE_CATALOG } from '@enlace/reference-data';
import { LIVE_STREAM_PREFIXES, ReadModels } from './read-models.js';

export type EventListener = (event: RecordedEvent) => void;

/**
 * Follows the event store from the start and keeps this process's read models live. Listeners (the console
 * gateway) hear each event right after the read models applied it, so what they push and what queries answer agree.
 * Every api process runs its own: a command accepted by any process reaches every process through the store.
 */
@Injectable()
export class ProjectionRunner implements OnApplicationBootstrap, OnApplicationShutdown {
  readonly models: ReadModels;
  private readonly logger = new Logger('Projections');
  private readonly listeners = new Set<EventListener>();
  private readonly waiters: { position: Position; resolve: () => void }[] = [];
  private subscription: Subscription | undefined;
  private running: Promise<void> | undefined;

  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(REFERENCE_CATALOG) reference: ReferenceCatalog,
  ) {
    this.models = new ReadModels(reference);
  }

  get position(): Position | undefined {
    return this.models.position;
  }

  /** Catches up with the store as it is now (page by page), then follows it live from there. */
  async onApplicationBootstrap(): Promise<void> {
    const started = Date.now();
    let applied = 0;
    for (;;) {
      const page = await this.store.readAll({
        ...(this.position === undefined ? {} : { fromPosition: this.position }),
        filter: { streamPrefixes: LIVE_STREAM_PREFIXES },
        maxCount: 1_000,
      });
      for (const event of page) this.models.apply(event);
      applied += page.length;
      if (page.length < 1_000) break;
    }
    this.subscription = this.store.subscribe({
      from: this.position ?? 'start',
      filter: { streamPrefixes: LIVE_STREAM_PREFIXES },
    });
    this.running = this.follow(this.subscription);
    this.logger.log(`Read models caught up with ${applied} events in ${Date.now() - started} ms`);
  }

  async onApplicationShutdown(): Promise<void> {
    await this.subscription?.close();
    await this.running;
  }

  onEvent(listener: EventListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Resolves true once the read models have applied `position`, false after `timeoutMs`. */
  waitFor(position: Position, timeoutMs = 2_000): Promise<boolean> {
    if (this.position !== undefined && this.position >= position) return Promise.resolve(true);
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        const index = this.waiters.indexOf(waiter);
        if (index >= 0) this.waiters.splice(index, 1);
        resolve(false);
      }, timeoutMs);
      const waiter = {
        position,
        resolve: () => {
          clearTimeout(timer);
          resolve(true);
        },
      };
      this.waiters.push(waiter);
    });
  }

  private release(upTo: Position): void {
    for (let i = this.waiters.length - 1; i >= 0; i -= 1) {
      if (this.waiters[i]!.position <= upTo) this.waiters.splice(i, 1)[0]!.resolve();
    }
  }

  private async follow(subscription: Subscription): Promise<void> {
    for await (const event of subscription) {
      this.models.apply(event);
      this.release(event.position);
      for (const listener of this.listeners) {
        try {
          listener(event);
        } catch (error) {
          this.logger.error(`Listener failed on ${event.type} at ${event.position}: ${String(error)}`);
        }
      }
    }
  }
}
