// Sign-in and sessions across real api processes (built and started as an operator would) on one PostgreSQL schema
// and a redis-server of the test's own (stopped in one test): revocation reaching every process, throttling and
// lockouts shared by the processes (and kept in memory while Redis is away) — by account name and client address
// (sign-ins come from several loopback addresses, 127.0.0.x), with the hourly ceiling per name, the attempt rate per
// address and the sign-ins per account — admins' and the operator's unlock, console sockets closed when their token
// expires, their session ends or their account leaves users.json, floods of sign-ins (wrong passwords, or one known
// password) that starve neither other users nor other requests, the hash-password tool, and a default install that
// accepts no token signed with anything in the repository.
import type { AuthenticateAck, Room, SubscribeAck, UnauthorizedReason } from '@enlace/console-protocol';
import { testDatabaseUrl, dropSchema, uniqueSchemaName } from '@enlace/event-store/testing';
import { TestRedisServer } from '@enlace/notifications/testing';
import { spawnSync } from 'node:child_process';
import { createHmac } from 'node:crypto';
import { request as httpRequest } from 'node:http';
import { cpSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ApiProcess, buildApi, generatedSigningSecret } from './support/api-process.js';
import { ConsoleClient, tryHandshake } from './support/console-client.js';

interface Answer<Body = Record<string, unknown>> {
  status: number;
  body: Body;
  headers: Headers;
  ms: number;
}
interface Tokens {
  accessToken: string;
  refreshToken: string;
}
interface AccountRow {
  username: string;
  lockedUntil: string | null;
  lockedAddresses: { address: string; until: string }[];
  lockedAddressCount: number;
  signInsPausedUntil: string | null;
  recentFailures: number;
}
interface ActivityEntry {
  type: string;
  username: string | null;
  reason: string | null;
  address: string | null;
  userAgent: string | null;
  actor: string;
}

const schema = uniqueSchemaName('auth_e2e');
const apis: ApiProcess[] = [];
let redis: TestRedisServer;
let a: ApiProcess;
let b: ApiProcess;

async function start(env: Record<string, string> = {}, options: { dataDir?: string } = {}): Promise<ApiProcess> {
  const api = await ApiProcess.start({
    databaseUrl: testDatabaseUrl(),
    schema,
    ...options,
    // This file signs in hundreds of times from 127.0.0.1 on purpose; the attempt rate per address has its own test.
    env: {
      REDIS_URL: redis.url,
      LOG_LEVEL: 'error',
      LOGIN_ADDRESS_MAX_ATTEMPTS: '100000',
      ...env,
    },
  });
  apis.push(api);
  return api;
}

async function call<Body = Record<string, unknown>>(
  api: ApiProcess,
  method: string,
  path: string,
  options: { token?: string; body?: unknown; userAgent?: string } = {},
): Promise<Answer<Body>> {
  const headers: Record<string, string> = {
    'user-agent': options.userAgent ?? 'auth-e2e',
  };
  if (options.token) headers.authorization = `Bearer ${options.token}`;
  if (options.body !== undefined) headers['content-type'] = 'application/json';
  const started = performance.now();
  const response = await fetch(`${api.url}${path}`, {
    method,
    headers,
    ...(options.body !== undefined ? { body: JSON.stringify(options.body) } : {}),
  });
  const text = await response.text();
  return {
    status: response.status,
    body: (text ? JSON.parse(text) : {}) as Body,
    headers: response.headers,
    ms: performance.now() - started,
  };
}

const login = (api: ApiProcess, username: string, password = 'demo') =>
  call<Tokens & { code?: string }>(api, 'POST', '/api/auth/login', {
    body: { username, password },
  });

type SignInAnswer = Answer<Tokens & { code?: string; message?: { en: string; es: string } }>;

/** A sign-in from a loopback source address of our choosing (127.0.0.x), as clients at different addresses send it. */
function loginFrom(api: ApiProcess, from: string, username: string, password = 'demo'): Promise<SignInAnswer> {
  const data = JSON.stringify({ username, password });
  const started = performance.now();
  return new Promise((resolve, reject) => {
    const request = httpRequest(
      {
        host: '127.0.0.1',
        port: api.port,
        path: '/api/auth/login',
        method: 'POST',
        localAddress: from,
        headers: {
          'content-type': 'application/json',
          'content-length': Buffer.byteLength(data),
          'user-agent': 'auth-e2e',
        },
      },
      (response) => {
        let text = '';
        response.setEncoding('utf8');
        response.on('data', (chunk: string) => (text += chunk));
        response.on('end', () => {
          const headers = new Headers();
          for (const [name, value] of Object.entries(response.headers)) {
            if (typeof value === 'string') headers.set(name, value);
          }
          resolve({
            status: response.statusCode ?? 0,
            body: (text ? JSON.parse(text) : {}) as Tokens & { code?: string },
            headers,
            ms: performance.now() - started,
          });
        });
      },
    );
    request.on('error', reject);
    request.end(data);
  });
}

