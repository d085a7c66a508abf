import { TestPostgresServer, uniqueSchemaName } from '@enlace/event-store/testing';
import { deliveryIdOf } from '@enlace/notifications';
import { eventsOf, eventually } from '@enlace/notifications/testing';
import { type ApiProcess, ApiProcess as Api, buildApi } from '../support/api-process.js';
import { faultFigures } from '../support/fault-figures.js';
import { WorkerProcess } from '../support/worker-process.js';
import { WorkerTestbed } from '../support/worker-testbed.js';

/**
 * Redis taken away, on a PostgreSQL server and a redis-server of the test's own, with an api and a worker as
 * processes: stopped for 15 s (an operator's restart, data kept), and separately emptied (FLUSHALL) mid-run.
 * Notifications are issued through the api before, during and after; acknowledgment deadlines fall due before, during
 * and after the fault. Redis is never the truth: the api takes writes throughout (`/health` says `degraded` while
 * Redis is away), and in the end every message went to every recipient on every channel (a repeat carries the same
 * delivery id, which receivers use to drop it; a second id for one message would be a bug) and every overdue
 * notification was escalated once per tier, in order.
 */
const OUTAGE_MS = 15_000;
const INTERVAL_S = 2;

let postgres: TestPostgresServer;
let bed: WorkerTestbed;
let api: ApiProcess;
let worker: WorkerProcess;
let workerExited = false;
/** Every message of every notification of this file: an id outside it would be a second id for one message. */
const everyExpected = new Set<string>();

beforeAll(async () => {
  buildApi();
  postgres = await TestPostgresServer.start();
  bed = await WorkerTestbed.start(
    { url: postgres.url, schema: uniqueSchemaName('redis_faults') },
    { escalationIntervalSeconds: INTERVAL_S },
  );
  await Promise.all([
    (async () => {
      api = await Api.start({
        databaseUrl: postgres.url,
        schema: bed.env.DATABASE_SCHEMA!,
        env: { LOG_LEVEL: 'log', REDIS_URL: bed.redis.url },
      });
    })(),
    (async () => {
      worker = WorkerProcess.start(bed.env);
      void worker.exited.then(() => (workerExited = true));
      await eventually(() => worker.ready, 30_000, 'the worker ready');
    })(),
  ]);
  await api.token('officer.mx');
}, 90_000);

afterAll(async () => {
  await Promise.all([api?.stop('SIGKILL'), worker?.stop('SIGKILL')]);
  await bed?.stop();
  await postgres?.destroy();
}, 30_000);

/** Issues a notification through the api, due for acknowledgment in `deadlineInMs`; must be accepted (201). */
async function issue(deadlineInMs: number, label: string): Promise<string> {
  const response = await api.request('POST', '/api/notifications', {
    // Mexico's officer (ANAM) issues: the issuing agency is sent nothing, so the U.S. members' channels are the ones
    // under test.
    as: 'officer.mx',
    body: {
      blmId: 'blm-sandiego-tijuana',
      subject: { portId: 'otay-mesa' },
      title: { en: `Lanes closed (${label})`, es: `Carriles cerrados (${label})` },
      body: { en: 'Ammonia release near the cargo facility.', es: 'Fuga de amoniaco cerca de la aduana de carga.' },
      severity: 'severe',
      acknowledgmentDeadline: new Date(Date.now() + deadlineInMs).toISOString(),
    },
  });
  if (response.status !== 201) throw new Error(`issue (${label}): ${response.status} ${JSON.stringify(response.body)}`);
  return response.body.id as string;
}

/**
 * The messages one notification calls for (config of the testbed, nobody acknowledging): CBP by webhook and e-mail and
 * DOS by webhook as members (ANAM issued it: nothing to itself); DOS (tier 1) and NRC (tier 2) by webhook as its
 * escalations.
 */
function expectedDeliveries(notificationId: string): string[] {
  return [
    { notificationId, agency: 'CBP', side: 'US', channel: 'webhook' },
    { notificationId, agency: 'CBP', side: 'US', channel: 'email' },
    { notificationId, agency: 'DOS', side: 'US', channel: 'webhook' },
    { notificationId, agency: 'DOS', side: 'US', channel: 'webhook', tier: 1 },
    { notificationId, agency: 'NRC', side: 'US', channel: 'webhook', tier: 2 },
  ].map((target) => deliveryIdOf(target as Parameters<typeof deliveryIdOf>[0]));
}

/** Where the receivers' records stood when a test began. */
interface Mark {
  webhooks: number;
  mails: number;
}
const mark = (): Mark => ({ webhooks: bed.webhooks.received.length, mails: bed.smtp.received.length });

/** Every delivery id the receivers accepted since `since`, once per request (a repeat shows twice). */
function receivedIds(since: Mark = { webhooks: 0, mails: 0 }): string[] {
  return [
    ...bed.webhooks.received
      .slice(since.webhooks)
      .filter((hook) => hook.status < 300)
      .map((hook) => String(hook.headers['x-enlace-delivery'])),
    ...bed.smtp.received.slice(since.mails).map((mail) => String(mail.deliveryId)),
  ];
}

