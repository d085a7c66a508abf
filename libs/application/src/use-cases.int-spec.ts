import { ManualClock } from '@enlace/clock/testing';
import { type Actor, DomainError, incidentStreamId, portStreamId } from '@enlace/domain';
import { collect, openPostgresEventStore, type PostgresEventStore } from '@enlace/event-store';
import { dropSchema, testDatabaseUrl, uniqueSchemaName } from '@enlace/event-store/testing';
import { loadReferenceCatalog } from '@enlace/reference-data';
import { randomUUID } from 'node:crypto';
import { CommandPipeline } from './command-pipeline.js';
import {
  ActOnPort,
  ActOnPortHandler,
  ReportIncident,
  ReportIncidentHandler,
  type RequestContext,
} from './use-cases.js';

/**
 * The use cases' own rules, on real PostgreSQL and without HTTP: what crosses streams (the port exists, the incident
 * a shutdown names exists) and the ids they make. Every route of the api dispatches them (its int-specs cover that).
 */
const schema = uniqueSchemaName('use_cases');
const reference = loadReferenceCatalog('config');
const officer: Actor = { id: 'officer.us', agency: 'CBP', country: 'US', role: 'officer' };
let store: PostgresEventStore;
let pipeline: CommandPipeline;

const request = (extra: Partial<RequestContext> = {}): RequestContext => ({
  actor: officer,
  correlationId: randomUUID(),
  ...extra,
});

const report = () =>
  new ReportIncident(
    {
      kind: 'fire',
      title: { en: 'Plant fire near the commercial crossing' },
      severity: 'severe',
      location: { lat: 32.55, lon: -116.94, description: { en: 'Otay Mesa industrial park' } },
    },
    request({ idempotencyKey: 'report-1' }),
  );

beforeAll(async () => {
  store = await openPostgresEventStore({ connectionString: testDatabaseUrl(), schema, poolSize: 2 });
  pipeline = new CommandPipeline(store, reference, new ManualClock('2026-03-01T10:00:00.000Z'));
});

afterAll(async () => {
  await store?.close();
  await dropSchema(schema);
});

describe('ReportIncident', () => {
  it('makes the incident id, the same one again for a retry with the same Idempotency-Key', async () => {
    const handler = new ReportIncidentHandler(pipeline);
    const first = await handler.execute(report());
    const retry = await handler.execute(report());
    expect(retry.id).toBe(first.id);
    expect(retry.outcome.replayed).toBe(true);
    expect(await collect(store.readStream(incidentStreamId(first.id)))).toHaveLength(1);
  });
});

describe('ActOnPort', () => {
  const declare = (portId: string, incidentId?: string) =>
    new ActOnPort(
      portId,
      {
        type: 'DeclarePortShutdown',
        data: {
          portId,
          kind: 'fire',
          reason: { en: 'Smoke over the crossing' },
          ...(incidentId ? { incidentId } : {}),
        },
      },
      request(),
    );

  it('refuses a port that is not in the reference data, as not found, and appends nothing', async () => {
    const refusal = await new ActOnPortHandler(pipeline, reference)
      .execute(declare('no-such-port'))
      .catch((error: unknown) => error);
    expect(refusal).toBeInstanceOf(DomainError);
    expect(refusal).toMatchObject({ code: 'PORT.NOT_FOUND', kind: 'not-found' });
    expect(await collect(store.readStream(portStreamId('no-such-port')))).toEqual([]);
  });

  it('refuses a shutdown naming an incident that does not exist, and appends nothing', async () => {
    const refusal = await new ActOnPortHandler(pipeline, reference)
      .execute(declare('otay-mesa', randomUUID()))
      .catch((error: unknown) => error);
    expect(refusal).toMatchObject({ code: 'PORT.UNKNOWN_INCIDENT', kind: 'rule' });
    expect(await collect(store.readStream(portStreamId('otay-mesa')))).toEqual([]);
  });
});
