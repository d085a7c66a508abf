import { dropSchema, testDatabaseUrl, uniqueSchemaName } from '@enlace/event-store/testing';
import { eventually } from '@enlace/notifications/testing';
import pg from 'pg';
import { ApiProcess, buildApi } from './support/api-process.js';

/**
 * The api as an operator runs it (decision 0026): JSON log lines with a correlation id per request and no secret in
 * them; `/health/live` and `/health/ready` apart, the api listening at once and its reads answering 503 until its read
 * models caught up. Real PostgreSQL, the api as a child process.
 */
const schemas: string[] = [];
const processes: ApiProcess[] = [];

beforeAll(() => buildApi(), 120_000);

afterAll(async () => {
  await Promise.all(processes.map((api) => api.stop()));
  for (const schema of schemas) await dropSchema(schema);
});

async function startApi(env: Record<string, string>, waitFor?: '/health/live'): Promise<ApiProcess> {
  const schema = schemas.at(-1)!;
  const api = await ApiProcess.start({
    databaseUrl: testDatabaseUrl(),
    schema,
    env,
    ...(waitFor ? { waitFor } : {}),
    // Other test files may load the machine: a start may take longer than the usual 30 s.
    startTimeoutMs: 90_000,
  });
  processes.push(api);
  return api;
}

const incident = () => ({
  kind: 'hazmat-release',
  title: { en: 'Chlorine release at the commercial lot' },
  severity: 'severe',
  location: { lat: 32.549, lon: -116.938, description: { en: 'Otay Mesa commercial lot' } },
});

const JWT_SHAPED = /eyJ[A-Za-z0-9_-]{2,}\.[A-Za-z0-9_-]{2,}\./;

it('writes JSON lines only, a correlation id on every request line, and no password, token, cookie or JWT', async () => {
  schemas.push(uniqueSchemaName('logs'));
  const api = await startApi({ LOG_FORMAT: 'json', LOG_LEVEL: 'debug' });
  const login = await api.request<{ accessToken: string; refreshToken: string }>('POST', '/api/auth/login', {
    body: { username: 'officer.us', password: 'demo' },
  });
  expect(login.status).toBe(200);
  const { accessToken, refreshToken } = login.body;
  const cookie = `enlace_session=${refreshToken}; theme=dark`;
  const asOfficer = { authorization: `Bearer ${accessToken}`, cookie, 'idempotency-key': 'logs-check-1' };
  expect((await api.request('GET', '/api/auth/me', { headers: asOfficer })).status).toBe(200);
  expect((await api.request('GET', '/api/incidents', { headers: asOfficer })).status).toBe(200);
  const written = await api.request('POST', '/api/incidents', {
    headers: { ...asOfficer, 'x-correlation-id': 'logs-check.write:1' },
    body: incident(),
  });
  expect(written.status).toBe(201);
  expect(written.headers.get('x-correlation-id')).toBe('logs-check.write:1');
  const refreshed = await api.request<{ refreshToken: string; accessToken: string }>('POST', '/api/auth/refresh', {
    body: { refreshToken },
  });
  expect(refreshed.status).toBe(200);
  const wrongPassword = 'Not-the-password-7f3e9c';
  const failed = await api.request('POST', '/api/auth/login', {
    body: { username: 'officer.us', password: wrongPassword },
  });
  expect(failed.status).toBe(401);
  const forged = `${accessToken.slice(0, -4)}AAAA`;
  expect((await api.request('GET', '/api/auth/me', { headers: { authorization: `Bearer ${forged}` } })).status).toBe(
    401,
  );
  expect((await api.request('GET', '/health/ready')).status).toBe(200);
  await api.stop();

  const output = api.output();
  for (const secret of [
    wrongPassword,
    accessToken,
    refreshToken,
    refreshed.body.accessToken,
    refreshed.body.refreshToken,
    forged,
  ]) {
    expect(output).not.toContain(secret);
  }
  expect(output).not.toMatch(JWT_SHAPED);
  const lines = output.split('\n').filter((line) => line.trim() !== '');
  const parsed = lines.map((line) => {
    try {
      return JSON.parse(line) as Record<string, unknown>;
    } catch {
      throw new Error(`not a JSON line: ${line}`);
    }
  });
  const requests = parsed.filter((line) => line.context === 'Http');
  expect(requests.length).toBeGreaterThanOrEqual(8);
  for (const line of requests) {
    expect(line).toEqual(
      expect.objectContaining({
        correlationId: expect.stringMatching(/^[A-Za-z0-9._:-]{1,128}$/) as unknown,
        method: expect.any(String) as unknown,
        route: expect.any(String) as unknown,
        status: expect.any(Number) as unknown,
        durationMs: expect.any(Number) as unknown,
      }),
    );
  }
  expect(requests).toContainEqual(
    expect.objectContaining({
      correlationId: 'logs-check.write:1',
      method: 'POST',
      route: '/api/incidents',
      status: 201,
      level: 30,
    }),
  );
  // Probes are debug lines (20), not info.
  const probes = requests.filter((line) => String(line.route).startsWith('/health'));
  expect(probes.length).toBeGreaterThan(0);
  expect(new Set(probes.map((line) => line.level))).toEqual(new Set([20]));
}, 180_000);

