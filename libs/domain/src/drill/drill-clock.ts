import { assertNever } from '../shared/decider.js';
import { broken, conflict } from '../shared/domain-error.js';
import type { DrillClockEvent } from './drill-clock.events.js';

export type { DrillClockEvent } from './drill-clock.events.js';

/**
 * A drill's clock: the scenario time the drill plays at, its compression (1× to 120×) and its pauses, each change an
 * event of the drill's own stream (`exercise-<drill id>.drill-<drill id>`), so a replay reproduces every drill time.
 * Each event records the real instant it happened (`at`, the machine's time when decided) and the drill time then
 * (`drillTime`): drill time at a real instant is that drill time plus the real time since, times the rate (unless
 * paused). Pure: no I/O; the drill decider (drill.decider.ts) decides its changes, and the application turns it into
 * a `Clock` for the drill's commands and consumers.
 */

export const MIN_DRILL_RATE = 1;
export const MAX_DRILL_RATE = 120;

export type DrillClockCommand =
  /** `drillTime`: the scenario's start (its time zero, ISO-8601); `rate`: drill seconds per real second. */
  | { type: 'StartDrillClock'; data: { drillId: string; drillTime: string; rate: number } }
  | { type: 'PauseDrillClock'; data: { drillId: string } }
  | { type: 'ResumeDrillClock'; data: { drillId: string } }
  | { type: 'ChangeDrillClockRate'; data: { drillId: string; rate: number } };

export type DrillClockState =
  | { status: 'not-started' }
  | {
      status: 'running' | 'paused';
      drillId: string;
      /** The last change: the real instant (ms) and the drill time (ms) then. */
      anchorRealMs: number;
      anchorDrillMs: number;
      rate: number;
    };

export const initialDrillClockState = (): DrillClockState => ({ status: 'not-started' });

export function evolveDrillClock(state: DrillClockState, event: DrillClockEvent): DrillClockState {
  const anchor = { drillId: event.data.drillId, anchorRealMs: Date.parse(event.data.at) };
  const anchorDrillMs = Date.parse(event.data.drillTime);
  const rate = state.status === 'not-started' ? MIN_DRILL_RATE : state.rate;
  switch (event.type) {
    case 'DrillClockStarted':
      return { status: 'running', ...anchor, anchorDrillMs, rate: event.data.rate };
    case 'DrillClockPaused':
      return { status: 'paused', ...anchor, anchorDrillMs, rate };
    case 'DrillClockResumed':
      return { status: 'running', ...anchor, anchorDrillMs, rate };
    case 'DrillClockRateChanged':
      return {
        status: state.status === 'paused' ? 'paused' : 'running',
        ...anchor,
        anchorDrillMs,
        rate: event.data.rate,
      };
    default:
      return assertNever(event);
  }
}

/** The drill time (ms) at the real instant `realMs`: frozen while paused; undefined before the drill starts. */
export function drillTimeAt(state: DrillClockState, realMs: number): number | undefined {
  if (state.status === 'not-started') return undefined;
  if (state.status === 'paused') return state.anchorDrillMs;
  return state.anchorDrillMs + Math.max(0, realMs - state.anchorRealMs) * state.rate;
}

/**
 * The real instant (ms) at which the drill reaches `drillMs` at its present rate (now, if it has already), or
 * undefined while it is paused or not started (a deadline of a paused drill does not fall due).
 */
export function realTimeWhen(state: DrillClockState, drillMs: number): number | undefined {
  if (state.status !== 'running') return undefined;
  return state.anchorRealMs + Math.max(0, drillMs - state.anchorDrillMs) / state.rate;
}

const iso = (ms: number): string => new Date(ms).toISOString();

export function checkDrillRate(rate: number, field = 'rate'): void {
  if (!Number.isInteger(rate) || rate < MIN_DRILL_RATE || rate > MAX_DRILL_RATE) {
    throw broken(
      'DRILL.RATE',
      `${field} must be a whole number from ${MIN_DRILL_RATE} to ${MAX_DRILL_RATE} (drill seconds per real second)`,
      `${field} debe ser un número entero entre ${MIN_DRILL_RATE} y ${MAX_DRILL_RATE} (segundos del ejercicio por segundo real)`,
      { field, min: MIN_DRILL_RATE, max: MAX_DRILL_RATE },
    );
  }
}

/** Why the clock refuses a change, in English and Spanish (the drill's own rules refuse with them too). */
const CLOCK_REFUSALS = {
  started: ['DRILL.CLOCK_STARTED', "The drill's clock has started already", 'El reloj del ejercicio ya inició'],
  notStarted: ['DRILL.CLOCK_NOT_STARTED', "The drill's clock has not started", 'El reloj del ejercicio no ha iniciado'],
  paused: ['DRILL.CLOCK_PAUSED', "The drill's clock is paused already", 'El reloj del ejercicio ya está en pausa'],
  running: ['DRILL.CLOCK_RUNNING', "The drill's clock is running", 'El reloj del ejercicio está en marcha'],
} as const;

export function clockRefusal(why: keyof typeof CLOCK_REFUSALS) {
  const [code, en, es] = CLOCK_REFUSALS[why];
  return conflict(code, en, es);
}

/** The clock's change a command asks for, at the real instant `at` (the caller checks who may ask). */
export function decideDrillClock(command: DrillClockCommand, state: DrillClockState, at: string): DrillClockEvent[] {
  const { drillId } = command.data;
  const realMs = Date.parse(at);
  if (command.type === 'StartDrillClock') {
    if (state.status !== 'not-started') {
      throw clockRefusal('started');
    }
    checkDrillRate(command.data.rate);
    if (Number.isNaN(Date.parse(command.data.drillTime))) {
      throw broken('DRILL.TIME', 'drillTime must be an ISO-8601 instant', 'drillTime debe ser un instante ISO-8601', {
        field: 'drillTime',
      });
    }
    const drillTime = iso(Date.parse(command.data.drillTime));
    return [{ type: 'DrillClockStarted', data: { drillId, at, drillTime, rate: command.data.rate } }];
  }
  if (state.status === 'not-started') {
    throw clockRefusal('notStarted');
  }
  const drillTime = iso(drillTimeAt(state, realMs)!);
  switch (command.type) {
    case 'PauseDrillClock':
      if (state.status === 'paused') {
        throw clockRefusal('paused');
      }
      return [{ type: 'DrillClockPaused', data: { drillId, at, drillTime } }];
    case 'ResumeDrillClock':
      if (state.status === 'running') {
        throw clockRefusal('running');
      }
      return [{ type: 'DrillClockResumed', data: { drillId, at, drillTime } }];
    case 'ChangeDrillClockRate':
      checkDrillRate(command.data.rate);
      if (command.data.rate === state.rate) return [];
      return [{ type: 'DrillClockRateChanged', data: { drillId, at, drillTime, rate: command.data.rate } }];
    default:
      return assertNever(command);
  }
}
