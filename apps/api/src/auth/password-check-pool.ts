/** More password checks are waiting than the pool's queue holds: the caller should answer 503 with Retry-After. */
export class PasswordCheckPoolFullError extends Error {
  constructor(readonly retryAfterSeconds: number) {
    super('Too many sign-ins at once');
    this.name = 'PasswordCheckPoolFullError';
  }
}

/**
 * Runs password hashing (scrypt: ~0.3 s of a core and 128 MiB each) at most `concurrency` at a time, with at most
 * `queueLimit` waiting; beyond that it refuses at once. scrypt runs on libuv's thread pool (4 threads by default), so
 * without a bound a flood of sign-ins fills it and the CPU, and every other request — file reads, DNS, health — waits.
 */
export class PasswordCheckPool {
  private running = 0;
  private readonly waiting: (() => void)[] = [];
  /** The mean duration of recent checks (ms), to tell a refused caller roughly when to come back. */
  private meanMs = 300;

  constructor(
    private readonly concurrency: number,
    private readonly queueLimit: number,
  ) {}

  get busy(): { running: number; waiting: number } {
    return { running: this.running, waiting: this.waiting.length };
  }

  async run<T>(task: () => Promise<T>): Promise<T> {
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
