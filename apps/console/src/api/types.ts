// The api's answers as the console reads them. The domain's vocabulary (sides, languages, severities, lanes, …) is
// imported from libs/domain, which is pure TypeScript; the read models' shapes (libs/projections) are still mirrored
// by hand here, because that lib runs on Node (issue 13: give them a home without I/O). Only what the console reads.

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
import type {
  AuthActivityType,
  BilingualText,
  Direction,
  IncidentKind,
  Language,
  LaneId,
  LaneMode,
  Owner,
  Role,
  Severity,
  ShutdownKind,
  Side,
} from '@enlace/domain';

export type PortStatusValue = 'open' | 'partially-closed' | 'closed';
export const QUANTITY_UNITS = ['kg', 't', 'lb', 'L', 'm3', 'gal'] as const;

/** The login and refresh answer (POST /api/auth/login, POST /api/auth/refresh). */
export interface LoginResponse {
  accessToken: string;
  tokenType: 'Bearer';
  expiresIn: number;
  /** Good for one refresh; rotated every time. */
  refreshToken: string;
  /** ISO-8601: the refresh token expires then unless used (idle timeout). */
  refreshExpiresAt: string;
  /** ISO-8601: the session ends then however active. */
  sessionExpiresAt: string;
  user: SessionUser;
}

/** An admin's view of a directory account (GET /api/admin/accounts). */
export interface AccountView {
  username: string;
  displayName: string;
  agency: string;
  country: Side;
  role: Role;
  status: 'enabled' | 'disabled';
  /** Locked from every address it has not signed in from lately (too many failures within the hour), until then. */
  lockedUntil: string | null;
  /** Addresses locked out of the account (those ending last, at most 20), and how many in all. */
  lockedAddresses: { address: string; until: string }[];
  lockedAddressCount: number;
  /** No new session until then (too many sign-ins lately). */
  signInsPausedUntil: string | null;
  recentFailures: number;
}

/** One entry of the sign-in journal (GET /api/auth/activity). */
export interface AuthActivityEntry {
  revision: number;
  type: AuthActivityType;
  recordedAt: string;
  actor: string;
  actorRole: string;
  username: string | null;
  address: string | null;
  userAgent: string | null;
  reason: string | null;
  sessionId: string | null;
  until: string | null;
}

export interface AuthActivityPage {
  entries: AuthActivityEntry[];
  next: number | null;
}

export interface SessionUser {
  username: string;
  displayName: string;
  agency: string;
  country: Side;
  role: Role;
}

/** Every write answers this (201/200). */
export interface WriteResult {
  id: string;
  revision: number;
  position?: string;
  events: { id: string; type: string }[];
  replayed: boolean;
}

// ------------------------------------------------------------------------------------------------------ ports

export interface LaneStatus {
  id: LaneId;
  mode: LaneMode;
  direction: Direction;
  status: 'open' | 'closed';
}

export interface ChecklistItem {
  id: string;
  text: { en: string; es: string };
  owner: Owner;
  agency: string;
  critical: boolean;
  status: 'open' | 'completed' | 'waived';
  resolvedBy?: { side: Side; agency: string };
  resolvedAt?: string;
  note?: BilingualText;
  reason?: BilingualText;
  /** Items added to the running checklist. */
  addedBy?: { side: Side; agency: string; at: string };
  /** The last undoing of a completion or waiver. */
  reopened?: { side: Side; agency: string; at: string; reason: BilingualText; previousStatus: 'completed' | 'waived' };
}

export interface SignOff {
  side: Side;
  agency: string;
  officer: string;
  at: string;
}

/** A sign-off a later change withdrew: the side must sign off again. */
export interface WithdrawnSignOff extends SignOff {
  withdrawnAt: string;
  cause: 'item-reopened' | 'item-added' | 'item-waived' | 'joint-item-completed' | 'lanes-closed';
  itemId?: string;
  reason: { en: string; es: string };
}

/** What blocks the next reopening phase (the same for every lane: items are not per lane). */
export interface ReopeningBlockers {
  openCriticalItems: ChecklistItem[];
  missingSignOffs: Side[];
  signOffsToRenew: Side[];
}

export interface ActiveShutdown {
  shutdownId: string;
  kind: ShutdownKind;
  scope: 'full' | 'partial';
  lanes: LaneId[];
  closedLanes: LaneId[];
  reason: BilingualText;
  incidentId?: string;
  declaredBy: { side: Side; agency: string };
  declaredAt: string;
  joinedBy?: { side: Side; agency: string; at: string; reason: BilingualText };
  checklist: { templateId: string; templateVersion: number; items: ChecklistItem[] };
  signOffs: Partial<Record<Side, SignOff>>;
  signOffsToRenew: Partial<Record<Side, WithdrawnSignOff>>;
  phases: number;
  blockers: ReopeningBlockers;
}

export interface ChecklistProgress {
  portId: string;
  shutdownId: string;
  total: number;
  completed: number;
  waived: number;
  open: number;
  criticalOpen: number;
  criticalOpenByOwner: Record<Owner, number>;
  signOffs: { US: boolean; MX: boolean };
  signOffsToRenew: Side[];
  readyToReopen: boolean;
}

