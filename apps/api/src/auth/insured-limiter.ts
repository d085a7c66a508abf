import { Logger } from '@nestjs/common';
import { Redis } from 'ioredis';
import { RateLimiterMemory, RateLimiterRedis } from 'rate-limiter-flexible';

export interface LimiterOptions {
  keyPrefix: string;
  points: number;
  /** Seconds. */
  duration: number;
}

/** A limiter kept in Redis (shared by every api process) that falls back to this process's memory when Redis fails. */
export class InsuredLimiter {
  readonly shared: RateLimiterRedis;
  readonly local: RateLimiterMemory;

  constructor(
    redis: Redis,
    readonly options: LimiterOptions,
  ) {
    this.local = new RateLimiterMemory(options);
    this.shared = new RateLimiterRedis({
      ...options,
      storeClient: redis,
      rejectIfRedisNotReady: true,
      insuranceLimiter: this.local,
    });
  }
}

/**
 * Redis for sign-in throttling: a command fails within a second when Redis is away (no offline queue), so the
 * fallback in memory takes over instead of sign-ins waiting; the outage and the recovery are logged once each.
 */
export function connectThrottleRedis(url: string, connectionName = 'enlace-login-throttle'): Redis {
  const logger = new Logger('Auth');
  let down = false;
  const redis = new Redis(url, {
    enableOfflineQueue: false,
    maxRetriesPerRequest: 1,
    commandTimeout: 1_000,
    connectTimeout: 2_000,
    retryStrategy: (times) => Math.min(200 * times, 5_000),
    connectionName,
    lazyConnect: true,
  });
  redis.on('error', (error: Error) => {
    if (down) return;
    down = true;
    logger.warn(
      `Sign-in throttle: Redis is not answering (${error.message}); counting in this process until it is back`,
    );
  });
  redis.on('ready', () => {
    if (down) logger.log('Sign-in throttle: Redis is back');
    down = false;
  });
  redis.connect().catch(() => undefined);
  return redis;
}