async function escalationTiers(notificationId: string): Promise<number[]> {
  return (await eventsOf(bed.store, notificationId, 'BlmNotificationEscalated')).map(
    (event) => (event.data as { tier: number }).tier,
  );
}

/**
 * Waits until every expected message arrived and every escalation was recorded, then counts: delivered (expected ids
 * seen), repeated (requests beyond the first with an expected id), duplicated (ids no message of these notifications
 * has: a second id for one message).
 */
async function settle(notifications: string[], from: Mark, since: number) {
  const expected = new Set(notifications.flatMap(expectedDeliveries));
  for (const id of expected) everyExpected.add(id);
  await eventually(
    async () => {
      const seen = new Set(receivedIds(from));
      if (![...expected].every((id) => seen.has(id))) return false;
      for (const id of notifications) if ((await escalationTiers(id)).length < 2) return false;
      return true;
    },
    60_000,
    'every message delivered and every tier escalated',
  );
  const doneAfterMs = Date.now() - since;
  // A repeat cannot be awaited: give one the time a redelivery takes to show, then count.
  await new Promise((resolve) => setTimeout(resolve, 1_000));
  const ours = receivedIds(from).filter((id) => expected.has(id));
  const tiers = await Promise.all(notifications.map(escalationTiers));
  return {
    deliveriesExpected: expected.size,
    delivered: new Set(ours).size,
    repeatedSameId: ours.length - new Set(ours).size,
    duplicatedOtherId: receivedIds().filter((id) => !everyExpected.has(id)).length,
    escalationsExpected: notifications.length * 2,
    escalationsDone: tiers.flat().length,
    tiers,
    doneAfterMs,
  };
}

it('Redis stopped for 15 s: the api takes notifications meanwhile, every message goes once per id and every tier escalates once', async () => {
  const startedAt = Date.now();
  const from = mark();
  // Before: delivered before the outage, its tiers fall due during it.
  const before = await issue(4_000, 'before');
  await eventually(
    () => new Set(receivedIds()).has(expectedDeliveries(before)[0]!),
    20_000,
    'a first delivery before the outage',
  );
  await bed.redis.stopServer();
  const stoppedAt = Date.now();
  const health = await eventually(
    async () => {
      const response = await api.request('GET', '/health');
      return response.body.status === 'degraded' ? response : undefined;
    },
    10_000,
    '/health degraded',
  );
  expect(health.status).toBe(200);
  // During: one falling due during the outage, one after it.
  const during = [await issue(3_000, 'during, due during'), await issue(OUTAGE_MS + 2_000, 'during, due after')];
  await new Promise((resolve) => setTimeout(resolve, Math.max(0, stoppedAt + OUTAGE_MS - Date.now())));
  await bed.redis.resume();
  const resumedAt = Date.now();
  const after = await issue(2_000, 'after');
  await eventually(async () => (await api.request('GET', '/health')).body.status === 'ok', 10_000, '/health ok again');
  const healthOkAfterMs = Date.now() - resumedAt;

  const figures = await settle([before, ...during, after], from, resumedAt);
  faultFigures(
    'Redis stopped 15 s',
    {
      ...figures,
      outageMs: resumedAt - stoppedAt,
      writesDuringOutage: during.length,
      healthOkAfterMs,
      apiAlive: api.alive,
      workerAlive: !workerExited,
    },
    startedAt,
  );
  expect({ api: api.alive, worker: !workerExited }).toEqual({ api: true, worker: true });
  expect(figures).toMatchObject({ delivered: figures.deliveriesExpected, duplicatedOtherId: 0 });
  expect(figures.tiers).toEqual([
    [1, 2],
    [1, 2],
    [1, 2],
    [1, 2],
  ]);
}, 120_000);

it('Redis emptied (FLUSHALL) with deliveries in flight and deadlines waiting: nothing lost, nothing sent under a new id', async () => {
  const startedAt = Date.now();
  const from = mark();
  // Receivers hold their answers, so deliveries are in flight when Redis loses everything.
  bed.webhooks.delayMs = 1_000;
  const before = [await issue(3_000, 'before wipe'), await issue(5_000, 'before wipe, later')];
  await eventually(
    () => bed.webhooks.received.some((hook) => hook.json.notification.id === before[1]),
    20_000,
    'deliveries in flight',
  );
  await bed.redis.flushAll();
  const wipedAt = Date.now();
  bed.webhooks.delayMs = 0;
  const after = await issue(2_000, 'after wipe');

  const figures = await settle([...before, after], from, wipedAt);
  faultFigures('Redis emptied (FLUSHALL)', { ...figures, apiAlive: api.alive, workerAlive: !workerExited }, startedAt);
  expect({ api: api.alive, worker: !workerExited }).toEqual({ api: true, worker: true });
  expect(figures).toMatchObject({ delivered: figures.deliveriesExpected, duplicatedOtherId: 0 });
  expect(figures.tiers).toEqual([
    [1, 2],
    [1, 2],
    [1, 2],
  ]);
}, 90_000);
