// The api's answers as the console reads them: the domain's vocabulary from libs/domain (pure TypeScript), the read
// models' shapes from libs/projections' types-only module (`@enlace/read-models`), and the answers of routes without a
// read model (sign-in, accounts, write results, reference data) declared here.

export {
  AUTH_ACTIVITY_TYPES,
  type AuthActivityType,
  type BilingualText,
  CHECKLIST_AGENCIES,
  type Direction,
  DIRECTIONS,
  INCIDENT_KINDS,
  type IncidentKind,
  type Language,
  LANE_MODES,
  type LaneId,
  type LaneMode,
  type Owner,
  type Role,
  SEVERITIES,
  type Severity,
  SHUTDOWN_KINDS,
  type ShutdownKind,
  type Side,
  SIDE_OF_DIRECTION,
} from '@enlace/domain';
import type { BilingualText, Side, SessionTokens } from '@enlace/domain';

export type { AccountView, AuthActivityEntry, AuthActivityPage, SessionUser } from '@enlace/domain';
/** The login and refresh answer (POST /api/auth/login, POST /api/auth/refresh). */
export type LoginResponse = SessionTokens;
import type { PortStatus } from '@enlace/read-models';

export type PortStatusValue = PortStatus['status'];
export const QUANTITY_UNITS = ['kg', 't', 'lb', 'L', 'm3', 'gal'] as const;

/** Every write answers this (201/200). */
export interface WriteResult {
  id: string;
  revision: number;
  position?: string;
  events: { id: string; type: string }[];
  replayed: boolean;
}

// ------------------------------------------------------------------------------- ports, incidents, notifications
// The read models' shapes come from the api's own types (libs/projections/src/read-model.types.ts, types only).

export type {
  ActivityEntry,
  ChecklistProgress,
  IncidentBoardEntry,
  IncidentDetail as Incident,
  LaneStatus,
  NotificationStatus,
  PortStatus,
} from '@enlace/read-models';
export type {
  Acknowledgment,
  ChecklistItemState as ChecklistItem,
  Material,
  ProtectiveAction,
  Recipient,
  ReopeningBlockers,
  SignOff,
  SituationReport,
  WithdrawnSignOff,
} from '@enlace/domain';

export type ActiveShutdown = NonNullable<PortStatus['activeShutdown']>;

/** GET /api/incidents/:id/events (each): the stream as recorded, with each event's mode. */
export interface RecordedEvent {
  position: string;
  streamId: string;
  revision: number;
  type: string;
  metadata: { mode: 'actual' | 'exercise'; recordedAt: string; actor: string; agency: string };
}

// -------------------------------------------------------------------------------------------------- reference

export interface BorderLiaisonMechanism {
  id: string;
  name: { en: string; es: string };
  usChair: string;
  mxChair: string;
  sisterCities: string;
  members: { agency: string; side: Side; name: BilingualText }[];
}

export interface HazardousMaterial {
  unNumber: string;
  name: string;
  hazardClass: string;
  ergGuide: string;
  toxicByInhalation: boolean;
}

/** The error body of every refusal. */
export interface ApiErrorBody {
  statusCode: number;
  code: string;
  message: { en: string; es: string };
  details: Record<string, unknown>;
}

// ------------------------------------------------------------------------------------------ scenarios and drills
// A scenario's shape from libs/scenarios (types only, alias `@enlace/scenario-types`); the drill directory's lines
// from the read models; a drill and a scenario summary as the api's drills and scenarios routes compose them.

export type { DrillActor, DrillParticipant, DrillParticipantRole, DrillStatus } from '@enlace/domain';
export type { DrillSummary } from '@enlace/read-models';
export type { Inject, Objective, PlayerSelector, Scenario } from '@enlace/scenario-types';
import type { DrillParticipant, DrillStatus, PlannedDrill } from '@enlace/domain';
import type { Scenario } from '@enlace/scenario-types';

/** A drill from a scenario (its MSEL's injects) or a notification drill (one EXERCISE notification per BLM). */
export type DrillKind = PlannedDrill['plan']['kind'];

export const DRILL_STATUSES: readonly DrillStatus[] = ['planned', 'running', 'paused', 'halted', 'ended'];
export const DRILL_PARTICIPANT_ROLES = ['player', 'evaluator', 'controller'] as const;

/** GET /api/scenarios (each). */
export type { ScenarioSummary } from '@enlace/scenario-types';

type ScenarioPlan = Extract<PlannedDrill['plan'], { kind: 'scenario' }>;

/** GET /api/drills/:id: the drill as its stream tells it (a scenario drill's plan holds the whole scenario). */
export type DrillView = Omit<PlannedDrill, 'clock' | 'joined' | 'plan'> & {
  id: string;
  revision: number;
  /** The drill time when the api answered (ISO), `null` before its clock starts. */
  drillTime: string | null;
  rate: number;
  /** How long after the answer the clock starts running (the countdown of a start or a resume). */
  countdownMs: number;
  plan:
    (Omit<ScenarioPlan, 'scenario'> & { scenario: Scenario }) | Extract<PlannedDrill['plan'], { kind: 'notification' }>;
  participants: (DrillParticipant & { joinedAt: string | null })[];
};

// ------------------------------------------------------------------------------------------- notification drills
// The api composes these from libs/after-action and libs/notifications, which the console does not import (they are
// not types-only); the shapes are the JSON the routes answer.

/** In time: by the acknowledgment deadline; late: after it; never: not by the end of the drill (or yet). */
export type AcknowledgmentOutcome = 'in-time' | 'late' | 'never';

/** How a BLM's members answered one notification drill. */
export interface NotificationDrillTally {
  recipients: number;
  inTime: number;
  late: number;
  never: number;
  medianMinutes?: number;
}

/** GET /api/drills/:id/report?format=json of a notification drill (`NotificationDrillEvaluation`). */
export interface NotificationDrillReport {
  schemaVersion: number;
  kind: 'enlace.notification-drill-report';
  drillId: string;
  title: BilingualText;
  timeZone: string;
  ended: boolean;
  results: {
    blmId: string;
    blmName: { en: string; es: string };
    notificationId: string;
    issuedAt: string;
    deadline: string;
    recipients: {
      agency: string;
      side: Side;
      outcome: AcknowledgmentOutcome;
      acknowledgedAfterMinutes?: number;
      acknowledgedBy?: string;
      escalatedTiers: number[];
    }[];
    summary: NotificationDrillTally;
  }[];
}

export type NotificationDrillTrend = 'faster' | 'slower' | 'steady' | 'not-enough-drills';

/** GET /api/drills/notification-summary?year= (each): a BLM's notification drills of the year. */
export interface BlmDrillYear {
  blmId: string;
  blmName: { en: string; es: string };
  year: number;
  count: number;
  drills: {
    drillId: string;
    blmId: string;
    title: BilingualText;
    issuedAt: string;
    ended: boolean;
    summary: NotificationDrillTally;
  }[];
  trend: NotificationDrillTrend;
}
