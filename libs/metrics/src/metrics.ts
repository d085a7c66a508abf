import { Counter, collectDefaultMetrics, Gauge, Histogram, Registry } from 'prom-client';

/** Latencies of a request, a command or an append: 1 ms to 10 s. */
const LATENCY_BUCKETS = [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];
/** From an event's append to its emit to consoles: 5 ms to 30 s (a console feed that falls behind shows here). */
const SEND_BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30];

/** How long one on-scrape collector may take before the scrape goes on without it. */
export const COLLECT_TIMEOUT_MS = 1_500;

/** Who measures something on scrape (queue depths, consumer lag): it sets its gauges, or gives up in time. */
export type Collector = () => void | Promise<void>;

export const COMMAND_OUTCOMES = ['accepted', 'replayed', 'refused', 'conflict', 'invalid', 'error'] as const;
export type CommandOutcomeLabel = (typeof COMMAND_OUTCOMES)[number];

export const APPEND_OUTCOMES = ['appended', 'conflict', 'invalid', 'unavailable', 'error'] as const;
export type AppendOutcomeLabel = (typeof APPEND_OUTCOMES)[number];

export const QUEUE_STATES = ['waiting', 'active', 'delayed', 'failed', 'completed'] as const;

/**
 * The metric families of one Enlace process (api, worker, or both in the embedded default), in a registry of its own,
 * rendered in Prometheus' text format by `/metrics`. Counters count in this process since it started (Prometheus sums
 * the processes of a site); gauges that describe something outside the process (queues, lag) are measured on scrape
 * by the collectors the parts that know them add.
 */
export class Metrics {
  readonly registry = new Registry();

