import { Module } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { EnlaceConfigModule, EnvironmentVariables } from '@enlace/config';
import { EventStoreModule, eventStoreSettingsFromEnvironment } from '@enlace/event-store';
import { HealthController } from './health/health.controller.js';

@Module({
  imports: [
    EnlaceConfigModule.forRoot(),
    CqrsModule.forRoot(),
    EventStoreModule.forRootAsync({
      inject: [EnvironmentVariables],
      useFactory: (env: EnvironmentVariables) => eventStoreSettingsFromEnvironment(env),
    }),
  ],
  controllers: [HealthController],
})
export class ApiModule {}
