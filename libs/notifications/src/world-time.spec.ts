import { type DrillClockState, initialDrillClockState } from '@enlace/domain';
import { PAUSED_RECHECK_MS, WorldTime } from './world-time.js';

const REAL = Date.parse('2026-12-06T16:00:00.000Z');
const SCENARIO = Date.parse('2026-04-14T06:00:00.000Z');
const running: DrillClockState = {
  status: 'running',
  drillId: 'd',
  anchorRealMs: REAL,
  anchorDrillMs: SCENARIO,
  rate: 60,
};

describe("a job's world time", () => {
  it('is the machine time for a live job', async () => {
    const time = new WorldTime(
      () => REAL + 1_000,
      () => Promise.reject(new Error('no drill clock for live jobs')),
    );
    expect(await time.now({})).toBe(REAL + 1_000);
    expect(await time.realDueAt({}, REAL + 5_000)).toBe(REAL + 5_000);
  });

  it("is the drill's time for a drill's job, and a drill time falls due at the drill's rate", async () => {
    const time = new WorldTime(
      () => REAL + 1_000,
      () => Promise.resolve(running),
    );
    expect(await time.now({ drillId: 'd' })).toBe(SCENARIO + 60_000);
    // Ten drill minutes after the scenario's start: ten real seconds after the drill started, at 60x.
    expect(await time.realDueAt({ drillId: 'd' }, SCENARIO + 600_000)).toBe(REAL + 10_000);
  });

  it('looks again a little later while a drill is paused or not started', async () => {
    const paused: DrillClockState = { ...running, status: 'paused' };
    for (const state of [paused, initialDrillClockState()]) {
      const time = new WorldTime(
        () => REAL,
        () => Promise.resolve(state),
      );
      expect(await time.realDueAt({ drillId: 'd' }, SCENARIO + 600_000)).toBe(REAL + PAUSED_RECHECK_MS);
    }
  });
});
