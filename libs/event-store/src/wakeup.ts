/**
 * Wakes waiting subscription loops when new events may exist. A generation counter closes the race between
 * "read found nothing" and "start waiting": a wake-up that arrived in between ends the wait at once.
 */
export class Wakeup {
  private generation = 0;
  private readonly waiters = new Set<() => void>();

  get current(): number {
    return this.generation;
  }

  notify(): void {
    this.generation += 1;
    for (const resolve of this.waiters) resolve();
    this.waiters.clear();
  }

  /** Resolves on the next wake-up after `seenGeneration`, after `timeoutMs`, or when `signal` aborts. */
  wait(seenGeneration: number, timeoutMs: number, signal: AbortSignal): Promise<void> {
    if (this.generation !== seenGeneration || signal.aborted) return Promise.resolve();
    return new Promise((resolve) => {
      const done = (): void => {
        clearTimeout(timer);
        signal.removeEventListener('abort', done);
        this.waiters.delete(done);
        resolve();
      };
      const timer = setTimeout(done, timeoutMs);
      signal.addEventListener('abort', done);
      this.waiters.add(done);
    });
  }
}

/**
 * Tells other processes "new events" after appends, at most once per `minIntervalMs`: appends that finish inside
 * the window share one message sent at its end. Other processes learn of an append within about that interval
 * (subscribers in this process are woken directly); a lost message only costs latency, since subscribers also poll.
 */
export class CoalescingNotifier {
  private timer: NodeJS.Timeout | undefined;
  private sending: Promise<void> | undefined;
  private lastSentAt = Number.NEGATIVE_INFINITY;
  private closed = false;

  constructor(
    private readonly send: () => Promise<void>,
    private readonly minIntervalMs = 5,
  ) {}

  poke(): void {
    if (this.timer || this.closed) return;
    const wait = Math.max(0, this.lastSentAt + this.minIntervalMs - performance.now());
    this.timer = setTimeout(() => {
      this.timer = undefined;
      this.lastSentAt = performance.now();
      this.sending = this.send()
        .catch(() => undefined)
        .finally(() => (this.sending = undefined));
    }, wait);
  }

  /** Sends what is pending now and stops. */
  async close(): Promise<void> {
    this.closed = true;
    if (this.timer) {
      clearTimeout(this.timer);
      this.timer = undefined;
      await this.send().catch(() => undefined);
    }
    await this.sending;
  }
}
