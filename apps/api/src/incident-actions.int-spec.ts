import { apiForTheseTests } from './testing/api-harness.js';

/**
 * The incident screen's writes through HTTP on the real PostgreSQL store: an update decided per field on the latest
 * state (a concurrent unrelated change refuses nothing; a change to the same field is a 409 with both values and
 * appends nothing), and a JCP step recorded after the fact with the centre's report number, both of its times kept
 * in the incident and its activity log, with the time checked and refused in both languages, naming the field.
 */
const api = apiForTheseTests();

interface ErrorBody {
  code: string;
  message: { en: string; es: string };
  details: Record<string, unknown>;
}

interface IncidentView {
  severity: string;
  casualties: { injured: number; fatalities: number };
  observedAt: string;
  revision: number;
  jcp: {
    nationalCenters: Record<string, { center: string; at: string; reportNumber?: string; occurredAt?: string }>;
    counterpartNotified: Record<string, { center: string; at: string; reportNumber?: string; occurredAt?: string }>;
  };
}

const OBSERVED = new Date(Date.now() - 60 * 60_000).toISOString();

async function write(method: string, path: string, as: string, body: unknown = {}) {
  const response = await api().request<{ id: string; position: string }>(method, path, { as, body });
  if (response.status >= 300) throw new Error(`${method} ${path}: ${response.status} ${JSON.stringify(response.body)}`);
  return response.body;
}

async function newIncident(): Promise<string> {
  const { id } = await write('POST', '/api/incidents', 'officer.us', {
    kind: 'hazmat-release',
    title: { en: 'Chlorine release', es: 'Fuga de cloro' },
    severity: 'severe',
    location: { lat: 32.549, lon: -116.938, description: { en: 'Dock 4', es: 'Andén 4' } },
    affectedPortIds: ['otay-mesa'],
    observedAt: OBSERVED,
  });
  return id;
}

const incident = async (id: string) =>
  (await api().request<IncidentView>('GET', `/api/incidents/${id}`, { as: 'auditor' })).body;

describe('incident update decided per field on the latest state', () => {
  it('saves a change made after a situation report and the other side’s JCP step (no If-Match)', async () => {
    const id = await newIncident();
    await write('POST', `/api/incidents/${id}/situation-reports`, 'officer.mx', { summary: { es: 'Fuga contenida' } });
    await write('POST', `/api/incidents/${id}/national-center-notifications`, 'officer.mx');
    const saved = await api().request('PATCH', `/api/incidents/${id}`, {
      as: 'officer.us',
      body: { casualties: { injured: 2, fatalities: 0 }, startedFrom: { casualties: { injured: 0, fatalities: 0 } } },
    });
    expect(saved.status).toBe(200);
    expect((await incident(id)).casualties).toEqual({ injured: 2, fatalities: 0 });
  });

  it('answers 409 naming the field changed since, with both values, and appends nothing', async () => {
    const id = await newIncident();
    await write('PATCH', `/api/incidents/${id}`, 'officer.mx', {
      severity: 'extreme',
      startedFrom: { severity: 'severe' },
    });
    const before = (await api().allEvents()).length;
    const refused = await api().request<ErrorBody>('PATCH', `/api/incidents/${id}`, {
      as: 'officer.us',
      body: {
        severity: 'moderate',
        casualties: { injured: 1, fatalities: 0 },
        startedFrom: { severity: 'severe', casualties: { injured: 0, fatalities: 0 } },
      },
    });
    expect(refused.status).toBe(409);
    expect(refused.body.code).toBe('INCIDENT.UPDATE_CONFLICT');
    expect(refused.body.details.conflicts).toEqual([
      { field: 'severity', yours: 'moderate', theirs: 'extreme', startedFrom: 'severe' },
    ]);
    expect(refused.body.message.es).toContain('severidad');
    expect(await api().allEvents()).toHaveLength(before);
    expect((await incident(id)).severity).toBe('extreme');
  });

  it('refuses a starting value for a field no update changes (400, in both languages)', async () => {
    const id = await newIncident();
    const refused = await api().request<ErrorBody>('PATCH', `/api/incidents/${id}`, {
      as: 'officer.us',
      body: { severity: 'moderate', startedFrom: { status: 'open' } },
    });
    expect(refused.status).toBe(400);
    expect(refused.body.details.fields).toEqual([
      expect.objectContaining({
        field: 'startedFrom',
        rule: 'updatableFields',
        message: {
          en: expect.stringContaining('startedFrom may only name the fields an update changes') as string,
          es: expect.stringContaining('startedFrom solo puede nombrar') as string,
        },
      }),
    ]);
  });
});

