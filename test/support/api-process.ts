import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort, trackChild } from '@enlace/event-store/testing';

export { freePort };

/**
 * The api as an operator runs it, for end-to-end tests: built once with scripts/build.mjs, then started as child
 * processes (`node dist/apps/api/src/main.js`) on a PostgreSQL schema of the test's own.
 */
const root = process.cwd();

/** Builds the api and worker into dist/ (`console`: the browser console too, for the tests that open it). */
export function buildApi(options: { console?: boolean } = {}): void {
  const args = ['scripts/build.mjs', ...(options.console ? [] : ['--server-only'])];
  const build = spawnSync(process.execPath, args, { cwd: root, encoding: 'utf8' });
  if (build.status !== 0) throw new Error(`build failed:\n${build.stdout}\n${build.stderr}`);
}

export interface ApiResponse<Body = Record<string, unknown>> {
  status: number;
  body: Body;
  headers: Headers;
}

/**
 * The DATA_DIR the api processes of this test file share (as processes of one site share theirs): the first one
 * generates the token-signing secret there, the others use it.
 */
let sharedDataDir: string | undefined;
export function testDataDir(): string {
  sharedDataDir ??= mkdtempSync(join(tmpdir(), 'enlace-e2e-data-'));
  return sharedDataDir;
}

/** The signing secret the api processes of a DATA_DIR generated (after one of them started). */
export function generatedSigningSecret(dataDir = testDataDir()): Buffer {
  return Buffer.from(readFileSync(join(dataDir, 'jwt-secret'), 'utf8').trim(), 'utf8');
}

export interface ApiProcessOptions {
  databaseUrl: string;
  schema: string;
  /** Where the process keeps its files (the generated signing secret); `testDataDir()` by default. */
  dataDir?: string;
  /** A port of its own by default; pass one to restart an api where its consoles will reconnect. */
  port?: number;
  env?: Record<string, string>;
  /** What `start` waits for: `/health` (200 once ready, the default) or `/health/live` (200 once listening). */
  waitFor?: '/health' | '/health/live';
  /** How long `start` waits for it (30 s by default). */
  startTimeoutMs?: number;
}

/** One api process on a PostgreSQL schema, answering on 127.0.0.1:`port`. */
export class ApiProcess {
  private static readonly tokens = new Map<string, string>();
  private log = '';
  private readonly exited: Promise<number | null>;

  private constructor(
    readonly port: number,
    private readonly child: ChildProcess,
  ) {
    child.stdout?.on('data', (chunk: Buffer) => (this.log += chunk.toString()));
    child.stderr?.on('data', (chunk: Buffer) => (this.log += chunk.toString()));
    this.exited = new Promise((resolve) => child.once('exit', (code) => resolve(code)));
  }

  /** Starts the process and resolves once /health answers. */
  static async start(options: ApiProcessOptions): Promise<ApiProcess> {
    const port = options.port ?? (await freePort());
    const child = spawn(process.execPath, ['dist/apps/api/src/main.js'], {
      cwd: root,
      env: {
        PATH: process.env.PATH ?? '',
        HOME: process.env.HOME ?? '',
        LOG_LEVEL: 'warn',
        PORT: String(port),
        DATABASE_URL: options.databaseUrl,
        DATABASE_SCHEMA: options.schema,
        DATABASE_POOL_SIZE: '4',
        DATA_DIR: options.dataDir ?? testDataDir(),
        // Throttling keys of this test's own in the shared Redis.
        REDIS_PREFIX: options.schema,
        ...options.env,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    trackChild(child, 'api');
    const api = new ApiProcess(port, child);
    await api.waitForHealth(options.waitFor, options.startTimeoutMs);
    return api;
  }

  get url(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  get pid(): number | undefined {
    return this.child.pid;
  }

  /** Still running (it neither exited nor was killed). */
  get alive(): boolean {
    return this.child.exitCode === null && this.child.signalCode === null;
  }

  /** What the process wrote to stdout and stderr so far. */
  output(): string {
    return this.log;
  }

  /** `SIGTERM`: a graceful shutdown; `SIGKILL`: the process dies on the spot. */
  async stop(signal: NodeJS.Signals = 'SIGTERM'): Promise<void> {
    if (this.child.exitCode === null && this.child.signalCode === null) this.child.kill(signal);
    await this.exited;
  }

  /** An access token of a demo account (the api processes of a test share their DATA_DIR, so their signing secret). */
  async token(username: string): Promise<string> {
    const cached = ApiProcess.tokens.get(username);
    if (cached) return cached;
    const { status, body } = await this.request<{ accessToken: string }>('POST', '/api/auth/login', {
      body: { username, password: 'demo' },
    });
    if (status !== 200) throw new Error(`login ${username}: ${status} ${JSON.stringify(body)}`);
    ApiProcess.tokens.set(username, body.accessToken);
    return body.accessToken;
  }

  async request<Body = Record<string, unknown>>(
    method: string,
    path: string,
    options: { as?: string; body?: unknown; headers?: Record<string, string> } = {},
  ): Promise<ApiResponse<Body>> {
    const headers: Record<string, string> = { ...options.headers };
    if (options.as) headers.authorization = `Bearer ${await this.token(options.as)}`;
    if (options.body !== undefined) headers['content-type'] = 'application/json';
    const response = await fetch(`${this.url}${path}`, {
      method,
      headers,
      ...(options.body !== undefined ? { body: JSON.stringify(options.body) } : {}),
    });
    const text = await response.text();
    return { status: response.status, body: (text ? JSON.parse(text) : {}) as Body, headers: response.headers };
  }

  /** A write that must succeed (2xx); returns its answer (`id`, `revision`, `position`, ...). */
  async write(
    method: string,
    path: string,
    as: string,
    body: unknown = {},
  ): Promise<{ id: string; revision: number; position: string }> {
    const response = await this.request<{ id: string; revision: number; position: string }>(method, path, {
      as,
      body,
    });
    if (response.status < 200 || response.status >= 300) {
      throw new Error(`${method} ${path} as ${as}: ${response.status} ${JSON.stringify(response.body)}`);
    }
    return response.body;
  }

  private async waitForHealth(path = '/health', timeoutMs = 30_000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (Date.now() < deadline) {
      if (this.child.exitCode !== null) throw new Error(`api exited early:\n${this.log}`);
      try {
        const response = await fetch(`${this.url}${path}`);
        if (response.status === 200) return;
      } catch {
        // not listening yet
      }
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    await this.stop('SIGKILL');
    throw new Error(`api did not answer ${path} within ${timeoutMs} ms:\n${this.log}`);
  }
}
