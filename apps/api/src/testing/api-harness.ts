import type { INestApplication } from '@nestjs/common';
import { collect, openPostgresEventStore, type PostgresEventStore, type RecordedEvent } from '@enlace/event-store';
import { dropSchema, testDatabaseUrl, uniqueSchemaName } from '@enlace/event-store/testing';
import { ProjectionRunner } from '@enlace/projections';
import { createHmac } from 'node:crypto';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { hashPassword } from '../auth/password.js';
import { SIGNING_SECRET } from '../auth/signing-secret.js';
import type { UserAccount } from '../auth/user-directory.js';
import { createHttpApp } from '../http-app.js';

/** An account added to the demo directory for a test (its password is `demo`). */
export type ExtraUser = Omit<UserAccount, 'id' | 'passwordHash'> & { username: string };

export interface ApiHarnessOptions {
  /** Accounts besides the demo ones (the harness then reads a copy of config/). */
  users?: ExtraUser[];
  /** Environment variables for this api (e.g. short token lifetimes). */
  env?: Record<string, string>;
}

export interface ApiResponse<Body = Record<string, unknown>> {
  status: number;
  body: Body;
  headers: Headers;
}

/**
 * The api of the tests of this file (or of the describe block that calls it): started before them, stopped after.
 * Read it in a test or a hook, once started: `api().request(…)`.
 */
export function apiForTheseTests(options?: ApiHarnessOptions): () => ApiHarness {
  let harness: ApiHarness | undefined;
  beforeAll(async () => {
    harness = await ApiHarness.start(options);
  }, 60_000);
  afterAll(async () => {
    await harness?.stop();
  });
  return () => {
    if (!harness) throw new Error('The api is read before it started (in a beforeAll of these tests)');
    return harness;
  };
}

/** The api in this process on the real PostgreSQL server (a schema of its own), served over real HTTP. */
export class ApiHarness {
  private readonly tokens = new Map<string, string>();

  private constructor(
    private readonly app: INestApplication,
    readonly baseUrl: string,
    /** A second connection to the same store, to check what was actually appended. */
    readonly store: PostgresEventStore,
    readonly schema: string,
    /** The api's files (generated signing secret, re-hashed passwords) and its copy of config/, if any. */
    readonly dataDir: string,
    readonly configDir: string,
  ) {}

  /**
   * With no JWT_SECRET, in a DATA_DIR of its own (so it generates its signing secret like a default install), with
   * Redis keys of its own (REDIS_PREFIX = its schema), so throttling in one test file never reaches another.
   */
  static async start(options: ApiHarnessOptions = {}): Promise<ApiHarness> {
    const schema = uniqueSchemaName('api');
    const dataDir = mkdtempSync(join(tmpdir(), 'enlace-api-data-'));
    const configDir = options.users ? await configWithUsers(options.users) : './config';
    delete process.env.JWT_SECRET;
    Object.assign(process.env, {
      DATABASE_URL: testDatabaseUrl(),
      DATABASE_SCHEMA: schema,
      LOG_LEVEL: 'error',
      CONFIG_DIR: configDir,
      DATA_DIR: dataDir,
      REDIS_PREFIX: schema,
      ...options.env,
    });
    const app = await createHttpApp({ LOG_LEVEL: 'error' });
    await app.listen(0, '127.0.0.1');
    // The api listens before its read models caught up (decision 0026): tests start from a caught-up api.
    await app.get(ProjectionRunner).whenCaughtUp();
    const server = app.getHttpServer() as { address(): { port: number } };
    const address = server.address();
    const store = await openPostgresEventStore({ connectionString: testDatabaseUrl(), schema, poolSize: 2 });
    return new ApiHarness(app, `http://127.0.0.1:${address.port}`, store, schema, dataDir, configDir);
  }

  /** The key this api signs access tokens with. */
  get signingSecret(): Buffer {
    return this.app.get<Buffer>(SIGNING_SECRET);
  }

