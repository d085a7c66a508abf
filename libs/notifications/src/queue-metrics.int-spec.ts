import { COLLECT_TIMEOUT_MS, Metrics } from '@enlace/metrics';
import { parseExposition, sampleSum, samplesOf } from '@enlace/metrics/testing';
import { Queue } from 'bullmq';
import type { NotificationsOptions } from './notifications.options.js';
import { QueueMonitor } from './queue-monitor.js';
import { TestRedisServer } from './testing/index.js';

/**
 * Queue depths on scrape, from a redis-server of the test's own: counted per queue and state while it answers; when it
 * is gone the scrape still answers at once, says `enlace_redis_up 0` and drops the queue gauges.
 */
const options = (url: string): NotificationsOptions => ({
  runWorker: false,
  redis: { url, prefix: 'metrics-test' },
  configFile: 'config/notification-delivery.json',
  sentinelCheckMs: 2_000,
  consumerLeaseMs: 15_000,
  outboxFile: '', // the queue monitor delivers nothing
  production: false,
});

it('counts jobs per queue and state while Redis answers, and never holds the scrape once it is gone', async () => {
  const redis = await TestRedisServer.start();
  const metrics = new Metrics();
  const monitor = new QueueMonitor(options(redis.url), metrics);
  try {
    const deliveries = new Queue('deliveries', { connection: { url: redis.url }, prefix: 'metrics-test' });
    await deliveries.add('deliver', { notificationId: 'n-1' });
    await deliveries.add('deliver', { notificationId: 'n-2' }, { delay: 3_600_000 });
    await deliveries.close();

    const up = parseExposition(await metrics.render());
    expect(sampleSum(up, 'enlace_redis_up')).toBe(1);
    expect(sampleSum(up, 'enlace_queue_jobs', { queue: 'deliveries', state: 'waiting' })).toBe(1);
    expect(sampleSum(up, 'enlace_queue_jobs', { queue: 'deliveries', state: 'delayed' })).toBe(1);
    expect(samplesOf(up, 'enlace_queue_jobs')).toHaveLength(3 * 5);

    await redis.stop();
    const started = performance.now();
    const down = parseExposition(await metrics.render());
    expect(performance.now() - started).toBeLessThan(COLLECT_TIMEOUT_MS + 500);
    expect(sampleSum(down, 'enlace_redis_up')).toBe(0);
    expect(samplesOf(down, 'enlace_queue_jobs')).toEqual([]);
    // What is known is still reported.
    expect(samplesOf(down, 'process_cpu_seconds_total')).toHaveLength(1);
  } finally {
    await monitor.onApplicationShutdown();
    await redis.stop();
  }
}, 30_000);
