import { CommandPipeline } from '@enlace/application';
import { SystemClock } from '@enlace/clock';
import { openPostgresEventStore, type PostgresEventStore } from '@enlace/event-store';
import {
  SmtpReceiver,
  type TestDeliveryConfigOptions,
  TestRedisServer,
  WebhookReceiver,
  writeDeliveryConfig,
} from '@enlace/notifications/testing';
import { loadReferenceCatalog } from '@enlace/reference-data';

/** A schema of a PostgreSQL server, for the store the worker and the test share. */
export interface WorkerDatabase {
  url: string;
  schema: string;
}

/** How the worker retries, escalates and holds its jobs: everything of the delivery config but the receivers. */
export type DeliveryTimings = Omit<TestDeliveryConfigOptions, 'webhookBase' | 'smtpPort'>;

/**
 * What a worker process runs against in an e2e test: a redis-server, a webhook and an SMTP receiver of the test's
 * own, the store, a pipeline to issue notifications with, and the environment to start workers with.
 */
export class WorkerTestbed {
  private constructor(
    readonly redis: TestRedisServer,
    readonly webhooks: WebhookReceiver,
    readonly smtp: SmtpReceiver,
    readonly store: PostgresEventStore,
    readonly pipeline: CommandPipeline,
    /** For `WorkerProcess.start`: the store, Redis and a delivery config pointing at the receivers. */
    readonly env: Record<string, string>,
  ) {}

  static async start(database: WorkerDatabase, timings: DeliveryTimings): Promise<WorkerTestbed> {
    const [redis, webhooks, smtp] = await Promise.all([
      TestRedisServer.start(),
      WebhookReceiver.start(),
      SmtpReceiver.start(),
    ]);
    let store: PostgresEventStore | undefined;
    try {
      const env = {
        LOG_LEVEL: 'log',
        DATABASE_URL: database.url,
        DATABASE_SCHEMA: database.schema,
        DATABASE_POOL_SIZE: '4',
        REDIS_URL: redis.url,
        NOTIFICATION_DELIVERY_FILE: await writeDeliveryConfig({
          webhookBase: webhooks.url('/hooks'),
          smtpPort: smtp.port,
          ...timings,
        }),
      };
      store = await openPostgresEventStore({ connectionString: database.url, schema: database.schema, poolSize: 4 });
      const pipeline = new CommandPipeline(store, loadReferenceCatalog('./config'), new SystemClock());
      return new WorkerTestbed(redis, webhooks, smtp, store, pipeline, env);
    } catch (error) {
      // A half-started testbed would leave its servers running past the test file.
      await store?.close();
      await Promise.all([redis.stop(), webhooks.stop(), smtp.stop()]);
      throw error;
    }
  }

  async stop(): Promise<void> {
    await this.store.close();
    await Promise.all([this.redis.stop(), this.webhooks.stop(), this.smtp.stop()]);
  }
}
