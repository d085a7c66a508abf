import 'reflect-metadata';
import { Logger } from '@nestjs/common';
import { loadEnvironmentOrExit, workerEmbedded } from '@enlace/config';
import { createHttpApp } from './http-app.js';
import { ensureLocalRedis } from './redis/local-redis.js';

async function bootstrap(): Promise<void> {
  const env = loadEnvironmentOrExit();
  if (workerEmbedded(env)) await ensureLocalRedis(env.REDIS_URL);
  const app = await createHttpApp(env);
  await app.listen(env.PORT, env.HOST);
  new Logger('Api').log(
    `Enlace api listening on http://${env.HOST}:${env.PORT} (health: /health/live, /health/ready; API docs: /api/docs)`,
  );
}

await bootstrap();
