import { collect } from '@enlace/event-store';
import { decodeOrThrow } from '@enlace/consumers';
import { ReadModels } from '@enlace/projections';
import { loadReferenceCatalog } from '@enlace/reference-data';
import { apiForTheseTests } from './testing/api-harness.js';

/**
 * The whole binational workflow through HTTP on the real PostgreSQL store: a chlorine release near Otay Mesa, a
 * partial shutdown that Mexico joins with its own lane, the BLM notified and acknowledged by both sides, the
 * resumption checklist worked, both sides signing off, a phased reopening (each side its own lanes), the JRT stood
 * down by both and the incident closed — checking the events actually stored at each step.
 */
const api = apiForTheseTests();

interface Checklist {
  items: {
    id: string;
    owner: 'US' | 'MX' | 'JOINT';
    critical: boolean;
    status: string;
    text: { en: string; es: string };
  }[];
  blockers: { openCriticalItems: { id: string }[]; missingSignOffs: string[] };
}

async function types(streamId: string): Promise<string[]> {
  return (await api().streamEvents(streamId)).map((event) => event.type);
}

describe('a chlorine release near Otay Mesa, end to end', () => {
  let incidentId: string;
  let notificationId: string;
  const portStream = 'port-otay-mesa';

  it('a U.S. officer reports the release; the actor comes from the token', async () => {
    const response = await api().request('POST', '/api/incidents', {
      as: 'officer.us',
      body: {
        kind: 'hazmat-release',
        title: { en: 'Chlorine release at the Otay Mesa commercial lot' },
        severity: 'severe',
        material: { unNumber: '1017', name: 'Chlorine' },
        quantity: { amount: 900, unit: 'kg' },
        location: { lat: 32.5495, lon: -116.9385, description: { en: 'Commercial inspection lot, dock 4' } },
        affectedPortIds: ['otay-mesa'],
        sisterCityPlanId: 'scp-sandiego-tijuana',
        casualties: { injured: 2, fatalities: 0 },
      },
    });
    expect(response.status).toBe(201);
    expect(response.headers.get('etag')).toBe('"0"');
    incidentId = response.body.id as string;
    expect(response.headers.get('location')).toBe(`/api/incidents/${incidentId}`);

    const [reported] = await api().streamEvents(`incident-${incidentId}`);
    expect(reported).toMatchObject({
      type: 'IncidentReported',
      revision: 0,
      data: {
        incidentId,
        material: { unNumber: '1017', name: 'Chlorine', hazardClass: '2.3', ergGuide: '124', toxicByInhalation: true },
        reportedBy: { side: 'US', agency: 'CBP' },
        affectedPortIds: ['otay-mesa'],
      },
      metadata: { actor: 'officer.us', agency: 'CBP', country: 'US', role: 'officer', mode: 'actual' },
    });

    const incident = await api().request('GET', `/api/incidents/${incidentId}`, { as: 'officer.mx' });
    expect(incident.status).toBe(200);
    expect(incident.body.missingTranslations).toEqual(['title:es', 'location.description:es']);
  });

  it('both sides record the Joint Contingency Plan notifications and the JRT is activated', async () => {
    const steps: [string, string][] = [
      ['officer.us', 'national-center-notifications'],
      ['officer.us', 'counterpart-center-notifications'],
      ['officer.mx', 'national-center-notifications'],
    ];
    for (const [user, path] of steps) {
      const response = await api().request('POST', `/api/incidents/${incidentId}/${path}`, { as: user, body: {} });
      expect(response.status).toBe(201);
    }
    expect(
      (await api().request('POST', `/api/incidents/${incidentId}/joint-response-team/activation`, { as: 'officer.mx' }))
        .status,
    ).toBe(200);
    expect(
      (
        await api().request('POST', `/api/incidents/${incidentId}/translations`, {
          as: 'officer.mx',
          body: { field: 'title', language: 'es', text: 'Fuga de cloro en el patio comercial de Otay Mesa' },
        })
      ).status,
    ).toBe(201);

    const events = await api().streamEvents(`incident-${incidentId}`);
    expect(events.slice(1).map((event) => [event.type, event.data])).toEqual([
      ['NationalCenterNotified', { incidentId, side: 'US', center: 'NRC' }],
      ['CounterpartCenterNotified', { incidentId, side: 'US', center: 'CENACOM' }],
      ['NationalCenterNotified', { incidentId, side: 'MX', center: 'CENACOM' }],
      ['JointResponseTeamActivated', { incidentId }],
      [
        'IncidentTextTranslated',
        { incidentId, field: 'title', language: 'es', text: 'Fuga de cloro en el patio comercial de Otay Mesa' },
      ],
    ]);
    expect(events[3]!.metadata).toMatchObject({ actor: 'officer.mx', agency: 'ANAM', country: 'MX' });
  });

  it('the U.S. officer closes its commercial lanes, starting the hazmat checklist; Mexico joins with its own', async () => {
    const response = await api().request('POST', '/api/ports/otay-mesa/shutdowns', {
      as: 'officer.us',
      body: {
        kind: 'hazmat-release',
        lanes: ['commercial:northbound', 'fast:northbound'],
        reason: { en: 'Chlorine release in the commercial lot', es: 'Fuga de cloro en el patio comercial' },
        incidentId,
      },
    });
    expect(response.status).toBe(201);
    const joined = await api().request('POST', '/api/ports/otay-mesa/joinings', {
      as: 'officer.mx',
      body: { lanes: ['commercial:southbound'], reason: { es: 'Fuga de cloro en el patio comercial' } },
    });
    expect(joined.status).toBe(201);
    const [declared, join] = await api().streamEvents(portStream);
    expect(declared).toMatchObject({
      type: 'PortShutdownDeclared',
      data: {
        portId: 'otay-mesa',
        kind: 'hazmat-release',
        scope: 'partial',
        lanes: ['commercial:northbound', 'fast:northbound'],
        incidentId,
        declaredBy: { side: 'US', agency: 'CBP' },
        checklist: { templateId: 'hazmat-release', templateVersion: 1 },
      },
    });
    expect(join).toMatchObject({
      type: 'PortShutdownJoined',
      data: {
        side: 'MX',
        agency: 'ANAM',
        lanes: ['commercial:southbound'],
        closedLanes: ['commercial:northbound', 'commercial:southbound', 'fast:northbound'],
        scope: 'partial',
      },
      metadata: { actor: 'officer.mx', country: 'MX' },
    });
    const port = await api().request<{ status: string; laneStatus: { id: string; status: string }[] }>(
      'GET',
      '/api/ports/otay-mesa',
      {
        as: 'officer.mx',
      },
    );
    expect(port.body.status).toBe('partially-closed');
    expect(port.body.laneStatus.find((lane) => lane.id === 'passenger:northbound')!.status).toBe('open');
    expect(port.body.laneStatus.find((lane) => lane.id === 'commercial:southbound')!.status).toBe('closed');
  });

  it('the BLM is notified and every member agency must acknowledge; both officers acknowledge', async () => {
    const deadline = new Date(Date.now() + 30 * 60_000).toISOString();
    const issued = await api().request('POST', '/api/notifications', {
      as: 'officer.us',
      body: {
        blmId: 'blm-sandiego-tijuana',
        subject: { incidentId, portId: 'otay-mesa' },
        title: {
          en: 'Otay Mesa commercial lanes closed: chlorine release',
          es: 'Carriles comerciales de Otay Mesa cerrados: fuga de cloro',
        },
        body: {
          en: 'Commercial lanes closed in both directions.',
          es: 'Carriles comerciales cerrados en ambos sentidos.',
        },
        severity: 'severe',
        acknowledgmentDeadline: deadline,
      },
    });
    expect(issued.status).toBe(201);
    notificationId = issued.body.id as string;

    for (const user of ['officer.us', 'officer.mx']) {
      const ack = await api().request('POST', `/api/notifications/${notificationId}/acknowledgments`, {
        as: user,
        body: { readIn: user === 'officer.mx' ? 'es' : 'en' },
      });
      expect(ack.status).toBe(201);
    }
    const notification = await api().request<{
      pending: { agency: string }[];
      acknowledgments: { agency: string; readIn: string }[];
    }>('GET', `/api/notifications/${notificationId}`, { as: 'officer.us' });
    expect(notification.body.acknowledgments.map((ack) => [ack.agency, ack.readIn])).toEqual([
      ['CBP', 'en'],
      ['ANAM', 'es'],
    ]);
    expect(notification.body.pending.map((recipient) => recipient.agency).sort()).toEqual([
      'DOS',
      'LOCAL-US',
      'PC',
      'SRE',
    ]);
    expect(await types(`notification-${notificationId}`)).toEqual([
      'BlmNotificationIssued',
      'BlmNotificationAcknowledged',
      'BlmNotificationAcknowledged',
    ]);
  });

  it('each side works its own checklist items; a full reopening is refused until both sign off', async () => {
    const checklist = (await api().request<Checklist>('GET', '/api/ports/otay-mesa/checklist', { as: 'officer.us' }))
      .body;
    expect(checklist.items.length).toBeGreaterThan(5);
    for (const item of checklist.items) {
      const user = item.owner === 'MX' ? 'officer.mx' : 'officer.us';
      const response = item.critical
        ? await api().request('POST', `/api/ports/otay-mesa/checklist/${item.id}/completion`, { as: user, body: {} })
        : await api().request('POST', `/api/ports/otay-mesa/checklist/${item.id}/waiver`, {
            as: user,
            body: {
              reason: {
                en: 'Handled by the port public affairs office',
                es: 'Lo atiende la oficina de comunicación del puerto',
              },
            },
          });
      expect(response.status).toBe(201);
    }
    const worked = await api().streamEvents(portStream);
    expect(worked.filter((event) => event.type === 'ChecklistItemCompleted')).toHaveLength(
      checklist.items.filter((item) => item.critical).length,
    );
    expect(worked.filter((event) => event.type === 'ChecklistItemWaived').every((event) => event.metadata.actor)).toBe(
      true,
    );

    const before = (await api().streamEvents(portStream)).length;
    const blocked = await api().request('POST', '/api/ports/otay-mesa/reopenings', { as: 'officer.us', body: {} });
    expect(blocked.status).toBe(422);
    expect(blocked.body).toMatchObject({
      code: 'PORT.REOPENING_BLOCKED',
      details: { openCriticalItems: [], missingSignOffs: ['US', 'MX'] },
    });
    expect((blocked.body.message as { es: string }).es).toContain('falta la firma de: US, MX');
    expect(await api().streamEvents(portStream)).toHaveLength(before);

    expect(
      (await api().request('POST', '/api/ports/otay-mesa/sign-offs', { as: 'officer.us', body: { side: 'US' } }))
        .status,
    ).toBe(201);
    expect(
      (await api().request('POST', '/api/ports/otay-mesa/sign-offs', { as: 'officer.mx', body: { side: 'MX' } }))
        .status,
    ).toBe(201);
  });

  it('the port reopens in phases, each side its own lanes: FAST first, then the commercial lanes', async () => {
    const wrongSide = await api().request('POST', '/api/ports/otay-mesa/reopenings', {
      as: 'officer.mx',
      body: { lanes: ['fast:northbound'] },
    });
    expect(wrongSide.status).toBe(403);
    expect(wrongSide.body).toMatchObject({
      code: 'AUTH.WRONG_SIDE',
      details: { lanes: ['fast:northbound'], owner: 'US' },
    });
    const phase1 = await api().request('POST', '/api/ports/otay-mesa/reopenings', {
      as: 'officer.us',
      body: { lanes: ['fast:northbound'] },
    });
    expect(phase1.status).toBe(200);
    const phase2 = await api().request('POST', '/api/ports/otay-mesa/reopenings', { as: 'officer.mx', body: {} });
    expect(phase2.status).toBe(200);
    const phase3 = await api().request('POST', '/api/ports/otay-mesa/reopenings', { as: 'officer.us', body: {} });
    expect(phase3.status).toBe(200);

    const tail = (await api().streamEvents(portStream)).slice(-4);
    expect(tail.map((event) => [event.type, event.data])).toEqual([
      [
        'PortLanesReopened',
        expect.objectContaining({
          phase: 1,
          lanes: ['fast:northbound'],
          stillClosed: ['commercial:northbound', 'commercial:southbound'],
        }),
      ],
      [
        'PortLanesReopened',
        expect.objectContaining({ phase: 2, lanes: ['commercial:southbound'], stillClosed: ['commercial:northbound'] }),
      ],
      ['PortLanesReopened', expect.objectContaining({ phase: 3, lanes: ['commercial:northbound'], stillClosed: [] })],
      ['PortReopened', expect.objectContaining({ portId: 'otay-mesa' })],
    ]);
    const port = await api().request('GET', '/api/ports/otay-mesa', { as: 'auditor' });
    expect(port.body).toMatchObject({ status: 'open', activeShutdown: null });
  });

  it('both sides stand the JRT down and the incident is closed; the whole record verifies', async () => {
    for (const user of ['officer.us', 'officer.mx']) {
      const standDown = await api().request('POST', `/api/incidents/${incidentId}/joint-response-team/deactivation`, {
        as: user,
      });
      expect(standDown.status).toBe(200);
    }
    const closed = await api().request('POST', `/api/incidents/${incidentId}/closure`, {
      as: 'officer.mx',
      body: { summary: { es: 'Fuga controlada; puerto reabierto', en: 'Release contained; port reopened' } },
    });
    expect(closed.status).toBe(200);
    expect((await types(`incident-${incidentId}`)).slice(-4)).toEqual([
      'JointResponseTeamStandDownAgreed',
      'JointResponseTeamStandDownAgreed',
      'JointResponseTeamDeactivated',
      'IncidentClosed',
    ]);

    const again = await api().request('POST', `/api/incidents/${incidentId}/closure`, {
      as: 'officer.us',
      body: { summary: { en: 'again' } },
    });
    expect(again.status).toBe(422);
    expect(again.body).toMatchObject({ code: 'INCIDENT.CLOSED' });

    expect(await api().store.verify()).toMatchObject({ ok: true, breaks: [] });
    const open = await api().request<unknown[]>('GET', '/api/incidents', { as: 'auditor' });
    expect(open.body).toEqual([]);
    const closedBoard = await api().request<{ incidentId: string }[]>('GET', '/api/incidents?status=closed', {
      as: 'auditor',
    });
    expect(closedBoard.body.map((entry) => entry.incidentId)).toContain(incidentId);
  });
});

