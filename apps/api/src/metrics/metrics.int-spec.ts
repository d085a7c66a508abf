import { CONSOLE_NAMESPACE, type SubscribeAck } from '@enlace/console-protocol';
import { GENERATED_METRICS_TOKEN_FILE } from '@enlace/metrics';
import { parseExposition, type Sample, sampleSum, samplesOf } from '@enlace/metrics/testing';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { io } from 'socket.io-client';
import { apiForTheseTests } from '../testing/api-harness.js';

/**
 * `/metrics` of an api on the real PostgreSQL store and Redis: refused without the site's token; with it, every family
 * the dashboard and the alerts read, and counters that moved by what part of the officers' loop did through HTTP.
 */
const api = apiForTheseTests();

const FAMILIES = [
  'enlace_http_requests_total',
  'enlace_http_request_duration_seconds_bucket',
  'enlace_commands_total',
  'enlace_command_duration_seconds_count',
  'enlace_event_store_append_duration_seconds_bucket',
  'enlace_event_store_appends_total',
  'enlace_consumer_lag_events',
  'enlace_consumer_lag_seconds',
  'enlace_consumer_position',
  'enlace_read_models_caught_up',
  'enlace_console_connections',
  'enlace_console_room_subscriptions',
  'enlace_console_send_duration_seconds_count',
  'enlace_queue_jobs',
  'enlace_redis_up',
  'enlace_overdue_acknowledgments',
  'enlace_login_failures_total',
  'process_cpu_seconds_total',
  'nodejs_eventloop_lag_seconds',
];

/** Families a counter starts in only once something happened (prom-client shows a labelled counter from its first). */
const COUNTED_LATER = ['enlace_deliveries_total', 'enlace_escalations_total', 'enlace_lockouts_total'];

const token = () => readFileSync(join(api().dataDir, GENERATED_METRICS_TOKEN_FILE), 'utf8').trim();

async function scrape(): Promise<Sample[]> {
  const response = await fetch(`${api().baseUrl}/metrics`, { headers: { authorization: `Bearer ${token()}` } });
  expect(response.status).toBe(200);
  expect(response.headers.get('content-type')).toMatch(/^text\/plain; version=0\.0\.4/);
  return parseExposition(await response.text());
}

const incident = () => ({
  kind: 'hazmat-release',
  title: { en: 'Chlorine release at the commercial lot' },
  severity: 'severe',
  location: { lat: 32.549, lon: -116.938, description: { en: 'Otay Mesa commercial lot' } },
});

