import { Module } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { ApplicationModule } from '@enlace/application';
import { EnlaceConfigModule, EnvironmentVariables } from '@enlace/config';
import { EventStoreModule, eventStoreSettingsFromEnvironment } from '@enlace/event-store';
import { NotificationsModule } from '@enlace/notifications';
import { ReferenceDataModule } from '@enlace/reference-data';

/**
 * The background process: BLM notification deliveries, acknowledgment deadlines and escalations on BullMQ, kept in
 * step with the event store by the reconciler (docs/decisions/0006-notification-delivery.md).
 */
@Module({
  imports: [
    EnlaceConfigModule.forRoot(),
    CqrsModule.forRoot(),
    EventStoreModule.forRootAsync({
      inject: [EnvironmentVariables],
      useFactory: (env: EnvironmentVariables) => eventStoreSettingsFromEnvironment(env),
    }),
    ReferenceDataModule.forRootAsync({
      inject: [EnvironmentVariables],
      useFactory: (env: EnvironmentVariables) => env.CONFIG_DIR,
    }),
    ApplicationModule,
    NotificationsModule.forRoot({ runWorker: () => true }),
  ],
})
export class WorkerModule {}
