import type { ReferenceObject, SchemaObject } from '@nestjs/swagger';
import {
  AUTH_ACTIVITY_TYPES,
  DELIVERY_CHANNELS,
  DIRECTIONS,
  INCIDENT_KINDS,
  LANE_MODES,
  PERSON_ROLES,
  PROTECTIVE_ACTION_KINDS,
  SEVERITIES,
  SHUTDOWN_KINDS,
  SIDES,
  SIGN_OFF_WITHDRAWAL_CAUSES,
} from '@enlace/domain';
import { QUEUE_NAMES } from '@enlace/notifications';
import { AS_OF_AGGREGATES } from '@enlace/audit';

/*
 * The bodies of the api's read answers, written from the TypeScript types the handlers return (libs/projections
 * read-model.types.ts, the domain's state types, the reference data types): JSON-schema components the post-processor
 * adds to the document (decision 0027). Objects are closed (`additionalProperties: false`) unless a description says
 * why one is open, so the contract test catches an answer that drifts from its type.
 */

type Schema = SchemaObject | ReferenceObject;

const ref = (name: string): ReferenceObject => ({ $ref: `#/components/schemas/${name}` });
const string = (description?: string): SchemaObject => ({ type: 'string', ...(description ? { description } : {}) });
const time = (description?: string): SchemaObject => ({ ...string(description), format: 'date-time' });
const integer = (minimum = 0, description?: string): SchemaObject => ({
  type: 'integer',
  minimum,
  ...(description ? { description } : {}),
});
const boolean = (description?: string): SchemaObject => ({ type: 'boolean', ...(description ? { description } : {}) });
const oneOf = (values: readonly string[], description?: string): SchemaObject => ({
  type: 'string',
  enum: [...values],
  ...(description ? { description } : {}),
});
const arrayOf = (items: Schema, description?: string): SchemaObject => ({
  type: 'array',
  items,
  ...(description ? { description } : {}),
});
/** `null` among the values too: OpenAPI 3.0 validators check `enum` before `nullable`. */
const nullable = (schema: SchemaObject): SchemaObject => ({
  ...schema,
  nullable: true,
  ...(schema.enum ? { enum: [...(schema.enum as unknown[]), null] } : {}),
});
/** A closed object: `required` lists the properties always present, the others are optional. */
function object(
  properties: Record<string, Schema>,
  optional: readonly string[] = [],
  description?: string,
): SchemaObject {
  const required = Object.keys(properties).filter((name) => !optional.includes(name));
  return {
    type: 'object',
    properties,
    ...(required.length > 0 ? { required } : {}),
    additionalProperties: false,
    ...(description ? { description } : {}),
  };
}

/** One entry per side, each optional (a `Partial<Record<Side, …>>`). */
const bySide = (value: Schema, description?: string): SchemaObject =>
  object(Object.fromEntries(SIDES.map((side) => [side, value])), SIDES, description);

const side = oneOf(SIDES);
const owner = oneOf([...SIDES, 'JOINT'], 'Whose item it is: one side, or both (JOINT)');
const laneId = { type: 'string', pattern: `^(${LANE_MODES.join('|')}):(${DIRECTIONS.join('|')})$` } as SchemaObject;
const text = ref('Text');
const position: SchemaObject = {
  type: 'string',
  pattern: '^\\d{20}:\\d{20}$',
  description: 'Where it is in the global log (opaque, ordered)',
};
const hash: SchemaObject = { type: 'string', pattern: '^[0-9a-f]{64}$' };
const fullText = ref('FullText');

/**
 * An object that may be null, written out where it is used: OpenAPI 3.0 ignores siblings of `$ref`, and a
 * `nullable` `allOf` still applies the component's `type: object` to null.
 */
const nullableObject = (schema: SchemaObject, description?: string): SchemaObject => ({
  ...schema,
  nullable: true,
  ...(description ? { description } : {}),
});

