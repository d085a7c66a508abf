import type { AuditJournalEvent } from '../audit/audit-journal.events.js';
import type { AccountEvent } from '../auth/account.events.js';
import { AUTH_ACTIVITY_TYPES, type AuthActivityEvent } from '../auth/auth-activity.js';
import type { SessionEvent } from '../auth/session.events.js';
import type { DrillEvent } from '../drill/drill.events.js';
import type { IncidentEvent } from '../incident/incident.events.js';
import type { NotificationEvent } from '../notification/notification.events.js';
import type { PortEvent } from '../port/port.events.js';
import type { EventCodec } from './decider.js';

/**
 * The one description of every stored event: which aggregate writes it, the version of its shape, what a stored
 * one must hold, and how an older shape becomes today's. Events are decoded once, where they leave the store
 * (`decodeEvent`); everything after works on the typed unions and never casts.
 *
 * A stream's aggregate is its category: `incident-<id>`, `port-<id>`, `notification-<id>`, `account-<username>`,
 * `session-<id>`, `drill-<id>` (only in its drill's world), the one `auth-log` stream and the one `audit-journal` stream (a drill's streams carry the same ids after `exercise-<drill>.`).
 */
export interface EventsOf {
  incident: IncidentEvent;
  port: PortEvent;
  notification: NotificationEvent;
  account: AccountEvent;
  session: SessionEvent;
  'auth-log': AuthActivityEvent;
  /** The audit journal (`audit-journal`): every export of the record, who took it and what. */
  audit: AuditJournalEvent;
  /** A drill's own stream (in its world): its plan, participants, clock, injects released, halts, end, observations. */
  drill: DrillEvent;
}
export type Aggregate = keyof EventsOf;
export type DomainEvent = EventsOf[Aggregate];

/** A field a stored event must hold: s string, n number, b boolean, o object, a array, t a text in ≥ 1 language. */
type Kind = 's' | 'n' | 'b' | 'o' | 'a' | 't';

interface EventSchema {
  /** The version written today; events stored without one are version 1. */
  version: number;
  /** `field:kind`, space-separated: what every stored event of this type holds (optional fields are not listed). */
  fields: string;
  /** From version N (the key) to N + 1: the older shape made today's, one step at a time. */
  upcasters?: Record<number, (data: Record<string, unknown>) => Record<string, unknown>>;
}

const LANES_CLOSED = 'portId:s shutdownId:s side:s agency:s lanes:a closedLanes:a scope:s reason:t';
const DELIVERY = 'notificationId:s agency:s side:s channel:s';

/**
 * Version 2 names the centre's number `reportNumber` (version 1 called it `reference`) and may carry `occurredAt`, when
 * the step was done if it was recorded after the fact.
 */
const JCP_STEP: EventSchema = {
  version: 2,
  fields: 'incidentId:s side:s center:s',
  upcasters: {
    1: ({ reference, ...data }) => ({ ...data, ...(typeof reference === 'string' ? { reportNumber: reference } : {}) }),
  },
};

type Schemas = { [A in Aggregate]: { [T in EventsOf[A]['type']]: EventSchema } };

