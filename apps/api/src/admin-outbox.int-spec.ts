import { eventually, TestRedisServer } from '@enlace/notifications/testing';
import { deliveryConfigPath, loadDeliveryConfig, type OutboxMessage } from '@enlace/notifications';
import { ApiHarness } from './testing/api-harness.js';

/**
 * The embedded default's deliveries (the committed config/notification-delivery.json, `"outbox": "local"`, the worker
 * in the api): a notification's every e-mail and webhook lands in the local outbox and is recorded delivered at the
 * first attempt, none failed; admins read the outbox over the API, newest first and paged; nobody else may.
 */
let redis: TestRedisServer;
let api: ApiHarness;

interface OutboxBody {
  total: number;
  offset: number;
  limit: number;
  items: OutboxMessage[];
}

beforeAll(async () => {
  redis = await TestRedisServer.start();
  api = await ApiHarness.start({ env: { REDIS_URL: redis.url, WORKER_EMBEDDED: 'true' } });
}, 60_000);

afterAll(async () => {
  await api?.stop();
  await redis?.stop();
  delete process.env.REDIS_URL;
  delete process.env.WORKER_EMBEDDED;
});

async function issue(title: string): Promise<string> {
  const { status, body } = await api.request<{ id: string }>('POST', '/api/notifications', {
    as: 'officer.us',
    body: {
      blmId: 'blm-sandiego-tijuana',
      subject: { portId: 'otay-mesa' },
      title: { en: title, es: `${title} (es)` },
      body: { en: 'Commercial lanes closed', es: 'Carriles comerciales cerrados' },
      severity: 'severe',
      acknowledgmentDeadline: '2099-01-01T00:00:00Z',
    },
  });
  if (status !== 201) throw new Error(`issue: ${status} ${JSON.stringify(body)}`);
  return body.id;
}

/** What the config says each recipient of the notification gets, worked out here from the file itself. */
async function expectedFor(id: string): Promise<string[]> {
  const config = loadDeliveryConfig(deliveryConfigPath({ CONFIG_DIR: './config' }));
  const issued = (await api.streamEvents(`notification-${id}`)).find((e) => e.type === 'BlmNotificationIssued');
  const { recipients, issuedBy } = issued!.data as {
    recipients: { agency: string; side: string }[];
    issuedBy: { agency: string; side: string };
  };
  // The issuing agency is sent nothing of its own notification.
  return recipients
    .filter(({ agency, side }) => agency !== issuedBy.agency || side !== issuedBy.side)
    .flatMap(({ agency, side }) => {
      const entry = config.agencies.find((a) => a.agency === agency && a.side === side);
      return [
        ...(entry?.email ? [`email ${agency} ${entry.email.address}`] : []),
        ...(entry?.webhook ? [`webhook ${agency} ${entry.webhook.url}`] : []),
      ];
    })
    .sort();
}

async function outbox(query = 'limit=100'): Promise<OutboxBody> {
  const { status, body } = await api.request<OutboxBody>('GET', `/api/admin/outbox?${query}`, { as: 'admin' });
  if (status !== 200) throw new Error(`outbox: ${status} ${JSON.stringify(body)}`);
  return body;
}

describe('deliveries of the embedded default', () => {
  it('go to the local outbox, every one delivered at the first attempt, none failed', async () => {
    expect(loadDeliveryConfig(deliveryConfigPath({ CONFIG_DIR: './config' })).outbox).toBe('local');
    const id = await issue('Chlorine release');
    const expected = await expectedFor(id);
    expect(expected.length).toBeGreaterThan(2);

    const delivered = await eventually(
      async () => {
        const events = await api.streamEvents(`notification-${id}`);
        const done = events.filter((e) => e.type === 'BlmNotificationDelivered');
        return done.length >= expected.length ? events : undefined;
      },
      20_000,
      'every delivery recorded',
    );
    expect(delivered.filter((e) => /DeliveryFailed|DeliveryAbandoned/.test(e.type))).toEqual([]);
    expect(
      delivered
        .filter((e) => e.type === 'BlmNotificationDelivered')
        .map((e) => (e.data as { attempt: number }).attempt),
    ).toEqual(expected.map(() => 1));

    const mine = (await outbox()).items.filter((message) => message.notificationId === id);
    expect(mine.map((m) => `${m.channel} ${m.agency} ${m.recipient}`).sort()).toEqual(expected);
    for (const message of mine) {
      expect(message.deliveryId).toMatch(/^[0-9a-f-]{36}$/);
      expect(Number.isNaN(Date.parse(message.receivedAt))).toBe(false);
      if (message.channel === 'email') {
        expect(message.subject).toContain('Chlorine release');
        expect(message.body).toContain('Carriles comerciales cerrados');
      } else {
        expect(message.payload).toMatchObject({ deliveryId: message.deliveryId, notification: { id } });
      }
    }
  }, 40_000);

  it('are listed newest first, paged, and filtered by channel', async () => {
    const first = await issue('First of two');
    const second = await issue('Second of two');
    const wanted = (await expectedFor(first)).length + (await expectedFor(second)).length;
    const all = await eventually(
      async () => {
        const body = await outbox();
        const ours = body.items.filter((m) => m.notificationId === first || m.notificationId === second);
        return ours.length === wanted ? body : undefined;
      },
      20_000,
      'both notifications in the outbox',
    );
    const times = all.items.map((m) => m.receivedAt);
    expect(times).toEqual([...times].sort().reverse());
    const page = await outbox('offset=1&limit=2');
    expect(page).toMatchObject({ total: all.total, offset: 1, limit: 2 });
    expect(page.items.map((m) => m.deliveryId)).toEqual(all.items.slice(1, 3).map((m) => m.deliveryId));
    const hooks = await outbox('channel=webhook&limit=100');
    expect(hooks.items.length).toBeGreaterThan(0);
    expect(hooks.items.every((m) => m.channel === 'webhook')).toBe(true);
    expect(hooks.total).toBe(all.items.filter((m) => m.channel === 'webhook').length);
  }, 40_000);
});

describe('GET /api/admin/outbox', () => {
  it('is refused to everyone but admins', async () => {
    for (const user of ['officer.us', 'officer.mx', 'planner', 'auditor']) {
      const { status, body } = await api.request('GET', '/api/admin/outbox', { as: user });
      expect({ user, status }).toEqual({ user, status: 403 });
      expect(body).toMatchObject({ code: 'AUTH.ROLE' });
    }
    expect((await api.request('GET', '/api/admin/outbox')).status).toBe(401);
  }, 30_000);

  it('names a bad query parameter and its rule in English and Spanish', async () => {
    const { status, body } = await api.request<{
      details: { fields: { field: string; rule: string; message: { en: string; es: string } }[] };
    }>('GET', '/api/admin/outbox?limit=500&offset=-1&channel=fax&extra=1', { as: 'admin' });
    expect(status).toBe(400);
    const rules = body.details.fields.map(({ field, rule }) => `${field}:${rule}`).sort();
    expect(rules).toEqual(['channel:isIn', 'extra:whitelistValidation', 'limit:max', 'offset:min']);
    for (const problem of body.details.fields) {
      expect(problem.message.en.startsWith(problem.field)).toBe(true);
      expect(problem.message.es.startsWith(problem.field)).toBe(true);
    }
  });
});
