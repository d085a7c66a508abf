import 'reflect-metadata';
import { Logger } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { loadEnvironmentOrExit } from '@enlace/config';
import { loggerFor } from '@enlace/logging';
import { WorkerModule } from './worker.module.js';

async function bootstrap(): Promise<void> {
  const env = loadEnvironmentOrExit();
  if (env.EVENT_STORE === 'postgres' && !env.DATABASE_URL) {
    // PGlite's files belong to one process: in the embedded default the worker runs inside the api.
    process.stderr.write(
      'The worker process needs a shared event store: set DATABASE_URL (PostgreSQL) or EVENT_STORE=kurrentdb.\n' +
        'With the embedded default (npm start) the worker runs inside the api process.\n',
    );
    process.exit(1);
  }
  const app = await NestFactory.createApplicationContext(WorkerModule, { logger: loggerFor(env, 'worker') });
  const logger = new Logger('Worker');
  logger.log('Enlace worker started');
  await new Promise<void>((resolve) => {
    process.once('SIGTERM', resolve);
    process.once('SIGINT', resolve);
  });
  logger.log('Enlace worker stopping');
  await app.close();
}

await bootstrap();
