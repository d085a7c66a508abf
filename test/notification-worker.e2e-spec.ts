import { CommandPipeline } from '@enlace/application';
import { SystemClock } from '@enlace/clock';
import { openPostgresEventStore, type PostgresEventStore } from '@enlace/event-store';
import { dropSchema, testDatabaseUrl, uniqueSchemaName } from '@enlace/event-store/testing';
import {
  eventsOf,
  eventually,
  issueNotification,
  SmtpReceiver,
  TestRedisServer,
  WebhookReceiver,
  writeDeliveryConfig,
} from '@enlace/notifications/testing';
import { loadReferenceCatalog } from '@enlace/reference-data';
import { buildApi } from './support/api-process.js';
import { WorkerProcess } from './support/worker-process.js';

/**
 * The worker as its own process (`apps/worker`), killed with SIGKILL in the middle of a run and started again:
 * nothing is lost, every fact is recorded once, and the receivers see every message (a message in flight at the
 * kill may arrive twice, with the same X-Enlace-Delivery id, which is what that header is for).
 */
const schema = uniqueSchemaName('worker');
let redis: TestRedisServer;
let webhooks: WebhookReceiver;
let smtp: SmtpReceiver;
let store: PostgresEventStore;
let pipeline: CommandPipeline;
let env: Record<string, string>;

beforeAll(async () => {
  buildApi();
  [redis, webhooks, smtp] = await Promise.all([TestRedisServer.start(), WebhookReceiver.start(), SmtpReceiver.start()]);
  env = {
    LOG_LEVEL: 'log',
    DATABASE_URL: testDatabaseUrl(),
    DATABASE_SCHEMA: schema,
    DATABASE_POOL_SIZE: '4',
    REDIS_URL: redis.url,
    NOTIFICATION_DELIVERY_FILE: await writeDeliveryConfig({
      webhookBase: webhooks.url('/hooks'),
      smtpPort: smtp.port,
      attempts: 6,
      backoffBaseMs: 200,
      escalationIntervalSeconds: 2,
      lockDurationMs: 2_000,
      stalledIntervalMs: 1_000,
    }),
  };
  store = await openPostgresEventStore({ connectionString: testDatabaseUrl(), schema, poolSize: 4 });
  pipeline = new CommandPipeline(store, loadReferenceCatalog('./config'), new SystemClock());
}, 60_000);

afterAll(async () => {
  await store?.close();
  await Promise.all([redis?.stop(), webhooks?.stop(), smtp?.stop()]);
  await dropSchema(schema);
});

it('a worker killed mid-run and restarted loses nothing', async () => {
  webhooks.delayMs = 150;
  let worker = WorkerProcess.start(env);
  try {
    await eventually(() => worker.ready, 20_000, 'worker ready');
    const ids: string[] = [];
    for (let i = 0; i < 10; i += 1) ids.push(await issueNotification(pipeline, { deadlineInMs: 3_000 }));
    await eventually(
      () => webhooks.received.filter((hook) => ids.includes(hook.json.notification.id)).length >= 5,
      10_000,
    );
    await worker.stop('SIGKILL');
    // Written while no worker runs: the restarted one must find them in the store.
    for (let i = 0; i < 3; i += 1) ids.push(await issueNotification(pipeline, { deadlineInMs: 3_000 }));
    worker = WorkerProcess.start(env);
    await eventually(
      async () => {
        for (const id of ids) {
          if ((await eventsOf(store, id, 'BlmNotificationDelivered')).length < 6) return false;
          if ((await eventsOf(store, id, 'BlmNotificationEscalated')).length < 2) return false;
        }
        return true;
      },
      40_000,
      'every delivery and escalation recorded',
    );
    for (const id of ids) {
      const delivered = (await eventsOf(store, id, 'BlmNotificationDelivered')).map(
        (e) => e.data as { agency: string; channel: string; tier?: number },
      );
      const keys = delivered.map((d) => `${d.agency}.${d.channel}.${d.tier ?? '-'}`).sort();
      expect(keys).toEqual([
        'ANAM.webhook.-',
        'CBP.email.-',
        'CBP.webhook.-',
        'DOS.webhook.-',
        'DOS.webhook.1',
        'NRC.webhook.2',
      ]);
      const tiers = (await eventsOf(store, id, 'BlmNotificationEscalated')).map(
        (e) => (e.data as { tier: number }).tier,
      );
      expect(tiers).toEqual([1, 2]);
      const hooks = webhooks.accepted((hook) => hook.json.notification.id === id);
      const perDelivery = new Map<string, number>();
      for (const hook of hooks) perDelivery.set(hook.json.deliveryId, (perDelivery.get(hook.json.deliveryId) ?? 0) + 1);
      // Five webhook messages (CBP, ANAM, DOS, DOS tier 1, NRC tier 2), each received at least once.
      expect(perDelivery.size).toBe(5);
      expect(smtp.received.some((mail) => mail.raw.includes(id))).toBe(true);
    }
  } finally {
    await worker.stop();
  }
}, 90_000);