const point: SchemaObject = object({ lat: { type: 'number' }, lon: { type: 'number' } }, [], 'WGS-84 coordinates');
const material: SchemaObject = object(
  {
    unNumber: string(),
    name: string(),
    hazardClass: string(),
    ergGuide: string(),
    toxicByInhalation: boolean(),
  },
  ['unNumber', 'hazardClass', 'ergGuide', 'toxicByInhalation'],
);
const shutdown: SchemaObject = object(
  {
    shutdownId: string(),
    kind: oneOf(SHUTDOWN_KINDS),
    scope: oneOf(['full', 'partial']),
    lanes: arrayOf(laneId, 'Every lane this shutdown has closed, in the order they closed'),
    closedLanes: arrayOf(laneId, 'Lanes still closed'),
    reason: text,
    incidentId: string(),
    declaredBy: ref('SideAgency'),
    declaredAt: time(),
    joinedBy: object({ side, agency: string(), at: time(), reason: text }),
    checklist: object({
      templateId: string(),
      templateVersion: integer(1),
      items: arrayOf(ref('ChecklistItem')),
    }),
    signOffs: bySide(ref('SignOff'), 'Sign-offs in force'),
    signOffsToRenew: bySide(ref('WithdrawnSignOff'), 'Sign-offs withdrawn by a later change, to give again'),
    phases: integer(),
    blockers: ref('ReopeningBlockers'),
  },
  ['incidentId', 'joinedBy'],
);
const checklistProgress: SchemaObject = object({
  portId: string(),
  shutdownId: string(),
  total: integer(),
  completed: integer(),
  waived: integer(),
  open: integer(),
  criticalOpen: integer(),
  criticalOpenByOwner: object({ US: integer(), MX: integer(), JOINT: integer() }),
  signOffs: object({ US: boolean(), MX: boolean() }),
  signOffsToRenew: arrayOf(side),
  readyToReopen: boolean('Whether the next reopening phase may go ahead'),
});

const drillPlanCommon: Record<string, Schema> = {
  title: fullText,
  timeZone: string('IANA zone every time of the drill is shown in'),
  startsAt: time('Scenario time zero: the drill time its clock starts at'),
  rate: { type: 'number', minimum: 1, maximum: 120, description: 'The compression it starts at' },
  participants: arrayOf(ref('DrillParticipant')),
};

