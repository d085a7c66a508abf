import { collect, openPostgresEventStore, type PostgresEventStore } from '@enlace/event-store';
import { dropSchema, testDatabaseUrl, uniqueSchemaName } from '@enlace/event-store/testing';
import { eventsOf, eventually } from '@enlace/notifications/testing';
import { Redis } from 'ioredis';
import { ApiProcess, buildApi } from './support/api-process.js';
import { WorkerProcess } from './support/worker-process.js';
import { WorkerTestbed } from './support/worker-testbed.js';

/**
 * A correlation id follows a command (decision 0026): the api returns the client's `X-Correlation-Id`, the events the
 * command appends carry it, and so do the worker's delivery jobs (in Redis), the delivery records they append and
 * the worker's JSON log lines about them. The api and the worker run apart on real PostgreSQL and Redis.
 */
const schema = uniqueSchemaName('correlation');
let api: ApiProcess;
let store: PostgresEventStore;
let bed: WorkerTestbed;
let worker: WorkerProcess | undefined;

beforeAll(async () => {
  buildApi();
  api = await ApiProcess.start({
    databaseUrl: testDatabaseUrl(),
    schema,
    env: { WORKER_EMBEDDED: 'false', LOG_FORMAT: 'json', LOG_LEVEL: 'log' },
    startTimeoutMs: 90_000,
  });
  store = await openPostgresEventStore({ connectionString: testDatabaseUrl(), schema, poolSize: 2 });
  bed = await WorkerTestbed.start(
    { url: testDatabaseUrl(), schema },
    { attempts: 3, backoffBaseMs: 200, escalationIntervalSeconds: 60, lockDurationMs: 5_000, stalledIntervalMs: 2_000 },
  );
  worker = WorkerProcess.start({ ...bed.env, LOG_FORMAT: 'json' });
  await eventually(() => worker?.ready, 30_000, 'worker ready');
}, 180_000);

afterAll(async () => {
  await worker?.stop();
  await bed?.stop();
  await api?.stop();
  await store?.close();
  await dropSchema(schema);
});

const CORRELATION = 'abc-123';

it('a notification issued with X-Correlation-Id: abc-123 carries it into its events, jobs, records and log lines', async () => {
  // Issued by Mexico's officer (ANAM, sent nothing of its own notification): CBP's webhook and e-mail and DOS's webhook
  // of the testbed's receivers are its three deliveries.
  const response = await api.request<{ id: string }>('POST', '/api/notifications', {
    as: 'officer.mx',
    headers: { 'x-correlation-id': CORRELATION },
    body: {
      blmId: 'blm-sandiego-tijuana',
      subject: { portId: 'otay-mesa' },
      title: { en: 'Port closed', es: 'Puerto cerrado' },
      body: { en: 'Commercial lanes closed', es: 'Carriles comerciales cerrados' },
      severity: 'severe',
      acknowledgmentDeadline: '2099-01-01T00:00:00Z',
    },
  });
  expect(response.status).toBe(201);
  expect(response.headers.get('x-correlation-id')).toBe(CORRELATION);
  const id = response.body.id;

  const issued = await eventsOf(store, id);
  expect(issued.length).toBeGreaterThan(0);
  for (const event of issued) expect(event.metadata.correlationId).toBe(CORRELATION);

  // The worker delivers it (webhooks and e-mail of the testbed's receivers) and records each outcome.
  const delivered = await eventually(
    async () => {
      const records = await eventsOf(store, id, 'BlmNotificationDelivered');
      return records.length >= 3 && records;
    },
    30_000,
    'deliveries recorded',
  );
  for (const record of delivered) expect(record.metadata.correlationId).toBe(CORRELATION);

  // The jobs themselves, as BullMQ keeps them in Redis.
  const redis = new Redis(bed.env.REDIS_URL!);
  try {
    const keys = (await redis.keys(`enlace:deliveries:deliver.${id}.*`)).filter((key) => !/:(logs|lock)$/.test(key));
    expect(keys.length).toBeGreaterThanOrEqual(3);
    for (const key of keys) {
      const data = JSON.parse((await redis.hget(key, 'data')) ?? '{}') as { correlationId?: string };
      expect(data.correlationId).toBe(CORRELATION);
    }
  } finally {
    redis.disconnect();
  }

  // The api's request line for the write.
  const apiLines = api
    .output()
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => JSON.parse(line) as Record<string, unknown>);
  expect(apiLines).toContainEqual(
    expect.objectContaining({ context: 'Http', route: '/api/notifications', status: 201, correlationId: CORRELATION }),
  );

  // The worker's log lines about these jobs: JSON, each with the command's correlation id.
  const lines = worker!
    .output()
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => JSON.parse(line) as { msg?: string; correlationId?: string });
  const aboutIt = lines.filter((line) => line.msg?.includes(`deliver.${id}.`));
  expect(aboutIt.length).toBeGreaterThanOrEqual(3);
  for (const line of aboutIt) expect(line.correlationId).toBe(CORRELATION);
}, 90_000);

it('a write without the header gets a new id, returned and recorded; a malformed one is replaced, never echoed', async () => {
  const plain = await api.request<{ id: string }>('POST', '/api/incidents', {
    as: 'officer.us',
    body: {
      kind: 'hazmat-release',
      title: { en: 'Chlorine release at the commercial lot' },
      severity: 'severe',
      location: { lat: 32.549, lon: -116.938, description: { en: 'Otay Mesa commercial lot' } },
    },
    headers: { 'x-correlation-id': 'evil\tvalue<script>' },
  });
  expect({ status: plain.status, body: plain.body }).toMatchObject({ status: 201 });
  const returned = plain.headers.get('x-correlation-id');
  expect(returned).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
  const events = await collect(store.readStream(`incident-${plain.body.id}`));
  expect(events.length).toBeGreaterThan(0);
  for (const event of events) expect(event.metadata.correlationId).toBe(returned);
  const read = await api.request('GET', '/api/ports', { as: 'officer.us' });
  expect(read.headers.get('x-correlation-id')).toMatch(/^[0-9a-f-]{36}$/);
});
