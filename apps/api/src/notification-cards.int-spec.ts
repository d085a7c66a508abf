import { collect } from '@enlace/event-store';
import { apiForTheseTests } from './testing/api-harness.js';

/**
 * What a notification card reads, through the api on real PostgreSQL: the issuing agency owes no acknowledgment, an
 * acknowledgment keeps the language it was read in, an agency without an account is acknowledged on its behalf (a
 * distinct event: who recorded it, how, when it happened and when it was recorded), edits carry If-Match, and bad
 * input is refused naming the field and the rule in both languages, appending nothing.
 */
const api = apiForTheseTests();
let notificationId = '';
let issuedAt = '';

interface Refusal {
  code: string;
  message: { en: string; es: string };
}

async function ok<Body = Record<string, unknown>>(method: string, path: string, as: string, body?: unknown) {
  const response = await api().request<Body>(method, path, { as, body: body ?? (method === 'GET' ? undefined : {}) });
  if (response.status >= 300) throw new Error(`${method} ${path}: ${response.status} ${JSON.stringify(response.body)}`);
  return response;
}

const stream = async () => collect(api().store.readStream(`notification-${notificationId}`));

async function refusedWithNothingAppended(as: string, path: string, body: unknown, status: number): Promise<Refusal> {
  const before = (await stream()).length;
  const response = await api().request<Refusal>('POST', path, { as, body });
  expect(response.status).toBe(status);
  expect(response.body.message.en.trim()).not.toBe('');
  expect(response.body.message.es.trim()).not.toBe('');
  expect(response.body.message.es).not.toBe(response.body.message.en);
  expect((await stream()).length).toBe(before);
  return response.body;
}

beforeAll(async () => {
  const issued = await ok<{ id: string }>('POST', '/api/notifications', 'officer.mx', {
    blmId: 'blm-laredo-nuevolaredo',
    subject: { portId: 'laredo-colombia' },
    title: { en: 'Rail bridge closed', es: 'Puente ferroviario cerrado' },
    body: { en: 'Chlorine car leaking.', es: 'Carro tanque de cloro con fuga.' },
    severity: 'severe',
    acknowledgmentDeadline: new Date(Date.now() + 30 * 60_000).toISOString(),
  });
  notificationId = issued.body.id;
  issuedAt = (await stream())[0]!.metadata.recordedAt;
}, 30_000);

