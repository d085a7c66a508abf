import { CommandPipeline } from '@enlace/application';
import { History } from '@enlace/application/testing';
import { ManualClock } from '@enlace/clock/testing';
import { decodeOrThrow, EventFeed } from '@enlace/consumers';
import {
  type Actor,
  type IncidentCommand,
  incidentDecider,
  LIVE,
  portDecider,
  type ReferenceCatalog,
} from '@enlace/domain';
import { collect, openPostgresEventStore, type PostgresEventStore } from '@enlace/event-store';
import { dropSchema, testDatabaseUrl, uniqueSchemaName } from '@enlace/event-store/testing';
import { loadReferenceCatalog } from '@enlace/reference-data';
import { randomUUID } from 'node:crypto';
import { IncidentHistory } from './incident-history-consumer.js';
import { IncidentHistoryModel } from './incident-history.js';
import type { Page } from './read-model-queries.js';
import { LIVE_STREAM_PREFIXES } from './read-models.js';
import type { ArchivedIncident } from './read-model.types.js';

/**
 * The history of incidents and shutdowns on real PostgreSQL: searched in the database by port, material, date and
 * words; paged; a port's shutdowns linked to their incidents; the same documents as a fold of the whole log from zero;
 * and nothing of the past held in memory.
 */
const schema = uniqueSchemaName('history');
const stores: PostgresEventStore[] = [];
const us: Actor = { id: 'officer.us', agency: 'CBP', country: 'US', role: 'officer' };
const mx: Actor = { id: 'officer.mx', agency: 'ANAM', country: 'MX', role: 'officer' };
let reference: ReferenceCatalog;
let writer: PostgresEventStore;
let pipeline: CommandPipeline;
let history: IncidentHistory;
let feed: EventFeed;
const ids: Record<'chlorine' | 'ammonia' | 'fire' | 'open', string> = { chlorine: '', ammonia: '', fire: '', open: '' };
const cycles: string[] = [];

async function openStore(): Promise<PostgresEventStore> {
  const store = await openPostgresEventStore({ connectionString: testDatabaseUrl(), schema, poolSize: 4 });
  stores.push(store);
  return store;
}

async function act(incidentId: string, command: IncidentCommand, actor: Actor = us) {
  return pipeline.execute(incidentDecider, {
    streamId: `incident-${incidentId}`,
    command,
    actor,
    correlationId: randomUUID(),
  });
}

async function report(data: Omit<Extract<IncidentCommand, { type: 'ReportIncident' }>['data'], 'incidentId'>) {
  const incidentId = randomUUID();
  await act(incidentId, { type: 'ReportIncident', data: { ...data, incidentId } });
  return incidentId;
}

const close = (incidentId: string, en = 'All clear') =>
  act(incidentId, { type: 'CloseIncident', data: { summary: { en, es: 'Sin riesgo' } } }, mx);

async function startHistory(): Promise<void> {
  const store = await openStore();
  feed = new EventFeed(store, { prefixes: LIVE_STREAM_PREFIXES });
  history = new IncidentHistory(feed, store, LIVE);
  history.onApplicationBootstrap();
}

async function stopHistory(): Promise<void> {
  await history.onApplicationShutdown();
  await feed.stop();
}

async function caughtUp(): Promise<void> {
  const last = await writer.headPosition();
  if (last === undefined || !(await history.waitFor(last, 15_000))) throw new Error('The history did not catch up');
}

async function all(search: Parameters<IncidentHistory['closedIncidents']>[0], limit = 100): Promise<string[]> {
  const found: string[] = [];
  let page: Page<ArchivedIncident> = { items: [], next: '' };
  do {
    page = await history.closedIncidents(search, { limit, ...(page.next ? { cursor: page.next } : {}) });
    found.push(...page.items.map((item) => item.incidentId));
  } while (page.next !== undefined);
  return found;
}

