import type { INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import { nestLogLevels, type EnvironmentVariables } from '@enlace/config';
import { ApiModule } from './api.module.js';
import { serveConsole } from './console-static.js';
import { BodyShapeInterceptor } from './common/body-shape.interceptor.js';
import { strictValidationPipe } from './common/validation.js';

/**
 * The api as it serves HTTP: /health, everything else under /api, OpenAPI at /api/docs (JSON at /api/docs-json), the
 * browser console at `/`.
 */
export async function createHttpApp(env: Pick<EnvironmentVariables, 'LOG_LEVEL'>): Promise<INestApplication> {
  const app = await NestFactory.create<NestExpressApplication>(ApiModule, {
    logger: nestLogLevels(env.LOG_LEVEL),
    bodyParser: false,
  });
  app.useBodyParser('json', { limit: '1mb', strict: true });
  app.setGlobalPrefix('api', { exclude: ['health'] });
  serveConsole(app);
  app.useGlobalPipes(strictValidationPipe());
  app.useGlobalInterceptors(new BodyShapeInterceptor());
  app.enableShutdownHooks();
  const document = SwaggerModule.createDocument(
    app,
    new DocumentBuilder()
      .setTitle('Enlace API')
      .setDescription(
        'Event-sourced coordination for emergencies on the U.S.–Mexico border. Every write accepts If-Match ' +
          '(the revision read; 409 on conflict) and Idempotency-Key (a retry returns the first answer). Errors are ' +
          '{ statusCode, code, message: { en, es }, details }.',
      )
      .setVersion('0.1.0')
      .addBearerAuth()
      .build(),
  );
  SwaggerModule.setup('api/docs', app, document, { jsonDocumentUrl: 'api/docs-json' });
  return app;
}