const COMPONENTS: Record<string, SchemaObject> = {
  Text: object(
    { en: string('English'), es: string('Spanish (es-MX)') },
    ['en', 'es'],
    'Free text in English and Spanish (es-MX): at least one of them; the other may be added later',
  ),
  FullText: object({ en: string('English'), es: string('Spanish (es-MX)') }, [], 'Text in English and Spanish (es-MX)'),
  SideAgency: object({ side, agency: string() }, [], 'A side and one of its agencies'),
  Recipient: object({ agency: string(), side }, [], 'An agency of a side'),
  Point: point,
  PerSide: object({ us: string(), mx: string() }, [], 'One value for each side of the border'),

  // Incidents (libs/domain incident.decider.ts, libs/projections read-model.types.ts)
  Material: material,
  ProtectiveAction: object(
    {
      actionId: string(),
      kind: oneOf(PROTECTIVE_ACTION_KINDS),
      center: ref('Point'),
      radiusMeters: { type: 'number' },
      instructions: text,
      side,
      orderedAt: time(),
      liftedAt: time(),
    },
    ['liftedAt'],
  ),
  SituationReport: object({
    reportId: string(),
    number: integer(1),
    summary: text,
    side,
    filedAt: time(),
  }),
  Incident: object(
    {
      incidentId: { type: 'string', format: 'uuid' },
      status: oneOf(['open', 'closed']),
      kind: oneOf(INCIDENT_KINDS),
      title: text,
      severity: oneOf(SEVERITIES),
      material: ref('Material'),
      quantity: object({ amount: { type: 'number' }, unit: string() }),
      location: object({ lat: { type: 'number' }, lon: { type: 'number' }, description: text }),
      affectedPortIds: arrayOf(string()),
      sisterCityPlanId: string(),
      casualties: object({ injured: integer(), fatalities: integer() }),
      reportedBy: ref('SideAgency'),
      observedAt: time('When the release was observed, as reported'),
      primaryPortId: string('The port the incident is at (absent on incidents reported before it existed)'),
      reportedAt: time(),
      updatedAt: time(),
      protectiveActions: arrayOf(ref('ProtectiveAction')),
      situationReports: arrayOf(ref('SituationReport')),
      jcp: object({
        nationalCenters: bySide(ref('CenterContact'), 'Each side told its national center (NRC, CENACOM)'),
        counterpartNotified: bySide(ref('CenterContact'), "Each side told the other side's national center"),
        jointResponseTeam: oneOf(['inactive', 'active', 'deactivated']),
        jointResponseTeamStandDown: bySide(
          object({ at: time() }),
          'While the JRT is active: the sides that agreed to stand it down',
        ),
        onSceneCoordinators: bySide(object({ name: string(), agency: string(), phone: string() }, ['phone'])),
      }),
      closingSummary: text,
      revision: integer(),
      missingTranslations: arrayOf(string(), 'The fields lacking English or Spanish'),
    },
    ['material', 'quantity', 'sisterCityPlanId', 'closingSummary', 'primaryPortId'],
  ),
  CenterContact: object(
    {
      center: oneOf(['NRC', 'CENACOM']),
      at: time('When it was recorded'),
      reportNumber: string('The NRC report number or the CENACOM folio'),
      occurredAt: time('When it was done, if recorded after the fact'),
    },
    ['reportNumber', 'occurredAt'],
    'A national center told: when it was recorded, when it was done if recorded after the fact, and its report number',
  ),
  IncidentBoardEntry: object({
    incidentId: { type: 'string', format: 'uuid' },
    status: oneOf(['open', 'closed']),
    kind: oneOf(INCIDENT_KINDS),
    title: text,
    severity: oneOf(SEVERITIES),
    material: nullableObject(material),
    affectedPortIds: arrayOf(string()),
    reportedBy: ref('SideAgency'),
    reportedAt: time(),
    lastUpdate: time(),
    lastEventType: string(),
    missingTranslations: arrayOf(string()),
    protectiveActionsInForce: integer(),
    jointResponseTeam: oneOf(['inactive', 'active', 'deactivated']),
  }),
  ArchivedIncident: object(
    {
      incidentId: { type: 'string', format: 'uuid' },
      status: oneOf(['open', 'closed']),
      kind: oneOf(INCIDENT_KINDS),
      title: text,
      severity: oneOf(SEVERITIES),
      material: nullableObject(material),
      primaryPortId: nullable(string('The port the incident was at')),
      affectedPortIds: arrayOf(string(), 'Every port it affected, the primary one first'),
      location: object({ lat: { type: 'number' }, lon: { type: 'number' }, description: text }),
      reportedBy: ref('SideAgency'),
      observedAt: time(),
      reportedAt: time(),
      closedAt: nullable(time()),
      closingSummary: nullableObject(object({ en: string(), es: string() }, ['en', 'es'])),
      situationReports: integer(0, 'How many situation reports were filed'),
      revision: integer(),
    },
    [],
    'A line of the archive of incidents',
  ),
  PastShutdown: object(
    {
      shutdownId: string(),
      portId: string(),
      kind: oneOf(SHUTDOWN_KINDS),
      scope: oneOf(['full', 'partial'], 'full if every lane was closed at some point of it'),
      lanes: arrayOf(laneId),
      declaredAt: time(),
      declaredBy: ref('SideAgency'),
      joinedBy: nullableObject(object({ side, agency: string() })),
      reason: text,
      reopenedAt: nullable(time('When the port reopened; null while it is in progress')),
      incidentId: nullable(string('The incident it was declared for')),
      incidentTitle: nullableObject(object({ en: string(), es: string() }, ['en', 'es'])),
    },
    [],
    "One of a port's shutdowns",
  ),
  ActivityEntry: object(
    {
      position,
      at: time('When it was recorded'),
      occurredAt: time('When it was done, where the officer recorded it after the fact'),
      streamId: string(),
      type: string('The event type'),
      actor: string(),
      agency: string(),
      side: nullable(side),
      summary: fullText,
    },
    ['occurredAt'],
    'One line of the ICS-214-style activity log: who did what, when, on which side',
  ),

  // Notifications (libs/domain notification.decider.ts)
  Addressee: object({ agency: string(), side, name: text }, ['name']),
  Notification: object(
    {
      notificationId: { type: 'string', format: 'uuid' },
      blmId: string(),
      subject: object({ incidentId: string(), portId: string(), shutdownId: string() }, [
        'incidentId',
        'portId',
        'shutdownId',
      ]),
      title: text,
      body: text,
      severity: oneOf(SEVERITIES),
      acknowledgmentDeadline: time(),
      status: oneOf(['active', 'cancelled']),
      recipients: arrayOf(ref('Recipient')),
      acknowledgments: arrayOf(
        object({ agency: string(), side, officer: string(), at: time(), readIn: oneOf(['en', 'es']) }, ['readIn']),
      ),
      issuedBy: object({ side, agency: string(), officer: string() }),
      issuedAt: time(),
      updatedAt: time(),
      cancellation: object({ reason: text, at: time() }),
      deliveries: {
        type: 'object',
        additionalProperties: ref('Delivery'),
        description: 'The last outcome of each message, by its key `<side>:<agency>:<channel>[:tier-<n>]`',
      },
      escalations: arrayOf(
        object({
          tier: integer(1),
          escalatedTo: arrayOf(ref('Addressee')),
          pending: arrayOf(ref('Recipient')),
          deadline: time(),
          at: time(),
        }),
      ),
      revision: integer(),
      pending: arrayOf(ref('Recipient'), 'Recipients that have not acknowledged it'),
      overdue: boolean('Active, with recipients pending past the acknowledgment deadline'),
    },
    ['cancellation'],
  ),
  Delivery: object(
    {
      agency: string(),
      side,
      channel: oneOf(DELIVERY_CHANNELS),
      status: oneOf(['delivered', 'failed', 'abandoned']),
      attempts: integer(1),
      at: time(),
      reason: string(),
      nextAttemptAt: nullable(time()),
      tier: integer(1),
    },
    ['reason', 'nextAttemptAt', 'tier'],
  ),

  // Ports (libs/projections port-status, libs/domain port.state.ts, port.sign-offs.ts)
  ChecklistItem: object(
    {
      id: string(),
      text: fullText,
      owner,
      agency: string(),
      critical: boolean(),
      status: oneOf(['open', 'completed', 'waived']),
      resolvedBy: ref('SideAgency'),
      resolvedAt: time(),
      note: text,
      reason: text,
      addedBy: object({ side, agency: string(), at: time() }),
      reopened: object({
        side,
        agency: string(),
        at: time(),
        reason: text,
        previousStatus: oneOf(['completed', 'waived']),
      }),
    },
    ['resolvedBy', 'resolvedAt', 'note', 'reason', 'addedBy', 'reopened'],
  ),
  SignOff: object({ side, agency: string(), officer: string(), at: time() }),
  WithdrawnSignOff: object(
    {
      side,
      agency: string(),
      officer: string(),
      at: time(),
      withdrawnAt: time(),
      cause: oneOf(SIGN_OFF_WITHDRAWAL_CAUSES),
      itemId: string(),
      reason: fullText,
    },
    ['itemId'],
  ),
  ReopeningBlockers: object({
    openCriticalItems: arrayOf(ref('ChecklistItem'), 'Critical items neither completed nor waived'),
    missingSignOffs: arrayOf(side, 'Sides without a sign-off in force'),
    signOffsToRenew: arrayOf(side, 'Of those, the sides whose sign-off a later change withdrew'),
  }),
  Shutdown: shutdown,
  ChecklistProgress: checklistProgress,
  Port: object({
    id: string(),
    name: ref('PerSide'),
    state: ref('PerSide'),
    cbpPortCode: nullable(string()),
    lanes: arrayOf(object({ id: laneId, mode: oneOf(LANE_MODES), direction: oneOf(DIRECTIONS) })),
    location: nullableObject(point, 'Null where the reference data has no reliable coordinates yet'),
    blmId: string(),
    timeZones: ref('PerSide'),
    status: oneOf(['open', 'partially-closed', 'closed']),
    laneStatus: arrayOf(
      object({
        id: laneId,
        mode: oneOf(LANE_MODES),
        direction: oneOf(DIRECTIONS),
        status: oneOf(['open', 'closed']),
      }),
    ),
    revision: integer(-1, "The port stream's revision; -1 while nothing has happened at the port"),
    closedSince: nullable(time('When the shutdown in progress was declared')),
    linkedIncidentId: nullable(string()),
    activeShutdown: nullableObject(shutdown),
    checklistProgress: nullableObject(checklistProgress),
    pastShutdowns: arrayOf(
      object(
        {
          shutdownId: string(),
          kind: oneOf(SHUTDOWN_KINDS),
          declaredAt: time(),
          reopenedAt: time(),
          incidentId: string(),
        },
        ['incidentId'],
      ),
      'The most recent past shutdowns (up to 10), oldest first',
    ),
    pastShutdownsTotal: integer(),
  }),
  PortChecklist: object(
    {
      shutdownId: string(),
      revision: integer(),
      templateId: string(),
      templateVersion: integer(1),
      items: arrayOf(ref('ChecklistItem')),
      signOffs: bySide(ref('SignOff'), 'Sign-offs in force'),
      signOffsToRenew: bySide(ref('WithdrawnSignOff'), 'Sign-offs withdrawn by a later change, to give again'),
      blockers: ref('ReopeningBlockers'),
    },
    [],
    'The resumption checklist of the shutdown in progress',
  ),

  // Reference data (libs/domain reference.ts)
  Blm: object({
    id: string(),
    name: fullText,
    usChair: string(),
    mxChair: string(),
    sisterCities: string(),
    members: arrayOf(object({ agency: string(), side, name: text })),
  }),
  HazardousMaterial: object({
    unNumber: string(),
    name: string(),
    names: fullText,
    hazardClass: string(),
    ergGuide: string(),
    guideTitle: fullText,
    toxicByInhalation: boolean(),
  }),
  ChecklistTemplate: object({
    id: string(),
    kind: oneOf(SHUTDOWN_KINDS),
    version: integer(1),
    name: fullText,
    items: arrayOf(object({ id: string(), text: fullText, owner, agency: string(), critical: boolean() })),
  }),
  SisterCityPlan: object({ id: string(), usCity: string(), mxCity: string() }),

  // Sign-in activity (libs/domain auth-answers.ts)
  AuthActivityPage: object({
    entries: arrayOf(
      object({
        revision: integer(0, "The entry's place in the log: pass it as `before` to read older entries"),
        type: oneOf(AUTH_ACTIVITY_TYPES),
        recordedAt: time(),
        actor: string(),
        actorRole: string(),
        username: nullable(string()),
        address: nullable(string()),
        userAgent: nullable(string()),
        reason: nullable(string()),
        sessionId: nullable(string()),
        until: nullable(time()),
      }),
    ),
    next: nullable(integer(0, 'Pass as `before` for the next (older) page; null when this is the oldest')),
  }),
  // Administration (libs/domain auth-answers.ts, libs/notifications queue-monitor.ts)
  Account: object({
    username: string(),
    displayName: string(),
    agency: string(),
    country: side,
    role: oneOf(PERSON_ROLES),
    status: oneOf(['enabled', 'disabled']),
    lockedUntil: nullable(time('Until when the account is refused from addresses it has not signed in from lately')),
    lockedAddresses: arrayOf(
      object({ address: string(), until: time() }),
      'Addresses locked out of the account now (those whose lockouts end last, at most 20)',
    ),
    lockedAddressCount: integer(),
    signInsPausedUntil: nullable(time('Until when no new session starts (too many sign-ins lately)')),
    recentFailures: integer(0, 'Failed sign-ins of the name within the hour, from every address'),
  }),
  Queues: object({
    queues: arrayOf(
      object({
        name: oneOf(QUEUE_NAMES),
        counts: object({
          waiting: integer(),
          active: integer(),
          delayed: integer(),
          completed: integer(),
          failed: integer(),
        }),
        lastFailed: arrayOf(
          object(
            {
              id: string(),
              name: string('The job name'),
              data: {
                type: 'object',
                additionalProperties: true,
                description: "The job's data: open, each kind of job carries its own (libs/notifications jobs.ts)",
              },
              failedReason: string(),
              attemptsMade: integer(),
              finishedOn: nullable(time()),
            },
            ['id'],
          ),
        ),
      }),
    ),
  }),

  // Drills (libs/projections read-model.types.ts, apps/api notification-summary.ts)
  DrillActor: object(
    { username: string(), side: nullable(side), agency: string() },
    [],
    'Who did it (a null side for Enlace itself)',
  ),
  DrillSummary: object({
    drillId: { type: 'string', format: 'uuid' },
    kind: oneOf(['scenario', 'notification']),
    title: fullText,
    scenarioId: nullable(string()),
    status: oneOf(['planned', 'running', 'paused', 'halted', 'ended']),
    plannedAt: time(),
    plannedBy: ref('DrillActor'),
    startsAt: time('Scenario time zero: the drill time its clock starts at'),
    timeZone: string('IANA zone every time of the drill is shown in'),
    participants: arrayOf(string(), 'Usernames taking part'),
    injectsReleased: integer(),
    injects: integer(),
    endedAt: nullable(time()),
    revision: integer(0, "The drill stream's revision this line was made at"),
  }),
  BlmYear: object({
    blmId: string(),
    blmName: fullText,
    year: integer(2000),
    count: integer(),
    drills: arrayOf(
      object({
        drillId: { type: 'string', format: 'uuid' },
        blmId: string(),
        title: text,
        issuedAt: time(),
        ended: boolean(),
        summary: object(
          {
            recipients: integer(),
            inTime: integer(),
            late: integer(),
            never: integer(),
            medianMinutes: { type: 'number' },
          },
          ['medianMinutes'],
        ),
      }),
      'Its notification drills of the year, in the order they were held',
    ),
    trend: oneOf(['faster', 'slower', 'steady', 'not-enough-drills']),
  }),
  // The audit log (libs/audit tree-store.ts, audit-log.ts; apps/api audit-log.controller.ts)
  LogKey: object({
    origin: string("The log's name, first line of every checkpoint note"),
    algorithm: oneOf(['Ed25519']),
    verifierKey: string('The C2SP verifier key'),
    publicKeyPem: string(),
    witnesses: arrayOf(string(), 'The witnesses whose cosignatures the log accepts'),
  }),
  Checkpoint: object(
    {
      size: integer(0, 'Tree size'),
      root: { type: 'string', pattern: '^[0-9a-f]{64}$', description: 'Root hash, hex' },
      at: time('When it was cut (also signed in the note)'),
      note: string("The C2SP signed note, with the witnesses' cosignatures added since"),
      lastPosition: { ...position, description: "The position of its last leaf's event (absent for an empty tree)" },
    },
    ['lastPosition'],
  ),
  CheckpointPage: object({
    checkpoints: arrayOf(ref('Checkpoint')),
    next: nullable(integer(0, 'Pass as `after` for the next page; null on the last one')),
  }),
  ConsistencyProof: object({
    from: ref('Checkpoint'),
    to: ref('Checkpoint'),
    proof: arrayOf(hash, 'RFC 9162 consistency proof: hex SHA-256 hashes'),
  }),
  InclusionProof: object({
    position,
    leafIndex: integer(),
    treeSize: integer(1),
    proof: arrayOf(hash, 'Hex SHA-256 hashes, from the leaf up'),
    leafHash: hash,
    checkpoint: ref('Checkpoint'),
  }),
  DrillParticipant: object({
    username: string(),
    role: oneOf(['player', 'evaluator', 'controller']),
    side,
    agency: string(),
  }),
  Drill: object(
    {
      id: { type: 'string', format: 'uuid' },
      drillId: { type: 'string', format: 'uuid' },
      status: oneOf(['planned', 'running', 'paused', 'halted', 'ended']),
      plan: {
        oneOf: [
          object({
            kind: oneOf(['scenario']),
            ...drillPlanCommon,
            scenario: {
              type: 'object',
              properties: {
                id: string(),
                title: fullText,
                timeZone: string(),
                portId: string(),
                blmId: string(),
                injects: arrayOf({ type: 'object', additionalProperties: true }),
              },
              required: ['id', 'title', 'timeZone', 'portId', 'blmId', 'injects'],
              additionalProperties: true,
              description:
                'The whole scenario as it was planned (open: the record keeps the scenario file as it was, whose ' +
                'shape is the scenario schema of config/scenarios, not this document)',
            },
          }),
          object({
            kind: oneOf(['notification']),
            ...drillPlanCommon,
            blmIds: arrayOf(string(), 'Every member agency of these BLMs is sent the EXERCISE notification'),
          }),
        ],
        type: 'object',
        discriminator: { propertyName: 'kind' },
      },
      plannedBy: ref('DrillActor'),
      released: {
        type: 'object',
        additionalProperties: time(),
        description: 'Injects released: inject id → the drill time of its release',
      },
      halts: arrayOf(object({ by: ref('DrillActor'), reason: text, at: time(), drillTime: time() })),
      endedAt: time(),
      revision: integer(),
      drillTime: nullable(time('The drill time now; null before its clock starts')),
      rate: { type: 'number', description: 'The compression now (drill seconds per real second)' },
      countdownMs: integer(0, 'How long until the clock runs; 0 once it runs or stands'),
      participants: arrayOf(
        object({
          username: string(),
          role: oneOf(['player', 'evaluator', 'controller']),
          side,
          agency: string(),
          joinedAt: nullable(time()),
        }),
      ),
    },
    ['endedAt'],
  ),
  ScenarioSummary: object({
    id: string(),
    title: fullText,
    portId: string(),
    blmId: string(),
    hazard: object({ unNumber: string(), ergGuide: string() }),
    timeZone: string(),
    injects: integer(),
    objectives: integer(),
    durationMinutes: { type: 'number', minimum: 0, description: 'Scenario minutes from the first inject to the last' },
  }),
  // Reading the record as of a moment (libs/audit as-of.ts, changes.ts)
  EventLine: object({
    position,
    recordedAt: time(),
    streamId: string(),
    revision: integer(),
    type: string('The event type'),
    actor: string(),
    agency: string(),
    side: nullable(string("The actor's country; null for Enlace itself")),
    data: {
      type: 'object',
      additionalProperties: true,
      description: 'What happened, as the event type says (open: each of the event types has its own data)',
    },
  }),
  AsOf: object(
    {
      aggregate: oneOf(AS_OF_AGGREGATES),
      id: string(),
      moment: {
        oneOf: [object({ at: time() }), object({ position })],
        description: 'The moment read: an instant, or a position in the global log',
      },
      lastEvent: ref('EventLine'),
      state: {
        oneOf: [ref('IncidentDetail'), ref('Port'), ref('Notification')],
        description: "The read model's view then, by aggregate (absent when it did not exist yet)",
      },
      timeline: arrayOf(ref('ActivityEntry'), "An incident's activity log up to then"),
      around: object(
        { before: arrayOf(ref('EventLine')), after: arrayOf(ref('EventLine')) },
        [],
        'The events around the moment: the last few before it and the first few after it',
      ),
    },
    ['lastEvent', 'state', 'timeline'],
  ),
  Diff: object({
    aggregate: oneOf(AS_OF_AGGREGATES),
    id: string(),
    from: ref('AsOf'),
    to: ref('AsOf'),
    changes: arrayOf(
      object(
        {
          path: string('A JSON path'),
          before: { description: 'Any JSON value, absent when the value appeared' },
          after: { description: 'Any JSON value, absent when the value disappeared' },
        },
        ['before', 'after'],
      ),
      'What changed, in a stable order',
    ),
    events: arrayOf(ref('EventLine'), 'The events that changed it, in order'),
  }),
  BoardAsOf: object({
    at: time(),
    incidents: arrayOf(ref('IncidentBoardEntry')),
    ports: arrayOf(ref('Port')),
  }),
  Verification: object({
    ok: boolean('Both the log and every hash chain hold'),
    checkedAt: time(),
    log: object(
      {
        ok: boolean(),
        world: {
          oneOf: [object({ kind: oneOf(['live']) }), object({ kind: oneOf(['drill']), drillId: string() })],
          description: 'The world checked: the live one, or a drill',
        },
        eventsChecked: integer(),
        checkpointsChecked: integer(),
        sealedLeaves: integer(0, "Leaves sealed (tiles) and the last signed checkpoint's size"),
        lastCheckpoint: object({ size: integer(), root: hash, at: time(), signers: arrayOf(string()) }),
        problem: object(
          {
            kind: oneOf([
              'data-changed',
              'event-missing',
              'event-inserted',
              'order-changed',
              'checkpoint-forged',
              'checkpoint-mismatch',
            ]),
            position,
            leafIndex: integer(),
            streamId: string(),
            revision: integer(),
            checkpointSize: integer(),
            message: fullText,
          },
          ['position', 'leafIndex', 'streamId', 'revision', 'checkpointSize'],
          'The first problem found (verification stops there)',
        ),
      },
      ['lastCheckpoint', 'problem'],
    ),
    chains: object({
      ok: boolean(),
      streamsChecked: integer(),
      eventsChecked: integer(),
      breaks: arrayOf(
        object({ streamId: string(), revision: integer(), reason: oneOf(['hash-mismatch', 'revision-gap']) }),
      ),
    }),
  }),
};

