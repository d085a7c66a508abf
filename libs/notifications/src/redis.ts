import { Logger } from '@nestjs/common';
import { Redis } from 'ioredis';

export interface RedisSettings {
  url: string;
  /** Namespaces every key of ours (BullMQ's prefix and the worker's sentinel), so sites can share one Redis. */
  prefix: string;
}

/**
 * A connection for the worker: commands wait while Redis is away (`maxRetriesPerRequest: null`, as BullMQ workers
 * require) and it reconnects forever with a capped backoff. It logs when Redis goes away and comes back, not on
 * every retry, so a missing Redis does not flood the log.
 */
export function workerConnection(settings: RedisSettings, name: string): Redis {
  return watched(
    new Redis(settings.url, {
      maxRetriesPerRequest: null,
      retryStrategy: (times) => Math.min(200 * times, 5_000),
      connectionName: `enlace-${name}`,
      lazyConnect: false,
    }),
    name,
  );
}

/**
 * A connection for the api's probes (health, queue counts): a command fails at once while Redis is away instead of
 * holding an HTTP request.
 */
export function probeConnection(settings: RedisSettings, name: string): Redis {
  return watched(
    new Redis(settings.url, {
      maxRetriesPerRequest: 1,
      enableOfflineQueue: false,
      retryStrategy: (times) => Math.min(500 * times, 10_000),
      connectionName: `enlace-${name}`,
      lazyConnect: true,
    }),
    name,
  );
}

function watched(redis: Redis, name: string): Redis {
  const logger = new Logger('Redis');
  let down = false;
  redis.on('error', (error: Error) => {
    if (down) return;
    down = true;
    logger.warn(`${name}: Redis is not answering (${error.message}); retrying in the background`);
  });
  redis.on('ready', () => {
    if (down) logger.log(`${name}: Redis is back`);
    down = false;
  });
  return redis;
}

/** Redis says PONG within `timeoutMs`, or the promise rejects. */
export async function pingRedis(redis: Redis, timeoutMs = 2_000): Promise<void> {
  if (redis.status === 'wait') await redis.connect().catch(() => undefined);
  let timer: NodeJS.Timeout | undefined;
  try {
    await Promise.race([
      redis.ping(),
      new Promise((_, reject) => {
        timer = setTimeout(() => reject(new Error(`no answer within ${timeoutMs} ms`)), timeoutMs);
      }),
    ]);
  } finally {
    clearTimeout(timer);
  }
}

/**
 * Redis's `maxmemory-policy`. BullMQ needs `noeviction`: under memory pressure any other policy silently drops keys,
 * queued jobs among them (the store keeps every fact, but nothing would notice a single job gone).
 */
export async function evictionPolicy(redis: Redis): Promise<string | undefined> {
  const info = await redis.info('memory');
  return /^maxmemory_policy:(\S+)/m.exec(info)?.[1];
}
