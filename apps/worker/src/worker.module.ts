import { Module } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { EnlaceConfigModule, EnvironmentVariables } from '@enlace/config';
import { EventStoreModule, eventStoreSettingsFromEnvironment } from '@enlace/event-store';

/** The background process: BullMQ processors and store subscriptions that drive side effects join here. */
@Module({
  imports: [
    EnlaceConfigModule.forRoot(),
    CqrsModule.forRoot(),
    EventStoreModule.forRootAsync({
      inject: [EnvironmentVariables],
      useFactory: (env: EnvironmentVariables) => eventStoreSettingsFromEnvironment(env),
    }),
  ],
})
export class WorkerModule {}
