import { CommandPipeline } from '@enlace/application';
import { planDrill } from '@enlace/application/testing';
import { ManualClock } from '@enlace/clock/testing';
import { drillStreamId, drillWorld, LIVE, portDecider, streamInWorld, worldStreamPrefix } from '@enlace/domain';
import { PORT_SHUTDOWN_DECLARED_V1 } from '@enlace/domain/testing';
import { collect, openPostgresEventStore, type PostgresEventStore } from '@enlace/event-store';
import { dropSchema, newEvent, testDatabaseUrl, uniqueSchemaName } from '@enlace/event-store/testing';
import { loadReferenceCatalog } from '@enlace/reference-data';
import { randomUUID } from 'node:crypto';
import { CheckpointedConsumer, type ConsumerSpec, type ConsumerTimings } from './checkpointed-consumer.js';
import type { DecodedEvent } from './decoded-event.js';
import { EventFeed } from './event-feed.js';

/**
 * The consumer on real PostgreSQL: checkpoints that survive a restart, one owner at a time with a fenced save,
 * takeover when the owner stops renewing, and an old event shape read back as today's (the upcaster).
 */
const schema = uniqueSchemaName('consumers');
const stores: PostgresEventStore[] = [];
const FAST: ConsumerTimings = { leaseMs: 1_500, renewMs: 250, saveEveryEvents: 5, saveEveryMs: 200 };

async function openStore(): Promise<PostgresEventStore> {
  const store = await openPostgresEventStore({ connectionString: testDatabaseUrl(), schema, poolSize: 3 });
  stores.push(store);
  return store;
}

/** What a restarted process sees: its own store connection and feed. */
async function process(): Promise<{ store: PostgresEventStore; feed: EventFeed }> {
  const store = await openStore();
  return { store, feed: new EventFeed(store, { prefixes: ['incident-', 'port-'] }) };
}

