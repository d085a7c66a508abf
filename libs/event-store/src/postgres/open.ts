import { createPgDriver, type PgDriverOptions } from './pg-driver.js';
import { createPgliteDriver, type PgliteDriverOptions } from './pglite-driver.js';
import { PostgresEventStore, type PostgresEventStoreOptions } from './postgres-event-store.js';

export async function openPostgresEventStore(
  options: PgDriverOptions & PostgresEventStoreOptions,
): Promise<PostgresEventStore> {
  return PostgresEventStore.open(await createPgDriver(options), options);
}

export async function openPgliteEventStore(
  options: PgliteDriverOptions & PostgresEventStoreOptions = {},
): Promise<PostgresEventStore> {
  return PostgresEventStore.open(await createPgliteDriver(options), options);
}
