import { ManualClock } from '@enlace/clock/testing';
import {
  DRILL_CLOCK_COUNTDOWN_MS,
  type Actor,
  DomainError,
  drillStreamId,
  drillWorld,
  incidentStreamId,
  portStreamId,
  streamInWorld,
} from '@enlace/domain';
import { collect, openPostgresEventStore, type PostgresEventStore } from '@enlace/event-store';
import { dropSchema, testDatabaseUrl, uniqueSchemaName } from '@enlace/event-store/testing';
import { planDrill } from './testing/drill-clock.js';
import { loadReferenceCatalog } from '@enlace/reference-data';
import { randomUUID } from 'node:crypto';
import { CommandPipeline } from './command-pipeline.js';
import {
  ActOnDrill,
  ActOnDrillHandler,
  ActOnPort,
  ActOnPortHandler,
  ReportIncident,
  ReportIncidentHandler,
  type RequestContext,
} from './use-cases.js';

/**
 * The use cases' own rules, on real PostgreSQL and without HTTP: what crosses streams (the port exists, the incident
 * a shutdown names exists) and the ids they make. Every route of the api dispatches them (its int-specs cover that).
 */
const schema = uniqueSchemaName('use_cases');
const reference = loadReferenceCatalog('config');
const officer: Actor = { id: 'officer.us', agency: 'CBP', country: 'US', role: 'officer' };
let store: PostgresEventStore;
let pipeline: CommandPipeline;

const request = (extra: Partial<RequestContext> = {}): RequestContext => ({
  actor: officer,
  correlationId: randomUUID(),
  ...extra,
});

const report = () =>
  new ReportIncident(
    {
      kind: 'fire',
      title: { en: 'Plant fire near the commercial crossing' },
      severity: 'severe',
      location: { lat: 32.55, lon: -116.94, description: { en: 'Otay Mesa industrial park' } },
    },
    request({ idempotencyKey: 'report-1' }),
  );

beforeAll(async () => {
  store = await openPostgresEventStore({ connectionString: testDatabaseUrl(), schema, poolSize: 2 });
  pipeline = new CommandPipeline(store, reference, new ManualClock('2026-03-01T10:00:00.000Z'));
});

afterAll(async () => {
  await store?.close();
  await dropSchema(schema);
});

describe('ReportIncident', () => {
  it('makes the incident id, the same one again for a retry with the same Idempotency-Key', async () => {
    const handler = new ReportIncidentHandler(pipeline);
    const first = await handler.execute(report());
    const retry = await handler.execute(report());
    expect(retry.id).toBe(first.id);
    expect(retry.outcome.replayed).toBe(true);
    expect(await collect(store.readStream(incidentStreamId(first.id)))).toHaveLength(1);
  });
});

describe('ActOnPort', () => {
  const declare = (portId: string, incidentId?: string) =>
    new ActOnPort(
      portId,
      {
        type: 'DeclarePortShutdown',
        data: {
          portId,
          kind: 'fire',
          reason: { en: 'Smoke over the crossing' },
          ...(incidentId ? { incidentId } : {}),
        },
      },
      request(),
    );

  it('refuses a port that is not in the reference data, as not found, and appends nothing', async () => {
    const refusal = await new ActOnPortHandler(pipeline, reference)
      .execute(declare('no-such-port'))
      .catch((error: unknown) => error);
    expect(refusal).toBeInstanceOf(DomainError);
    expect(refusal).toMatchObject({ code: 'PORT.NOT_FOUND', kind: 'not-found' });
    expect(await collect(store.readStream(portStreamId('no-such-port')))).toEqual([]);
  });

  it('refuses a shutdown naming an incident that does not exist, and appends nothing', async () => {
    const refusal = await new ActOnPortHandler(pipeline, reference)
      .execute(declare('otay-mesa', randomUUID()))
      .catch((error: unknown) => error);
    expect(refusal).toMatchObject({ code: 'PORT.UNKNOWN_INCIDENT', kind: 'rule' });
    expect(await collect(store.readStream(portStreamId('otay-mesa')))).toEqual([]);
  });
});

describe("a drill's time", () => {
  const planner: Actor = { id: 'planner', agency: 'EPA', country: 'US', role: 'planner' };

  it("decides a drill's commands on the drill's clock: compressed, paused, and refused before it starts", async () => {
    const clock = new ManualClock('2026-03-01T10:00:00.000Z');
    const drillPipeline = new CommandPipeline(store, reference, clock);
    const drillId = randomUUID();
    const world = drillWorld(drillId);
    const clocks = new ActOnDrillHandler(drillPipeline);
    const reports = new ReportIncidentHandler(drillPipeline);
    const inDrill = (key: string) =>
      new ReportIncident(
        {
          kind: 'hazmat-release',
          title: { en: 'Chlorine tank car leaking on the rail bridge' },
          severity: 'extreme',
          location: { lat: 27.5, lon: -99.5, description: { en: 'Laredo rail bridge' } },
        },
        request({ idempotencyKey: key, world }),
      );
    const observedAt = async (written: { id: string }) => {
      const [reported] = await collect(store.readStream(streamInWorld(world, incidentStreamId(written.id))));
      return (reported!.data as { observedAt: string }).observedAt;
    };

    await planDrill(drillPipeline, drillId, '2026-04-14T06:00:00.000Z', 60);
    const refused = await reports.execute(inDrill('before-start')).catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(DomainError);
    expect(refused).toMatchObject({ code: 'DRILL.CLOCK_NOT_STARTED', kind: 'conflict' });

    const clockRequest = { actor: planner, correlationId: randomUUID() };
    await clocks.execute(
      new ActOnDrill(
        drillId,
        { type: 'StartDrillClock', data: { drillId, drillTime: '2026-04-14T06:00:00.000Z', rate: 60 } },
        clockRequest,
      ),
    );
    // The clock runs from a countdown after the start: until then the drill stands at its time zero.
    expect(await observedAt(await reports.execute(inDrill('during-the-countdown')))).toBe('2026-04-14T06:00:00.000Z');
    clock.advance(DRILL_CLOCK_COUNTDOWN_MS + 60_000);
    expect(await observedAt(await reports.execute(inDrill('one-real-minute-in')))).toBe('2026-04-14T07:00:00.000Z');

    await clocks.execute(new ActOnDrill(drillId, { type: 'PauseDrillClock', data: { drillId } }, clockRequest));
    clock.advance(10 * 60_000);
    expect(await observedAt(await reports.execute(inDrill('while-paused')))).toBe('2026-04-14T07:00:00.000Z');

    // The live world keeps the machine's time meanwhile.
    const live = await new ReportIncidentHandler(drillPipeline).execute(
      new ReportIncident(
        {
          kind: 'fire',
          title: { en: 'Brush fire' },
          severity: 'minor',
          location: { lat: 32.55, lon: -116.94, description: { en: 'Otay Mesa' } },
        },
        request({ idempotencyKey: 'live-meanwhile' }),
      ),
    );
    const [liveReported] = await collect(store.readStream(incidentStreamId(live.id)));
    expect((liveReported!.data as { observedAt: string }).observedAt).toBe('2026-03-01T10:11:02.000Z');

    // Every change of the drill's clock is an event of the drill's own stream, in the drill's world.
    const changes = await collect(store.readStream(streamInWorld(world, drillStreamId(drillId))));
    expect(changes.map((event) => [event.type, event.metadata.mode])).toEqual([
      ['DrillPlanned', 'exercise'],
      ['DrillClockStarted', 'exercise'],
      ['DrillClockPaused', 'exercise'],
    ]);
  });
});
