import { Module, type INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { CommandPipeline, platformImports } from '@enlace/application';
import { startDrillClock } from '@enlace/application/testing';
import { EVENT_STORE, type EventStore } from '@enlace/event-store';
import { dropSchema, testDatabaseUrl, uniqueSchemaName } from '@enlace/event-store/testing';
import {
  acknowledge,
  eventsOf,
  eventually,
  issueNotification,
  MEMBER_OFFICERS,
  SmtpReceiver,
  TEST_SECRETS,
  TestRedisServer,
  WebhookReceiver,
  writeDeliveryConfig,
} from '@enlace/notifications/testing';
import { createHmac, randomUUID } from 'node:crypto';
import { DRILL_CLOCK_COUNTDOWN_MS, drillWorld } from '@enlace/domain';
import { DeliveryWorker } from './delivery-worker.js';
import { deadlineJobId } from './jobs.js';
import { NotificationsModule } from './notifications.module.js';
import { QueueMonitor } from './queue-monitor.js';

/**
 * The worker in this process against real PostgreSQL, a redis-server of this file's own (so FLUSHALL touches no one
 * else), a real HTTP receiver and a real SMTP receiver.
 */
@Module({
  imports: [...platformImports(), NotificationsModule.forRoot({ runWorker: () => true, sentinelCheckMs: 300 })],
})
class TestWorkerModule {}

let redis: TestRedisServer;
let webhooks: WebhookReceiver;
let smtp: SmtpReceiver;
let app: INestApplicationContext;
let pipeline: CommandPipeline;
let store: EventStore;
const schema = uniqueSchemaName('delivery');

beforeAll(async () => {
  [redis, webhooks, smtp] = await Promise.all([TestRedisServer.start(), WebhookReceiver.start(), SmtpReceiver.start()]);
  Object.assign(process.env, {
    DATABASE_URL: testDatabaseUrl(),
    DATABASE_SCHEMA: schema,
    REDIS_URL: redis.url,
    CONFIG_DIR: './config',
    LOG_LEVEL: 'error',
    NOTIFICATION_DELIVERY_FILE: await writeDeliveryConfig({
      webhookBase: webhooks.url('/hooks'),
      smtpPort: smtp.port,
      escalationIntervalSeconds: 3,
    }),
  });
  app = await NestFactory.createApplicationContext(TestWorkerModule, { logger: ['error'] });
  await app.init();
  pipeline = app.get(CommandPipeline);
  store = app.get(EVENT_STORE);
  await app.get(DeliveryWorker).ready;
}, 30_000);

afterAll(async () => {
  await app?.close();
  await Promise.all([redis?.stop(), webhooks?.stop(), smtp?.stop()]);
  await dropSchema(schema);
});

// Typed matchers: jest's asymmetric matchers are `any`, which the lint rules refuse in object literals.
const A_STRING: unknown = expect.any(String);
const containing = (text: string): unknown => expect.stringContaining(text);
const arrayWith = (items: unknown[]): unknown => expect.arrayContaining(items);

const forNotification = (id: string) => (hook: { json: { notification: { id: string } } }) =>
  hook.json.notification.id === id;

describe('delivery', () => {
  it('delivers on every channel: signed webhooks and a bilingual e-mail, each recorded once', async () => {
    const id = await issueNotification(pipeline, { deadlineInMs: 60_000, title: 'Lanes closed at Otay Mesa' });
    await eventually(
      async () => (await eventsOf(store, id, 'BlmNotificationDelivered')).length === 4,
      10_000,
      'four deliveries recorded',
    );
    const hooks = webhooks.accepted(forNotification(id));
    // The members with a webhook (DOS co-chairs the BLM and is also its first escalation tier).
    expect(hooks.map((hook) => hook.path).sort()).toEqual(['/hooks/anam', '/hooks/cbp', '/hooks/dos']);
    for (const hook of hooks) {
      const secret = TEST_SECRETS[hook.json.to.agency as keyof typeof TEST_SECRETS];
      const timestamp = Number(hook.headers['x-enlace-timestamp']);
      expect(Math.abs(Date.now() / 1000 - timestamp)).toBeLessThan(30);
      const expected = `sha256=${createHmac('sha256', secret).update(`${timestamp}.${hook.body}`).digest('hex')}`;
      expect(hook.headers['x-enlace-signature']).toBe(expected);
      // A signature over another timestamp (a replay with a fresh header) does not verify.
      const replayed = createHmac('sha256', secret)
        .update(`${timestamp + 300}.${hook.body}`)
        .digest('hex');
      expect(hook.headers['x-enlace-signature']).not.toBe(`sha256=${replayed}`);
      expect(hook.headers['x-enlace-delivery']).toBe(hook.json.deliveryId);
      expect(hook.json).toMatchObject({
        kind: 'notification',
        notification: {
          id,
          blm: { id: 'blm-sandiego-tijuana', name: { en: A_STRING, es: A_STRING } },
          title: { en: 'Lanes closed at Otay Mesa', es: containing('Carriles') },
          body: { en: A_STRING, es: A_STRING },
          severity: 'severe',
          subject: { portId: 'otay-mesa' },
        },
      });
    }
    const mail = smtp.received.filter((m) => m.raw.includes(id));
    expect(mail).toHaveLength(1);
    expect(mail[0]!.to).toEqual(['port-operations@cbp.example.gov']);
    expect(mail[0]!.subject).toContain('Lanes closed at Otay Mesa');
    expect(mail[0]!.subject).toContain('Carriles comerciales cerrados');
    expect(mail[0]!.deliveryId).toMatch(/^[0-9a-f-]{36}$/);
    const delivered = (await eventsOf(store, id, 'BlmNotificationDelivered')).map((e) => e.data);
    expect(delivered).toEqual(
      arrayWith([
        expect.objectContaining({ agency: 'CBP', channel: 'webhook', attempt: 1 }),
        expect.objectContaining({ agency: 'CBP', channel: 'email', attempt: 1 }),
        expect.objectContaining({ agency: 'ANAM', channel: 'webhook', attempt: 1 }),
      ]),
    );
    for (const event of await eventsOf(store, id)) {
      if (event.type !== 'BlmNotificationIssued') {
        expect(event.metadata).toMatchObject({ actor: 'system:worker', role: 'system' });
      }
    }
  }, 20_000);

  it('retries with backoff after the receiver fails twice, recording each failure, then delivers', async () => {
    webhooks.failFirst((hook) => hook.path === '/hooks/anam' && hook.json.notification.id === id, 2);
    const id = await issueNotification(pipeline, { deadlineInMs: 60_000 });
    await eventually(
      async () =>
        (await eventsOf(store, id, 'BlmNotificationDelivered')).some(
          (e) => (e.data as { agency: string }).agency === 'ANAM',
        ),
      10_000,
      'ANAM delivered',
    );
    const anam = webhooks.received.filter((hook) => hook.path === '/hooks/anam' && hook.json.notification.id === id);
    expect(anam.map((hook) => hook.status)).toEqual([503, 503, 200]);
    expect(new Set(anam.map((hook) => hook.headers['x-enlace-delivery'])).size).toBe(1);
    // Exponential backoff: base 200 ms, then 400 ms.
    expect(anam[1]!.receivedAt - anam[0]!.receivedAt).toBeGreaterThanOrEqual(180);
    expect(anam[2]!.receivedAt - anam[1]!.receivedAt).toBeGreaterThanOrEqual(380);
    const failed = (await eventsOf(store, id, 'BlmNotificationDeliveryFailed')).map((e) => e.data);
    expect(failed).toEqual([
      expect.objectContaining({ agency: 'ANAM', attempt: 1, reason: 'HTTP 503', nextAttemptAt: A_STRING }),
      expect.objectContaining({ agency: 'ANAM', attempt: 2, reason: 'HTTP 503', nextAttemptAt: A_STRING }),
    ]);
    const anamDelivered = (await eventsOf(store, id, 'BlmNotificationDelivered'))
      .map((e) => e.data as { agency: string; attempt: number })
      .filter((data) => data.agency === 'ANAM');
    expect(anamDelivered.map((data) => data.attempt)).toEqual([3]);
  }, 20_000);

  it('gives up after the last attempt, records it, and shows the failed job to admins', async () => {
    webhooks.failFirst((hook) => hook.path === '/hooks/anam' && hook.json.notification.id === id, 100, 500);
    const id = await issueNotification(pipeline, { deadlineInMs: 60_000 });
    const abandoned = await eventually(
      async () => (await eventsOf(store, id, 'BlmNotificationDeliveryAbandoned'))[0],
      15_000,
      'abandonment recorded',
    );
    expect(abandoned.data).toMatchObject({ agency: 'ANAM', channel: 'webhook', attempts: 4, reason: 'HTTP 500' });
    expect(await eventsOf(store, id, 'BlmNotificationDeliveryFailed')).toHaveLength(3);
    const queues = await eventually(async () => {
      const snapshot = await app.get(QueueMonitor).snapshot();
      const deliveries = snapshot.find((queue) => queue.name === 'deliveries');
      return deliveries?.lastFailed.some((job) => job.failedReason.includes('HTTP 500')) ? snapshot : undefined;
    }, 5_000);
    const failedJob = queues[0]!.lastFailed.find((job) => job.failedReason.includes('HTTP 500'))!;
    expect(failedJob).toMatchObject({
      attemptsMade: 4,
      failedReason: containing('gave up after 4 attempts'),
    });
  }, 25_000);
});

describe('deadlines and escalation', () => {
  it('escalates exactly once per tier after a short deadline and delivers the escalation to its addressees', async () => {
    const id = await issueNotification(pipeline, { deadlineInMs: 1_500 });
    const first = await eventually(
      async () => (await eventsOf(store, id, 'BlmNotificationEscalated'))[0],
      8_000,
      'tier 1 escalation',
    );
    expect(first.data).toMatchObject({
      tier: 1,
      escalatedTo: [{ agency: 'DOS', side: 'US' }],
      pending: arrayWith([{ agency: 'CBP', side: 'US' }]),
    });
    // Tier 2 (national centres) follows one escalation interval (3 s) later.
    await eventually(async () => (await eventsOf(store, id, 'BlmNotificationEscalated')).length === 2, 8_000, 'tier 2');
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    const escalations = await eventsOf(store, id, 'BlmNotificationEscalated');
    expect(escalations.map((e) => (e.data as { tier: number }).tier)).toEqual([1, 2]);
    await eventually(
      () =>
        webhooks.accepted((hook) => hook.json.notification.id === id && hook.json.kind === 'escalation').length === 2,
      5_000,
      'escalation webhooks',
    );
    const dos = webhooks.accepted(
      (hook) => hook.path === '/hooks/dos' && hook.json.notification.id === id && hook.json.kind === 'escalation',
    );
    expect(dos).toHaveLength(1);
    expect(dos[0]!.json).toMatchObject({ kind: 'escalation', escalation: { tier: 1, name: { en: 'BLM co-chairs' } } });
    const tierDeliveries = (await eventsOf(store, id, 'BlmNotificationDelivered')).filter(
      (e) => (e.data as { tier?: number }).tier !== undefined,
    );
    expect(tierDeliveries.map((e) => e.data)).toEqual(
      arrayWith([
        expect.objectContaining({ agency: 'DOS', tier: 1 }),
        expect.objectContaining({ agency: 'NRC', tier: 2 }),
      ]),
    );
  }, 25_000);

  it('does not escalate once every recipient acknowledged, and drops the deadline jobs', async () => {
    const id = await issueNotification(pipeline, { deadlineInMs: 2_000 });
    for (const officer of MEMBER_OFFICERS) await acknowledge(pipeline, id, officer);
    const deadline = (await eventsOf(store, id, 'BlmNotificationIssued'))[0]!.data as {
      acknowledgmentDeadline: string;
    };
    const job = { notificationId: id, tier: 1, deadline: deadline.acknowledgmentDeadline };
    await eventually(
      () => redis.command(async (r) => (await r.exists(`enlace:deadlines:${deadlineJobId(job)}`)) === 0),
      5_000,
      'deadline job removed',
    );
    await new Promise((resolve) => setTimeout(resolve, 3_000));
    expect(await eventsOf(store, id, 'BlmNotificationEscalated')).toEqual([]);
  }, 20_000);
});

describe("a drill's notifications", () => {
  it('reach only the endpoint marked for exercises, marked EXERCISE, and are recorded in the drill alone', async () => {
    const drill = drillWorld(randomUUID());
    await startDrillClock(pipeline, drill.kind === 'drill' ? drill.drillId : '', {
      drillTime: new Date().toISOString(),
    });
    const worker = app.get(DeliveryWorker);
    await worker.followDrill(drill)!.ready;
    const id = await issueNotification(pipeline, { deadlineInMs: 1_000, world: drill, title: 'Drill: lanes closed' });
    // The drill's notification escalates on its deadline like any other, to addressees no drill may reach.
    await eventually(
      async () => (await eventsOf(store, id, 'BlmNotificationEscalated', drill)).length === 2,
      12_000,
      "the drill's two escalations",
    );
    await eventually(
      async () => (await eventsOf(store, id, 'BlmNotificationDelivered', drill)).length === 1,
      5_000,
      "the drill's one delivery",
    );
    // Time for anything else to go out, if anything would.
    await new Promise((resolve) => setTimeout(resolve, 1_500));
    const hooks = webhooks.received.filter((hook) => hook.body.includes(id));
    expect(hooks.map((hook) => hook.path)).toEqual(['/hooks/anam']);
    expect(hooks[0]!.json).toMatchObject({
      exercise: { drillId: drill.kind === 'drill' ? drill.drillId : '' },
      notification: {
        id,
        title: {
          en: 'EXERCISE EXERCISE EXERCISE: Drill: lanes closed',
          es: containing('EJERCICIO EJERCICIO EJERCICIO: '),
        },
      },
    });
    expect(smtp.received.filter((mail) => mail.raw.includes(id))).toEqual([]);
    const recorded = await eventsOf(store, id, undefined, drill);
    expect(recorded.every((event) => event.metadata.mode === 'exercise')).toBe(true);
    expect((await eventsOf(store, id, 'BlmNotificationDelivered', drill)).map((event) => event.data)).toEqual([
      expect.objectContaining({ agency: 'ANAM', channel: 'webhook', attempt: 1 }),
    ]);
    // The live world has no such notification, and the live reconciler never held it.
    expect(await eventsOf(store, id)).toEqual([]);
    await worker.leaveDrill(drill);
  }, 30_000);
});

describe("a drill's deadlines", () => {
  it("fall due on the drill's time: at 120x, a deadline ten drill minutes away escalates five real seconds later", async () => {
    const drill = drillWorld(randomUUID());
    const drillId = drill.kind === 'drill' ? drill.drillId : '';
    const scenarioStart = '2026-04-14T06:00:00.000Z';
    await startDrillClock(pipeline, drillId, { drillTime: scenarioStart, rate: 120 });
    // The drill's clock runs from a countdown after its start.
    const started = performance.now() + DRILL_CLOCK_COUNTDOWN_MS;
    await app.get(DeliveryWorker).followDrill(drill)!.ready;
    const id = await issueNotification(pipeline, {
      deadlineInMs: 0,
      world: drill,
      // Ten minutes of drill time; the escalation interval (3 s) is drill time too.
      deadline: '2026-04-14T06:10:00.000Z',
    });
    const first = await eventually(
      async () => (await eventsOf(store, id, 'BlmNotificationEscalated', drill))[0],
      15_000,
      "the drill's tier 1",
    );
    const elapsed = performance.now() - started;
    // Not at once (the real time is months after the scenario's), nor ten real minutes later, nor by retrying until the
    // decider agrees: when the drill's clock says.
    expect(elapsed).toBeGreaterThan(3_500);
    expect(elapsed).toBeLessThan(6_500);
    expect(first.data).toMatchObject({ tier: 1, deadline: '2026-04-14T06:10:00.000Z' });
    await eventually(
      async () => (await eventsOf(store, id, 'BlmNotificationEscalated', drill)).length === 2,
      5_000,
      "the drill's tier 2",
    );
    await app.get(DeliveryWorker).leaveDrill(drill);
  }, 30_000);
});

describe('Redis is never the truth', () => {
  it('after FLUSHALL mid-run, delivers every notification exactly once and escalates every overdue one once', async () => {
    // ANAM answers 503 first, so retries sit in Redis when it is emptied.
    const ids: string[] = [];
    webhooks.failFirst((hook) => hook.path === '/hooks/anam' && ids.includes(hook.json.notification.id), 4);
    for (let i = 0; i < 8; i += 1) ids.push(await issueNotification(pipeline, { deadlineInMs: 2_500 }));
    await eventually(() => webhooks.accepted((hook) => ids.includes(hook.json.notification.id)).length >= 3, 5_000);
    await redis.flushAll();
    await eventually(
      async () => {
        for (const id of ids) {
          const delivered = await eventsOf(store, id, 'BlmNotificationDelivered');
          const escalated = await eventsOf(store, id, 'BlmNotificationEscalated');
          if (delivered.length < 6 || escalated.length < 2) return false;
        }
        return true;
      },
      20_000,
      'all delivered and escalated',
    );
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    for (const id of ids) {
      const accepted = webhooks.accepted((hook) => hook.json.notification.id === id);
      const byTarget = new Map<string, number>();
      for (const hook of accepted) {
        const key = `${hook.path}:${hook.json.kind}`;
        byTarget.set(key, (byTarget.get(key) ?? 0) + 1);
      }
      // Counted at the receiver, duplicates included: the delivery id is not used to hide any.
      expect(Object.fromEntries(byTarget)).toEqual({
        '/hooks/cbp:notification': 1,
        '/hooks/anam:notification': 1,
        '/hooks/dos:notification': 1,
        '/hooks/dos:escalation': 1,
        '/hooks/nrc:escalation': 1,
      });
      const mails = smtp.received.filter((mail) => mail.raw.includes(id));
      if (mails.length !== 1) {
        console.log(
          JSON.stringify(
            (await eventsOf(store, id)).map((e) => [e.type, e.metadata.recordedAt, e.data]),
            null,
            1,
          ),
        );
        console.log(mails.map((m) => m.raw.match(/^Date:.*$/m)?.[0]));
      }
      expect(mails).toHaveLength(1);
      const escalations = await eventsOf(store, id, 'BlmNotificationEscalated');
      expect(escalations.map((e) => (e.data as { tier: number }).tier)).toEqual([1, 2]);
      expect(await eventsOf(store, id, 'BlmNotificationDelivered')).toHaveLength(6);
    }
  }, 40_000);
});