beforeAll(async () => {
  reference = loadReferenceCatalog('config');
  writer = await openStore();
  pipeline = new CommandPipeline(writer, reference, new ManualClock('2026-12-06T12:00:00.000Z'));
  const location = (en: string, es: string) => ({ lat: 32.55, lon: -116.94, description: { en, es } });
  ids.chlorine = await report({
    kind: 'hazmat-release',
    title: { en: 'Chlorine leak at the yard', es: 'Fuga de cloro en el patio' },
    severity: 'severe',
    material: { unNumber: '1017', name: 'Chlorine' },
    location: location('Commercial yard', 'Patio comercial'),
    primaryPortId: 'otay-mesa',
    affectedPortIds: ['san-ysidro'],
    observedAt: '2026-03-01T10:00:00.000Z',
  });
  await act(ids.chlorine, {
    type: 'FileSituationReport',
    data: { summary: { en: 'Plume drifting toward the Tijuana River' } },
  });
  await close(ids.chlorine);
  ids.ammonia = await report({
    kind: 'hazmat-release',
    title: { en: 'Ammonia tanker rollover' },
    severity: 'extreme',
    material: { unNumber: '1005', name: 'Ammonia, anhydrous' },
    location: location('Highway 85', 'Carretera 85'),
    primaryPortId: 'laredo-world-trade',
    observedAt: '2026-06-15T18:30:00.000-05:00',
  });
  await act(ids.ammonia, { type: 'FileSituationReport', data: { summary: { es: 'Evacuación de la colonia' } } }, mx);
  await close(ids.ammonia);
  ids.fire = await report({
    kind: 'fire',
    title: { en: 'Warehouse fire' },
    severity: 'moderate',
    location: location('Warehouse 3', 'Bodega 3'),
    primaryPortId: 'otay-mesa',
    observedAt: '2026-09-10T08:00:00.000Z',
  });
  await close(ids.fire);
  ids.open = await report({
    kind: 'hazmat-release',
    title: { en: 'Chlorine leak, still open' },
    severity: 'severe',
    material: { unNumber: '1017', name: 'Chlorine' },
    location: location('Lot 2', 'Lote 2'),
    primaryPortId: 'san-ysidro',
  });
  // Two incidents with a whole shutdown of Otay Mesa each (declared for them, worked through, reopened), as the
  // realistic history builds them (their reports name no primary port: as incidents reported before it existed).
  const built = new History(pipeline);
  for (let i = 0; i < 2; i += 1) {
    await built.closedCycle('otay-mesa');
  }
  expect(built.failures).toEqual(new Map());
  for (const recorded of await collect(writer.readAll({ filter: { streamPrefixes: ['incident-'] } }))) {
    if (recorded.type === 'IncidentReported' && !Object.values(ids).some((id) => recorded.streamId.endsWith(id))) {
      cycles.push(recorded.streamId.slice('incident-'.length));
    }
  }
  // A shutdown in progress, for the open incident.
  await pipeline.execute(portDecider, {
    streamId: 'port-san-ysidro',
    command: {
      type: 'DeclarePortShutdown',
      data: { portId: 'san-ysidro', kind: 'hazmat-release', reason: { en: 'Plume' }, incidentId: ids.open },
    },
    actor: us,
    correlationId: randomUUID(),
  });
  await startHistory();
  await caughtUp();
}, 60_000);

afterAll(async () => {
  await stopHistory().catch(() => undefined);
  await Promise.all(stores.map((store) => store.close().catch(() => undefined)));
  await dropSchema(schema);
});

describe('the archive of closed incidents', () => {
  it('lists closed incidents only, the most recently observed first, with their primary and additional ports', async () => {
    const page = await history.closedIncidents({}, { limit: 100 });
    const found = page.items.map((item) => item.incidentId);
    expect(found).toHaveLength(5);
    expect(found).not.toContain(ids.open);
    expect(found.slice(2)).toEqual([ids.fire, ids.ammonia, ids.chlorine]);
    expect(new Set(found.slice(0, 2))).toEqual(new Set(cycles));
    const chlorine = page.items.find((item) => item.incidentId === ids.chlorine)!;
    expect(chlorine).toMatchObject({
      status: 'closed',
      primaryPortId: 'otay-mesa',
      affectedPortIds: ['otay-mesa', 'san-ysidro'],
      material: { unNumber: '1017', name: 'Chlorine' },
      situationReports: 1,
      closingSummary: { en: 'All clear', es: 'Sin riesgo' },
    });
    expect(chlorine.closedAt).not.toBeNull();
    // An incident reported without a primary port is at its first affected port.
    expect(page.items.find((item) => item.incidentId === cycles[0])!.primaryPortId).toBe('otay-mesa');
  });

  it('finds by any port an incident affected, primary or additional', async () => {
    expect(await all({ portId: 'san-ysidro' })).toEqual([ids.chlorine]);
    expect(await all({ portId: 'laredo-world-trade' })).toEqual([ids.ammonia]);
    expect(new Set(await all({ portId: 'otay-mesa' }))).toEqual(new Set([...cycles, ids.fire, ids.chlorine]));
    expect(await all({ portId: 'tecate' })).toEqual([]);
  });

  it('finds by material: the UN number however written, or part of the name, in any case', async () => {
    const chlorine = new Set([ids.chlorine, ...cycles]);
    expect(new Set(await all({ material: '1017' }))).toEqual(chlorine);
    expect(new Set(await all({ material: 'UN1017' }))).toEqual(chlorine);
    expect(new Set(await all({ material: 'chlor' }))).toEqual(chlorine);
    expect(await all({ material: 'AMMONIA' })).toEqual([ids.ammonia]);
    expect(await all({ material: '1005', portId: 'otay-mesa' })).toEqual([]);
  });

  it('finds by words of the title, location, situation reports and closing summary, either language, accents ignored', async () => {
    expect(await all({ text: 'evacuacion' })).toEqual([ids.ammonia]);
    expect(await all({ text: 'Tijuana river' })).toEqual([ids.chlorine]);
    expect(await all({ text: 'yard leak' })).toEqual([ids.chlorine]);
    expect(new Set(await all({ text: 'fuga patio' }))).toEqual(new Set([ids.chlorine, ...cycles]));
    expect(await all({ text: 'bodega' })).toEqual([ids.fire]);
    expect(await all({ text: 'bodega cloro' })).toEqual([]);
    expect(await all({ text: '100%' })).toEqual([]);
  });

  it('finds by the date range the incident was observed in, both ends included', async () => {
    expect(await all({ from: '2026-05-01T00:00:00.000Z', to: '2026-07-01T00:00:00.000Z' })).toEqual([ids.ammonia]);
    expect(await all({ from: '2026-06-15T23:30:00.000Z', to: '2026-06-15T23:30:00.000Z' })).toEqual([ids.ammonia]);
    expect(await all({ to: '2026-06-30T00:00:00.000Z' })).toEqual([ids.ammonia, ids.chlorine]);
    expect(
      await all({ from: '2026-03-01T00:00:00.000Z', to: '2026-09-30T00:00:00.000Z', portId: 'otay-mesa' }),
    ).toEqual([ids.fire, ids.chlorine]);
  });

  it('pages: each page at most the limit, every incident once, in the same order as one page', async () => {
    const whole = await all({}, 100);
    expect(await all({}, 2)).toEqual(whole);
    expect(await all({}, 1)).toEqual(whole);
    const last = await history.closedIncidents({}, { limit: 5 });
    expect(last.next).toBeUndefined();
  });
});