/** GET /api/ports (each) and GET /api/ports/:id. */
export interface PortStatus {
  id: string;
  name: { us: string; mx: string };
  state: { us: string; mx: string };
  cbpPortCode: string | null;
  lanes: { id: LaneId; mode: LaneMode; direction: Direction }[];
  location: { lat: number; lon: number } | null;
  blmId: string;
  timeZones: { us: string; mx: string };
  status: PortStatusValue;
  laneStatus: LaneStatus[];
  revision: number;
  closedSince: string | null;
  linkedIncidentId: string | null;
  activeShutdown: ActiveShutdown | null;
  checklistProgress: ChecklistProgress | null;
  pastShutdowns: { shutdownId: string; kind: ShutdownKind; declaredAt: string; reopenedAt: string }[];
}

// -------------------------------------------------------------------------------------------------- incidents

export interface Material {
  unNumber?: string;
  name: string;
  hazardClass?: string;
  ergGuide?: string;
  toxicByInhalation?: boolean;
}

/** GET /api/incidents (each). */
export interface IncidentBoardEntry {
  incidentId: string;
  status: 'open' | 'closed';
  kind: IncidentKind;
  title: BilingualText;
  severity: Severity;
  material: Material | null;
  affectedPortIds: string[];
  reportedBy: { side: Side; agency: string };
  reportedAt: string;
  lastUpdate: string;
  lastEventType: string;
  missingTranslations: string[];
  protectiveActionsInForce: number;
  jointResponseTeam: 'inactive' | 'active' | 'deactivated';
}

export interface ProtectiveAction {
  actionId: string;
  kind: 'evacuation' | 'shelter-in-place';
  center: { lat: number; lon: number };
  radiusMeters: number;
  instructions: BilingualText;
  side: Side;
  orderedAt: string;
  liftedAt?: string;
}

export interface SituationReport {
  reportId: string;
  number: number;
  summary: BilingualText;
  side: Side;
  filedAt: string;
}

export interface CenterStep {
  center: 'NRC' | 'CENACOM';
  at: string;
  reference?: string;
}

/** GET /api/incidents/:id. */
export interface Incident {
  status: 'open' | 'closed';
  incidentId: string;
  kind: IncidentKind;
  title: BilingualText;
  severity: Severity;
  material?: Material;
  quantity?: { amount: number; unit: string };
  location: { lat: number; lon: number; description: BilingualText };
  affectedPortIds: string[];
  sisterCityPlanId?: string;
  casualties: { injured: number; fatalities: number };
  reportedBy: { side: Side; agency: string };
  observedAt: string;
  reportedAt: string;
  updatedAt: string;
  protectiveActions: ProtectiveAction[];
  situationReports: SituationReport[];
  jcp: {
    nationalCenters: Partial<Record<Side, CenterStep>>;
    counterpartNotified: Partial<Record<Side, CenterStep>>;
    jointResponseTeam: 'inactive' | 'active' | 'deactivated';
    /** While active: the sides that agreed to stand it down (both must). */
    jointResponseTeamStandDown: Partial<Record<Side, { at: string }>>;
    onSceneCoordinators: Partial<Record<Side, { name: string; agency: string; phone?: string }>>;
  };
  closingSummary?: BilingualText;
  revision: number;
  missingTranslations: string[];
}

/** GET /api/incidents/:id/timeline (each): the ICS-214-style activity log. */
export interface ActivityEntry {
  position: string;
  at: string;
  streamId: string;
  type: string;
  actor: string;
  agency: string;
  side: Side | null;
  summary: { en: string; es: string };
}

/** GET /api/incidents/:id/events (each): the stream as recorded, with each event's mode. */
export interface RecordedEvent {
  position: string;
  streamId: string;
  revision: number;
  type: string;
  metadata: { mode: 'actual' | 'exercise'; recordedAt: string; actor: string; agency: string };
}

// ---------------------------------------------------------------------------------------------- notifications

export interface Recipient {
  agency: string;
  side: Side;
}

export interface Acknowledgment extends Recipient {
  officer: string;
  at: string;
  readIn?: Language;
}

/** GET /api/notifications (each): pending first, then by deadline; `overdue` judged by the server when read. */
export interface NotificationStatus {
  status: 'active' | 'cancelled';
  notificationId: string;
  blmId: string;
  subject: { incidentId?: string; portId?: string; shutdownId?: string };
  title: BilingualText;
  body: BilingualText;
  severity: Severity;
  acknowledgmentDeadline: string;
  recipients: Recipient[];
  acknowledgments: Acknowledgment[];
  issuedBy: { side: Side; agency: string; officer: string };
  issuedAt: string;
  updatedAt: string;
  cancellation?: { reason: BilingualText; at: string };
  escalations: { tier: number; at: string }[];
  revision: number;
  pending: Recipient[];
  overdue: boolean;
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
