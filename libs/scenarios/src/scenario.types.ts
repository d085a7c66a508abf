import type {
  IncidentCommand,
  IncidentEventType,
  NotificationEventType,
  PersonRole,
  PortEventType,
  ShutdownKind,
  Side,
} from '@enlace/domain';
import type { CoreCapability } from './core-capabilities.js';

import type { Bilingual } from './bilingual.js';

export type { Bilingual } from './bilingual.js';

export const DELIVERY_METHODS = ['phone', 'email', 'radio', 'system'] as const;
/** How a controller delivers an inject (HSEEP MSEL "inject mode"). */
export type DeliveryMethod = (typeof DELIVERY_METHODS)[number];

/** A player of the drill: the role they sign in with, their side and agency. */
export interface Player {
  role: PersonRole;
  side: Side;
  agency: string;
}

/** Who an inject is for: every player matching the parts given (a role, a side, an agency). */
export interface PlayerSelector {
  role?: PersonRole;
  side?: Side;
  agency?: string;
}

/** The domain events a player's action or an objective's measure is observed by, in the drill's world. */
export type ObservableEventType = IncidentEventType | PortEventType | NotificationEventType;

/** One event that shows an action was taken: its type, and where it matters the side or checklist item. */
export interface EventMatch {
  event: ObservableEventType;
  side?: Side;
  itemId?: string;
}

export interface ExpectedAction {
  text: Bilingual;
  /** The event that shows the players did it. */
  evidence: EventMatch;
  /** The target time, from the inject's release; a contingency inject may be released when it passes. */
  withinMinutes: number;
}

type IncidentCommandData<Type extends IncidentCommand['type']> = Extract<IncidentCommand, { type: Type }>['data'];

/**
 * What a simulated agency does in the drill's world: a command the incident decider already understands, sent as
 * that agency (its side from the agency directory). `incident` names the scenario's incident, which the drill runner
 * gives a fresh id; the runner also sets when it was observed (drill time).
 */
export type InjectCommand =
  | {
      type: 'ReportIncident';
      incident: string;
      data: Omit<IncidentCommandData<'ReportIncident'>, 'incidentId' | 'observedAt'>;
    }
  | { type: 'UpdateIncident'; incident: string; data: IncidentCommandData<'UpdateIncident'> }
  | { type: 'OrderProtectiveAction'; incident: string; data: IncidentCommandData<'OrderProtectiveAction'> }
  | { type: 'FileSituationReport'; incident: string; data: IncidentCommandData<'FileSituationReport'> }
  | {
      type: 'RecordNationalCenterNotified';
      incident: string;
      data: IncidentCommandData<'RecordNationalCenterNotified'>;
    }
  | {
      type: 'RecordCounterpartCenterNotified';
      incident: string;
      data: IncidentCommandData<'RecordCounterpartCenterNotified'>;
    };

export type InjectCommandType = InjectCommand['type'];

/** One row of the HSEEP Master Scenario Events List. */
export interface Inject {
  id: string;
  /** Scenario time of release, in minutes from the drill's start (non-negative, never before the inject above). */
  offsetMinutes: number;
  synopsis: Bilingual;
  delivery: DeliveryMethod;
  /** The simulated agency (or EXCON, exercise control) that sends it. */
  from: string;
  to: PlayerSelector[];
  /** Events appended in the drill's world when the inject is released. */
  commands: InjectCommand[];
  /** What the controller says or sends to the players. */
  message?: Bilingual;
  expectedAction?: ExpectedAction;
  objectiveId: string;
  capability: CoreCapability;
  controllerNotes?: Bilingual;
  /** Released only if the expected action of this inject was missed by its deadline. */
  contingencyFor?: string;
}

export interface ObjectiveMeasure {
  text: Bilingual;
  from: EventMatch;
  to: EventMatch;
  targetMinutes: number;
}

/** A SMART exercise objective, tied to one HSEEP core capability and measured from the drill's events. */
export interface Objective {
  id: string;
  text: Bilingual;
  capability: CoreCapability;
  measure: ObjectiveMeasure;
}

export interface Hazard {
  unNumber: string;
  ergGuide: string;
}

export interface Scenario {
  id: string;
  title: Bilingual;
  narrative: Bilingual;
  portId: string;
  blmId: string;
  sisterCityPlanId?: string;
  hazard: Hazard;
  /** The resumption checklist template the shutdown uses (config/checklists). */
  shutdownKind: ShutdownKind;
  /** IANA zone every time of the drill is shown in: one of the port's two. */
  timeZone: string;
  objectives: Objective[];
  players: Player[];
  injects: Inject[];
}

/** What a list of scenarios shows of each (GET /api/scenarios; the whole scenario is one GET away). */
export interface ScenarioSummary {
  id: string;
  title: Bilingual;
  portId: string;
  blmId: string;
  hazard: Hazard;
  timeZone: string;
  injects: number;
  objectives: number;
  /** Scenario minutes from the first inject to the last. */
  durationMinutes: number;
}
