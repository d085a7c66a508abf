/**
 * The one source of the current time for the api, the worker and every lib (a lint rule forbids `Date.now()` and
 * `new Date()` elsewhere). Injected, so tests move time by hand instead of sleeping, and a drill can run on a clock of
 * its own (compressed, paused) without any code reading the machine's.
 *
 * Durations measured for logs and limits use `performance.now()`, which is not the time of day and stays allowed.
 */
export abstract class Clock {
  abstract now(): Date;

  /** Milliseconds since the epoch, as `now().getTime()`. */
  nowMs(): number {
    return this.now().getTime();
  }
}

/** The machine's clock: the only implementation that reads it. */
export class SystemClock extends Clock {
  now(): Date {
    return new Date();
  }

  override nowMs(): number {
    return Date.now();
  }
}

/** The machine's clock, for code built outside dependency injection (command-line tools, tests' fixtures). */
export const systemClock: Clock = new SystemClock();
