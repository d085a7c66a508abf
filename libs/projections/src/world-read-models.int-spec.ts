import { CommandPipeline } from '@enlace/application';
import { startDrillClock } from '@enlace/application/testing';
import { ManualClock } from '@enlace/clock/testing';
import {
  CheckpointedConsumer,
  decodeOrThrow,
  EventFeed,
  EVERY_DRILL,
  LIVE_FEED_PREFIXES,
  WorldFeeds,
} from '@enlace/consumers';
import {
  type Actor,
  drillWorld,
  incidentDecider,
  incidentStreamId,
  LIVE,
  type ReferenceCatalog,
  streamInWorld,
  type World,
} from '@enlace/domain';
import { collect, openPostgresEventStore, type PostgresEventStore } from '@enlace/event-store';
import { dropSchema, testDatabaseUrl, uniqueSchemaName } from '@enlace/event-store/testing';
import { loadReferenceCatalog } from '@enlace/reference-data';
import { randomUUID } from 'node:crypto';
import { IncidentHistory } from './incident-history-consumer.js';
import { ProjectionRunner } from './projection-runner.js';
import { archiveKey, ReadModelArchive } from './read-model-archive.js';
import { ReadModelQueries } from './read-model-queries.js';
import { archiveCollections, ReadModels, readModelPrefixes } from './read-models.js';
import { WorldReadModels } from './world-read-models.js';

/**
 * Each world its own read models, on real PostgreSQL: a drill's are opened on demand, fed by the drill's own feed,
 * archived in the drill's own collections; the same incident id in the live world and in a drill are two incidents;
 * nothing of a drill is in the live models or the live archive, and wiring one world's events to another's models or
 * consumers is refused.
 */
const schema = uniqueSchemaName('worlds_rm');
const us: Actor = { id: 'officer.us', agency: 'CBP', country: 'US', role: 'officer' };
const DRILL = drillWorld('3c1d9a7e-2b4f-4c6d-8e9f-0a1b2c3d4e5f');
let store: PostgresEventStore;
let reference: ReferenceCatalog;
let pipeline: CommandPipeline;
let feeds: WorldFeeds;
let worlds: WorldReadModels;
let stopLive: () => Promise<void>;

async function report(world: World, incidentId: string, title: string): Promise<void> {
  await pipeline.execute(incidentDecider, {
    streamId: streamInWorld(world, incidentStreamId(incidentId)),
    world,
    command: {
      type: 'ReportIncident',
      data: {
        incidentId,
        kind: 'hazmat-release',
        title: { en: title },
        severity: 'severe',
        location: { lat: 32.55, lon: -116.94, description: { en: 'Commercial lot' } },
      },
    },
    actor: us,
    correlationId: randomUUID(),
  });
}

