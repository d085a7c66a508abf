import { decodeOrThrow } from '@enlace/consumers';
import { collect } from '@enlace/event-store';
import { IncidentBoardProjection, PortStatusProjection } from '@enlace/projections';
import { loadReferenceCatalog } from '@enlace/reference-data';
import { apiForTheseTests } from './testing/api-harness.js';

/**
 * As of and diff on real PostgreSQL through the api: an incident and its port's shutdown worked to the reopening;
 * the state as of any position is the fold of that stream's events up to it (checked at every position), a port reads
 * closed between its shutdown and its reopening and open after, a diff names what changed and the events that did it,
 * and bad moments, aggregates and roles are refused naming the field or the rule.
 */
const api = apiForTheseTests();
const reference = loadReferenceCatalog('./config');
const PORT = 'otay-mesa';
let incidentId = '';
let notificationId = '';

async function ok<Body = Record<string, unknown>>(method: string, path: string, as: string, body?: unknown) {
  const response = await api().request<Body>(method, path, { as, body: body ?? (method === 'GET' ? undefined : {}) });
  if (response.status >= 300) throw new Error(`${method} ${path}: ${response.status} ${JSON.stringify(response.body)}`);
  return response.body;
}

const streamOf = async (streamId: string) => collect(api().store.readStream(streamId));

beforeAll(async () => {
  incidentId = (
    await ok<{ id: string }>('POST', '/api/incidents', 'officer.us', {
      kind: 'hazmat-release',
      title: { en: 'Chlorine release at the commercial lot', es: 'Fuga de cloro en el patio comercial' },
      severity: 'severe',
      location: { lat: 32.549, lon: -116.938, description: { en: 'Dock 4' } },
      affectedPortIds: [PORT],
    })
  ).id;
  await ok('POST', `/api/incidents/${incidentId}/national-center-notifications`, 'officer.us');
  await ok('POST', `/api/ports/${PORT}/shutdowns`, 'officer.us', {
    kind: 'hazmat-release',
    lanes: ['commercial:northbound'],
    reason: { en: 'Chlorine release', es: 'Fuga de cloro' },
    incidentId,
  });
  notificationId = (
    await ok<{ id: string }>('POST', '/api/notifications', 'officer.us', {
      blmId: 'blm-sandiego-tijuana',
      subject: { incidentId, portId: PORT },
      title: { en: 'Otay Mesa commercial lanes closed', es: 'Carriles comerciales de Otay Mesa cerrados' },
      body: { en: 'Closed northbound.', es: 'Cerrados hacia el norte.' },
      severity: 'severe',
      acknowledgmentDeadline: new Date(Date.now() + 30 * 60_000).toISOString(),
    })
  ).id;
  await ok('POST', `/api/notifications/${notificationId}/acknowledgments`, 'officer.mx', { readIn: 'es' });
  await ok('POST', `/api/incidents/${incidentId}/situation-reports`, 'officer.mx', {
    summary: { es: 'Fuga contenida', en: 'Release contained' },
  });
  const checklist = await ok<{ items: { id: string; owner: string; critical: boolean }[] }>(
    'GET',
    `/api/ports/${PORT}/checklist`,
    'officer.us',
  );
  for (const item of checklist.items) {
    const user = item.owner === 'MX' ? 'officer.mx' : 'officer.us';
    if (item.critical) await ok('POST', `/api/ports/${PORT}/checklist/${item.id}/completion`, user);
    else {
      await ok('POST', `/api/ports/${PORT}/checklist/${item.id}/waiver`, user, {
        reason: { en: 'Handled by the port office', es: 'Lo atiende la oficina del puerto' },
      });
    }
  }
  await ok('POST', `/api/ports/${PORT}/sign-offs`, 'officer.us', { side: 'US' });
  await ok('POST', `/api/ports/${PORT}/sign-offs`, 'officer.mx', { side: 'MX' });
  await ok('POST', `/api/ports/${PORT}/reopenings`, 'officer.us');
}, 60_000);