it('listens at once: /health/live 200 and /health/ready 503 (reads 503, writes accepted) until the read models caught up', async () => {
  schemas.push(uniqueSchemaName('ready'));
  const first = await startApi({ LOG_FORMAT: 'json' });
  const before = await first.write('POST', '/api/incidents', 'officer.us', incident());
  await first.stop();

  // A real hold-up: while this transaction locks the consumers' checkpoints, no read model can load its checkpoint.
  const holder = new pg.Client({ connectionString: testDatabaseUrl() });
  await holder.connect();
  try {
    await holder.query('BEGIN');
    await holder.query(`LOCK TABLE "${schemas.at(-1)}".es_consumers IN ACCESS EXCLUSIVE MODE`);
    const api = await startApi({ LOG_FORMAT: 'json', DATABASE_POOL_SIZE: '20' }, '/health/live');
    expect((await api.request('GET', '/health/live')).status).toBe(200);
    const ready = await api.request<{ status: string; failing: string[]; checks: Record<string, { status: string }> }>(
      'GET',
      '/health/ready',
    );
    expect(ready.status).toBe(503);
    expect(ready.headers.get('retry-after')).toBe('2');
    expect(ready.body).toMatchObject({ status: 'error', failing: ['readModels'] });
    expect(ready.body.checks.eventStore?.status).toBe('up');
    expect((await api.request('GET', '/health')).status).toBe(503);

    const read = await api.request<{ code: string; message: { en: string; es: string } }>('GET', '/api/incidents', {
      as: 'officer.us',
    });
    expect(read.status).toBe(503);
    expect(read.headers.get('retry-after')).toBe('2');
    expect(read.body).toMatchObject({
      statusCode: 503,
      code: 'READ_MODELS_CATCHING_UP',
      message: { en: expect.any(String) as unknown, es: expect.any(String) as unknown },
      details: { retryAfterSeconds: 2 },
    });
    const written = await api.request<{ id: string; position: string }>('POST', '/api/incidents', {
      as: 'officer.us',
      body: incident(),
    });
    expect(written.status).toBe(201);

    await holder.query('COMMIT');
    await eventually(async () => (await api.request('GET', '/health/ready')).status === 200, 60_000, 'ready');
    // Both incidents: the one folded at the start, and the one written meanwhile (read with its position).
    const after = await api.request<{ incidentId: string }[]>('GET', `/api/incidents?after=${written.body.position}`, {
      as: 'officer.us',
    });
    expect(after.status).toBe(200);
    expect(after.body.map((entry) => entry.incidentId).sort()).toEqual([before.id, written.body.id].sort());
  } finally {
    await holder.end();
  }
}, 240_000);