async function eventually(probe: () => Promise<boolean> | boolean, what: string, timeoutMs = 15_000): Promise<void> {
  const deadline = performance.now() + timeoutMs;
  while (!(await probe())) {
    if (performance.now() > deadline) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

beforeAll(async () => {
  reference = loadReferenceCatalog('config');
  store = await openPostgresEventStore({ connectionString: testDatabaseUrl(), schema, poolSize: 6 });
  pipeline = new CommandPipeline(store, reference, new ManualClock('2026-12-06T12:00:00.000Z'));
  await startDrillClock(pipeline, DRILL.kind === 'drill' ? DRILL.drillId : '', {
    drillTime: '2026-04-14T06:00:00.000Z',
  });
  const live = new EventFeed(store, { prefixes: LIVE_FEED_PREFIXES });
  feeds = new WorldFeeds(store, live);
  const runner = new ProjectionRunner(live, store, reference, LIVE);
  const archive = new ReadModelArchive(live, store, reference, LIVE);
  archive.onApplicationBootstrap();
  await runner.whenCaughtUp();
  worlds = new WorldReadModels(
    {
      world: LIVE,
      runner,
      archive,
      queries: new ReadModelQueries(runner, store),
      history: new IncidentHistory(live, store, LIVE),
    },
    feeds,
    store,
    reference,
  );
  stopLive = async () => {
    await worlds.closeAll();
    await runner.onApplicationShutdown();
    await archive.onApplicationShutdown();
    await feeds.stop();
  };
}, 30_000);

afterAll(async () => {
  await stopLive?.();
  await store?.close();
  await dropSchema(schema);
});

describe('read models per world', () => {
  it("a drill's read models hold its incidents alone, and the live ones none of them, even under the same id", async () => {
    const shared = randomUUID();
    const liveOnly = randomUUID();
    const drillOnly = randomUUID();
    await report(LIVE, shared, 'Live: chlorine leak');
    await report(LIVE, liveOnly, 'Live: brush fire');
    await report(DRILL, shared, 'Drill: chlorine leak');
    await report(DRILL, drillOnly, 'Drill: tank-car fire');

    const drill = await worlds.of(DRILL);
    expect(await worlds.of(DRILL)).toBe(drill);
    const head = await store.headPosition();
    await drill.runner.waitFor(head!, 5_000).catch(() => false);
    await eventually(() => drill.runner.models.incidents.board('all').length === 2, "the drill's board");
    await eventually(() => worlds.live.runner.models.incidents.board('all').length === 2, 'the live board');
    const titles = (models: ReadModels) =>
      Object.fromEntries(models.incidents.board('all').map((entry) => [entry.incidentId, entry.title.en]));
    expect(titles(drill.runner.models)).toEqual({
      [shared]: 'Drill: chlorine leak',
      [drillOnly]: 'Drill: tank-car fire',
    });
    expect(titles(worlds.live.runner.models)).toEqual({
      [shared]: 'Live: chlorine leak',
      [liveOnly]: 'Live: brush fire',
    });
    // A drill's models show its own time (its clock stands at its start here), the live ones the time of recording.
    const DRILL_START = '2026-04-14T06:00:00.000Z';
    for (const entry of drill.runner.models.incidents.board('all')) {
      expect([entry.reportedAt, entry.lastUpdate]).toEqual([DRILL_START, DRILL_START]);
    }
    expect((await drill.queries.timeline(drillOnly))?.map((line) => line.at)).toEqual([DRILL_START]);
    for (const entry of worlds.live.runner.models.incidents.board('all')) {
      expect(entry.reportedAt.startsWith('2026-04-14')).toBe(false);
    }

    // Each world archives into its own collections.
    await eventually(
      async () => (await store.checkpoints.position(archiveKey(DRILL))) !== undefined,
      "the drill's archive",
    );
    await eventually(async () => {
      const docs = await store.checkpoints.documents(archiveCollections(DRILL).incidents, { limit: 10 });
      return docs.length === 2;
    }, "the drill's archived incidents");
    const liveDocs = await store.checkpoints.documents(archiveCollections(LIVE).incidents, { limit: 10 });
    expect(liveDocs.map((doc) => (doc.doc as { title: { en: string } }).title.en).sort()).toEqual([
      'Live: brush fire',
      'Live: chlorine leak',
    ]);
    expect(archiveCollections(DRILL).incidents).toBe(`incidents@drill ${DRILL.kind === 'drill' ? DRILL.drillId : ''}`);

    // Closed, the drill's models leave memory; its archive stays for the after-action review.
    await worlds.close(DRILL);
    expect((await drill.queries.incidents('all', { limit: 10 })).items.map((entry) => entry.title.en).sort()).toEqual([
      'Drill: chlorine leak',
      'Drill: tank-car fire',
    ]);
  }, 60_000);

  it("refuses to hand one world's events to another world's models or consumers", async () => {
    const incidentId = randomUUID();
    await report(DRILL, incidentId, 'Drill: misrouted');
    const [recorded] = await collect(store.readStream(streamInWorld(DRILL, incidentStreamId(incidentId))));
    const live = new ReadModels(reference);
    expect(() => live.apply(decodeOrThrow(recorded!))).toThrow(/live read models were handed exercise-/);
    // A consumer of the live world cannot be wired to a drill's streams, nor a drill's to the live ones.
    const spec = {
      name: 'misrouted',
      ownership: 'every-process' as const,
      handle: () => undefined,
      checkpointState: () => null,
      restore: () => undefined,
    };
    expect(
      () =>
        new CheckpointedConsumer(feeds.live, store.checkpoints, {
          ...spec,
          world: LIVE,
          prefixes: readModelPrefixes(DRILL),
        }),
    ).toThrow(/may not read exercise-/);
    expect(
      () => new CheckpointedConsumer(feeds.live, store.checkpoints, { ...spec, world: DRILL, prefixes: ['incident-'] }),
    ).toThrow(/may not read incident-/);
    expect(
      () => new CheckpointedConsumer(feeds.live, store.checkpoints, { ...spec, world: DRILL, prefixes: ['exercise-'] }),
    ).toThrow();
    // The directory of drills reads the drills' prefix and nothing else: never a live stream, never one drill alone.
    for (const prefixes of [['incident-'], ['exercise-', 'incident-'], readModelPrefixes(DRILL)]) {
      expect(
        () => new CheckpointedConsumer(feeds.live, store.checkpoints, { ...spec, world: EVERY_DRILL, prefixes }),
      ).toThrow(/may not read/);
    }
    expect(
      () =>
        new CheckpointedConsumer(feeds.live, store.checkpoints, {
          ...spec,
          world: EVERY_DRILL,
          prefixes: ['exercise-'],
        }),
    ).not.toThrow();
  });
});
