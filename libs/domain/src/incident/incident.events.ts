import type { Side } from '../shared/side.js';
import type { BilingualText, Language } from '../shared/text.js';

export const SEVERITIES = ['minor', 'moderate', 'severe', 'extreme'] as const;
/** The CAP 1.2 severity scale (Unknown is not offered: an officer always judges one). */
export type Severity = (typeof SEVERITIES)[number];

export const INCIDENT_KINDS = ['hazmat-release', 'fire', 'flood', 'other'] as const;
export type IncidentKind = (typeof INCIDENT_KINDS)[number];

export const NATIONAL_CENTERS = { US: 'NRC', MX: 'CENACOM' } as const;
export type NationalCenter = (typeof NATIONAL_CENTERS)[Side];

export const PROTECTIVE_ACTION_KINDS = ['evacuation', 'shelter-in-place'] as const;
export type ProtectiveActionKind = (typeof PROTECTIVE_ACTION_KINDS)[number];

/** A protective action as an officer orders it: the zone, and what the people in it must do. */
export interface ProtectiveActionOrder {
  kind: ProtectiveActionKind;
  center: { lat: number; lon: number };
  radiusMeters: number;
  instructions: BilingualText;
}

export interface Material {
  unNumber?: string;
  name: string;
  hazardClass?: string;
  ergGuide?: string;
  toxicByInhalation?: boolean;
}

export interface Quantity {
  amount: number;
  unit: string;
}

export interface GeoLocation {
  lat: number;
  lon: number;
  description: BilingualText;
}

export interface Casualties {
  injured: number;
  fatalities: number;
}

/** Fields an update may change; each is replaced whole. */
export interface IncidentDetails {
  title: BilingualText;
  severity: Severity;
  material?: Material;
  quantity?: Quantity;
  location: GeoLocation;
  affectedPortIds: string[];
  sisterCityPlanId?: string;
  casualties: Casualties;
}

export type TranslatableIncidentField =
  | 'title'
  | 'location.description'
  | 'closingSummary'
  | `situationReport:${string}`
  /** A protective action's instructions to the public. */
  | `protectiveAction:${string}`;

/**
 * A notification step of the Joint Contingency Plan as recorded: `center` is the centre notified (the officer's own
 * for `NationalCenterNotified`, the other country's for `CounterpartCenterNotified`).
 */
export interface JcpStepRecord {
  incidentId: string;
  side: Side;
  center: NationalCenter;
  /** The number the centre gave the report: the NRC report number, the CENACOM folio (schema version 1: `reference`). */
  reportNumber?: string;
  /**
   * When the step was actually done, as the officer gave it when recording it after the fact; absent when it was
   * recorded as it happened. The event's recordedAt always says when it was recorded.
   */
  occurredAt?: string;
}

export type IncidentEvent =
  | {
      type: 'IncidentReported';
      data: IncidentDetails & {
        incidentId: string;
        kind: IncidentKind;
        reportedBy: { side: Side; agency: string };
        /** When the release was observed, as reported; the event's recordedAt says when Enlace learned of it. */
        observedAt: string;
        /**
         * The port the incident is at (first of `affectedPortIds`); the others are ports it also affects (a plume).
         * Absent from incidents reported before it existed: their first affected port, if any, is the primary.
         */
        primaryPortId?: string;
      };
    }
  | { type: 'IncidentUpdated'; data: { incidentId: string; changes: Partial<IncidentDetails> } }
  | {
      type: 'ProtectiveActionOrdered';
      data: ProtectiveActionOrder & { incidentId: string; actionId: string; side: Side };
    }
  | { type: 'ProtectiveActionLifted'; data: { incidentId: string; actionId: string } }
  | {
      type: 'SituationReportFiled';
      data: { incidentId: string; reportId: string; number: number; summary: BilingualText; side: Side };
    }
  | { type: 'NationalCenterNotified'; data: JcpStepRecord }
  | { type: 'CounterpartCenterNotified'; data: JcpStepRecord }
  | { type: 'JointResponseTeamActivated'; data: { incidentId: string } }
  /** One side agreed to stand the JRT down; it is deactivated once both have (the JRT is co-chaired by both). */
  | { type: 'JointResponseTeamStandDownAgreed'; data: { incidentId: string; side: Side } }
  | { type: 'JointResponseTeamDeactivated'; data: { incidentId: string } }
  | {
      type: 'OnSceneCoordinatorAssigned';
      data: { incidentId: string; side: Side; name: string; agency: string; phone?: string };
    }
  | {
      type: 'IncidentTextTranslated';
      data: { incidentId: string; field: TranslatableIncidentField; language: Language; text: string };
    }
  | { type: 'IncidentClosed'; data: { incidentId: string; summary: BilingualText } };

export type IncidentEventType = IncidentEvent['type'];
