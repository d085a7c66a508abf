import { Logger } from '@nestjs/common';
import type { EnvironmentVariables } from '@enlace/config';
import { Redis } from 'ioredis';
import { RateLimiterMemory, RateLimiterRedis, RateLimiterRes } from 'rate-limiter-flexible';

export type ThrottleScope = 'account' | 'address';

/** A sign-in refused before any password check: the account name or the client address must wait. */
export class LoginThrottledError extends Error {
  constructor(
    readonly scope: ThrottleScope,
    readonly until: Date,
    /** This attempt started the lockout (it is recorded once, not at every refused attempt). */
    readonly started: boolean,
  ) {
    super(`Sign-in throttled (${scope}) until ${until.toISOString()}`);
    this.name = 'LoginThrottledError';
  }

  get retryAfterSeconds(): number {
    return Math.max(1, Math.ceil((this.until.getTime() - Date.now()) / 1000));
  }
}

type LimiterOptions = { keyPrefix: string; points: number; duration: number };

/** A limiter kept in Redis (shared by every api process) that falls back to this process's memory when Redis fails. */
class InsuredLimiter {
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
 * Sign-in throttling by account name and by client address, shared by every api process through Redis (with this
 * process's memory as the fallback while Redis does not answer). Failed checks count, not attempts: a user whose
 * tabs or scripts sign in at once with the right password is never locked out by their own burst. A locked name or
 * address is refused before any password is checked; a burst of wrong passwords can overshoot the limit by at most what
 * the password pool admits at once (PASSWORD_HASH_CONCURRENCY + PASSWORD_HASH_QUEUE), each still a refused attempt.
 *
 * - an account name (known or not: lockouts must not tell which names exist) is locked once LOGIN_MAX_FAILURES
 *   checks failed within LOGIN_FAILURE_WINDOW_SECONDS without a success, for LOGIN_LOCKOUT_SECONDS, doubled at each
 *   further lockout within 24 h up to LOGIN_LOCKOUT_MAX_SECONDS; an admin's unlock or the time lifts it;
 * - a client address that failed LOGIN_ADDRESS_MAX_FAILURES times within LOGIN_ADDRESS_WINDOW_SECONDS waits out the
 *   window (password spraying over many names from one place).
 */
export class LoginThrottle {
  private readonly logger = new Logger('Auth');
  private readonly names: InsuredLimiter;
  private readonly lockouts: InsuredLimiter;
  private readonly addresses: InsuredLimiter;

  constructor(
    private readonly redis: Redis,
    private readonly env: Pick<
      EnvironmentVariables,
      | 'REDIS_PREFIX'
      | 'LOGIN_MAX_FAILURES'
      | 'LOGIN_FAILURE_WINDOW_SECONDS'
      | 'LOGIN_LOCKOUT_SECONDS'
      | 'LOGIN_LOCKOUT_MAX_SECONDS'
      | 'LOGIN_ADDRESS_MAX_FAILURES'
      | 'LOGIN_ADDRESS_WINDOW_SECONDS'
    >,
  ) {
    const prefix = `${env.REDIS_PREFIX}:login`;
    this.names = new InsuredLimiter(redis, {
      keyPrefix: `${prefix}:name`,
      points: env.LOGIN_MAX_FAILURES,
      duration: env.LOGIN_FAILURE_WINDOW_SECONDS,
    });
    this.lockouts = new InsuredLimiter(redis, {
      keyPrefix: `${prefix}:lockouts`,
      points: 1_000_000,
      duration: 24 * 3600,
    });
    this.addresses = new InsuredLimiter(redis, {
      keyPrefix: `${prefix}:address`,
      points: env.LOGIN_ADDRESS_MAX_FAILURES,
      duration: env.LOGIN_ADDRESS_WINDOW_SECONDS,
    });
  }

  /** Redis for the throttle: a command fails within a second when Redis is away, and the fallback takes over. */
  static connect(url: string): Redis {
    const logger = new Logger('Auth');
    let down = false;
    const redis = new Redis(url, {
      enableOfflineQueue: false,
      maxRetriesPerRequest: 1,
      commandTimeout: 1_000,
      connectTimeout: 2_000,
      retryStrategy: (times) => Math.min(200 * times, 5_000),
      connectionName: 'enlace-login-throttle',
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

  close(): void {
    this.redis.disconnect();
  }

  /** Throws LoginThrottledError when the address or the account name must wait; counts nothing. */
  async admit(username: string, address: string): Promise<void> {
    for (const [limiter, key, scope] of [
      [this.addresses, address, 'address'],
      [this.names, nameKey(username), 'account'],
    ] as const) {
      const res = await limiter.shared.get(key);
      if (res && res.consumedPoints > limiter.options.points) {
        throw new LoginThrottledError(scope, new Date(Date.now() + res.msBeforeNext), false);
      }
    }
  }

  /**
   * A password check failed: counts it against the address and the name. Returns the lockout this failure started
   * (the limit reached, for the name or the address), to be recorded once; the next attempt is refused.
   */
  async failed(username: string, address: string): Promise<LoginThrottledError | undefined> {
    const [byAddress, byName] = await Promise.all([
      this.count(this.addresses, address, 'address'),
      this.count(this.names, nameKey(username), 'account'),
    ]);
    return byName ?? byAddress;
  }

  /** The password was right: the name starts afresh (the address keeps its count: one good account must not reset it). */
  async succeeded(username: string): Promise<void> {
    await this.names.shared
      .delete(nameKey(username))
      .catch((error: unknown) => this.logger.warn(`Sign-in throttle: could not record a success: ${String(error)}`));
  }

  /** When the lockout of this account name ends, if it is locked now. */
  async lockedUntil(username: string): Promise<Date | undefined> {
    const res = await this.names.shared.get(nameKey(username));
    if (!res || res.consumedPoints <= this.names.options.points) return undefined;
    return new Date(Date.now() + res.msBeforeNext);
  }

  /** Attempts counted against this name since its last success (within the window). */
  async failures(username: string): Promise<number> {
    const res = await this.names.shared.get(nameKey(username));
    return Math.min(res?.consumedPoints ?? 0, this.names.options.points);
  }

  /** An admin lifted the lockout: the name starts afresh, its lockouts are forgotten. */
  async unlock(username: string): Promise<void> {
    await Promise.all([this.names.shared.delete(nameKey(username)), this.lockouts.shared.delete(nameKey(username))]);
    this.forgetLocally(username);
  }

  /** Another process lifted a lockout: what this process counted while Redis was away goes too. */
  forgetLocally(username: string): void {
    void this.names.local.delete(nameKey(username));
    void this.lockouts.local.delete(nameKey(username));
  }

  /** One failure more; at the limit, the key is blocked (a lockout starts) and the lockout is returned. */
  private async count(
    limiter: InsuredLimiter,
    key: string,
    scope: ThrottleScope,
  ): Promise<LoginThrottledError | undefined> {
    let consumed: number;
    try {
      consumed = (await limiter.shared.consume(key)).consumedPoints;
    } catch (rejection) {
      if (!(rejection instanceof RateLimiterRes)) throw rejection;
      return undefined; // already locked: a failure that slipped in with a burst; the lockout is under way
    }
    if (consumed !== limiter.options.points) return undefined;
    const seconds = scope === 'account' ? await this.lockoutSeconds(key) : limiter.options.duration;
    await limiter.shared.block(key, seconds);
    return new LoginThrottledError(scope, new Date(Date.now() + seconds * 1000), true);
  }

  private async lockoutSeconds(key: string): Promise<number> {
    const { consumedPoints: lockout } = await this.lockouts.shared.penalty(key, 1);
    const seconds = this.env.LOGIN_LOCKOUT_SECONDS * 2 ** Math.min(lockout - 1, 30);
    return Math.min(seconds, this.env.LOGIN_LOCKOUT_MAX_SECONDS);
  }
}

/** Names are throttled case-insensitively: `Officer.US` counts against `officer.us`. */
function nameKey(username: string): string {
  return username.trim().toLowerCase();
}
