import { validateEnvironment } from '@enlace/config';
import { resolve } from 'node:path';
import type { UserAccount } from './auth/user-directory.js';
import { startBanner } from './start-banner.js';

const account = (id: string, role: UserAccount['role'], agency: string, country: UserAccount['country']) =>
  ({ id, role, agency, country, displayName: id, passwordHash: 'scrypt$secret-hash' }) satisfies UserAccount;
const accounts = [account('officer.us', 'officer', 'CBP', 'US'), account('admin', 'admin', 'ENLACE', 'US')];

describe('startBanner', () => {
  it('says where the console, the docs, the accounts, the data and the outbox are (embedded default)', () => {
    const env = validateEnvironment({ DATA_DIR: '/srv/enlace/data', PGLITE_DATA_DIR: '/srv/enlace/data/pglite' });
    const banner = startBanner({ env, port: 3000, accounts, worker: true, outbox: 'local' });
    expect(banner).toContain('Console:   http://127.0.0.1:3000/\n');
    expect(banner).toContain('API docs:  http://127.0.0.1:3000/api/docs\n');
    expect(banner).toContain(`Accounts (${resolve('config/users.json')}):`);
    expect(banner).toMatch(/^ {4}officer\.us {2}officer, CBP \(US\)$/m);
    expect(banner).toMatch(/^ {4}admin {7}admin, ENLACE \(US\)$/m);
    expect(banner).toContain(`password is "demo" unless users.json was changed`);
    expect(banner).toContain('embedded PGlite at /srv/enlace/data/pglite');
    expect(banner).toContain('Data dir:    /srv/enlace/data ');
    expect(banner).toContain('into the local outbox /srv/enlace/data/local-outbox.jsonl');
    expect(banner).not.toContain('secret-hash');
  });

  it('in production: docs off, no demo password, the configured channels, the server store without credentials', () => {
    const env = validateEnvironment({
      NODE_ENV: 'production',
      HOST: '0.0.0.0',
      JWT_SECRET: 'a-production-secret-of-at-least-32-characters',
      METRICS_TOKEN: 'a-production-metrics-token-of-at-least-32-characters',
      AUDIT_SIGNING_KEY_FILE: '/etc/enlace/audit.pem',
      DATABASE_URL: 'postgres://enlace:hunter2hunter2@db.example:5432/enlace',
    });
    const banner = startBanner({ env, port: 8080, accounts, worker: false, outbox: 'network' });
    expect(banner).toContain('Console:   http://localhost:8080/');
    expect(banner).toContain('API docs:  off (API_DOCS)');
    expect(banner).not.toContain('"demo"');
    expect(banner).toContain('PostgreSQL db.example:5432/enlace');
    expect(banner).not.toContain('hunter2');
    expect(banner).not.toContain('a-production-secret');
    expect(banner).toContain('by the worker process (npm run start:worker), by e-mail and webhook');
  });
});
