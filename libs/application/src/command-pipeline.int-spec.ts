import {
  type Actor,
  DomainError,
  incidentDecider,
  type IncidentCommand,
  incidentStreamId,
  type PortCommand,
  portDecider,
  portStreamId,
} from '@enlace/domain';
import { collect, type EventStore, openPostgresEventStore, type PostgresEventStore } from '@enlace/event-store';
import { dropSchema, testDatabaseUrl, uniqueSchemaName } from '@enlace/event-store/testing';
import { loadReferenceCatalog } from '@enlace/reference-data';
import { randomUUID } from 'node:crypto';
import { SystemClock } from '@enlace/clock';
import { ManualClock } from '@enlace/clock/testing';
import { CommandPipeline, RevisionConflictError, SNAPSHOTS } from './command-pipeline.js';

/**
 * The pipeline's fold cache against the real PostgreSQL store: two pipelines, each with a store of its own on one
 * schema, stand for two api processes. Whatever either appended, the other decides on it.
 */
const schema = uniqueSchemaName('pipeline');
const reference = loadReferenceCatalog('config');
const officer: Actor = { id: 'officer.us', agency: 'CBP', country: 'US', role: 'officer' };
const stores: PostgresEventStore[] = [];
/** Events returned by readStream, per store: how much each command had to read. */
const readCounts = new Map<EventStore, number>();

async function process_(): Promise<{ pipeline: CommandPipeline; store: EventStore }> {
  const store = await openPostgresEventStore({ connectionString: testDatabaseUrl(), schema, poolSize: 4 });
  stores.push(store);
  const counted = new Proxy(store, {
    get(target, property, receiver) {
      if (property !== 'readStream') return Reflect.get(target, property, receiver) as unknown;
      return async function* (...args: Parameters<EventStore['readStream']>) {
        for await (const event of target.readStream(...args)) {
          readCounts.set(counted, (readCounts.get(counted) ?? 0) + 1);
          yield event;
        }
      };
    },
  });
  return { pipeline: new CommandPipeline(counted, reference, new SystemClock()), store: counted };
}

function report(incidentId: string): IncidentCommand {
  return {
    type: 'ReportIncident',
    data: {
      incidentId,
      kind: 'flood',
      title: { en: 'Flooded approach road' },
      severity: 'moderate',
      location: { lat: 32.55, lon: -116.94, description: { en: 'Approach road' } },
    },
  };
}

const sitrep = (text: string): IncidentCommand => ({ type: 'FileSituationReport', data: { summary: { en: text } } });

function run(pipeline: CommandPipeline, streamId: string, command: IncidentCommand, extra: object = {}) {
  return pipeline.execute(incidentDecider, {
    streamId,
    command,
    actor: officer,
    correlationId: randomUUID(),
    ...extra,
  });
}

let a: Awaited<ReturnType<typeof process_>>;
let b: Awaited<ReturnType<typeof process_>>;

beforeAll(async () => {
  a = await process_();
  b = await process_();
});

afterAll(async () => {
  await Promise.all(stores.map((store) => store.close()));
  await dropSchema(schema);
});

async function freshFold(streamId: string) {
  const { pipeline } = await process_();
  return pipeline.load(incidentDecider, streamId);
}

describe('CommandPipeline fold cache', () => {
  it('decides on what another process appended, and folds only the events it has not seen', async () => {
    const id = randomUUID();
    const stream = incidentStreamId(id);
    await run(a.pipeline, stream, report(id));
    for (let i = 1; i <= 20; i += 1) await run(a.pipeline, stream, sitrep(`A ${i}`));
    const readBefore = readCounts.get(a.store) ?? 0;
    await run(b.pipeline, stream, sitrep('B 21'));
    const outcome = await run(a.pipeline, stream, sitrep('A 22'));

    // A read its own last report (its fold is taken from the store, with the store's timestamps) and B's: 2 events,
    // not the 22 of the whole stream.
    expect((readCounts.get(a.store) ?? 0) - readBefore).toBe(2);
    const reports = outcome.state.status === 'none' ? [] : outcome.state.situationReports;
    expect(reports.map((entry) => entry.number)).toEqual(Array.from({ length: 22 }, (_, i) => i + 1));
    expect(reports.map((entry) => entry.summary.en).slice(-2)).toEqual(['B 21', 'A 22']);
    expect(outcome.revision).toBe(22);
    // The cached fold is the fold from scratch.
    const [cached, fresh] = [await a.pipeline.load(incidentDecider, stream), await freshFold(stream)];
    expect(cached.revision).toBe(fresh.revision);
    expect(cached.state).toEqual(fresh.state);
  });

  it('answers a retried Idempotency-Key on any process, and refuses the key for another body', async () => {
    const id = randomUUID();
    const stream = incidentStreamId(id);
    await run(a.pipeline, stream, report(id));
    const key = { idempotencyKey: 'retry-1', requestFingerprint: 'body-1' };
    const first = await run(a.pipeline, stream, sitrep('once'), key);
    await run(b.pipeline, stream, sitrep('in between'));
    const onB = await run(b.pipeline, stream, sitrep('once'), key);
    const onA = await run(a.pipeline, stream, sitrep('once'), key);
    for (const retry of [onB, onA]) {
      expect(retry).toMatchObject({ replayed: true, revision: first.revision, position: first.position });
      expect(retry.events).toEqual(first.events);
    }
    await expect(
      run(a.pipeline, stream, sitrep('other'), { idempotencyKey: 'retry-1', requestFingerprint: 'body-2' }),
    ).rejects.toThrow(DomainError);
    expect((await freshFold(stream)).revision).toBe(2);
  });

  it('refuses a stale If-Match after another process appended, with the current revision', async () => {
    const id = randomUUID();
    const stream = incidentStreamId(id);
    const reported = await run(a.pipeline, stream, report(id));
    await run(b.pipeline, stream, sitrep('B first'));
    const conflict = await run(a.pipeline, stream, sitrep('A on a stale view'), {
      expectedRevision: reported.revision,
    }).catch((error: unknown) => error);
    expect(conflict).toBeInstanceOf(RevisionConflictError);
    expect(conflict).toMatchObject({ expectedRevision: 0, currentRevision: 1 });
  });

  it('keeps the newest fold when concurrent commands on one stream finish out of order', async () => {
    const id = randomUUID();
    const stream = incidentStreamId(id);
    await run(a.pipeline, stream, report(id));
    const outcomes = await Promise.allSettled(
      Array.from({ length: 6 }, (_, i) => run(i % 2 ? a.pipeline : b.pipeline, stream, sitrep(`concurrent ${i}`))),
    );
    const accepted = outcomes.filter((outcome) => outcome.status === 'fulfilled').length;
    expect(accepted).toBeGreaterThanOrEqual(2);
    const fresh = await freshFold(stream);
    expect(fresh.revision).toBe(accepted);
    for (const { pipeline } of [a, b]) {
      const cached = await pipeline.load(incidentDecider, stream);
      expect(cached.state).toEqual(fresh.state);
    }
  });
});