const blm = COMPONENTS.Blm as SchemaObject;
COMPONENTS.BlmWithPorts = {
  ...blm,
  properties: { ...blm.properties, portIds: arrayOf(string(), 'The ports it covers') },
  required: [...(blm.required ?? []), 'portIds'],
};

export const ANSWER_SCHEMAS: Readonly<Record<string, SchemaObject>> = COMPONENTS;

const incident = COMPONENTS.Incident as SchemaObject;
COMPONENTS.IncidentDetail = {
  ...incident,
  properties: { ...incident.properties, lastEventType: string('The type of the last event folded') },
  required: [...(incident.required ?? []), 'lastEventType'],
};

/** The body of each read answer, by `METHOD path` as the document names the route. */
export const ANSWER_BODIES: Record<string, Schema> = {
  'get /api/incidents': arrayOf(ref('IncidentBoardEntry')),
  'get /api/incidents/{id}': ref('Incident'),
  'get /api/incidents/archive': arrayOf(ref('ArchivedIncident')),
  'get /api/ports/{id}/shutdowns': arrayOf(ref('PastShutdown')),
  'get /api/incidents/{id}/timeline': arrayOf(ref('ActivityEntry')),
  'get /api/notifications': arrayOf(ref('Notification')),
  'get /api/notifications/{id}': ref('Notification'),
  'get /api/ports': arrayOf(ref('Port')),
  'get /api/ports/{id}': ref('Port'),
  'get /api/ports/checklists': arrayOf(ref('ChecklistProgress')),
  'get /api/ports/{id}/checklist': ref('PortChecklist'),
  'get /api/blms': arrayOf(ref('Blm')),
  'get /api/blms/{id}': ref('BlmWithPorts'),
  'get /api/materials/{unNumber}': ref('HazardousMaterial'),
  'get /api/checklist-templates': arrayOf(ref('ChecklistTemplate')),
  'get /api/sister-city-plans/{id}': ref('SisterCityPlan'),
  'get /api/auth/activity': ref('AuthActivityPage'),
  'get /api/audit/log/key': ref('LogKey'),
  'get /api/audit/log/checkpoint': ref('Checkpoint'),
  'get /api/audit/log/checkpoints': ref('CheckpointPage'),
  'get /api/audit/log/checkpoints/{size}': ref('Checkpoint'),
  'post /api/audit/log/checkpoints/{size}/cosignatures': ref('Checkpoint'),
  'get /api/audit/log/proofs/consistency': ref('ConsistencyProof'),
  'get /api/audit/log/proofs/inclusion': ref('InclusionProof'),
  'get /api/audit/as-of/board': ref('BoardAsOf'),
  'get /api/audit/as-of/{aggregate}/{id}': ref('AsOf'),
  'get /api/audit/diff/{aggregate}/{id}': ref('Diff'),
  'get /api/audit/log/verification': ref('Verification'),
  'get /api/admin/accounts': arrayOf(ref('Account')),
  'get /api/admin/queues': ref('Queues'),
  'get /api/drills': arrayOf(ref('DrillSummary')),
  'get /api/drills/{id}': ref('Drill'),
  'get /api/scenarios': arrayOf(ref('ScenarioSummary')),
  'get /api/drills/notification-summary': arrayOf(ref('BlmYear')),
};

/** Reads that also answer plain text when asked (`?format=note`: the bare C2SP note). */
export const ALSO_PLAIN_TEXT: readonly string[] = ['get /api/audit/log/checkpoint'];