async function signedIn(api: ApiProcess, username: string): Promise<Tokens> {
  const answer = await login(api, username);
  if (answer.status !== 200) throw new Error(`login ${username}: ${answer.status} ${JSON.stringify(answer.body)}`);
  return answer.body;
}

const me = (api: ApiProcess, token: string) => call<{ code?: string }>(api, 'GET', '/api/auth/me', { token });

async function eventually(check: () => Promise<boolean>, what: string, timeoutMs = 5_000): Promise<number> {
  const started = Date.now();
  while (!(await check())) {
    if (Date.now() - started > timeoutMs) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  return Date.now() - started;
}

async function journal(api: ApiProcess, token: string): Promise<ActivityEntry[]> {
  const answer = await call<{ entries: ActivityEntry[] }>(api, 'GET', '/api/auth/activity?limit=200', { token });
  expect(answer.status).toBe(200);
  return answer.body.entries;
}

beforeAll(async () => {
  buildApi();
  redis = await TestRedisServer.start();
  [a, b] = [await start(), await start()];
}, 120_000);

afterAll(async () => {
  await Promise.all(apis.map((api) => api.stop()));
  await redis?.stop();
  await dropSchema(schema);
}, 30_000);

describe('a default start', () => {
  it('generates its own signing secret and accepts no token signed with a constant of the repository', async () => {
    const secret = generatedSigningSecret();
    expect(secret.length).toBeGreaterThanOrEqual(32);
    // No tracked file holds it: no constant of the repository can sign what this install accepts.
    // `-e`: a generated secret may begin with `-`, which git would otherwise read as an option (status 129).
    const search = spawnSync('git', ['grep', '-I', '-l', '-F', '-e', secret.toString('utf8')], { encoding: 'utf8' });
    expect({ status: search.status, files: search.stdout }).toEqual({
      status: 1,
      files: '',
    });

    const { accessToken } = await signedIn(a, 'officer.us');
    const [, payload] = accessToken.split('.');
    const claims = JSON.parse(Buffer.from(payload!, 'base64url').toString()) as object;
    const encode = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');
    const unsigned = `${encode({ alg: 'HS256', typ: 'at+jwt' })}.${encode(claims)}`;
    const candidates = [
      'enlace-development-secret-not-for-production-use',
      'a-production-secret-of-at-least-32-characters',
      'some-other-secret-entirely-32+chars',
      'x'.repeat(32),
      '',
    ];
    for (const candidate of candidates) {
      const forged = `${unsigned}.${createHmac('sha256', candidate).update(unsigned).digest('base64url')}`;
      const answer = await me(a, forged);
      expect({
        candidate,
        status: answer.status,
        code: answer.body.code,
      }).toEqual({
        candidate,
        status: 401,
        code: 'AUTH.TOKEN_INVALID',
      });
    }
    // The same claims signed with the generated secret are the api's own token.
    expect(`${unsigned}.${createHmac('sha256', secret).update(unsigned).digest('base64url')}`).toBe(accessToken);
  });

  it('keeps the secret at mode 0600, shares it between processes of one DATA_DIR, and lets JWT_SECRET win', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'enlace-auth-secret-'));
    try {
      const configured = 'a-configured-secret-of-at-least-thirty-two-bytes';
      const api = await start({ JWT_SECRET: configured }, { dataDir });
      const { accessToken } = await signedIn(api, 'officer.mx');
      const [head, payload, signature] = accessToken.split('.');
      expect(createHmac('sha256', configured).update(`${head}.${payload}`).digest('base64url')).toBe(signature);
      expect(() => statSync(join(dataDir, 'jwt-secret'))).toThrow();
      await api.stop();

      const [first, second] = await Promise.all([start({}, { dataDir }), start({}, { dataDir })]);
      expect(statSync(join(dataDir, 'jwt-secret')).mode & 0o777).toBe(0o600);
      const token = (await signedIn(first, 'officer.mx')).accessToken;
      expect((await me(second, token)).status).toBe(200);
      expect(generatedSigningSecret(dataDir).equals(generatedSigningSecret())).toBe(false);
      await Promise.all([first.stop(), second.stop()]);
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  }, 60_000);
});

