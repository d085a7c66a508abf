import type { RecordedEvent, Subscription } from './event-store.port.js';

/**
 * A subscription whose events one generator yields (`run`), started by the first iteration. Closing it, once, aborts
 * `signal` (which `run` and its waits watch), lets `closing` tell its owner and stop what feeds the generator, then
 * ends the generator.
 */
export abstract class GeneratedSubscription implements Subscription {
  private readonly abort = new AbortController();
  private iterator: AsyncGenerator<RecordedEvent> | undefined;

  protected get signal(): AbortSignal {
    return this.abort.signal;
  }

  [Symbol.asyncIterator](): AsyncIterator<RecordedEvent> {
    this.iterator ??= this.run();
    return this.iterator;
  }

  async close(): Promise<void> {
    if (this.abort.signal.aborted) return;
    this.abort.abort();
    await this.closing();
    await this.iterator?.return(undefined);
  }

  protected abstract run(): AsyncGenerator<RecordedEvent>;

  /** Between the abort and the generator's end. */
  protected abstract closing(): Promise<void> | void;
}

/** Waits `ms`, or less if `signal` aborts first (at once if it has). */
export function sleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    if (signal.aborted) return resolve();
    const done = (): void => {
      clearTimeout(timer);
      signal.removeEventListener('abort', done);
      resolve();
    };
    const timer = setTimeout(done, ms);
    signal.addEventListener('abort', done);
  });
}
