import { TestPostgresServer, uniqueSchemaName } from '@enlace/event-store/testing';
import { eventsOf, eventually, issueNotification, type ReceivedWebhook } from '@enlace/notifications/testing';
import { deadlineJobId, type DeadlineJob } from '@enlace/notifications';
import { Queue } from 'bullmq';
import { readFileSync } from 'node:fs';
import { buildApi } from '../support/api-process.js';
import { faultFigures } from '../support/fault-figures.js';
import { WorkerProcess } from '../support/worker-process.js';
import { WorkerTestbed } from '../support/worker-testbed.js';

/**
 * The worker's faults, on a PostgreSQL server and a redis-server of the test's own: escalation tiers that fall due
 * together, and a worker killed in the middle of deliveries. The worker runs as its own process, with the lock and
 * stall timings the project ships (config/notification-delivery.json).
 */
const shipped = JSON.parse(readFileSync('config/notification-delivery.json', 'utf8')) as {
  worker: { lockDurationMs: number; stalledIntervalMs: number };
};
const schema = uniqueSchemaName('worker_faults');
let postgres: TestPostgresServer;
let bed: WorkerTestbed;
const workers: WorkerProcess[] = [];

function startWorker(): WorkerProcess {
  const worker = WorkerProcess.start(bed.env);
  workers.push(worker);
  return worker;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const about = (id: string) => (hook: ReceivedWebhook) => hook.json.notification.id === id;
const escalationTier = (hook: ReceivedWebhook) => (hook.json.escalation as { tier: number } | undefined)?.tier;

beforeAll(async () => {
  buildApi();
  postgres = await TestPostgresServer.start();
  bed = await WorkerTestbed.start(
    { url: postgres.url, schema },
    {
      escalationIntervalSeconds: 1,
      // Longer than the test holds a delivery in flight, so the kill, not a timeout, ends the first attempt.
      webhookTimeoutMs: 30_000,
      lockDurationMs: shipped.worker.lockDurationMs,
      stalledIntervalMs: shipped.worker.stalledIntervalMs,
    },
  );
}, 60_000);

afterAll(async () => {
  await Promise.all(workers.map((worker) => worker.stop('SIGKILL')));
  await bed?.stop();
  await postgres?.destroy();
}, 30_000);

it('both escalation tiers falling due together reach every recipient of both tiers, tier 1 first', async () => {
  // No worker runs while the deadlines pass, so when one starts both tiers of every notification are due at once
  // (tier 2 one interval, 1 s, after the deadline) and their deadline jobs run side by side.
  const ids: string[] = [];
  for (let i = 0; i < 12; i += 1) ids.push(await issueNotification(bed.pipeline, { deadlineInMs: 1_000 }));
  // Tier 2 of the last one falls due 2 s after it was issued (deadline 1 s, then one interval).
  await sleep(2_500);
  // Tier 2's job of every notification is queued first (the reconciler adds tier 1's when the worker starts), so the
  // worker meets tier 2 before tier 1: the order in which the lost tier-1 escalations of the report happened.
  const deadlines = new Queue<DeadlineJob>('deadlines', { connection: { url: bed.redis.url }, prefix: 'enlace' });
  try {
    for (const id of ids) {
      const [issued] = await eventsOf(bed.store, id, 'BlmNotificationIssued');
      const job: DeadlineJob = {
        notificationId: id,
        tier: 2,
        deadline: (issued!.data as { acknowledgmentDeadline: string }).acknowledgmentDeadline,
      };
      await deadlines.add('escalate', job, { jobId: deadlineJobId(job), attempts: 10 });
    }
  } finally {
    await deadlines.close();
  }
  const worker = startWorker();
  try {
    const started = Date.now();
    await eventually(
      async () => {
        for (const id of ids) {
          const tiers = bed.webhooks.accepted(about(id)).map(escalationTier);
          if (!tiers.includes(1) || !tiers.includes(2)) return false;
          if ((await eventsOf(bed.store, id, 'BlmNotificationDelivered')).length < 5) return false;
        }
        return true;
      },
      40_000,
      'both tiers delivered for every notification',
    );
    const escalated = await Promise.all(ids.map((id) => eventsOf(bed.store, id, 'BlmNotificationEscalated')));
    const told = ids.map((id) => bed.webhooks.accepted(about(id)).filter((hook) => escalationTier(hook) !== undefined));
    faultFigures('escalation tiers due together', {
      notifications: ids.length,
      escalationsExpected: ids.length * 2,
      escalationsDone: escalated.flat().length,
      tierMessagesExpected: ids.length * 2,
      tierMessages: told.flat().length,
      tier1First: told.filter((hooks) => escalationTier(hooks[0]!) === 1).length,
      allToldAfterWorkerStartMs: Date.now() - started,
    });
    for (const id of ids) {
      const escalations = await eventsOf(bed.store, id, 'BlmNotificationEscalated');
      expect({ id, tiers: escalations.map((event) => (event.data as { tier: number }).tier) }).toEqual({
        id,
        tiers: [1, 2],
      });
      const hooks = bed.webhooks.accepted(about(id)).filter((hook) => escalationTier(hook) !== undefined);
      // Every recipient of both tiers (DOS for tier 1, NRC for tier 2) told once, tier 1 first.
      expect({ id, told: hooks.map((hook) => `${hook.path} tier ${escalationTier(hook)}`) }).toEqual({
        id,
        told: ['/hooks/dos tier 1', '/hooks/nrc tier 2'],
      });
      expect(hooks[0]!.receivedAt).toBeLessThanOrEqual(hooks[1]!.receivedAt);
      const recorded = (await eventsOf(bed.store, id, 'BlmNotificationDelivered'))
        .map((event) => event.data as { agency: string; tier?: number })
        .filter((data) => data.tier !== undefined)
        .map((data) => `${data.agency} tier ${data.tier}`);
      expect({ id, recorded }).toEqual({ id, recorded: ['DOS tier 1', 'NRC tier 2'] });
    }
  } finally {
    await worker.stop();
  }
}, 90_000);

it('a worker killed (SIGKILL) mid-delivery has its work repeated within 10 s of its restart, with the same delivery id', async () => {
  const first = startWorker();
  await eventually(() => first.ready, 30_000, 'worker ready');
  // Receivers hold their answers: the webhook deliveries stay in flight until the kill.
  bed.webhooks.delayMs = 60_000;
  const id = await issueNotification(bed.pipeline, { deadlineInMs: 120_000 });
  const inFlight = await eventually(
    () => {
      const hooks = bed.webhooks.received.filter(about(id));
      return hooks.length >= 3 ? hooks : undefined; // CBP, ANAM and DOS by webhook
    },
    20_000,
    'three webhook deliveries in flight',
  );
  await first.stop('SIGKILL');
  bed.webhooks.delayMs = 0;
  const restarted = startWorker();
  try {
    const deliveryIds = [...new Set(inFlight.map((hook) => String(hook.headers['x-enlace-delivery'])))];
    expect(deliveryIds).toHaveLength(3);
    const repeats = await eventually(
      () => {
        const again = deliveryIds.map(
          (deliveryId) =>
            bed.webhooks.received.filter(
              (hook) => hook.headers['x-enlace-delivery'] === deliveryId && hook.receivedAt > restarted.startedAt,
            )[0],
        );
        return again.every((hook) => hook !== undefined) ? again : undefined;
      },
      30_000,
      'every delivery in flight sent again',
    );
    const slowest = Math.max(...repeats.map((hook) => hook.receivedAt - restarted.startedAt));
    expect(slowest).toBeLessThan(10_000);
    // Each message was recorded delivered once, whatever the receivers saw twice.
    await eventually(
      async () => (await eventsOf(bed.store, id, 'BlmNotificationDelivered')).length >= 4,
      20_000,
      'every member delivery recorded',
    );
    const delivered = (await eventsOf(bed.store, id, 'BlmNotificationDelivered')).map((event) => {
      const data = event.data as { agency: string; channel: string };
      return `${data.agency} ${data.channel}`;
    });
    // What the receivers saw: each webhook once per receiver before the kill and again after, with the same id.
    const hooks = bed.webhooks.received.filter(about(id));
    const idsByReceiver = new Map<string, Set<string>>();
    for (const hook of hooks) {
      const ids = idsByReceiver.get(hook.path) ?? new Set<string>();
      ids.add(String(hook.headers['x-enlace-delivery']));
      idsByReceiver.set(hook.path, ids);
    }
    const mails = bed.smtp.received.filter((mail) => mail.subject.includes(id.slice(0, 8)));
    faultFigures('worker kill -9 mid-delivery', {
      deliveriesExpected: 4,
      inFlightAtKill: inFlight.length,
      deliveredWebhooks: idsByReceiver.size,
      deliveredMails: new Set(mails.map((mail) => mail.deliveryId)).size,
      requests: hooks.length + mails.length,
      repeatedSameId: hooks.length - idsByReceiver.size + mails.length - new Set(mails.map((m) => m.deliveryId)).size,
      duplicatedOtherId: [...idsByReceiver.values()].filter((ids) => ids.size > 1).length,
      recordedDelivered: delivered.length,
      slowestRepeatAfterRestartMs: slowest,
      lockDurationMs: shipped.worker.lockDurationMs,
      stalledIntervalMs: shipped.worker.stalledIntervalMs,
    });
    expect([...idsByReceiver.values()].map((ids) => ids.size)).toEqual([1, 1, 1]);
    expect(delivered.sort()).toEqual(['ANAM webhook', 'CBP email', 'CBP webhook', 'DOS webhook']);
  } finally {
    bed.webhooks.delayMs = 0;
    await restarted.stop();
  }
}, 90_000);

it('two workers: when the reconciler’s owner is killed (SIGKILL), the other takes over within 30 s and schedules new work', async () => {
  const first = startWorker();
  await eventually(() => first.ready, 30_000, 'the first worker owning the reconciler');
  const second = startWorker();
  try {
    await eventually(() => second.output().includes('Delivery worker started'), 30_000, 'the second worker up');
    // One owner at a time: the second waits (it does not schedule, it has no lease).
    await sleep(3_000);
    expect(second.ready).toBe(false);
    await first.stop('SIGKILL');
    const killedAt = Date.now();
    await eventually(() => second.ready, 40_000, 'the second worker taking over');
    const tookOverMs = Date.now() - killedAt;
    // Only the owner schedules: a notification issued now is delivered only if the second worker took over.
    const id = await issueNotification(bed.pipeline, { deadlineInMs: 120_000 });
    await eventually(
      () => (bed.webhooks.received.filter(about(id)).length >= 3 ? true : undefined),
      20_000,
      'the new notification delivered by webhook',
    );
    faultFigures('reconciler owner kill -9', { tookOverMs, leaseSeconds: 15 });
    expect(tookOverMs).toBeLessThan(30_000);
  } finally {
    await second.stop();
  }
}, 120_000);
