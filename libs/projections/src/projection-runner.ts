import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { type Attachment, type DecodedEvent, EventFeed } from '@enlace/consumers';
import type { ReferenceCatalog } from '@enlace/domain';
import type { Position } from '@enlace/event-store';
import { REFERENCE_CATALOG } from '@enlace/reference-data';
import { LIVE_STREAM_PREFIXES, ReadModels } from './read-models.js';

export type EventListener = (event: DecodedEvent) => void;

/**
 * Keeps this process's live read models, fed by the process's one event feed (typed events, in global order).
 * Listeners (the console feed) hear each event right after the read models applied it, so what they push and what
 * queries answer agree. Every api process runs its own: a command accepted by any process reaches every process
 * through the store.
 */
@Injectable()
export class ProjectionRunner implements OnApplicationBootstrap, OnApplicationShutdown {
  readonly models: ReadModels;
  private readonly logger = new Logger('Projections');
  private readonly listeners = new Set<EventListener>();
  private attachment: Attachment | undefined;
  private caughtUp = false;

  constructor(
    private readonly feed: EventFeed,
    @Inject(REFERENCE_CATALOG) reference: ReferenceCatalog,
  ) {
    this.models = new ReadModels(reference);
  }

  get position(): Position | undefined {
    return this.models.position;
  }

  /** Catches up with the store as it is now (page by page), then follows it live with the feed. */
  async onApplicationBootstrap(): Promise<void> {
    const started = performance.now();
    let applied = 0;
    this.attachment = this.feed.attach(
      undefined,
      LIVE_STREAM_PREFIXES,
      (event) => {
        applied += 1;
        this.apply(event);
      },
      'Projections',
    );
    await this.attachment.synced();
    this.caughtUp = true;
    this.logger.log(`Read models caught up with ${applied} events in ${Math.round(performance.now() - started)} ms`);
  }

  async onApplicationShutdown(): Promise<void> {
    await this.attachment?.close();
  }

  onEvent(listener: EventListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Resolves true once the read models have applied `position`, false after `timeoutMs`. */
  async waitFor(position: Position, timeoutMs = 2_000): Promise<boolean> {
    if (this.position !== undefined && this.position >= position) return true;
    if (!this.attachment) return false;
    let timer: NodeJS.Timeout | undefined;
    const reached = await Promise.race([
      this.attachment.reached(position).then(() => true),
      new Promise<boolean>((resolve) => (timer = setTimeout(() => resolve(false), timeoutMs))),
    ]);
    clearTimeout(timer);
    return reached && this.position !== undefined && this.position >= position;
  }

  private apply(event: DecodedEvent): void {
    this.models.apply(event, (projection, error) =>
      this.logger.error(`${projection} failed on ${event.type} at ${event.position}: ${String(error)}`),
    );
    // Consoles hear what happens from now on; what came before boot they read from the read models.
    if (!this.caughtUp) return;
    for (const listener of this.listeners) {
      try {
        listener(event);
      } catch (error) {
        this.logger.error(`Listener failed on ${event.type} at ${event.position}: ${String(error)}`);
      }
    }
  }
}