describe('/metrics', () => {
  it('answers 401 in English and Spanish without the metrics token, with a wrong one, or with a user token', async () => {
    const userToken = await api().token('admin');
    for (const authorization of [undefined, 'Bearer not-the-token', `Bearer ${userToken}`, `Basic ${token()}`]) {
      const response = await fetch(`${api().baseUrl}/metrics`, {
        headers: authorization === undefined ? {} : { authorization },
      });
      expect(response.status).toBe(401);
      expect(response.headers.get('www-authenticate')).toBe('Bearer realm="enlace-metrics"');
      const body = (await response.json()) as { code: string; message: { en: string; es: string } };
      expect(body.code).toBe('METRICS.UNAUTHENTICATED');
      expect(body.message.en).toMatch(/METRICS_TOKEN/);
      expect(body.message.es).toMatch(/token bearer/);
    }
  });

  it('is documented in the OpenAPI document with its own bearer scheme and its 401', async () => {
    const { body } = await api().request<{
      paths: Record<string, { get: { security: object[]; responses: Record<string, unknown> } }>;
      components: { securitySchemes: Record<string, { scheme: string }> };
    }>('GET', '/api/docs-json');
    expect(body.paths['/metrics']!.get.security).toEqual([{ 'metrics-token': [] }]);
    expect(Object.keys(body.paths['/metrics']!.get.responses)).toEqual(expect.arrayContaining(['200', '401']));
    expect(body.components.securitySchemes['metrics-token']!.scheme).toBe('bearer');
  });

  it('counts part of the officers loop by command and outcome, HTTP by route template, and reports every family', async () => {
    // Sign-ins first: what they append is not part of what is counted below.
    await Promise.all(['officer.us', 'officer.mx'].map((user) => api().token(user)));
    const board = io(`${api().baseUrl}${CONSOLE_NAMESPACE}`, {
      auth: { token: await api().token('officer.us') },
      transports: ['websocket'],
      forceNew: true,
    });
    try {
      const ack = (await board.emitWithAck('subscribe', { rooms: ['board'] })) as SubscribeAck;
      expect(ack.ok).toBe(true);
      const before = await scrape();

      const reported = await api().request<{ id: string }>('POST', '/api/incidents', {
        as: 'officer.us',
        body: incident(),
        headers: { 'idempotency-key': 'metrics-report-1' },
      });
      const retried = await api().request<{ id: string }>('POST', '/api/incidents', {
        as: 'officer.us',
        body: incident(),
        headers: { 'idempotency-key': 'metrics-report-1' },
      });
      expect(retried.body.id).toBe(reported.body.id);
      const id = reported.body.id;
      const updated = await api().request('PATCH', `/api/incidents/${id}`, {
        as: 'officer.us',
        body: { severity: 'extreme' },
        headers: { 'if-match': '"0"' },
      });
      const stale = await api().request('POST', `/api/incidents/${id}/situation-reports`, {
        as: 'officer.mx',
        body: { summary: { es: 'Se evacuó la zona' } },
        headers: { 'if-match': '"0"' },
      });
      const shutdown = await api().request('POST', '/api/ports/tecate/shutdowns', {
        as: 'officer.us',
        body: { kind: 'hazmat-release', reason: { en: 'Chlorine release', es: 'Fuga de cloro' } },
      });
      const reopening = await api().request('POST', '/api/ports/tecate/reopenings', { as: 'officer.us', body: {} });
      const wrongPassword = await api().request('POST', '/api/auth/login', {
        body: { username: 'officer.us', password: 'not-the-password' },
      });
      const nowhere = await api().request('GET', '/api/nowhere/at-all', { as: 'officer.us' });
      expect([reported.status, retried.status, updated.status, stale.status]).toEqual([201, 201, 200, 409]);
      expect([shutdown.status, reopening.status, wrongPassword.status, nowhere.status]).toEqual([201, 422, 401, 404]);

      let after = await scrape();
      const moved = (name: string, labels: Record<string, string> = {}) =>
        sampleSum(after, name, labels) - sampleSum(before, name, labels);

      expect(moved('enlace_commands_total', { command: 'ReportIncident', outcome: 'accepted' })).toBe(1);
      expect(moved('enlace_commands_total', { command: 'ReportIncident', outcome: 'replayed' })).toBe(1);
      expect(moved('enlace_commands_total', { command: 'UpdateIncident', outcome: 'accepted' })).toBe(1);
      expect(moved('enlace_commands_total', { command: 'FileSituationReport', outcome: 'conflict' })).toBe(1);
      expect(moved('enlace_commands_total', { command: 'DeclarePortShutdown', outcome: 'accepted' })).toBe(1);
      expect(moved('enlace_commands_total', { command: 'ReopenPortLanes', outcome: 'refused' })).toBe(1);
      expect(moved('enlace_command_duration_seconds_count', { command: 'ReportIncident' })).toBe(2);

      const http = (method: string, route: string, status: number) =>
        moved('enlace_http_requests_total', { method, route, status: String(status) });
      // The report and its replay (a replay answers the first answer's status).
      expect(http('POST', '/api/incidents', 201)).toBe(2);
      expect(http('PATCH', '/api/incidents/:id', 200)).toBe(1);
      expect(http('POST', '/api/incidents/:id/situation-reports', 409)).toBe(1);
      expect(http('POST', '/api/ports/:id/reopenings', 422)).toBe(1);
      expect(http('POST', '/api/auth/login', 401)).toBe(1);
      expect(http('GET', 'unmatched', 404)).toBe(1);
      expect(
        moved('enlace_http_request_duration_seconds_count', { method: 'PATCH', route: '/api/incidents/:id' }),
      ).toBe(1);
      // Templates, never raw paths: no label carries the incident's id.
      expect(after.filter((sample) => JSON.stringify(sample.labels).includes(id))).toEqual([]);

      // Three commands appended (the sign-in journal appended the failed sign-in); the stale one appended nothing.
      expect(moved('enlace_event_store_appends_total', { outcome: 'appended' })).toBeGreaterThanOrEqual(4);
      expect(moved('enlace_event_store_appends_total', { outcome: 'conflict' })).toBe(0);
      expect(moved('enlace_event_store_append_duration_seconds_count', { store: 'postgres' })).toBe(
        moved('enlace_event_store_appends_total'),
      );
      expect(moved('enlace_login_failures_total', { reason: 'wrong-password' })).toBe(1);

      // The board heard the incident and the shutdown: each emitted to the console, timed from its append.
      expect(moved('enlace_console_send_duration_seconds_count')).toBeGreaterThanOrEqual(2);
      expect(sampleSum(after, 'enlace_console_connections')).toBe(1);
      expect(sampleSum(after, 'enlace_console_room_subscriptions', { room: 'board' })).toBe(1);

      for (const family of FAMILIES) expect([family, samplesOf(after, family).length > 0]).toEqual([family, true]);
      for (const state of ['waiting', 'active', 'delayed', 'failed', 'completed']) {
        expect(samplesOf(after, 'enlace_queue_jobs', { queue: 'deliveries', state })).toHaveLength(1);
      }
      expect(sampleSum(after, 'enlace_redis_up')).toBe(1);

      // Caught up: every consumer's lag back to 0 once the events are handled, the read models' among them.
      for (let attempt = 0; attempt < 50; attempt += 1) {
        if (sampleSum(after, 'enlace_read_models_caught_up') === 1) break;
        await new Promise((resolve) => setTimeout(resolve, 100));
        after = await scrape();
      }
      expect(sampleSum(after, 'enlace_read_models_caught_up')).toBe(1);
      const readModels = { consumer: 'read-models', world: 'live' };
      expect(samplesOf(after, 'enlace_consumer_lag_events', readModels).map((sample) => sample.value)).toEqual([0]);
      expect(samplesOf(after, 'enlace_consumer_lag_seconds', readModels).map((sample) => sample.value)).toEqual([0]);
      expect(sampleSum(after, 'enlace_consumer_lag_events')).toBe(0);
      expect(sampleSum(after, 'enlace_consumer_position', readModels)).toBeGreaterThan(
        sampleSum(before, 'enlace_consumer_position', readModels),
      );
      for (const family of COUNTED_LATER) {
        expect(after.some((sample) => sample.name === family)).toBe(false);
      }
    } finally {
      board.disconnect();
    }
  }, 60_000);
});
