import { TestPostgresServer, uniqueSchemaName } from '@enlace/event-store/testing';
import { eventually } from '@enlace/notifications/testing';
import { ApiProcess, buildApi } from './support/api-process.js';

/**
 * Readiness follows a store outage (decisions 0010, 0026): on a PostgreSQL server of this file's own, stopped and
 * started again, `/health/ready` turns 503 naming the event store while `/health/live` stays 200, then 200 again
 * without a restart.
 */
let postgres: TestPostgresServer | undefined;
let api: ApiProcess | undefined;

beforeAll(async () => {
  buildApi();
  postgres = await TestPostgresServer.start();
}, 120_000);

afterAll(async () => {
  await api?.stop('SIGKILL');
  await postgres?.destroy();
}, 60_000);

it('/health/ready is 503 naming the event store during an outage, 200 after; /health/live 200 throughout', async () => {
  api = await ApiProcess.start({
    databaseUrl: postgres!.url,
    schema: uniqueSchemaName('ready_outage'),
    env: { LOG_FORMAT: 'json' },
    startTimeoutMs: 90_000,
  });
  expect((await api.request('GET', '/health/ready')).status).toBe(200);

  await postgres!.stopServer();
  const down = await eventually(
    async () => {
      const ready = await api!.request<{ failing: string[] }>('GET', '/health/ready');
      return ready.status === 503 && ready;
    },
    20_000,
    'ready 503 during the outage',
  );
  expect(down.body.failing).toEqual(['eventStore']);
  expect(down.headers.get('retry-after')).toBe('2');
  expect((await api.request('GET', '/health/live')).status).toBe(200);

  await postgres!.resume();
  await eventually(
    async () => (await api!.request('GET', '/health/ready')).status === 200,
    30_000,
    'ready again after',
  );
  expect((await api.request('GET', '/health/live')).status).toBe(200);
  expect(api.alive).toBe(true);
}, 240_000);
