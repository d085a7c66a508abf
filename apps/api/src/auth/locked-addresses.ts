import type { Clock } from '@enlace/clock';
import type { Redis } from 'ioredis';

export interface AddressLockout {
  address: string;
  until: Date;
}

/** Names whose lockouts this process keeps in memory (beyond it, the oldest are dropped: Redis holds the truth). */
const NAMES_KEPT_LOCALLY = 10_000;

/**
 * Which client addresses are locked out of an account name now, and until when, for the Accounts screen: one sorted
 * set per name and generation (address → end of its lockout), so reading it never scans Redis, and an unlock (a new
 * generation) leaves it behind. Written to this process's memory too, which answers while Redis does not.
 */
export class LockedAddresses {
  private readonly local = new Map<string, Map<string, number>>();

  constructor(
    private readonly redis: Redis,
    private readonly keyPrefix: string,
    private readonly clock: Clock,
  ) {}

  async add(name: string, generation: number, address: string, until: Date): Promise<void> {
    const key = this.key(name, generation);
    const untilMs = until.getTime();
    this.remember(key, address, untilMs);
    try {
      await this.redis
        .multi()
        .zadd(key, untilMs, address)
        .zremrangebyscore(key, '-inf', this.clock.nowMs())
        .pexpireat(key, untilMs, 'NX')
        .pexpireat(key, untilMs, 'GT')
        .exec();
    } catch {
      // Kept in memory; the lockout itself is in the limiter, which has its own fallback.
    }
  }

  /** How many addresses are locked out now, and the `limit` whose lockouts end last. */
  async list(name: string, generation: number, limit: number): Promise<{ count: number; addresses: AddressLockout[] }> {
    const key = this.key(name, generation);
    const now = this.clock.nowMs();
    try {
      const [count, flat] = await Promise.all([
        this.redis.zcount(key, `(${now}`, '+inf'),
        this.redis.zrevrangebyscore(key, '+inf', `(${now}`, 'WITHSCORES', 'LIMIT', 0, limit),
      ]);
      const addresses: AddressLockout[] = [];
      for (let i = 0; i + 1 < flat.length; i += 2) {
        addresses.push({ address: flat[i]!, until: new Date(Number(flat[i + 1])) });
      }
      return { count, addresses };
    } catch {
      const entries = [...(this.local.get(key) ?? new Map<string, number>()).entries()]
        .filter(([, untilMs]) => untilMs > now)
        .sort(([, a], [, b]) => b - a);
      return {
        count: entries.length,
        addresses: entries.slice(0, limit).map(([address, untilMs]) => ({ address, until: new Date(untilMs) })),
      };
    }
  }

  private remember(key: string, address: string, untilMs: number): void {
    const now = this.clock.nowMs();
    const addresses = this.local.get(key) ?? new Map<string, number>();
    for (const [known, knownUntil] of addresses) if (knownUntil <= now) addresses.delete(known);
    addresses.set(address, untilMs);
    this.local.delete(key);
    this.local.set(key, addresses);
    if (this.local.size > NAMES_KEPT_LOCALLY) this.local.delete(this.local.keys().next().value!);
  }

  private key(name: string, generation: number): string {
    return `${this.keyPrefix}:${name}:${generation}`;
  }
}
