import { Logger } from '@nestjs/common';
import type { Clock } from '@enlace/clock';
import type { EnvironmentVariables } from '@enlace/config';
import type { Redis } from 'ioredis';
import { RateLimiterRes } from 'rate-limiter-flexible';
import { connectThrottleRedis, InsuredLimiter } from './insured-limiter.js';
import { type AddressLockout, LockedAddresses } from './locked-addresses.js';
import { NameGenerations } from './name-generations.js';

/**
 * What must wait: `account-address` an account name from one client address (the progressive lockout); `account` an
 * account name from every address it has not signed in from lately (the hourly ceiling); `address` a client address
 * for every name (password spraying); `address-attempts` a client address sending too many sign-ins, right or wrong;
 * `sign-ins` an account that started too many sessions lately.
 */
export type ThrottleScope = 'account-address' | 'account' | 'address' | 'address-attempts' | 'sign-ins';

/** A sign-in refused before any password check (or, for `sign-ins`, before its session starts). */
export class LoginThrottledError extends Error {
  constructor(
    readonly scope: ThrottleScope,
    readonly until: Date,
    /** This attempt started the lockout (it is recorded once, not at every refused attempt). */
    readonly started: boolean,
    /** When the refusal was decided (ms since the epoch, from the throttle's clock). */
    private readonly decidedAtMs: number,
  ) {
    super(`Sign-in throttled (${scope}) until ${until.toISOString()}`);
    this.name = 'LoginThrottledError';
  }

  get retryAfterSeconds(): number {
    return Math.max(1, Math.ceil((this.until.getTime() - this.decidedAtMs) / 1000));
  }
}

/** An attempt let through to the password check: its keys, so that its outcome is counted where it was admitted. */
export interface Admission {
  name: string;
  address: string;
  generation: number;
}

/** An account's lockouts as admins see them. */
export interface LockoutStatus {
  /** Refused from every address it has not signed in from lately (the hourly ceiling), until then. */
  everyAddressUntil: Date | undefined;
  /** Addresses locked out of the account now (the `LISTED_ADDRESSES` whose lockouts end last) and how many in all. */
  addresses: AddressLockout[];
  addressCount: number;
  /** No new session starts until then (too many sign-ins lately). */
  signInsPausedUntil: Date | undefined;
  /** Failed sign-ins of the name within the hour, from every address. */
  recentFailures: number;
  /** When every lockout of the account has ended; undefined when none is running. */
  latest: Date | undefined;
}

export type ThrottleSettings = Pick<
  EnvironmentVariables,
  | 'REDIS_PREFIX'
  | 'LOGIN_MAX_FAILURES'
  | 'LOGIN_FAILURE_WINDOW_SECONDS'
  | 'LOGIN_LOCKOUT_SECONDS'
  | 'LOGIN_LOCKOUT_MAX_SECONDS'
  | 'LOGIN_ACCOUNT_MAX_FAILURES_PER_HOUR'
  | 'LOGIN_KNOWN_ADDRESS_DAYS'
  | 'LOGIN_ADDRESS_MAX_FAILURES'
  | 'LOGIN_ADDRESS_WINDOW_SECONDS'
  | 'LOGIN_ADDRESS_MAX_ATTEMPTS'
  | 'LOGIN_ADDRESS_ATTEMPT_WINDOW_SECONDS'
  | 'LOGIN_ACCOUNT_MAX_SIGN_INS'
  | 'LOGIN_ACCOUNT_SIGN_IN_WINDOW_SECONDS'
>;

const HOUR = 3600;
const DAY = 24 * HOUR;
const LISTED_ADDRESSES = 20;
/** Addresses this process remembers as waiting (the oldest forgotten beyond: Redis still refuses them). */
const ADDRESSES_KEPT = 10_000;