const SCHEMAS: Schemas = {
  incident: {
    IncidentReported: {
      version: 1,
      fields:
        'incidentId:s kind:s title:t severity:s location:o affectedPortIds:a casualties:o reportedBy:o observedAt:s',
    },
    IncidentUpdated: { version: 1, fields: 'incidentId:s changes:o' },
    ProtectiveActionOrdered: {
      version: 1,
      fields: 'incidentId:s actionId:s kind:s center:o radiusMeters:n instructions:t side:s',
    },
    ProtectiveActionLifted: { version: 1, fields: 'incidentId:s actionId:s' },
    SituationReportFiled: { version: 1, fields: 'incidentId:s reportId:s number:n summary:t side:s' },
    NationalCenterNotified: JCP_STEP,
    CounterpartCenterNotified: JCP_STEP,
    JointResponseTeamActivated: { version: 1, fields: 'incidentId:s' },
    JointResponseTeamStandDownAgreed: { version: 1, fields: 'incidentId:s side:s' },
    JointResponseTeamDeactivated: { version: 1, fields: 'incidentId:s' },
    OnSceneCoordinatorAssigned: { version: 1, fields: 'incidentId:s side:s name:s agency:s' },
    IncidentTextTranslated: { version: 1, fields: 'incidentId:s field:s language:s text:s' },
    IncidentClosed: { version: 1, fields: 'incidentId:s summary:t' },
  },
  port: {
    PortShutdownDeclared: {
      version: 2,
      fields: 'portId:s shutdownId:s kind:s scope:s lanes:a closedLanes:a reason:t declaredBy:o checklist:o',
      upcasters: {
        // Version 1 did not say which lanes were closed once it had; at a declaration they are the lanes it closes
        // (version 2 states them, as PortShutdownWidened and PortShutdownJoined always have).
        1: (data) => ({ ...data, closedLanes: Array.isArray(data.lanes) ? [...(data.lanes as unknown[])] : [] }),
      },
    },
    PortShutdownWidened: { version: 1, fields: LANES_CLOSED },
    PortShutdownJoined: { version: 1, fields: LANES_CLOSED },
    ChecklistItemCompleted: { version: 1, fields: 'portId:s shutdownId:s itemId:s side:s agency:s' },
    ChecklistItemWaived: { version: 1, fields: 'portId:s shutdownId:s itemId:s side:s agency:s reason:t' },
    ChecklistItemReopened: {
      version: 1,
      fields: 'portId:s shutdownId:s itemId:s side:s agency:s reason:t previousStatus:s',
    },
    ChecklistItemAdded: { version: 1, fields: 'portId:s shutdownId:s item:o side:s agency:s' },
    ResumptionSignedOff: { version: 1, fields: 'portId:s shutdownId:s side:s agency:s officer:s' },
    ResumptionSignOffWithdrawn: { version: 1, fields: 'portId:s shutdownId:s side:s cause:s reason:t' },
    PortLanesReopened: { version: 1, fields: 'portId:s shutdownId:s phase:n lanes:a stillClosed:a' },
    PortReopened: { version: 1, fields: 'portId:s shutdownId:s' },
  },
  notification: {
    BlmNotificationIssued: {
      version: 1,
      fields:
        'notificationId:s blmId:s subject:o title:t body:t severity:s acknowledgmentDeadline:s recipients:a issuedBy:o',
    },
    BlmNotificationUpdated: { version: 1, fields: 'notificationId:s' },
    BlmNotificationAcknowledged: { version: 1, fields: 'notificationId:s agency:s side:s officer:s' },
    BlmNotificationAcknowledgedOnBehalf: {
      version: 1,
      fields: 'notificationId:s agency:s side:s channel:s acknowledgedAt:s recordedBy:o',
    },
    BlmNotificationCancelled: { version: 1, fields: 'notificationId:s reason:t' },
    BlmNotificationDelivered: { version: 1, fields: `${DELIVERY} attempt:n` },
    BlmNotificationDeliveryFailed: { version: 1, fields: `${DELIVERY} attempt:n reason:s` },
    BlmNotificationDeliveryAbandoned: { version: 1, fields: `${DELIVERY} attempts:n reason:s` },
    BlmNotificationEscalated: { version: 1, fields: 'notificationId:s tier:n escalatedTo:a pending:a deadline:s' },
  },
  account: {
    AccountDisabled: { version: 1, fields: 'username:s' },
    AccountEnabled: { version: 1, fields: 'username:s disabledAt:s' },
    AccountUnlocked: { version: 1, fields: 'username:s lockedUntil:s' },
  },
  session: {
    SessionStarted: {
      version: 1,
      fields: 'sessionId:s username:s startedAt:s expiresAt:s refreshTokenHash:s refreshExpiresAt:s',
    },
    SessionRefreshed: { version: 1, fields: 'sessionId:s refreshTokenHash:s refreshExpiresAt:s' },
    SessionRevoked: { version: 1, fields: 'sessionId:s reason:s' },
  },
  drill: {
    DrillClockStarted: { version: 1, fields: 'drillId:s at:s drillTime:s rate:n' },
    DrillClockPaused: { version: 1, fields: 'drillId:s at:s drillTime:s' },
    DrillClockResumed: { version: 1, fields: 'drillId:s at:s drillTime:s' },
    DrillClockRateChanged: { version: 1, fields: 'drillId:s at:s drillTime:s rate:n' },
    DrillPlanned: { version: 1, fields: 'drillId:s plan:o plannedBy:o' },
    DrillParticipantJoined: { version: 1, fields: 'drillId:s participant:o at:s' },
    DrillInjectReleased: { version: 1, fields: 'drillId:s at:s drillTime:s injectId:s dueDrillTime:s' },
    DrillHalted: { version: 1, fields: 'drillId:s at:s drillTime:s by:o reason:t' },
    DrillEnded: { version: 1, fields: 'drillId:s at:s drillTime:s by:o' },
    DrillObservationRecorded: {
      version: 1,
      fields: 'drillId:s at:s drillTime:s observationId:s by:o capability:s text:t',
    },
    DrillImprovementItemEdited: { version: 1, fields: 'drillId:s at:s itemId:s by:o' },
  },
  'auth-log': Object.fromEntries(
    AUTH_ACTIVITY_TYPES.map((type) => [type, { version: 1, fields: '' }]),
  ) as Schemas['auth-log'],
  audit: {
    AuditExportRecorded: { version: 1, fields: 'exportId:s kind:s filter:o exportedBy:o at:s' },
  },
};

