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
