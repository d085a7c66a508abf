import { Clock } from '@enlace/clock';
import {
  Inject,
  Injectable,
  Logger,
  type OnApplicationBootstrap,
  type OnApplicationShutdown,
  Optional,
} from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { drillClockOf, drillWorld, LIVE, type ReferenceCatalog, type World } from '@enlace/domain';
import { CommandPipeline, GetDrill } from '@enlace/application';
import { WorldFeeds } from '@enlace/consumers';
import { EVENT_STORE, type EventStore } from '@enlace/event-store';
import { Metrics } from '@enlace/metrics';
import { REFERENCE_CATALOG } from '@enlace/reference-data';
import { withCorrelation } from '@enlace/logging';
import { type Job, Worker } from 'bullmq';
import type { Redis } from 'ioredis';
import { type DeliveryChannels, NetworkChannels } from './channels/delivery-channels.js';
import { LocalOutbox } from './channels/local-outbox.js';
import { DeadlineProcessor } from './deadline.processor.js';
import { DrillRunner } from './drills/drill-runner.js';
import { DrillSupervisor } from './drills/drill-supervisor.js';
import type { InjectJob } from './drills/inject-plan.js';
import { InjectProcessor } from './drills/inject.processor.js';
import { InjectScheduler } from './drills/inject-scheduler.js';
import { AttemptFailed, DeliveryProcessor } from './delivery.processor.js';
import { type DeadlineJob, type DeliveryJob, jobCorrelationId } from './jobs.js';
import { loadDeliveryConfig } from './load-delivery-config.js';
import { NOTIFICATIONS_OPTIONS, type NotificationsOptions, sentinelKey } from './notifications.options.js';
import { retryDelayMs } from './plan.js';
import { DeliveryQueues } from './queues.js';
import { Reconciler } from './reconciler.js';
import { evictionPolicy, workerConnection } from './redis.js';
import { BACKOFF_TYPE, WorkScheduler } from './work-scheduler.js';
import { WorldTime } from './world-time.js';

const SHUTDOWN_GRACE_MS = 10_000;

interface Running {
  connection: Redis;
  queues: DeliveryQueues;
  channels: DeliveryChannels;
  workers: { close: () => Promise<void> }[];
  reconciler: Reconciler;
  /** One reconciler per drill in play, each bound to its drill's streams alone. */
  drills: Map<string, Reconciler>;
  newReconciler: (world: World) => Reconciler;
  /** One runner per drill in play: releases its injects on its clock and plays them. */
  runners: Map<string, DrillRunner>;
  supervisor: DrillSupervisor;
}

/**
 * The worker: BullMQ processors for deliveries and deadlines, and the reconciler that keeps Redis in step with the
 * store. Several processes may run it at once: workers compete for jobs; one reconciler at a time holds the lease
 * (docs/decisions/0015-checkpointed-consumers.md), and a new owner adding the same job ids adds nothing.
 */
