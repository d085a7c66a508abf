import { Module, type INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { CommandBus } from '@nestjs/cqrs';
import { ActOnDrill, ActOnIncident, platformImports } from '@enlace/application';
import {
  type Actor,
  type DrillCommand,
  type DrillParticipant,
  drillStreamId,
  drillWorld,
  type ReferenceCatalog,
  streamInWorld,
  worldStreamPrefix,
} from '@enlace/domain';
import { collect, EVENT_STORE, type EventStore, type RecordedEvent } from '@enlace/event-store';
import { dropSchema, testDatabaseUrl, uniqueSchemaName } from '@enlace/event-store/testing';
import { DrillDirectory } from '@enlace/projections';
import { REFERENCE_CATALOG } from '@enlace/reference-data';
import { type Inject, loadScenarios, type Scenario, scenarioDrillPlan } from '@enlace/scenarios';
import { DeliveryReceivers, eventually } from '@enlace/notifications/testing';
import { randomUUID } from 'node:crypto';
import { DeliveryWorker } from '../delivery-worker.js';
import { NotificationsModule } from '../notifications.module.js';

/**
 * Drills' injects on real PostgreSQL, a redis-server of this file's own and BullMQ: the worker finds each drill in
 * play from the directory of drills, releases its injects on the drill's clock and plays them in the drill's world.
 */
@Module({ imports: [...platformImports(), NotificationsModule.forRoot({ runWorker: () => true })] })
class TestWorkerModule {}

const PLANNER: Actor = { id: 'planner', agency: 'EPA', country: 'US', role: 'planner' };
const TWO_OFFICERS: DrillParticipant[] = [
  { username: 'officer.us', role: 'player', side: 'US', agency: 'CBP' },
  { username: 'officer.mx', role: 'player', side: 'MX', agency: 'ANAM' },
];
const US_PLAYER: Actor = { id: 'officer.us', agency: 'CBP', country: 'US', role: 'officer' };

let receivers: DeliveryReceivers;
let app: INestApplicationContext;
let directory: DrillDirectory;
let store: EventStore;
let laredo: Scenario;
const schema = uniqueSchemaName('drillrun');

async function startWorker(): Promise<INestApplicationContext> {
  const context = await NestFactory.createApplicationContext(TestWorkerModule, { logger: ['error', 'warn'] });
  await context.init();
  return context;
}

beforeAll(async () => {
  receivers = await DeliveryReceivers.start();
  Object.assign(process.env, {
    ...receivers.env,
    DATABASE_URL: testDatabaseUrl(),
    DATABASE_SCHEMA: schema,
    CONFIG_DIR: './config',
    LOG_LEVEL: 'error',
    CONSUMER_LEASE_SECONDS: '3',
  });
  app = await startWorker();
  store = app.get(EVENT_STORE);
  // The api keeps the directory of drills; here the test does, beside the worker.
  directory = new DrillDirectory(store);
  directory.onApplicationBootstrap();
  laredo = loadScenarios('./config/scenarios', app.get<ReferenceCatalog>(REFERENCE_CATALOG)).find(
    (scenario) => scenario.id === 'laredo-chlorine-rail-bridge',
  )!;
}, 60_000);

afterAll(async () => {
  await directory?.onApplicationShutdown();
  await app?.close();
  await receivers?.stop();
  await dropSchema(schema);
});

/** Laredo's injects `ids`, at new offsets (minutes) and expected-action windows, so that a test lasts seconds. */
function compact(
  changes: Record<
    string,
    Partial<Pick<Inject, 'offsetMinutes' | 'contingencyFor' | 'id'>> & { within?: number; copyOf?: string }
  >,
): Scenario {
  const injects = Object.entries(changes).map(([id, change]) => {
    const original = laredo.injects.find((inject) => inject.id === (change.copyOf ?? id))!;
    const { within, copyOf: _copy, ...rest } = change;
    return {
      ...original,
      ...rest,
      id,
      ...(original.expectedAction && within !== undefined
        ? { expectedAction: { ...original.expectedAction, withinMinutes: within } }
        : {}),
    };
  });
  return { ...laredo, injects };
}

async function onDrill(drillId: string, command: DrillCommand, actor: Actor = PLANNER): Promise<void> {
  await app.get(CommandBus).execute(new ActOnDrill(drillId, command, { actor, correlationId: randomUUID() }));
}

async function planAndStart(scenario: Scenario, rate: number): Promise<{ drillId: string; startsAt: string }> {
  const drillId = randomUUID();
  const startsAt = '2026-04-14T14:40:00.000Z';
  const plan = scenarioDrillPlan(scenario, { startsAt, rate, participants: TWO_OFFICERS });
  await onDrill(drillId, { type: 'PlanDrill', data: { drillId, plan } });
  // The worker takes the drill up from the directory before its clock starts, as it would for a planner.
  await eventually(() => app.get(DeliveryWorker).runnerOf(drillId)?.isOwner, 15_000, 'the drill runner');
  await onDrill(drillId, { type: 'StartDrillClock', data: { drillId, drillTime: startsAt, rate } });
  return { drillId, startsAt };
}

const drillEvents = (drillId: string): Promise<RecordedEvent[]> =>
  collect(store.readStream(streamInWorld(drillWorld(drillId), drillStreamId(drillId))));

const releases = async (drillId: string) =>
  (await drillEvents(drillId))
    .filter((event) => event.type === 'DrillInjectReleased')
    .map((event) => event.data as { injectId: string; drillTime: string; dueDrillTime: string });

const worldEvents = (drillId: string): Promise<RecordedEvent[]> =>
  collect(store.readAll({ filter: { streamPrefixes: [`${worldStreamPrefix(drillWorld(drillId))}incident-`] } }));

async function released(drillId: string, injectIds: string[], timeoutMs: number) {
  return eventually(
    async () => {
      const all = await releases(drillId);
      return injectIds.every((id) => all.some((release) => release.injectId === id)) && all;
    },
    timeoutMs,
    `injects ${injectIds.join(', ')} released`,
  );
}

describe('the drill runner', () => {
  it('releases injects on drill time, plays their commands as the simulated agencies, and a missed action brings its contingency', async () => {
    const scenario = compact({
      'LRD-01': { offsetMinutes: 0 },
      'LRD-03': { offsetMinutes: 1 },
      'LRD-08': { offsetMinutes: 2, within: 2 },
      'LRD-08C': { offsetMinutes: 2, contingencyFor: 'LRD-08' },
    });
    const { drillId } = await planAndStart(scenario, 60);
    const all = await released(drillId, ['LRD-01', 'LRD-03', 'LRD-08', 'LRD-08C'], 20_000);

    expect(all.map((release) => release.injectId)).toEqual(['LRD-01', 'LRD-03', 'LRD-08', 'LRD-08C']);
    for (const release of all) {
      const lateMs = Date.parse(release.drillTime) - Date.parse(release.dueDrillTime);
      // Never early beyond the decider's tolerance; late by the job's pick-up and one command, times the rate.
      expect(lateMs).toBeGreaterThanOrEqual(-1_000);
      expect(lateMs).toBeLessThan(60_000);
    }
    // The contingency came when LRD-08's window (2 min of drill time) closed with no Mexican shutdown recorded.
    const [i08, i08c] = [all[2]!, all[3]!];
    expect(Date.parse(i08c.dueDrillTime)).toBe(Date.parse(i08.drillTime) + 2 * 60_000);

    const events = await eventually(async () => {
      const found = await worldEvents(drillId);
      return found.some((event) => event.type === 'ProtectiveActionOrdered') && found;
    }, 10_000);
    const reported = events.filter((event) => event.type === 'IncidentReported');
    expect(reported).toHaveLength(1);
    expect(reported[0]!.metadata).toMatchObject({
      actor: 'exercise-control/RAILROAD-US',
      country: 'US',
      mode: 'exercise',
    });
    expect(events.filter((event) => event.type === 'ProtectiveActionOrdered')).toHaveLength(1);
    // The incident was observed at the drill time its inject was released.
    expect((reported[0]!.data as { observedAt: string }).observedAt).toBe(all[0]!.drillTime);
  }, 60_000);

  it('withholds a contingency when the players take the expected action in time', async () => {
    const scenario = compact({
      'LRD-01': { offsetMinutes: 0, within: 3 },
      'LRD-01C': { offsetMinutes: 0, contingencyFor: 'LRD-01', copyOf: 'LRD-08C' },
      'LRD-03': { offsetMinutes: 5 },
    });
    const { drillId } = await planAndStart(scenario, 60);
    await released(drillId, ['LRD-01'], 15_000);
    const incident = await eventually(
      async () => (await worldEvents(drillId)).find((event) => event.type === 'IncidentReported'),
      10_000,
    );
    const incidentId = (incident.data as { incidentId: string }).incidentId;
    // The U.S. player reports to the NRC, the action LRD-01 expects, within its three minutes of drill time.
    await app
      .get(CommandBus)
      .execute(
        new ActOnIncident(
          incidentId,
          { type: 'RecordNationalCenterNotified', data: {} },
          { actor: US_PLAYER, world: drillWorld(drillId), correlationId: randomUUID() },
        ),
      );
    // LRD-03 (5 min) comes after LRD-01C would have (3 min): by then the contingency was due and stayed back.
    const all = await released(drillId, ['LRD-03'], 20_000);
    expect(all.map((release) => release.injectId)).toEqual(['LRD-01', 'LRD-03']);
  }, 60_000);

  it('holds pending injects while the drill is paused and releases them on the new rate after it resumes', async () => {
    const scenario = compact({ 'LRD-01': { offsetMinutes: 0 }, 'LRD-03': { offsetMinutes: 4 } });
    const { drillId } = await planAndStart(scenario, 60);
    await released(drillId, ['LRD-01'], 15_000);
    await onDrill(drillId, { type: 'PauseDrillClock', data: { drillId } });
    await new Promise((resolve) => setTimeout(resolve, 5_000)); // LRD-03 was due 4 s after the start at 60×
    expect((await releases(drillId)).map((release) => release.injectId)).toEqual(['LRD-01']);
    await onDrill(drillId, { type: 'ResumeDrillClock', data: { drillId } });
    await onDrill(drillId, { type: 'ChangeDrillClockRate', data: { drillId, rate: 120 } });
    const all = await released(drillId, ['LRD-03'], 15_000);
    const lateMs = Date.parse(all[1]!.drillTime) - Date.parse(all[1]!.dueDrillTime);
    expect(lateMs).toBeGreaterThanOrEqual(-1_000);
    expect(lateMs).toBeLessThan(60_000);
  }, 60_000);

  it('loses no inject and releases none twice when the worker restarts in the middle of a drill', async () => {
    const scenario = compact({
      'LRD-01': { offsetMinutes: 0 },
      'LRD-03': { offsetMinutes: 3 },
      'LRD-05': { offsetMinutes: 6 },
      'LRD-06': { offsetMinutes: 9 },
    });
    const { drillId } = await planAndStart(scenario, 60);
    await released(drillId, ['LRD-01'], 15_000);
    await directory.onApplicationShutdown();
    await app.close();
    app = await startWorker();
    store = app.get(EVENT_STORE);
    directory = new DrillDirectory(store);
    directory.onApplicationBootstrap();
    await released(drillId, ['LRD-01', 'LRD-03', 'LRD-05', 'LRD-06'], 30_000);
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    expect((await releases(drillId)).map((release) => release.injectId)).toEqual([
      'LRD-01',
      'LRD-03',
      'LRD-05',
      'LRD-06',
    ]);
    const events = await worldEvents(drillId);
    expect(events.filter((event) => event.type === 'IncidentReported')).toHaveLength(1);
    expect(events.filter((event) => event.type === 'ProtectiveActionOrdered')).toHaveLength(1);
    await onDrill(drillId, { type: 'EndDrill', data: { drillId } });
    // The worker lets an ended drill go.
    await eventually(() => app.get(DeliveryWorker).runnerOf(drillId) === undefined, 10_000, 'the runner to stop');
  }, 90_000);
});
