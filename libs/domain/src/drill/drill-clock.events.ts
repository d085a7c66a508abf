import type { EventOf } from '../shared/decider.js';

/** Each change of a drill's clock: the real instant it happened (`at`) and the drill time then (see drill-clock.ts). */
export type DrillClockEvent =
  | EventOf<'DrillClockStarted', { drillId: string; at: string; drillTime: string; rate: number }>
  | EventOf<'DrillClockPaused', { drillId: string; at: string; drillTime: string }>
  | EventOf<'DrillClockResumed', { drillId: string; at: string; drillTime: string }>
  | EventOf<'DrillClockRateChanged', { drillId: string; at: string; drillTime: string; rate: number }>;
