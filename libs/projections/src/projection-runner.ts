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
  private stopped = false;

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
    const started = performance.now();
    let applied = 0;
    for (;;) {
      const page = await this.store.readAll({
        ...(this.position === undefined ? {} : { fromPosition: this.position }),
        filter: { streamPrefixes: LIVE_STREAM_PREFIXES },
        maxCount: 1_000,
      });
      for (const event of page) this.apply(event);
      applied += page.length;
      if (page.length < 1_000) break;
    }
    this.running = this.follow();
    this.logger.log(`Read models caught up with ${applied} events in ${Math.round(performance.now() - started)} ms`);
  }

  async onApplicationShutdown(): Promise<void> {
    this.stopped = true;
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

  private apply(event: RecordedEvent): void {
    this.models.apply(event, (projection, error) =>
      this.logger.error(`${projection} failed on ${event.type} at ${event.position}: ${String(error)}`),
    );
  }

  /** Follows the store until shut down; a failed subscription is replaced, resuming after the last applied event. */
  private async follow(): Promise<void> {
    while (!this.stopped) {
      try {
        const subscription = this.store.subscribe({
          from: this.position ?? 'start',
          filter: { streamPrefixes: LIVE_STREAM_PREFIXES },
        });
        this.subscription = subscription;
        for await (const event of subscription) {
          // Subscriptions are at-least-once: the read models skip a redelivered event, and so must the consoles.
          if (this.position !== undefined && event.position <= this.position) continue;
          this.apply(event);
          this.release(event.position);
          for (const listener of this.listeners) {
            try {
              listener(event);
            } catch (error) {
              this.logger.error(`Listener failed on ${event.type} at ${event.position}: ${String(error)}`);
            }
          }
        }
      } catch (error) {
        if (this.stopped) return;
        this.logger.error(`Subscription failed, resuming after ${this.position ?? 'the start'}: ${String(error)}`);
      }
      if (!this.stopped) await new Promise((resolve) => setTimeout(resolve, 1_000));
    }
  }
}