describe("a port's shutdowns", () => {
  it('lists past shutdowns with when they were declared and reopened, kind, scope and their incident', async () => {
    const page = await history.shutdowns('otay-mesa', { limit: 100 });
    expect(page.items).toHaveLength(2);
    expect(new Set(page.items.map((shutdown) => shutdown.incidentId))).toEqual(new Set(cycles));
    for (const shutdown of page.items) {
      // The U.S. officer closed the U.S. lanes alone: part of the port.
      expect(shutdown).toMatchObject({ portId: 'otay-mesa', kind: 'hazmat-release', scope: 'partial' });
      expect(shutdown.lanes.length).toBeGreaterThan(0);
      expect(shutdown.reopenedAt! >= shutdown.declaredAt).toBe(true);
      expect(shutdown.incidentTitle).toEqual({
        en: 'Chlorine release at the commercial lot',
        es: 'Fuga de cloro en el patio comercial',
      });
    }
    expect(page.items[0]!.declaredAt >= page.items[1]!.declaredAt).toBe(true);
    const first = await history.shutdowns('otay-mesa', { limit: 1 });
    expect(first.items).toEqual([page.items[0]]);
    const second = await history.shutdowns('otay-mesa', { limit: 1, cursor: first.next! });
    expect(second.items).toEqual([page.items[1]]);
  });

  it('lists the shutdown in progress with no reopening time', async () => {
    const { items } = await history.shutdowns('san-ysidro', { limit: 10 });
    expect(items).toEqual([
      expect.objectContaining({
        incidentId: ids.open,
        reopenedAt: null,
        incidentTitle: { en: 'Chlorine leak, still open' },
      }),
    ]);
    expect((await history.shutdowns('tecate', { limit: 10 })).items).toEqual([]);
  });
});

describe('as a read model', () => {
  it('holds only open work in memory, and its documents are those of a fold of the whole log from zero', async () => {
    // Open incidents and the ports it saw; never the closed incidents (they are in the database).
    expect(history.resident).toBeLessThanOrEqual(1 + 2);
    const rebuilt = new IncidentHistoryModel(LIVE);
    for (const recorded of await collect(writer.readAll({ filter: { streamPrefixes: LIVE_STREAM_PREFIXES } }))) {
      rebuilt.apply(decodeOrThrow(recorded));
    }
    const expected = rebuilt.drainWrites();
    expect(expected.length).toBeGreaterThan(8);
    for (const write of expected) {
      const stored = await writer.checkpoints.document(write.collection, write.key);
      expect({ key: stored?.key, sort: stored?.sort, status: stored?.status, doc: stored?.doc }).toEqual({
        key: write.key,
        sort: write.sort,
        status: write.status,
        doc: JSON.parse(JSON.stringify(write.doc)) as unknown,
      });
    }
  });

  it('after a restart, reads on from its checkpoint: a translation after closing brings the incident back, searchable', async () => {
    await stopHistory();
    await act(ids.fire, {
      type: 'TranslateIncidentText',
      data: { field: 'title', language: 'es', text: 'Incendio en la bodega' },
    });
    await startHistory();
    await caughtUp();
    expect(await all({ text: 'incendio' })).toEqual([ids.fire]);
    const page = await history.closedIncidents({ text: 'incendio' }, { limit: 1 });
    expect(page.items[0]!.title).toEqual({ en: 'Warehouse fire', es: 'Incendio en la bodega' });
  }, 30_000);
});
