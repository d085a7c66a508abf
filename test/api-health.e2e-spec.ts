import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { generateKeyPairSync } from 'node:crypto';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { freePort } from '@enlace/event-store/testing';

/**
 * The api as an operator runs it: built, started as its own process, answering /health.
 */
const root = process.cwd();

interface Started {
  process: ChildProcess;
  output: () => string;
  exited: Promise<number | null>;
}

function startApi(env: Record<string, string>): Started {
  let output = '';
  const child = spawn(process.execPath, ['dist/apps/api/src/main.js'], {
    cwd: root,
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', LOG_LEVEL: 'log', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  return { process: child, output: () => output, exited };
}

async function health(port: number, token?: string): Promise<{ status: number; body: unknown }> {
  const headers: Record<string, string> = token ? { authorization: `Bearer ${token}` } : {};
  const response = await fetch(`http://127.0.0.1:${port}/health`, { headers });
  return { status: response.status, body: await response.json() };
}

async function waitForHealth(port: number, started: Started, timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (started.process.exitCode !== null) throw new Error(`api exited early:\n${started.output()}`);
    try {
      await health(port);
      return;
    } catch {
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  }
  throw new Error(`api did not answer within ${timeoutMs} ms:\n${started.output()}`);
}

async function stop(started: Started): Promise<void> {
  if (started.process.exitCode === null) started.process.kill('SIGTERM');
  await started.exited;
}

beforeAll(() => {
  const build = spawnSync(process.execPath, ['scripts/build.mjs', '--server-only'], { cwd: root, encoding: 'utf8' });
  if (build.status !== 0) throw new Error(`build failed:\n${build.stdout}\n${build.stderr}`);
}, 60_000);

describe('api process', () => {
  it('serves /health 200 on the embedded PGlite store with no configuration', async () => {
    const dataDir = await mkdtemp(join(tmpdir(), 'enlace-api-'));
    const port = await freePort();
    const api = startApi({ PORT: String(port), PGLITE_DATA_DIR: dataDir });
    try {
      await waitForHealth(port, api);
      const { status, body } = await health(port);
      expect(status).toBe(200);
      expect(body).toMatchObject({ status: 'ok', checks: { eventStore: { status: 'up' } } });
      expect(api.output()).toContain('embedded PGlite');
    } finally {
      await stop(api);
      await rm(dataDir, { recursive: true, force: true });
    }
  }, 60_000);

  it('refuses to start on bad configuration, naming every bad variable', async () => {
    const api = startApi({ PORT: 'eighty', DATABASE_URL: 'mysql://somewhere/db', EVENT_STORE: 'sqlite' });
    const code = await api.exited;
    expect(code).toBe(1);
    expect(api.output()).toMatch(/PORT="eighty": .*integer/);
    expect(api.output()).toMatch(/DATABASE_URL="mysql:\/\/somewhere\/db": must be a postgres:\/\/ connection string/);
    expect(api.output()).toMatch(/EVENT_STORE="sqlite": /);
  }, 30_000);

  it('refuses to start in production while demo accounts keep the demo password', async () => {
    const dataDir = await mkdtemp(join(tmpdir(), 'enlace-prod-'));
    const keyFile = join(dataDir, 'audit-signing-key.pem');
    await writeFile(keyFile, generateKeyPairSync('ed25519').privateKey.export({ type: 'pkcs8', format: 'pem' }));
    const api = startApi({
      NODE_ENV: 'production',
      JWT_SECRET: 'a-production-secret-of-at-least-32-characters',
      AUDIT_SIGNING_KEY_FILE: keyFile,
      METRICS_TOKEN: 'a-production-metrics-token-of-at-least-32-characters',
      PGLITE_DATA_DIR: dataDir,
      PORT: String(await freePort()),
    });
    const code = await api.exited;
    expect(code).not.toBe(0);
    expect(api.output()).toMatch(
      /Refusing to start in production: accounts officer\.us, officer\.mx, planner, auditor, admin still have the demo password/,
    );
  }, 60_000);

  it('refuses to start in production without a JWT secret', async () => {
    const api = startApi({ NODE_ENV: 'production' });
    expect(await api.exited).toBe(1);
    expect(api.output()).toMatch(/JWT_SECRET=\(unset\): .*must be set in production/);
  }, 30_000);

  it('answers 503 naming the event store while PostgreSQL refuses connections, and 200 again after', async () => {
    const base = new URL(process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/enlace_test');
    const database = `enlace_health_${process.pid}`;
    const admin = new pg.Client({
      connectionString: Object.assign(new URL(base), { pathname: '/postgres' }).toString(),
    });
    await admin.connect();
    await admin.query(`DROP DATABASE IF EXISTS ${database}`);
    await admin.query(`CREATE DATABASE ${database}`);
    const port = await freePort();
    const api = startApi({
      PORT: String(port),
      DATABASE_URL: Object.assign(new URL(base), { pathname: `/${database}` }).toString(),
    });
    try {
      await waitForHealth(port, api);
      expect((await health(port)).status).toBe(200);
      const login = await fetch(`http://127.0.0.1:${port}/api/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ username: 'admin', password: 'demo' }),
      });
      const { accessToken } = (await login.json()) as { accessToken: string };
      // An admin at work: the api knows the session before the outage (it cannot read it during one).
      const me = await fetch(`http://127.0.0.1:${port}/api/auth/me`, {
        headers: { authorization: `Bearer ${accessToken}` },
      });
      expect(me.status).toBe(200);

      await admin.query(`ALTER DATABASE ${database} ALLOW_CONNECTIONS false`);
      await admin.query(`SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1`, [database]);
      const down = await health(port);
      expect(down.status).toBe(503);
      // Anyone learns which dependency is down; only an admin reads what the driver said.
      expect(down.body).toMatchObject({ status: 'error', checks: { eventStore: { status: 'down' } } });
      expect((down.body as { checks: { eventStore: object } }).checks.eventStore).not.toHaveProperty('error');
      const details = await health(port, accessToken);
      expect(details.status).toBe(503);
      expect((details.body as { checks: { eventStore: { error: string } } }).checks.eventStore.error).toMatch(
        /not currently accepting|terminat|connect/i,
      );

      await admin.query(`ALTER DATABASE ${database} ALLOW_CONNECTIONS true`);
      expect((await health(port)).status).toBe(200);
    } finally {
      await stop(api);
      await admin.query(`ALTER DATABASE ${database} ALLOW_CONNECTIONS true`).catch(() => undefined);
      await admin.query(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`);
      await admin.end();
    }
  }, 60_000);
});
