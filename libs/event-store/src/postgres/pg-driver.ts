import pg from 'pg';
import { StoreAvailability } from '../availability.js';
import { classifyDatabaseError, connectFailure } from './connection-failure.js';
import type { SqlDriver } from './sql-driver.js';

export interface PgDriverOptions {
  connectionString: string;
  /** A schema of its own (created if missing) keeps several stores apart in one database. */
  schema?: string;
  poolSize?: number;
  /** Kills a session left idle inside a transaction, which would otherwise hold the subscription horizon. */
  idleInTransactionTimeoutMs?: number;
  /** Logs an outage once; made from the connection string when omitted. */
  availability?: StoreAvailability;
}

/** Waiting longer than this for a pooled connection (server unreachable or every connection busy) answers 503. */
const CONNECT_TIMEOUT_MS = 10_000;
/** The LISTEN connection comes back after a loss with this backoff, doubling up to the cap. */
const LISTEN_RETRY_MS = { first: 250, max: 2_000 };

/** `host:port/database`, never the credentials. */
function describeServer(connectionString: string): string {
  const url = new URL(connectionString);
  return `PostgreSQL ${url.hostname}:${url.port || '5432'}${url.pathname}`;
}

/** Neither an idle nor a checked-out connection may raise an unhandled 'error': a lost server must not kill us. */
function ignoreErrors(client: pg.Client | pg.PoolClient): void {
  // The call in flight (if any) gets the error itself; a client hit between calls is not queryable any more, and the
  // pool drops it on release.
  client.on('error', () => undefined);
}

const SCHEMA_NAME = /^[a-z_][a-z0-9_]{0,62}$/;

export async function createPgDriver(options: PgDriverOptions): Promise<SqlDriver> {
  const schema = options.schema ?? 'public';
  if (!SCHEMA_NAME.test(schema)) {
    throw new Error(`schema: "${schema}" must be a lower-case SQL identifier`);
  }
  const sessionOptions = `-c search_path=${schema} -c idle_in_transaction_session_timeout=${
    options.idleInTransactionTimeoutMs ?? 60_000
  }`;
  const availability = options.availability ?? new StoreAvailability(describeServer(options.connectionString));
  const guard = <T>(call: () => Promise<T>): Promise<T> => availability.guard(call, classifyDatabaseError);
  if (schema !== 'public') {
    const admin = new pg.Client({ connectionString: options.connectionString });
    ignoreErrors(admin);
    await guard(() => admin.connect());
    try {
      await guard(() => admin.query(`CREATE SCHEMA IF NOT EXISTS ${schema}`));
    } catch (error) {
      // Two processes creating the schema at once: the loser sees a unique violation; the schema exists.
      if ((error as { code?: string }).code !== '23505') throw error;
    } finally {
      await admin.end().catch(() => undefined);
    }
  }
  const pool = new pg.Pool({
    connectionString: options.connectionString,
    max: options.poolSize ?? 10,
    options: sessionOptions,
    connectionTimeoutMillis: CONNECT_TIMEOUT_MS,
    keepAlive: true,
  });
  // An idle pooled connection that dies (server restart) must not crash the process; the next query reconnects.
  pool.on('error', () => undefined);
  // Nor one checked out: the server may end a session right after answering, before the caller releases it.
  pool.on('connect', ignoreErrors);

  const listeners = new Set<pg.Client>();
  let closed = false;

  return {
    kind: 'postgres',
    query<Row>(text: string, params: readonly unknown[] = []): Promise<Row[]> {
      return guard(async () => {
        // pool.query() destroys the connection on any error; an SQL error (a refused append, say) leaves it healthy,
        // and reconnecting on every refusal turned contention into connection churn (bench:live).
        let client: pg.PoolClient;
        try {
          client = await pool.connect();
        } catch (error) {
          throw connectFailure(error);
        }
        try {
          const result = await client.query(text, params as unknown[]);
          client.release();
          return result.rows as Row[];
        } catch (error) {
          const sqlState = (error as { code?: unknown }).code;
          // Connection exceptions (08) and operator intervention (57, e.g. a terminated backend) leave it unusable.
          const healthy = typeof sqlState === 'string' && /^[0-9A-Z]{5}$/.test(sqlState) && !/^(08|57)/.test(sqlState);
          client.release(healthy ? undefined : (error as Error));
          throw error;
        }
      });
    },
    async exec(sql: string): Promise<void> {
      await guard(() => pool.query(sql));
    },
    async listen(channel: string, onNotify: (payload?: string) => void): Promise<() => Promise<void>> {
      let client: pg.Client | undefined;
      let stopped = false;
      let retryTimer: NodeJS.Timeout | undefined;
      let failures = 0;
      const connect = async (): Promise<void> => {
        const next = new pg.Client({
          connectionString: options.connectionString,
          options: sessionOptions,
          keepAlive: true,
          connectionTimeoutMillis: CONNECT_TIMEOUT_MS,
        });
        next.on('notification', (message) => onNotify(message.payload));
        next.on('error', () => lost(next));
        next.on('end', () => lost(next));
        try {
          await next.connect();
          await next.query(`LISTEN ${channel}`);
        } catch (error) {
          await next.end().catch(() => undefined);
          throw classifyDatabaseError(error);
        }
        if (stopped || closed) {
          await next.end().catch(() => undefined);
          return;
        }
        client = next;
        listeners.add(next);
        failures = 0;
        // Anything committed while we were not listening is found by this poll.
        onNotify();
      };
      /** The listening connection died: listen again, however long the server stays away. */
      const lost = (dead: pg.Client): void => {
        listeners.delete(dead);
        if (client !== dead) return; // one that never started listening, or already replaced
        client = undefined;
        retry();
      };
      const retry = (): void => {
        if (stopped || closed || retryTimer) return;
        failures += 1;
        retryTimer = setTimeout(
          () => {
            retryTimer = undefined;
            connect().catch(retry);
          },
          Math.min(LISTEN_RETRY_MS.first * 2 ** (failures - 1), LISTEN_RETRY_MS.max),
        );
        retryTimer.unref();
      };
      await connect();
      return async () => {
        stopped = true;
        if (retryTimer) clearTimeout(retryTimer);
        if (client) {
          listeners.delete(client);
          await client.end().catch(() => undefined);
        }
      };
    },
    async close(): Promise<void> {
      closed = true;
      await Promise.all([...listeners].map((client) => client.end().catch(() => undefined)));
      await pool.end();
    },
  };
}
