import type { Clock } from '@enlace/clock';
import { StoreUnavailableError } from '@enlace/event-store';
import { DelayedError, type Job } from 'bullmq';

/** The job cannot do its work yet (an earlier tier is still going out): run it again after `delayMs`. */
export class Postpone extends Error {
  constructor(
    readonly delayMs: number,
    reason: string,
  ) {
    super(reason);
    this.name = 'Postpone';
  }
}

/**
 * Runs a job's work; when it must wait (`Postpone`) or the event store is away (`StoreUnavailableError`), puts the
 * job back as delayed instead of failing it, so the wait costs none of its attempts: a 15 s database outage must not
 * use up a delivery's retries or an escalation's.
 */
export async function postponable<T>(
  job: Job,
  token: string | undefined,
  work: () => Promise<T>,
  clock: Clock,
): Promise<T> {
  try {
    return await work();
  } catch (error) {
    const delayMs =
      error instanceof Postpone
        ? error.delayMs
        : error instanceof StoreUnavailableError
          ? error.retryAfterSeconds * 1000
          : undefined;
    if (delayMs === undefined || token === undefined) throw error;
    await job.moveToDelayed(clock.nowMs() + delayMs, token);
    throw new DelayedError();
  }
}
