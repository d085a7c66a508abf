/**
 * The read models' shapes as the api answers them: types only, importing nothing but the domain's, so the browser
 * console compiles against these (alias `@enlace/read-models`) instead of mirroring them by hand.
 */
import type {
  ExistingNotification,
  OpenIncident,
  Owner,
  PortOfEntry,
  PortState,
  Recipient,
  ReopeningBlockers,
  ShutdownState,
  Side,
  Direction,
  LaneId,
  LaneMode,
  PlannedDrill,
  ShutdownKind,
  BilingualText,
} from '@enlace/domain';

export type IncidentDetail = OpenIncident & { revision: number; lastEventType: string; missingTranslations: string[] };

/** One line of the incident board. */
export interface IncidentBoardEntry {
  incidentId: string;
  status: 'open' | 'closed';
  kind: OpenIncident['kind'];
  title: OpenIncident['title'];
  severity: OpenIncident['severity'];
  material: OpenIncident['material'] | null;
  affectedPortIds: string[];
  reportedBy: OpenIncident['reportedBy'];
  reportedAt: string;
  lastUpdate: string;
  lastEventType: string;
  missingTranslations: string[];
  protectiveActionsInForce: number;
  jointResponseTeam: OpenIncident['jcp']['jointResponseTeam'];
}

/** One line of the ICS-214-style activity log: who did what, when, on which side. */
export interface ActivityEntry {
  position: string;
  /** When it was recorded. */
  at: string;
  /** When it was done, where the officer recorded it after the fact (a JCP step). */
  occurredAt?: string;
  streamId: string;
  type: string;
  actor: string;
  agency: string;
  side: Side | null;
  summary: { en: string; es: string };
}

export type TrackedNotification = ExistingNotification & { revision: number; pending: Recipient[] };
export type NotificationStatus = TrackedNotification & { overdue: boolean };

export interface LaneStatus {
  id: LaneId;
  mode: LaneMode;
  direction: Direction;
  status: 'open' | 'closed';
}

export interface ChecklistProgress {
  portId: string;
  shutdownId: string;
  total: number;
  completed: number;
  waived: number;
  open: number;
  criticalOpen: number;
  /** Open critical items by owner: each side's keep it from signing off, all of them from reopening. */
  criticalOpenByOwner: Record<Owner, number>;
  /** Sign-offs in force. */
  signOffs: { US: boolean; MX: boolean };
  /** Sign-offs a later change withdrew: the side must sign off again. */
  signOffsToRenew: Side[];
  /** Whether the next reopening phase may go ahead (any lane, either side for its own). */
  readyToReopen: boolean;
}

export interface PortStatus extends PortOfEntry {
  status: 'open' | 'partially-closed' | 'closed';
  laneStatus: LaneStatus[];
  revision: number;
  /** When the shutdown in progress was declared (time closed), or null. */
  closedSince: string | null;
  linkedIncidentId: string | null;
  activeShutdown: (ShutdownState & { blockers: ReopeningBlockers }) | null;
  checklistProgress: ChecklistProgress | null;
  /** The most recent past shutdowns (up to 10), oldest first. */
  pastShutdowns: PortState['pastShutdowns'];
  /** How many shutdowns the port has had before the one in progress. */
  pastShutdownsTotal: number;
}

/** A line of the list of drills: what a planner picks a drill by, and how it stands. */
export interface DrillSummary {
  drillId: string;
  kind: PlannedDrill['plan']['kind'];
  title: PlannedDrill['plan']['title'];
  scenarioId: string | null;
  status: PlannedDrill['status'];
  plannedAt: string;
  plannedBy: PlannedDrill['plannedBy'];
  startsAt: string;
  timeZone: string;
  /** Usernames taking part (officers see the drills they are invited to). */
  participants: string[];
  injectsReleased: number;
  injects: number;
  endedAt: string | null;
  /** The drill stream's revision this line was made at. */
  revision: number;
}

/** A line of the archive of incidents (GET /api/incidents/archive): what happened, where, with what, when. */
export interface ArchivedIncident {
  incidentId: string;
  status: 'open' | 'closed';
  kind: OpenIncident['kind'];
  title: OpenIncident['title'];
  severity: OpenIncident['severity'];
  material: OpenIncident['material'] | null;
  /** The port the incident was at; the other affected ports are additional ones. */
  primaryPortId: string | null;
  affectedPortIds: string[];
  location: OpenIncident['location'];
  reportedBy: OpenIncident['reportedBy'];
  observedAt: string;
  reportedAt: string;
  closedAt: string | null;
  closingSummary: BilingualText | null;
  /** How many situation reports were filed. */
  situationReports: number;
  revision: number;
}

/** One shutdown of a port, in progress or ended (GET /api/ports/:id/shutdowns): when, how wide, for which incident. */
export interface PastShutdown {
  shutdownId: string;
  portId: string;
  kind: ShutdownKind;
  /** `full` if every lane of the port was closed at some point of it. */
  scope: 'full' | 'partial';
  /** Every lane it closed. */
  lanes: LaneId[];
  declaredAt: string;
  declaredBy: { side: Side; agency: string };
  joinedBy: { side: Side; agency: string } | null;
  reason: BilingualText;
  /** When the port reopened; null while the shutdown is in progress. */
  reopenedAt: string | null;
  incidentId: string | null;
  /** The incident's title when the shutdown was last recorded. */
  incidentTitle: BilingualText | null;
}
