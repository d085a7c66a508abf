import { openPostgresEventStore, type EventStore } from '@enlace/event-store';
import {
  describeEventStoreContract,
  dropSchema,
  newEvent,
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

describe('PostgreSQL server: wake-ups between processes', () => {
  const wakeSchema = uniqueSchemaName('wakeups');
  const stores: EventStore[] = [];
  // A poll long enough that only a wake-up can deliver within the test's time.
  const openSlowPoll = async () => {
    const store = await openPostgresEventStore({
      connectionString: testDatabaseUrl(),
      schema: wakeSchema,
      poolSize: 4,
      pollIntervalMs: 30_000,
    });
    stores.push(store);
    return store;
  };

  afterAll(async () => {
    await Promise.all(stores.map((store) => store.close()));
    await dropSchema(wakeSchema);
  });

  it("a filtered subscription on one process is woken at once by another process's append to one of its streams", async () => {
    const writer = await openSlowPoll();
    const reader = await openSlowPoll();
    const received: string[] = [];
    const subscription = reader.subscribe({ from: 'end', filter: { streamPrefixes: ['session-'] } });
    const following = (async () => {
      for await (const event of subscription) received.push(event.streamId);
    })();
    // Let the subscription reach the end and wait.
    await new Promise((resolve) => setTimeout(resolve, 300));
    await writer.append('incident-1', [newEvent('IncidentReported', {})], 'any');
    await writer.append('session-1', [newEvent('SessionStarted', {})], 'any');
    const started = performance.now();
    while (received.length === 0 && performance.now() - started < 5_000) {
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    expect(received).toEqual(['session-1']);
    await subscription.close();
    await following;
  });
});
