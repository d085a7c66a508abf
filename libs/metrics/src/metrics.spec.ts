import { COLLECT_TIMEOUT_MS, Metrics } from './metrics.js';
import { isMetricsScrapeAuthorized, metricsTokenProblem } from './metrics-token.js';

describe('Metrics', () => {
  it('renders every family of issue 16 and the Node process metrics, each registry its own', async () => {
    const metrics = new Metrics();
    metrics.commandDone('ReportIncident', 'accepted', 0.012);
    const text = await metrics.render();
    expect(text).toMatch(/^enlace_commands_total\{command="ReportIncident",outcome="accepted"\} 1$/m);
    expect(text).toMatch(/^enlace_command_duration_seconds_bucket\{le="0\.025",command="ReportIncident"\} 1$/m);
    expect(text).toMatch(/^process_cpu_seconds_total /m);
    expect(text).toMatch(/^nodejs_heap_size_used_bytes /m);
    // A second process-like registry starts from nothing (no clash over the global one).
    expect(await new Metrics().render()).not.toMatch(/^enlace_commands_total\{/m);
  });

  it('runs the collectors on each scrape, and one that never answers does not hold the scrape', async () => {
    const metrics = new Metrics();
    let scrapes = 0;
    metrics.addCollector(() => {
      scrapes += 1;
      metrics.redisUp.set(1);
    });
    const removeHanging = metrics.addCollector(() => new Promise<void>(() => undefined));
    metrics.addCollector(() => {
      throw new Error('a dependency is away');
    });
    const started = performance.now();
    const text = await metrics.render();
    expect(performance.now() - started).toBeLessThan(COLLECT_TIMEOUT_MS + 1_000);
    expect(text).toMatch(/^enlace_redis_up 1$/m);
    removeHanging();
    await metrics.render();
    expect(scrapes).toBe(2);
  }, 10_000);
});

describe('the metrics token', () => {
  const token = 'k'.repeat(40);

  it('is a bearer token, compared whole', () => {
    expect(isMetricsScrapeAuthorized(`Bearer ${token}`, token)).toBe(true);
    expect(isMetricsScrapeAuthorized(`bearer   ${token} `, token)).toBe(true);
    expect(isMetricsScrapeAuthorized(`Bearer ${token}x`, token)).toBe(false);
    expect(isMetricsScrapeAuthorized(`Bearer ${token.slice(1)}`, token)).toBe(false);
    expect(isMetricsScrapeAuthorized(`Basic ${token}`, token)).toBe(false);
    expect(isMetricsScrapeAuthorized(token, token)).toBe(false);
    expect(isMetricsScrapeAuthorized(undefined, token)).toBe(false);
  });

  it('has at least 32 bytes, and is no demo token in production', () => {
    expect(metricsTokenProblem(token, true)).toBeUndefined();
    expect(metricsTokenProblem('short', false)).toBe('must be at least 32 bytes');
    expect(metricsTokenProblem(`demo-${token}`, false)).toBeUndefined();
    expect(metricsTokenProblem(`demo-${token}`, true)).toMatch(/demo token.*refused in production/);
  });
});
