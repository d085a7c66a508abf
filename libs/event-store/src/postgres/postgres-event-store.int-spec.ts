import { openPostgresEventStore, type EventStore } from '@enlace/event-store';
import {
  describeEventStoreContract,
  dropSchema,
  testDatabaseUrl,
  uniqueSchemaName,
  withSchemaClient,
} from '@enlace/event-store/testing';

const schema = uniqueSchemaName('contract');
const open = (options: { maxPayloadBytes?: number } = {}): Promise<EventStore> =>
  openPostgresEventStore({ connectionString: testDatabaseUrl(), schema, poolSize: 12, ...options });

afterAll(async () => {
  await dropSchema(schema);
});

describeEventStoreContract('PostgreSQL server', {
  open,
  async reopen(store) {
    await store.close();
    return open();
  },
  async tamper(store, streamId, revision) {
    await withSchemaClient(schema, async (client) => {
      // An attacker with database rights: switch the append-only trigger off and rewrite a stored event.
      await client.query('ALTER TABLE es_events DISABLE TRIGGER es_events_append_only');
      await client.query(
        `UPDATE es_events SET data = jsonb_set(data, '{quantity}', '999') WHERE stream_id = $1 AND revision = $2`,
        [streamId, revision],
      );
      await client.query('ALTER TABLE es_events ENABLE TRIGGER es_events_append_only');
    });
    return store;
  },
});
