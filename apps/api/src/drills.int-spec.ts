import fc from 'fast-check';
import { ApiHarness } from './testing/api-harness.js';

/**
 * Drills through HTTP on the real PostgreSQL store: a planner plans one from a shipped scenario and runs its clock,
 * its players join and act in its world with the `Enlace-Drill` header, and nothing of it reaches the live world;
 * those who take no part are refused (403), a drill that ended takes nothing more (409), and every refusal appends
 * nothing.
 */
let api: ApiHarness;

beforeAll(async () => {
  api = await ApiHarness.start({
    users: [{ username: 'evaluator.mx', displayName: 'Evaluadora', agency: 'CENACOM', country: 'MX', role: 'officer' }],
  });
}, 60_000);

afterAll(async () => {
  await api.stop();
});

interface ErrorBody {
  code: string;
  message: { en: string; es: string };
  details?: { fields?: { field: string; rule: string }[] };
}

const SCENARIO = 'laredo-chlorine-rail-bridge';
/**
 * The position of the last write answered: counts wait until the store's global read includes it (a read right after
 * a write may not see it yet, and would blame the next request for it).
 */
let latest: string | undefined;
const noteWrite = (body: unknown) => {
  const position = (body as { position?: unknown } | undefined)?.position;
  if (typeof position === 'string' && (latest === undefined || position > latest)) latest = position;
};
const participants = [
  { username: 'officer.us', role: 'player' },
  { username: 'officer.mx', role: 'player' },
  { username: 'evaluator.mx', role: 'evaluator' },
];

async function ok<Body = { id: string; position?: string }>(
  method: string,
  path: string,
  as: string,
  body: unknown = method === 'GET' ? undefined : {},
  headers: Record<string, string> = {},
) {
  const response = await api.request<Body>(method, path, { as, body, headers });
  if (response.status >= 300) throw new Error(`${method} ${path}: ${response.status} ${JSON.stringify(response.body)}`);
  noteWrite(response.body);
  return response;
}

/** A refusal: its status and code, in English and Spanish, and nothing appended. */
async function refused(
  method: string,
  path: string,
  as: string,
  body: unknown,
  status: number,
  code: string,
  headers: Record<string, string> = {},
): Promise<ErrorBody> {
  const before = await api.settledEventCount(latest);
  const response = await api.request<ErrorBody>(method, path, { as, body, headers });
  expect({ status: response.status, code: response.body.code }).toEqual({ status, code });
  expect(response.body.message.en).toBeTruthy();
  expect(response.body.message.es).toBeTruthy();
  expect(await api.settledEventCount(latest)).toBe(before);
  return response.body;
}

const incident = {
  kind: 'hazmat-release',
  title: { en: 'Chlorine tank car leaking on the rail bridge', es: 'Fuga de cloro en un carro tanque del puente' },
  severity: 'extreme',
  location: { lat: 27.5, lon: -99.5, description: { en: 'Laredo rail bridge' } },
};

