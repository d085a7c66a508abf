import {
  type Actor,
  type DrillCommand,
  drillDecider,
  drillStreamId,
  drillWorld,
  streamInWorld,
  worldStreamPrefix,
} from '@enlace/domain';
import { collect } from '@enlace/event-store';
import { TestPostgresServer, uniqueSchemaName } from '@enlace/event-store/testing';
import { eventually } from '@enlace/notifications/testing';
import { DrillDirectory } from '@enlace/projections';
import { loadReferenceCatalog } from '@enlace/reference-data';
import { loadScenarios, scenarioDrillPlan } from '@enlace/scenarios';
import { randomUUID } from 'node:crypto';
import { buildApi } from '../support/api-process.js';
import { faultFigures } from '../support/fault-figures.js';
import { WorkerProcess } from '../support/worker-process.js';
import { WorkerTestbed } from '../support/worker-testbed.js';

/**
 * A drill's injects across a worker killed mid-drill (kill -9, jobs in flight and all) and the api's directory of
 * drills restarting: the worker processes of the test, a PostgreSQL server and a redis-server of the test's own, and
 * BullMQ.
 * Every inject is released once, at its time, and played once.
 */
const schema = uniqueSchemaName('drill_faults');
const PLANNER: Actor = { id: 'planner', agency: 'EPA', country: 'US', role: 'planner' };
let postgres: TestPostgresServer;
let bed: WorkerTestbed;
let directory: DrillDirectory;
const workers: WorkerProcess[] = [];

function startWorker(): WorkerProcess {
  // A short lease, so the survivor takes the drill over within seconds of the kill.
  const worker = WorkerProcess.start({ ...bed.env, CONSUMER_LEASE_SECONDS: '3' });
  workers.push(worker);
  return worker;
}

beforeAll(async () => {
  buildApi();
  postgres = await TestPostgresServer.start();
  bed = await WorkerTestbed.start({ url: postgres.url, schema }, { escalationIntervalSeconds: 60 });
  directory = new DrillDirectory(bed.store);
  directory.onApplicationBootstrap();
}, 120_000);

afterAll(async () => {
  await Promise.all(workers.map((worker) => worker.stop('SIGKILL')));
  await directory?.onApplicationShutdown();
  await bed?.stop();
  await postgres?.destroy();
}, 30_000);

/** A planner's command on the drill, through the command pipeline as the api sends it. */
const onDrill = (drillId: string, command: DrillCommand) =>
  bed.pipeline.execute(drillDecider, {
    streamId: streamInWorld(drillWorld(drillId), drillStreamId(drillId)),
    world: drillWorld(drillId),
    command,
    actor: PLANNER,
    correlationId: randomUUID(),
  });

it('a worker killed mid-drill and the directory restarted lose no inject and release or play none twice', async () => {
  const laredo = loadScenarios('./config/scenarios', loadReferenceCatalog('./config')).find(
    (scenario) => scenario.id === 'laredo-chlorine-rail-bridge',
  )!;
  // Five injects three drill minutes apart (3 s apart at 60×): an incident, then commands on it.
  const ids = ['LRD-01', 'LRD-03', 'LRD-05', 'LRD-06', 'LRD-09'];
  const injects = ids.map((id, i) => ({ ...laredo.injects.find((inject) => inject.id === id)!, offsetMinutes: 3 * i }));
  const scenario = { ...laredo, injects: injects.map(({ expectedAction: _none, ...inject }) => inject) };
  const drillId = randomUUID();
  const startsAt = '2026-04-14T14:40:00.000Z';
  await onDrill(drillId, {
    type: 'PlanDrill',
    data: {
      drillId,
      plan: scenarioDrillPlan(scenario, {
        startsAt,
        rate: 60,
        participants: [{ username: 'officer.us', role: 'player', side: 'US', agency: 'CBP' }],
      }),
    },
  });
  const startedAt = Date.now();
  const first = startWorker();
  await eventually(
    () => first.output().includes(`Drill ${drillId} is in play`),
    30_000,
    'the worker to take the drill up',
  );
  const owns = new RegExp(`drill-runner@drill ${drillId}\\].*owns it now`);
  await eventually(() => owns.test(first.output()), 15_000, 'its runner');
  await onDrill(drillId, { type: 'StartDrillClock', data: { drillId, drillTime: startsAt, rate: 60 } });

  const drillStream = streamInWorld(drillWorld(drillId), drillStreamId(drillId));
  const released = async () =>
    (await collect(bed.store.readStream(drillStream)))
      .filter((event) => event.type === 'DrillInjectReleased')
      .map((event) => event.data as { injectId: string; drillTime: string; dueDrillTime: string });
  await eventually(async () => (await released()).length >= 2 || undefined, 30_000, 'two injects released');

  // kill -9 while the next inject's job waits in Redis; the api's directory restarts meanwhile.
  await first.stop('SIGKILL');
  await directory.onApplicationShutdown();
  directory = new DrillDirectory(bed.store);
  directory.onApplicationBootstrap();
  startWorker();

  const all = await eventually(
    async () => {
      const now = await released();
      return now.length === ids.length && now;
    },
    60_000,
    'every inject released',
  );
  // Give a duplicate the time to show, then count again.
  await new Promise((resolve) => setTimeout(resolve, 3_000));
  // Each once. Not necessarily in order: an inject whose job the killed worker held (promoted ahead, waiting out its
  // last 250 ms) comes when BullMQ finds the job stalled, up to the lock's duration late.
  const releasedIds = (await released()).map((release) => release.injectId);
  const world = await collect(
    bed.store.readAll({ filter: { streamPrefixes: [worldStreamPrefix(drillWorld(drillId))] } }),
  );
  const count = (type: string) => world.filter((event) => event.type === type).length;
  faultFigures(
    'worker kill -9 mid-drill',
    {
      injectsExpected: ids.length,
      released: new Set(releasedIds).size,
      releasedTwice: releasedIds.length - new Set(releasedIds).size,
      // Drill time runs 60× the clock's: the latest release, in ms of real time.
      maxLateMs: Math.round(
        Math.max(...all.map((release) => Date.parse(release.drillTime) - Date.parse(release.dueDrillTime))) / 60,
      ),
      played: { incidents: count('IncidentReported'), protectiveActions: count('ProtectiveActionOrdered') },
    },
    startedAt,
  );
  expect(releasedIds.sort()).toEqual([...ids].sort());
  for (const release of all) {
    expect(Date.parse(release.drillTime)).toBeGreaterThanOrEqual(Date.parse(release.dueDrillTime) - 1_000);
  }
  expect(count('IncidentReported')).toBe(1);
  expect(count('ProtectiveActionOrdered')).toBe(1);
}, 150_000);
