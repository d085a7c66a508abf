import { Module } from '@nestjs/common';
import { APP_FILTER, APP_INTERCEPTOR } from '@nestjs/core';
import { platformImports, QueriesModule } from '@enlace/application';
import { AuditModule } from '@enlace/audit';
import { EnvironmentVariables, workerEmbedded } from '@enlace/config';
import type { ReferenceCatalog } from '@enlace/domain';
import { REFERENCE_CATALOG } from '@enlace/reference-data';
import { NotificationsModule } from '@enlace/notifications';
import { ProjectionsModule } from '@enlace/projections';
import { OutboxController } from './admin/outbox.controller.js';
import { QueuesController } from './admin/queues.controller.js';
import { AuditHistoryController } from './audit/audit-history.controller.js';
import { AuditLogController } from './audit/audit-log.controller.js';
import { AsOfController } from './audit/as-of.controller.js';
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
import { WorldInterceptor } from './common/world.js';
import { DrillsController } from './drills/drills.controller.js';
import { ScenarioCatalog } from './drills/scenario-catalog.js';
import { ScenariosController } from './drills/scenarios.controller.js';
import { MetricsHttpModule } from './metrics/metrics-http.module.js';

@Module({
  imports: [
    ...platformImports(),
    ProjectionsModule,
    QueriesModule,
    AuthModule,
    // The audit log: its key, its sealer (one owner among the api processes) and the proofs it serves.
    AuditModule,
    // The queue monitor always (health, admins' view); the worker itself per WORKER_EMBEDDED (decision 0006).
    NotificationsModule.forRoot({ runWorker: workerEmbedded }),
    MetricsHttpModule,
  ],
  controllers: [
    HealthController,
    IncidentsController,
    PortsController,
    NotificationsController,
    ReferenceController,
    CapController,
    QueuesController,
    OutboxController,
    DrillsController,
    ScenariosController,
    AuditLogController,
    AuditHistoryController,
    AsOfController,
  ],
  providers: [
    ConsoleGateway,
    AdminCaller,
    { provide: APP_FILTER, useClass: ApiErrorFilter },
    { provide: APP_INTERCEPTOR, useClass: WorldInterceptor },
    {
      provide: ScenarioCatalog,
      inject: [EnvironmentVariables, REFERENCE_CATALOG],
      useFactory: (env: EnvironmentVariables, reference: ReferenceCatalog) =>
        ScenarioCatalog.fromConfig(env.CONFIG_DIR, reference),
    },
  ],
})
export class ApiModule {}