const PARSED = new Map<string, { field: string; kind: Kind }[]>();

function fieldsOf(schema: EventSchema): { field: string; kind: Kind }[] {
  let parsed = PARSED.get(schema.fields);
  if (!parsed) {
    parsed = schema.fields
      .split(' ')
      .filter(Boolean)
      .map((spec) => {
        const [field, kind] = spec.split(':') as [string, Kind];
        return { field, kind };
      });
    PARSED.set(schema.fields, parsed);
  }
  return parsed;
}

/** The aggregate a stream id (without its drill prefix) belongs to, or undefined for a stream no aggregate writes. */
export function aggregateOf(streamId: string): Aggregate | undefined {
  if (streamId === 'auth-log') return 'auth-log';
  const category = streamId.slice(0, streamId.indexOf('-'));
  return category in SCHEMAS && category !== 'auth-log' ? (category as Aggregate) : undefined;
}

function schemaOf(aggregate: Aggregate, type: string): EventSchema | undefined {
  const schemas = SCHEMAS[aggregate] as Record<string, EventSchema>;
  return Object.hasOwn(schemas, type) ? schemas[type] : undefined;
}

/** Every event type `aggregate` writes (what a reader may ask to filter on). */
export function eventTypesOf(aggregate: Aggregate): string[] {
  return Object.keys(SCHEMAS[aggregate]);
}

/** The version of `type`'s shape the application writes today (recorded in the event's metadata). */
export function schemaVersionOf(aggregate: Aggregate, type: string): number {
  const schema = schemaOf(aggregate, type);
  if (!schema) throw new Error(`No ${aggregate} event is called ${type}`);
  return schema.version;
}

export type DecodeResult<A extends Aggregate = Aggregate> =
  { ok: true; event: EventsOf[A]; upcastFrom?: number } | { ok: false; reason: string };

function kindHolds(value: unknown, kind: Kind): boolean {
  switch (kind) {
    case 's':
      return typeof value === 'string';
    case 'n':
      return typeof value === 'number' && Number.isFinite(value);
    case 'b':
      return typeof value === 'boolean';
    case 'a':
      return Array.isArray(value);
    case 'o':
      return typeof value === 'object' && value !== null && !Array.isArray(value);
    case 't':
      return (
        typeof value === 'object' &&
        value !== null &&
        (typeof (value as { en?: unknown }).en === 'string' || typeof (value as { es?: unknown }).es === 'string')
      );
  }
}

/**
 * A stored event of `aggregate` as today's typed shape: its type must be one the aggregate writes, its data hold
 * every field its version requires, and an older version is upcast step by step. `version` is the metadata's
 * `schemaVersion` (absent = 1). A version newer than this code knows is refused (a newer process wrote it).
 */
export function decodeEvent<A extends Aggregate>(
  aggregate: A,
  type: string,
  data: unknown,
  version: unknown = 1,
): DecodeResult<A> {
  const schema = schemaOf(aggregate, type);
  if (!schema) return { ok: false, reason: `${type} is not one of the ${aggregate} events` };
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 1) {
    return { ok: false, reason: `${type}: schema version ${JSON.stringify(version)} is not a positive integer` };
  }
  if (version > schema.version) {
    return {
      ok: false,
      reason: `${type}: schema version ${version} is newer than this process knows (${schema.version})`,
    };
  }
  if (typeof data !== 'object' || data === null || Array.isArray(data)) {
    return { ok: false, reason: `${type}: data is not an object` };
  }
  let shaped = data as Record<string, unknown>;
  for (let from = version; from < schema.version; from += 1) {
    const upcast = schema.upcasters?.[from];
    if (!upcast) return { ok: false, reason: `${type}: no upcaster from version ${from}` };
    shaped = upcast(shaped);
  }
  for (const { field, kind } of fieldsOf(schema)) {
    if (!kindHolds(shaped[field], kind)) return { ok: false, reason: `${type}: ${field} is missing or malformed` };
  }
  const event = { type, data: shaped } as EventsOf[A];
  return version < schema.version ? { ok: true, event, upcastFrom: version } : { ok: true, event };
}

/** The codec of one aggregate's events, for its decider and every reader of its streams. */
export function codecOf<A extends Aggregate>(aggregate: A): EventCodec<EventsOf[A]> {
  return {
    decode: (type, data, storedVersion) => {
      const decoded = decodeEvent(aggregate, type, data, storedVersion ?? 1);
      if (!decoded.ok) throw new Error(`Undecodable ${aggregate} event: ${decoded.reason}`);
      return decoded.event;
    },
    versionOf: (type) => schemaVersionOf(aggregate, type),
  };
}
