import {
  Global,
  Inject,
  Logger,
  Module,
  type OnApplicationBootstrap,
  type OnApplicationShutdown,
} from '@nestjs/common';
import { EnvironmentVariables } from '@enlace/config';
import { MetricsListener } from './metrics-listener.js';
import { loadMetricsToken } from './metrics-token.js';
import { Metrics } from './metrics.js';

/** DI token of the bearer token `/metrics` asks for. */
export const METRICS_TOKEN = Symbol('METRICS_TOKEN');

class MetricsPort implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly listener: MetricsListener;

  constructor(
    metrics: Metrics,
    @Inject(METRICS_TOKEN) token: string,
    private readonly env: EnvironmentVariables,
  ) {
    this.listener = new MetricsListener(metrics, token);
  }

  async onApplicationBootstrap(): Promise<void> {
    if (this.env.METRICS_PORT === undefined) return;
    const host = this.env.METRICS_HOST ?? this.env.HOST;
    const port = await this.listener.listen(this.env.METRICS_PORT, host);
    new Logger('Metrics').log(`Metrics on http://${host}:${port}/metrics (bearer token)`);
  }

  async onApplicationShutdown(): Promise<void> {
    await this.listener.close();
  }
}

/**
 * The process's metrics (one registry: in the embedded default the api and its worker share it), their bearer token,
 * and the listener of their own on METRICS_PORT when it is set (docs/decisions/0025-metrics.md).
 */
@Global()
@Module({
  providers: [
    { provide: Metrics, useFactory: () => new Metrics() },
    {
      provide: METRICS_TOKEN,
      inject: [EnvironmentVariables],
      useFactory: (env: EnvironmentVariables) => {
        const logger = new Logger('Metrics');
        return loadMetricsToken(env, (line) => logger.log(line));
      },
    },
    MetricsPort,
  ],
  exports: [Metrics, METRICS_TOKEN],
})
export class MetricsModule {}