/**
 * Sign-in throttling, shared by every api process through Redis (with this process's memory as the fallback while
 * Redis does not answer). Decision 0009 has the reasons; in short:
 *
 * - failed checks of an account name from one client address lock that address out of that name after
 *   LOGIN_MAX_FAILURES within LOGIN_FAILURE_WINDOW_SECONDS, for LOGIN_LOCKOUT_SECONDS doubled at each further lockout
 *   of the pair within 24 h, up to LOGIN_LOCKOUT_MAX_SECONDS — the real user elsewhere is not locked out;
 * - LOGIN_ACCOUNT_MAX_FAILURES_PER_HOUR failures of a name from anywhere (ASVS V2.2.1: at most 100 an hour) lock it
 *   until the hour is over, except from addresses it signed in from within LOGIN_KNOWN_ADDRESS_DAYS;
 * - a client address that failed LOGIN_ADDRESS_MAX_FAILURES times within LOGIN_ADDRESS_WINDOW_SECONDS waits out the
 *   window (spraying over many names), and one that sent LOGIN_ADDRESS_MAX_ATTEMPTS sign-ins, right or wrong, within
 *   LOGIN_ADDRESS_ATTEMPT_WINDOW_SECONDS waits for the window to end;
 * - an account starts at most LOGIN_ACCOUNT_MAX_SIGN_INS sessions within LOGIN_ACCOUNT_SIGN_IN_WINDOW_SECONDS.
 *
 * Names are throttled alike whether or not they exist. Every key of a name carries its generation (NameGenerations):
 * an unlock starts the name afresh for every address at once.
 */
export class LoginThrottle {
  private readonly logger = new Logger('Auth');
  private readonly pairs: InsuredLimiter;
  private readonly pairLockouts: InsuredLimiter;
  private readonly accounts: InsuredLimiter;
  private readonly knownAddresses: InsuredLimiter;
  private readonly addresses: InsuredLimiter;
  private readonly attempts: InsuredLimiter;
  private readonly signIns: InsuredLimiter;
  private readonly generations: NameGenerations;
  private readonly locked: LockedAddresses;
  private readonly waitingAddresses = new Map<string, { scope: ThrottleScope; until: Date }>();

  constructor(
    private readonly redis: Redis,
    private readonly env: ThrottleSettings,
    private readonly clock: Clock,
  ) {
    const prefix = `${env.REDIS_PREFIX}:login`;
    const limiter = (name: string, points: number, duration: number) =>
      new InsuredLimiter(redis, { keyPrefix: `${prefix}:${name}`, points, duration });
    this.pairs = limiter('pair', env.LOGIN_MAX_FAILURES, env.LOGIN_FAILURE_WINDOW_SECONDS);
    this.pairLockouts = limiter('pair-lockouts', 1_000_000, DAY);
    this.accounts = limiter('account', env.LOGIN_ACCOUNT_MAX_FAILURES_PER_HOUR, HOUR);
    this.knownAddresses = limiter('known', 1, Math.max(1, env.LOGIN_KNOWN_ADDRESS_DAYS) * DAY);
    this.addresses = limiter('address', env.LOGIN_ADDRESS_MAX_FAILURES, env.LOGIN_ADDRESS_WINDOW_SECONDS);
    this.attempts = limiter('attempts', env.LOGIN_ADDRESS_MAX_ATTEMPTS, env.LOGIN_ADDRESS_ATTEMPT_WINDOW_SECONDS);
    this.signIns = limiter('sign-ins', env.LOGIN_ACCOUNT_MAX_SIGN_INS, env.LOGIN_ACCOUNT_SIGN_IN_WINDOW_SECONDS);
    this.generations = new NameGenerations(redis, `${prefix}:generation`);
    this.locked = new LockedAddresses(redis, `${prefix}:locked`, clock);
  }

  /** Redis for the throttle: a command fails within a second when Redis is away, and the fallback takes over. */
  static connect(url: string): Redis {
    return connectThrottleRedis(url);
  }

  close(): void {
    this.redis.disconnect();
  }