describe('sessions across api processes', () => {
  it('a logout on one process revokes the access and refresh tokens on the other within a second', async () => {
    const tokens = await signedIn(a, 'officer.us');
    expect((await me(b, tokens.accessToken)).status).toBe(200);
    expect((await call(a, 'POST', '/api/auth/logout', { token: tokens.accessToken })).status).toBe(204);
    const ms = await eventually(async () => (await me(b, tokens.accessToken)).status === 401, 'B to refuse', 1_000);
    expect((await me(b, tokens.accessToken)).body.code).toBe('AUTH.SESSION_ENDED');
    const refreshed = await call<{ code: string }>(b, 'POST', '/api/auth/refresh', {
      body: { refreshToken: tokens.refreshToken },
    });
    expect({ status: refreshed.status, code: refreshed.body.code }).toEqual({
      status: 401,
      code: 'SESSION.REVOKED',
    });
    console.log(`logout on A refused on B after ${ms} ms`);
  }, 30_000);

  it('a refresh token reused on another process ends the session there and here', async () => {
    const first = await signedIn(a, 'officer.mx');
    const rotated = await call<Tokens>(a, 'POST', '/api/auth/refresh', {
      body: { refreshToken: first.refreshToken },
    });
    expect(rotated.status).toBe(200);
    const reused = await call<{ code: string }>(b, 'POST', '/api/auth/refresh', {
      body: { refreshToken: first.refreshToken },
    });
    expect(reused.body.code).toBe('AUTH.REFRESH_TOKEN_REUSED');
    await eventually(async () => (await me(a, rotated.body.accessToken)).status === 401, 'A to refuse', 1_000);
  }, 30_000);

  it('an account disabled on one process stops on the other at once, and is enabled again', async () => {
    const admin = await signedIn(a, 'admin');
    const planner = await signedIn(b, 'planner');
    expect(
      (
        await call(a, 'POST', '/api/admin/accounts/planner/disable', {
          token: admin.accessToken,
          body: {},
        })
      ).status,
    ).toBe(200);
    await eventually(async () => (await me(b, planner.accessToken)).status === 401, 'B to refuse', 1_000);
    expect(
      (
        await call(b, 'POST', '/api/admin/accounts/planner/enable', {
          token: admin.accessToken,
        })
      ).status,
    ).toBe(200);
    expect((await me(b, (await signedIn(b, 'planner')).accessToken)).status).toBe(200);
  }, 30_000);
});

describe('sign-in throttling (Redis shared by the processes)', () => {
  /** Signed in before the auditor's own account name is locked by the spraying below. */
  let auditor: Tokens;
  beforeAll(async () => {
    auditor = await signedIn(b, 'auditor');
  });

  it('200 wrong passwords against one account: 5 checked, then 429 with Retry-After; auditors see the lockout', async () => {
    const answers: Answer<{
      code?: string;
      message?: { en: string; es: string };
    }>[] = [];
    for (let i = 0; i < 200; i += 1) answers.push(await login(i % 2 ? a : b, 'officer.us', `guess-${i}`));
    const statuses = answers.map((answer) => answer.status);
    expect(statuses.slice(0, 5)).toEqual([401, 401, 401, 401, 401]);
    expect(statuses.slice(5).every((status) => status === 429)).toBe(true);
    const throttled = answers[5]!;
    expect(Number(throttled.headers.get('retry-after'))).toBeGreaterThanOrEqual(55);
    expect(throttled.body).toMatchObject({ code: 'AUTH.TOO_MANY_ATTEMPTS' });
    expect(throttled.body.message!.es).toMatch(/Demasiados intentos/);
    // The right password waits out the lockout too.
    expect((await login(a, 'officer.us')).status).toBe(429);

    const entries = (await journal(b, auditor.accessToken)).filter((entry) => entry.username === 'officer.us');
    expect(entries.filter((entry) => entry.type === 'LoginFailed')).toHaveLength(5);
    expect(entries.filter((entry) => entry.type === 'LoginLockedOut')).toEqual([
      expect.objectContaining({
        reason: 'account-address',
        address: '127.0.0.1',
        userAgent: 'auth-e2e',
        actor: 'system:auth',
      }),
    ]);
    // The lockout is the attacking address's: the real user elsewhere signs in.
    expect((await loginFrom(b, '127.0.0.2', 'officer.us')).status).toBe(200);
  }, 120_000);

  it('an admin unlocks it (on the other process), and the account signs in', async () => {
    const admin = await signedIn(a, 'admin');
    const accounts = await call<AccountRow[]>(a, 'GET', '/api/admin/accounts', {
      token: admin.accessToken,
    });
    expect(accounts.body.find((account) => account.username === 'officer.us')).toMatchObject({
      lockedUntil: null,
      lockedAddressCount: 1,
      lockedAddresses: [{ address: '127.0.0.1', until: expect.any(String) as unknown }],
    });
    expect(
      (
        await call(b, 'POST', '/api/admin/accounts/officer.us/unlock', {
          token: admin.accessToken,
        })
      ).status,
    ).toBe(200);
    expect((await login(a, 'officer.us')).status).toBe(200);
    const entries = await journal(a, admin.accessToken);
    expect(entries.find((entry) => entry.type === 'LoginUnlocked')).toMatchObject({
      username: 'officer.us',
      actor: 'admin',
    });
  }, 30_000);

  it('100 wrong passwords over five accounts (and names that do not exist) are throttled the same way', async () => {
    const names = ['officer.mx', 'planner', 'auditor', 'admin', 'nobody.here'];
    const answers = await Promise.all(
      names.map(async (name) => {
        const statuses: number[] = [];
        for (let i = 0; i < 20; i += 1) statuses.push((await login(i % 2 ? a : b, name, `spray-${i}`)).status);
        return statuses;
      }),
    );
    for (const statuses of answers) {
      expect(statuses.filter((status) => status === 401).length).toBeLessThanOrEqual(5);
      expect(statuses.filter((status) => status === 429).length).toBeGreaterThanOrEqual(15);
    }
    const admin = await call<{ code: string }>(a, 'POST', '/api/auth/login', {
      body: { username: 'admin', password: 'demo' },
    });
    expect(admin.status).toBe(429);
  }, 120_000);

  it('lets one user sign in ten times at once with the right password: failures count, and an address has 2 + 8 places', async () => {
    const api = await start({ REDIS_PREFIX: `${schema}_burst` });
    const statuses = await Promise.all(Array.from({ length: 10 }, async () => (await login(api, 'officer.mx')).status));
    expect(statuses).toEqual(Array<number>(10).fill(200));
    await api.stop();
  }, 60_000);

  it('makes a client address wait after too many failures over many names (password spraying)', async () => {
    const api = await start({
      REDIS_PREFIX: `${schema}_spray`,
      LOGIN_ADDRESS_MAX_FAILURES: '10',
    });
    const statuses: number[] = [];
    for (let i = 0; i < 12; i += 1) statuses.push((await login(api, `sprayed.${i}`, 'Summer2026!')).status);
    expect(statuses).toEqual([...Array<number>(10).fill(401), 429, 429]);
    // Everyone at that address waits, the right password included: the lockout is the address's.
    const blocked = await login(api, 'officer.us');
    expect(blocked.status).toBe(429);
    expect(Number(blocked.headers.get('retry-after'))).toBeGreaterThan(800);
    await api.stop();
    expect((await journal(a, auditor.accessToken)).find((entry) => entry.type === 'LoginLockedOut')).toMatchObject({
      reason: 'address',
      username: 'sprayed.9', // the failure that reached the limit starts the lockout
    });
  }, 60_000);

  it('keeps throttling in each process while Redis is down, and answers no 5xx', async () => {
    const fallback = await start({ LOGIN_MAX_FAILURES: '3' });
    await redis.stop();
    try {
      const statuses: number[] = [];
      for (let i = 0; i < 6; i += 1) statuses.push((await login(fallback, 'ghost.user', `x-${i}`)).status);
      expect(statuses).toEqual([401, 401, 401, 429, 429, 429]);
    } finally {
      redis = await TestRedisServer.start();
      await fallback.stop();
    }
  }, 60_000);
});

