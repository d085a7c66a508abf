import { collect, type RecordedEvent } from '@enlace/event-store';
import { DeliveryReceivers, eventually } from '@enlace/notifications/testing';
import { ApiHarness } from './testing/api-harness.js';

/**
 * A drill from creation to its after-action report, on real PostgreSQL, Redis and BullMQ, through HTTP: a planner
 * plans the shortest shipped scenario at 120× and starts it; the worker (embedded in the api here) releases its
 * injects on the drill's clock; the Mexican player acts on the first one through the api in the drill's world; the
 * planner ends it and reads the report, whose figures are checked against the events' own times. Nothing of the drill
 * reaches the live board, a real channel or a CAP `Actual` document.
 */
let api: ApiHarness;
let receivers: DeliveryReceivers;

beforeAll(async () => {
  receivers = await DeliveryReceivers.start();
  api = await ApiHarness.start({ env: { ...receivers.env, WORKER_EMBEDDED: 'true', CONSUMER_LEASE_SECONDS: '3' } });
}, 60_000);

afterAll(async () => {
  await api?.stop();
  await receivers?.stop();
});

async function ok<Body>(method: string, path: string, as: string, body?: unknown, drillId?: string) {
  const response = await api.request<Body>(method, path, {
    as,
    body: body ?? (method === 'GET' ? undefined : {}),
    headers: drillId ? { 'Enlace-Drill': drillId } : {},
  });
  if (response.status >= 300) throw new Error(`${method} ${path}: ${response.status} ${JSON.stringify(response.body)}`);
  return response.body;
}

interface Report {
  schemaVersion: number;
  objectives: { id: string; status: string; measuredMinutes?: number; fromDrillTime?: string; toDrillTime?: string }[];
  injects: { id: string; releasedDrillTime?: string; releaseErrorSeconds?: number }[];
}

const minutesBetween = (a: string, b: string) => (Date.parse(b) - Date.parse(a)) / 60_000;

describe('a drill from creation to its after-action report', () => {
  it('runs the shortest scenario at 120× with players acting through the api, and reports what the events show', async () => {
    const drill = await ok<{ id: string }>('POST', '/api/drills', 'planner', {
      scenarioId: 'nogales-ammonia-release',
      rate: 120,
      participants: [
        { username: 'officer.us', role: 'player' },
        { username: 'officer.mx', role: 'player' },
      ],
    });
    const drillId = drill.id;
    await ok('POST', `/api/drills/${drillId}/start`, 'planner');
    await ok('POST', `/api/drills/${drillId}/join`, 'officer.mx', {}, undefined);

    // NOG-01 (offset 0): Bomberos report the release; it shows on the drill's board, not on the live one.
    const incident = await eventually(
      async () => (await ok<{ incidentId: string }[]>('GET', '/api/incidents', 'officer.mx', undefined, drillId))[0],
      20_000,
      "the drill's incident",
    );
    // The Mexican officer tells CENACOM (NOG-OBJ-1: within 15 min of the report).
    await ok('POST', `/api/incidents/${incident.incidentId}/national-center-notifications`, 'officer.mx', {}, drillId);
    // Let the clock run past the protective action (NOG-02, offset 5 min = 2.5 s at 120×) and a few more injects.
    await eventually(
      async () => {
        const view = await ok<{ released: Record<string, string> }>('GET', `/api/drills/${drillId}`, 'planner');
        return Object.keys(view.released).length >= 4;
      },
      30_000,
      'four injects released',
    );
    await ok('POST', `/api/drills/${drillId}/end`, 'planner');

    const report = await ok<Report>('GET', `/api/drills/${drillId}/report?format=json`, 'planner');
    expect(report.schemaVersion).toBe(1);
    // The report's figures are the events': the drill world's report and notification, and the drill's releases.
    const world = await collect(api.store.readAll({ filter: { streamPrefixes: [`exercise-${drillId}.`] } }));
    const timeOf = (event: RecordedEvent) => (event.metadata as { drillTime?: string }).drillTime!;
    const reported = world.find((event) => event.type === 'IncidentReported')!;
    const notified = world.find((event) => event.type === 'NationalCenterNotified')!;
    const objective = report.objectives.find((o) => o.id === 'NOG-OBJ-1')!;
    expect(objective).toMatchObject({
      status: 'met',
      fromDrillTime: timeOf(reported),
      toDrillTime: timeOf(notified),
    });
    expect(objective.measuredMinutes).toBeCloseTo(minutesBetween(timeOf(reported), timeOf(notified)), 3);
    const releases = world.filter((event) => event.type === 'DrillInjectReleased');
    expect(releases.length).toBeGreaterThanOrEqual(4);
    for (const release of releases) {
      const data = release.data as { injectId: string; drillTime: string; dueDrillTime: string };
      const line = report.injects.find((inject) => inject.id === data.injectId)!;
      expect(line.releasedDrillTime).toBe(data.drillTime);
    }
    // The HTML and the Spanish report render from the same evaluation, with the timeline chart.
    const html = await api.request<string>('GET', `/api/drills/${drillId}/report?format=html&lang=es`, {
      as: 'planner',
    });
    expect(html.status).toBe(200);
    expect(html.headers.get('content-type')).toContain('text/html');
    expect(String(html.body)).toContain('<svg');
    expect(String(html.body)).toContain('lang="es-MX"');

    // Nothing of the drill in the live world: its board, the incident's live CAP, the real channels.
    const live = await ok<{ incidentId: string }[]>('GET', '/api/incidents', 'officer.us');
    expect(live.map((line) => line.incidentId)).not.toContain(incident.incidentId);
    expect((await api.request('GET', `/api/incidents/${incident.incidentId}/cap`, { as: 'officer.us' })).status).toBe(
      404,
    );
    expect(receivers.webhooks.received.filter((hook) => !JSON.stringify(hook.json).includes('EXERCISE'))).toEqual([]);
    expect(receivers.smtp.received).toEqual([]);
  }, 120_000);
});