describe('the time commands are decided at', () => {
  it("is the pipeline's clock: moved by hand, never by waiting", async () => {
    const store = await openPostgresEventStore({ connectionString: testDatabaseUrl(), schema, poolSize: 2 });
    stores.push(store);
    const clock = new ManualClock('2026-03-01T10:00:00.000Z');
    const pipeline = new CommandPipeline(store, reference, clock);

    const first = randomUUID();
    await run(pipeline, incidentStreamId(first), report(first));
    const [reported] = await collect(store.readStream(incidentStreamId(first)));
    expect((reported!.data as { observedAt: string }).observedAt).toBe('2026-03-01T10:00:00.000Z');

    // Observed at 10:05 is in the future at 10:00, and fine once the clock reaches it.
    const second = randomUUID();
    const observedLater = report(second);
    (observedLater.data as { observedAt?: string }).observedAt = '2026-03-01T10:05:00.000Z';
    const early = await run(pipeline, incidentStreamId(second), observedLater).catch((error: unknown) => error);
    expect(early).toBeInstanceOf(DomainError);
    expect(early).toMatchObject({ code: 'INCIDENT.OBSERVED_IN_FUTURE' });
    expect(await collect(store.readStream(incidentStreamId(second)))).toEqual([]);
    clock.advance(5 * 60_000);
    await run(pipeline, incidentStreamId(second), observedLater);
    expect(await collect(store.readStream(incidentStreamId(second)))).toHaveLength(1);
  });
});

describe('snapshots of streams that never end', () => {
  const mx: Actor = { id: 'officer.mx', agency: 'ANAM', country: 'MX', role: 'officer' };
  /** The port decider with a snapshot every 5 events (500 in production). */
  const every5 = { ...portDecider, snapshot: { version: 1, every: 5 } };
  const portId = 'otay-mesa';
  const streamId = portStreamId(portId);
  const runPort = (pipeline: CommandPipeline, command: PortCommand, actor: Actor) =>
    pipeline.execute(every5, { streamId, command, actor, correlationId: randomUUID() });

  it('a fresh process folds a port from its latest snapshot, and only the events after it', async () => {
    const first = await process_();
    const declared = await runPort(
      first.pipeline,
      { type: 'DeclarePortShutdown', data: { portId, kind: 'hazmat-release', reason: { en: 'Plume', es: 'Pluma' } } },
      officer,
    );
    for (const item of declared.state.activeShutdown!.checklist.items) {
      await runPort(
        first.pipeline,
        { type: 'CompleteChecklistItem', data: { portId, itemId: item.id } },
        item.owner === 'MX' ? mx : officer,
      );
    }
    const revision = await first.store.streamRevision(streamId);
    expect(revision).toBeGreaterThanOrEqual(10);
    let snapshot: { revision: number } | undefined;
    for (let waited = 0; waited < 5_000 && (snapshot?.revision ?? -1) < 5; waited += 50) {
      snapshot = (await first.store.checkpoints.document(SNAPSHOTS, streamId))?.doc as { revision: number };
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    expect(snapshot!.revision).toBeGreaterThanOrEqual(4);

    // The whole stream folded from the start, by a pipeline whose decider keeps no snapshots.
    const truth = await (await process_()).pipeline.load(portDecider, streamId);
    const second = await process_();
    const folded = await second.pipeline.load(every5, streamId);
    expect(folded.state).toEqual(truth.state);
    expect(folded.revision).toBe(revision);
    expect(readCounts.get(second.store)).toBe(revision - snapshot!.revision);

    // A snapshot of another shape of the state is ignored: the stream is folded from the start.
    const third = await process_();
    const reshaped = await third.pipeline.load({ ...portDecider, snapshot: { version: 2, every: 500 } }, streamId);
    expect(reshaped.state).toEqual(truth.state);
    expect(readCounts.get(third.store)).toBe(revision + 1);
  });
});
