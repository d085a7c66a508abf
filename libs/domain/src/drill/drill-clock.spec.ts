import fc from 'fast-check';
import {
  decideDrillClock,
  type DrillClockCommand,
  type DrillClockState,
  drillTimeAt,
  evolveDrillClock,
  initialDrillClockState,
  realTimeWhen,
} from './drill-clock.js';

const DRILL = '0d7a2c1e-5b3f-4e8a-9c6d-7f1e2a3b4c5d';
const REAL_START = '2026-12-06T16:00:00.000Z';
const SCENARIO_START = '2026-04-14T06:00:00.000Z';
const at = (ms: number) => new Date(Date.parse(REAL_START) + ms).toISOString();
const MIN = 60_000;

/** Applies commands at real instants (ms after REAL_START), as the pipeline would, and returns the state. */
function play(steps: [number, DrillClockCommand][]): DrillClockState {
  let state = initialDrillClockState();
  for (const [realMs, command] of steps) {
    for (const event of decideDrillClock(command, state, at(realMs))) {
      state = evolveDrillClock(state, event);
    }
  }
  return state;
}

const start = (rate: number): DrillClockCommand => ({
  type: 'StartDrillClock',
  data: { drillId: DRILL, drillTime: SCENARIO_START, rate },
});
const pause: DrillClockCommand = { type: 'PauseDrillClock', data: { drillId: DRILL } };
const resume: DrillClockCommand = { type: 'ResumeDrillClock', data: { drillId: DRILL } };
const rate = (value: number): DrillClockCommand => ({
  type: 'ChangeDrillClockRate',
  data: { drillId: DRILL, rate: value },
});
const drillAt = (state: DrillClockState, realMs: number) =>
  new Date(drillTimeAt(state, Date.parse(REAL_START) + realMs)!).toISOString();
const scenario = (ms: number) => new Date(Date.parse(SCENARIO_START) + ms).toISOString();

describe("a drill's clock", () => {
  it('runs compressed: at 60×, one real minute is a drill hour', () => {
    const state = play([[0, start(60)]]);
    expect(drillAt(state, 0)).toBe(SCENARIO_START);
    expect(drillAt(state, MIN)).toBe(scenario(60 * MIN));
    expect(drillAt(state, 90_000)).toBe(scenario(90 * MIN));
  });

  it('stands still while paused and goes on from there when resumed', () => {
    const paused = play([
      [0, start(60)],
      [MIN, pause],
    ]);
    expect(drillAt(paused, MIN)).toBe(scenario(60 * MIN));
    expect(drillAt(paused, 30 * MIN)).toBe(scenario(60 * MIN));
    const resumed = play([
      [0, start(60)],
      [MIN, pause],
      [30 * MIN, resume],
    ]);
    expect(drillAt(resumed, 31 * MIN)).toBe(scenario(120 * MIN));
  });

  it('changes rate during play without a jump in drill time', () => {
    const state = play([
      [0, start(60)],
      [MIN, rate(120)],
    ]);
    expect(drillAt(state, MIN)).toBe(scenario(60 * MIN));
    expect(drillAt(state, 2 * MIN)).toBe(scenario(180 * MIN));
    // A rate changed while paused applies once resumed.
    const paused = play([
      [0, start(60)],
      [MIN, pause],
      [2 * MIN, rate(1)],
      [3 * MIN, resume],
    ]);
    expect(paused.status).toBe('running');
    expect(drillAt(paused, 4 * MIN)).toBe(scenario(61 * MIN));
  });

  it('tells when a drill time falls due in real time, and never while paused', () => {
    const state = play([[0, start(60)]]);
    // A deadline 2 drill hours in falls due 2 real minutes in.
    expect(realTimeWhen(state, Date.parse(scenario(120 * MIN)))).toBe(Date.parse(REAL_START) + 2 * MIN);
    const paused = play([
      [0, start(60)],
      [MIN, pause],
    ]);
    expect(realTimeWhen(paused, Date.parse(scenario(120 * MIN)))).toBeUndefined();
    expect(drillTimeAt(initialDrillClockState(), Date.parse(REAL_START))).toBeUndefined();
  });

  it('records each change with the real instant and the drill time then, so a replay needs nothing else', () => {
    const started = evolveDrillClock(initialDrillClockState(), {
      type: 'DrillClockStarted',
      data: { drillId: DRILL, at: REAL_START, drillTime: SCENARIO_START, rate: 60 },
    });
    expect(decideDrillClock(pause, started, at(MIN))).toEqual([
      { type: 'DrillClockPaused', data: { drillId: DRILL, at: at(MIN), drillTime: scenario(60 * MIN) } },
    ]);
    expect(decideDrillClock(rate(60), started, at(MIN))).toEqual([]);
  });

  it('never runs backwards, whatever the changes and the real times (property)', () => {
    const change = fc.oneof(fc.constant(pause), fc.constant(resume), fc.integer({ min: 1, max: 120 }).map(rate));
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 120 }),
        fc.array(fc.tuple(fc.integer({ min: 0, max: 10 * MIN }), change), { maxLength: 30 }),
        (startRate, changes) => {
          let state = play([[0, start(startRate)]]);
          let realMs = 0;
          let last = drillTimeAt(state, Date.parse(REAL_START))!;
          for (const [gap, command] of changes) {
            realMs += gap;
            const now = Date.parse(REAL_START) + realMs;
            const before = drillTimeAt(state, now)!;
            expect(before).toBeGreaterThanOrEqual(last);
            try {
              for (const event of decideDrillClock(command, state, at(realMs))) {
                state = evolveDrillClock(state, event);
              }
            } catch {
              // A refused change (pausing a paused clock) changes nothing.
            }
            // No jump at a change: the drill time right after is the drill time right before.
            expect(drillTimeAt(state, now)).toBe(before);
            last = before;
          }
        },
      ),
      { numRuns: 1_000 },
    );
  });
});
