import { EnlaceConfigModule, EnvironmentVariables } from '@enlace/config';
import { EventStoreModule, eventStoreSettingsFromEnvironment } from '@enlace/event-store';
import { MetricsModule } from '@enlace/metrics';
import { ReferenceDataModule } from '@enlace/reference-data';
import { ApplicationModule } from './application.module.js';

/**
 * What every Enlace process is built on (the api, the worker, the operator's CLI, tests that host a process): the
 * validated environment, its metrics, the event store it names, the reference data of its config directory, and the application
 * (pipeline, clock, feeds, use cases and queries on the buses).
 */
export function platformImports() {
  return [
    EnlaceConfigModule.forRoot(),
    MetricsModule,
    EventStoreModule.forRootAsync({
      inject: [EnvironmentVariables],
      useFactory: (env: EnvironmentVariables) => eventStoreSettingsFromEnvironment(env),
    }),
    ReferenceDataModule.forRootAsync({
      inject: [EnvironmentVariables],
      useFactory: (env: EnvironmentVariables) => env.CONFIG_DIR,
    }),
    ApplicationModule,
  ];
}
