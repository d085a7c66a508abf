import { SCENARIO_UPLOAD_TYPES } from './drills/scenario-upload.js';
import type { INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { EnvironmentVariables } from '@enlace/config';
import { Metrics } from '@enlace/metrics';
import { type LogEnvironment, loggerFor } from '@enlace/logging';
import { ApiModule } from './api.module.js';
import { serveApiDocs } from './api-docs.js';
import { serveConsole } from './console-static.js';
import { ConsoleSocketAdapter } from './console/console-socket.adapter.js';
import { BodyShapeInterceptor } from './common/body-shape.interceptor.js';
import { strictValidationPipe } from './common/validation.js';
import { noStore, securityHeaders } from './security-headers.js';
import { httpMetrics } from './metrics/http-metrics.js';
import { correlateRequests, correlationScope } from './logging/request-logging.js';

/**
 * The api as it serves HTTP: /health, /metrics (docs/decisions/0025), everything else under /api, OpenAPI at /api/docs (JSON at /api/docs-json) as
 * API_DOCS says, the browser console at `/`; the same security headers on every answer (docs/decisions/0011).
 */
export async function createHttpApp(env: LogEnvironment): Promise<INestApplication> {
  const logger = loggerFor(env, 'api');
  const app = await NestFactory.create<NestExpressApplication>(ApiModule, { logger, bodyParser: false });
  const config = app.get(EnvironmentVariables);
  app.use(httpMetrics(app.get(Metrics)));
  app.disable('x-powered-by');
  app.use(correlateRequests(logger.pino));
  app.use(securityHeaders());
  app.use(['/api', '/health'], noStore);
  if (config.ALLOWED_ORIGINS.length > 0) {
    app.enableCors({
      origin: config.ALLOWED_ORIGINS,
      exposedHeaders: ['ETag', 'Retry-After', 'Idempotent-Replayed', 'Location', 'X-Correlation-Id'],
      maxAge: 600,
    });
  }
  app.useWebSocketAdapter(new ConsoleSocketAdapter(app, config.ALLOWED_ORIGINS));
  app.useBodyParser('json', { limit: '1mb', strict: true });
  // Scenarios uploaded as the spreadsheets planners keep (POST /api/scenarios/import): bytes, parsed by the route.
  app.useBodyParser('raw', { type: [...SCENARIO_UPLOAD_TYPES], limit: '2mb' });
  app.use(correlationScope);
  app.setGlobalPrefix('api', { exclude: ['health', 'health/live', 'health/ready', 'metrics'] });
  serveConsole(app);
  app.useGlobalPipes(strictValidationPipe());
  app.useGlobalInterceptors(new BodyShapeInterceptor());
  app.enableShutdownHooks();
  serveApiDocs(app, config);
  return app;
}
