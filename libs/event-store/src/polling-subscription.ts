import type { Position, RecordedEvent } from './event-store.port.js';
import { GeneratedSubscription, sleep } from './generated-subscription.js';
import type { Wakeup } from './wakeup.js';

export interface Page {
  events: RecordedEvent[];
  /** The position of the last row scanned (matching the filter or not); `undefined` when nothing was scanned. */
  scannedTo: Position | undefined;
  /** True when the page was full, so more may follow at once. */
  full: boolean;
}

export interface PollingSubscriptionOptions {
  readPage(after: Position | undefined): Promise<Page>;
  resolveStart(): Promise<Position | undefined>;
  wakeup: Wakeup;
  pollIntervalMs: number;
  onClose(subscription: PollingSubscription): void;
}

/** The longest a subscription waits between two tries while the store is unreachable. */
const MAX_RETRY_MS = 2_000;

/** Catch-up then live over any store that can read a page after a position: the reader never skips an event. */
export class PollingSubscription extends GeneratedSubscription {
  constructor(private readonly options: PollingSubscriptionOptions) {
    super();
  }

  protected closing(): void {
    this.options.onClose(this);
  }

  protected async *run(): AsyncGenerator<RecordedEvent> {
    const { signal } = this;
    const { wakeup, pollIntervalMs } = this.options;
    let cursor = await this.retrying(() => this.options.resolveStart());
    let failures = 0;
    while (!signal.aborted) {
      const seen = wakeup.current;
      let page: Page;
      try {
        page = await this.options.readPage(cursor);
        failures = 0;
      } catch {
        // The store is unreachable for now: keep the position and try again, slower each time, or at once when the
        // store's listener comes back (it wakes every subscriber then).
        failures += 1;
        await wakeup.wait(seen, Math.min(pollIntervalMs * 2 ** failures, MAX_RETRY_MS), signal);
        continue;
      }
      for (const event of page.events) {
        if (signal.aborted) return;
        yield event;
      }
      if (page.scannedTo !== undefined) cursor = page.scannedTo;
      if (!page.full) await wakeup.wait(seen, pollIntervalMs, signal);
    }
  }

  private async retrying<T>(read: () => Promise<T>): Promise<T> {
    for (let attempt = 1; ; attempt += 1) {
      try {
        return await read();
      } catch (error) {
        if (this.signal.aborted) throw error;
        await sleep(Math.min(100 * 2 ** attempt, MAX_RETRY_MS), this.signal);
      }
    }
  }
}
