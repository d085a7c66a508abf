import { ManualClock } from '@enlace/clock/testing';
import { incidentAlert, notificationAlert } from '@enlace/cap';
import { decodeOrThrow } from '@enlace/consumers';
import { channelsOf, deliveriesNeeded, parseDeliveryConfig } from '@enlace/notifications';
import { testDeliveryConfig } from '@enlace/notifications/testing';
import {
  type Actor,
  describeWorld,
  drillWorld,
  evolveNotification,
  initialNotificationState,
  notificationDecider,
  incidentDecider,
  incidentStreamId,
  LIVE,
  streamInWorld,
  type World,
  worldOfStream,
} from '@enlace/domain';
import {
  collect,
  openPostgresEventStore,
  type Position,
  type PostgresEventStore,
  type RecordedEvent,
} from '@enlace/event-store';
import { dropSchema, testDatabaseUrl, uniqueSchemaName } from '@enlace/event-store/testing';
import { LIVE_STREAM_PREFIXES, ReadModels } from '@enlace/projections';
import { loadReferenceCatalog } from '@enlace/reference-data';
import fc from 'fast-check';
import { randomUUID } from 'node:crypto';
import { CommandPipeline } from './command-pipeline.js';
import { startDrillClock } from './testing/drill-clock.js';
import {
  ActOnIncident,
  ActOnIncidentHandler,
  ActOnPort,
  ActOnPortHandler,
  IssueNotification,
  IssueNotificationHandler,
  ReportIncident,
  ReportIncidentHandler,
  type RequestContext,
} from './use-cases.js';

/**
 * Mode is identity, tested as a property on real PostgreSQL: random sequences of commands, each in the live world or
 * in one of two drills, go through the use cases into one store ("mixed"); the same sequences without the drill
 * commands go into another ("live only"). Then the live events of both are the same, in the same order; nothing a
 * drill did is in a live stream, in what the live read models and the delivery reconciler follow, or recorded as
 * `actual`; and every drill event is recorded as `exercise` with its drill.
 */
const reference = loadReferenceCatalog('config');
/** Sequences tried; `WORLDS_PROPERTY_RUNS=10000` for the long run (about 3 minutes), reported in decision 0014. */
const RUNS = Number(process.env.WORLDS_PROPERTY_RUNS ?? 1_000);
const officers: Actor[] = [
  { id: 'officer.us', agency: 'CBP', country: 'US', role: 'officer' },
  { id: 'officer.mx', agency: 'ANAM', country: 'MX', role: 'officer' },
];
const DRILLS = [drillWorld('0d7a2c1e-5b3f-4e8a-9c6d-7f1e2a3b4c5d'), drillWorld('9e8d7c6b-5a4f-4e3d-8c2b-1a0f9e8d7c6b')];
const PORTS = ['otay-mesa', 'san-ysidro'];

/** One step of a sequence: who, in which world, doing what (incidents are named by the step that reported them). */
type Step =
  | { kind: 'report'; world: number; officer: number }
  | { kind: 'sitrep'; world: number; officer: number; incident: number }
  | { kind: 'shutdown'; world: number; officer: number; port: number; incident: number | undefined }
  | { kind: 'notify'; world: number; officer: number; incident: number };

const stepArbitrary: fc.Arbitrary<Step> = fc.oneof(
  fc.record({ kind: fc.constant('report' as const), world: fc.nat(2), officer: fc.nat(1) }),
  fc.record({ kind: fc.constant('sitrep' as const), world: fc.nat(2), officer: fc.nat(1), incident: fc.nat(20) }),
  fc.record({
    kind: fc.constant('shutdown' as const),
    world: fc.nat(2),
    officer: fc.nat(1),
    port: fc.nat(1),
    incident: fc.option(fc.nat(20), { nil: undefined }),
  }),
  fc.record({ kind: fc.constant('notify' as const), world: fc.nat(2), officer: fc.nat(1), incident: fc.nat(20) }),
);

const worldOf = (index: number): World => (index === 0 ? LIVE : DRILLS[index - 1]!);

interface Store {
  store: PostgresEventStore;
  pipeline: CommandPipeline;
}

/**
 * Runs `steps` (those of `run`, keyed so that ids match between the two stores) and returns what each answered, once
 * the store's global read includes the last write (it reads below the transaction horizon, which another database's
 * transactions on the same server may hold back for a moment).
 */
