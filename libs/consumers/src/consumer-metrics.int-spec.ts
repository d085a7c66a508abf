import { ManualClock } from '@enlace/clock/testing';
import { LIVE } from '@enlace/domain';
import { collect, openPostgresEventStore, type PostgresEventStore } from '@enlace/event-store';
import { dropSchema, newEvent, testDatabaseUrl, uniqueSchemaName } from '@enlace/event-store/testing';
import { Metrics } from '@enlace/metrics';
import { parseExposition, samplesOf } from '@enlace/metrics/testing';
import { randomUUID } from 'node:crypto';
import { CheckpointedConsumer, consumersOn } from './checkpointed-consumer.js';
import { ConsumerMetrics, lagOf } from './consumer-metrics.js';
import { EventFeed } from './event-feed.js';

/** Lag as the store has it (real PostgreSQL): events after a consumer's position, and how long the first has waited. */
const schema = uniqueSchemaName('consumer_lag');
let store: PostgresEventStore;

beforeAll(async () => {
  store = await openPostgresEventStore({ connectionString: testDatabaseUrl(), schema, poolSize: 3 });
});
afterAll(async () => {
  await store.close();
  await dropSchema(schema);
});

it('counts what a consumer has not handled, and is 0 once it has, on the scrape of its process', async () => {
  const tag = `lag${randomUUID().slice(0, 8)}`;
  for (let i = 0; i < 3; i += 1) {
    const event = newEvent('IncidentClosed', { incidentId: 'x', summary: { en: 'Closed', es: 'Cerrado' } });
    await store.append(`incident-${tag}-${i}`, [event], 'no_stream');
  }
  let open: () => void = () => undefined;
  const gate = new Promise<void>((resolve) => (open = resolve));
  const handled: string[] = [];
  const feed = new EventFeed(store, { prefixes: ['incident-'] });
  const consumer = new CheckpointedConsumer(
    feed,
    store.checkpoints,
    {
      name: tag,
      world: LIVE,
      prefixes: [`incident-${tag}`],
      ownership: 'owner-only',
      handle: async (event) => {
        await gate;
        handled.push(event.id);
      },
      checkpointState: () => null,
      restore: () => undefined,
    },
    { leaseMs: 1_500, renewMs: 100, saveEveryEvents: 100, saveEveryMs: 200 },
  );
  const metrics = new Metrics();
  // An hour after the first event was recorded, by the one clock.
  const [first] = await collect(store.readStream(`incident-${tag}-0`));
  const clock = new ManualClock(Date.parse(first!.metadata.recordedAt) + 3_600_000);
  new ConsumerMetrics(store, metrics, clock);
  await consumer.start();
  try {
    for (let i = 0; i < 100 && !consumer.handling; i += 1) await new Promise((resolve) => setTimeout(resolve, 20));
    expect(consumersOn(store)).toContain(consumer);

    const waiting = await lagOf(store, consumer, clock.nowMs());
    expect(waiting.events).toBe(3);
    expect(waiting.seconds).toBe(3_600);
    const scraped = parseExposition(await metrics.render());
    const labels = { consumer: tag, world: 'live' };
    expect(samplesOf(scraped, 'enlace_consumer_lag_events', labels).map((s) => s.value)).toEqual([3]);
    expect(samplesOf(scraped, 'enlace_read_models_caught_up').map((s) => s.value)).toEqual([0]);

    open();
    for (let i = 0; i < 100 && handled.length < 3; i += 1) await new Promise((resolve) => setTimeout(resolve, 20));
    expect(await lagOf(store, consumer, clock.nowMs())).toEqual({ events: 0, seconds: 0 });
    const caughtUp = parseExposition(await metrics.render());
    expect(samplesOf(caughtUp, 'enlace_consumer_lag_events', labels).map((s) => s.value)).toEqual([0]);
    expect(samplesOf(caughtUp, 'enlace_consumer_lag_seconds', labels).map((s) => s.value)).toEqual([0]);
    expect(samplesOf(caughtUp, 'enlace_consumer_position', labels)[0]!.value).toBeGreaterThan(0);
    expect(samplesOf(caughtUp, 'enlace_read_models_caught_up').map((s) => s.value)).toEqual([1]);
  } finally {
    open();
    await consumer.stop();
    await feed.stop();
  }
  expect(consumersOn(store)).not.toContain(consumer);
}, 30_000);
