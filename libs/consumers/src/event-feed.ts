import { Logger } from '@nestjs/common';
import type { EventStore, Position, Subscription } from '@enlace/event-store';
import { type DecodedEvent, decodeRecorded } from './decoded-event.js';

/** One step of the feed: the event at `position` (none when it did not decode), which followed `after`. */
interface Entry {
  after: Position | undefined;
  position: Position | undefined;
  event?: DecodedEvent;
}

export type FeedHandler = (event: DecodedEvent) => void | Promise<void>;

export interface FeedOptions {
  /** The stream prefixes this process follows (every attachment reads a subset of them). */
  prefixes: readonly string[];
  /** Wait before following again after the store failed. */
  retryMs?: number;
  /** Poll every this many ms rather than wake on every append (see `SubscribeOptions.pollOnlyMs`). */
  pollOnlyMs?: number;
}

const before = (a: Position | undefined, b: Position | undefined): boolean =>
  b !== undefined && (a === undefined || a < b);

/**
 * The one reader of the global log in a process: it follows `$all` once, decodes each event once (the store edge),
 * and hands it to every attachment in global order. An attachment that starts behind the feed (a consumer restored
 * from an older checkpoint, or from nothing) first reads the gap from the store a page at a time, then goes on with
 * the feed; each attachment has its own queue, so a slow one never holds the others back.
 */
export class EventFeed {
  private readonly logger = new Logger('EventFeed');
  private readonly attachments = new Set<Attachment>();
  private subscription: Subscription | undefined;
  private following: Promise<void> | undefined;
  private lastPosition: Position | undefined;
  private started: Promise<void> | undefined;
  private stopped = false;

  constructor(
    readonly store: EventStore,
    readonly options: FeedOptions,
  ) {}

  /** The position of the last event the feed has read (`undefined` while nothing has been). */
  get position(): Position | undefined {
    return this.lastPosition;
  }

  /** Reads where the log ends now and follows it from there; attachments read what came before themselves. */
  start(): Promise<void> {
    this.started ??= (async () => {
      for (let attempt = 1; !this.stopped; attempt += 1) {
        try {
          this.lastPosition = await this.store.headPosition();
          break;
        } catch (error) {
          this.logger.warn(`The store did not answer (${String(error)}); trying again`);
          await pause(Math.min(250 * attempt, this.options.retryMs ?? 1_000));
        }
      }
      this.following = this.follow();
    })();
    return this.started;
  }

  async stop(): Promise<void> {
    this.stopped = true;
    await this.subscription?.close();
    await this.following;
    await Promise.all([...this.attachments].map((attachment) => attachment.close()));
  }

  /**
   * Hands every event after `from` (`undefined`: from the start) whose stream starts with one of `prefixes` to
   * `handler`, in global order, one at a time (an async handler is awaited). A handler that throws is reported and
   * the event skipped: a consumer that must not skip handles its own failures.
   */
  attach(from: Position | undefined, prefixes: readonly string[], handler: FeedHandler, name: string): Attachment {
    for (const prefix of prefixes) {
      if (!this.options.prefixes.some((followed) => prefix.startsWith(followed))) {
        throw new Error(`${name} reads ${prefix}, which this process's feed does not follow`);
      }
    }
    const attachment = new Attachment(this, from, prefixes, handler, name, (closed) => this.attachments.delete(closed));
    this.attachments.add(attachment);
    void this.start().then(() => {
      if (!this.stopped) attachment.push({ after: this.lastPosition, position: this.lastPosition });
    });
    return attachment;
  }

  private async follow(): Promise<void> {
    while (!this.stopped) {
      try {
        const subscription = this.store.subscribe({
          from: this.lastPosition ?? 'start',
          filter: { streamPrefixes: this.options.prefixes },
          ...(this.options.pollOnlyMs === undefined ? {} : { pollOnlyMs: this.options.pollOnlyMs }),
        });
        this.subscription = subscription;
        for await (const recorded of subscription) {
          if (this.lastPosition !== undefined && recorded.position <= this.lastPosition) continue;
          const decoded = decodeRecorded(recorded);
          if (!decoded.ok) this.logger.error(`Skipping an event no consumer can read: ${decoded.reason}`);
          const entry: Entry = {
            after: this.lastPosition,
            position: recorded.position,
            ...(decoded.ok ? { event: decoded.event } : {}),
          };
          this.lastPosition = recorded.position;
          for (const attachment of this.attachments) attachment.push(entry);
        }
      } catch (error) {
        if (this.stopped) return;
        this.logger.error(
          `Following the store failed, resuming after ${this.lastPosition ?? 'the start'}: ${String(error)}`,
        );
      }
      if (!this.stopped) await pause(this.options.retryMs ?? 1_000);
    }
  }
}

/** One consumer's place in the feed. */
export class Attachment {
  private readonly logger: Logger;
  private readonly queue: Entry[] = [];
  private draining: Promise<void> | undefined;
  private closed = false;
  private readonly waiters: { position: Position; resolve: () => void }[] = [];
  /** Steps waiting for the handler under way to finish (see `between`). */
  private readonly steps: (() => void)[] = [];

