import { readdirSync } from 'node:fs';
import { dropSchema, testDatabaseUrl, uniqueSchemaName } from '@enlace/event-store/testing';
import { ApiProcess, buildApi, freePort } from './support/api-process.js';
import { removeSiteConfig, siteAuditKeyFile, siteConfigDir } from './support/site-config.js';

/**
 * The api's edges as an operator runs it (built, its own process, real HTTP): the same security headers on every
 * answer, no framework banner, no caching of API answers; the OpenAPI docs off in production unless enabled, then
 * for admins only and never framed; demo webhook secrets and the local outbox refused in production; /health naming what is down without
 * the driver's words, except to an admin.
 */
const schema = uniqueSchemaName('edges_e2e');
const SITE_PASSWORD = 'a site password nobody else knows';
const JWT_SECRET = 'a-production-secret-of-at-least-32-characters';
const processes: ApiProcess[] = [];
let siteConfig: string;

async function start(env: Record<string, string> = {}): Promise<ApiProcess> {
  const api = await ApiProcess.start({ databaseUrl: testDatabaseUrl(), schema, env });
  processes.push(api);
  return api;
}

async function get(api: ApiProcess, path: string, headers: Record<string, string> = {}) {
  const response = await fetch(`${api.url}${path}`, { headers });
  const text = await response.text();
  return { status: response.status, headers: response.headers, text };
}

/** Signs in with the site's password (a production process has its own secret: no cached token fits). */
async function siteToken(api: ApiProcess, username: string): Promise<string> {
  const { status, body } = await api.request<{ accessToken: string }>('POST', '/api/auth/login', {
    body: { username, password: SITE_PASSWORD },
  });
  if (status !== 200) throw new Error(`login ${username}: ${status} ${JSON.stringify(body)}`);
  return body.accessToken;
}

const bearer = (token: string) => ({ authorization: `Bearer ${token}` });

beforeAll(async () => {
  // The whole build: the console's files are among the answers checked.
  buildApi({ console: true });
  siteConfig = await siteConfigDir(SITE_PASSWORD);
}, 120_000);

afterAll(async () => {
  await Promise.all(processes.map((api) => api.stop()));
  await removeSiteConfig(siteConfig);
  await dropSchema(schema);
}, 30_000);

describe('every answer', () => {
  let api: ApiProcess;
  let admin: string;
  let auditor: string;

  beforeAll(async () => {
    // Nothing answers on this Redis port: /health has a dependency down to report.
    api = await start({ REDIS_URL: `redis://127.0.0.1:${await freePort()}` });
    [admin, auditor] = await Promise.all([api.token('admin'), api.token('auditor')]);
  }, 60_000);

  it('carries one Content-Security-Policy and the other security headers, and no X-Powered-By', async () => {
    const asset = readdirSync('dist/console/assets').find((name) => name.endsWith('.js'))!;
    const answers = {
      'GET /api/ports': await get(api, '/api/ports', bearer(auditor)),
      'GET /api/ports (no token)': await get(api, '/api/ports'),
      'GET /api/no-such-route': await get(api, '/api/no-such-route', bearer(auditor)),
      'GET /api/docs': await get(api, '/api/docs'),
      'GET /api/docs-json': await get(api, '/api/docs-json'),
      [`GET /assets/${asset}`]: await get(api, `/assets/${asset}`),
      'GET /': await get(api, '/', { accept: 'text/html' }),
      'GET /ports/otay-mesa (a console route)': await get(api, '/ports/otay-mesa', { accept: 'text/html' }),
      'GET /health': await get(api, '/health'),
    };
    const policies = new Set<string | null>();
    for (const [request, { status, headers }] of Object.entries(answers)) {
      expect({ request, status: status < 500 }).toEqual({ request, status: true });
      policies.add(headers.get('content-security-policy'));
      expect({
        request,
        frameOptions: headers.get('x-frame-options'),
        contentTypeOptions: headers.get('x-content-type-options'),
        referrerPolicy: headers.get('referrer-policy'),
        openerPolicy: headers.get('cross-origin-opener-policy'),
        resourcePolicy: headers.get('cross-origin-resource-policy'),
        transportSecurity: headers.get('strict-transport-security'),
        poweredBy: headers.get('x-powered-by'),
      }).toEqual({
        request,
        frameOptions: 'DENY',
        contentTypeOptions: 'nosniff',
        referrerPolicy: 'no-referrer',
        openerPolicy: 'same-origin',
        resourcePolicy: 'same-origin',
        transportSecurity: 'max-age=31536000; includeSubDomains',
        poweredBy: null,
      });
    }
    expect([...policies]).toEqual([
      "default-src 'self';connect-src 'self';img-src 'self' data:;style-src 'self' 'unsafe-inline';" +
        "script-src 'self';font-src 'self';object-src 'none';base-uri 'self';form-action 'self';frame-ancestors 'none'",
    ]);
    expect(answers['GET /'].status).toBe(200);
    expect(answers[`GET /assets/${asset}`]!.status).toBe(200);
    expect(answers['GET /api/docs'].status).toBe(200);
  });

  it('API answers and /health are never cached; the console page is revalidated, its hashed assets kept', async () => {
    for (const path of ['/api/ports', '/api/no-such-route', '/api/docs-json', '/health']) {
      const { headers } = await get(api, path, bearer(auditor));
      expect({ path, cacheControl: headers.get('cache-control') }).toEqual({ path, cacheControl: 'no-store' });
    }
    expect((await get(api, '/', { accept: 'text/html' })).headers.get('cache-control')).toBe('no-cache');
    const asset = readdirSync('dist/console/assets')[0]!;
    expect((await get(api, `/assets/${asset}`)).headers.get('cache-control')).toBe(
      'public, max-age=31536000, immutable',
    );
  });

  it("/health names the dependency that is down; only an admin's token also gets the driver's error", async () => {
    const anonymous = await get(api, '/health');
    expect(anonymous.status).toBe(200);
    const report = JSON.parse(anonymous.text) as {
      status: string;
      checks: Record<string, Record<string, unknown>>;
    };
    expect(report.status).toBe('degraded');
    expect(report.checks.eventStore).toEqual({ status: 'up', latencyMs: expect.any(Number) as unknown });
    expect(report.checks.redis).toEqual({ status: 'down' });
    const asAuditor = JSON.parse((await get(api, '/health', bearer(auditor))).text) as typeof report;
    expect(asAuditor.checks.redis).toEqual({ status: 'down' });
    const forged = JSON.parse((await get(api, '/health', bearer(`${admin}x`))).text) as typeof report;
    expect(forged.checks.redis).toEqual({ status: 'down' });

    const asAdmin = JSON.parse((await get(api, '/health', bearer(admin))).text) as typeof report;
    expect(asAdmin.status).toBe('degraded');
    expect(asAdmin.checks.redis).toEqual({ status: 'down', error: expect.any(String) as unknown });
    expect((asAdmin.checks.redis!.error as string).length).toBeGreaterThan(0);
  });
});

