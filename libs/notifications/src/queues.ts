import { type JobsOptions, Queue } from 'bullmq';
import type { Redis } from 'ioredis';
import type { InjectJob } from './drills/inject-plan.js';
import type { DeadlineJob, DeliveryJob } from './jobs.js';

export type DeliveriesQueue = Queue<DeliveryJob, string, 'deliver'>;
export type DeadlinesQueue = Queue<DeadlineJob, string, 'escalate'>;
export type InjectsQueue = Queue<InjectJob, string, 'release'>;

/** Finished jobs stay a while for the admins' view (and so a re-add of the same id is ignored), then go. */
export const KEEP_FINISHED: Pick<JobsOptions, 'removeOnComplete' | 'removeOnFail'> = {
  removeOnComplete: { age: 24 * 3600, count: 5_000 },
  removeOnFail: { age: 7 * 24 * 3600, count: 5_000 },
};

/** The worker's queues on one connection: notifications' deliveries and deadlines, drills' injects. */
export class DeliveryQueues {
  readonly deliveries: DeliveriesQueue;
  readonly deadlines: DeadlinesQueue;
  readonly injects: InjectsQueue;

  constructor(connection: Redis, prefix: string) {
    this.deliveries = new Queue<DeliveryJob, string, 'deliver'>('deliveries', { connection, prefix });
    this.deadlines = new Queue<DeadlineJob, string, 'escalate'>('deadlines', { connection, prefix });
    this.injects = new Queue<InjectJob, string, 'release'>('injects', { connection, prefix });
    // Queue errors (Redis away) are reported by the connection's own watcher; without a listener they would throw.
    for (const queue of [this.deliveries, this.deadlines, this.injects]) queue.on('error', () => undefined);
  }

  async close(): Promise<void> {
    await Promise.all([this.deliveries.close(), this.deadlines.close(), this.injects.close()]);
  }
}
