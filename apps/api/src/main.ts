import 'reflect-metadata';
import { Logger } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { loadEnvironmentOrExit, nestLogLevels } from '@enlace/config';
import { ApiModule } from './api.module.js';

async function bootstrap(): Promise<void> {
  const env = loadEnvironmentOrExit();
  const app = await NestFactory.create(ApiModule, { logger: nestLogLevels(env.LOG_LEVEL) });
  app.enableShutdownHooks();
  await app.listen(env.PORT, env.HOST);
  new Logger('Api').log(`Enlace api listening on http://${env.HOST}:${env.PORT} (health: /health)`);
}

await bootstrap();
