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
import type { AuthActivityType, BilingualText, Role, Side } from '@enlace/domain';
import type { PortStatus } from '@enlace/read-models';

export type PortStatusValue = PortStatus['status'];
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