@Injectable()
export class DeliveryWorker implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('DeliveryWorker');
  private running: Running | undefined;

  constructor(
    @Inject(NOTIFICATIONS_OPTIONS) private readonly options: NotificationsOptions,
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(REFERENCE_CATALOG) private readonly reference: ReferenceCatalog,
    private readonly commands: CommandBus,
    private readonly queries: QueryBus,
    private readonly clock: Clock,
    private readonly feeds: WorldFeeds,
    private readonly pipeline: CommandPipeline,
    private readonly outbox: LocalOutbox,
    @Optional() private readonly metrics?: Metrics,
  ) {}

  /**
   * Resolves once this process's reconciler, as the owner, scheduled everything the store called for (undefined when
   * not running; pending while another process owns it).
   */
  get ready(): Promise<void> | undefined {
    return this.running?.reconciler.ready;
  }

  /** This process's reconciler, when it runs one (health and tests read whether it owns the lease). */
  get reconciler(): Reconciler | undefined {
    return this.running?.reconciler;
  }

  /** The runner of a drill in play in this process (tests read whether it owns the drill's lease). */
  runnerOf(drillId: string): DrillRunner | undefined {
    return this.running?.runners.get(drillId);
  }

  /**
   * Starts delivering a drill's notifications (idempotent): a reconciler of its own, following only the drill's
   * streams; its jobs name the drill and reach only endpoints marked for exercises, with EXERCISE texts.
   */
  followDrill(world: World): Reconciler | undefined {
    const running = this.running;
    if (!running || world.kind !== 'drill') return undefined;
    let reconciler = running.drills.get(world.drillId);
    if (!reconciler) {
      reconciler = running.newReconciler(world);
      running.drills.set(world.drillId, reconciler);
      reconciler.start();
    }
    return reconciler;
  }

  /** Stops delivering a drill's notifications (its jobs already queued still find their drill's stream). */
  async leaveDrill(world: World): Promise<void> {
    if (world.kind !== 'drill') return;
    const reconciler = this.running?.drills.get(world.drillId);
    this.running?.drills.delete(world.drillId);
    await reconciler?.stop();
    await this.feeds.close(world);
  }

  onApplicationBootstrap(): void {
    if (!this.options.runWorker) return;
    // A bad config file stops the process here, naming every problem.
    const config = loadDeliveryConfig(this.options.configFile, { production: this.options.production });
    const { prefix } = this.options.redis;
    const connection = workerConnection(this.options.redis, 'worker');
    const queues = new DeliveryQueues(connection, prefix);
    const scheduler = new WorkScheduler(queues, config, this.clock);
    const channels = config.outbox === 'local' ? this.outbox : new NetworkChannels(config, this.clock);
    const deliveries = new DeliveryProcessor(
      this.commands,
      this.queries,
      this.reference,
      config,
      channels,
      this.clock,
      this.metrics,
    );
    const time = new WorldTime(
      () => this.clock.nowMs(),
      async (drillId) => drillClockOf((await this.queries.execute(new GetDrill(drillId))).state),
    );
    const injects = new InjectProcessor(this.commands, this.queries, this.clock);
    const deadlines = new DeadlineProcessor(
      this.commands,
      this.queries,
      config,
      scheduler,
      this.clock,
      time,
      this.metrics,
    );
    const common = {
      connection,
      prefix,
      lockDuration: config.worker.lockDurationMs,
      stalledInterval: config.worker.stalledIntervalMs,
      // A job whose worker died is retried rather than failed: the processors are idempotent.
      maxStalledCount: 5,
    };
    const workers = [
      new Worker<DeliveryJob, string, 'deliver'>(
        'deliveries',
        (job: Job<DeliveryJob>, token?: string) =>
          withCorrelation(jobCorrelationId(job), () => deliveries.process(job, token)),
        {
          ...common,
          concurrency: config.worker.concurrency,
          settings: {
            // The wait after attempt n is the one recorded in BlmNotificationDeliveryFailed.nextAttemptAt.
            backoffStrategy: (attemptsMade: number, type?: string, error?: Error) =>
              type === BACKOFF_TYPE
                ? retryDelayMs(
                    error instanceof AttemptFailed ? error.attempt : attemptsMade,
                    config.retry.backoffBaseMs,
                  )
                : config.retry.backoffBaseMs,
          },
        },
      ),
      new Worker<DeadlineJob, string, 'escalate'>(
        'deadlines',
        (job: Job<DeadlineJob>, token?: string) =>
          withCorrelation(jobCorrelationId(job), () => deadlines.process(job, token)),
        { ...common, concurrency: 4 },
      ),
      new Worker<InjectJob, string, 'release'>(
        'injects',
        (job: Job<InjectJob>, token?: string) => injects.process(job, token),
        { ...common, concurrency: 8 },
      ),
    ];
    for (const worker of workers) {
      // Redis errors are reported by the connection watcher; an unhandled 'error' event would crash the process.
      worker.on('error', () => undefined);
      worker.on('failed', (job, error) => {
        if (!job) return;
        withCorrelation(jobCorrelationId(job), () =>
          this.logger.warn(`${worker.name} ${job.id} attempt ${job.attemptsMade}: ${error.message}`),
        );
      });
      worker.on('completed', (job, result) => {
        withCorrelation(jobCorrelationId(job), () => this.logger.log(`${worker.name} ${job.id}: ${String(result)}`));
      });
    }
    const leaseMs = this.options.consumerLeaseMs;
    const newReconciler = (world: World) =>
      new Reconciler(this.feeds.of(world), this.store, connection, scheduler, config, {
        world,
        time,
        sentinelKey: sentinelKey(prefix),
        checkIntervalMs: this.options.sentinelCheckMs,
        timings: { leaseMs, renewMs: Math.max(500, Math.round(leaseMs / 3)) },
      });
    const reconciler = newReconciler(LIVE);
    reconciler.start();
    const injectScheduler = new InjectScheduler(queues.injects, this.clock);
    const runners = new Map<string, DrillRunner>();
    const drills = new Map<string, Reconciler>();
    const supervisor = new DrillSupervisor(this.store.checkpoints, {
      open: (drillId) => {
        const world = drillWorld(drillId);
        const runner = new DrillRunner(
          drillId,
          this.feeds.of(world),
          this.store.checkpoints,
          this.commands,
          this.pipeline,
          injectScheduler,
          { leaseMs, renewMs: Math.max(500, Math.round(leaseMs / 3)) },
        );
        runners.set(drillId, runner);
        runner.start();
        this.followDrill(world);
      },
      close: async (drillId) => {
        await runners.get(drillId)?.stop();
        runners.delete(drillId);
        await this.leaveDrill(drillWorld(drillId));
      },
    });
    evictionPolicy(connection)
      .then((policy) => {
        if (policy !== undefined && policy !== 'noeviction') {
          this.logger.error(
            `Redis runs with maxmemory-policy ${policy}: under memory pressure it may drop queued deliveries and ` +
              'deadlines without anyone noticing. Run it with maxmemory-policy noeviction (docker/compose.yaml does).',
          );
        }
      })
      .catch(() => undefined); // Redis away: the connection watcher says so.
    this.running = { connection, queues, channels, workers, reconciler, drills, newReconciler, runners, supervisor };
    supervisor.start();
    this.logger.log(
      `Delivery worker started (Redis ${new URL(this.options.redis.url).host}, prefix ${prefix}; ` +
        (config.outbox === 'local'
          ? `e-mail and webhooks go to the local outbox ${this.options.outboxFile}, read by admins in the console)`
          : 'e-mail over SMTP, webhooks over HTTP)'),
    );
  }

  async onApplicationShutdown(): Promise<void> {
    const running = this.running;
    if (!running) return;
    this.running = undefined;
    const graceful = async (): Promise<void> => {
      await running.supervisor.stop();
      await Promise.all([running.reconciler, ...running.drills.values()].map((reconciler) => reconciler.stop()));
      // Let jobs in progress finish (their outcome gets recorded) instead of leaving them to stall.
      await Promise.all(running.workers.map((worker) => worker.close()));
      await running.queues.close();
    };
    // With Redis away these would wait for it forever; whatever is cut short is re-derived from the store.
    let timer: NodeJS.Timeout | undefined;
    await Promise.race([graceful(), new Promise((resolve) => (timer = setTimeout(resolve, SHUTDOWN_GRACE_MS)))]);
    clearTimeout(timer);
    running.channels.close();
    running.connection.disconnect();
  }
}
