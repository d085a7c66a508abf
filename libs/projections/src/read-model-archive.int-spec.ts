import { CommandPipeline } from '@enlace/application';
import { History } from '@enlace/application/testing';
import { ManualClock } from '@enlace/clock/testing';
import { decodeOrThrow, EventFeed } from '@enlace/consumers';
import { type Actor, incidentDecider, type ReferenceCatalog } from '@enlace/domain';
import { collect, openPostgresEventStore, type PostgresEventStore } from '@enlace/event-store';
import { dropSchema, testDatabaseUrl, uniqueSchemaName } from '@enlace/event-store/testing';
import { loadReferenceCatalog } from '@enlace/reference-data';
import { randomUUID } from 'node:crypto';
import { ProjectionRunner } from './projection-runner.js';
import { ARCHIVE_KEY, ReadModelArchive } from './read-model-archive.js';
import { type Page, ReadModelQueries } from './read-model-queries.js';
import { LIVE_STREAM_PREFIXES, ReadModels } from './read-models.js';

/**
 * Read models that keep open work in memory and the rest in PostgreSQL: on a realistic history built through the real
 * rules, what is done leaves memory once archived, every query answers exactly what a process that kept everything in
 * memory answers, an event on an archived incident brings it back, and a restart reads only what came after the
 * snapshot.
 */
const schema = uniqueSchemaName('archive');
const stores: PostgresEventStore[] = [];
const CLOSED = 12;
const OPEN = { incidents: 3, shutdowns: 2, notifications: 3 };
const us: Actor = { id: 'officer.us', agency: 'CBP', country: 'US', role: 'officer' };
let reference: ReferenceCatalog;
let writer: PostgresEventStore;
let pipeline: CommandPipeline;

async function openStore(): Promise<PostgresEventStore> {
  const store = await openPostgresEventStore({ connectionString: testDatabaseUrl(), schema, poolSize: 4 });
  stores.push(store);
  return store;
}

/** One api process: its store connection, feed, archive (owner-only), read models and queries. */
async function startProcess() {
  const store = await openStore();
  const feed = new EventFeed(store, { prefixes: LIVE_STREAM_PREFIXES });
  const archive = new ReadModelArchive(feed, store, reference);
  const runner = new ProjectionRunner(feed, store, reference);
  archive.onApplicationBootstrap();
  await runner.whenCaughtUp();
  const queries = new ReadModelQueries(runner, store);
  return {
    store,
    runner,
    queries,
    stop: async () => {
      await runner.onApplicationShutdown();
      await archive.onApplicationShutdown();
      await feed.stop();
    },
  };
}

/** Every read model folded from the whole history, nothing pruned: what the answers must equal. */
async function everything(): Promise<ReadModels> {
  const models = new ReadModels(reference);
  for (const recorded of await collect(writer.readAll({ filter: { streamPrefixes: LIVE_STREAM_PREFIXES } }))) {
    models.apply(decodeOrThrow(recorded));
  }
  return models;
}

