import { existsSync, readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { Metrics } from './metrics.js';

/**
 * The site's dashboard and alerts (docker/) read only metrics this code registers: every metric name in their
 * expressions is one the registry has (a histogram's `_bucket`, `_sum` and `_count` included), and the files parse.
 * Reads the repository's own files; nothing else.
 */
const read = (path: string) => readFileSync(new URL(`../../../${path}`, import.meta.url), 'utf8');

interface Rule {
  alert: string;
  expr: string;
  labels: { severity: string };
  annotations: { summary: string };
}

const dashboard = JSON.parse(read('docker/grafana/enlace-dashboard.json')) as {
  uid: string;
  panels: { type: string; title: string; datasource?: { uid: string }; targets?: { expr: string }[] }[];
};
const alerts = parse(read('docker/prometheus/alerts.yml')) as { groups: { name: string; rules: Rule[] }[] };
const prometheus = parse(read('docker/prometheus/prometheus.yml')) as {
  rule_files: string[];
  scrape_configs: { job_name: string; metrics_path: string; authorization: { credentials_file: string } }[];
};

/** Every name the registry exposes, as Prometheus sees it. */
async function exposedNames(): Promise<Set<string>> {
  const names = new Set<string>();
  for (const metric of await new Metrics().registry.getMetricsAsJSON()) {
    names.add(metric.name);
    if (String(metric.type) === 'histogram' || String(metric.type) === 'summary') {
      for (const suffix of ['_bucket', '_sum', '_count']) names.add(`${metric.name}${suffix}`);
    }
  }
  return names;
}

/** The metric names an expression reads: ours and the Node process's (`up` and functions are Prometheus's own). */
const metricNamesIn = (expr: string): string[] => expr.match(/\b(enlace|process|nodejs)_[a-z0-9_]+\b/g) ?? [];

const dashboardExprs = () => dashboard.panels.flatMap((panel) => (panel.targets ?? []).map((target) => target.expr));
const alertExprs = () => alerts.groups.flatMap((group) => group.rules.map((rule) => rule.expr));

describe('the site monitoring files', () => {
  it('read only metrics the code registers', async () => {
    const exposed = await exposedNames();
    const unknown = [...dashboardExprs(), ...alertExprs()].flatMap(metricNamesIn).filter((name) => !exposed.has(name));
    expect(unknown).toEqual([]);
  });

  it('the dashboard shows what a site watches, each panel from the provisioned Prometheus', () => {
    const exprs = dashboardExprs().join('\n');
    for (const name of [
      'enlace_http_requests_total',
      'enlace_http_request_duration_seconds_bucket',
      'enlace_commands_total',
      'enlace_event_store_append_duration_seconds_bucket',
      'enlace_consumer_lag_seconds',
      'enlace_read_models_caught_up',
      'enlace_console_connections',
      'enlace_console_send_duration_seconds_bucket',
      'enlace_queue_jobs',
      'enlace_deliveries_total',
      'enlace_overdue_acknowledgments',
      'enlace_escalations_total',
      'enlace_login_failures_total',
    ]) {
      expect([name, exprs.includes(name)]).toEqual([name, true]);
    }
    const datasource = parse(read('docker/grafana/provisioning/datasources/prometheus.yml')) as {
      datasources: { uid: string }[];
    };
    const uids = new Set(dashboard.panels.filter((panel) => panel.type !== 'row').map((p) => p.datasource?.uid));
    expect([...uids]).toEqual([datasource.datasources[0]!.uid]);
    expect(dashboard.panels.filter((panel) => panel.type !== 'row' && !panel.targets?.length)).toEqual([]);
  });

  it('the alerts cover lag, deliveries, overdue acknowledgments, 5xx, failing appends and Redis, each explained', () => {
    const rules = alerts.groups.flatMap((group) => group.rules);
    const about = (name: string) => rules.filter((rule) => rule.expr.includes(name)).map((rule) => rule.alert);
    expect(about('enlace_consumer_lag_seconds')).toContain('EnlaceSubscriptionLagHigh');
    expect(about('enlace_deliveries_total')).toEqual(['EnlaceDeliveriesGivingUp', 'EnlaceDeliveryFailuresHigh']);
    expect(about('enlace_overdue_acknowledgments')).toEqual(['EnlaceOverdueAcknowledgments']);
    expect(about('enlace_http_requests_total')).toEqual(['EnlaceHttp5xxRateHigh']);
    expect(about('enlace_event_store_appends_total')).toEqual(['EnlaceEventStoreAppendsFailing']);
    expect(about('enlace_redis_up')).toEqual(['EnlaceRedisDown']);
    for (const rule of rules) {
      expect([rule.alert, ['warning', 'critical'].includes(rule.labels.severity)]).toEqual([rule.alert, true]);
      expect(rule.annotations.summary.length).toBeGreaterThan(10);
    }
    expect(new Set(rules.map((rule) => rule.alert)).size).toBe(rules.length);
  });

  it('Prometheus scrapes the api and the worker on /metrics with the token, and loads the alerts', () => {
    expect(prometheus.rule_files).toEqual(['/etc/prometheus/alerts.yml']);
    expect(prometheus.scrape_configs.map((job) => [job.job_name, job.metrics_path])).toEqual([
      ['enlace-api', '/metrics'],
      ['enlace-worker', '/metrics'],
    ]);
    for (const job of prometheus.scrape_configs) {
      expect(job.authorization.credentials_file).toBe('/run/secrets/metrics_token');
    }
  });

  it('compose runs them behind the monitoring profile, with these files, the token for every app and the worker port', () => {
    const compose = parse(read('docker/compose.yaml'), { merge: true }) as {
      services: Record<
        string,
        { profiles?: string[]; volumes?: string[]; secrets?: string[]; environment?: Record<string, unknown> }
      >;
    };
    const { prometheus: scraper, grafana, api, worker } = compose.services;
    expect([scraper!.profiles, grafana!.profiles]).toEqual([['monitoring'], ['monitoring']]);
    const hostPaths = [...scraper!.volumes!, ...grafana!.volumes!].filter((v) => v.startsWith('./'));
    expect(
      hostPaths.map((volume) => existsSync(new URL(`../../../docker/${volume.split(':')[0]}`, import.meta.url))),
    ).toEqual(hostPaths.map(() => true));
    for (const app of [api!, worker!, scraper!]) expect(app.secrets).toContain('metrics_token');
    expect(api!.environment!.METRICS_TOKEN_FILE).toBe('/run/secrets/metrics_token');
    expect(worker!.environment!.METRICS_TOKEN_FILE).toBe('/run/secrets/metrics_token');
    expect(worker!.environment!.METRICS_PORT).toBe(9464);
  });
});