describe('as of a moment', () => {
  it('an incident as of every position of its stream is the fold of its events up to it', async () => {
    const events = await streamOf(`incident-${incidentId}`);
    expect(events.length).toBeGreaterThanOrEqual(3);
    for (const [index, event] of events.entries()) {
      const view = await ok<{ state: unknown; lastEvent: { position: string }; around: { before: unknown[] } }>(
        'GET',
        `/api/audit/as-of/incident/${incidentId}?at=${event.position}`,
        'auditor',
      );
      const board = new IncidentBoardProjection();
      for (const folded of events.slice(0, index + 1)) board.apply(decodeOrThrow(folded));
      expect(view.state).toEqual(JSON.parse(JSON.stringify(board.detail(incidentId))));
      expect(view.lastEvent.position).toBe(event.position);
    }
  });

  it('a port reads closed between its shutdown and its reopening, and open after, at positions and at instants', async () => {
    const events = await streamOf(`port-${PORT}`);
    const declared = events.find((event) => event.type === 'PortShutdownDeclared')!;
    const reopened = events.find((event) => event.type === 'PortReopened')!;
    const middle = events[Math.floor(events.length / 2)]!;
    const status = async (at: string) =>
      (
        await ok<{ state: { status: string } }>(
          'GET',
          `/api/audit/as-of/port/${PORT}?at=${encodeURIComponent(at)}`,
          'officer.mx',
        )
      ).state.status;
    expect(await status(declared.position)).toBe('partially-closed');
    expect(await status(middle.position)).toBe('partially-closed');
    expect(await status(reopened.position)).toBe('open');
    // An instant with its offset (Tijuana's), a millisecond before the reopening was recorded.
    const justBefore = new Date(Date.parse(reopened.metadata.recordedAt) - 1);
    expect(await status(toOffset(justBefore, -8 * 60))).toBe('partially-closed');
    // Every position again against the fold of the prefix.
    for (const [index, event] of events.entries()) {
      const ports = new PortStatusProjection(reference);
      for (const folded of events.slice(0, index + 1)) ports.apply(decodeOrThrow(folded));
      const view = await ok<{ state: unknown }>('GET', `/api/audit/as-of/port/${PORT}?at=${event.position}`, 'auditor');
      expect(view.state).toEqual(JSON.parse(JSON.stringify(ports.port(PORT))));
    }
  }, 60_000);

  it('a diff names what changed between two moments and the events that changed it', async () => {
    const events = await streamOf(`port-${PORT}`);
    const declared = events.find((event) => event.type === 'PortShutdownDeclared')!;
    const reopened = events.find((event) => event.type === 'PortReopened')!;
    const diff = await ok<{
      changes: { path: string; before: unknown; after: unknown }[];
      events: { position: string }[];
    }>('GET', `/api/audit/diff/port/${PORT}?from=${declared.position}&to=${reopened.position}`, 'auditor');
    expect(diff.changes).toContainEqual({ path: 'status', before: 'partially-closed', after: 'open' });
    expect(diff.events.map((event) => event.position)).toEqual(
      events
        .filter((event) => event.position > declared.position && event.position <= reopened.position)
        .map((e) => e.position),
    );
    const notification = await ok<{ changes: { path: string }[] }>(
      'GET',
      `/api/audit/diff/notification/${notificationId}?from=${(await streamOf(`notification-${notificationId}`))[0]!.position}&to=${new Date().toISOString()}`,
      'auditor',
    );
    expect(notification.changes.some((change) => change.path.startsWith('acknowledgments'))).toBe(true);
  });

  it('shows the board as it stood: the incident and the port closed in the middle, nothing before the report', async () => {
    const incident = await streamOf(`incident-${incidentId}`);
    const port = await streamOf(`port-${PORT}`);
    const declared = port.find((event) => event.type === 'PortShutdownDeclared')!;
    const reopened = port.find((event) => event.type === 'PortReopened')!;
    const board = async (at: string) =>
      ok<{ incidents: { incidentId: string }[]; ports: { id: string; status: string }[] }>(
        'GET',
        `/api/audit/as-of/board?at=${encodeURIComponent(at)}`,
        'auditor',
      );
    const before = await board(new Date(Date.parse(incident[0]!.metadata.recordedAt) - 1).toISOString());
    expect(before.incidents.map((entry) => entry.incidentId)).not.toContain(incidentId);
    expect(before.ports.find((entry) => entry.id === PORT)!.status).toBe('open');
    const during = await board(declared.metadata.recordedAt);
    expect(during.incidents.map((entry) => entry.incidentId)).toContain(incidentId);
    expect(during.ports.find((entry) => entry.id === PORT)!.status).toBe('partially-closed');
    const after = await board(reopened.metadata.recordedAt);
    expect(after.ports.find((entry) => entry.id === PORT)!.status).toBe('open');
    // Every port of the reference data is on it.
    expect(after.ports).toHaveLength(reference.ports().length);
    const refused = await api().request<{ details: { fields: { field: string; rule: string }[] } }>(
      'GET',
      `/api/audit/as-of/board?at=${declared.position}`,
      { as: 'auditor' },
    );
    expect(refused.body.details.fields).toMatchObject([{ field: 'at', rule: 'instant' }]);
  });

  it('refuses bad moments, aggregates and ids naming the field, an unknown incident with 404, and officers on notifications', async () => {
    const field = async (path: string) => {
      const response = await api().request<{ details: { fields: { field: string; rule: string }[] } }>('GET', path, {
        as: 'auditor',
      });
      expect(response.status).toBe(400);
      return response.body.details.fields.map((problem) => `${problem.field}:${problem.rule}`);
    };
    expect(await field(`/api/audit/as-of/incident/${incidentId}?at=yesterday`)).toEqual(['at:moment']);
    expect(await field(`/api/audit/as-of/incident/${incidentId}`)).toEqual(['at:required']);
    expect(await field(`/api/audit/as-of/ships/${incidentId}?at=2026-12-06T10:00:00Z`)).toEqual(['aggregate:isIn']);
    expect(await field(`/api/audit/as-of/incident/${'x'.repeat(200)}?at=2026-12-06T10:00:00Z`)).toEqual(['id:format']);
    expect(await field(`/api/audit/diff/port/${PORT}?from=2026-12-06T10:00:00Z&to=2026-12-06T09:00:00Z`)).toEqual([
      'to:after-from',
    ]);
    const unknown = await api().request<{ code: string }>(
      'GET',
      '/api/audit/as-of/incident/00000000-0000-4000-8000-000000000000?at=2026-12-06T10:00:00Z',
      { as: 'auditor' },
    );
    expect([unknown.status, unknown.body.code]).toEqual([404, 'AUDIT.UNKNOWN_AGGREGATE']);
    const officer = await api().request<{ code: string }>(
      'GET',
      `/api/audit/as-of/notification/${notificationId}?at=2026-12-06T10:00:00Z`,
      { as: 'officer.us' },
    );
    expect([officer.status, officer.body.code]).toEqual([403, 'AUDIT.OFFICER_SCOPE']);
    expect(
      (await api().request('GET', `/api/audit/as-of/incident/${incidentId}?at=2026-12-06T10:00:00Z`, { as: 'planner' }))
        .status,
    ).toBe(403);
  });
});

/** An instant written with a fixed UTC offset (minutes), as a user in that zone would type it. */
function toOffset(instant: Date, offsetMinutes: number): string {
  const local = new Date(instant.getTime() + offsetMinutes * 60_000).toISOString().slice(0, 23);
  const sign = offsetMinutes < 0 ? '-' : '+';
  const abs = Math.abs(offsetMinutes);
  return `${local}${sign}${String(Math.floor(abs / 60)).padStart(2, '0')}:${String(abs % 60).padStart(2, '0')}`;
}