describe('a notification drill over one BLM', () => {
  it('sends the EXERCISE notification to its members, escalates the silent on drill recipients only, and reports the three outcomes', async () => {
    const drill = await ok<{ id: string }>('POST', '/api/drills/notification', 'planner', {
      blmIds: ['blm-sandiego-tijuana'],
      rate: 120,
      participants: [
        { username: 'officer.us', role: 'player' },
        { username: 'officer.mx', role: 'player' },
      ],
    });
    const drillId = drill.id;
    await ok('POST', `/api/drills/${drillId}/start`, 'planner');
    const notification = await eventually(
      async () =>
        (await ok<{ notificationId: string }[]>('GET', '/api/notifications', 'officer.us', undefined, drillId))[0],
      20_000,
      "the drill's notification",
    );
    const id = notification.notificationId;
    // CBP answers at once; ANAM only after the deadline (30 min of drill time, 15 s at 120×) escalated its silence.
    await ok('POST', `/api/notifications/${id}/acknowledgments`, 'officer.us', { readIn: 'en' }, drillId);
    await eventually(
      async () => {
        const events = await collect(api.store.readAll({ filter: { streamPrefixes: [`exercise-${drillId}.`] } }));
        return events.some((event) => event.type === 'BlmNotificationEscalated');
      },
      40_000,
      'the escalation of the silent members',
    );
    await ok('POST', `/api/notifications/${id}/acknowledgments`, 'officer.mx', { readIn: 'es' }, drillId);
    await ok('POST', `/api/drills/${drillId}/end`, 'planner');

    const report = await ok<{ results: { recipients: { agency: string; outcome: string }[] }[] }>(
      'GET',
      `/api/drills/${drillId}/report?format=json`,
      'planner',
    );
    const outcomes = Object.fromEntries(report.results[0]!.recipients.map((row) => [row.agency, row.outcome]));
    expect(outcomes).toMatchObject({ CBP: 'in-time', ANAM: 'late', SRE: 'never', PC: 'never' });
    const markdown = await api.request<string>('GET', `/api/drills/${drillId}/report?format=md&lang=es`, {
      as: 'planner',
    });
    for (const text of ['Acuse a tiempo', 'Acuse tardío', 'Sin acuse']) expect(String(markdown.body)).toContain(text);

    // Only the endpoints marked for exercises got anything, and every message said EXERCISE; no escalation reached a
    // real channel (the tier-1 addressee's webhook is a live one).
    const ofDrill = receivers.webhooks.received.filter((hook) => JSON.stringify(hook.json).includes(id));
    expect(ofDrill.length).toBeGreaterThan(0);
    for (const hook of ofDrill) {
      expect(hook.path).toBe('/hooks/anam');
      expect(JSON.stringify(hook.json)).toContain('EXERCISE');
    }
    // The year's count per BLM counts it, once the worker's runner has written its line.
    const year = new Date().getUTCFullYear();
    await eventually(
      async () => {
        const summary = await ok<{ blmId: string; count: number; drills: { drillId: string }[] }[]>(
          'GET',
          `/api/drills/notification-summary?year=${year}`,
          'planner',
        );
        return summary
          .find((line) => line.blmId === 'blm-sandiego-tijuana')
          ?.drills.some((line) => line.drillId === drillId);
      },
      10_000,
      `the drill in the summary of ${year}`,
    );
  }, 90_000);
});
