import type { INestApplication } from '@nestjs/common';
import { openPostgresEventStore, type PostgresEventStore, type RecordedEvent } from '@enlace/event-store';
import { dropSchema, testDatabaseUrl, uniqueSchemaName } from '@enlace/event-store/testing';
import { ProjectionRunner } from '@enlace/projections';
import { createHttpApp } from '../http-app.js';

export interface ApiResponse<Body = Record<string, unknown>> {
  status: number;
  body: Body;
  headers: Headers;
}

/** The api in this process on the real PostgreSQL server (a schema of its own), served over real HTTP. */
export class ApiHarness {
  private readonly tokens = new Map<string, string>();

  private constructor(
    private readonly app: INestApplication,
    readonly baseUrl: string,
    /** A second connection to the same store, to check what was actually appended. */
    readonly store: PostgresEventStore,
    private readonly schema: string,
  ) {}

  static async start(): Promise<ApiHarness> {
    const schema = uniqueSchemaName('api');
    Object.assign(process.env, {
      DATABASE_URL: testDatabaseUrl(),
      DATABASE_SCHEMA: schema,
      LOG_LEVEL: 'error',
      CONFIG_DIR: './config',
    });
    const app = await createHttpApp({ LOG_LEVEL: 'error' });
    await app.listen(0, '127.0.0.1');
    const server = app.getHttpServer() as { address(): { port: number } };
    const address = server.address();
    const store = await openPostgresEventStore({ connectionString: testDatabaseUrl(), schema, poolSize: 2 });
    return new ApiHarness(app, `http://127.0.0.1:${address.port}`, store, schema);
  }

  /** The api's live read models (its projection runner). */
  get projections(): ProjectionRunner {
    return this.app.get(ProjectionRunner);
  }

  async stop(): Promise<void> {
    await this.store.close();
    await this.app.close();
    await dropSchema(this.schema);
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
    return this.store.readAll();
  }

  /**
   * How many events are stored, counted once the store's global read includes `latest` (the position of the last
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
    return (await this.allEvents()).length;
  }

  async streamEvents(streamId: string): Promise<RecordedEvent[]> {
    return this.store.readStream(streamId);
  }
}
