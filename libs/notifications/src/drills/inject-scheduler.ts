import type { Clock } from '@enlace/clock';
import { type InjectsQueue, KEEP_FINISHED } from '../queues.js';
import { type InjectJob, injectJobId } from './inject-plan.js';

/**
 * How early an inject's job is promoted before its instant: a delayed BullMQ job starts some tens of ms late (58 ms
 * p50 measured by bench:drill for bare jobs), which at 60× is seconds of drill time. The processor waits out the rest
 * on a timer of its own, to the millisecond.
 */
export const INJECT_LEAD_MS = 250;

/**
 * A drill's pending injects as delayed jobs, one per inject (`inject.x<drill>.<inject>`): scheduling again moves the
 * waiting job to the new instant (the drill's rate changed, or it resumed) instead of adding a second.
 */
export class InjectScheduler {
  constructor(
    readonly queue: InjectsQueue,
    private readonly clock: Clock,
  ) {}

  async schedule(job: InjectJob, realDueMs: number): Promise<void> {
    const jobId = injectJobId(job);
    const delay = Math.max(0, realDueMs - INJECT_LEAD_MS - this.clock.nowMs());
    const existing = await this.queue.getJob(jobId);
    const state = existing ? await existing.getState() : undefined;
    if (existing && state === 'delayed') {
      await existing.changeDelay(delay);
      return;
    }
    if (state === 'active' || state === 'waiting' || state === 'prioritized' || state === 'waiting-children') return;
    // Finished without a release (it ran while the drill was paused): its inject still waits, so it goes again.
    if (existing) await existing.remove().catch(() => undefined);
    await this.queue.add('release', job, {
      jobId,
      delay,
      // The store away, or the drill's clock read a moment early: tried again; the decider releases an inject once.
      attempts: 20,
      backoff: { type: 'fixed', delay: 500 },
      ...KEEP_FINISHED,
    });
  }

  /** Takes a pending inject off the queue (paused, halted, ended, or a contingency not needed). A running one ends. */
  async drop(job: InjectJob): Promise<void> {
    await this.queue.remove(injectJobId(job));
  }
}
