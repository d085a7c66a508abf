import { Clock } from '../clock.js';

/** A clock that moves only when told: tests say what time it is instead of waiting for it. */
export class ManualClock extends Clock {
  private ms: number;

  constructor(start: Date | string | number = '2026-01-01T00:00:00.000Z') {
    super();
    this.ms = new Date(start).getTime();
  }

  now(): Date {
    return new Date(this.ms);
  }

  /** Moves time forward by `ms` (never backward: a clock that runs back is not one the code must survive). */
  advance(ms: number): void {
    if (ms < 0) throw new Error(`ManualClock moves forward only (asked ${ms} ms)`);
    this.ms += ms;
  }

  set(to: Date | string | number): void {
    this.ms = new Date(to).getTime();
  }
}
