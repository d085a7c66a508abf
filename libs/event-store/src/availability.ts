import { Logger } from '@nestjs/common';
import { StoreUnavailableError } from './errors.js';

export interface AvailabilityLog {
  error(message: string): void;
  log(message: string): void;
}

/**
 * Watches every call a store makes to its database and tells operators once when it becomes unreachable and once
 * when it answers again (with how long and how many calls failed), instead of one line per refused request: an
 * outage of 15 s under load is thousands of failed calls and must read as one event in the log.
 */
export class StoreAvailability {
  private downSince: number | undefined;
  private failures = 0;
  /** Calls started so far, and how many had started when the outage began (an answer to an older call is stale). */
  private calls = 0;
  private callsBeforeOutage = 0;

  constructor(
    private readonly what: string,
    private readonly logger: AvailabilityLog = new Logger('EventStore'),
    /** A monotonic time in ms, for how long an outage lasted. */
    private readonly now: () => number = () => performance.now(),
  ) {}

  get available(): boolean {
    return this.downSince === undefined;
  }

  /** Runs a database call: its failure is classified (`classify`) and counted, its success may end an outage. */
  async guard<T>(call: () => Promise<T>, classify: (error: unknown) => unknown): Promise<T> {
    this.calls += 1;
    const id = this.calls;
    let result: T;
    try {
      result = await call();
    } catch (error) {
      const classified = classify(error);
      if (classified instanceof StoreUnavailableError) this.failed(classified);
      throw classified;
    }
    this.succeeded(id);
    return result;
  }

  failed(error: StoreUnavailableError): void {
    this.failures += 1;
    if (this.downSince !== undefined) return;
    this.downSince = this.now();
    this.callsBeforeOutage = this.calls;
    this.logger.error(
      `${this.what} is unavailable (${error.reason}): writes and store reads answer 503 with Retry-After, ` +
        `subscriptions wait and resume; logged once until it is back`,
    );
  }

  /**
   * Call `callId` (numbered by `guard`) succeeded. Only a call started after the outage began ends it: one answered
   * just before the server went away may resolve after the first failure, and would otherwise log a recovery at once.
   */
  succeeded(callId = Number.POSITIVE_INFINITY): void {
    if (this.downSince === undefined || callId <= this.callsBeforeOutage) return;
    const seconds = ((this.now() - this.downSince) / 1000).toFixed(1);
    this.logger.log(`${this.what} is available again after ${seconds} s (${this.failures} calls failed meanwhile)`);
    this.downSince = undefined;
    this.failures = 0;
  }
}
