import { collect, type EventStore, openPostgresEventStore, type Subscription } from '@enlace/event-store';
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

  it('a poll-only subscription is woken by no append: it reads at its own pace, and nothing is lost', async () => {
    const store = await openSlowPoll();
    const woken: string[] = [];
    const polled: string[] = [];
    const follow = (subscription: Subscription, into: string[]) =>
      (async () => {
        for await (const event of subscription) into.push(event.streamId);
      })();
    const eager = store.subscribe({ from: 'end', filter: { streamPrefixes: ['drill-'] } });
    const lazy = store.subscribe({ from: 'end', filter: { streamPrefixes: ['drill-'] }, pollOnlyMs: 4_000 });
    const following = [follow(eager, woken), follow(lazy, polled)];
    await new Promise((resolve) => setTimeout(resolve, 300));
    await store.append('drill-1', [newEvent('DrillPlanned', {})], 'any');
    const appended = performance.now();
    while (woken.length === 0 && performance.now() - appended < 3_000) {
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    expect(woken).toEqual(['drill-1']);
    // Woken at once, the eager one has it; the lazy one waits for its poll (4 s after its first, empty read: long enough
    // that a busy machine's slow wake-up of the eager one still comes first).
    expect(polled).toEqual([]);
    while (polled.length === 0 && performance.now() - appended < 10_000) {
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    expect(polled).toEqual(['drill-1']);
    expect(() => store.subscribe({ pollOnlyMs: 0 })).toThrow(/pollOnlyMs/);
    await Promise.all([eager.close(), lazy.close()]);
    await Promise.all(following);
  });
});

describe('PostgreSQL server: reads a page at a time', () => {
  const pagedSchema = uniqueSchemaName('paged');
  let store: EventStore;

  beforeAll(async () => {
    // Pages of 3, so that every read below spans several.
    store = await openPostgresEventStore({ connectionString: testDatabaseUrl(), schema: pagedSchema, batchSize: 3 });
  });

  afterAll(async () => {
    await store.close();
    await dropSchema(pagedSchema);
  });

  it('iterates streams and $all across pages, forwards, backwards, bounded, and stopped early', async () => {
    const events = Array.from({ length: 10 }, (_, n) => newEvent('Counted', { n }));
    await store.append('paged-a', events, 'no_stream');
    const numbers = async (read: AsyncIterable<{ data: unknown }>) =>
      (await collect(read)).map((event) => (event.data as { n: number }).n);
    expect(await numbers(store.readStream('paged-a'))).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
    expect(await numbers(store.readStream('paged-a', { fromRevision: 2, maxCount: 7 }))).toEqual([2, 3, 4, 5, 6, 7, 8]);
    expect(
      await numbers(store.readStream('paged-a', { direction: 'backwards', fromRevision: 8, maxCount: 5 })),
    ).toEqual([8, 7, 6, 5, 4]);
    expect(await numbers(store.readAll({ filter: { streamPrefixes: ['paged-'] }, maxCount: 4 }))).toEqual([0, 1, 2, 3]);
    const all = store.readAll();
    // One iterable, iterated twice: each iteration reads afresh.
    expect(await numbers(all)).toEqual(await numbers(all));
    const seen: number[] = [];
    for await (const event of store.readStream('paged-a')) {
      seen.push((event.data as { n: number }).n);
      if (seen.length === 5) break;
    }
    expect(seen).toEqual([0, 1, 2, 3, 4]);
  });
});
