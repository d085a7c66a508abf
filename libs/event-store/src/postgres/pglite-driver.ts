import { PGlite } from '@electric-sql/pglite';
import type { SqlDriver } from './sql-driver.js';

export interface PgliteDriverOptions {
  /** A directory for the database files; omitted = in memory. */
  dataDir?: string;
}

/**
 * Embedded PostgreSQL (WASM) in this process: one session, fsync off. For development, demos, drills and tests;
 * a site's record of truth runs on a PostgreSQL server or KurrentDB.
 */
export async function createPgliteDriver(options: PgliteDriverOptions = {}): Promise<SqlDriver> {
  const db = await PGlite.create(options.dataDir);
  return {
    kind: 'pglite',
    async query<Row>(text: string, params: readonly unknown[] = []): Promise<Row[]> {
      const result = await db.query<Row>(text, params as unknown[]);
      return result.rows;
    },
    async exec(sql: string): Promise<void> {
      await db.exec(sql);
    },
    async listen(channel: string, onNotify: (payload?: string) => void): Promise<() => Promise<void>> {
      const unlisten = await db.listen(channel, (payload) => onNotify(payload));
      return async () => {
        if (!db.closed) await unlisten();
      };
    },
    async close(): Promise<void> {
      if (!db.closed) await db.close();
    },
  };
}
