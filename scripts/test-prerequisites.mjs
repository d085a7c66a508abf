// Runs before `npm test` (the `pretest` script): makes sure of what the test tiers need on a fresh machine, so that
// `npm ci && npm test` passes with nothing installed by hand. It installs Debian's packages only when it can (root
// and apt-get); otherwise it says exactly what is missing and how to get it.
//   - PostgreSQL answering at TEST_DATABASE_URL (started from the local cluster when it is local and stopped);
//   - the `redis-server` binary (most tests start their own servers on free ports), and a Redis answering at
//     REDIS_URL (default redis://127.0.0.1:6379, what the api's sign-in throttling reaches in tests that do not
//     give it one of their own; a throwaway one without persistence is started when none answers there);
//   - Debian's `chromium` for the browser tests (never a downloaded browser).
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
const hasCommand = (name) => spawnSync('sh', ['-c', `command -v ${name}`], { stdio: 'ignore' }).status === 0;
const canInstall = isRoot && hasCommand('apt-get');
let aptUpdated = false;

function say(message) {
  process.stdout.write(`[test prerequisites] ${message}\n`);
}

function aptInstall(...packages) {
  if (!aptUpdated) {
    execFileSync('apt-get', ['update', '-qq'], { stdio: 'inherit' });
    aptUpdated = true;
  }
  say(`installing Debian's ${packages.join(', ')}`);
  execFileSync('apt-get', ['install', '-y', '-qq', '--no-install-recommends', ...packages], {
    stdio: ['ignore', 'ignore', 'inherit'],
    env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
  });
}

function answers(host, port, timeoutMs = 1_000) {
  return new Promise((resolve) => {
    const socket = connect({ host, port });
    const done = (ok) => {
      socket.destroy();
      resolve(ok);
    };
    socket.setTimeout(timeoutMs, () => done(false));
    socket.once('connect', () => done(true));
    socket.once('error', () => done(false));
  });
}

async function waitFor(check, seconds) {
  for (let i = 0; i < seconds * 4; i += 1) {
    if (await check()) return true;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  return false;
}

const missing = [];

/** The port Debian's cluster `main` of that version listens on. */
function clusterPort(version) {
  try {
    const conf = readFileSync(`/etc/postgresql/${version}/main/postgresql.conf`, 'utf8');
    return Number(/^\s*port\s*=\s*(\d+)/m.exec(conf)?.[1] ?? 5432);
  } catch {
    return undefined;
  }
}

async function postgres() {
  const url = new URL(process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/enlace_test');
  const host = url.hostname || '127.0.0.1';
  const port = Number(url.port || 5432);
  if (await answers(host, port)) return;
  const local = ['127.0.0.1', 'localhost', '::1'].includes(host);
  if (local && !hasCommand('pg_ctlcluster') && canInstall) aptInstall('postgresql');
  const version = existsSync('/etc/postgresql') ? readdirSync('/etc/postgresql').sort().at(-1) : undefined;
  if (local && version && hasCommand('pg_ctlcluster') && clusterPort(version) === port) {
    say(`starting the local PostgreSQL ${version} cluster "main"`);
    spawnSync('pg_ctlcluster', ['--skip-systemctl-redirect', version, 'main', 'start'], { stdio: 'inherit' });
    if (await waitFor(() => answers(host, port), 30)) return;
  }
  missing.push(
    `PostgreSQL is not answering at ${host}:${port}: start it (Debian: pg_ctlcluster --skip-systemctl-redirect 15 main start) or set TEST_DATABASE_URL`,
  );
}

async function redis() {
  if (!hasCommand('redis-server') && canInstall) aptInstall('redis-server');
  // The package's service is not needed: tests start redis-server themselves on free ports.
  if (!hasCommand('redis-server')) {
    missing.push('redis-server is not installed (Debian: apt-get install redis-server)');
    return;
  }
  const url = new URL(process.env.REDIS_URL ?? 'redis://127.0.0.1:6379');
  const host = url.hostname || '127.0.0.1';
  const port = Number(url.port || 6379);
  if (await answers(host, port)) return;
  if (['127.0.0.1', 'localhost'].includes(host)) {
    say(`starting a throwaway redis-server on ${host}:${port} (no persistence)`);
    const dir = mkdtempSync(join(tmpdir(), 'enlace-test-redis-'));
    spawnSync(
      'redis-server',
      [
        ...['--daemonize', 'yes', '--port', String(port), '--bind', host === 'localhost' ? '127.0.0.1' : host],
        ...['--save', '', '--appendonly', 'no', '--maxmemory-policy', 'noeviction'],
      ],
      { stdio: 'ignore', cwd: dir },
    );
    if (await waitFor(() => answers(host, port), 10)) return;
  }
  missing.push(`Redis is not answering at ${host}:${port}: start redis-server there or set REDIS_URL`);
}

function chromium() {
  const candidates = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser'];
  if (candidates.some((path) => path && existsSync(path)) || hasCommand('chromium')) return;
  if (canInstall) aptInstall('chromium');
  if (!existsSync('/usr/bin/chromium')) {
    missing.push("Debian's chromium is not installed (apt-get install chromium), or set CHROMIUM_PATH");
  }
}

await postgres();
await redis();
chromium();
if (missing.length > 0) {
  process.stderr.write(`The tests cannot run on this machine yet:\n${missing.map((line) => `  - ${line}\n`).join('')}`);
  process.exit(1);
}
