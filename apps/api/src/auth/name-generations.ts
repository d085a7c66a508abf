import type { Redis } from 'ioredis';

/**
 * A counter per account name, part of every throttle key of that name (its lockouts from each address, its hourly
 * count, its sign-ins): an unlock bumps it, and every count kept for the name — however many addresses — is left
 * behind at once, to expire on its own, without scanning Redis for the keys. Kept in Redis so every api process and
 * the operator's `unlock-account` agree; while Redis is away this process counts on with its last known value (an
 * unlock then bumps that, so the process's own counts in memory are left behind too).
 */
export class NameGenerations {
  /** Only names unlocked at least once: a name never unlocked is at generation 0 and costs no memory. */
  private readonly known = new Map<string, number>();

  constructor(
    private readonly redis: Redis,
    private readonly keyPrefix: string,
  ) {}

  async current(name: string): Promise<number> {
    try {
      const value = await this.redis.get(this.key(name));
      const generation = value === null ? 0 : Number(value);
      if (generation > 0) this.known.set(name, generation);
      return generation;
    } catch {
      return this.known.get(name) ?? 0;
    }
  }

  /** Starts the name afresh everywhere; false when Redis did not answer (then only in this process). */
  async bump(name: string): Promise<boolean> {
    try {
      this.known.set(name, await this.redis.incr(this.key(name)));
      return true;
    } catch {
      this.forgetLocally(name);
      return false;
    }
  }

  /** Another process unlocked the name: what this process counted in memory while Redis was away is left behind. */
  forgetLocally(name: string): void {
    this.known.set(name, (this.known.get(name) ?? 0) + 1);
  }

  private key(name: string): string {
    return `${this.keyPrefix}:${name}`;
  }
}