describe('drills over HTTP', () => {
  it('lists the shipped scenarios and serves one as a spreadsheet', async () => {
    const list = await ok<{ id: string; injects: number; objectives: number }[]>('GET', '/api/scenarios', 'planner');
    expect(list.body.map((scenario) => scenario.id)).toEqual(
      expect.arrayContaining([SCENARIO, 'nogales-ammonia-release', 'otay-mesa-plant-fire']),
    );
    for (const scenario of list.body) {
      expect(scenario.injects).toBeGreaterThanOrEqual(12);
      expect(scenario.objectives).toBeGreaterThanOrEqual(5);
    }
    const csv = await api.request<string>('GET', `/api/scenarios/${SCENARIO}/msel.csv`, { as: 'planner' });
    expect(csv.status).toBe(200);
    expect(csv.headers.get('content-type')).toMatch(/^text\/csv/);
    expect(csv.body).toContain('#MSEL');
    const xlsx = await fetch(`${api.baseUrl}/api/scenarios/${SCENARIO}/msel.xlsx`, {
      headers: { authorization: `Bearer ${await api.token('planner')}` },
    });
    expect(xlsx.status).toBe(200);
    // An XLSX workbook is a zip: it starts with PK.
    expect(
      Buffer.from(await xlsx.arrayBuffer())
        .subarray(0, 2)
        .toString(),
    ).toBe('PK');
    await refused('GET', '/api/scenarios/no-such-scenario', 'planner', undefined, 404, 'SCENARIO.NOT_FOUND');
  });

  it('is planned, joined and played in its own world; the live world sees none of it', async () => {
    const planned = await ok('POST', '/api/drills', 'planner', {
      scenarioId: SCENARIO,
      startsAt: '2026-04-14T06:00:00.000Z',
      rate: 60,
      participants,
    });
    expect(planned.status).toBe(201);
    const drillId = planned.body.id;
    expect(planned.headers.get('location')).toBe(`/api/drills/${drillId}`);
    const inDrill = { 'Enlace-Drill': drillId };

    // Before the clock runs, the drill takes no command in its world.
    await refused('POST', '/api/incidents', 'officer.us', incident, 409, 'DRILL.CLOCK_NOT_STARTED', inDrill);
    await ok('POST', `/api/drills/${drillId}/start`, 'planner');
    await ok('POST', `/api/drills/${drillId}/join`, 'officer.us');

    const reported = await ok('POST', '/api/incidents', 'officer.us', incident, inDrill);
    const incidentId = reported.body.id;
    const drillStream = await api.streamEvents(`exercise-${drillId}.incident-${incidentId}`);
    expect(drillStream.map((event) => [event.type, event.metadata.mode, event.metadata.drillId])).toEqual([
      ['IncidentReported', 'exercise', drillId],
    ]);
    expect(await api.streamEvents(`incident-${incidentId}`)).toEqual([]);

    // Reads with the header answer from the drill's read models; without it, from the live ones.
    const drillBoard = await ok<{ incidentId: string }[]>(
      'GET',
      `/api/incidents?after=${reported.body.position}`,
      'officer.mx',
      undefined,
      inDrill,
    );
    expect(drillBoard.body.map((entry) => entry.incidentId)).toContain(incidentId);
    const liveBoard = await ok<{ incidentId: string }[]>('GET', '/api/incidents', 'officer.mx');
    expect(liveBoard.body.map((entry) => entry.incidentId)).not.toContain(incidentId);
    expect((await ok('GET', `/api/incidents/${incidentId}`, 'officer.us', undefined, inDrill)).status).toBe(200);
    await refused('GET', `/api/incidents/${incidentId}`, 'officer.us', undefined, 404, 'INCIDENT.NOT_FOUND');

    const drill = await ok<{
      status: string;
      drillTime: string;
      rate: number;
      participants: { username: string; side: string; agency: string; joinedAt: string | null }[];
    }>('GET', `/api/drills/${drillId}`, 'auditor');
    expect(drill.body.status).toBe('running');
    expect(drill.body.rate).toBe(60);
    expect(Date.parse(drill.body.drillTime)).toBeGreaterThanOrEqual(Date.parse('2026-04-14T06:00:00.000Z'));
    // Side and agency come from the accounts, never from the body.
    expect(drill.body.participants.map(({ username, side, agency }) => [username, side, agency])).toEqual([
      ['officer.us', 'US', 'CBP'],
      ['officer.mx', 'MX', 'ANAM'],
      ['evaluator.mx', 'MX', 'CENACOM'],
    ]);
    // Only the one who joined from the console shows as joined.
    expect(drill.body.participants.map((participant) => participant.joinedAt !== null)).toEqual([true, false, false]);

    await ok('POST', `/api/drills/${drillId}/rate`, 'planner', { rate: 120 });
    await ok('POST', `/api/drills/${drillId}/observations`, 'evaluator.mx', {
      capability: 'operational-coordination',
      text: { es: 'El aviso al NRC se hizo a tiempo' },
    });
    // An evaluator watches and notes; it does not play.
    await refused('POST', '/api/incidents', 'evaluator.mx', incident, 403, 'DRILL.NOT_A_PARTICIPANT', inDrill);

    // A real emergency: anyone taking part stops it; nobody plays until a planner resumes.
    await ok('POST', `/api/drills/${drillId}/halt`, 'officer.mx', {
      reason: { es: 'Incendio real en el puerto', en: 'A real fire at the port' },
    });
    await refused('POST', '/api/incidents', 'officer.us', incident, 409, 'DRILL.HALTED', inDrill);
    await ok('POST', `/api/drills/${drillId}/resume`, 'planner');
    await ok('POST', `/api/drills/${drillId}/end`, 'planner');
    await refused('POST', '/api/incidents', 'officer.us', incident, 409, 'DRILL.ENDED', inDrill);
    await refused('POST', `/api/drills/${drillId}/start`, 'planner', {}, 409, 'DRILL.ENDED');

    const types = (await api.streamEvents(`exercise-${drillId}.drill-${drillId}`)).map((event) => event.type);
    expect(types).toEqual([
      'DrillPlanned',
      'DrillClockStarted',
      'DrillParticipantJoined',
      'DrillClockRateChanged',
      'DrillObservationRecorded',
      'DrillHalted',
      'DrillClockResumed',
      'DrillEnded',
    ]);
  });

  it("takes a title of the planner's own, in both languages", async () => {
    await refused(
      'POST',
      '/api/drills',
      'planner',
      { scenarioId: SCENARIO, title: { en: 'Only English' }, rate: 60, participants },
      422,
      'DRILL.TITLE',
    );
    const planned = await ok('POST', '/api/drills', 'planner', {
      scenarioId: SCENARIO,
      title: { en: 'Own title', es: 'Título propio' },
      rate: 60,
      participants,
    });
    const view = await ok<{ plan: { title: unknown } }>('GET', `/api/drills/${planned.body.id}`, 'planner');
    expect(view.body.plan.title).toEqual({ en: 'Own title', es: 'Título propio' });
  });

  it('lists the drills, newest planned first, each with how it stands; officers see the drills they are in', async () => {
    const { body } = await ok('POST', '/api/drills', 'planner', {
      scenarioId: 'otay-mesa-plant-fire',
      rate: 30,
      participants: [{ username: 'officer.mx', role: 'player' }],
    });
    await ok('POST', `/api/drills/${body.id}/start`, 'planner');
    type Line = { drillId: string; status: string; scenarioId: string; participants: string[] };
    const listed = async (as: string, query = '') => {
      for (let attempt = 0; ; attempt += 1) {
        const page = await ok<Line[]>('GET', `/api/drills${query}`, as);
        const line = page.body.find((drill) => drill.drillId === body.id);
        if (line?.status === 'running' || query.includes('ended') || attempt > 100) return page.body;
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
    };
    const all = await listed('auditor');
    expect(all[0]).toMatchObject({ drillId: body.id, status: 'running', scenarioId: 'otay-mesa-plant-fire' });
    expect(all.length).toBeGreaterThanOrEqual(2);
    // officer.us plays in the earlier drills, not in this one.
    expect((await listed('officer.mx')).map((drill) => drill.drillId)).toContain(body.id);
    expect((await ok<Line[]>('GET', '/api/drills', 'officer.us')).body.map((drill) => drill.drillId)).not.toContain(
      body.id,
    );
    const ended = await listed('planner', '?status=ended');
    expect(ended.every((drill) => drill.status === 'ended')).toBe(true);
    expect(ended.map((drill) => drill.drillId)).not.toContain(body.id);
    await refused('GET', '/api/drills?status=finished', 'planner', undefined, 400, 'VALIDATION_FAILED');
  });

  it('refuses those who take no part, bad plans and bad headers, naming the field', async () => {
    const { body } = await ok('POST', '/api/drills', 'planner', { scenarioId: SCENARIO, rate: 10, participants });
    const inDrill = { 'Enlace-Drill': body.id };
    await ok('POST', `/api/drills/${body.id}/start`, 'planner');
    // The admin takes no part as a player but, like planners and auditors, reads every drill.
    expect((await ok('GET', '/api/incidents', 'auditor', undefined, inDrill)).status).toBe(200);
    await refused('POST', `/api/drills/${body.id}/join`, 'auditor', {}, 403, 'DRILL.NOT_A_PARTICIPANT');
    await refused(
      'POST',
      `/api/drills/${body.id}/halt`,
      'auditor',
      { reason: { en: 'x' } },
      403,
      'DRILL.NOT_A_PARTICIPANT',
    );
    await refused(
      'POST',
      '/api/drills',
      'officer.us',
      { scenarioId: SCENARIO, rate: 10, participants },
      403,
      'AUTH.ROLE',
    );
    await refused('POST', `/api/drills/${body.id}/end`, 'officer.us', {}, 403, 'AUTH.ROLE');

    const unknownAccount = await refused(
      'POST',
      '/api/drills',
      'planner',
      { scenarioId: SCENARIO, rate: 10, participants: [{ username: 'nobody.here', role: 'player' }] },
      400,
      'VALIDATION_FAILED',
    );
    expect(unknownAccount.details?.fields?.[0]).toMatchObject({ field: 'participants[0].username', rule: 'account' });
    const tooFast = await refused(
      'POST',
      '/api/drills',
      'planner',
      { scenarioId: SCENARIO, rate: 121, participants },
      400,
      'VALIDATION_FAILED',
    );
    expect(tooFast.details?.fields?.[0]).toMatchObject({ field: 'rate' });
    await refused(
      'POST',
      '/api/drills',
      'planner',
      { scenarioId: 'no-such-scenario', rate: 10, participants },
      404,
      'SCENARIO.NOT_FOUND',
    );
    const badHeader = await refused('GET', '/api/incidents', 'officer.us', undefined, 400, 'VALIDATION_FAILED', {
      'Enlace-Drill': 'not-a-uuid',
    });
    expect(badHeader.details?.fields?.[0]).toMatchObject({ field: 'Enlace-Drill' });
    await refused('GET', '/api/incidents', 'officer.us', undefined, 404, 'DRILL.NOT_FOUND', {
      'Enlace-Drill': '5a1e2c3d-4b5f-4a6b-8c7d-9e0f1a2b3c4d',
    });
  });
});

/**
 * Every drill write under random, malformed and almost-valid bodies, headers, ids and callers: never a 5xx, an
 * error always in English and Spanish, and a refusal appends nothing. DRILL_FUZZ_RUNS widens it (default 25 a route).
 */
describe('drill writes under fuzz', () => {
  const RUNS = Number(process.env.DRILL_FUZZ_RUNS ?? 25);
  const routes: { path: string; valid: fc.Arbitrary<unknown> }[] = [
    {
      path: '',
      valid: fc.record({
        scenarioId: fc.constantFrom(SCENARIO, 'no-such-scenario', 'BAD ID'),
        startsAt: fc.oneof(fc.constant('2026-04-14T06:00:00.000Z'), fc.string()),
        rate: fc.oneof(fc.integer({ min: -5, max: 130 }), fc.double()),
        participants: fc.array(
          fc.record({
            username: fc.constantFrom('officer.us', 'officer.mx', 'nobody', ''),
            role: fc.constantFrom('player', 'evaluator', 'controller', 'spectator'),
          }),
          { maxLength: 4 },
        ),
      }),
    },
    { path: '/start', valid: fc.constant({}) },
    { path: '/pause', valid: fc.constant({}) },
    { path: '/resume', valid: fc.constant({}) },
    { path: '/rate', valid: fc.record({ rate: fc.oneof(fc.integer({ min: -5, max: 130 }), fc.string()) }) },
    {
      path: '/halt',
      valid: fc.record({ reason: fc.record({ en: fc.string(), es: fc.string() }, { requiredKeys: [] }) }),
    },
    { path: '/end', valid: fc.constant({}) },
    { path: '/join', valid: fc.constant({}) },
    {
      path: '/observations',
      valid: fc.record(
        {
          capability: fc.constantFrom('operational-coordination', 'Not A Capability', ''),
          objectiveId: fc.oneof(fc.constant('OBJ-1'), fc.string()),
          text: fc.record({ en: fc.string(), es: fc.string() }, { requiredKeys: [] }),
        },
        { requiredKeys: [] },
      ),
    },
  ];
  const payload = (valid: fc.Arbitrary<unknown>) =>
    fc.oneof(
      { weight: 4, arbitrary: valid },
      { weight: 1, arbitrary: fc.jsonValue() },
      { weight: 1, arbitrary: valid.map((body) => ({ ...(body as object), extra: { nested: [1, 'x'] } })) },
    );

  it('never answers 5xx and appends nothing when it refuses', async () => {
    const { body } = await ok('POST', '/api/drills', 'planner', { scenarioId: SCENARIO, rate: 30, participants });
    const drills = [body.id, '5a1e2c3d-4b5f-4a6b-8c7d-9e0f1a2b3c4d', 'not-a-uuid'];
    for (const route of routes) {
      await fc.assert(
        fc.asyncProperty(
          fc.record({
            as: fc.constantFrom('planner', 'officer.us', 'auditor', 'evaluator.mx'),
            drill: fc.constantFrom(...drills),
            body: payload(route.valid),
            header: fc.constantFrom(undefined, body.id, 'garbage'),
          }),
          async (attempt) => {
            const before = await api.settledEventCount(latest);
            const path = route.path === '' ? '/api/drills' : `/api/drills/${attempt.drill}${route.path}`;
            const response = await api.request<ErrorBody>('POST', path, {
              as: attempt.as,
              body: attempt.body,
              headers: attempt.header === undefined ? {} : { 'Enlace-Drill': attempt.header },
            });
            expect(response.status).toBeLessThan(500);
            if (response.status >= 400) {
              expect(response.body.message.en && response.body.message.es).toBeTruthy();
              expect(await api.settledEventCount(latest)).toBe(before);
            } else noteWrite(response.body);
          },
        ),
        { numRuns: RUNS },
      );
    }
  }, 120_000);
});
