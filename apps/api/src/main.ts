import 'reflect-metadata';
import { Logger } from '@nestjs/common';
import { EnvironmentVariables, loadEnvironmentOrExit, logFormat, workerEmbedded } from '@enlace/config';
import { deliveryConfigPath, loadDeliveryConfig } from '@enlace/notifications';
import type { INestApplication } from '@nestjs/common';
import { UserDirectory } from './auth/user-directory.js';
import { createHttpApp } from './http-app.js';
import { ensureLocalRedis } from './redis/local-redis.js';
import { startBanner } from './start-banner.js';

/** What the one who started the api needs to know (at LOG_LEVEL log or more; tests run quieter). */
function printBanner(app: INestApplication, env: EnvironmentVariables): void {
  const accounts = app.get(UserDirectory).list();
  const address = (app.getHttpServer() as { address(): { port: number } }).address();
  const { outbox } = loadDeliveryConfig(deliveryConfigPath(env));
  const banner = startBanner({ env, port: address.port, accounts, worker: workerEmbedded(env), outbox });
  // JSON logs stay one JSON object a line: the banner is then one log line of its own.
  if (logFormat(env) === 'json') new Logger('Api').log(banner.trimEnd());
  else process.stdout.write(banner);
}

async function bootstrap(): Promise<void> {
  const env = loadEnvironmentOrExit();
  if (workerEmbedded(env)) await ensureLocalRedis(env.REDIS_URL);
  const app = await createHttpApp(env);
  await app.listen(env.PORT, env.HOST);
  new Logger('Api').log(
    `Enlace api listening on http://${env.HOST}:${env.PORT} (health: /health/live, /health/ready; API docs: /api/docs)`,
  );
  if (['log', 'debug', 'verbose'].includes(env.LOG_LEVEL)) {
    try {
      printBanner(app, env);
    } catch (error) {
      new Logger('Api').warn(`Start banner: ${error instanceof Error ? error.message : String(error)}`);
    }
  }
}

await bootstrap();