  constructor(
    private readonly feed: EventFeed,
    private at: Position | undefined,
    private readonly prefixes: readonly string[],
    private readonly handler: FeedHandler,
    readonly name: string,
    private readonly onClose: (attachment: Attachment) => void,
  ) {
    this.logger = new Logger(name);
  }

  /** The position of the last event this attachment has handled or passed over. */
  get position(): Position | undefined {
    return this.at;
  }

  /** Resolves once the attachment has handled everything up to `position` (at once when it has). */
  reached(position: Position | undefined): Promise<void> {
    if (position === undefined || (this.at !== undefined && this.at >= position)) return Promise.resolve();
    return new Promise((resolve) => this.waiters.push({ position, resolve }));
  }

  /** Resolves once the attachment has handled what the feed had read when this was called. */
  synced(): Promise<void> {
    return this.feed.start().then(() => this.reached(this.feed.position));
  }

  /**
   * Runs `step` between two events, never while a handler runs: its synchronous part sees the state of exactly
   * `position` (to snapshot it).
   */
  between<T>(step: (position: Position | undefined) => T): Promise<T> {
    if (!this.draining) return Promise.resolve().then(() => step(this.at));
    // A long catch-up is one drain: the step runs after the event being handled, not at the end of the catch-up.
    return new Promise((resolve, reject) =>
      this.steps.push(() => {
        try {
          resolve(step(this.at));
        } catch (error) {
          reject(error instanceof Error ? error : new Error(String(error)));
        }
      }),
    );
  }

  /** Stops handling; whoever waits for a position is let go (it will not be reached here). */
  async close(): Promise<void> {
    this.closed = true;
    this.onClose(this);
    for (const waiter of this.waiters.splice(0)) waiter.resolve();
    await this.draining;
  }

  push(entry: Entry): void {
    if (this.closed) return;
    this.queue.push(entry);
    this.kick();
  }

  /** Drains the queue unless a drain runs; one that ended as this entry came in is followed by another. */
  private kick(): void {
    if (this.draining) return;
    this.draining = this.drain().finally(() => {
      this.draining = undefined;
      this.runSteps();
      if (!this.closed && this.queue.length > 0) this.kick();
    });
  }

  private async drain(): Promise<void> {
    while (!this.closed && this.queue.length > 0) {
      const entry = this.queue.shift()!;
      if (!before(this.at, entry.position)) continue;
      if (before(this.at, entry.after)) await this.readGap(entry.after!);
      if (this.closed || !before(this.at, entry.position)) continue;
      if (entry.event && this.matches(entry.event.streamId)) {
        const handling = this.handle(entry.event);
        if (handling) await handling;
      }
      this.moveTo(entry.position!);
    }
  }

  /**
   * Reads (at, to] from the store until it has it all or is closed; an outage is waited out. The store's read reads
   * its next page while this one is handled, so a rebuild costs the slower of reading and handling, not their sum.
   */
  private async readGap(to: Position): Promise<void> {
    for (let attempt = 1; !this.closed && before(this.at, to);) {
      try {
        const events = this.feed.store.readAll({
          ...(this.at === undefined ? {} : { fromPosition: this.at }),
          filter: { streamPrefixes: this.prefixes },
        });
        for await (const recorded of events) {
          if (this.closed || recorded.position > to) break;
          const decoded = decodeRecorded(recorded);
          if (decoded.ok) {
            const handling = this.handle(decoded.event);
            if (handling) await handling;
          } else this.logger.error(`Skipping an event this consumer cannot read: ${decoded.reason}`);
          this.moveTo(recorded.position);
        }
        if (!this.closed) this.moveTo(to);
        attempt = 1;
      } catch (error) {
        this.logger.warn(`Catching up from the store failed (${String(error)}); trying again`);
        await pause(Math.min(250 * attempt, this.feed.options.retryMs ?? 1_000));
        attempt += 1;
      }
    }
  }

  private matches(streamId: string): boolean {
    return this.prefixes.some((prefix) => streamId.startsWith(prefix));
  }

  /** Runs the handler; a promise only when it is asynchronous (a read model's is not: no await per event then). */
  private handle(event: DecodedEvent): Promise<void> | undefined {
    const failed = (error: unknown) =>
      this.logger.error(`Failed on ${event.type} at ${event.position}: ${String(error)}`);
    try {
      const result = this.handler(event);
      return result instanceof Promise ? result.catch(failed) : undefined;
    } catch (error) {
      failed(error);
      return undefined;
    }
  }

  private moveTo(position: Position): void {
    if (before(this.at, position)) {
      this.at = position;
      for (let i = this.waiters.length - 1; i >= 0; i -= 1) {
        if (this.waiters[i]!.position <= position) this.waiters.splice(i, 1)[0]!.resolve();
      }
    }
    if (this.steps.length > 0) this.runSteps();
  }

  private runSteps(): void {
    for (const step of this.steps.splice(0)) step();
  }
}

function pause(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
