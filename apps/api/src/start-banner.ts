import { apiDocsAccess, type EnvironmentVariables } from '@enlace/config';
import { describeEventStore, eventStoreSettingsFromEnvironment } from '@enlace/event-store';
import { localOutboxFile, type OutboxMode } from '@enlace/notifications';
import { resolve } from 'node:path';
import type { UserAccount } from './auth/user-directory.js';

/** The demo accounts' password, as config/users.json's $comment says (production refuses to start with it). */
export const DEMO_PASSWORD = 'demo';

export interface BannerFacts {
  env: EnvironmentVariables;
  /** The port the api listens on (PORT=0 picks one). */
  port: number;
  accounts: readonly UserAccount[];
  /** Whether this process runs the worker (deliveries) too, and where the delivery config sends. */
  worker: boolean;
  outbox: OutboxMode;
}

/**
 * What `npm start` prints once the api listens, for whoever just started it (developer-facing, English): where the
 * console and the API docs are, who can sign in, and where the data lives. Never a secret but the demo's own.
 */
export function startBanner({ env, port, accounts, worker, outbox }: BannerFacts): string {
  const host = env.HOST === '0.0.0.0' || env.HOST === '::' ? 'localhost' : env.HOST;
  const base = `http://${host.includes(':') ? `[${host}]` : host}:${port}`;
  const docs = apiDocsAccess(env);
  const width = Math.max(...accounts.map((account) => account.id.length));
  const lines = [
    `Enlace is running (${env.NODE_ENV}).`,
    `  Console:   ${base}/`,
    `  API docs:  ${docs === 'off' ? 'off (API_DOCS)' : `${base}/api/docs${docs === 'admin' ? " (an admin's token)" : ''}`}`,
    `  Health:    ${base}/health`,
    `  Accounts (${resolve(env.CONFIG_DIR, 'users.json')}):`,
    ...accounts.map(
      (account) => `    ${account.id.padEnd(width)}  ${account.role}, ${account.agency} (${account.country})`,
    ),
    env.NODE_ENV === 'production'
      ? '    (passwords: as the site set them; `npm run hash-password` makes a hash for users.json)'
      : `    The demo accounts' password is "${DEMO_PASSWORD}" unless users.json was changed (production refuses it).`,
    `  Event store: ${describeEventStore(eventStoreSettingsFromEnvironment(env))}`,
    `  Data dir:    ${resolve(env.DATA_DIR)} (token-signing secret, audit signing key, re-hashed passwords)`,
    `  Deliveries:  ${worker ? 'by the worker in this process' : 'by the worker process (npm run start:worker)'}, ` +
      (outbox === 'local'
        ? `into the local outbox ${resolve(localOutboxFile(env))} (nothing is sent; admins read it in the console: Outbox)`
        : 'by e-mail and webhook as the delivery config says'),
  ];
  return `${lines.join('\n')}\n`;
}
