// Sign-in, tokens and sessions on the real api and PostgreSQL (and the machine's Redis, under keys of this test's own):
// which tokens are refused and why, refresh rotation and reuse, logout, removed and disabled accounts, the sign-in
// journal, admins' account work, and the re-hashing of older password hashes.
import { randomUUID } from 'node:crypto';
import { readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ApiHarness, type ApiResponse } from '../testing/api-harness.js';
import { hashPassword, SCRYPT } from './password.js';

interface Tokens {
  accessToken: string;
  refreshToken: string;
  expiresIn: number;
  refreshExpiresAt: string;
  sessionExpiresAt: string;
  user: { username: string; role: string };
}
interface ErrorBody {
  statusCode: number;
  code: string;
  message: { en: string; es: string };
}
interface ActivityEntry {
  type: string;
  username: string | null;
  address: string | null;
  userAgent: string | null;
  reason: string | null;
  sessionId: string | null;
  actor: string;
  revision: number;
}

let harness: ApiHarness;
const now = () => Math.floor(Date.now() / 1000);

beforeAll(async () => {
  harness = await ApiHarness.start({
    users: [
      { username: 'leaver', displayName: 'Leaves soon', agency: 'CBP', country: 'US', role: 'officer' },
      { username: 'mover', displayName: 'Changes side', agency: 'CBP', country: 'US', role: 'officer' },
      { username: 'rehash.me', displayName: 'Old hash', agency: 'CBP', country: 'US', role: 'auditor' },
    ],
  });
}, 60_000);

afterAll(async () => {
  await harness.stop();
});

async function login(username: string, password = 'demo', headers: Record<string, string> = {}) {
  return harness.request<Tokens & ErrorBody>('POST', '/api/auth/login', {
    body: { username, password },
    headers: { 'user-agent': 'auth-int-spec', ...headers },
  });
}

async function signedIn(username: string): Promise<Tokens> {
  const response = await login(username);
  expect(response.status).toBe(200);
  return response.body;
}

const me = (token: string) =>
  harness.request<ErrorBody>('GET', '/api/auth/me', { headers: { authorization: `Bearer ${token}` } });
const refresh = (refreshToken: string) =>
  harness.request<Tokens & ErrorBody>('POST', '/api/auth/refresh', { body: { refreshToken } });
const logout = (token: string) =>
  harness.request('POST', '/api/auth/logout', { headers: { authorization: `Bearer ${token}` } });

function expectRefused(response: ApiResponse<ErrorBody>, code: string): void {
  expect({ status: response.status, code: response.body.code }).toEqual({ status: 401, code });
  expect(response.body.message.en.length).toBeGreaterThan(0);
  expect(response.body.message.es.length).toBeGreaterThan(0);
}

function claimsOf(token: string): Record<string, unknown> {
  return JSON.parse(Buffer.from(token.split('.')[1]!, 'base64url').toString()) as Record<string, unknown>;
}