  readonly httpRequests = new Counter({
    name: 'enlace_http_requests_total',
    help: 'HTTP requests answered, by method, route template (or "unmatched") and status',
    labelNames: ['method', 'route', 'status'] as const,
    registers: [this.registry],
  });
  readonly httpDuration = new Histogram({
    name: 'enlace_http_request_duration_seconds',
    help: 'Time to answer an HTTP request, by method, route template and status',
    labelNames: ['method', 'route', 'status'] as const,
    buckets: LATENCY_BUCKETS,
    registers: [this.registry],
  });
  readonly commands = new Counter({
    name: 'enlace_commands_total',
    help: 'Commands through the read-decide-append pipeline, by command type and outcome',
    labelNames: ['command', 'outcome'] as const,
    registers: [this.registry],
  });
  readonly commandDuration = new Histogram({
    name: 'enlace_command_duration_seconds',
    help: 'Time a command spent in the read-decide-append pipeline (retries included), by command type',
    labelNames: ['command'] as const,
    buckets: LATENCY_BUCKETS,
    registers: [this.registry],
  });
  readonly appendDuration = new Histogram({
    name: 'enlace_event_store_append_duration_seconds',
    help: 'Time of one append to the event store, by store kind',
    labelNames: ['store'] as const,
    buckets: LATENCY_BUCKETS,
    registers: [this.registry],
  });
  readonly appends = new Counter({
    name: 'enlace_event_store_appends_total',
    help: 'Appends to the event store, by outcome',
    labelNames: ['outcome'] as const,
    registers: [this.registry],
  });
  readonly consumerLagEvents = new Gauge({
    name: 'enlace_consumer_lag_events',
    help: 'Events of its streams recorded after a checkpointed consumer of this process and not yet handled by it',
    labelNames: ['consumer', 'world'] as const,
    registers: [this.registry],
  });
  readonly consumerLagSeconds = new Gauge({
    name: 'enlace_consumer_lag_seconds',
    help: 'How long the oldest event a checkpointed consumer has not handled has been in the store (0 when caught up)',
    labelNames: ['consumer', 'world'] as const,
    registers: [this.registry],
  });
  readonly consumerPosition = new Gauge({
    name: 'enlace_consumer_position',
    help: 'The global position of the last event a checkpointed consumer of this process handled',
    labelNames: ['consumer', 'world'] as const,
    registers: [this.registry],
  });
  readonly readModelsCaughtUp = new Gauge({
    name: 'enlace_read_models_caught_up',
    help: '1 when every checkpointed consumer this process runs (its read models first) has handled all its events',
    registers: [this.registry],
  });
  readonly consoleConnections = new Gauge({
    name: 'enlace_console_connections',
    help: 'Consoles connected to this api process',
    registers: [this.registry],
  });
  readonly consoleRoomSubscriptions = new Gauge({
    name: 'enlace_console_room_subscriptions',
    help: 'Consoles of this api process subscribed to each room',
    labelNames: ['room'] as const,
    registers: [this.registry],
  });
  readonly consoleSendDuration = new Histogram({
    name: 'enlace_console_send_duration_seconds',
    help: "Time from an event's append to its emit to the consoles of its rooms",
    buckets: SEND_BUCKETS,
    registers: [this.registry],
  });
  readonly queueJobs = new Gauge({
    name: 'enlace_queue_jobs',
    help: 'Jobs in each BullMQ queue, by state (measured on scrape; absent while Redis does not answer)',
    labelNames: ['queue', 'state'] as const,
    registers: [this.registry],
  });
  readonly redisUp = new Gauge({
    name: 'enlace_redis_up',
    help: "1 when Redis answered this scrape's queue count in time, 0 otherwise",
    registers: [this.registry],
  });
  readonly deliveries = new Counter({
    name: 'enlace_deliveries_total',
    help: 'Delivery attempts of BLM notifications recorded by this worker, by channel and outcome',
    labelNames: ['channel', 'outcome'] as const,
    registers: [this.registry],
  });
  readonly escalations = new Counter({
    name: 'enlace_escalations_total',
    help: 'Escalations of unacknowledged BLM notifications recorded by this worker, by tier',
    labelNames: ['tier'] as const,
    registers: [this.registry],
  });
  readonly overdueAcknowledgments = new Gauge({
    name: 'enlace_overdue_acknowledgments',
    help: 'Active BLM notifications of the live world past their acknowledgment deadline and not acknowledged',
    registers: [this.registry],
  });
  readonly loginFailures = new Counter({
    name: 'enlace_login_failures_total',
    help: 'Sign-ins refused, by reason (unknown-account, wrong-password, account-disabled)',
    labelNames: ['reason'] as const,
    registers: [this.registry],
  });
  readonly lockouts = new Counter({
    name: 'enlace_lockouts_total',
    help: 'Sign-in lockouts started, by scope (account-address, account, address, address-attempts, sign-ins)',
    labelNames: ['scope'] as const,
    registers: [this.registry],
  });

  private readonly collectors = new Set<Collector>();

  constructor() {
    collectDefaultMetrics({ register: this.registry });
  }

  /** Adds a measurement made on every scrape; returns its removal (for a part that stops). */
  addCollector(collector: Collector): () => void {
    this.collectors.add(collector);
    return () => this.collectors.delete(collector);
  }

  /** A command left the pipeline. */
  commandDone(command: string, outcome: CommandOutcomeLabel, seconds: number): void {
    this.commands.inc({ command, outcome });
    this.commandDuration.observe({ command }, seconds);
  }

  /**
   * Runs the collectors (each within COLLECT_TIMEOUT_MS: one waiting on a dependency that is away never holds the
   * scrape), then renders the registry in Prometheus' text format.
   */
  async render(): Promise<string> {
    // A collector that fails or runs out of time reports nothing this time; the others still do.
    await Promise.all(
      [...this.collectors].map((collector) =>
        within(Promise.resolve().then(collector), COLLECT_TIMEOUT_MS).catch(() => undefined),
      ),
    );
    return this.registry.metrics();
  }

  get contentType(): string {
    return this.registry.contentType;
  }
}

/** `work`'s answer, or a rejection once `ms` have passed without one (the work itself is not stopped). */
export async function within<T>(work: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  try {
    return await Promise.race([
      work,
      new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(new Error(`no answer within ${ms} ms`)), ms);
      }),
    ]);
  } finally {
    clearTimeout(timer);
  }
}

/** Seconds since `startedMs` (a `performance.now()` reading). */
export function secondsSince(startedMs: number): number {
  return (performance.now() - startedMs) / 1000;
}
