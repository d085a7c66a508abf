import { type DynamicModule, Module } from '@nestjs/common';
import { Clock } from '@enlace/clock';
import { EnvironmentVariables } from '@enlace/config';
import { DeliveryWorker } from './delivery-worker.js';
import { LocalOutbox, localOutboxFile } from './channels/local-outbox.js';
import { deliveryConfigPath } from './load-delivery-config.js';
import { NOTIFICATIONS_OPTIONS, type NotificationsOptions } from './notifications.options.js';
import { QueueMonitor } from './queue-monitor.js';

export interface NotificationsModuleOptions {
  /** Whether this process runs the worker, decided from the validated environment at start. */
  runWorker: (env: EnvironmentVariables) => boolean;
  sentinelCheckMs?: number;
}

/**
 * BLM notification delivery, deadlines and escalation. Every process gets the queue monitor (health, admin view);
 * the worker part runs only where `runWorker` says so: the worker process, or the api in the embedded default.
 * Needs the event store, the reference data and the command pipeline from the host's modules.
 */
@Module({})
export class NotificationsModule {
  static forRoot(options: NotificationsModuleOptions): DynamicModule {
    return {
      module: NotificationsModule,
      providers: [
        {
          provide: NOTIFICATIONS_OPTIONS,
          inject: [EnvironmentVariables],
          useFactory: (env: EnvironmentVariables): NotificationsOptions => ({
            runWorker: options.runWorker(env),
            redis: { url: env.REDIS_URL, prefix: env.REDIS_PREFIX },
            configFile: deliveryConfigPath(env),
            outboxFile: localOutboxFile(env),
            sentinelCheckMs: options.sentinelCheckMs ?? 2_000,
            consumerLeaseMs: env.CONSUMER_LEASE_SECONDS * 1_000,
            production: env.NODE_ENV === 'production',
          }),
        },
        // The local outbox: the worker appends to it (`"outbox": "local"`), the api reads it for admins.
        {
          provide: LocalOutbox,
          inject: [NOTIFICATIONS_OPTIONS, Clock],
          useFactory: (options: NotificationsOptions, clock: Clock) => new LocalOutbox(options.outboxFile, clock),
        },
        QueueMonitor,
        DeliveryWorker,
      ],
      exports: [QueueMonitor, DeliveryWorker, LocalOutbox],
    };
  }
}
