import { Module } from '@nestjs/common';
import { MetricsController } from './metrics.controller.js';

/**
 * `/metrics` on the api's own port (the registry, its token and METRICS_PORT come with every process, from
 * `platformImports`); the HTTP counters are the middleware `httpMetrics`, installed first in http-app.ts.
 */
@Module({ controllers: [MetricsController] })
export class MetricsHttpModule {}
