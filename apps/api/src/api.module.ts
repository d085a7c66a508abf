import { Module } from '@nestjs/common';
import { APP_FILTER } from '@nestjs/core';
import { CqrsModule } from '@nestjs/cqrs';
import { ApplicationModule } from '@enlace/application';
import { EnlaceConfigModule, EnvironmentVariables } from '@enlace/config';
import { EventStoreModule, eventStoreSettingsFromEnvironment } from '@enlace/event-store';
import { ProjectionsModule } from '@enlace/projections';
import { ReferenceDataModule } from '@enlace/reference-data';
import { AuthModule } from './auth/auth.module.js';
import { CapController } from './cap/cap.controller.js';
import { ApiErrorFilter } from './common/api-error.filter.js';
import { Projections } from './common/projections.js';
import { ConsoleGateway } from './console/console.gateway.js';
import { HealthController } from './health/health.controller.js';
import { IncidentsController } from './incidents/incidents.controller.js';
import { NotificationsController } from './notifications/notifications.controller.js';
import { PortsController } from './ports/ports.controller.js';
import { ReferenceController } from './reference/reference.controller.js';

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
    ProjectionsModule,
    AuthModule,
  ],
  controllers: [
    HealthController,
    IncidentsController,
    PortsController,
    NotificationsController,
    ReferenceController,
    CapController,
  ],
  providers: [Projections, ConsoleGateway, { provide: APP_FILTER, useClass: ApiErrorFilter }],
})
export class ApiModule {}
