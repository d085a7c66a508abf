import type { BilingualText, DrillActor, DrillEvent, DrillParticipant } from '@enlace/domain';
import type { Observation, RateChange } from './evaluation.types.js';

/** A moment of the drill: the real instant and the drill time then, as the drill's own facts record both. */
export interface Moment {
  realAt: string;
  drillTime: string;
}

interface OpenStoppage extends Moment {
  realResumedAt?: string;
}

export interface HaltRecord extends OpenStoppage {
  by: DrillActor;
  reason: BilingualText;
}

export interface ReleaseRecord extends Moment {
  dueDrillTime: string;
}

/** What the drill's own stream says happened, read once so each part of the evaluation reads plain data. */
export interface DrillRecord {
  drillId: string;
  /** Scenario time zero, from the plan. */
  startsAt: string;
  participants: DrillParticipant[];
  started?: Moment;
  ended?: Moment;
  /** The last fact of the stream: where a drill not ended stands. */
  last?: Moment;
  rates: RateChange[];
  pauses: OpenStoppage[];
  halts: HaltRecord[];
  /** Real stretches with the clock stopped (a pause, a halt, or both at once), merged. */
  stoppages: OpenStoppage[];
  releases: Map<string, ReleaseRecord>;
  observations: (Observation & { capability: string })[];
}

export class DrillNotPlannedError extends Error {
  constructor() {
    super('The drill stream has no DrillPlanned event: there is no drill to evaluate');
  }
}

function momentOf(data: { at: string; drillTime: string }): Moment {
  return { realAt: data.at, drillTime: data.drillTime };
}

/** Ends the open pauses, halts and stoppages at the real instant the clock resumed. */
function resumeAll(record: DrillRecord, realAt: string): void {
  for (const stretch of [...record.pauses, ...record.halts, ...record.stoppages]) {
    stretch.realResumedAt ??= realAt;
  }
}

function stopClock(record: DrillRecord, moment: Moment): void {
  const open = record.stoppages.some((stretch) => stretch.realResumedAt === undefined);
  if (!open) record.stoppages.push({ ...moment });
}

function apply(record: DrillRecord, event: Exclude<DrillEvent, { type: 'DrillPlanned' }>): void {
  // Joining and editing the improvement plan are no moments of play (an edit comes after the end, in real time only).
  if (event.type === 'DrillParticipantJoined' || event.type === 'DrillImprovementItemEdited') return;
  record.last = momentOf(event.data);
  switch (event.type) {
    case 'DrillClockStarted':
      record.started ??= momentOf(event.data);
      record.rates.push({ realAt: event.data.at, drillTime: event.data.drillTime, rate: event.data.rate });
      return;
    case 'DrillClockRateChanged':
      record.rates.push({ realAt: event.data.at, drillTime: event.data.drillTime, rate: event.data.rate });
      return;
    case 'DrillClockPaused':
      record.pauses.push(momentOf(event.data));
      stopClock(record, momentOf(event.data));
      return;
    case 'DrillClockResumed':
      resumeAll(record, event.data.at);
      return;
    case 'DrillHalted':
      record.halts.push({ ...momentOf(event.data), by: event.data.by, reason: event.data.reason });
      stopClock(record, momentOf(event.data));
      return;
    case 'DrillEnded':
      record.ended = momentOf(event.data);
      resumeAll(record, event.data.at);
      return;
    case 'DrillInjectReleased':
      if (!record.releases.has(event.data.injectId)) {
        record.releases.set(event.data.injectId, { ...momentOf(event.data), dueDrillTime: event.data.dueDrillTime });
      }
      return;
    case 'DrillObservationRecorded': {
      const { observationId, by, drillTime, capability, objectiveId, text } = event.data;
      record.observations.push({
        id: observationId,
        by,
        drillTime,
        capability,
        text,
        ...(objectiveId ? { objectiveId } : {}),
      });
      return;
    }
  }
}

/** Reads a drill's stream (in order) into what the evaluation needs. */
export function readDrillRecord(events: readonly DrillEvent[]): DrillRecord {
  const planned = events.find((event) => event.type === 'DrillPlanned');
  if (!planned) throw new DrillNotPlannedError();
  const record: DrillRecord = {
    drillId: planned.data.drillId,
    startsAt: planned.data.plan.startsAt,
    participants: planned.data.plan.participants,
    rates: [],
    pauses: [],
    halts: [],
    stoppages: [],
    releases: new Map(),
    observations: [],
  };
  for (const event of events) {
    if (event.type !== 'DrillPlanned') apply(record, event);
  }
  return record;
}

/** Where the drill stopped: its end, or (not ended yet) its last fact. */
export function stoppedAt(record: DrillRecord): Moment | undefined {
  return record.ended ?? record.last;
}