describe('a JCP step recorded after the fact', () => {
  it('keeps the report number, when it was done and when it was recorded, in the incident and its log', async () => {
    const id = await newIncident();
    const doneAt = new Date(Date.parse(OBSERVED) + 10 * 60_000).toISOString();
    await write('POST', `/api/incidents/${id}/national-center-notifications`, 'officer.us', {
      reportNumber: '1380012',
      occurredAt: doneAt,
    });
    // The former name of the report number is still accepted.
    await write('POST', `/api/incidents/${id}/national-center-notifications`, 'officer.mx', { reference: 'F-77' });
    const { jcp } = await incident(id);
    expect(jcp.nationalCenters.US).toEqual({
      center: 'NRC',
      at: expect.any(String) as string,
      reportNumber: '1380012',
      occurredAt: doneAt,
    });
    expect(Date.parse(jcp.nationalCenters.US!.at)).toBeGreaterThan(Date.parse(doneAt));
    expect(jcp.nationalCenters.MX).toEqual({
      center: 'CENACOM',
      at: expect.any(String) as string,
      reportNumber: 'F-77',
    });

    const { body: log } = await api().request<
      { type: string; at: string; occurredAt?: string; summary: { en: string; es: string } }[]
    >('GET', `/api/incidents/${id}/timeline`, { as: 'auditor' });
    const steps = log.filter((entry) => entry.type === 'NationalCenterNotified');
    expect(steps.map(({ occurredAt, summary }) => ({ occurredAt, summary }))).toEqual([
      {
        occurredAt: doneAt,
        summary: { en: 'NRC notified, report number 1380012', es: 'NRC notificado, número de reporte 1380012' },
      },
      { occurredAt: undefined, summary: { en: 'CENACOM notified, folio F-77', es: 'CENACOM notificado, folio F-77' } },
    ]);
  });

  it('refuses a time in the future or before the incident was observed, naming occurredAt in its details, and appends nothing', async () => {
    const id = await newIncident();
    const before = (await api().allEvents()).length;
    for (const [occurredAt, code] of [
      [new Date(Date.now() + 10 * 60_000).toISOString(), 'INCIDENT.STEP_TIME_IN_FUTURE'],
      [new Date(Date.parse(OBSERVED) - 60_000).toISOString(), 'INCIDENT.STEP_TIME_BEFORE_INCIDENT'],
    ] as const) {
      const refused = await api().request<ErrorBody>('POST', `/api/incidents/${id}/national-center-notifications`, {
        as: 'officer.us',
        body: { occurredAt },
      });
      expect({ status: refused.status, code: refused.body.code }).toEqual({ status: 422, code });
      // The field is named in the details; the message is in words, as the officer reads it on the console.
      expect(refused.body.details).toMatchObject({ field: 'occurredAt' });
      expect(refused.body.message.en).toMatch(/^The time the step was done /);
      expect(refused.body.message.es).toMatch(/^La hora en que se realizó el paso /);
    }
    const malformed = await api().request<ErrorBody>('POST', `/api/incidents/${id}/national-center-notifications`, {
      as: 'officer.us',
      body: { occurredAt: 'ayer' },
    });
    expect(malformed.status).toBe(400);
    expect(malformed.body.details.fields).toEqual([
      expect.objectContaining({ field: 'occurredAt', rule: 'isIso8601' }),
    ]);
    expect(await api().allEvents()).toHaveLength(before);
  });
});
