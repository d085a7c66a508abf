import { ApiHarness } from './testing/api-harness.js';

const valid = {
  kind: 'hazmat-release',
  title: { en: 'Chlorine leak' },
  severity: 'severe',
  location: { lat: 32.549, lon: -116.938, description: { en: 'Lot' } },
};

describe('probe', () => {
  let h: ApiHarness;
  beforeAll(async () => {
    h = await ApiHarness.start();
  });
  afterAll(async () => {
    await h.stop();
  });
  it('probes', async () => {
    const log = async (label: string, m: string, p: string, o: Parameters<ApiHarness['request']>[2]) => {
      const before = (await h.allEvents()).length;
      const r = await h.request(m, p, o);
      const after = (await h.allEvents()).length;
      console.log(label, r.status, JSON.stringify(r.body).slice(0, 700), 'events+', after - before);
      return r;
    };
    const inc = await log('valid', 'POST', '/api/incidents', { as: 'officer.us', body: valid });
    const id = (inc.body as { id: string }).id;
    await log('kinds', 'GET', '/api/reference/ports', { as: 'officer.us' });
    await log('location []', 'POST', '/api/incidents', { as: 'officer.us', body: { ...valid, location: [] } });
    await log('location [valid]', 'POST', '/api/incidents', {
      as: 'officer.us',
      body: { ...valid, location: [valid.location] },
    });
    await log('casualties []', 'POST', '/api/incidents', { as: 'officer.us', body: { ...valid, casualties: [] } });
    await log('top array', 'POST', '/api/incidents', { as: 'officer.us', rawBody: '[]' });
    await log('top array obj', 'POST', '/api/incidents', { as: 'officer.us', rawBody: JSON.stringify([valid]) });
    await log('malformed', 'POST', '/api/incidents', { as: 'officer.us', rawBody: '{bad' });
    await log('malformed2', 'POST', '/api/incidents', { as: 'officer.us', rawBody: '{"a":1,}' });
    await log('top num', 'POST', '/api/incidents', { as: 'officer.us', rawBody: '3' });
    await log('text/plain', 'POST', '/api/incidents', {
      as: 'officer.us',
      rawBody: 'hello',
      headers: { 'content-type': 'text/plain' },
    });
    await log('proto', 'POST', '/api/incidents', {
      as: 'officer.us',
      rawBody: JSON.stringify(valid).replace('{', '{"__proto__":{"x":1},'),
    });
    await log('constructor', 'POST', '/api/incidents', {
      as: 'officer.us',
      rawBody: JSON.stringify(valid).replace('{', '{"constructor":{"x":1},'),
    });
    await log('NUL', 'POST', '/api/incidents', { as: 'officer.us', body: { ...valid, title: { en: 'a\u0000b' } } });
    await log('NUL key', 'POST', '/api/incidents', {
      as: 'officer.us',
      body: { ...valid, title: { en: 'ab' }, 'a\u0000': 1 },
    });
    await log('lone surrogate', 'POST', '/api/incidents', {
      as: 'officer.us',
      rawBody: JSON.stringify(valid).replace('Chlorine', '\\ud800'),
    });
    await log('huge', 'POST', '/api/incidents', { as: 'officer.us', body: { ...valid, junk: 'x'.repeat(2_000_000) } });
    await log('deep', 'POST', '/api/incidents', {
      as: 'officer.us',
      rawBody: '{"a":' + '['.repeat(5000) + ']'.repeat(5000) + '}',
    });
    await log('deep obj', 'POST', '/api/incidents', {
      as: 'officer.us',
      rawBody: '{"location":'.repeat(3000) + '{}' + '}'.repeat(3000),
    });
    await log('observedAt weird', 'POST', '/api/incidents', {
      as: 'officer.us',
      body: { ...valid, observedAt: '2024-01-01T00:00:00.000+14:00' },
    });
    await log('patch empty', 'PATCH', `/api/incidents/${id}`, { as: 'officer.us', body: {} });
    await log('patch null title', 'PATCH', `/api/incidents/${id}`, { as: 'officer.us', body: { title: null } });
    await log('patch center', 'POST', `/api/incidents/${id}/protective-actions`, {
      as: 'officer.us',
      body: { kind: 'evacuation', center: [], radiusMeters: 3, instructions: { en: 'go' } },
    });
    await log('closure arr', 'POST', `/api/incidents/${id}/closure`, {
      as: 'officer.us',
      rawBody: '[{"summary":{"en":"x"}}]',
    });
    await log('translation', 'POST', `/api/incidents/${id}/translations`, {
      as: 'officer.us',
      body: { field: 'situationReport:------------------------------------', language: 'es', text: 'x' },
    });
    await log('if-match huge', 'PATCH', `/api/incidents/${id}`, {
      as: 'officer.us',
      body: { severity: 'minor' },
      headers: { 'if-match': '999999999999999' },
    });
    await log('ifmatch list', 'PATCH', `/api/incidents/${id}`, {
      as: 'officer.us',
      body: { severity: 'minor' },
      headers: { 'if-match': '"1", "2"' },
    });
    await log('if-match *', 'PATCH', `/api/incidents/${id}`, {
      as: 'officer.us',
      body: { severity: 'minor' },
      headers: { 'if-match': '*' },
    });
    await log('bad port id', 'POST', '/api/ports/%E0%A4%A/shutdowns', { as: 'officer.us', body: {} });
    await log('bad uuid pct', 'PATCH', '/api/incidents/%ZZ', { as: 'officer.us', body: {} });
    await log('notif', 'POST', '/api/notifications', {
      as: 'officer.us',
      body: {
        blmId: 'blm-sandiego-tijuana',
        subject: [],
        title: { en: 'x' },
        body: { es: 'y' },
        severity: 'minor',
        acknowledgmentDeadline: '2099-01-01T00:00:00Z',
      },
    });
    await log('notif subj str', 'POST', '/api/notifications', {
      as: 'officer.us',
      body: {
        blmId: 'blm-sandiego-tijuana',
        subject: 'abc',
        title: { en: 'x' },
        body: { es: 'y' },
        severity: 'minor',
        acknowledgmentDeadline: '2099-01-01T00:00:00Z',
      },
    });
    await log('notif deadline far', 'POST', '/api/notifications', {
      as: 'officer.us',
      body: {
        blmId: 'blm-sandiego-tijuana',
        subject: {},
        title: { en: 'x' },
        body: { es: 'y' },
        severity: 'minor',
        acknowledgmentDeadline: '9999-12-31T23:59:59Z',
      },
    });
    await log('content-encoding', 'POST', '/api/incidents', {
      as: 'officer.us',
      rawBody: JSON.stringify(valid),
      headers: { 'content-encoding': 'gzip' },
    });
    await log('charset', 'POST', '/api/incidents', {
      as: 'officer.us',
      rawBody: JSON.stringify(valid),
      headers: { 'content-type': 'application/json; charset=latin-9000' },
    });
    await log('corr', 'POST', '/api/incidents', {
      as: 'officer.us',
      body: valid,
      headers: { 'x-correlation-id': 'bad id' },
    });
    await log('idem unicode', 'POST', '/api/incidents', {
      as: 'officer.us',
      body: valid,
      headers: { 'idempotency-key': '' },
    });
    await log('auth weird', 'POST', '/api/incidents', { body: valid, headers: { authorization: 'Bearer  x' } });
    await log('auth alg none', 'POST', '/api/incidents', {
      body: valid,
      headers: { authorization: 'Bearer eyJhbGciOiJub25lIiwidHlwIjoiSldUIn0.eyJzdWIiOiJ4In0.' },
    });
  });
});