  /**
   * Counts the attempt against its address, then throws LoginThrottledError when the address, the name from this
   * address, the name from everywhere (unless the address is known for it) or the account's sign-ins must wait — the
   * one that ends last, so Retry-After is enough. Otherwise returns the keys to count the outcome against.
   */
  async admit(username: string, address: string): Promise<Admission> {
    const waiting = this.waitingAddresses.get(address);
    if (waiting && waiting.until.getTime() > this.clock.nowMs()) {
      throw this.refusal(waiting.scope, waiting.until, false);
    }
    const name = nameKey(username);
    const [generation] = await Promise.all([this.generations.current(name), this.countAttempt(address)]);
    const admission = { name, address, generation };
    const [byAddress, byPair, byAccount, bySignIns] = await Promise.all([
      this.addresses.shared.get(address),
      this.pairs.shared.get(pairKey(admission)),
      this.accounts.shared.get(accountKey(admission)),
      this.signIns.shared.get(accountKey(admission)),
    ]);
    const refusals: LoginThrottledError[] = [];
    const refuse = (scope: ThrottleScope, res: RateLimiterRes) =>
      refusals.push(this.refusal(scope, this.after(res.msBeforeNext), false));
    if (byAddress && byAddress.consumedPoints > this.addresses.options.points) {
      refusals.push(this.addressWaits(address, this.refusal('address', this.after(byAddress.msBeforeNext), false)));
    }
    if (byPair && byPair.consumedPoints > this.pairs.options.points) refuse('account-address', byPair);
    if (byAccount && byAccount.consumedPoints >= this.accounts.options.points && !(await this.isKnown(admission))) {
      refuse('account', byAccount);
    }
    if (bySignIns && bySignIns.consumedPoints >= this.signIns.options.points) refuse('sign-ins', bySignIns);
    const last = refusals.sort((a, b) => b.until.getTime() - a.until.getTime())[0];
    if (last) throw last;
    return admission;
  }

  /**
   * An address that must wait (only time lifts that) is refused from memory until then, without asking Redis: a client
   * that floods the sign-in costs this process as little as possible. Each process learns it at its first refusal.
   */
  private addressWaits(address: string, refusal: LoginThrottledError): LoginThrottledError {
    this.waitingAddresses.delete(address);
    this.waitingAddresses.set(address, { scope: refusal.scope, until: refusal.until });
    if (this.waitingAddresses.size > ADDRESSES_KEPT) {
      this.waitingAddresses.delete(this.waitingAddresses.keys().next().value!);
    }
    return refusal;
  }

  /**
   * A password check failed: counts it against the pair, the name and the address. Returns the lockouts it started
   * (each to be recorded once); the next attempt is refused.
   */
  async failed(admission: Admission): Promise<LoginThrottledError[]> {
    const started = await Promise.all([
      this.countPairFailure(admission),
      this.countAccountFailure(admission),
      this.countAddressFailure(admission.address),
    ]);
    return started.filter((lockout): lockout is LoginThrottledError => lockout !== undefined);
  }

  /**
   * The password was right: counts the session about to start, or throws when the account has started too many. Returns
   * the pause of the account's sign-ins that this session starts (it is the last one allowed), to be recorded once.
   */
  async startingSession(admission: Admission): Promise<LoginThrottledError | undefined> {
    try {
      const res = await this.signIns.shared.consume(accountKey(admission));
      if (res.consumedPoints !== this.signIns.options.points) return undefined;
      return this.refusal('sign-ins', this.after(res.msBeforeNext), true);
    } catch (rejection) {
      if (!(rejection instanceof RateLimiterRes)) throw rejection;
      // Sign-ins that raced past admit: the pause was recorded by the last one allowed.
      throw this.refusal('sign-ins', this.after(rejection.msBeforeNext), false);
    }
  }

  /** Signed in: the pair starts afresh, and the address is known for the account (it passes the hourly ceiling). */
  async succeeded(admission: Admission): Promise<void> {
    await Promise.all([
      this.pairs.shared.delete(pairKey(admission)),
      this.env.LOGIN_KNOWN_ADDRESS_DAYS > 0
        ? this.knownAddresses.shared.set(knownKey(admission), 1, this.env.LOGIN_KNOWN_ADDRESS_DAYS * DAY)
        : undefined,
    ]).catch((error: unknown) => this.logger.warn(`Sign-in throttle: could not record a success: ${String(error)}`));
  }

  async status(username: string): Promise<LockoutStatus> {
    const name = nameKey(username);
    const generation = await this.generations.current(name);
    const key = accountKey({ name, generation });
    const [byAccount, bySignIns, locked] = await Promise.all([
      this.accounts.shared.get(key),
      this.signIns.shared.get(key),
      this.locked.list(name, generation, LISTED_ADDRESSES),
    ]);
    const until = (res: RateLimiterRes | null, limit: number) =>
      res && res.consumedPoints >= limit ? this.after(res.msBeforeNext) : undefined;
    const everyAddressUntil = until(byAccount, this.accounts.options.points);
    const signInsPausedUntil = until(bySignIns, this.signIns.options.points);
    const ends = [everyAddressUntil, signInsPausedUntil, locked.addresses[0]?.until].filter(
      (end): end is Date => end !== undefined,
    );
    return {
      everyAddressUntil,
      addresses: locked.addresses,
      addressCount: locked.count,
      signInsPausedUntil,
      recentFailures: Math.min(byAccount?.consumedPoints ?? 0, this.accounts.options.points),
      latest: ends.length > 0 ? new Date(Math.max(...ends.map((end) => end.getTime()))) : undefined,
    };
  }

