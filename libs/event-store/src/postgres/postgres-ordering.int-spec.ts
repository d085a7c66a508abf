import {
  collect,
  comparePositions,
  openPostgresEventStore,
  type PostgresEventStore,
  type RecordedEvent,
} from '@enlace/event-store';
import {
  drain,
  dropSchema,
  newEvent,
  testDatabaseUrl,
  uniqueCategory,
  uniqueSchemaName,
  withSchemaClient,
} from '@enlace/event-store/testing';
import { contentDigest } from '../hash-chain.js';

const schema = uniqueSchemaName('ordering');
let store: PostgresEventStore;

beforeAll(async () => {
  store = await openPostgresEventStore({ connectionString: testDatabaseUrl(), schema, poolSize: 16 });
});

afterAll(async () => {
  await store.close();
  await dropSchema(schema);
});

/** The SQL a writer sends; used here inside a transaction the test holds open. */
function appendSql(streamId: string): [string, unknown[]] {
  const event = newEvent('HeldBack', { n: 1 });
  const payload = JSON.stringify([{ ...event, digest: contentDigest(event.data, event.metadata) }]);
  return [`SELECT * FROM es_append($1, 'any', $2::jsonb)`, [streamId, payload]];
}

function settlesWithin<T>(promise: Promise<T>, ms: number): Promise<boolean> {
  return Promise.race([
    promise.then(() => true),
    new Promise<boolean>((resolve) => setTimeout(() => resolve(false), ms)),
  ]);
}

describe('global order on a PostgreSQL server', () => {
  it('holds subscribers back behind a transaction that commits late, then delivers both in commit-safe order', async () => {
    const category = uniqueCategory('horizon');
    const subscription = store.subscribe({ from: 'end', filter: { streamPrefixes: [`${category}-`] } });
    const iterator = subscription[Symbol.asyncIterator]();
    await new Promise((resolve) => setTimeout(resolve, 200));

    await withSchemaClient(schema, async (slow) => {
      await slow.query('BEGIN');
      await slow.query(...appendSql(`${category}-slow`));
      // A later transaction on another stream commits first; its global position is higher, its commit earlier.
      const fast = await store.append(`${category}-fast`, [newEvent('CommittedFirst', {})], 'no_stream');
      const firstDelivery = iterator.next();
      expect(await settlesWithin(firstDelivery, 600)).toBe(false);
      expect(await collect(store.readAll({ filter: { streamPrefixes: [`${category}-`] } }))).toEqual([]);
      await slow.query('COMMIT');

      const first = (await firstDelivery).value as RecordedEvent;
      const second = (await iterator.next()).value as RecordedEvent;
      expect([first.streamId, second.streamId]).toEqual([`${category}-slow`, `${category}-fast`]);
      expect(second.position).toBe(fast.position);
      expect(comparePositions(first.position, second.position)).toBeLessThan(0);
    });
    await subscription.close();
  });

  it('delivers the later transaction once the earlier one rolls back', async () => {
    const category = uniqueCategory('rollback');
    const subscription = store.subscribe({ from: 'end', filter: { streamPrefixes: [`${category}-`] } });
    const received = drain(subscription, 1, 5_000);
    await new Promise((resolve) => setTimeout(resolve, 200));
    await withSchemaClient(schema, async (slow) => {
      await slow.query('BEGIN');
      await slow.query(...appendSql(`${category}-slow`));
      await store.append(`${category}-fast`, [newEvent('Survivor', {})], 'no_stream');
      await new Promise((resolve) => setTimeout(resolve, 300));
      await slow.query('ROLLBACK');
    });
    expect((await received).map((event) => event.type)).toEqual(['Survivor']);
    expect(await store.streamRevision(`${category}-slow`)).toBe(-1);
  });

  it('refuses to update, delete or truncate stored events', async () => {
    const streamId = `${uniqueCategory()}-1`;
    await store.append(streamId, [newEvent('Immutable', {})], 'no_stream');
    await withSchemaClient(schema, async (client) => {
      await expect(client.query(`UPDATE es_events SET data = '{}' WHERE stream_id = $1`, [streamId])).rejects.toThrow(
        /append-only: UPDATE refused/,
      );
      await expect(client.query(`DELETE FROM es_events WHERE stream_id = $1`, [streamId])).rejects.toThrow(
        /append-only: DELETE refused/,
      );
      await expect(client.query(`TRUNCATE es_events`)).rejects.toThrow(/append-only: TRUNCATE refused/);
    });
    expect(await store.verify(streamId)).toMatchObject({ ok: true, eventsChecked: 1 });
  });

  it('lets several processes open the same schema at once', async () => {
    const shared = uniqueSchemaName('shared');
    const stores = await Promise.all(
      Array.from({ length: 4 }, () =>
        openPostgresEventStore({ connectionString: testDatabaseUrl(), schema: shared, poolSize: 2 }),
      ),
    );
    try {
      await stores[0]!.append('incident-1', [newEvent('A', {})], 'no_stream');
      expect(await stores[3]!.streamRevision('incident-1')).toBe(0);
    } finally {
      await Promise.all(stores.map((s) => s.close()));
      await dropSchema(shared);
    }
  });
});

