import type { AllStreamSubscription, Position as KurrentPosition } from '@kurrent/kurrentdb-client';
import type { RecordedEvent } from '../event-store.port.js';
import { GeneratedSubscription, sleep } from '../generated-subscription.js';
import type { CompiledFilter } from './event-filter.js';
import { compareKurrentPositions } from './positions.js';
import { decodeEvent } from './stored-event.js';

/** `'start'`, or the position to deliver events strictly after. */
export type Cursor = KurrentPosition | 'start';

export interface KurrentDbSubscriptionOptions {
  filter: CompiledFilter;
  /** Resolved when iteration begins (as in the PostgreSQL adapter), so `'end'` means the head at that moment. */
  resolveStart(): Promise<Cursor>;
  /** A KurrentDB catch-up subscription to `$all` after `from` (exclusive), filtered with `filter.server`. */
  subscribe(from: Cursor): AllStreamSubscription;
  onClose(subscription: KurrentDbSubscription): void;
}

/**
 * The port's subscription over KurrentDB's catch-up subscription to `$all`. When KurrentDB drops it (connection lost,
 * leader change, server restart), it subscribes again after the last event it scanned, so the reader neither misses
 * nor repeats an event.
 */
export class KurrentDbSubscription extends GeneratedSubscription {
  private current: AllStreamSubscription | undefined;

  constructor(private readonly options: KurrentDbSubscriptionOptions) {
    super();
  }

  protected async closing(): Promise<void> {
    this.options.onClose(this);
    // Ending the KurrentDB stream lets a pending `next()` finish, which `return()` would otherwise wait for.
    await this.current?.unsubscribe().catch(() => undefined);
  }

  protected async *run(): AsyncGenerator<RecordedEvent> {
    const { signal } = this;
    const { filter } = this.options;
    if (filter.matchesNothing) return await untilAborted(signal);
    let cursor = await this.retrying(() => this.options.resolveStart());
    let failures = 0;
    while (cursor !== undefined && !signal.aborted) {
      const live = this.options.subscribe(cursor);
      this.current = live;
      // The client emits errors on the stream itself; a listener of ours keeps a late one (after the loop below
      // stopped listening) from crashing the process. The loop still sees errors through its own listener.
      live.on('error', () => undefined);
      try {
        for await (const resolved of live) {
          if (signal.aborted) return;
          const event = resolved.event;
          if (!event) continue;
          // Exclusive start, also across a resubscription: never deliver an event twice.
          if (cursor !== 'start' && compareKurrentPositions(event.position, cursor) <= 0) continue;
          cursor = event.position;
          failures = 0;
          if (filter.matches(event.streamId, event.type)) yield decodeEvent(event).event;
        }
      } catch {
        // Dropped by KurrentDB or the network: subscribe again below.
      } finally {
        this.current = undefined;
        await live.unsubscribe().catch(() => undefined);
      }
      if (signal.aborted) return;
      failures += 1;
      await sleep(Math.min(100 * 2 ** failures, 5_000), signal);
    }
  }

  /** Retries while the store is unreachable; `undefined` once closed. */
  private async retrying<T>(read: () => Promise<T>): Promise<T | undefined> {
    for (let attempt = 1; !this.signal.aborted; attempt += 1) {
      try {
        return await read();
      } catch {
        await sleep(Math.min(100 * 2 ** attempt, 5_000), this.signal);
      }
    }
    return undefined;
  }
}

function untilAborted(signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    if (signal.aborted) return resolve();
    signal.addEventListener('abort', () => resolve(), { once: true });
  });
}