describe('lockouts by account name and client address (the tester’s lockadmin.mjs)', () => {
  const prefix = `${schema}_pairs`;
  let api: ApiProcess;
  let admin: Tokens;

  beforeAll(async () => {
    // A low hourly ceiling, so that distributed guessing reaches it with few (slow) password checks.
    api = await start({
      REDIS_PREFIX: prefix,
      LOGIN_ACCOUNT_MAX_FAILURES_PER_HOUR: '10',
    });
  }, 60_000);

  afterAll(async () => {
    await api.stop();
  });

  const accountRow = async (username: string) =>
    (
      await call<AccountRow[]>(api, 'GET', '/api/admin/accounts', {
        token: admin.accessToken,
      })
    ).body.find((account) => account.username === username)!;

  it('wrong passwords lock the attacking address out of admin, not the real admin elsewhere; the log says from where', async () => {
    const attacker: number[] = [];
    for (let i = 0; i < 10; i += 1) attacker.push((await loginFrom(api, '127.0.0.80', 'admin', `guess-${i}`)).status);
    expect(attacker).toEqual([401, 401, 401, 401, 401, 429, 429, 429, 429, 429]);
    const real = await loginFrom(api, '127.0.0.81', 'admin');
    expect(real.status).toBe(200);
    admin = real.body;

    expect(await accountRow('admin')).toMatchObject({
      lockedUntil: null,
      lockedAddressCount: 1,
      lockedAddresses: [{ address: '127.0.0.80' }],
      recentFailures: 5,
    });
    // Every api process of this file shares one store: the entries from this test's addresses.
    const lockouts = (await journal(api, admin.accessToken)).filter(
      (entry) => entry.type === 'LoginLockedOut' && entry.address === '127.0.0.80',
    );
    expect(lockouts).toEqual([
      expect.objectContaining({
        username: 'admin',
        reason: 'account-address',
        address: '127.0.0.80',
      }),
    ]);
  }, 30_000);

  it('locks an unknown name the same way, with the same answer', async () => {
    const answers: SignInAnswer[] = [];
    for (let i = 0; i < 6; i += 1) answers.push(await loginFrom(api, '127.0.0.82', 'no.such.admin', `guess-${i}`));
    const known: SignInAnswer[] = [];
    for (let i = 0; i < 6; i += 1) known.push(await loginFrom(api, '127.0.0.82', 'auditor', `guess-${i}`));
    expect(answers.map((answer) => answer.status)).toEqual([401, 401, 401, 401, 401, 429]);
    expect(known.map((answer) => answer.status)).toEqual([401, 401, 401, 401, 401, 429]);
    expect(answers[5]!.body.code).toBe('AUTH.TOO_MANY_ATTEMPTS');
    expect(known[5]!.body.code).toBe('AUTH.TOO_MANY_ATTEMPTS');
    expect(answers[5]!.headers.get('retry-after')).toBe(known[5]!.headers.get('retry-after'));
    expect(answers[0]!.body).toEqual(known[0]!.body);
  }, 30_000);

  it('distributed guessing reaches the hourly ceiling: locked for new addresses, not where it signed in; an unlock clears every pair', async () => {
    expect((await loginFrom(api, '127.0.0.71', 'planner')).status).toBe(200); // a known address from now on
    const guesses: number[] = [];
    for (const from of ['127.0.0.95', '127.0.0.96']) {
      for (let i = 0; i < 5; i += 1) guesses.push((await loginFrom(api, from, 'planner', `guess-${i}`)).status);
    }
    expect(guesses).toEqual(Array<number>(10).fill(401));
    expect((await loginFrom(api, '127.0.0.97', 'planner')).status).toBe(429);
    expect((await loginFrom(api, '127.0.0.71', 'planner')).status).toBe(200);

    const row = await accountRow('planner');
    expect(row).toMatchObject({ lockedAddressCount: 2, recentFailures: 10 });
    expect(row.lockedUntil).not.toBeNull();
    expect(row.lockedAddresses.map((locked) => locked.address).sort()).toEqual(['127.0.0.95', '127.0.0.96']);
    const lockouts = (await journal(api, admin.accessToken)).filter(
      (entry) => entry.type === 'LoginLockedOut' && entry.username === 'planner' && entry.address !== '127.0.0.1',
    );
    expect(lockouts.map((entry) => [entry.reason, entry.address]).sort()).toEqual([
      ['account', '127.0.0.96'],
      ['account-address', '127.0.0.95'],
      ['account-address', '127.0.0.96'],
    ]);

    const unlock = await call(api, 'POST', '/api/admin/accounts/planner/unlock', { token: admin.accessToken });
    expect(unlock.status).toBe(200);
    expect(await accountRow('planner')).toMatchObject({
      lockedUntil: null,
      lockedAddressCount: 0,
      lockedAddresses: [],
      recentFailures: 0,
    });
    for (const from of ['127.0.0.95', '127.0.0.96', '127.0.0.97']) {
      expect({
        from,
        status: (await loginFrom(api, from, 'planner')).status,
      }).toEqual({ from, status: 200 });
    }
  }, 60_000);

  it('the only admin, locked out where it works, comes back with `npm run unlock-account`, recorded in the log', async () => {
    for (let i = 0; i < 5; i += 1) await loginFrom(api, '127.0.0.81', 'admin', `typo-${i}`);
    expect((await loginFrom(api, '127.0.0.81', 'admin')).status).toBe(429);
    const unlock = () =>
      spawnSync(process.execPath, ['dist/apps/api/src/auth/unlock-account.cli.js', 'admin'], {
        encoding: 'utf8',
        env: {
          PATH: process.env.PATH ?? '',
          HOME: process.env.HOME ?? '',
          DATABASE_URL: testDatabaseUrl(),
          DATABASE_SCHEMA: schema,
          REDIS_URL: redis.url,
          REDIS_PREFIX: prefix,
          LOG_LEVEL: 'error',
        },
      });
    const first = unlock();
    expect({ status: first.status, stderr: first.stderr }).toEqual({
      status: 0,
      stderr: '',
    });
    expect(first.stdout).toMatch(
      /^Unlocked admin \(locked until .*\); recorded in the sign-in journal\.\nDesbloqueada admin/,
    );
    const back = await loginFrom(api, '127.0.0.81', 'admin');
    expect(back.status).toBe(200);
    expect((await journal(api, back.body.accessToken)).find((entry) => entry.type === 'LoginUnlocked')).toMatchObject({
      username: 'admin',
      actor: 'system:operator',
      userAgent: expect.stringMatching(/^unlock-account \(.+\)$/) as unknown,
    });
    const again = unlock();
    expect({ status: again.status, stderr: again.stderr }).toEqual({
      status: 0,
      stderr: 'The account is not locked\nLa cuenta no está bloqueada\n',
    });
  }, 60_000);
});

