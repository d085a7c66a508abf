import type { EventOf } from '../shared/decider.js';
import type { Side } from '../shared/side.js';
import type { BilingualText } from '../shared/text.js';
import type { DrillClockEvent } from './drill-clock.events.js';

/** What a drill's participant does in it: plays, evaluates (HSEEP Exercise Evaluation Guides), or controls. */
export type DrillParticipantRole = 'player' | 'evaluator' | 'controller';

/** An account invited to a drill, with the side and agency it plays for. */
export interface DrillParticipant {
  username: string;
  role: DrillParticipantRole;
  side: Side;
  agency: string;
}

/**
 * What the drill runner needs of a scenario's inject; the whole scenario is stored with the plan (the scenario file
 * may change later, the drill's record may not).
 */
export interface InjectOutline {
  id: string;
  /** Scenario time of release, in minutes from the drill's start. */
  offsetMinutes: number;
  /** Released only when the expected action of that inject was missed by its deadline. */
  contingencyFor?: string;
  expectedAction?: { withinMinutes: number; evidence?: EvidenceOutline };
  /** The simulated agency (or EXCON) that sends it: the actor of its commands. */
  from?: string;
  /** What the simulated agency does in the drill's world when the inject is released (checked by the scenario reader). */
  commands?: readonly InjectCommandOutline[];
}

/** One event that shows the players took an expected action: its type, and where it matters its side or item. */
export interface EvidenceOutline {
  event: string;
  side?: Side;
  itemId?: string;
}

/** An inject's command as the scenario states it: an incident command, on the scenario's incident `incident`. */
export interface InjectCommandOutline {
  type: string;
  incident: string;
  data: unknown;
}

/** The part of a scenario the drill's rules read; the stored plan holds the whole scenario as it was planned. */
export interface ScenarioOutline {
  id: string;
  title: Required<BilingualText>;
  timeZone: string;
  portId: string;
  blmId: string;
  injects: InjectOutline[];
}

export type DrillPlan =
  | {
      kind: 'scenario';
      title: Required<BilingualText>;
      /** IANA zone every time of the drill is shown in. */
      timeZone: string;
      /** Scenario time zero (ISO-8601): the drill time its clock starts at. */
      startsAt: string;
      /** The compression it starts at: drill seconds per real second (1 to 120). */
      rate: number;
      participants: DrillParticipant[];
      scenario: ScenarioOutline;
    }
  | {
      kind: 'notification';
      title: Required<BilingualText>;
      timeZone: string;
      startsAt: string;
      rate: number;
      participants: DrillParticipant[];
      /** Every member agency of these BLMs is sent the EXERCISE notification. */
      blmIds: string[];
    };

/** Who did it: the account, its side and agency (`null` side for Enlace itself). */
export interface DrillActor {
  username: string;
  side: Side | null;
  agency: string;
}

/** Drill time (`drillTime`) and the real instant (`at`) of a drill's fact, as its clock's own events carry them. */
interface Timed {
  drillId: string;
  at: string;
  drillTime: string;
}

export type DrillEvent =
  | DrillClockEvent
  | EventOf<'DrillPlanned', { drillId: string; plan: DrillPlan; plannedBy: DrillActor }>
  | EventOf<'DrillParticipantJoined', { drillId: string; participant: DrillParticipant; at: string }>
  | EventOf<'DrillInjectReleased', Timed & { injectId: string; dueDrillTime: string }>
  /** A real-world emergency: every pending inject freezes until a planner resumes the drill. */
  | EventOf<'DrillHalted', Timed & { by: DrillActor; reason: BilingualText }>
  | EventOf<'DrillEnded', Timed & { by: DrillActor }>
  /** The improvement plan is the planners' after the drill: each change is a fact, the report shows the latest. */
  | EventOf<'DrillImprovementItemEdited', ImprovementEdit & { drillId: string; at: string; by: DrillActor }>
  | EventOf<
      'DrillObservationRecorded',
      Timed & { observationId: string; by: DrillActor; capability: string; objectiveId?: string; text: BilingualText }
    >;

export type DrillEventType = DrillEvent['type'];

export const IMPROVEMENT_STATUSES = ['proposed', 'accepted', 'in-progress', 'completed', 'rejected'] as const;
/** Where an improvement-plan item stands (HSEEP Improvement Plan). */
export type ImprovementStatus = (typeof IMPROVEMENT_STATUSES)[number];

/** A planner's change to one item of the after-action report's improvement plan: only the fields given change. */
export interface ImprovementEdit {
  itemId: string;
  /** The side that acts on it (EXCON: exercise control) and its agencies. */
  owner?: { side: Side | 'EXCON'; agencies: string[] };
  /** A calendar date (YYYY-MM-DD). */
  dueDate?: string;
  status?: ImprovementStatus;
  text?: BilingualText;
}