describe('a notification card', () => {
  it('never lists the issuing agency (ANAM) as pending', async () => {
    const read = await ok<{ pending: { agency: string; side: string }[] }>(
      'GET',
      `/api/notifications/${notificationId}`,
      'officer.us',
    );
    expect(read.body.pending.map((r) => `${r.side}:${r.agency}`).sort()).toEqual([
      'MX:PC',
      'MX:SRE',
      'US:CBP',
      'US:DOS',
      'US:LOCAL-US',
    ]);
  });

  it('records the language the acknowledgment was read in, and refuses any but en and es', async () => {
    await refusedWithNothingAppended(
      'officer.us',
      `/api/notifications/${notificationId}/acknowledgments`,
      { readIn: 'fr' },
      400,
    );
    await ok('POST', `/api/notifications/${notificationId}/acknowledgments`, 'officer.us', { readIn: 'es' });
    const last = (await stream()).at(-1)!;
    expect(last.type).toBe('BlmNotificationAcknowledged');
    expect(last.data).toMatchObject({ agency: 'CBP', side: 'US', officer: 'officer.us', readIn: 'es' });
  });

  it('records an acknowledgment on behalf of SRE by phone, at the time it happened, apart from a self-acknowledgment', async () => {
    const acknowledgedAt = new Date(Date.parse(issuedAt) + 1_000).toISOString();
    const written = await ok<{ revision: number }>(
      'POST',
      `/api/notifications/${notificationId}/acknowledgments-on-behalf`,
      'officer.mx',
      { agency: 'SRE', side: 'MX', channel: 'phone', acknowledgedAt },
    );
    expect(written.status).toBe(201);
    const last = (await stream()).at(-1)!;
    expect(last.type).toBe('BlmNotificationAcknowledgedOnBehalf');
    expect(last.data).toEqual({
      notificationId,
      agency: 'SRE',
      side: 'MX',
      channel: 'phone',
      acknowledgedAt,
      recordedBy: { side: 'MX', agency: 'ANAM', officer: 'officer.mx' },
    });
    const read = await ok<{
      pending: { agency: string }[];
      acknowledgments: { agency: string; at: string; onBehalf?: { channel: string; recordedAt: string } }[];
    }>('GET', `/api/notifications/${notificationId}`, 'officer.mx');
    const sre = read.body.acknowledgments.find((ack) => ack.agency === 'SRE')!;
    expect(sre.at).toBe(acknowledgedAt);
    expect(sre.onBehalf).toMatchObject({ channel: 'phone', recordedAt: last.metadata.recordedAt });
    expect(read.body.acknowledgments.find((ack) => ack.agency === 'CBP')!.onBehalf).toBeUndefined();
    expect(read.body.pending.map((r) => r.agency)).not.toContain('SRE');
  });

  it('refuses, in both languages and appending nothing: a second time, the future, before the issue, the other side, bad fields', async () => {
    const path = `/api/notifications/${notificationId}/acknowledgments-on-behalf`;
    const now = Date.now();
    const again = await refusedWithNothingAppended(
      'officer.mx',
      path,
      { agency: 'SRE', side: 'MX', channel: 'radio', acknowledgedAt: new Date(now).toISOString() },
      422,
    );
    expect(again.code).toBe('NOTIFICATION.ALREADY_ACKNOWLEDGED');
    const future = await refusedWithNothingAppended(
      'officer.mx',
      path,
      { agency: 'PC', side: 'MX', channel: 'phone', acknowledgedAt: new Date(now + 3_600_000).toISOString() },
      422,
    );
    expect(future.code).toBe('NOTIFICATION.ACKNOWLEDGED_IN_FUTURE');
    const early = await refusedWithNothingAppended(
      'officer.mx',
      path,
      {
        agency: 'PC',
        side: 'MX',
        channel: 'phone',
        acknowledgedAt: new Date(Date.parse(issuedAt) - 60_000).toISOString(),
      },
      422,
    );
    expect(early.code).toBe('NOTIFICATION.ACKNOWLEDGED_BEFORE_ISSUED');
    const otherSide = await refusedWithNothingAppended(
      'officer.mx',
      path,
      { agency: 'DOS', side: 'US', channel: 'phone', acknowledgedAt: new Date(now).toISOString() },
      403,
    );
    expect(otherSide.code).toBe('AUTH.WRONG_SIDE');
    const bad = await refusedWithNothingAppended(
      'officer.mx',
      path,
      { agency: 'pc', side: 'MEX', channel: 'fax', acknowledgedAt: 'ayer' },
      400,
    );
    for (const field of ['agency', 'side', 'channel', 'acknowledgedAt']) {
      expect(bad.message.en).toContain(field);
      expect(bad.message.es).toContain(field);
    }
  });

  it('edits with If-Match: a stale revision is a 409, the current one saves; only the issuing side cancels', async () => {
    const current = await ok('GET', `/api/notifications/${notificationId}`, 'officer.mx');
    const revision = Number(current.headers.get('etag')!.replaceAll('"', ''));
    const stale = await api().request('PATCH', `/api/notifications/${notificationId}`, {
      as: 'officer.mx',
      body: { severity: 'extreme' },
      headers: { 'if-match': `"${revision - 1}"` },
    });
    expect(stale.status).toBe(409);
    const saved = await api().request<{ revision: number }>('PATCH', `/api/notifications/${notificationId}`, {
      as: 'officer.mx',
      body: {
        severity: 'extreme',
        title: { en: 'Rail bridge closed both ways', es: 'Puente cerrado en ambos sentidos' },
      },
      headers: { 'if-match': `"${revision}"` },
    });
    expect(saved.status).toBe(200);
    expect(saved.body.revision).toBe(revision + 1);
    const otherSide = await refusedWithNothingAppended(
      'officer.us',
      `/api/notifications/${notificationId}/cancellation`,
      { reason: { en: 'Wrong bridge' } },
      403,
    );
    expect(otherSide.code).toBe('AUTH.WRONG_SIDE');
    await ok('POST', `/api/notifications/${notificationId}/cancellation`, 'officer.mx', {
      reason: { es: 'Emitida por error', en: 'Issued in error' },
    });
    const read = await ok<{ status: string; severity: string; cancellation: { reason: { es: string } } }>(
      'GET',
      `/api/notifications/${notificationId}`,
      'officer.us',
    );
    expect(read.body).toMatchObject({ status: 'cancelled', severity: 'extreme' });
    expect(read.body.cancellation.reason.es).toBe('Emitida por error');
  });
});
