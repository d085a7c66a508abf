import type { Clock } from '@enlace/clock';
import type { Job } from 'bullmq';
import type { DeliveryConfig } from './delivery-config.js';
import { type DeadlineJob, deadlineJobId, type DeliveryJob, deliveryJobId } from './jobs.js';
import { type DeliveryQueues, KEEP_FINISHED } from './queues.js';

/** Custom backoff name: the worker computes the wait from the attempt number the store knows (see DeliveryProcessor). */
export const BACKOFF_TYPE = 'enlace-exponential';

/**
 * Puts jobs in the queues under ids derived from the facts, so adding twice is harmless. A finished job whose id is
 * wanted again (the store says the work is still pending, e.g. its outcome never got recorded) is replaced.
 */
export class WorkScheduler {
  constructor(
    private readonly queues: DeliveryQueues,
    private readonly config: DeliveryConfig,
    private readonly clock: Clock,
  ) {}

  async scheduleDelivery(job: DeliveryJob): Promise<void> {
    const jobId = deliveryJobId(job);
    await this.replaceFinished(await this.queues.deliveries.getJob(jobId));
    await this.queues.deliveries.add('deliver', job, {
      jobId,
      attempts: this.config.retry.attempts,
      backoff: { type: BACKOFF_TYPE },
      ...KEEP_FINISHED,
    });
  }

  /**
   * `realDueAt`: when the deadline falls due on the machine's clock (for a drill's, when its drill time does at the
   * drill's present rate). A deadline job waiting already is moved to the new time (a drill's rate changed, or it
   * resumed).
   */
  async scheduleDeadline(job: DeadlineJob, realDueAt: number): Promise<void> {
    const jobId = deadlineJobId(job);
    const delay = Math.max(0, realDueAt - this.clock.nowMs());
    const existing = await this.queues.deadlines.getJob(jobId);
    if (existing && (await existing.getState()) === 'delayed') {
      await existing.changeDelay(delay);
      return;
    }
    await this.replaceFinished(existing);
    await this.queues.deadlines.add('escalate', job, {
      jobId,
      delay,
      // A failed escalation (the store away) is retried; the decider makes a late or repeated one harmless.
      attempts: 10,
      backoff: { type: 'exponential', delay: 1_000 },
      ...KEEP_FINISHED,
    });
  }

  /** Drops a pending deadline job (acknowledged by everyone, cancelled, deadline moved). An active one finishes. */
  async dropDeadline(job: DeadlineJob): Promise<void> {
    await this.queues.deadlines.remove(deadlineJobId(job));
  }

  private async replaceFinished(existing: Job | undefined): Promise<void> {
    if (!existing) return;
    const state = await existing.getState();
    if (state === 'completed' || state === 'failed') await existing.remove().catch(() => undefined);
  }
}
