export * from './event-store.port.js';
export * from './errors.js';
export { collect, readAhead, type ReadPage } from './paged-read.js';
export { canonicalJson, chainHash, contentDigest, GENESIS_HASH, type ChainLink } from './hash-chain.js';
export { DEFAULT_MAX_PAYLOAD_BYTES, MAX_EVENTS_PER_APPEND } from './validation.js';
export { PostgresEventStore, type PostgresEventStoreOptions } from './postgres/postgres-event-store.js';
export { openPgliteEventStore, openPostgresEventStore } from './postgres/open.js';
export { eventsTableSql } from './postgres/schema.js';
export { KurrentDbEventStore, type KurrentDbEventStoreOptions } from './kurrentdb/kurrentdb-event-store.js';
export type { SqlDriver } from './postgres/sql-driver.js';
export { StoreAvailability, type AvailabilityLog } from './availability.js';
export { classifyDatabaseError, connectionFailureReason } from './postgres/connection-failure.js';
export {
  EVENT_STORE,
  EventStoreModule,
  describeEventStore,
  eventStoreSettingsFromEnvironment,
  type EventStoreEnvironment,
  openEventStore,
  type EventStoreModuleOptions,
  type EventStoreSettings,
} from './event-store.module.js';
export { type AppendObserver, type AppendOutcome, appendOutcomeOf, observeAppends } from './append-observer.js';
