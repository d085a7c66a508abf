import { PGlite } from '@electric-sql/pglite';
import { StoreAvailability } from '../availability.js';
import { classifyDatabaseError } from './connection-failure.js';
import type { SqlDriver } from './sql-driver.js';

export interface PgliteDriverOptions {
  /** A directory for the database files; omitted = in memory. */
  dataDir?: string;
  /** Logs an outage once (e.g. the data directory became unreadable); made here when omitted. */
  availability?: StoreAvailability;
}

/**
 * Embedded PostgreSQL (WASM) in this process: one session, fsync off. For development, demos, drills and tests;
 * a site's record of truth runs on a PostgreSQL server or KurrentDB.
 *
 * Its failures are promises that reject, never events: files it cannot read or write come back as SQL errors of class
 * 58 (system error), which, like an engine that aborted, are classified as `StoreUnavailableError`.
 */
export async function createPgliteDriver(options: PgliteDriverOptions = {}): Promise<SqlDriver> {
  const availability =
    options.availability ?? new StoreAvailability(`embedded PGlite ${options.dataDir ?? '(in memory)'}`);
  const guard = <T>(call: () => Promise<T>): Promise<T> => availability.guard(call, classifyDatabaseError);
  const db = await PGlite.create(options.dataDir);
  return {
    kind: 'pglite',
    async query<Row>(text: string, params: readonly unknown[] = []): Promise<Row[]> {
      const result = await guard(() => db.query<Row>(text, params as unknown[]));
      return result.rows;
    },
    async exec(sql: string): Promise<void> {
      await guard(() => db.exec(sql));
    },
    async listen(channel: string, onNotify: (payload?: string) => void): Promise<() => Promise<void>> {
      const unlisten = await guard(() => db.listen(channel, (payload) => onNotify(payload)));
      return async () => {
        if (!db.closed) await unlisten();
      };
    },
    async close(): Promise<void> {
      if (!db.closed) await db.close();
    },
  };
}