describe('in production', () => {
  const production = () => ({
    NODE_ENV: 'production',
    JWT_SECRET,
    METRICS_TOKEN: 'a-production-metrics-token-of-at-least-32-characters',
    CONFIG_DIR: siteConfig,
    AUDIT_SIGNING_KEY_FILE: siteAuditKeyFile(siteConfig),
  });

  it('serves no OpenAPI docs unless API_DOCS says so', async () => {
    const api = await start(production());
    for (const path of ['/api/docs', '/api/docs-json', '/api/docs-yaml', '/api/docs/swagger-ui-init.js']) {
      const { status, headers } = await get(api, path, bearer(await siteToken(api, 'admin')));
      expect({ path, status }).toEqual({ path, status: 404 });
      expect(headers.get('x-powered-by')).toBeNull();
    }
    // The rest of the api is there, with the same headers.
    const ports = await get(api, '/api/ports', bearer(await siteToken(api, 'auditor')));
    expect(ports.status).toBe(200);
    expect(ports.headers.get('x-frame-options')).toBe('DENY');
  }, 60_000);

  it("with API_DOCS=admin: the docs answer an admin's token only, and may not be framed", async () => {
    const api = await start({ ...production(), API_DOCS: 'admin' });
    const [admin, officer] = await Promise.all([siteToken(api, 'admin'), siteToken(api, 'officer.us')]);
    for (const path of ['/api/docs', '/api/docs-json', '/api/docs/swagger-ui-init.js']) {
      const anonymous = await get(api, path);
      expect({ path, status: anonymous.status }).toEqual({ path, status: 401 });
      expect(JSON.parse(anonymous.text)).toMatchObject({ statusCode: 401, code: 'UNAUTHENTICATED' });
      const notAdmin = await get(api, path, bearer(officer));
      expect({ path, status: notAdmin.status }).toEqual({ path, status: 403 });
      expect(JSON.parse(notAdmin.text)).toMatchObject({ statusCode: 403, code: 'AUTH.ROLE' });
      const forged = await get(api, path, bearer(`${admin}x`));
      expect({ path, status: forged.status }).toEqual({ path, status: 401 });
    }
    const document = await get(api, '/api/docs-json', bearer(admin));
    expect(document.status).toBe(200);
    expect(Object.keys((JSON.parse(document.text) as { paths: object }).paths)).toContain('/api/incidents');
    const page = await get(api, '/api/docs', bearer(admin));
    expect(page.status).toBe(200);
    expect(page.text).toContain('swagger-ui');
    expect(page.headers.get('x-frame-options')).toBe('DENY');
    expect(page.headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
    expect(page.headers.get('cache-control')).toBe('no-store');
  }, 60_000);

  it('refuses to start with the demo webhook secrets and the local outbox of the committed delivery config', async () => {
    const refused = start({ ...production(), WORKER_EMBEDDED: 'true' });
    await expect(refused).rejects.toThrow(
      /agencies\[0\]\.webhook\.secret: is a demo secret \(it starts with "demo-"\), refused with NODE_ENV=production/,
    );
    await expect(refused).rejects.toThrow(
      /outbox: "local" keeps every message on this machine instead of sending it, refused with NODE_ENV=production: .* \/ "local" guarda cada mensaje en esta máquina en vez de enviarlo, rechazado con NODE_ENV=production/,
    );
  }, 60_000);
});
