export { describeEventStoreContract, type ContractHarness } from './event-store.contract.js';
export { newEvent, testMetadata, uniqueCategory } from './fixtures.js';
export { drain } from './drain.js';
export { dropSchema, testDatabaseUrl, uniqueSchemaName, withSchemaClient } from './postgres-test-schema.js';
export { freePort, TestPostgresServer } from './postgres-server.js';
export { track, trackChild, untrack, type TrackedChild } from './children.js';