async function until(check: () => Promise<boolean>, what: string, timeoutMs = 5_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** The api looks at users.json every second (sign-ins are not polled meanwhile: failures would lock the name). */
const directoryReadAgain = () => new Promise((resolve) => setTimeout(resolve, 2_500));

async function activity(limit = 200): Promise<ActivityEntry[]> {
  const response = await harness.request<{ entries: ActivityEntry[] }>('GET', `/api/auth/activity?limit=${limit}`, {
    as: 'auditor',
  });
  expect(response.status).toBe(200);
  return response.body.entries;
}

describe('the signing secret', () => {
  it('is generated on first start in DATA_DIR, mode 0600, and signs the tokens', async () => {
    const file = join(harness.dataDir, 'jwt-secret');
    expect(statSync(file).mode & 0o777).toBe(0o600);
    const secret = readFileSync(file, 'utf8').trim();
    expect(Buffer.byteLength(secret)).toBeGreaterThanOrEqual(32);
    expect(harness.signingSecret.toString('utf8')).toBe(secret);
    const { accessToken } = await signedIn('officer.us');
    const [header, payload] = accessToken.split('.');
    expect(
      harness.signToken(JSON.parse(Buffer.from(payload!, 'base64url').toString()) as Record<string, unknown>, {
        header: JSON.parse(Buffer.from(header!, 'base64url').toString()) as object,
      }),
    ).toBe(accessToken);
  });
});

describe('access tokens', () => {
  it('carry exp, iat, iss, aud, sub, a session id, a role, a side and last 15 minutes', async () => {
    const tokens = await signedIn('officer.mx');
    const claims = claimsOf(tokens.accessToken);
    expect(claims).toMatchObject({
      iss: 'enlace',
      aud: 'enlace-api',
      sub: 'officer.mx',
      role: 'officer',
      country: 'MX',
    });
    expect(claims.exp).toBe((claims.iat as number) + 900);
    expect(tokens.expiresIn).toBe(900);
    expect(claims.sid).toMatch(/^[0-9a-f-]{36}$/);
    expect(JSON.parse(Buffer.from(tokens.accessToken.split('.')[0]!, 'base64url').toString())).toEqual({
      alg: 'HS256',
      typ: 'at+jwt',
    });
  });

  it('are refused, even signed with the right secret, when a claim is missing, unknown or not as the directory says', async () => {
    const { accessToken } = await signedIn('officer.us');
    const valid = claimsOf(accessToken);
    const { exp: _exp, ...noExp } = valid;
    const cases: [string, Record<string, unknown>, string, object?][] = [
      ['no exp', noExp, 'AUTH.TOKEN_INVALID'],
      ['no iat', { ...valid, iat: undefined }, 'AUTH.TOKEN_INVALID'],
      ['living longer than 15 minutes', { ...valid, exp: now() + 7 * 24 * 3600 }, 'AUTH.TOKEN_INVALID'],
      ['issued in the future', { ...valid, iat: now() + 3600, exp: now() + 3700 }, 'AUTH.TOKEN_INVALID'],
      ['another issuer', { ...valid, iss: 'someone-else' }, 'AUTH.TOKEN_INVALID'],
      ['another audience', { ...valid, aud: 'another-api' }, 'AUTH.TOKEN_INVALID'],
      ['role system', { ...valid, role: 'system' }, 'AUTH.TOKEN_INVALID'],
      ['country CA', { ...valid, country: 'CA' }, 'AUTH.TOKEN_INVALID'],
      ['no session id', { ...valid, sid: undefined }, 'AUTH.TOKEN_INVALID'],
      ['a plain JWT, not an access token', valid, 'AUTH.TOKEN_INVALID', { alg: 'HS256', typ: 'JWT' }],
      ['an unknown user', { ...valid, sub: 'intruder' }, 'AUTH.ACCOUNT_CHANGED'],
      ['admin rights the directory does not give', { ...valid, role: 'admin' }, 'AUTH.ACCOUNT_CHANGED'],
      ['the other side', { ...valid, country: 'MX' }, 'AUTH.ACCOUNT_CHANGED'],
      ['a session that never began', { ...valid, sid: randomUUID() }, 'AUTH.SESSION_ENDED'],
      [
        "someone else's session",
        { ...valid, sid: claimsOf((await signedIn('officer.mx')).accessToken).sid },
        'AUTH.SESSION_ENDED',
      ],
      ['expired', { ...valid, iat: now() - 1000, exp: now() - 100 }, 'AUTH.TOKEN_EXPIRED'],
    ];
    for (const [label, claims, code, header] of cases) {
      const token = harness.signToken(claims, header ? { header } : {});
      const response = await me(token);
      expect({ label, status: response.status, code: response.body.code }).toEqual({ label, status: 401, code });
    }
    expect((await me(accessToken)).status).toBe(200);
  });
});

describe('refresh and logout', () => {
  it('rotates the refresh token on every use; the new access token works', async () => {
    const first = await signedIn('planner');
    const second = await refresh(first.refreshToken);
    expect(second.status).toBe(200);
    expect(second.body.refreshToken).not.toBe(first.refreshToken);
    expect(claimsOf(second.body.accessToken).sid).toBe(claimsOf(first.accessToken).sid);
    expect(second.body.sessionExpiresAt).toBe(first.sessionExpiresAt);
    const third = await refresh(second.body.refreshToken);
    expect(third.status).toBe(200);
    expect((await me(third.body.accessToken)).status).toBe(200);
  });

  it('ends the whole session when a spent refresh token comes back, and journals it', async () => {
    const first = await signedIn('planner');
    const second = await refresh(first.refreshToken);
    expect(second.status).toBe(200);
    expectRefused(await refresh(first.refreshToken), 'AUTH.REFRESH_TOKEN_REUSED');
    // Both holders lose: the latest refresh token and every access token of the session.
    expectRefused(await refresh(second.body.refreshToken), 'SESSION.REVOKED');
    expectRefused(await me(second.body.accessToken), 'AUTH.SESSION_ENDED');
    expectRefused(await me(first.accessToken), 'AUTH.SESSION_ENDED');
    const sessionId = claimsOf(first.accessToken).sid;
    expect((await activity()).find((entry) => entry.type === 'RefreshTokenReused')).toMatchObject({
      username: 'planner',
      sessionId,
    });
  });

  it('refuses refresh tokens that are malformed or were never issued', async () => {
    const { refreshToken } = await signedIn('planner');
    const [sessionId] = refreshToken.split('.');
    expectRefused(await refresh('nonsense'), 'AUTH.REFRESH_TOKEN_INVALID');
    expectRefused(await refresh(`${randomUUID()}.${'A'.repeat(43)}`), 'AUTH.REFRESH_TOKEN_INVALID');
    expectRefused(await refresh(`${sessionId}.${'A'.repeat(43)}`), 'SESSION.BAD_REFRESH_TOKEN');
    // A forged one does not end the session.
    expect((await refresh(refreshToken)).status).toBe(200);
  });

  it('logout revokes the access token and the refresh token, and is journalled', async () => {
    const tokens = await signedIn('officer.us');
    expect((await logout(tokens.accessToken)).status).toBe(204);
    expectRefused(await me(tokens.accessToken), 'AUTH.SESSION_ENDED');
    expectRefused(await refresh(tokens.refreshToken), 'SESSION.REVOKED');
    expect((await activity()).find((entry) => entry.type === 'LoggedOut')).toMatchObject({
      username: 'officer.us',
      sessionId: claimsOf(tokens.accessToken).sid,
      actor: 'officer.us',
    });
  });
});

describe('accounts', () => {
  function setDirectory(change: (users: Record<string, unknown>[]) => Record<string, unknown>[]) {
    const file = join(harness.configDir, 'users.json');
    const directory = JSON.parse(readFileSync(file, 'utf8')) as { users: Record<string, unknown>[] };
    writeFileSync(file, JSON.stringify({ ...directory, users: change(directory.users) }, null, 2));
  }

  it('an account removed from the directory, or whose side changed, stops working within seconds, tokens and all', async () => {
    const leaver = await signedIn('leaver');
    const mover = await signedIn('mover');
    setDirectory((users) =>
      users
        .filter((user) => user.username !== 'leaver')
        .map((user) => (user.username === 'mover' ? { ...user, country: 'MX' } : user)),
    );
    await until(async () => (await me(leaver.accessToken)).status === 401, 'the directory to be read again');
    expectRefused(await me(leaver.accessToken), 'AUTH.ACCOUNT_CHANGED');
    expectRefused(await refresh(leaver.refreshToken), 'AUTH.ACCOUNT_CHANGED');
    expectRefused(await me(mover.accessToken), 'AUTH.ACCOUNT_CHANGED');
    expect((await login('leaver')).status).toBe(401);
    // The mover signs in again and acts for its new side.
    const moved = await signedIn('mover');
    expect(claimsOf(moved.accessToken).country).toBe('MX');
  });

  it('an admin disables an account: its sessions stop at once and do not come back when it is enabled again', async () => {
    const officer = await signedIn('officer.mx');
    const disable = await harness.request('POST', '/api/admin/accounts/officer.mx/disable', {
      as: 'admin',
      body: { reason: 'Badge lost' },
    });
    expect(disable.status).toBe(200);
    expectRefused(await me(officer.accessToken), 'AUTH.ACCOUNT_DISABLED');
    expectRefused(await refresh(officer.refreshToken), 'AUTH.ACCOUNT_DISABLED');
    const refused = await login('officer.mx');
    expect({ status: refused.status, code: refused.body.code }).toEqual({ status: 401, code: 'AUTH.SIGN_IN_FAILED' });

    const again = await harness.request<ErrorBody>('POST', '/api/admin/accounts/officer.mx/disable', {
      as: 'admin',
      body: {},
    });
    expect({ status: again.status, code: again.body.code }).toEqual({ status: 409, code: 'ACCOUNT.ALREADY_DISABLED' });
    expect((await harness.request('POST', '/api/admin/accounts/officer.mx/enable', { as: 'admin' })).status).toBe(200);
    expectRefused(await me(officer.accessToken), 'AUTH.ACCOUNT_DISABLED');
    expect((await me((await signedIn('officer.mx')).accessToken)).status).toBe(200);

    const entries = await activity();
    expect(entries.find((entry) => entry.type === 'AccountDisabled')).toMatchObject({
      username: 'officer.mx',
      reason: 'Badge lost',
      actor: 'admin',
    });
    expect(entries.find((entry) => entry.type === 'AccountEnabled')).toMatchObject({ actor: 'admin' });
    expect(entries.find((entry) => entry.type === 'LoginFailed' && entry.username === 'officer.mx')).toMatchObject({
      reason: 'account-disabled',
    });
  });

  it('refuses account work to anyone but admins, an admin disabling itself, and unknown accounts', async () => {
    for (const role of ['officer.us', 'auditor', 'planner']) {
      expect((await harness.request('GET', '/api/admin/accounts', { as: role })).status).toBe(403);
      expect(
        (await harness.request('POST', '/api/admin/accounts/officer.mx/disable', { as: role, body: {} })).status,
      ).toBe(403);
    }
    const self = await harness.request<ErrorBody>('POST', '/api/admin/accounts/admin/disable', {
      as: 'admin',
      body: {},
    });
    expect({ status: self.status, code: self.body.code }).toEqual({ status: 422, code: 'ACCOUNT.CANNOT_DISABLE_SELF' });
    const nobody = await harness.request<ErrorBody>('POST', '/api/admin/accounts/nobody/enable', { as: 'admin' });
    expect({ status: nobody.status, code: nobody.body.code }).toEqual({ status: 404, code: 'ACCOUNT.NOT_FOUND' });
    const badName = await harness.request<ErrorBody>('POST', '/api/admin/accounts/Bad%20Name/unlock', { as: 'admin' });
    expect({ status: badName.status, code: badName.body.code }).toEqual({ status: 400, code: 'VALIDATION_FAILED' });
    const notLocked = await harness.request<ErrorBody>('POST', '/api/admin/accounts/officer.us/unlock', {
      as: 'admin',
    });
    expect({ status: notLocked.status, code: notLocked.body.code }).toEqual({
      status: 422,
      code: 'ACCOUNT.NOT_LOCKED',
    });
  });
});

describe('the sign-in journal', () => {
  it('records successes and failures with the address and user agent, newest first, a page at a time', async () => {
    await signedIn('auditor');
    await login('auditor', 'wrong');
    await login('no.such.person', 'wrong');
    const entries = await activity(3);
    expect(entries.map((entry) => [entry.type, entry.username, entry.reason])).toEqual([
      ['LoginFailed', 'no.such.person', 'unknown-account'],
      ['LoginFailed', 'auditor', 'wrong-password'],
      ['LoginSucceeded', 'auditor', null],
    ]);
    for (const entry of entries) expect(entry).toMatchObject({ address: '127.0.0.1', userAgent: 'auth-int-spec' });
    expect(entries[2]!.actor).toBe('auditor');
    expect(entries[0]!.actor).toBe('system:auth');

    const first = await harness.request<{ entries: ActivityEntry[]; next: number }>(
      'GET',
      '/api/auth/activity?limit=2',
      {
        as: 'admin',
      },
    );
    const second = await harness.request<{ entries: ActivityEntry[] }>(
      'GET',
      `/api/auth/activity?limit=2&before=${first.body.next}`,
      { as: 'admin' },
    );
    const revisions = [...first.body.entries, ...second.body.entries].map((entry) => entry.revision);
    expect(revisions).toEqual([...revisions].sort((a, b) => b - a));
    expect(new Set(revisions).size).toBe(4);
    expect((await harness.request('GET', '/api/auth/activity', { as: 'officer.us' })).status).toBe(403);
    expect((await harness.request('GET', '/api/auth/activity?limit=0', { as: 'auditor' })).status).toBe(400);
  });

  it('answers a refused sign-in the same whether or not the account exists', async () => {
    const known = await login('officer.us', 'not-the-password');
    const unknown = await login('not.an.account', 'not-the-password');
    expect(known.status).toBe(401);
    expect(unknown.body).toEqual(known.body);
    const headers = (response: ApiResponse<unknown>) =>
      [...response.headers.entries()].filter(
        ([name]) => !['date', 'content-length', 'x-correlation-id'].includes(name),
      );
    expect(headers(unknown)).toEqual(headers(known));
  });
});

describe('what a client sends at sign-in', () => {
  interface Refusal {
    code: string;
    details: { fields: { field: string; rule: string; message: { en: string; es: string } }[] };
  }
  const journalLength = async () => (await harness.streamEvents('auth-log')).length;

  it('refuses what cannot be a username with a 400 naming the field in both languages, and journals nothing', async () => {
    const before = await journalLength();
    const names: unknown[] = [
      '\u202Enimda\u202C x',
      ' officer.us ',
      'admin\u0007',
      'adm\u200Bin',
      'Ádmin',
      'a',
      'x'.repeat(65),
      '1admin',
      42,
    ];
    for (const username of names) {
      const response = await harness.request<Refusal>('POST', '/api/auth/login', {
        body: { username, password: 'demo' },
      });
      expect({ username, status: response.status, code: response.body.code }).toEqual({
        username,
        status: 400,
        code: 'VALIDATION_FAILED',
      });
      const [problem] = response.body.details.fields.filter((field) => field.rule === 'isUsername');
      expect(problem).toMatchObject({ field: 'username' });
      expect(problem!.message.en).toMatch(/^username must be 2–64 letters/);
      expect(problem!.message.es).toMatch(/^username debe tener de 2 a 64 letras/);
    }
    expect(await journalLength()).toBe(before);
  });

  it('signs in a username typed in another case as the directory spells it', async () => {
    const response = await login('Officer.US');
    expect(response.status).toBe(200);
    expect(response.body.user.username).toBe('officer.us');
    const sessionId = claimsOf(response.body.accessToken).sid;
    expect((await activity()).find((entry) => entry.sessionId === sessionId)).toMatchObject({
      type: 'LoginSucceeded',
      username: 'officer.us',
    });
  });

  it('journals the user agent as printable ASCII only (a bidirectional override arrives as Latin-1 controls)', async () => {
    // U+202E in UTF-8 (E2 80 AE), as Node reads a header's bytes: â, a C1 control, ®.
    expect((await login('auditor', 'wrong', { 'user-agent': 'Mozilla RED \u00e2\u0080\u00ae tail' })).status).toBe(401);
    expect((await activity()).find((entry) => entry.type === 'LoginFailed')).toMatchObject({
      username: 'auditor',
      userAgent: 'Mozilla RED ??? tail',
      address: '127.0.0.1',
    });
  });
});

describe('password hashes', () => {
  it('re-hashes an older hash at the next sign-in, beside the data (mode 0600), leaving config/ untouched', async () => {
    const usersFile = join(harness.configDir, 'users.json');
    // An account whose directory hash predates OWASP's current parameters (N=2^14).
    const directory = JSON.parse(readFileSync(usersFile, 'utf8')) as { users: Record<string, unknown>[] };
    const { scrypt, randomBytes } = await import('node:crypto');
    const salt = randomBytes(16);
    const old = await new Promise<Buffer>((resolve, reject) =>
      scrypt('demo', salt, 32, { N: 16_384, r: 8, p: 1 }, (error, key) => (error ? reject(error) : resolve(key))),
    );
    const oldHash = `scrypt$16384$8$1$${salt.toString('base64')}$${old.toString('base64')}`;
    for (const user of directory.users) if (user.username === 'rehash.me') user.passwordHash = oldHash;
    writeFileSync(usersFile, JSON.stringify(directory, null, 2));
    const configBefore = readFileSync(usersFile, 'utf8');
    await directoryReadAgain();
    expect((await login('rehash.me')).status).toBe(200);

    const overlay = join(harness.dataDir, 'password-hashes.json');
    await until(() => {
      try {
        return Promise.resolve(readFileSync(overlay, 'utf8').includes('rehash.me'));
      } catch {
        return Promise.resolve(false);
      }
    }, 'the re-hashed password');
    expect(statSync(overlay).mode & 0o777).toBe(0o600);
    const upgraded = (JSON.parse(readFileSync(overlay, 'utf8')) as { hashes: Record<string, { hash: string }> }).hashes[
      'rehash.me'
    ]!.hash;
    expect(upgraded.startsWith(`scrypt$${SCRYPT.N}$${SCRYPT.r}$${SCRYPT.p}$`)).toBe(true);
    expect(readFileSync(usersFile, 'utf8')).toBe(configBefore);
    expect((await login('rehash.me')).status).toBe(200);
    expect((await login('rehash.me', 'wrong')).status).toBe(401);

    // A password set anew in the directory wins over the upgrade of the old one.
    const renewed = await hashPassword('renewed');
    for (const user of directory.users) if (user.username === 'rehash.me') user.passwordHash = renewed;
    writeFileSync(usersFile, JSON.stringify(directory, null, 2));
    await directoryReadAgain();
    expect((await login('rehash.me', 'renewed')).status).toBe(200);
    expect((await login('rehash.me', 'demo')).status).toBe(401);
  }, 60_000);

  it('demo accounts are hashed at the current parameters', () => {
    const users = (JSON.parse(readFileSync('config/users.json', 'utf8')) as { users: { passwordHash: string }[] })
      .users;
    for (const { passwordHash } of users) {
      expect(passwordHash.startsWith(`scrypt$${SCRYPT.N}$${SCRYPT.r}$${SCRYPT.p}$`)).toBe(true);
    }
  });
});
