/** More password checks are waiting than the pool's queue holds: the caller should answer 503 with Retry-After. */
export class PasswordCheckPoolFullError extends Error {
  constructor(readonly retryAfterSeconds: number) {
    super('Too many sign-ins at once');
    this.name = 'PasswordCheckPoolFullError';
  }
}

/** One owner (a client address) already has its share of the pool and its own line is full: 429 with Retry-After. */
export class OwnerShareExceededError extends Error {
  constructor(readonly retryAfterSeconds: number) {
    super('Too many sign-ins at once from one client');
    this.name = 'OwnerShareExceededError';
  }
}

export interface OwnerShare {
  /** Places (running or waiting) one owner may hold in the shared pool at once. */
  places: number;
  /** Further checks of that owner wait in a line of its own, outside the pool, this long. */
  queue: number;
}

interface Owner {
  /** Places held in the shared pool (running or waiting there). */
  holding: number;
  /** Checks of this owner waiting for one of its places. */
  waiting: (() => void)[];
}

/**
 * Runs password hashing (scrypt: ~0.3 s of a core and 128 MiB each) at most `concurrency` at a time, with at most
 * `queueLimit` waiting; beyond that it refuses at once. scrypt runs on libuv's thread pool (4 threads by default), so
 * without a bound a flood of sign-ins fills it and the CPU, and every other request — file reads, DNS, health — waits.
 *
 * A check may name its owner (the client address): an owner holds at most `share.places` places in the pool, and its
 * further checks wait in a line of their own (`share.queue` long, then refused), so one client — however many requests
 * it sends, with right passwords or wrong — never fills the pool that everyone else's sign-in needs.
 */
export class PasswordCheckPool {
  private running = 0;
  private readonly waiting: (() => void)[] = [];
  private readonly owners = new Map<string, Owner>();
  /** The mean duration of recent checks (ms), to tell a refused caller roughly when to come back. */
  private meanMs = 300;

  constructor(
    private readonly concurrency: number,
    private readonly queueLimit: number,
    private readonly share: OwnerShare = { places: Number.POSITIVE_INFINITY, queue: 0 },
  ) {}

  get busy(): { running: number; waiting: number } {
    return { running: this.running, waiting: this.waiting.length };
  }

  /** Places held in the pool and checks waiting in its own line, for one owner. */
  held(owner: string): { holding: number; waiting: number } {
    const state = this.owners.get(owner);
    return { holding: state?.holding ?? 0, waiting: state?.waiting.length ?? 0 };
  }

  async run<T>(task: () => Promise<T>, owner?: string): Promise<T> {
    if (owner === undefined) return this.runShared(task);
    await this.takePlace(owner);
    try {
      return await this.runShared(task);
    } finally {
      this.releasePlace(owner);
    }
  }

  private async takePlace(owner: string): Promise<void> {
    let state = this.owners.get(owner);
    if (!state) {
      state = { holding: 0, waiting: [] };
      this.owners.set(owner, state);
    }
    if (state.holding < this.share.places) {
      state.holding += 1;
      return;
    }
    if (state.waiting.length >= this.share.queue) {
      const ahead = state.holding + state.waiting.length;
      throw new OwnerShareExceededError(Math.max(1, Math.ceil((ahead * this.meanMs) / this.share.places / 1000)));
    }
    // The place is handed over by releasePlace (holding stays the same).
    await new Promise<void>((resolve) => state.waiting.push(resolve));
  }

  private releasePlace(owner: string): void {
    const state = this.owners.get(owner);
    if (!state) return;
    const next = state.waiting.shift();
    if (next) {
      next();
      return;
    }
    state.holding -= 1;
    if (state.holding === 0) this.owners.delete(owner);
  }

  private async runShared<T>(task: () => Promise<T>): Promise<T> {
    if (this.running >= this.concurrency) {
      if (this.waiting.length >= this.queueLimit) {
        const drainMs = ((this.waiting.length + this.concurrency) * this.meanMs) / this.concurrency;
        throw new PasswordCheckPoolFullError(Math.max(1, Math.ceil(drainMs / 1000)));
      }
      await new Promise<void>((resolve) => this.waiting.push(resolve));
    } else {
      this.running += 1;
    }
    const started = performance.now();
    try {
      return await task();
    } finally {
      this.meanMs = 0.8 * this.meanMs + 0.2 * (performance.now() - started);
      // Hand the slot straight to the next in line (running stays the same), or free it.
      const next = this.waiting.shift();
      if (next) next();
      else this.running -= 1;
    }
  }
}