async function play({ pipeline, store }: Store, run: string, steps: readonly (Step | undefined)[]): Promise<string[]> {
  let last: Position | undefined;
  const written = (position: Position | undefined) => {
    if (position !== undefined && (last === undefined || position > last)) last = position;
  };
  const reportHandler = new ReportIncidentHandler(pipeline);
  const incidentHandler = new ActOnIncidentHandler(pipeline);
  const portHandler = new ActOnPortHandler(pipeline, reference);
  const notifyHandler = new IssueNotificationHandler(pipeline);
  const reported: { world: number; id: string }[] = [];
  const answers: string[] = [];
  for (const [index, step] of steps.entries()) {
    if (!step) continue;
    const request: RequestContext = {
      actor: officers[step.officer]!,
      correlationId: randomUUID(),
      idempotencyKey: `${run}-${index}`,
      world: worldOf(step.world),
    };
    // An incident of the step's own world, if any was reported there (ids never cross worlds in a real request).
    const ofWorld = reported.filter((incident) => incident.world === step.world);
    const incident = (n: number | undefined) =>
      n === undefined || ofWorld.length === 0 ? undefined : ofWorld[n % ofWorld.length]!.id;
    try {
      if (step.kind === 'report') {
        const { id, outcome } = await reportHandler.execute(
          new ReportIncident(
            {
              kind: 'hazmat-release',
              title: { en: `Release ${index}` },
              severity: 'severe',
              location: { lat: 32.55, lon: -116.94, description: { en: 'Commercial lot' } },
            },
            request,
          ),
        );
        reported.push({ world: step.world, id });
        written(outcome.position);
      } else if (step.kind === 'sitrep') {
        const id = incident(step.incident);
        if (!id) continue;
        const { outcome } = await incidentHandler.execute(
          new ActOnIncident(id, { type: 'FileSituationReport', data: { summary: { en: `Report ${index}` } } }, request),
        );
        written(outcome.position);
      } else if (step.kind === 'shutdown') {
        const portId = PORTS[step.port]!;
        const incidentId = incident(step.incident);
        const { outcome } = await portHandler.execute(
          new ActOnPort(
            portId,
            {
              type: 'DeclarePortShutdown',
              data: {
                portId,
                kind: 'hazmat-release',
                reason: { en: `Plume ${index}` },
                ...(incidentId ? { incidentId } : {}),
              },
            },
            request,
          ),
        );
        written(outcome.position);
      } else {
        const id = incident(step.incident);
        if (!id) continue;
        const { outcome } = await notifyHandler.execute(
          new IssueNotification(
            {
              blmId: 'blm-sandiego-tijuana',
              subject: { incidentId: id, portId: 'otay-mesa' },
              title: { en: `Lanes closed ${index}` },
              body: { en: 'Chlorine release.' },
              severity: 'severe',
              acknowledgmentDeadline: '2026-03-01T11:00:00.000Z',
            },
            request,
          ),
        );
        written(outcome.position);
      }
      answers.push(`${index} ok`);
    } catch (error) {
      answers.push(`${index} ${(error as { code?: string }).code ?? String(error)}`);
    }
  }
  for (let tries = 0; last !== undefined && tries < 2_500; tries += 1) {
    const head = await store.headPosition();
    if (head !== undefined && head >= last) break;
    await new Promise((resolve) => setTimeout(resolve, 2));
  }
  return answers;
}

/** What is compared between the two stores: everything an event says but when it was stored and its correlation. */
function comparable(event: RecordedEvent) {
  const { recordedAt: _recordedAt, correlationId: _correlationId, ...metadata } = event.metadata;
  return {
    streamId: event.streamId,
    revision: event.revision,
    id: event.id,
    type: event.type,
    data: event.data,
    metadata,
  };
}

/**
 * What the live consoles and queries show of the aggregates a run touched (`ids`) and of the ports, without what
 * differs between two stores (positions, store times).
 */
function shown(models: ReadModels, ids: ReadonlySet<string>): unknown {
  const now = new Date('2026-03-01T10:30:00.000Z');
  const view = [...ids].sort().map((id) => ({
    incident: models.incidents.detail(id),
    timeline: models.timelines.timeline(id),
    port: models.ports.port(id),
    notification: models.notifications.status(id, now),
  }));
  return JSON.parse(JSON.stringify(view), (key, value: unknown) =>
    key === 'position' || (typeof value === 'string' && ISO_INSTANT.test(value)) ? undefined : value,
  );
}
const ISO_INSTANT = /^\d{4}-\d\d-\d\dT\d\d:\d\d/;
const CAP = { sender: 'enlace@border.example' };
/** The test delivery config: ANAM's webhook is the one endpoint marked for exercises. */
const DELIVERY = parseDeliveryConfig(testDeliveryConfig({ webhookBase: 'http://127.0.0.1:9/hooks', smtpPort: 2525 }));
/** Each drill's own read models. */
const drillModels = new Map(
  DRILLS.map((drill) => [(drill as { drillId: string }).drillId, new ReadModels(reference, { world: drill })]),
);

