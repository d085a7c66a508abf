import { dropSchema, testDatabaseUrl, uniqueSchemaName } from '@enlace/event-store/testing';
import { eventsOf, eventually, issueNotification } from '@enlace/notifications/testing';
import { buildApi } from './support/api-process.js';
import { WorkerProcess } from './support/worker-process.js';
import { WorkerTestbed } from './support/worker-testbed.js';

/**
 * The worker as its own process (`apps/worker`), killed with SIGKILL in the middle of a run and started again:
 * nothing is lost, every fact is recorded once, and the receivers see every message (a message in flight at the
 * kill may arrive twice, with the same X-Enlace-Delivery id, which is what that header is for).
 */
const schema = uniqueSchemaName('worker');
let bed: WorkerTestbed;

beforeAll(async () => {
  buildApi();
  bed = await WorkerTestbed.start(
    { url: testDatabaseUrl(), schema },
    {
      attempts: 6,
      backoffBaseMs: 200,
      escalationIntervalSeconds: 2,
      lockDurationMs: 2_000,
      stalledIntervalMs: 1_000,
    },
  );
}, 60_000);

afterAll(async () => {
  await bed?.stop();
  await dropSchema(schema);
});

it('a worker killed mid-run and restarted loses nothing', async () => {
  bed.webhooks.delayMs = 150;
  let worker = WorkerProcess.start(bed.env);
  try {
    await eventually(() => worker.ready, 20_000, 'worker ready');
    const ids: string[] = [];
    for (let i = 0; i < 10; i += 1) ids.push(await issueNotification(bed.pipeline, { deadlineInMs: 3_000 }));
    await eventually(
      () => bed.webhooks.received.filter((hook) => ids.includes(hook.json.notification.id)).length >= 5,
      10_000,
    );
    await worker.stop('SIGKILL');
    // Written while no worker runs: the restarted one must find them in the store.
    for (let i = 0; i < 3; i += 1) ids.push(await issueNotification(bed.pipeline, { deadlineInMs: 3_000 }));
    worker = WorkerProcess.start(bed.env);
    await eventually(
      async () => {
        for (const id of ids) {
          if ((await eventsOf(bed.store, id, 'BlmNotificationDelivered')).length < 6) return false;
          if ((await eventsOf(bed.store, id, 'BlmNotificationEscalated')).length < 2) return false;
        }
        return true;
      },
      40_000,
      'every delivery and escalation recorded',
    );
    for (const id of ids) {
      const delivered = (await eventsOf(bed.store, id, 'BlmNotificationDelivered')).map(
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
      const tiers = (await eventsOf(bed.store, id, 'BlmNotificationEscalated')).map(
        (e) => (e.data as { tier: number }).tier,
      );
      expect(tiers).toEqual([1, 2]);
      const hooks = bed.webhooks.accepted((hook) => hook.json.notification.id === id);
      const perDelivery = new Map<string, number>();
      for (const hook of hooks) perDelivery.set(hook.json.deliveryId, (perDelivery.get(hook.json.deliveryId) ?? 0) + 1);
      // Five webhook messages (CBP, ANAM, DOS, DOS tier 1, NRC tier 2), each received at least once.
      expect(perDelivery.size).toBe(5);
      expect(bed.smtp.received.some((mail) => mail.raw.includes(id))).toBe(true);
    }
  } finally {
    await worker.stop();
  }
}, 90_000);
