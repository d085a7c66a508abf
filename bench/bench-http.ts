import http from 'node:http';
import { type AddressInfo, createServer } from 'node:net';
import { monoMs } from './live-shared.js';

/** HTTP for the benchmarks: keep-alive requests to the api on loopback, and a free port to start it on. */

/** The environment of an api process a benchmark starts on one schema of its database (PostgreSQL, quiet logs). */
export function apiEnvironment(
  port: number,
  databaseUrl: string,
  schema: string,
  extra: Record<string, string> = {},
): NodeJS.ProcessEnv {
  return {
    ...process.env,
    NODE_ENV: 'development',
    HOST: '127.0.0.1',
    PORT: String(port),
    LOG_LEVEL: 'warn',
    EVENT_STORE: 'postgres',
    DATABASE_URL: databaseUrl,
    DATABASE_SCHEMA: schema,
    ...extra,
  };
}

export async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((done) => server.close(() => done()));
  return port;
}

const agent = new http.Agent({ keepAlive: true, maxSockets: 64 });

export interface HttpAnswer {
  status: number;
  body: unknown;
  /** monoMs() when the whole answer was read. */
  doneAt: number;
}

export function request(
  port: number,
  method: string,
  path: string,
  body?: unknown,
  token?: string,
): Promise<HttpAnswer> {
  const payload = body === undefined ? undefined : JSON.stringify(body);
  return new Promise((done, fail) => {
    const req = http.request(
      {
        host: '127.0.0.1',
        port,
        method,
        path,
        agent,
        headers: {
          ...(payload === undefined
            ? {}
            : { 'content-type': 'application/json', 'content-length': Buffer.byteLength(payload) }),
          ...(token ? { authorization: `Bearer ${token}` } : {}),
        },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('error', fail);
        res.on('end', () => {
          const doneAt = monoMs();
          const text = Buffer.concat(chunks).toString('utf8');
          let parsed: unknown = text;
          try {
            parsed = text ? JSON.parse(text) : undefined;
          } catch {
            // not JSON: keep the text
          }
          done({ status: res.statusCode ?? 0, body: parsed, doneAt });
        });
      },
    );
    req.on('error', fail);
    req.end(payload);
  });
}

/** Closes the kept-alive sockets (at the end of a run). */
export function closeHttp(): void {
  agent.destroy();
}
