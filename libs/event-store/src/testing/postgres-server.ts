import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { chown, mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { track, untrack } from './children.js';

/**
 * A PostgreSQL server of the test's own (`initdb` into a temporary folder, `pg_ctl` on a free port), for fault tests
 * that stop the database: the machine's shared server is never touched. Run as root (CI), the server runs as the
 * `postgres` user, since PostgreSQL refuses to run as root. `destroy()` stops it and removes its files; a process that
 * exits without calling it still stops the server on the way out.
 */
export class TestPostgresServer {
  private static readonly live = new Set<TestPostgresServer>();
  private destroyed = false;

  private constructor(
    readonly port: number,
    private readonly dir: string,
    private readonly bin: string,
  ) {}

  static async start(): Promise<TestPostgresServer> {
    const bin = postgresBinDir();
    const dir = await mkdtemp(join(tmpdir(), 'enlace-pg-'));
    if (runningAsRoot()) await chown(dir, postgresUid(), postgresGid());
    const server = new TestPostgresServer(await freePort(), dir, bin);
    TestPostgresServer.live.add(server);
    if (TestPostgresServer.live.size === 1) process.once('exit', stopEveryServer);
    track(server, {
      name: `PostgreSQL on port ${server.port}`,
      stop: () => server.destroy(),
      stopNow: () => server.stopNow(),
    });
    try {
      await server.run('initdb', ['-D', server.dataDir, '-A', 'trust', '-U', 'postgres', '--no-sync', '-E', 'UTF8']);
      await server.resume();
      return server;
    } catch (error) {
      await server.destroy();
      throw error;
    }
  }

  /** A connection string to its `postgres` database. */
  get url(): string {
    return `postgres://postgres@127.0.0.1:${this.port}/postgres`;
  }

  /** Stops the server as an operator's `pg_ctl stop -m fast` does: sessions are terminated (57P01), data kept. */
  async stopServer(): Promise<void> {
    await this.pgCtl(['-m', 'fast', '-w', '-t', '30', 'stop']);
  }

  /** Starts it again on the same port with the same data; resolves once it accepts connections. */
  async resume(): Promise<void> {
    const options = [
      `-p ${this.port}`,
      `-k ${this.dir}`,
      '-c listen_addresses=127.0.0.1',
      '-c fsync=off',
      '-c synchronous_commit=off',
      '-c full_page_writes=off',
      '-c max_connections=100',
    ].join(' ');
    await this.pgCtl(['-o', options, '-l', join(this.dir, 'server.log'), '-w', '-t', '30', 'start']);
  }

  /** Stops the server (if running) and removes every file it had. */
  async destroy(): Promise<void> {
    if (this.destroyed) return;
    this.destroyed = true;
    TestPostgresServer.live.delete(this);
    untrack(this);
    if (existsSync(join(this.dataDir, 'postmaster.pid'))) await this.pgCtl(['-m', 'immediate', '-w', 'stop'], false);
    await rm(this.dir, { recursive: true, force: true });
  }

  private get dataDir(): string {
    return join(this.dir, 'data');
  }

  private pgCtl(args: string[], check = true): Promise<void> {
    return this.run('pg_ctl', ['-D', this.dataDir, ...args], check);
  }

  /** Runs one of the server's programs (as `postgres` when we are root); never blocks the test's event loop. */
  private async run(program: string, args: string[], check = true): Promise<void> {
    const [command, argv] = asPostgresUser(join(this.bin, program), args);
    const child = spawn(command, argv, { stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    const status = await new Promise<number | null>((resolve) => {
      child.once('error', (error) => {
        output += String(error);
        resolve(null);
      });
      child.once('close', (code) => resolve(code));
    });
    if (check && status !== 0) throw new Error(`${program} ${args.join(' ')} failed:\n${output}`);
  }

  /** Synchronous, for `process.on('exit')`: a test process that dies leaves no server behind. */
  stopNow(): void {
    if (this.destroyed || !existsSync(join(this.dataDir, 'postmaster.pid'))) return;
    const [command, argv] = asPostgresUser(join(this.bin, 'pg_ctl'), ['-D', this.dataDir, '-m', 'immediate', 'stop']);
    spawnSync(command, argv, { stdio: 'ignore' });
  }

  static stopAll(): void {
    for (const server of TestPostgresServer.live) server.stopNow();
  }
}

function stopEveryServer(): void {
  TestPostgresServer.stopAll();
}

function runningAsRoot(): boolean {
  return process.getuid?.() === 0;
}

function asPostgresUser(command: string, args: string[]): [string, string[]] {
  return runningAsRoot() ? ['runuser', ['-u', 'postgres', '--', command, ...args]] : [command, args];
}

function idOf(flag: '-u' | '-g'): number {
  const result = spawnSync('id', [flag, 'postgres'], { encoding: 'utf8' });
  if (result.status !== 0) throw new Error('running as root needs a "postgres" user to run the test server');
  return Number(result.stdout.trim());
}

const postgresUid = (): number => idOf('-u');
const postgresGid = (): number => idOf('-g');

/** `PG_BIN_DIR`, else the newest /usr/lib/postgresql/<version>/bin (Debian), else whatever `initdb` is on the PATH. */
function postgresBinDir(): string {
  if (process.env.PG_BIN_DIR) return process.env.PG_BIN_DIR;
  const root = '/usr/lib/postgresql';
  const versions = existsSync(root)
    ? readdirSync(root)
        .filter((name) => existsSync(join(root, name, 'bin', 'initdb')))
        .sort((a, b) => Number(b) - Number(a))
    : [];
  if (versions[0]) return join(root, versions[0], 'bin');
  const which = spawnSync('sh', ['-c', 'command -v initdb'], { encoding: 'utf8' });
  if (which.status === 0) return dirname(which.stdout.trim());
  throw new Error('initdb not found: install PostgreSQL (apt-get install postgresql) or set PG_BIN_DIR');
}

/** A TCP port nobody listens on now, on the loopback interface (for a test's own server). */
export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}
