import pg from 'pg';
import type { SqlDriver } from './sql-driver.js';

export interface PgDriverOptions {
  connectionString: string;
  /** A schema of its own (created if missing) keeps several stores apart in one database. */
  schema?: string;
  poolSize?: number;
  /** Kills a session left idle inside a transaction, which would otherwise hold the subscription horizon. */
  idleInTransactionTimeoutMs?: number;
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
  if (schema !== 'public') {
    const admin = new pg.Client({ connectionString: options.connectionString });
    await admin.connect();
    try {
      await admin.query(`CREATE SCHEMA IF NOT EXISTS ${schema}`);
    } catch (error) {
      // Two processes creating the schema at once: the loser sees a unique violation; the schema exists.
      if ((error as { code?: string }).code !== '23505') throw error;
    } finally {
      await admin.end();
    }
  }
  const pool = new pg.Pool({
    connectionString: options.connectionString,
    max: options.poolSize ?? 10,
    options: sessionOptions,
  });
  // An idle pooled connection that dies (server restart) must not crash the process; the next query reconnects.
  pool.on('error', () => undefined);

  const listeners = new Set<pg.Client>();
  let closed = false;

  return {
    kind: 'postgres',
    async query<Row>(text: string, params: readonly unknown[] = []): Promise<Row[]> {
      // pool.query() destroys the connection on any error; an SQL error (a refused append, say) leaves it healthy,
      // and reconnecting on every refusal turned contention into connection churn (bench:live).
      const client = await pool.connect();
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
    },
    async exec(sql: string): Promise<void> {
      await pool.query(sql);
    },
    async listen(channel: string, onNotify: (payload?: string) => void): Promise<() => Promise<void>> {
      let client: pg.Client | undefined;
      let stopped = false;
      let retryTimer: NodeJS.Timeout | undefined;
      const connect = async (): Promise<void> => {
        const next = new pg.Client({ connectionString: options.connectionString, options: sessionOptions });
        next.on('notification', (message) => onNotify(message.payload));
        next.on('error', () => reconnectSoon(next));
        next.on('end', () => reconnectSoon(next));
        await next.connect();
        await next.query(`LISTEN ${channel}`);
        if (stopped || closed) {
          await next.end().catch(() => undefined);
          return;
        }
        client = next;
        listeners.add(next);
        // Anything committed while we were not listening is found by this poll.
        onNotify();
      };
      const reconnectSoon = (dead: pg.Client): void => {
        listeners.delete(dead);
        if (client !== dead || stopped || closed || retryTimer) return;
        client = undefined;
        retryTimer = setTimeout(() => {
          retryTimer = undefined;
          connect().catch(() => reconnectSoon(dead));
        }, 500);
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
