import type { Writable } from 'node:stream';

/**
 * A progress bar on one terminal line, redrawn at most ten times a second: how far, out of how many (when known), and
 * the rate. Off a terminal (CI, a pipe), one line every so often instead.
 */
export class ProgressLine {
  private readonly started = performance.now();
  private lastDraw = 0;

  constructor(
    private readonly out: Writable & { isTTY?: boolean },
    private readonly total: number,
    private readonly unit = 'events',
  ) {}

  update(done: number): void {
    const now = performance.now();
    if (now - this.lastDraw < (this.out.isTTY ? 100 : 5_000)) return;
    this.lastDraw = now;
    this.draw(done, false);
  }

  done(done: number): void {
    this.draw(done, true);
  }

  private draw(done: number, last: boolean): void {
    const seconds = (performance.now() - this.started) / 1000;
    const rate = Math.round(done / Math.max(seconds, 0.001));
    const width = 30;
    const share = this.total > 0 ? Math.min(1, done / this.total) : 0;
    const bar = this.total > 0 ? `[${'#'.repeat(Math.round(share * width)).padEnd(width, '-')}] ` : '';
    const of = this.total > 0 ? ` / ${this.total.toLocaleString('en-US')}` : '';
    const line = `${bar}${done.toLocaleString('en-US')}${of} ${this.unit}  ${rate.toLocaleString('en-US')} ${this.unit}/s`;
    if (this.out.isTTY) this.out.write(`\r${line}${last ? '\n' : ''}`);
    else this.out.write(`${line}\n`);
  }
}