const schemas = [uniqueSchemaName('worlds_mixed'), uniqueSchemaName('worlds_live')];
let mixed: Store & { models: ReadModels };
let liveOnly: Store & { models: ReadModels };

beforeAll(async () => {
  const open = async (schema: string) => {
    const store = await openPostgresEventStore({ connectionString: testDatabaseUrl(), schema, poolSize: 2 });
    const clock = new ManualClock('2026-03-01T10:00:00.000Z');
    return { store, pipeline: new CommandPipeline(store, reference, clock), models: new ReadModels(reference) };
  };
  [mixed, liveOnly] = await Promise.all([open(schemas[0]!), open(schemas[1]!)]);
  // A drill takes commands once its clock runs (on the same manual clock: at 1× its time is the live time).
  for (const drill of DRILLS) {
    const { drillId } = drill as { drillId: string };
    await startDrillClock(mixed.pipeline, drillId, { drillTime: '2026-03-01T10:00:00.000Z' });
  }
});

afterAll(async () => {
  await Promise.all([mixed?.store.close(), liveOnly?.store.close()]);
  await Promise.all(schemas.map((schema) => dropSchema(schema)));
});

describe('worlds', () => {
  it("the pipeline refuses a drill's command on a live stream, and a live command on a drill's stream", async () => {
    const { pipeline, store } = mixed;
    const command = { type: 'FileSituationReport' as const, data: { summary: { en: 'Misrouted' } } };
    const request = { actor: officers[0]!, correlationId: randomUUID(), command };
    await expect(
      pipeline.execute(incidentDecider, { ...request, streamId: incidentStreamId(randomUUID()), world: DRILLS[0]! }),
    ).rejects.toThrow(/A command of the drill .* world may not write incident-/);
    const drillStream = streamInWorld(DRILLS[0]!, incidentStreamId(randomUUID()));
    await expect(pipeline.execute(incidentDecider, { ...request, streamId: drillStream })).rejects.toThrow(
      /A command of the live world may not write exercise-/,
    );
    expect(await collect(store.readStream(drillStream))).toEqual([]);
  });

  it('drill commands never reach the live world, and the live world is as if they had not happened', async () => {
    let runs = 0;
    await fc.assert(
      fc.asyncProperty(fc.array(stepArbitrary, { minLength: 1, maxLength: 25 }), async (steps) => {
        const run = `run${(runs += 1)}`;
        const [mixedFrom, liveFrom] = await Promise.all([mixed.store.headPosition(), liveOnly.store.headPosition()]);
        const since = (from: Position | undefined) => (from === undefined ? {} : { fromPosition: from });
        const mixedAnswers = await play(mixed, run, steps);
        // The live-only store plays the live steps at the same indexes, so the Idempotency-Keys (and ids) match.
        const liveAnswers = await play(
          liveOnly,
          run,
          steps.map((step) => (step.world === 0 ? step : undefined)),
        );
        const liveIndexes = new Set(steps.flatMap((step, index) => (step.world === 0 ? [String(index)] : [])));
        const answered = (answers: string[]) => answers.filter((answer) => liveIndexes.has(answer.split(' ')[0]!));
        expect(answered(mixedAnswers)).toEqual(answered(liveAnswers));

        const [mixedEvents, liveEvents] = await Promise.all([
          collect(mixed.store.readAll(since(mixedFrom))),
          collect(liveOnly.store.readAll(since(liveFrom))),
        ]);
        const liveOf = (events: RecordedEvent[]) =>
          events.filter((event) => worldOfStream(event.streamId).world.kind === 'live').map(comparable);
        expect(liveOf(mixedEvents)).toEqual(liveOf(liveEvents));

        for (const event of mixedEvents) {
          const { world } = worldOfStream(event.streamId);
          if (world.kind === 'live') {
            expect(event.metadata.mode).toBe('actual');
          } else {
            expect(event.metadata).toMatchObject({ mode: 'exercise', drillId: world.drillId });
          }
        }
        // What the live read models and the delivery reconciler follow holds no drill event.
        const followed = await collect(
          mixed.store.readAll({
            ...since(mixedFrom),
            filter: { streamPrefixes: LIVE_STREAM_PREFIXES },
          }),
        );
        expect(followed.filter((event) => event.metadata.mode !== 'actual')).toEqual([]);
        const reconciled = await collect(
          mixed.store.readAll({
            ...since(mixedFrom),
            filter: { streamPrefixes: ['notification-'] },
          }),
        );
        expect(reconciled.every((event) => worldOfStream(event.streamId).world.kind === 'live')).toBe(true);

        // The live read models of both stores applied the same events to the same rooms and show the same: what
        // the live consoles and queries see is as if no drill had run. Each drill's models hold its own alone.
        const rooms = (models: ReadModels, events: RecordedEvent[]) =>
          events
            .filter((event) => worldOfStream(event.streamId).world.kind === 'live')
            .map((event) => {
              const decoded = decodeOrThrow(event);
              return `${decoded.type} → ${models.apply(decoded, undefined, true).sort().join(' ')}`;
            });
        expect(rooms(mixed.models, mixedEvents)).toEqual(rooms(liveOnly.models, liveEvents));
        const touched = new Set(liveEvents.map((event) => decodeOrThrow(event).aggregateId));
        expect(touched.size).toBeLessThanOrEqual(steps.length + PORTS.length);
        expect(shown(mixed.models, touched)).toEqual(shown(liveOnly.models, touched));
        for (const event of mixedEvents) {
          const { world } = worldOfStream(event.streamId);
          if (world.kind !== 'drill') continue;
          const decoded = decodeOrThrow(event);
          drillModels.get(world.drillId)!.apply(decoded);
          if (decoded.aggregate !== 'incident') continue;
          // The drill's incident is in its drill's models, and in no other world's.
          const holders = [
            ...(mixed.models.incidents.detail(decoded.aggregateId) ? ['live'] : []),
            ...[...drillModels].flatMap(([drillId, models]) =>
              models.incidents.detail(decoded.aggregateId) ? [describeWorld(drillWorld(drillId))] : [],
            ),
          ];
          expect({ incident: decoded.aggregateId, holders }).toEqual({
            incident: decoded.aggregateId,
            holders: [describeWorld(world)],
          });
        }

        // Every CAP document of a drill is an Exercise, marked with the drill; every live one is Actual. A drill's
        // notification calls for no delivery but to endpoints marked for exercises, in jobs naming the drill.
        for (const streamId of new Set(mixedEvents.map((event) => event.streamId))) {
          const { world, streamId: inWorld } = worldOfStream(streamId);
          const history = await collect(mixed.store.readStream(streamId));
          const xml = inWorld.startsWith('incident-')
            ? incidentAlert(history, CAP)
            : inWorld.startsWith('notification-')
              ? notificationAlert(history, CAP)
              : undefined;
          if (xml === undefined) continue;
          const status = /<status>(\w+)<\/status>/.exec(xml)?.[1];
          if (world.kind === 'live') {
            expect({ streamId, status, marked: xml.includes('EXERCISE') }).toEqual({
              streamId,
              status: 'Actual',
              marked: false,
            });
          } else {
            expect({ streamId, status, noted: xml.includes(`Exercise ${world.drillId}.`) }).toEqual({
              streamId,
              status: 'Exercise',
              noted: true,
            });
          }
          if (inWorld.startsWith('notification-')) {
            const { codec } = notificationDecider;
            const state = history.reduce(
              (folded, recorded) =>
                evolveNotification(
                  folded,
                  codec.decode(recorded.type, recorded.data, recorded.metadata.schemaVersion),
                  recorded.metadata.recordedAt,
                ),
              initialNotificationState(),
            );
            for (const job of deliveriesNeeded(state, DELIVERY, world)) {
              const channels = channelsOf(DELIVERY, job.agency, job.side, LIVE);
              if (world.kind === 'drill') {
                expect({ drillId: job.drillId, exercise: channels?.[job.channel]?.exercise }).toEqual({
                  drillId: world.drillId,
                  exercise: true,
                });
              } else {
                expect(job.drillId).toBeUndefined();
              }
            }
          }
        }
      }),
      { numRuns: RUNS },
    );
  }, 300_000);
});
