import { describe, expect, it } from '@jest/globals';
import { drillTimeNow, isoToZonedInput, keepsDaylightSaving, scenarioElapsed, zonedTimeToIso } from './clock';

describe('drillTimeNow', () => {
  const drillTime = '2026-07-15T16:00:00.000Z';

  it('runs on at the compression from the moment the api answered', () => {
    const received = 1_000_000;
    const now = received + 2_500;
    expect(drillTimeNow({ status: 'running', drillTime, rate: 60 }, received, now)).toBe(
      Date.parse(drillTime) + 2_500 * 60,
    );
  });

  it('stands still while paused, halted or ended, and does not run backwards', () => {
    for (const status of ['paused', 'halted', 'ended'] as const) {
      expect(drillTimeNow({ status, drillTime, rate: 120 }, 0, 60_000)).toBe(Date.parse(drillTime));
    }
    expect(drillTimeNow({ status: 'running', drillTime, rate: 10 }, 5_000, 4_000)).toBe(Date.parse(drillTime));
  });

  it('stands still through the countdown of a start or a resume, then runs', () => {
    const reading = { status: 'running' as const, drillTime, rate: 60, countdownMs: 2_000 };
    expect(drillTimeNow(reading, 10_000, 11_500)).toBe(Date.parse(drillTime));
    expect(drillTimeNow(reading, 10_000, 13_000)).toBe(Date.parse(drillTime) + 1_000 * 60);
  });

  it('has no time before the clock starts', () => {
    expect(drillTimeNow({ status: 'planned', drillTime: null, rate: 60 }, 0, 1)).toBeUndefined();
  });
});

describe('scenarioElapsed', () => {
  it('counts scenario time from time zero', () => {
    const start = '2026-07-15T16:00:00.000Z';
    expect(scenarioElapsed(Date.parse(start) + 3_909_000, start)).toBe('T+01:05:09');
    expect(scenarioElapsed(Date.parse(start) - 30_000, start)).toBe('T−00:00:30');
  });
});

describe('time zones', () => {
  it('knows Sonora keeps no daylight saving time, Baja California and Texas do', () => {
    expect(keepsDaylightSaving('America/Hermosillo', 2026)).toBe(false);
    expect(keepsDaylightSaving('America/Tijuana', 2026)).toBe(true);
    expect(keepsDaylightSaving('America/Chicago', 2026)).toBe(true);
  });

  it('reads a wall-clock time in the drill zone, both ways', () => {
    expect(zonedTimeToIso('2026-07-15T09:30', 'America/Hermosillo')).toBe('2026-07-15T16:30:00.000Z');
    expect(zonedTimeToIso('2026-01-15T09:30', 'America/Tijuana')).toBe('2026-01-15T17:30:00.000Z');
    expect(zonedTimeToIso('2026-07-15T09:30', 'America/Tijuana')).toBe('2026-07-15T16:30:00.000Z');
    expect(zonedTimeToIso('', 'America/Tijuana')).toBeUndefined();
    expect(isoToZonedInput('2026-07-15T16:30:00.000Z', 'America/Hermosillo')).toBe('2026-07-15T09:30');
  });
});
