import 'reflect-metadata';
import { Logger } from '@nestjs/common';
import { loadEnvironmentOrExit } from '@enlace/config';
import { createHttpApp } from './http-app.js';

async function bootstrap(): Promise<void> {
  const env = loadEnvironmentOrExit();
  const app = await createHttpApp(env);
  await app.listen(env.PORT, env.HOST);
  new Logger('Api').log(
    `Enlace api listening on http://${env.HOST}:${env.PORT} (health: /health, API docs: /api/docs)`,
  );
}

await bootstrap();
