import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

/**
 * A failed test leaves nothing running and Jest ends: a Jest of its own runs test/fixtures/leaves-children.fixture.ts
 * (a test that starts a redis-server and a PostgreSQL cluster, then fails without stopping them) in the integration
 * tier's environment; it exits on its own, names what it stopped, and neither server answers afterwards.
 */
const answers = (port: number) =>
  new Promise<boolean>((resolve) => {
    const socket = connect({ host: '127.0.0.1', port });
    const done = (ok: boolean) => {
      socket.destroy();
      resolve(ok);
    };
    socket.setTimeout(1_000, () => done(false));
    socket.once('connect', () => done(true));
    socket.once('error', () => done(false));
  });

it('stops the servers a failed test left running, and Jest exits', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'enlace-child-cleanup-'));
  const report = join(dir, 'ports.json');
  const configFile = pathToFileURL(join(process.cwd(), 'jest.config.mjs')).href;
  const { default: config } = (await import(configFile)) as { default: { projects: Record<string, unknown>[] } };
  const integration = config.projects.find((project) => project.displayName === 'integration')!;
  const childConfig = {
    ...integration,
    rootDir: process.cwd(),
    testMatch: ['<rootDir>/test/fixtures/leaves-children.fixture.ts'],
    globalSetup: undefined,
  };
  const child = spawn(
    process.execPath,
    ['--experimental-vm-modules', 'node_modules/jest/bin/jest.js', '--config', JSON.stringify(childConfig)],
    { cwd: process.cwd(), env: { ...process.env, CHILD_CLEANUP_REPORT: report }, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const code = await new Promise<number | null>((resolve) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      resolve(null);
    }, 150_000);
    child.once('exit', (exitCode) => {
      clearTimeout(timer);
      resolve(exitCode);
    });
  });
  try {
    // It exits by itself, failing (a run left hanging is killed by the timer above: null). Jest's "did not exit one
    // second after the test run" may still show on a busy machine, where stopping a PostgreSQL cluster takes longer
    // than that second; with Node's plain environment the run never exits at all.
    expect(code).toBe(1);
    expect(output).toContain('Tests:       1 failed, 1 total');
    const ports = JSON.parse(readFileSync(report, 'utf8')) as { redis: number; postgres: number };
    expect(output).toMatch(
      new RegExp(`left redis-server on port ${ports.redis} .*PostgreSQL on port ${ports.postgres}`),
    );
    expect([await answers(ports.redis), await answers(ports.postgres)]).toEqual([false, false]);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}, 180_000);
