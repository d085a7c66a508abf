import fc from 'fast-check';
import { ApiHarness } from './testing/api-harness.js';

/**
 * A planner's own MSEL over HTTP: the spreadsheet exported here comes back as the same scenario, a bad cell is refused
 * naming its row and column (en and es), and a drill is planned from the scenario read back; nothing is appended for
 * what is refused.
 */
let api: ApiHarness;

beforeAll(async () => {
  api = await ApiHarness.start();
}, 60_000);

afterAll(async () => {
  await api.stop();
});

const SCENARIO = 'laredo-chlorine-rail-bridge';
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

async function upload(body: Uint8Array | string, contentType: string, as = 'planner', file = 'mine.xlsx') {
  const response = await fetch(`${api.baseUrl}/api/scenarios/import?file=${encodeURIComponent(file)}`, {
    method: 'POST',
    headers: { authorization: `Bearer ${await api.token(as)}`, 'content-type': contentType },
    body,
  });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

async function download(format: 'csv' | 'xlsx'): Promise<Uint8Array> {
  const response = await fetch(`${api.baseUrl}/api/scenarios/${SCENARIO}/msel.${format}`, {
    headers: { authorization: `Bearer ${await api.token('planner')}` },
  });
  expect(response.status).toBe(200);
  return new Uint8Array(await response.arrayBuffer());
}

interface Problem {
  file: string;
  rule: string;
  field: string;
  message: { en: string; es: string };
  cell?: { row: number; column: string };
}

describe('importing a scenario', () => {
  it('reads back the spreadsheet exported here as the same scenario (XLSX and CSV)', async () => {
    const original = await api.request('GET', `/api/scenarios/${SCENARIO}`, { as: 'planner' });
    const fromXlsx = await upload(await download('xlsx'), XLSX);
    expect(fromXlsx.status).toBe(200);
    expect(fromXlsx.body).toEqual(original.body);
    const fromCsv = await upload(await download('csv'), 'text/csv', 'planner', 'mine.csv');
    expect(fromCsv.status).toBe(200);
    expect(fromCsv.body).toEqual(original.body);
  });

  it('refuses a CSV with a bad cell, naming the file, row and column in English and Spanish', async () => {
    const csv = new TextDecoder().decode(await download('csv'));
    const broken = csv.replace(/PT3M/, 'soon');
    expect(broken).not.toBe(csv);
    const answer = await upload(broken, 'text/csv', 'planner', 'broken.csv');
    expect(answer.status).toBe(422);
    expect(answer.body).toMatchObject({ code: 'SCENARIO.INVALID' });
    const problems = (answer.body.details as { problems: Problem[] }).problems;
    expect(problems.length).toBeGreaterThan(0);
    const problem = problems[0]!;
    expect(problem.file).toBe('broken.csv');
    expect(problem.cell).toMatchObject({ column: 'offset' });
    expect(problem.cell!.row).toBeGreaterThan(1);
    expect(problem.message.en).not.toBe('');
    expect(problem.message.es).not.toBe('');
  });

  it('refuses what is not a spreadsheet, and anyone but planners and administrators', async () => {
    expect((await upload('{"id":"x"}', 'application/json')).body).toMatchObject({ code: 'SCENARIO.UPLOAD' });
    expect((await upload(await download('xlsx'), XLSX, 'officer.us')).status).toBe(403);
  });

  it('plans a drill from the scenario read back, and refuses one with a problem, appending nothing', async () => {
    const read = await upload(await download('xlsx'), XLSX);
    const participants = [{ username: 'officer.us', role: 'player' }];
    const scenario = {
      ...read.body,
      id: 'laredo-chlorine-rail-bridge-night',
      title: { en: 'Night shift', es: 'Turno de noche' },
    };
    const planned = await api.request<{ id: string }>('POST', '/api/drills', {
      as: 'planner',
      body: { scenario, rate: 60, participants },
    });
    expect(planned.status).toBe(201);
    const drill = await api.request<{ plan: { scenario: { id: string }; title: { en: string } } }>(
      'GET',
      `/api/drills/${planned.body.id}`,
      { as: 'planner' },
    );
    expect(drill.body.plan.scenario.id).toBe('laredo-chlorine-rail-bridge-night');
    expect(drill.body.plan.title.en).toBe('Night shift');

    // The directory of drills lists the planned one within its poll (a second).
    const listed = async () =>
      (await api.request<{ drillId: string }[]>('GET', '/api/drills', { as: 'planner' })).body.map(
        (line) => line.drillId,
      );
    for (let tries = 0; !(await listed()).includes(planned.body.id) && tries < 50; tries += 1) {
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    const before = (await listed()).length;
    expect(before).toBeGreaterThan(0);
    const refused = await api.request<{ code: string; details: { problems: Problem[] } }>('POST', '/api/drills', {
      as: 'planner',
      body: { scenario: { ...scenario, portId: 'atlantis' }, rate: 60, participants },
    });
    expect(refused.status).toBe(422);
    expect(refused.body.code).toBe('SCENARIO.INVALID');
    expect(refused.body.details.problems.some((problem) => problem.field === 'portId')).toBe(true);
    await new Promise((resolve) => setTimeout(resolve, 1_500)); // the directory of drills polls each second
    expect((await listed()).length).toBe(before);
  });

  it('answers any bytes with a refusal, never a server error (fuzz)', async () => {
    const csv = new TextDecoder().decode(await download('csv'));
    const lines = csv.split('\n');
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(
          fc.uint8Array({ maxLength: 2_000 }).map((bytes) => ({ body: bytes, type: XLSX })),
          fc.string({ maxLength: 2_000 }).map((text) => ({ body: text, type: 'text/csv' })),
          // A real MSEL with one line replaced by noise: the reader meets it deep inside.
          fc.tuple(fc.nat({ max: lines.length - 1 }), fc.string({ maxLength: 200 })).map(([at, noise]) => ({
            body: lines.map((line, i) => (i === at ? noise : line)).join('\n'),
            type: 'text/csv',
          })),
        ),
        async ({ body, type }) => {
          const answer = await upload(body, type, 'planner', 'fuzz.csv');
          expect(answer.status).toBeLessThan(500);
        },
      ),
      { numRuns: 60 },
    );
  }, 60_000);
});