describe('live read models', () => {
  it('each projection rebuilt from zero reaches exactly the live state', async () => {
    const head = await api().store.headPosition();
    expect(await api().projections.waitFor(head!, 5_000)).toBe(true);
    const live = api().projections.models;
    const rebuilt = new ReadModels(loadReferenceCatalog('./config'));
    for (const event of await collect(api().store.readAll())) rebuilt.apply(decodeOrThrow(event));
    expect(rebuilt.position).toBe(live.position);
    for (const projection of live.projections) {
      const twin = rebuilt.projections.find((candidate) => candidate.name === projection.name)!;
      expect({ [projection.name]: twin.toJSON() }).toEqual({ [projection.name]: projection.toJSON() });
    }
    expect(Object.keys(live.incidents.toJSON()).length).toBeGreaterThan(0);
  });

  it('answers the board, timeline and tracker queries from the read models', async () => {
    const written = await api().request('POST', '/api/incidents', {
      as: 'officer.us',
      body: {
        kind: 'flood',
        title: { en: 'Flooded approach road' },
        severity: 'minor',
        location: { lat: 26.1, lon: -98.26, description: { en: 'Southbound approach' } },
        affectedPortIds: ['hidalgo'],
      },
    });
    const after = written.body.position as string;
    const board = await api().request<{ incidentId: string; missingTranslations: string[] }[]>(
      'GET',
      `/api/incidents?after=${after}`,
      {
        as: 'auditor',
      },
    );
    expect(board.status).toBe(200);
    const line = board.body.find((entry) => entry.incidentId === written.body.id);
    expect(line).toMatchObject({ missingTranslations: ['title:es', 'location.description:es'] });
    const timeline = await api().request<
      { type: string; actor: string; side: string; summary: { en: string; es: string } }[]
    >('GET', `/api/incidents/${written.body.id as string}/timeline?after=${after}`, { as: 'auditor' });
    expect(timeline.body).toEqual([
      expect.objectContaining({
        type: 'IncidentReported',
        actor: 'officer.us',
        side: 'US',
        summary: {
          en: 'Incident reported: Flooded approach road (severity minor)',
          es: 'Incidente reportado: Flooded approach road (severidad menor)',
        },
      }),
    ]);
    const bad = await api().request('GET', '/api/incidents?after=yesterday', { as: 'auditor' });
    expect(bad.status).toBe(400);
  });
});