  /**
   * A token signed with `secret` (this api's by default) carrying exactly `claims` and `header`: for tests of what the
   * api refuses even when the signature is right.
   */
  signToken(claims: Record<string, unknown>, options: { secret?: Buffer | string; header?: object } = {}): string {
    const encode = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');
    const unsigned = `${encode(options.header ?? { alg: 'HS256', typ: 'at+jwt' })}.${encode(claims)}`;
    const signature = createHmac('sha256', options.secret ?? this.signingSecret)
      .update(unsigned)
      .digest('base64url');
    return `${unsigned}.${signature}`;
  }

  /** One of the api's providers (its audit log, its sealer…). */
  resolve<T>(token: abstract new (...args: never[]) => T): T {
    return this.app.get(token);
  }

  /** The api's live read models (its projection runner). */
  get projections(): ProjectionRunner {
    return this.app.get(ProjectionRunner);
  }

  async stop(): Promise<void> {
    await this.store.close();
    await this.app.close();
    await dropSchema(this.schema);
    rmSync(this.dataDir, { recursive: true, force: true });
    if (this.configDir !== './config') rmSync(this.configDir, { recursive: true, force: true });
  }

  async token(username: string): Promise<string> {
    const cached = this.tokens.get(username);
    if (cached) return cached;
    const { status, body } = await this.request<{ accessToken: string }>('POST', '/api/auth/login', {
      body: { username, password: 'demo' },
    });
    if (status !== 200) throw new Error(`login ${username}: ${status}`);
    this.tokens.set(username, body.accessToken);
    return body.accessToken;
  }

  async request<Body = Record<string, unknown>>(
    method: string,
    path: string,
    options: { as?: string; body?: unknown; rawBody?: string; headers?: Record<string, string> } = {},
  ): Promise<ApiResponse<Body>> {
    const headers: Record<string, string> = { ...options.headers };
    if (options.as) headers.authorization = `Bearer ${await this.token(options.as)}`;
    let payload: string | undefined;
    if (options.rawBody !== undefined) payload = options.rawBody;
    else if (options.body !== undefined) payload = JSON.stringify(options.body);
    if (payload !== undefined) headers['content-type'] ??= 'application/json';
    const response = await fetch(`${this.baseUrl}${path}`, {
      method,
      headers,
      ...(payload !== undefined ? { body: payload } : {}),
    });
    const text = await response.text();
    let body: unknown = text;
    try {
      body = text ? JSON.parse(text) : {};
    } catch {
      // not JSON (e.g. the Swagger UI page)
    }
    return { status: response.status, body: body as Body, headers: response.headers };
  }

  /** Every event stored so far, across streams. */
  async allEvents(): Promise<RecordedEvent[]> {
    return collect(this.store.readAll());
  }

  /**
   * How many events the requests stored (sign-ins, which the harness makes on the way, are left out), counted once the store's global read includes `latest` (the position of the last
   * write answered). The global read only shows events below the server's transaction horizon (older than every
   * transaction still open anywhere on it): a count taken right after a write could otherwise miss that write, and
   * blame the next request for it.
   */
  async settledEventCount(latest: string | undefined): Promise<number> {
    for (let attempt = 0; latest !== undefined && attempt < 2_500; attempt += 1) {
      const head = await this.store.headPosition();
      if (head !== undefined && head >= latest) break;
      await new Promise((resolve) => setTimeout(resolve, 2));
    }
    return (await this.allEvents()).filter((event) => !/^(session|account|auth)-/.test(event.streamId)).length;
  }

  async streamEvents(streamId: string): Promise<RecordedEvent[]> {
    return collect(this.store.readStream(streamId));
  }
}

/** A copy of config/ whose users.json also lists `users` (password `demo`). */
async function configWithUsers(users: ExtraUser[]): Promise<string> {
  const dir = mkdtempSync(join(tmpdir(), 'enlace-api-config-'));
  cpSync('./config', dir, { recursive: true });
  const file = join(dir, 'users.json');
  const directory = JSON.parse(readFileSync(file, 'utf8')) as { users: unknown[] };
  const hash = await hashPassword('demo');
  for (const { username, displayName, agency, country, role } of users) {
    directory.users.push({ username, displayName, agency, country, role, passwordHash: hash });
  }
  writeFileSync(file, JSON.stringify(directory, null, 2));
  return dir;
}
