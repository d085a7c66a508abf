import { Logger } from '@nestjs/common';
import { Redis } from 'ioredis';
import { RateLimiterMemory, RateLimiterRedis } from 'rate-limiter-flexible';

export interface LimiterOptions {
  keyPrefix: string;
  points: number;
  /** Seconds. */
  duration: number;
}

/**
 * Node's timers hold at most 2^31 - 1 ms (~24.8 days); a longer one fires after 1 ms. The in-memory limiter expires
 * each key on a timer, so a window of 30 days (LOGIN_KNOWN_ADDRESS_DAYS) would be forgotten at once: it is held to 24
 * days in memory (the fallback while Redis is away), and kept whole in Redis.
 */
export const MEMORY_LIMITER_MAX_SECONDS = 24 * 24 * 3600;

export class MemoryLimiter extends RateLimiterMemory {
  constructor(options: LimiterOptions) {
    super({ ...options, duration: Math.min(options.duration, MEMORY_LIMITER_MAX_SECONDS) });
  }

  override set(key: string | number, points: number, secDuration: number, options?: Record<string, unknown>) {
    return super.set(key, points, Math.min(secDuration, MEMORY_LIMITER_MAX_SECONDS), options);
  }
}

/** A limiter kept in Redis (shared by every api process) that falls back to this process's memory when Redis fails. */
export class InsuredLimiter {
  readonly shared: RateLimiterRedis;
  readonly local: RateLimiterMemory;

  constructor(
    redis: Redis,
    readonly options: LimiterOptions,
  ) {
    this.local = new MemoryLimiter(options);
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