describe('a flood of sign-ins with a known password (the tester’s loginflood.mjs)', () => {
  it('one address signing in as fast as it can neither starves another user nor starts more than a few sessions', async () => {
    const api = await start({
      REDIS_PREFIX: `${schema}_known`,
      LOGIN_ADDRESS_MAX_ATTEMPTS: '100',
    });
    const counts: Record<string, number> = {};
    const end = Date.now() + 6_000;
    const attacker = Array.from({ length: 40 }, async () => {
      while (Date.now() < end) {
        const answer = await loginFrom(api, '127.0.0.50', 'planner');
        const key = `${answer.status} ${answer.body.code ?? ''}`.trim();
        counts[key] = (counts[key] ?? 0) + 1;
      }
    });
    await new Promise((resolve) => setTimeout(resolve, 1_500));
    const real: SignInAnswer[] = [];
    for (let i = 0; i < 5; i += 1) {
      real.push(await loginFrom(api, '127.0.0.60', 'officer.mx'));
      await new Promise((resolve) => setTimeout(resolve, 500));
    }
    await Promise.all(attacker);
    console.log(
      `known-password flood from one address: ${JSON.stringify(counts)}; the other user: ` +
        real.map((answer) => `${answer.status} in ${answer.ms.toFixed(0)} ms`).join(', '),
    );
    expect(real.map((answer) => answer.status)).toEqual([200, 200, 200, 200, 200]);
    expect(Object.keys(counts).some((key) => key.startsWith('503'))).toBe(false);
    expect(counts['200']).toBeGreaterThan(0);
    expect(counts['200']).toBeLessThanOrEqual(30); // sessions per account per 10 min
    expect(counts['429 AUTH.TOO_MANY_AT_ONCE']).toBeGreaterThan(0);
    expect(counts['429 AUTH.TOO_MANY_ATTEMPTS']).toBeGreaterThan(0);

    const auditor = await loginFrom(api, '127.0.0.61', 'auditor');
    const entries = await journal(api, auditor.body.accessToken);
    const fromAttacker = entries.filter((entry) => entry.address === '127.0.0.50');
    expect(fromAttacker.filter((entry) => entry.type === 'LoginSucceeded')).toHaveLength(counts['200']!);
    expect(fromAttacker.filter((entry) => entry.type === 'LoginLockedOut')).toEqual([
      expect.objectContaining({
        reason: 'address-attempts',
        address: '127.0.0.50',
        username: 'planner',
      }),
    ]);
    await api.stop();
  }, 60_000);

  it('an account starts a bounded number of sessions; the pause is recorded once and an admin lifts it', async () => {
    const api = await start({
      REDIS_PREFIX: `${schema}_sessions`,
      LOGIN_ACCOUNT_MAX_SIGN_INS: '3',
    });
    const statuses: number[] = [];
    for (let i = 0; i < 5; i += 1) statuses.push((await loginFrom(api, `127.0.0.4${i}`, 'officer.us')).status);
    expect(statuses).toEqual([200, 200, 200, 429, 429]);
    const admin = await signedIn(api, 'admin');
    const row = (
      await call<AccountRow[]>(api, 'GET', '/api/admin/accounts', {
        token: admin.accessToken,
      })
    ).body.find((account) => account.username === 'officer.us')!;
    expect(row.signInsPausedUntil).not.toBeNull();
    const paused = (await journal(api, admin.accessToken)).filter(
      (entry) => entry.type === 'LoginLockedOut' && entry.reason === 'sign-ins',
    );
    expect(paused).toEqual([expect.objectContaining({ reason: 'sign-ins', username: 'officer.us' })]);
    expect(
      (
        await call(api, 'POST', '/api/admin/accounts/officer.us/unlock', {
          token: admin.accessToken,
        })
      ).status,
    ).toBe(200);
    expect((await loginFrom(api, '127.0.0.49', 'officer.us')).status).toBe(200);
    await api.stop();
  }, 60_000);
});

