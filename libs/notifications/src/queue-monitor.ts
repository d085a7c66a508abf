import { Inject, Injectable, type OnApplicationShutdown } from '@nestjs/common';
import type { Queue } from 'bullmq';
import type { Redis } from 'ioredis';
import type { QueueName } from './jobs.js';
import { NOTIFICATIONS_OPTIONS, type NotificationsOptions } from './notifications.options.js';
import { DeliveryQueues } from './queues.js';
import { pingRedis, probeConnection } from './redis.js';

export interface FailedJobView {
  id: string | undefined;
  name: string;
  data: unknown;
  failedReason: string;
  attemptsMade: number;
  finishedOn: string | null;
}

export interface QueueView {
  name: QueueName;
  counts: { waiting: number; active: number; delayed: number; completed: number; failed: number };
  lastFailed: FailedJobView[];
}

/**
 * What admins see of the queues, and the api's Redis health check. Its connection fails fast, so a missing Redis
 * answers at once instead of holding a request; it connects on first use only.
 */
@Injectable()
export class QueueMonitor implements OnApplicationShutdown {
  private connection: Redis | undefined;
  private queues: DeliveryQueues | undefined;

  constructor(@Inject(NOTIFICATIONS_OPTIONS) private readonly options: NotificationsOptions) {}

  async ping(): Promise<void> {
    await pingRedis(this.redis());
  }

  async snapshot(failedLimit = 20): Promise<QueueView[]> {
    await this.ping();
    const queues = (this.queues ??= new DeliveryQueues(this.redis(), this.options.redis.prefix));
    return Promise.all([
      viewOf('deliveries', queues.deliveries, failedLimit),
      viewOf('deadlines', queues.deadlines, failedLimit),
      viewOf('injects', queues.injects, failedLimit),
    ]);
  }

  async onApplicationShutdown(): Promise<void> {
    await this.queues?.close().catch(() => undefined);
    // QUIT lets Redis close the socket at once; with Redis away, disconnect stops the reconnect timer instead.
    if (this.connection?.status === 'ready') await this.connection.quit().catch(() => undefined);
    this.connection?.disconnect();
  }

  private redis(): Redis {
    return (this.connection ??= probeConnection(this.options.redis, 'api-probe'));
  }
}

async function viewOf<Data, Name extends string>(
  name: QueueName,
  queue: Queue<Data, string, Name>,
  failedLimit: number,
): Promise<QueueView> {
  const counts = await queue.getJobCounts('waiting', 'active', 'delayed', 'completed', 'failed');
  const failed = await queue.getFailed(0, failedLimit - 1);
  return {
    name,
    counts: {
      waiting: counts.waiting ?? 0,
      active: counts.active ?? 0,
      delayed: counts.delayed ?? 0,
      completed: counts.completed ?? 0,
      failed: counts.failed ?? 0,
    },
    lastFailed: failed.map((job) => ({
      id: job.id,
      name: String(job.name),
      data: job.data as unknown,
      failedReason: job.failedReason,
      attemptsMade: job.attemptsMade,
      finishedOn: job.finishedOn ? new Date(job.finishedOn).toISOString() : null,
    })),
  };
}
