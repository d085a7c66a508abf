import { SystemClock } from './clock.js';
import { ManualClock } from './testing/index.js';

describe('SystemClock', () => {
  it("reads the machine's time, as a Date and in milliseconds", () => {
    const clock = new SystemClock();
    const before = performance.timeOrigin + performance.now();
    const now = clock.nowMs();
    expect(Math.abs(now - before)).toBeLessThan(1_000);
    expect(Math.abs(clock.now().getTime() - now)).toBeLessThan(1_000);
  });
});

describe('ManualClock', () => {
  it('stands still until advanced or set', () => {
    const clock = new ManualClock('2026-12-06T10:00:00.000Z');
    expect(clock.now().toISOString()).toBe('2026-12-06T10:00:00.000Z');
    expect(clock.now().toISOString()).toBe('2026-12-06T10:00:00.000Z');
    clock.advance(90_000);
    expect(clock.now().toISOString()).toBe('2026-12-06T10:01:30.000Z');
    expect(clock.nowMs()).toBe(Date.parse('2026-12-06T10:01:30.000Z'));
    clock.set('2026-12-07T00:00:00.000Z');
    expect(clock.now().toISOString()).toBe('2026-12-07T00:00:00.000Z');
  });

  it('refuses to run backward', () => {
    expect(() => new ManualClock().advance(-1)).toThrow(/forward only/);
  });
});