  /**
   * Lifts every lockout of the name — from each address, the hourly ceiling, the pause of sign-ins — and forgets its
   * earlier lockouts, by starting a new generation. False when Redis did not answer (then only this process forgot;
   * the AccountUnlocked event tells the others).
   */
  async unlock(username: string): Promise<boolean> {
    const everywhere = await this.generations.bump(nameKey(username));
    if (!everywhere) this.logger.warn(`Sign-in throttle: Redis did not answer; ${username} is unlocked in memory only`);
    return everywhere;
  }

  /** Another process lifted a lockout: what this process counted while Redis was away goes too. */
  forgetLocally(username: string): void {
    this.generations.forgetLocally(nameKey(username));
  }

  private async countAttempt(address: string): Promise<void> {
    try {
      await this.attempts.shared.consume(address);
    } catch (rejection) {
      if (!(rejection instanceof RateLimiterRes)) throw rejection;
      throw this.addressWaits(
        address,
        this.refusal(
          'address-attempts',
          this.after(rejection.msBeforeNext),
          rejection.consumedPoints === this.attempts.options.points + 1,
        ),
      );
    }
  }

  private async isKnown(admission: Admission): Promise<boolean> {
    if (this.env.LOGIN_KNOWN_ADDRESS_DAYS === 0) return false;
    return (await this.knownAddresses.shared.get(knownKey(admission))) !== null;
  }

  private async countPairFailure(admission: Admission): Promise<LoginThrottledError | undefined> {
    const key = pairKey(admission);
    if ((await this.consume(this.pairs, key)) !== this.pairs.options.points) return undefined;
    const { consumedPoints: lockouts } = await this.pairLockouts.shared.penalty(key, 1);
    const seconds = Math.min(
      this.env.LOGIN_LOCKOUT_SECONDS * 2 ** Math.min(lockouts - 1, 30),
      this.env.LOGIN_LOCKOUT_MAX_SECONDS,
    );
    await this.pairs.shared.block(key, seconds);
    const until = this.after(seconds * 1000);
    await this.locked.add(admission.name, admission.generation, admission.address, until);
    return this.refusal('account-address', until, true);
  }

  private async countAccountFailure(admission: Admission): Promise<LoginThrottledError | undefined> {
    const key = accountKey(admission);
    if ((await this.consume(this.accounts, key)) !== this.accounts.options.points) return undefined;
    const res = await this.accounts.shared.get(key);
    return this.refusal('account', this.after(res?.msBeforeNext ?? HOUR * 1000), true);
  }

  private async countAddressFailure(address: string): Promise<LoginThrottledError | undefined> {
    if ((await this.consume(this.addresses, address)) !== this.addresses.options.points) return undefined;
    const seconds = this.addresses.options.duration;
    await this.addresses.shared.block(address, seconds);
    return this.addressWaits(address, this.refusal('address', this.after(seconds * 1000), true));
  }

  /** The instant `ms` from now. */
  private after(ms: number): Date {
    return new Date(this.clock.nowMs() + ms);
  }

  private refusal(scope: ThrottleScope, until: Date, started: boolean): LoginThrottledError {
    return new LoginThrottledError(scope, until, started, this.clock.nowMs());
  }

  /** One point more; the points consumed, or undefined when already over the limit (a failure of a burst). */
  private async consume(limiter: InsuredLimiter, key: string): Promise<number | undefined> {
    try {
      return (await limiter.shared.consume(key)).consumedPoints;
    } catch (rejection) {
      if (!(rejection instanceof RateLimiterRes)) throw rejection;
      return undefined;
    }
  }
}

/** Names are throttled case-insensitively: `Officer.US` counts against `officer.us`. */
function nameKey(username: string): string {
  return username.trim().toLowerCase();
}

const accountKey = ({ name, generation }: Pick<Admission, 'name' | 'generation'>) => `${name}:${generation}`;
const pairKey = ({ name, generation, address }: Admission) => `${name}:${generation}:${address}`;
const knownKey = ({ name, address }: Admission) => `${name}:${address}`;