describe('retries and concurrent edits', () => {
  const report = {
    kind: 'fire',
    title: { es: 'Incendio en la garita' },
    severity: 'moderate',
    location: { lat: 31.33, lon: -110.94, description: { es: 'Estacionamiento norte' } },
    affectedPortIds: ['nogales-deconcini'],
  };

  it('a retried request with the same Idempotency-Key returns the first answer and appends nothing', async () => {
    const first = await api().request('POST', '/api/incidents', {
      as: 'officer.mx',
      body: report,
      headers: { 'Idempotency-Key': 'mx-fire-1' },
    });
    expect(first.status).toBe(201);
    const count = (await api().allEvents()).length;
    const retry = await api().request('POST', '/api/incidents', {
      as: 'officer.mx',
      body: report,
      headers: { 'Idempotency-Key': 'mx-fire-1' },
    });
    // The same status as the first answer (and where it can be read), marked as a replay.
    expect(retry.status).toBe(201);
    expect(retry.headers.get('location')).toBe(first.headers.get('location'));
    expect(retry.headers.get('idempotent-replayed')).toBe('true');
    expect(retry.body).toMatchObject({
      id: first.body.id,
      revision: 0,
      events: first.body.events,
      created: { type: 'incident', id: first.body.id },
      replayed: true,
    });
    expect(await api().allEvents()).toHaveLength(count);

    const sitrep = { summary: { es: 'Fuego controlado al 50 %' } };
    const path = `/api/incidents/${first.body.id as string}/situation-reports`;
    const once = await api().request('POST', path, {
      as: 'officer.mx',
      body: sitrep,
      headers: { 'Idempotency-Key': 'sitrep-1' },
    });
    const twice = await api().request('POST', path, {
      as: 'officer.mx',
      body: sitrep,
      headers: { 'Idempotency-Key': 'sitrep-1' },
    });
    expect(twice.body).toMatchObject({ revision: once.body.revision, replayed: true });
    expect((await api().streamEvents(`incident-${first.body.id as string}`)).map((event) => event.type)).toEqual([
      'IncidentReported',
      'SituationReportFiled',
    ]);
  });

  it('a write with a stale If-Match is refused with 409 and the current revision', async () => {
    const created = await api().request('POST', '/api/incidents', { as: 'officer.mx', body: report });
    const id = created.body.id as string;
    const update = (severity: string, ifMatch: string) =>
      api().request('PATCH', `/api/incidents/${id}`, {
        as: 'officer.us',
        body: { severity },
        headers: { 'If-Match': ifMatch },
      });
    expect((await update('severe', '"0"')).status).toBe(200);
    const stale = await update('extreme', '"0"');
    expect(stale.status).toBe(409);
    expect(stale.body).toMatchObject({
      code: 'REVISION_CONFLICT',
      details: { currentRevision: 1, expectedRevision: 0 },
    });
    expect(stale.headers.get('etag')).toBe('"1"');
    expect(await api().streamEvents(`incident-${id}`)).toHaveLength(2);
  });

  it('concurrent sign-offs and acknowledgments without If-Match are all applied exactly once', async () => {
    await api().request('POST', '/api/ports/san-ysidro/shutdowns', {
      as: 'officer.mx',
      body: { kind: 'security-threat', reason: { es: 'Amenaza de bomba' } },
    });
    // A side signs off once its own critical items are resolved.
    const checklist = await api().request<Checklist>('GET', '/api/ports/san-ysidro/checklist', { as: 'auditor' });
    for (const item of checklist.body.items.filter((candidate) => candidate.critical && candidate.owner !== 'JOINT')) {
      const response = await api().request('POST', `/api/ports/san-ysidro/checklist/${item.id}/completion`, {
        as: item.owner === 'US' ? 'officer.us' : 'officer.mx',
        body: {},
      });
      expect(response.status).toBe(201);
    }
    const results = await Promise.all([
      api().request('POST', '/api/ports/san-ysidro/sign-offs', { as: 'officer.us', body: { side: 'US' } }),
      api().request('POST', '/api/ports/san-ysidro/sign-offs', { as: 'officer.mx', body: { side: 'MX' } }),
      api().request('POST', '/api/ports/san-ysidro/sign-offs', { as: 'officer.us', body: { side: 'US' } }),
    ]);
    expect(results.map((result) => result.status).sort()).toEqual([201, 201, 422]);
    const signOffs = (await api().streamEvents('port-san-ysidro')).filter(
      (event) => event.type === 'ResumptionSignedOff',
    );
    expect(signOffs.map((event) => (event.data as { side: string }).side).sort()).toEqual(['MX', 'US']);
  });
});
