import { CommandPipeline } from '@enlace/application';
import { History } from '@enlace/application/testing';
import { ManualClock } from '@enlace/clock/testing';
import { EventFeed, LIVE_FEED_PREFIXES } from '@enlace/consumers';
import { openPostgresEventStore, type PostgresEventStore } from '@enlace/event-store';
import { dropSchema, testDatabaseUrl, uniqueSchemaName, withSchemaClient } from '@enlace/event-store/testing';
import { ProjectionRunner, ReadModelArchive } from '@enlace/projections';
import { loadReferenceCatalog } from '@enlace/reference-data';
import { LIVE_READ_MODELS_KEY, replayReadModels } from './replay.js';

/**
 * `npm run replay`'s engine on real PostgreSQL: after a realistic history kept by a running process (its read models'
 * snapshot and the archive of closed work), a rebuild from zero agrees with both copies, two rebuilds are
 * byte-identical, and a copy altered in the database is found, named by model, id and field.
 */
const schema = uniqueSchemaName('replay');
const reference = loadReferenceCatalog('./config');
const clock = new ManualClock('2026-12-06T12:00:00.000Z');
let store: PostgresEventStore;

beforeAll(async () => {
  store = await openPostgresEventStore({ connectionString: testDatabaseUrl(), schema, poolSize: 4 });
  const history = new History(new CommandPipeline(store, reference, clock));
  // One api process: its read models (snapshot) and the archive, kept while the history is written.
  const feed = new EventFeed(store, { prefixes: LIVE_FEED_PREFIXES });
  const archive = new ReadModelArchive(feed, store, reference);
  const runner = new ProjectionRunner(feed, store, reference);
  archive.onApplicationBootstrap();
  await runner.whenCaughtUp();
  for (let i = 0; i < 6; i += 1) await history.closedCycle(i % 2 === 0 ? 'otay-mesa' : 'san-ysidro');
  await history.openWork({ incidents: 3, shutdowns: 2, notifications: 3 });
  const head = (await store.headPosition())!;
  await runner.waitFor(head, 15_000);
  expect(await runner.waitForArchive(head, 15_000)).toBe(true);
  await runner.onApplicationShutdown();
  await archive.onApplicationShutdown();
  await feed.stop();
}, 60_000);

afterAll(async () => {
  await store?.close();
  await dropSchema(schema);
});

describe('replaying the read models', () => {
  it('rebuilds them from zero equal to the live snapshot and the archive, and twice alike', async () => {
    const first = await replayReadModels(store, reference);
    expect(first.compared.snapshot).toBeDefined();
    expect(first.compared.archive).toBeDefined();
    expect(first.undecodable).toEqual([]);
    expect(first.differences).toEqual([]);
    expect(first.eventsApplied).toBeGreaterThan(100);
    const second = await replayReadModels(store, reference);
    expect(second.digest).toBe(first.digest);
    expect((await replayReadModels(store, reference, { upTo: first.position })).digest).toBe(first.digest);
  });

  it('names an archived incident altered in the database, by id and field', async () => {
    const { rows } = await withSchemaClient(schema, (client) =>
      client.query<{ key: string }>(
        `UPDATE rm_documents SET doc = jsonb_set(doc, '{severity}', '"minor"')
          WHERE ctid = (SELECT ctid FROM rm_documents WHERE collection = 'incidents@live' LIMIT 1) RETURNING key`,
      ),
    );
    const report = await replayReadModels(store, reference);
    expect(report.differences).toContainEqual({
      where: 'archive',
      model: 'incidents',
      id: rows[0]!.key,
      changes: [{ path: 'severity', before: 'severe', after: 'minor' }],
    });
  });

  it('names an open incident altered in the saved snapshot', async () => {
    const { rows } = await withSchemaClient(schema, (client) =>
      client.query<{ id: string }>(
        `UPDATE es_consumers
            SET state = jsonb_set(state, '{incidents,incidents,0,state,severity}', '"minor"')
          WHERE consumer = $1
         RETURNING state #>> '{incidents,incidents,0,state,incidentId}' AS id`,
        [LIVE_READ_MODELS_KEY],
      ),
    );
    const report = await replayReadModels(store, reference);
    expect(report.differences).toContainEqual({
      where: 'snapshot',
      model: 'incidents',
      id: rows[0]!.id,
      changes: [{ path: 'state.severity', before: 'severe', after: 'minor' }],
    });
  });
});
