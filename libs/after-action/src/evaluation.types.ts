import type {
  BilingualText,
  DrillActor,
  DrillEvent,
  DrillParticipantRole,
  IncidentEvent,
  NotificationEvent,
  PortEvent,
  Side,
} from '@enlace/domain';
import type { Bilingual, CoreCapability, DeliveryMethod, EventMatch, Scenario } from '@enlace/scenarios';

/**
 * The shapes of a drill's evaluation and after-action report (HSEEP AAR/IP). Every time is ISO-8601: `…DrillTime`
 * and `…At` fields of drill facts are drill time unless named `real…`; a field is absent when what it describes did
 * not happen. The JSON report (render-json.ts) is this object with a schema version: change a field here, and bump
 * `AAR_SCHEMA_VERSION` if a reader of the old shape would misread the new one.
 */

/** An event of the drill's world (incident, port, notification), with the drill time it happened at. */
export type ObservedEvent = (IncidentEvent | PortEvent | NotificationEvent) & {
  /** Drill time (ISO-8601): the event's `occurredAt` in the drill's world. */
  occurredAt: string;
  /** Who recorded it, from the event's metadata; absent for Enlace's own processes. */
  actor?: { username: string; side: Side | null; agency: string };
};

/** A planner's change to one improvement-plan item, as recorded after the report was first drafted. */
export interface ImprovementEdit {
  itemId: string;
  owner?: ImprovementOwner;
  /** Calendar date (YYYY-MM-DD). */
  dueDate?: string;
  status?: ImprovementStatus;
  /** Replaces the languages given, keeps the other. */
  text?: BilingualText;
}

export interface DrillEvaluationInput {
  /** The scenario as it was planned (the drill's plan holds it whole). */
  scenario: Scenario;
  /** The drill's own stream, in order. */
  drillEvents: readonly DrillEvent[];
  /** The drill world's incident, port and notification events (any order: they are sorted by drill time). */
  worldEvents: readonly ObservedEvent[];
  /** Planners' edits of the improvement plan, applied in order. */
  improvementEdits?: readonly ImprovementEdit[];
  /** Days from the drill's end to an improvement item's proposed due date (HSEEP suggests acting within a quarter). */
  improvementDueDays?: number;
}

/** HSEEP's performance ratings: Performed without challenges, with Some or Major challenges, Unable to perform. */
export type HseepRating = 'P' | 'S' | 'M' | 'U';

export type ObjectiveStatus = 'met' | 'not-met' | 'not-observed';

/** Why an objective got its status (see docs/decisions/0019-after-action-report.md). */
export type ObjectiveFinding =
  /** `to` happened within the target after `from`. */
  | 'within-target'
  /** `to` happened, later than the target. */
  | 'over-target'
  /** `to` never happened though the drill went on longer than the target after `from`. */
  | 'never-reached'
  /** `from` never happened: the measure never started. */
  | 'start-not-observed'
  /** `to` has not happened, but the drill stopped before the target elapsed: nothing to judge. */
  | 'window-not-elapsed';

export interface ObjectiveEvaluation {
  id: string;
  text: Bilingual;
  capability: CoreCapability;
  measureText: Bilingual;
  from: EventMatch;
  to: EventMatch;
  targetMinutes: number;
  /** Drill time of the first event matching `from`. */
  fromDrillTime?: string;
  /** Drill time of the first event matching `to` at or after `fromDrillTime`. */
  toDrillTime?: string;
  measuredMinutes?: number;
  status: ObjectiveStatus;
  finding: ObjectiveFinding;
  /** Proposed from the measure; evaluators may rate otherwise in the after-action meeting. Absent if not observed. */
  suggestedRating?: HseepRating;
}

export type ExpectedActionStatus =
  /** Done by its deadline. */
  | 'on-time'
  /** Done after its deadline. */
  | 'late'
  /** Not done, and the deadline passed before the drill stopped. */
  | 'missed'
  /** Not done, and the drill stopped before the deadline. */
  | 'open'
  /** The inject was never released, so nothing was expected. */
  | 'not-released';

export interface ExpectedActionEvaluation {
  text: Bilingual;
  evidence: EventMatch;
  withinMinutes: number;
  deadlineDrillTime?: string;
  /** Drill time of the first evidence at or after the inject's release. */
  doneDrillTime?: string;
  minutesToAction?: number;
  status: ExpectedActionStatus;
}