describe('wake-ups across processes', () => {
  it("wakes another process's subscriber through NOTIFY, and its own at once, with the poll an hour away", async () => {
    const shared = uniqueSchemaName('wakeup');
    const open = () =>
      openPostgresEventStore({
        connectionString: testDatabaseUrl(),
        schema: shared,
        poolSize: 2,
        pollIntervalMs: 3_600_000,
      });
    const [writer, other] = [await open(), await open()];
    const category = uniqueCategory();
    const received = { writer: [] as string[], other: [] as string[] };
    const follow = (store: PostgresEventStore, into: string[]) => {
      const subscription = store.subscribe({ from: 'end', filter: { streamPrefixes: [`${category}-`] } });
      void (async () => {
        for await (const event of subscription) into.push(event.id);
      })();
      return subscription;
    };
    const subscriptions = [follow(writer, received.writer), follow(other, received.other)];
    try {
      await new Promise((resolve) => setTimeout(resolve, 200)); // both subscriptions are waiting
      for (let i = 0; i < 3; i += 1) {
        const event = newEvent('Woken', { i });
        await writer.append(`${category}-1`, [event], 'any');
        const deadline = Date.now() + 3_000;
        while (!received.writer.includes(event.id) || !received.other.includes(event.id)) {
          if (Date.now() > deadline) {
            throw new Error(`event ${i} not received by both within 3 s: ${JSON.stringify(received)}`);
          }
          await new Promise((resolve) => setTimeout(resolve, 5));
        }
      }
      expect(received).toEqual({ writer: received.other, other: received.writer });
    } finally {
      await Promise.all(subscriptions.map((subscription) => subscription.close()));
      await Promise.all([writer.close(), other.close()]);
      await dropSchema(shared);
    }
  });
});

/**
 * A subscriber that missed acknowledged events: which, where they are in the log against what it received, the
 * horizon now, and every transaction on the server holding a transaction id (what holds a horizon back).
 */
async function whyNotDelivered(category: string, events: RecordedEvent[], acknowledged: Set<string>): Promise<string> {
  const got = new Set(events.map((event) => event.id));
  const missing = [...acknowledged].filter((id) => !got.has(id));
  return withSchemaClient(schema, async (client) => {
    const rows = await client.query(
      `SELECT event_id::text, stream_id, revision, tx_id::text, global_position::text,
              tx_id < pg_snapshot_xmin(pg_current_snapshot()) AS below_horizon
         FROM es_events WHERE event_id = ANY ($1::uuid[])`,
      [missing],
    );
    const horizon = await client.query(`SELECT pg_current_snapshot()::text AS snapshot`);
    const holders = await client.query(
      `SELECT pid, datname, backend_xid::text, state, now() - xact_start AS age, left(query, 120) AS query
         FROM pg_stat_activity WHERE backend_xid IS NOT NULL`,
    );
    return JSON.stringify(
      {
        category,
        received: events.length,
        acknowledged: acknowledged.size,
        lastReceived: events.at(-1)?.position,
        missing: rows.rows,
        snapshot: horizon.rows[0] as unknown,
        transactionsHoldingIds: holders.rows,
      },
      null,
      2,
    );
  });
}

describe('stress: concurrent writers with a live subscriber', () => {
  const writers = 8;
  const eventsPerWriter = 2_000;

  it(`delivers all ${writers} × ${eventsPerWriter} committed events exactly once, in order`, async () => {
    const category = uniqueCategory('stress');
    const expectedTotal = writers * eventsPerWriter;
    const subscription = store.subscribe({ from: 'end', filter: { streamPrefixes: [`${category}-`] } });
    await new Promise((resolve) => setTimeout(resolve, 200));
    const events: RecordedEvent[] = [];
    let allReceived: () => void = () => undefined;
    const complete = new Promise<void>((resolve) => (allReceived = resolve));
    const following = (async () => {
      for await (const event of subscription) {
        events.push(event);
        if (events.length >= expectedTotal) allReceived();
      }
    })();

    const acknowledged = new Set<string>();
    await Promise.all(
      Array.from({ length: writers }, async (_, writer) => {
        let written = 0;
        let batchNumber = 0;
        while (written < eventsPerWriter) {
          // Batches of 1–3 events over a few streams per writer, some shared between writers, so commits interleave.
          const size = Math.min(1 + (batchNumber % 3), eventsPerWriter - written);
          const streamId =
            batchNumber % 5 === 0
              ? `${category}-shared${batchNumber % 2}`
              : `${category}-w${writer}s${batchNumber % 4}`;
          const batch = Array.from({ length: size }, (_, n) => newEvent('Stressed', { writer, n: written + n }));
          await store.append(streamId, batch, 'any');
          batch.forEach((event) => acknowledged.add(event.id));
          written += size;
          batchNumber += 1;
        }
      }),
    );

    // However long the writes took on a busy machine, the subscriber gets a minute from the last acknowledgment.
    const settled = await Promise.race([
      complete.then(() => true),
      new Promise<boolean>((resolve) => setTimeout(() => resolve(false), 60_000)),
    ]);
    if (!settled) throw new Error(await whyNotDelivered(category, events, acknowledged));
    await subscription.close();
    await following;
    expect(events).toHaveLength(expectedTotal);
    expect(new Set(events.map((event) => event.id))).toEqual(acknowledged);
    const lastRevision = new Map<string, number>();
    for (let i = 0; i < events.length; i += 1) {
      const event = events[i]!;
      if (i > 0) expect(comparePositions(events[i - 1]!.position, event.position)).toBeLessThan(0);
      expect(event.revision).toBe((lastRevision.get(event.streamId) ?? -1) + 1);
      lastRevision.set(event.streamId, event.revision);
    }
  }, 300_000);
});
