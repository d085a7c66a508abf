import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { MetricsListener } from './metrics-listener.js';
import { GENERATED_METRICS_TOKEN_FILE, loadMetricsToken } from './metrics-token.js';
import { Metrics } from './metrics.js';

/** The listener of its own (METRICS_PORT: how a worker is scraped) over real HTTP on loopback, and where its token comes from. */
describe('METRICS_PORT listener', () => {
  const token = 't'.repeat(40);
  const metrics = new Metrics();
  const listener = new MetricsListener(metrics, token);
  let base: string;

  beforeAll(async () => {
    base = `http://127.0.0.1:${await listener.listen(0, '127.0.0.1')}`;
  });
  afterAll(() => listener.close());

  it('serves /metrics with the token, 401 in English and Spanish without it, 404 elsewhere', async () => {
    metrics.deliveries.inc({ channel: 'webhook', outcome: 'delivered' });
    const ok = await fetch(`${base}/metrics`, { headers: { authorization: `Bearer ${token}` } });
    expect(ok.status).toBe(200);
    expect(ok.headers.get('content-type')).toMatch(/^text\/plain; version=0\.0\.4/);
    expect(await ok.text()).toMatch(/^enlace_deliveries_total\{channel="webhook",outcome="delivered"\} 1$/m);

    const refused = await fetch(`${base}/metrics`, { headers: { authorization: 'Bearer wrong' } });
    expect(refused.status).toBe(401);
    expect(refused.headers.get('www-authenticate')).toBe('Bearer realm="enlace-metrics"');
    const body = (await refused.json()) as { code: string; message: { en: string; es: string } };
    expect(body.code).toBe('METRICS.UNAUTHENTICATED');
    expect(body.message.es).toMatch(/métricas/);

    expect((await fetch(`${base}/health`, { headers: { authorization: `Bearer ${token}` } })).status).toBe(404);
  });
});

describe('loadMetricsToken', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'enlace-metrics-token-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('outside production with nothing set: generates one into DATA_DIR (0600) and keeps it across restarts', () => {
    const lines: string[] = [];
    const first = loadMetricsToken({ NODE_ENV: 'development', DATA_DIR: dir }, (line) => lines.push(line));
    const file = join(dir, GENERATED_METRICS_TOKEN_FILE);
    expect(first.length).toBeGreaterThanOrEqual(32);
    expect(readFileSync(file, 'utf8').trim()).toBe(first);
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(lines).toEqual([expect.stringContaining(file)]);
    expect(loadMetricsToken({ NODE_ENV: 'development', DATA_DIR: dir })).toBe(first);
  });

  it('takes METRICS_TOKEN, or the text of METRICS_TOKEN_FILE; production refuses none, or a demo one', () => {
    const token = 'p'.repeat(40);
    expect(loadMetricsToken({ NODE_ENV: 'production', DATA_DIR: dir, METRICS_TOKEN: token })).toBe(token);
    const file = join(dir, 'metrics_token');
    writeFileSync(file, `${token}\n`, { mode: 0o600 });
    expect(loadMetricsToken({ NODE_ENV: 'production', DATA_DIR: dir, METRICS_TOKEN_FILE: file })).toBe(token);
    expect(() => loadMetricsToken({ NODE_ENV: 'production', DATA_DIR: dir })).toThrow(
      /METRICS_TOKEN or METRICS_TOKEN_FILE must be set in production/,
    );
    writeFileSync(file, `demo-${token}\n`);
    expect(() => loadMetricsToken({ NODE_ENV: 'production', DATA_DIR: dir, METRICS_TOKEN_FILE: file })).toThrow(
      /METRICS_TOKEN_FILE .*: the \/metrics token is a demo token/,
    );
    expect(() =>
      loadMetricsToken({ NODE_ENV: 'development', DATA_DIR: dir, METRICS_TOKEN_FILE: join(dir, 'absent') }),
    ).toThrow(/no such file/);
  });
});
