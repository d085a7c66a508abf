import { Module } from '@nestjs/common';
import { APP_FILTER } from '@nestjs/core';
import { CqrsModule } from '@nestjs/cqrs';
import { ApplicationModule, QueriesModule } from '@enlace/application';
import { EnlaceConfigModule, EnvironmentVariables, workerEmbedded } from '@enlace/config';
import { EventStoreModule, eventStoreSettingsFromEnvironment } from '@enlace/event-store';
import { NotificationsModule } from '@enlace/notifications';
import { ProjectionsModule } from '@enlace/projections';
import { ReferenceDataModule } from '@enlace/reference-data';
import { QueuesController } from './admin/queues.controller.js';
import { AuthModule } from './auth/auth.module.js';
import { CapController } from './cap/cap.controller.js';
import { AdminCaller } from './common/admin-caller.js';
import { ApiErrorFilter } from './common/api-error.filter.js';
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
    QueriesModule,
    AuthModule,
    // The queue monitor always (health, admins' view); the worker itself per WORKER_EMBEDDED (decision 0006).
    NotificationsModule.forRoot({ runWorker: workerEmbedded }),
  ],
  controllers: [
    HealthController,
    IncidentsController,
    PortsController,
    NotificationsController,
    ReferenceController,
    CapController,
    QueuesController,
  ],
  providers: [ConsoleGateway, AdminCaller, { provide: APP_FILTER, useClass: ApiErrorFilter }],
})
export class ApiModule {}