async function eventually<T>(probe: () => T | undefined | false, timeoutMs: number, what: string): Promise<T> {
  const deadline = performance.now() + timeoutMs;
  for (;;) {
    const value = probe();
    if (value !== undefined && value !== false) return value;
    if (performance.now() > deadline) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

/** A consumer that counts the incident events of one test it was handed; its count is its checkpointed state. */
function counter(name: string, ownership: ConsumerSpec['ownership']) {
  const seen: string[] = [];
  let total = 0;
  const spec: ConsumerSpec = {
    name,
    world: LIVE,
    prefixes: [`incident-${name}`],
    ownership,
    handle: (event: DecodedEvent) => {
      seen.push(event.id);
      total += 1;
    },
    checkpointState: () => ({ total }),
    restore: (state) => {
      total = (state as { total?: number } | undefined)?.total ?? 0;
    },
  };
  return { spec, seen, total: () => total };
}

async function appendIncidents(store: PostgresEventStore, count: number, tag: string): Promise<string[]> {
  const ids: string[] = [];
  for (let i = 0; i < count; i += 1) {
    const event = newEvent('IncidentClosed', { incidentId: 'x', summary: { en: 'Closed', es: 'Cerrado' } });
    await store.append(`incident-${tag}${randomUUID()}`, [event], 'no_stream');
    ids.push(event.id);
  }
  return ids;
}

afterAll(async () => {
  await Promise.all(stores.map((store) => store.close().catch(() => undefined)));
  await dropSchema(schema);
});

describe('checkpointed consumer', () => {
  it('a restart with a checkpoint reads only what came after it, and restores the state saved with it', async () => {
    const first = await process();
    const before = await appendIncidents(first.store, 12, 'restart-check');
    const one = counter('restart-check', 'every-process');
    const consumer = new CheckpointedConsumer(first.feed, first.store.checkpoints, one.spec, FAST);
    await consumer.start();
    await eventually(() => consumer.isOwner, 5_000, 'the lease');
    expect(one.seen).toEqual(before);
    await consumer.stop(); // saves the last checkpoint and gives the lease up
    await first.feed.stop();

    const after = await appendIncidents(first.store, 3, 'restart-check');
    const second = await process();
    const two = counter('restart-check', 'every-process');
    const restarted = new CheckpointedConsumer(second.feed, second.store.checkpoints, two.spec, FAST);
    await restarted.start();
    // Only the three appended since the checkpoint were handed over; the state holds all fifteen.
    expect(two.seen).toEqual(after);
    expect(two.total()).toBe(15);
    await restarted.stop();
    await second.feed.stop();
  }, 30_000);

  it('saves checkpoints during a long catch-up, not only once caught up (memory and restarts stay bounded)', async () => {
    const { store, feed } = await process();
    const ids = await appendIncidents(store, 200, 'long-catch-up');
    const slow = counter('long-catch-up', 'every-process');
    const handle = slow.spec.handle;
    const saved: number[] = [];
    const consumer = new CheckpointedConsumer(
      feed,
      store.checkpoints,
      {
        ...slow.spec,
        // An asynchronous handler: the catch-up is one long drain of the feed's queue.
        handle: async (event) => {
          await handle(event);
          await new Promise((resolve) => setTimeout(resolve, 2));
        },
        onSaved: () => saved.push(slow.total()),
      },
      { ...FAST, saveEveryEvents: 20 },
    );
    await consumer.start();
    expect(slow.seen).toEqual(ids);
    // Saves landed while events were still to come (each with the count handled when it was taken).
    expect(saved.some((total) => total > 0 && total < ids.length)).toBe(true);
    await consumer.stop();
    await feed.stop();
  }, 30_000);

  it('one owner at a time: the other takes over once the owner stops renewing, and resumes after its checkpoint', async () => {
    const a = await process();
    const b = await process();
    const countA = counter('failover-check', 'owner-only');
    const countB = counter('failover-check', 'owner-only');
    const consumerA = new CheckpointedConsumer(a.feed, a.store.checkpoints, countA.spec, FAST);
    await consumerA.start();
    await eventually(() => consumerA.isOwner, 5_000, 'A to own the consumer');
    const consumerB = new CheckpointedConsumer(b.feed, b.store.checkpoints, countB.spec, FAST);
    await consumerB.start();

    const early = await appendIncidents(a.store, 6, 'failover-check');
    await eventually(() => countA.seen.length === 6, 5_000, 'A to handle the first events');
    await new Promise((resolve) => setTimeout(resolve, 4 * FAST.renewMs));
    expect(consumerB.isOwner).toBe(false);
    expect(countB.seen).toEqual([]);

    // A's process loses its database (as a killed process would): it can neither renew nor save.
    await a.store.close();
    const lostAt = performance.now();
    const late = await appendIncidents(b.store, 4, 'failover-check');
    await eventually(() => consumerB.isOwner, 10_000, 'B to take over');
    const tookOverMs = performance.now() - lostAt;
    await eventually(() => countB.total() === 10, 10_000, 'B to handle what A left');
    // B handled the events after A's last checkpoint, never fewer: at least the four new ones, and at most the six
    // A had handled before its last save as well (at-least-once).
    expect(countB.seen.slice(-4)).toEqual(late);
    expect(countB.seen.every((id) => [...early, ...late].includes(id))).toBe(true);
    expect(tookOverMs).toBeLessThan(FAST.leaseMs + 3 * FAST.renewMs + 1_000);
    await consumerB.stop();
    await b.feed.stop();
    await consumerA.stop().catch(() => undefined);
    await a.feed.stop().catch(() => undefined);
  }, 30_000);

  it('fences the old owner: once its lease lapsed and another claimed it, its save lands nowhere', async () => {
    const { checkpoints } = await openStore();
    const key = `fence-${randomUUID()}`;
    expect(await checkpoints.claim(key, 'old', 200)).toBe(true);
    expect(await checkpoints.claim(key, 'new', 10_000)).toBe(false);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(await checkpoints.claim(key, 'new', 10_000)).toBe(true);
    expect(await checkpoints.save(key, 'old', { position: undefined, state: { from: 'old' } })).toBe(false);
    expect(await checkpoints.save(key, 'new', { position: undefined, state: { from: 'new' } })).toBe(true);
    expect(await checkpoints.load(key)).toEqual({ position: undefined, state: { from: 'new' } });
    await checkpoints.release(key, 'new');
    expect(await checkpoints.claim(key, 'third', 10_000)).toBe(true);
  });
});

describe("a drill's world", () => {
  it('a consumer of a drill with no checkpoint starts at its plan, not at the start of the whole log', async () => {
    const store = await openStore();
    const pipeline = new CommandPipeline(
      store,
      loadReferenceCatalog('./config'),
      new ManualClock('2026-12-06T10:00:00Z'),
    );
    await appendIncidents(store, 5, 'before-the-drill');
    const drillId = randomUUID();
    const world = drillWorld(drillId);
    await planDrill(pipeline, drillId, '2026-04-14T06:00:00.000Z');
    await store.append(
      streamInWorld(world, `incident-${randomUUID()}`),
      [newEvent('IncidentClosed', { incidentId: 'x', summary: { en: 'Closed', es: 'Cerrado' } })],
      'no_stream',
    );
    const [planned] = await collect(store.readStream(streamInWorld(world, drillStreamId(drillId))));
    // What the feed reads from the log, observed on the real store.
    const readsFrom: (string | undefined)[] = [];
    const readAll = store.readAll.bind(store);
    store.readAll = (options) => {
      readsFrom.push(options?.fromPosition);
      return readAll(options);
    };
    const handled: string[] = [];
    const feed = new EventFeed(store, { prefixes: [worldStreamPrefix(world)] });
    const consumer = new CheckpointedConsumer(
      feed,
      store.checkpoints,
      {
        name: 'drill-origin',
        world,
        prefixes: [worldStreamPrefix(world)],
        ownership: 'every-process',
        handle: (event) => void handled.push(event.type),
        checkpointState: () => null,
        restore: () => undefined,
      },
      FAST,
    );
    await consumer.start();
    expect(handled).toEqual(['DrillPlanned', 'IncidentClosed']);
    expect(readsFrom).toEqual([planned!.position]);
    await consumer.stop();
    await feed.stop();
  });
});

describe('old event shapes (upcasting at the store edge)', () => {
  it('a PortShutdownDeclared stored as version 1 reaches consumers and the command path as version 2', async () => {
    const { store, feed } = await process();
    const streamId = `port-${randomUUID()}`;
    // Written the way version 1 of the code wrote it: no closedLanes, no schemaVersion in the metadata.
    await store.append(streamId, [newEvent('PortShutdownDeclared', { ...PORT_SHUTDOWN_DECLARED_V1 })], 'no_stream');
    const received: DecodedEvent[] = [];
    const attachment = feed.attach(undefined, [streamId], (event) => void received.push(event), 'upcast-check');
    await attachment.synced();
    expect(received).toHaveLength(1);
    const [event] = received;
    expect(event!.storedVersion).toBe(1);
    expect(event!.type === 'PortShutdownDeclared' && event!.data.closedLanes).toEqual([
      'commercial:northbound',
      'fast:northbound',
    ]);
    // The stored event is untouched (append-only): it still reads as version 1.
    const [stored] = await collect(store.readStream(streamId));
    expect(stored!.data).not.toHaveProperty('closedLanes');

    const pipeline = new CommandPipeline(
      store,
      loadReferenceCatalog('./config'),
      new ManualClock('2026-12-06T10:00:00Z'),
    );
    const folded = await pipeline.load(portDecider, streamId);
    expect(folded.state.activeShutdown?.closedLanes).toEqual(['commercial:northbound', 'fast:northbound']);
    await attachment.close();
    await feed.stop();
  });
});
