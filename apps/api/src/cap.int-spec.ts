// The CAP 1.2 export over HTTP, on the real PostgreSQL server: an incident reported, updated and given a protective
// action; a BLM notification issued, acknowledged and cancelled; each answer validated against the OASIS schema.
import { randomUUID } from 'node:crypto';
import { all, assertValidCap, first as one } from '@enlace/cap/testing';
import { apiForTheseTests, type ApiResponse } from './testing/api-harness.js';

const SENDER = 'enlace@border.example';

/** `sender,identifier,sent` of an alert, as a later alert references it. */
function triplet(xml: string): string {
  return `${one(xml, 'sender')},${one(xml, 'identifier')},${one(xml, 'sent')}`;
}

describe('CAP 1.2 export over HTTP', () => {
  const api = apiForTheseTests();
  let incidentId: string;
  let notificationId: string;
  const incidentAlerts: string[] = [];
  const notificationAlerts: string[] = [];

  /** GETs a CAP document, checks the media type and the schema, and returns it. */
  async function cap(path: string, as = 'officer.us'): Promise<string> {
    const response: ApiResponse<unknown> = await api().request<unknown>('GET', path, { as });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/cap+xml; charset=utf-8');
    expect(typeof response.body).toBe('string');
    const xml = response.body as string;
    await assertValidCap(xml);
    expect(one(xml, 'sender')).toBe(SENDER);
    expect(one(xml, 'scope')).toBe('Restricted');
    expect(all(xml, 'language')).toEqual(['en-US', 'es-MX']);
    return xml;
  }

  it('exports a newly reported incident as an Alert', async () => {
    const reported = await api().request('POST', '/api/incidents', {
      as: 'officer.us',
      body: {
        kind: 'hazmat-release',
        title: { en: 'Chlorine release at the commercial lot', es: 'Fuga de cloro en el lote comercial' },
        severity: 'severe',
        material: { unNumber: '1017', name: 'Chlorine' },
        location: { lat: 32.549, lon: -116.938, description: { en: 'Otay Mesa commercial lot <dock 4 & 5>' } },
        affectedPortIds: ['otay-mesa'],
      },
    });
    expect(reported.status).toBe(201);
    incidentId = reported.body.id as string;

    const xml = await cap(`/api/incidents/${incidentId}/cap`);
    incidentAlerts.push(xml);
    expect(one(xml, 'identifier')).toBe(`urn:enlace:incident-${incidentId}:0`);
    expect(one(xml, 'sent')).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d-00:00$/);
    expect(one(xml, 'status')).toBe('Actual');
    expect(one(xml, 'msgType')).toBe('Alert');
    expect(one(xml, 'references')).toBeUndefined();
    expect(one(xml, 'incidents')).toBe(incidentId);
    expect(all(xml, 'category')).toEqual(['CBRNE', 'Env', 'Transport', 'CBRNE', 'Env', 'Transport']);
    expect(all(xml, 'responseType')).toEqual(['Monitor', 'Monitor']);
    expect(all(xml, 'areaDesc')).toEqual([
      'Otay Mesa commercial lot <dock 4 & 5>',
      '[EN] Otay Mesa commercial lot <dock 4 & 5>',
    ]);
    // The decider completed the material from the ERG table: the export carries its guide.
    expect(xml).toContain('<valueName>ERGGuide</valueName>\n      <value>124</value>');
    // Reading it again gives the same document: the identifier is stable.
    expect(await cap(`/api/incidents/${incidentId}/cap`, 'auditor')).toBe(xml);
  });

  it('exports each later revision as an Update referencing the earlier versions, the original Alert first', async () => {
    const updated = await api().request('PATCH', `/api/incidents/${incidentId}`, {
      as: 'officer.mx',
      body: { severity: 'extreme' },
    });
    expect(updated.status).toBe(200);
    const afterUpdate = await cap(`/api/incidents/${incidentId}/cap`, 'planner');
    incidentAlerts.push(afterUpdate);
    expect(one(afterUpdate, 'identifier')).toBe(`urn:enlace:incident-${incidentId}:1`);
    expect(one(afterUpdate, 'msgType')).toBe('Update');
    expect(one(afterUpdate, 'references')).toBe(triplet(incidentAlerts[0]!));
    expect(all(afterUpdate, 'severity')).toEqual(['Extreme', 'Extreme']);

    const ordered = await api().request('POST', `/api/incidents/${incidentId}/protective-actions`, {
      as: 'officer.us',
      body: {
        kind: 'evacuation',
        center: { lat: 32.55, lon: -116.94 },
        radiusMeters: 1200,
        instructions: { en: 'Leave by the east gate', es: 'Salga por la puerta este' },
      },
    });
    expect(ordered.status).toBe(201);
    const afterAction = await cap(`/api/incidents/${incidentId}/cap`);
    incidentAlerts.push(afterAction);
    expect(one(afterAction, 'msgType')).toBe('Update');
    expect(one(afterAction, 'references')!.split(' ')).toEqual(incidentAlerts.slice(0, 2).map(triplet));
    expect(all(afterAction, 'responseType')).toEqual(['Evacuate', 'Evacuate']);
    expect(all(afterAction, 'circle')).toEqual(['32.549,-116.938 1.2', '32.549,-116.938 1.2']);
    expect(all(afterAction, 'instruction')).toEqual([
      'Evacuation (radius 1200 m): Leave by the east gate',
      'Evacuación (radio de 1200 m): Salga por la puerta este',
    ]);
  });

  it('exports an issued BLM notification as an Alert in the area of its subject incident', async () => {
    const issued = await api().request('POST', '/api/notifications', {
      as: 'officer.us',
      body: {
        blmId: 'blm-sandiego-tijuana',
        subject: { incidentId, portId: 'otay-mesa' },
        title: { en: 'Otay Mesa commercial lanes closed', es: 'Carriles comerciales de Otay Mesa cerrados' },
        body: { en: 'Chlorine release; lanes closed.', es: 'Fuga de cloro; carriles cerrados.' },
        severity: 'severe',
        acknowledgmentDeadline: new Date(Date.now() + 30 * 60_000).toISOString(),
      },
    });
    expect(issued.status).toBe(201);
    notificationId = issued.body.id as string;

    const xml = await cap(`/api/notifications/${notificationId}/cap`);
    notificationAlerts.push(xml);
    expect(one(xml, 'identifier')).toBe(`urn:enlace:notification-${notificationId}:0`);
    expect(one(xml, 'msgType')).toBe('Alert');
    expect(one(xml, 'status')).toBe('Actual');
    expect(one(xml, 'incidents')).toBe(incidentId);
    expect(one(xml, 'restriction')).toContain('San Diego–Tijuana Border Liaison Mechanism');
    expect(all(xml, 'circle')).toEqual(['32.549,-116.938 1.2', '32.549,-116.938 1.2']);
    expect(all(xml, 'headline')).toEqual([
      'Otay Mesa commercial lanes closed',
      'Carriles comerciales de Otay Mesa cerrados',
    ]);

    // An acknowledgment changes nothing for the receivers of the alert: same version, same document.
    const ack = await api().request('POST', `/api/notifications/${notificationId}/acknowledgments`, {
      as: 'officer.mx',
      body: { readIn: 'es' },
    });
    expect(ack.status).toBe(201);
    expect(await cap(`/api/notifications/${notificationId}/cap`, 'officer.mx')).toBe(xml);
  });

  it('exports the cancelled notification as a Cancel referencing the original Alert', async () => {
    const cancelled = await api().request('POST', `/api/notifications/${notificationId}/cancellation`, {
      as: 'officer.us',
      body: { reason: { en: 'Issued for the wrong port', es: 'Emitida para otro puerto' } },
    });
    expect(cancelled.status).toBe(200);
    const xml = await cap(`/api/notifications/${notificationId}/cap`);
    notificationAlerts.push(xml);
    expect(one(xml, 'identifier')).toBe(`urn:enlace:notification-${notificationId}:2`);
    expect(one(xml, 'msgType')).toBe('Cancel');
    expect(one(xml, 'references')).toBe(triplet(notificationAlerts[0]!));
    expect(all(xml, 'responseType')).toEqual(['None', 'None']);
    expect(all(xml, 'headline')[0]).toBe('Cancelled: Otay Mesa commercial lanes closed');
  });

  it('exports a drill stream as an Exercise alert', async () => {
    const drillId = randomUUID();
    await api().store.append(
      `incident-${drillId}`,
      [
        {
          id: randomUUID(),
          type: 'IncidentReported',
          data: {
            incidentId: drillId,
            kind: 'fire',
            title: { en: 'Warehouse fire (drill)', es: 'Incendio en bodega (simulacro)' },
            severity: 'moderate',
            location: { lat: 31.33, lon: -110.94, description: { en: 'Nogales', es: 'Nogales' } },
            affectedPortIds: [],
            casualties: { injured: 0, fatalities: 0 },
            reportedBy: { side: 'MX', agency: 'ANAM' },
            observedAt: new Date().toISOString(),
          },
          metadata: {
            actor: 'officer.mx',
            agency: 'ANAM',
            country: 'MX',
            role: 'officer',
            correlationId: randomUUID(),
            causationId: null,
            mode: 'exercise',
          },
        },
      ],
      'no_stream',
    );
    const xml = await cap(`/api/incidents/${drillId}/cap`, 'auditor');
    expect(one(xml, 'status')).toBe('Exercise');
    expect(one(xml, 'note')).toMatch(/^EXERCISE EXERCISE EXERCISE\b[\s\S]*\bEXERCISE EXERCISE EXERCISE$/);
    expect(all(xml, 'category')).toEqual(['Fire', 'Fire']);
    expect(all(xml, 'headline')[0]).toBe('EXERCISE EXERCISE EXERCISE: Warehouse fire (drill)');
  });

  it('answers 404 in the error shape for an unknown stream, 400 for a malformed id and 401 without a token', async () => {
    for (const [path, code] of [
      [`/api/incidents/${randomUUID()}/cap`, 'INCIDENT.NOT_FOUND'],
      [`/api/notifications/${randomUUID()}/cap`, 'NOTIFICATION.NOT_FOUND'],
    ] as const) {
      const missing = await api().request<{ statusCode: number; code: string; message: object; details: object }>(
        'GET',
        path,
        { as: 'auditor' },
      );
      expect(missing.status).toBe(404);
      expect(missing.headers.get('content-type')).toMatch(/^application\/json/);
      expect(missing.body).toMatchObject({ statusCode: 404, code, details: {} });
      expect(Object.keys(missing.body.message).sort()).toEqual(['en', 'es']);
    }
    const malformed = await api().request('GET', '/api/incidents/not-a-uuid/cap', { as: 'auditor' });
    expect(malformed.status).toBe(400);
    expect(malformed.body.code).toBe('VALIDATION_FAILED');
    const anonymous = await api().request('GET', `/api/incidents/${incidentId}/cap`);
    expect(anonymous.status).toBe(401);
  });
});
