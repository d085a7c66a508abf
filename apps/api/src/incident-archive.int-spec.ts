// The archive of closed incidents and a port's shutdowns over HTTP, on the real PostgreSQL server: an incident reported
// at one port affecting another, closed, found by each search; pages chained by X-Next-Cursor; a shutdown linked to
// its incident; every bad parameter a 400 naming it in English and Spanish.
import { apiForTheseTests } from './testing/api-harness.js';

describe('the archive and shutdown history over HTTP', () => {
  const api = apiForTheseTests();
  let incidentId: string;
  let closedAt: string;

  beforeAll(async () => {
    const reported = await api().request('POST', '/api/incidents', {
      as: 'officer.mx',
      body: {
        kind: 'hazmat-release',
        title: { es: 'Fuga de amoniaco en el patio fiscal' },
        severity: 'severe',
        material: { unNumber: '1005', name: 'Amoniaco anhidro' },
        location: { lat: 27.5, lon: -99.5, description: { es: 'Patio fiscal' } },
        primaryPortId: 'laredo-world-trade',
        affectedPortIds: ['laredo-colombia'],
      },
    });
    expect(reported.status).toBe(201);
    incidentId = reported.body.id as string;
    const shutdown = await api().request('POST', '/api/ports/laredo-colombia/shutdowns', {
      as: 'officer.us',
      body: { kind: 'hazmat-release', reason: { en: 'Ammonia plume' }, incidentId },
    });
    expect(shutdown.status).toBe(201);
    const closed = await api().request('POST', `/api/incidents/${incidentId}/closure`, {
      as: 'officer.mx',
      body: { summary: { es: 'Sin riesgo' } },
    });
    expect(closed.status).toBe(200);
    closedAt = closed.body.position as string;
  }, 30_000);

  it('reports the primary port first among the affected ones, and the incident says which it is', async () => {
    const incident = await api().request('GET', `/api/incidents/${incidentId}`, { as: 'officer.us' });
    expect(incident.body).toMatchObject({
      primaryPortId: 'laredo-world-trade',
      affectedPortIds: ['laredo-world-trade', 'laredo-colombia'],
    });
  });

  it('finds the closed incident by port, material, date and words, and not by others', async () => {
    const search = async (query: string) => {
      const answer = await api().request<{ incidentId: string }[]>(
        'GET',
        `/api/incidents/archive?after=${closedAt}&${query}`,
        { as: 'officer.us' },
      );
      expect(answer.status).toBe(200);
      return answer.body.map((item) => item.incidentId);
    };
    const today = new Date().toISOString().slice(0, 10);
    expect(await search('')).toEqual([incidentId]);
    expect(await search('port=laredo-colombia')).toEqual([incidentId]);
    expect(await search('port=otay-mesa')).toEqual([]);
    expect(await search('material=UN1005')).toEqual([incidentId]);
    expect(await search('material=amoniaco')).toEqual([incidentId]);
    expect(await search(`from=${today}&to=${today}`)).toEqual([incidentId]);
    expect(await search('to=2020-01-01')).toEqual([]);
    expect(await search(`q=${encodeURIComponent('AMONIACO patio')}`)).toEqual([incidentId]);
    expect(await search('q=cloro')).toEqual([]);
  });

  it("lists a port's shutdowns, each with its incident, paged with X-Next-Cursor", async () => {
    const first = await api().request<{ incidentId: string; reopenedAt: string | null }[]>(
      'GET',
      `/api/ports/laredo-colombia/shutdowns?after=${closedAt}&limit=1`,
      { as: 'officer.mx' },
    );
    expect(first.status).toBe(200);
    expect(first.body).toEqual([expect.objectContaining({ incidentId, reopenedAt: null, scope: 'partial' })]);
    expect(first.headers.get('x-next-cursor')).toBeNull();
    expect((await api().request('GET', '/api/ports/tecate/shutdowns', { as: 'officer.mx' })).body).toEqual([]);
    expect((await api().request('GET', '/api/ports/atlantis/shutdowns', { as: 'officer.mx' })).status).toBe(404);
  });

  it.each([
    ['port=Otay Mesa', 'port'],
    ['port=atlantis', 'port'],
    ['from=yesterday', 'from'],
    ['to=2026-13-45', 'to'],
    ['from=2026-05-02&to=2026-05-01', 'to'],
    [`q=${'x'.repeat(201)}`, 'q'],
    [`material=${encodeURIComponent('chlor\u202Eine')}`, 'material'],
    ['limit=0', 'limit'],
    ['cursor=%20', 'cursor'],
  ])('refuses %s with a 400 naming %s, in English and Spanish', async (query, field) => {
    const answer = await api().request('GET', `/api/incidents/archive?${query}`, { as: 'officer.us' });
    expect(answer.status).toBe(400);
    const fields = (answer.body.details as { fields: { field: string; message: { en: string; es: string } }[] }).fields;
    expect(fields.map((problem) => problem.field)).toEqual([field]);
    expect(fields[0]!.message.en).toContain(field);
    expect(fields[0]!.message.es).toContain(field);
    expect(fields[0]!.message.es).not.toBe(fields[0]!.message.en);
  });
});
