import { type JobsOptions, Queue } from 'bullmq';
import type { Redis } from 'ioredis';
import type { DeadlineJob, DeliveryJob } from './jobs.js';

export type DeliveriesQueue = Queue<DeliveryJob, string, 'deliver'>;
export type DeadlinesQueue = Queue<DeadlineJob, string, 'escalate'>;

/** Finished jobs stay a while for the admins' view (and so a re-add of the same id is ignored), then go. */
export const KEEP_FINISHED: Pick<JobsOptions, 'removeOnComplete' | 'removeOnFail'> = {
  removeOnComplete: { age: 24 * 3600, count: 5_000 },
  removeOnFail: { age: 7 * 24 * 3600, count: 5_000 },
};

/** The two queues on one connection. */
export class DeliveryQueues {
  readonly deliveries: DeliveriesQueue;
  readonly deadlines: DeadlinesQueue;

  constructor(connection: Redis, prefix: string) {
    this.deliveries = new Queue<DeliveryJob, string, 'deliver'>('deliveries', { connection, prefix });
    this.deadlines = new Queue<DeadlineJob, string, 'escalate'>('deadlines', { connection, prefix });
    // Queue errors (Redis away) are reported by the connection's own watcher; without a listener they would throw.
    this.deliveries.on('error', () => undefined);
    this.deadlines.on('error', () => undefined);
  }

  async close(): Promise<void> {
    await Promise.all([this.deliveries.close(), this.deadlines.close()]);
  }
}
