export {
  APPEND_OUTCOMES,
  type AppendOutcomeLabel,
  COLLECT_TIMEOUT_MS,
  type Collector,
  COMMAND_OUTCOMES,
  type CommandOutcomeLabel,
  Metrics,
  QUEUE_STATES,
  secondsSince,
  within,
} from './metrics.js';
export { MetricsListener } from './metrics-listener.js';
export { METRICS_TOKEN, MetricsModule } from './metrics.module.js';
export {
  DEMO_METRICS_TOKEN,
  GENERATED_METRICS_TOKEN_FILE,
  isMetricsScrapeAuthorized,
  loadMetricsToken,
  METRICS_UNAUTHORIZED,
  METRICS_WWW_AUTHENTICATE,
  metricsTokenProblem,
  MIN_METRICS_TOKEN_BYTES,
} from './metrics-token.js';
