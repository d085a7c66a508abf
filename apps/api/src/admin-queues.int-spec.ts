import { TestRedisServer } from '@enlace/notifications/testing';
import { ApiHarness } from './testing/api-harness.js';

/** Queue visibility for admins, and Redis in /health, against a redis-server of this file's own. */
let redis: TestRedisServer;
let api: ApiHarness;

beforeAll(async () => {
  redis = await TestRedisServer.start();
  process.env.REDIS_URL = redis.url;
  api = await ApiHarness.start();
}, 30_000);

afterAll(async () => {
  await api?.stop();
  await redis?.stop();
  delete process.env.REDIS_URL;
});

describe('GET /api/admin/queues', () => {
  it('shows admins each queue with its counts and last failures', async () => {
    const { status, body } = await api.request<{ queues: { name: string; counts: Record<string, number> }[] }>(
      'GET',
      '/api/admin/queues',
      { as: 'admin' },
    );
    expect(status).toBe(200);
    expect(body.queues.map((queue) => queue.name)).toEqual(['deliveries', 'deadlines', 'injects']);
    expect(body.queues[0]!.counts).toEqual({ waiting: 0, active: 0, delayed: 0, completed: 0, failed: 0 });
  });

  it('is refused to everyone else', async () => {
    for (const user of ['officer.us', 'auditor', 'planner']) {
      const { status, body } = await api.request('GET', '/api/admin/queues', { as: user });
      expect(status).toBe(403);
      expect(body).toMatchObject({ code: 'AUTH.ROLE', message: { en: expect.any(String) as unknown } });
    }
    expect((await api.request('GET', '/api/admin/queues')).status).toBe(401);
    // Three sign-ins: a scrypt check each, seconds apiece on a busy machine.
  }, 30_000);
});

describe('GET /health', () => {
  it('reports Redis, and stays 200 (degraded) when only Redis is down', async () => {
    const up = await api.request('GET', '/health');
    expect(up.status).toBe(200);
    expect(up.body).toMatchObject({ status: 'ok', checks: { eventStore: { status: 'up' }, redis: { status: 'up' } } });
    await redis.stop();
    const down = await api.request('GET', '/health');
    expect(down.status).toBe(200);
    expect(down.body).toMatchObject({ status: 'degraded', checks: { redis: { status: 'down' } } });
    const queues = await api.request('GET', '/api/admin/queues', { as: 'admin' });
    expect(queues.status).toBe(503);
    expect(queues.headers.get('retry-after')).toBe('5');
    expect(queues.body).toMatchObject({ code: 'QUEUES.UNAVAILABLE', message: { es: expect.any(String) as unknown } });
  });
});