export interface InjectEvaluation {
  id: string;
  offsetMinutes: number;
  synopsis: Bilingual;
  from: string;
  delivery: DeliveryMethod;
  objectiveId: string;
  capability: CoreCapability;
  /** The inject whose missed expected action releases this one. */
  contingencyFor?: string;
  /** When it was due: its offset, or for a contingency its trigger's deadline (absent when never due). */
  scheduledDrillTime?: string;
  releasedDrillTime?: string;
  /** Real instant of the release. */
  realReleasedAt?: string;
  /** Released minus scheduled, in drill seconds (positive: late). */
  releaseErrorSeconds?: number;
  expectedAction?: ExpectedActionEvaluation;
  /** The contingency injects that watch this inject's expected action, and whether each was released. */
  contingencies: { injectId: string; released: boolean }[];
}

export interface RateChange {
  realAt: string;
  drillTime: string;
  rate: number;
}

/** A stretch of real time with the drill's clock stopped, up to the resume (or the end, or the last fact seen). */
export interface Stoppage {
  realAt: string;
  drillTime: string;
  realResumedAt?: string;
  realMinutes: number;
}

export interface Halt extends Stoppage {
  by: DrillActor;
  reason: BilingualText;
}

export interface ParticipantGroup {
  side: Side;
  agency: string;
  role: DrillParticipantRole;
  usernames: string[];
}

export interface ReleaseErrorSummary {
  released: number;
  meanAbsoluteSeconds: number;
  maxAbsoluteSeconds: number;
}

export interface DrillOverview {
  drillId: string;
  scenarioId: string;
  title: Bilingual;
  timeZone: string;
  portId: string;
  blmId: string;
  /** Scenario time zero. */
  startsAtDrillTime: string;
  ended: boolean;
  realStartedAt?: string;
  /** The real end, or the last fact seen of a drill not ended. */
  realStoppedAt?: string;
  drillStartedAt?: string;
  drillStoppedAt?: string;
  /** From the clock's start to the end, real minutes, stoppages included. */
  wallClockMinutes?: number;
  /** Wall-clock minutes less the pauses and halts. */
  playedRealMinutes?: number;
  /** Drill minutes played: the drill's clock does not move while paused or halted. */
  drillMinutes?: number;
  rates: RateChange[];
  pauses: Stoppage[];
  halts: Halt[];
  participants: ParticipantGroup[];
  injects: { planned: number; released: number; contingenciesPlanned: number; contingenciesReleased: number };
  releaseError?: ReleaseErrorSummary;
}

export interface Observation {
  id: string;
  by: DrillActor;
  drillTime: string;
  objectiveId?: string;
  text: BilingualText;
}

export interface CapabilityObservations {
  /** A core capability id, or whatever the evaluator recorded if it is not one. */
  capability: string;
  observations: Observation[];
}

export interface Strength {
  objectiveId: string;
  capability: CoreCapability;
  measuredMinutes: number;
  targetMinutes: number;
}

export type AreaReason = 'not-met' | 'not-observed' | 'late' | 'missed';

export interface AreaForImprovement {
  kind: 'objective' | 'expected-action';
  /** The objective's id, or the inject's whose expected action it is. */
  refId: string;
  capability: CoreCapability;
  reason: AreaReason;
  /** The side whose players were to act, as the measure or the evidence names it. */
  side?: Side;
}

export type ImprovementStatus = 'proposed' | 'accepted' | 'in-progress' | 'completed' | 'rejected';

export interface ImprovementOwner {
  /** EXCON (exercise control) when no side's players were named as the ones to act. */
  side: Side | 'EXCON';
  agencies: string[];
}

export interface ImprovementItem {
  /** Stable across re-evaluations: `<drill id>:<objective|action>:<objective or inject id>`. */
  id: string;
  area: AreaForImprovement;
  text: BilingualText;
  owner: ImprovementOwner;
  dueDate: string;
  status: ImprovementStatus;
  /** True once a planner's edit changed it. */
  edited: boolean;
}

export interface DrillEvaluation {
  overview: DrillOverview;
  objectives: ObjectiveEvaluation[];
  injects: InjectEvaluation[];
  observations: CapabilityObservations[];
  strengths: Strength[];
  areasForImprovement: AreaForImprovement[];
  improvementPlan: ImprovementItem[];
  /** Edits naming an item this evaluation does not propose (an area that no longer exists): kept visible, not lost. */
  unmatchedEdits: ImprovementEdit[];
}