async function eventually(probe: () => Promise<boolean> | boolean, what: string, timeoutMs = 15_000): Promise<void> {
  const deadline = performance.now() + timeoutMs;
  while (!(await probe())) {
    if (performance.now() > deadline) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

async function allPages<Item>(read: (cursor?: string) => Promise<Page<Item>>): Promise<Item[]> {
  const items: Item[] = [];
  let cursor: string | undefined;
  for (let pages = 0; pages < 100; pages += 1) {
    const page = await read(cursor);
    items.push(...page.items);
    if (page.next === undefined) return items;
    cursor = page.next;
  }
  throw new Error('more than 100 pages');
}

/** Settled through the archive: it holds everything, and the process has dropped what it holds. */
async function settled(process: Awaited<ReturnType<typeof startProcess>>): Promise<void> {
  const head = await process.store.headPosition();
  await eventually(async () => (await process.store.checkpoints.position(ARCHIVE_KEY)) === head, 'the archive');
  await eventually(() => process.runner.archivePosition === head, 'the process to hear of it');
  await process.runner.waitFor(head!, 5_000);
}

async function closedUntranslated(): Promise<string> {
  const incidentId = randomUUID();
  const run = (command: Parameters<typeof incidentDecider.decide>[0], actor: Actor = us) =>
    pipeline.execute(incidentDecider, {
      streamId: `incident-${incidentId}`,
      command,
      actor,
      correlationId: randomUUID(),
    });
  await run({
    type: 'ReportIncident',
    data: {
      incidentId,
      kind: 'fire',
      title: { en: 'Brush fire by the rail yard' },
      severity: 'moderate',
      location: { lat: 27.5, lon: -99.5, description: { en: 'Rail yard', es: 'Patio ferroviario' } },
      affectedPortIds: ['laredo-world-trade'],
    },
  });
  await run({ type: 'CloseIncident', data: { summary: { en: 'Out', es: 'Extinguido' } } });
  return incidentId;
}

beforeAll(async () => {
  reference = loadReferenceCatalog('config');
  writer = await openStore();
  pipeline = new CommandPipeline(writer, reference, new ManualClock('2026-12-06T12:00:00.000Z'));
  const history = new History(pipeline);
  for (let i = 0; i < CLOSED; i += 1) await history.closedCycle(i % 2 === 0 ? 'otay-mesa' : 'san-ysidro');
  await history.openWork(OPEN);
  expect(history.failures).toEqual(new Map());
}, 120_000);

afterAll(async () => {
  await Promise.all(stores.map((store) => store.close().catch(() => undefined)));
  await dropSchema(schema);
});

describe('read models: open work in memory, the rest archived in PostgreSQL', () => {
  it('keeps only open work in memory, and answers every list and log as a process that kept everything', async () => {
    const process = await startProcess();
    try {
      await settled(process);
      const full = await everything();
      const now = new Date('2026-12-06T12:00:00.000Z');

      // In memory: the open incidents and the notifications awaiting acknowledgment, nothing closed or answered.
      expect(process.runner.models.incidents.board('all')).toHaveLength(OPEN.incidents);
      expect(process.runner.models.incidents.board('closed')).toEqual([]);
      expect(process.runner.models.notifications.list(now).every((n) => n.pending.length > 0)).toBe(true);
      expect(process.runner.models.notifications.list(now)).toHaveLength(OPEN.notifications);
      expect(full.incidents.board('closed')).toHaveLength(CLOSED);

      // The board, a page of 5 at a time, newest change first, is the whole board.
      for (const status of ['open', 'closed', 'all'] as const) {
        const paged = await allPages((cursor) =>
          process.queries.incidents(status, { limit: 5, ...(cursor ? { cursor } : {}) }),
        );
        expect({ status, ids: paged.map((entry) => entry.incidentId) }).toEqual({
          status,
          ids: full.incidents.board(status).map((entry) => entry.incidentId),
        });
        expect(paged).toEqual(full.incidents.board(status));
      }

      // Notifications: every one awaiting acknowledgment first (by deadline), then the rest, newest deadline first.
      const tracker = full.notifications.list(now);
      const awaiting = tracker.filter((n) => n.status === 'active' && n.pending.length > 0);
      const rest = tracker
        .filter((n) => !awaiting.includes(n))
        .sort((a, b) =>
          `${b.acknowledgmentDeadline}|${b.notificationId}`.localeCompare(
            `${a.acknowledgmentDeadline}|${a.notificationId}`,
          ),
        );
      const pagedNotifications = await allPages((cursor) =>
        process.queries.notifications(now, { status: 'all' }, { limit: 4, ...(cursor ? { cursor } : {}) }),
      );
      expect(pagedNotifications).toEqual([...awaiting, ...rest]);
      expect(rest).toHaveLength(CLOSED);

      // Every incident's log, closed ones read from the archive.
      for (const incident of full.incidents.board('all')) {
        expect(await process.queries.timeline(incident.incidentId)).toEqual(
          full.timelines.timeline(incident.incidentId),
        );
      }
      expect(await process.queries.timeline(randomUUID())).toBeUndefined();
    } finally {
      await process.stop();
    }
  }, 60_000);

  it('brings an archived incident back when an event touches it, and archives it again', async () => {
    const process = await startProcess();
    try {
      await settled(process);
      // Closed with its title in English only: a translation may still be added.
      const incidentId = await closedUntranslated();
      await settled(process);
      expect(process.runner.models.incidents.has(incidentId)).toBe(false);
      const before = (await process.queries.incidents('closed', { limit: 500 })).items.find(
        (entry) => entry.incidentId === incidentId,
      );
      expect(before?.missingTranslations).toEqual(['title:es']);
      await pipeline.execute(incidentDecider, {
        streamId: `incident-${incidentId}`,
        command: { type: 'TranslateIncidentText', data: { field: 'title', language: 'es', text: 'Fuga de cloro' } },
        actor: us,
        correlationId: randomUUID(),
      });
      await settled(process);
      const full = await everything();
      const [first] = (await process.queries.incidents('closed', { limit: 1 })).items;
      expect(first).toEqual(full.incidents.board('closed')[0]);
      expect(first).toMatchObject({ incidentId, lastEventType: 'IncidentTextTranslated', missingTranslations: [] });
      expect(await process.queries.timeline(incidentId)).toEqual(full.timelines.timeline(incidentId));
      expect(process.runner.models.incidents.has(incidentId)).toBe(false);
    } finally {
      await process.stop();
    }
  }, 60_000);

  it('a restart starts from the saved snapshot and reads only what came after it', async () => {
    const first = await startProcess();
    await settled(first);
    await first.stop();
    const history = new History(pipeline);
    await history.openWork({ incidents: 1, shutdowns: 0, notifications: 0 });

    const second = await startProcess();
    try {
      await settled(second);
      expect(second.runner.eventsApplied).toBe(1);
      const full = await everything();
      expect(second.runner.models.incidents.board('open')).toEqual(full.incidents.board('open'));
      expect((await second.queries.incidents('all', { limit: 500 })).items).toEqual(full.incidents.board('all'));
    } finally {
      await second.stop();
    }
  }, 60_000);
});