describe('a flood of sign-ins', () => {
  it('200 at once from 12 addresses: bounded password checks (503 + Retry-After beyond the queue, 429 beyond an address’s share) while /health stays fast', async () => {
    const api = await start({
      REDIS_URL: redis.url,
      REDIS_PREFIX: `${schema}_flood`,
      LOGIN_ADDRESS_MAX_FAILURES: '10000',
    });
    const health: number[] = [];
    let flooding = true;
    const probe = (async () => {
      while (flooding) {
        health.push((await call(api, 'GET', '/health')).ms);
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
    })();
    // One address can no longer fill the pool (it holds 2 places and lines up 8 more): the flood comes from 12, each
    // sending more than its share.
    const answers = await Promise.all(
      Array.from({ length: 200 }, (_, i) => loginFrom(api, `127.0.1.${i % 12}`, `flood.${i}`, 'wrong')),
    );
    flooding = false;
    await probe;
    const busy = answers.filter((answer) => answer.status === 503);
    const overShare = answers.filter((answer) => answer.status === 429);
    expect(answers.every((answer) => [401, 429, 503].includes(answer.status))).toBe(true);
    expect(busy.length).toBeGreaterThan(0);
    expect(busy[0]!.body).toMatchObject({ code: 'AUTH.SIGN_IN_BUSY' });
    expect(Number(busy[0]!.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
    expect(overShare.length).toBeGreaterThan(0);
    expect(overShare[0]!.body).toMatchObject({ code: 'AUTH.TOO_MANY_AT_ONCE' });
    expect(overShare[0]!.body.message!.es).toMatch(/desde su dirección/);
    expect(Number(overShare[0]!.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
    const sorted = [...health].sort((x, y) => x - y);
    const p50 = sorted[Math.floor(sorted.length / 2)]!;
    const max = sorted.at(-1)!;
    console.log(
      `200 concurrent sign-ins from 12 addresses: ${answers.length - busy.length - overShare.length} checked, ` +
        `${busy.length} answered 503, ${overShare.length} answered 429 (over an address's share); ` +
        `/health p50 ${p50.toFixed(0)} ms, max ${max.toFixed(0)} ms over ${health.length} probes`,
    );
    // Generous (a shared 2-core machine): the issue saw 5 s before the pool.
    expect(max).toBeLessThan(1_500);
    await api.stop();
  }, 120_000);

  it('answers a refused sign-in alike, and in about the same time, for known and unknown names', async () => {
    const api = await start({
      REDIS_URL: redis.url,
      REDIS_PREFIX: `${schema}_timing`,
      LOGIN_ADDRESS_MAX_FAILURES: '10000',
    });
    const known: Answer<unknown>[] = [];
    const unknown: Answer<unknown>[] = [];
    for (let round = 0; round < 3; round += 1) {
      for (const name of ['officer.us', 'officer.mx', 'planner', 'auditor']) {
        known.push(await login(api, name, `wrong-${round}`));
        unknown.push(await login(api, `${name}.x${round}`, `wrong-${round}`));
      }
    }
    for (const answer of [...known, ...unknown]) {
      expect(answer.status).toBe(401);
      expect(answer.body).toEqual(known[0]!.body);
    }
    const median = (answers: Answer<unknown>[]) => [...answers.map((answer) => answer.ms)].sort((x, y) => x - y)[6]!;
    const ratio = median(known) / median(unknown);
    console.log(
      `refused sign-in median: known ${median(known).toFixed(0)} ms, unknown ${median(unknown).toFixed(0)} ms`,
    );
    expect(ratio).toBeGreaterThan(0.6);
    expect(ratio).toBeLessThan(1.6);
    await api.stop();
  }, 120_000);
});

describe('console sockets', () => {
  let short: ApiProcess;

  beforeAll(async () => {
    short = await start({ ACCESS_TOKEN_TTL_SECONDS: '5' });
  }, 60_000);

  function closedWith(client: ConsoleClient): Promise<UnauthorizedReason> {
    return new Promise((resolve) => client.socket.once('unauthorized', resolve));
  }

  it('closes a socket when its access token expires, saying so; refreshed, it reconnects and resumes', async () => {
    const tokens = await signedIn(short, 'auditor');
    const client = await ConsoleClient.connect(short.url, tokens.accessToken, {
      reconnection: false,
    });
    const ack = await client.subscribe(['board'] as Room[]);
    expect(ack.ok).toBe(true);
    const reason = await closedWith(client);
    expect(reason.code).toBe('AUTH.TOKEN_EXPIRED');
    await eventually(() => Promise.resolve(!client.socket.connected), 'the socket to close', 2_000);
    expect(await tryHandshake(short.url, { token: tokens.accessToken })).toBe('unauthorized: AUTH.TOKEN_EXPIRED');

    const refreshed = await call<Tokens>(short, 'POST', '/api/auth/refresh', {
      body: { refreshToken: tokens.refreshToken },
    });
    expect(refreshed.status).toBe(200);
    const resumed = await ConsoleClient.connect(short.url, refreshed.body.accessToken, { reconnection: false });
    const again = await resumed.subscribe(['board'] as Room[], client.lastPosition);
    expect(again).toMatchObject({ ok: true, from: client.lastPosition });
    resumed.socket.disconnect();
  }, 30_000);

  it('keeps a socket open past its old token when handed the renewed one; refuses a token of another session', async () => {
    const tokens = await signedIn(short, 'auditor');
    const started = Date.now();
    const other = await signedIn(short, 'auditor');
    const client = await ConsoleClient.connect(short.url, tokens.accessToken, { reconnection: false });
    expect((await client.subscribe(['board'] as Room[])).ok).toBe(true);
    const closed: UnauthorizedReason[] = [];
    client.socket.on('unauthorized', (reason) => closed.push(reason));
    const authenticate = (token: string) =>
      client.socket.timeout(5_000).emitWithAck('authenticate', { token }) as Promise<AuthenticateAck>;

    // Another session's token (the same account's) is refused, and changes nothing.
    await expect(authenticate(other.accessToken)).resolves.toMatchObject({
      ok: false,
      error: { code: 'AUTH.TOKEN_INVALID' },
    });
    // Renewed after 3 s of its 5: the socket now lives as long as the new token.
    await new Promise((resolve) => setTimeout(resolve, 3_000));
    const refreshed = await call<Tokens>(short, 'POST', '/api/auth/refresh', {
      body: { refreshToken: tokens.refreshToken },
    });
    expect(refreshed.status).toBe(200);
    await expect(authenticate(refreshed.body.accessToken)).resolves.toMatchObject({ ok: true });
    await new Promise((resolve) => setTimeout(resolve, Math.max(0, started + 6_000 - Date.now())));
    expect(client.socket.connected).toBe(true);
    expect(closed).toEqual([]);
    // Still checked on every subscribe, with the new token.
    expect((await client.subscribe(['board'] as Room[], client.lastPosition)).ok).toBe(true);
    // And closed when the new token expires.
    const reason = await closedWith(client);
    expect(reason.code).toBe('AUTH.TOKEN_EXPIRED');
    expect(Date.now() - started).toBeGreaterThan(7_000);
  }, 30_000);

  it('closes at once the sockets of an account removed from users.json, or whose role changed there', async () => {
    const configDir = mkdtempSync(join(tmpdir(), 'enlace-auth-config-'));
    cpSync('config', configDir, { recursive: true });
    const file = join(configDir, 'users.json');
    const directory = JSON.parse(readFileSync(file, 'utf8')) as {
      users: Record<string, unknown>[];
    };
    const demoHash = directory.users.find((user) => user.username === 'officer.us')!.passwordHash;
    for (const username of ['leaver', 'mover']) {
      directory.users.push({
        username,
        displayName: username,
        agency: 'CBP',
        country: 'US',
        role: 'officer',
        passwordHash: demoHash,
      });
    }
    writeFileSync(file, JSON.stringify(directory, null, 2));
    const api = await start({
      CONFIG_DIR: configDir,
      REDIS_PREFIX: `${schema}_directory`,
    });
    try {
      const tokens: Tokens[] = [];
      for (const username of ['leaver', 'mover', 'officer.us']) tokens.push(await signedIn(api, username));
      const clients: ConsoleClient[] = [];
      for (const { accessToken } of tokens) {
        const client = await ConsoleClient.connect(api.url, accessToken, {
          reconnection: false,
        });
        expect((await client.subscribe(['board'] as Room[])).ok).toBe(true);
        clients.push(client);
      }
      const [leaver, mover, stayer] = clients as [ConsoleClient, ConsoleClient, ConsoleClient];
      const closed = Promise.all([closedWith(leaver), closedWith(mover)]);
      const changedAt = Date.now();
      const users = directory.users
        .filter((user) => user.username !== 'leaver')
        .map((user) => (user.username === 'mover' ? { ...user, role: 'planner' } : user));
      writeFileSync(file, JSON.stringify({ ...directory, users }, null, 2));
      expect((await closed).map((reason) => reason.code)).toEqual(['AUTH.ACCOUNT_CHANGED', 'AUTH.ACCOUNT_CHANGED']);
      console.log(
        `users.json changed: the sockets of the removed and the changed accounts closed after ${Date.now() - changedAt} ms`,
      );
      await eventually(
        () => Promise.resolve(!leaver.socket.connected && !mover.socket.connected),
        'the sockets to close',
        2_000,
      );
      expect(stayer.socket.connected).toBe(true);
      expect((await me(api, tokens[0]!.accessToken)).body.code).toBe('AUTH.ACCOUNT_CHANGED');
      expect((await me(api, tokens[2]!.accessToken)).status).toBe(200);
      stayer.socket.disconnect();
    } finally {
      await api.stop();
      rmSync(configDir, { recursive: true, force: true });
    }
  }, 30_000);

  it('closes the sockets of a session ended on another process, and refuses their subscribe', async () => {
    // Not from 127.0.0.1, which the spraying test made wait for 15 minutes.
    const tokens = (await loginFrom(a, '127.0.0.3', 'officer.mx')).body;
    const client = await ConsoleClient.connect(a.url, tokens.accessToken, {
      reconnection: false,
    });
    expect((await client.subscribe(['board'] as Room[])).ok).toBe(true);
    const closed = closedWith(client);
    expect((await call(b, 'POST', '/api/auth/logout', { token: tokens.accessToken })).status).toBe(204);
    // Whichever comes first — the push from the revocation, or this subscribe — the console is refused.
    const ack = (await client.socket
      .timeout(2_000)
      .emitWithAck('subscribe', { rooms: ['board'] })
      .catch(() => undefined)) as SubscribeAck | undefined;
    if (ack) {
      expect(ack).toMatchObject({
        ok: false,
        error: { code: 'AUTH.SESSION_ENDED' },
      });
    }
    expect((await closed).code).toBe('AUTH.SESSION_ENDED');
    expect(await tryHandshake(a.url, { token: tokens.accessToken })).toBe('unauthorized: AUTH.SESSION_ENDED');
  }, 30_000);
});

describe('npm run hash-password', () => {
  const hashPassword = (password: string) =>
    spawnSync(process.execPath, ['dist/apps/api/src/auth/hash-password.cli.js'], { input: password, encoding: 'utf8' });

  it('refuses a short or common password, saying why in English and Spanish, and hashes a passphrase', () => {
    const short = hashPassword('demo');
    expect(short.status).toBe(1);
    expect(short.stdout).toBe('');
    expect(short.stderr).toMatch(/^Refused: a password needs at least 12 characters.*; this password is on the lists/m);
    expect(short.stderr).toMatch(/^Rechazada: una contraseña necesita al menos 12 caracteres/m);
    const common = hashPassword('Password1234\n');
    expect({ status: common.status, stderr: common.stderr }).toEqual({
      status: 1,
      stderr:
        'Refused: this password is on the lists of common passwords that attackers try first.\n' +
        'Rechazada: esta contraseña está en las listas de contraseñas comunes que los atacantes prueban primero.\n',
    });
    const good = hashPassword('paper lantern over the river');
    expect(good.status).toBe(0);
    expect(good.stdout).toMatch(/^scrypt\$131072\$8\$1\$[A-Za-z0-9+/=]+\$[A-Za-z0-9+/=]+\n$/);
  }, 30_000);
});
