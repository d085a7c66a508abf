// Lifts every sign-in lockout of an account from the host, when no admin can sign in to do it from the Accounts
// screen (the only admin locked out, say). It talks to Redis and the event store as the api does, and records the
// unlock as the api would (AccountUnlocked, followed by every api process, and LoginUnlocked in the sign-in journal,
// by `system:operator` from this host):
//   npm run unlock-account -- <username>
import 'reflect-metadata';
import { Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { platformImports } from '@enlace/application';
import { Clock } from '@enlace/clock';
import { EnvironmentVariables, loadEnvironmentOrExit } from '@enlace/config';
import { type Actor, DomainError } from '@enlace/domain';
import { eventStoreSettingsFromEnvironment } from '@enlace/event-store';
import type { Redis } from 'ioredis';
import { randomUUID } from 'node:crypto';
import { hostname, userInfo } from 'node:os';
import { resolve } from 'node:path';
import { stderr, stdout } from 'node:process';
import { AccountDecisions } from './account-decisions.js';
import { AccountUnlocker } from './account-unlocker.js';
import { AuthActivityLog } from './auth-activity-log.js';
import { printableAscii } from './client-info.js';
import { LoginThrottle } from './login-throttle.js';
import { UserDirectory } from './user-directory.js';
import { apiAnswers } from '../common/running-api.js';
import { isUsernameInAnyCase } from './username.js';

/** The operator at the host: Enlace's own tool, so the system role (the account decider lets it unlock, nothing else). */
const OPERATOR: Actor = { id: 'system:operator', agency: 'ENLACE', country: null, role: 'system' };

function fail(en: string, es: string, code = 1): never {
  stderr.write(`${en}\n${es}\n`);
  process.exit(code);
}

/** Waits up to a few seconds for Redis to answer: the lockouts live there (an api without Redis keeps them in memory). */
async function answering(redis: Redis, url: string): Promise<void> {
  for (let attempt = 0; attempt < 30; attempt += 1) {
    try {
      await redis.ping();
      return;
    } catch {
      await new Promise((done) => setTimeout(done, 100));
    }
  }
  redis.disconnect();
  fail(
    `Redis does not answer at ${url}. While it is away each api process keeps its lockouts in memory: restarting ` +
      'the api lifts them.',
    `Redis no responde en ${url}. Mientras no esté, cada proceso de la api guarda sus bloqueos en memoria: ` +
      'reiniciar la api los levanta.',
  );
}

function operatorName(): string {
  try {
    return userInfo().username;
  } catch {
    return process.env.USER ?? 'unknown';
  }
}

const env = loadEnvironmentOrExit();
const typed = process.argv[2];
if (!isUsernameInAnyCase(typed)) {
  fail(
    'Usage: npm run unlock-account -- <username>   (a directory username: 2–64 letters, digits or . _ -)',
    'Uso: npm run unlock-account -- <usuario>   (un usuario del directorio: de 2 a 64 letras, dígitos o . _ -)',
    2,
  );
}
const username = typed.toLowerCase();
if (eventStoreSettingsFromEnvironment(env).kind === 'pglite' && (await apiAnswers(env))) {
  fail(
    `An api is running on the embedded store (PGlite), which only one process may open. Stop it and run this again, ` +
      `or restart it: a restart with its own redis-server (npm start) forgets every lockout.`,
    `Hay una api en marcha con el almacén integrado (PGlite), que solo un proceso puede abrir. Deténgala y ejecute ` +
      `esto de nuevo, o reiníciela: al reiniciar con su propio redis-server (npm start) se olvidan los bloqueos.`,
  );
}

@Module({
  imports: [...platformImports()],
  providers: [
    {
      provide: UserDirectory,
      inject: [EnvironmentVariables],
      useFactory: (settings: EnvironmentVariables) => UserDirectory.fromConfig(resolve(settings.CONFIG_DIR)),
    },
    {
      provide: LoginThrottle,
      inject: [EnvironmentVariables, Clock],
      useFactory: async (settings: EnvironmentVariables, clock: Clock) => {
        const redis = LoginThrottle.connect(settings.REDIS_URL);
        await answering(redis, settings.REDIS_URL);
        return new LoginThrottle(redis, settings, clock);
      },
    },
    AuthActivityLog,
    AccountDecisions,
    AccountUnlocker,
  ],
})
class UnlockAccountModule {}

const app = await NestFactory.createApplicationContext(UnlockAccountModule, { logger: ['error'] });
const throttle = app.get(LoginThrottle);
let exitCode = 0;
try {
  const before = await throttle.status(username);
  await app.get(AccountUnlocker).unlock(username, OPERATOR, {
    client: {
      address: printableAscii(hostname(), 64),
      userAgent: printableAscii(`unlock-account (${operatorName()})`, 256),
    },
    correlationId: randomUUID(),
  });
  const until = before.latest?.toISOString() ?? '?';
  stdout.write(
    `Unlocked ${username} (locked until ${until}); recorded in the sign-in journal.\n` +
      `Desbloqueada ${username} (bloqueada hasta ${until}); registrado en la actividad de inicio de sesión.\n`,
  );
} catch (error) {
  if (!(error instanceof DomainError)) throw error;
  exitCode = error.code === 'ACCOUNT.NOT_LOCKED' ? 0 : 1;
  stderr.write(`${error.messages.en}\n${error.messages.es}\n`);
} finally {
  await app.close();
  throttle.close();
}
process.exit(exitCode);
