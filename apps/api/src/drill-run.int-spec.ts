import { collect, type RecordedEvent } from '@enlace/event-store';
import { DeliveryReceivers, eventually } from '@enlace/notifications/testing';
import { ApiHarness } from './testing/api-harness.js';

/**
 * A drill from creation to its after-action report, on real PostgreSQL, Redis and BullMQ, through HTTP: a planner
 * plans the shortest shipped scenario (Nogales, 195 min of drill time) at 120× and starts it; the worker (embedded in
 * the api here) releases every inject on the drill's clock; both players act on each inject through the api in the
 * drill's world, after its release, as they would in the console; the planner ends it once the last inject is out and
 * reads the report, whose figures are checked against the events' own times. Nothing of the drill reaches the live
 * board, a real channel or a CAP `Actual` document.
 */
let api: ApiHarness;
let receivers: DeliveryReceivers;

beforeAll(async () => {
  receivers = await DeliveryReceivers.start();
  api = await ApiHarness.start({
    env: { ...receivers.env, WORKER_EMBEDDED: 'true', CONSUMER_LEASE_SECONDS: '3', AUDIT_CHECKPOINT_SECONDS: '1' },
  });
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
  overview: Record<string, unknown>;
  objectives: { id: string; status: string; measuredMinutes?: number; fromDrillTime?: string; toDrillTime?: string }[];
  injects: {
    id: string;
    releasedDrillTime?: string;
    scheduledDrillTime?: string;
    releaseErrorSeconds?: number;
    expectedAction?: { status: string; doneDrillTime?: string };
    contingencies: { injectId: string; released: boolean }[];
  }[];
}

const minutesBetween = (a: string, b: string) => (Date.parse(b) - Date.parse(a)) / 60_000;
const PORT = 'nogales-mariposa';

describe('a drill from creation to its after-action report', () => {
  // The two drills are worlds of their own on one api: they run at the same time (each mostly waits on its clock).
  it.concurrent(
    'runs the shortest scenario at 120× to its last inject with both players acting through the api, and reports what the events show',
    async () => {
      const drill = await ok<{ id: string }>('POST', '/api/drills', 'planner', {
        scenarioId: 'nogales-ammonia-release',
        rate: 120,
        participants: [
          { username: 'officer.us', role: 'player' },
          { username: 'officer.mx', role: 'player' },
        ],
      });
      const drillId = drill.id;
      const inDrill = <Body>(method: string, path: string, as: string, body?: unknown) =>
        ok<Body>(method, path, as, body, drillId);
      const startedAt = Date.now();
      await ok('POST', `/api/drills/${drillId}/start`, 'planner');
      for (const player of ['officer.mx', 'officer.us']) await ok('POST', `/api/drills/${drillId}/join`, player);
      // Players act on an inject once it is out, as they would when it shows on their console.
      const released = (injectId: string) =>
        eventually(
          async () =>
            (await ok<{ released: Record<string, string> }>('GET', `/api/drills/${drillId}`, 'planner')).released[
              injectId
            ] !== undefined,
          60_000,
          `inject ${injectId} released`,
        );

      // NOG-01 (0 min): Bomberos report the release, on the drill's board only; Mexico reports it to CENACOM.
      await released('NOG-01');
      const incident = await eventually(
        async () => (await inDrill<{ incidentId: string }[]>('GET', '/api/incidents', 'officer.mx'))[0],
        20_000,
        "the drill's incident",
      );
      const incidentId = incident.incidentId;
      await inDrill('POST', `/api/incidents/${incidentId}/national-center-notifications`, 'officer.mx');
      // NOG-02 (5 min): shelter-in-place ordered by the simulated Protección Civil; ANAM closes the southbound lanes.
      const port = await inDrill<{ laneStatus: { id: string }[] }>('GET', `/api/ports/${PORT}`, 'officer.mx');
      const lanes = (direction: string) =>
        port.laneStatus.map((lane) => lane.id).filter((id) => id.endsWith(`:${direction}`));
      await released('NOG-02');
      await inDrill('POST', `/api/ports/${PORT}/shutdowns`, 'officer.mx', {
        kind: 'hazmat-release',
        lanes: lanes('southbound'),
        reason: { es: 'Nube de amoniaco hacia la garita', en: 'Ammonia cloud drifting toward the crossing' },
        incidentId,
      });
      // NOG-03 (10 min): Mexico notifies the Nogales–Nogales BLM.
      await released('NOG-03');
      // Deadlines in a drill are drill time: 30 min of the drill's clock from now.
      const { drillTime } = await ok<{ drillTime: string }>('GET', `/api/drills/${drillId}`, 'planner');
      const notification = await inDrill<{ id: string }>('POST', '/api/notifications', 'officer.mx', {
        blmId: 'blm-nogales',
        subject: { incidentId, portId: PORT },
        title: {
          es: 'Fuga de amoniaco: Garita Mariposa cerrada hacia el sur',
          en: 'Ammonia release: Mariposa closed southbound',
        },
        body: { es: 'Resguardo en el lugar a 1 km de la planta.', en: 'Shelter in place within 1 km of the plant.' },
        severity: 'severe',
        acknowledgmentDeadline: new Date(Date.parse(drillTime) + 30 * 60_000).toISOString(),
      });
      // NOG-04 (15 min): CENACOM tells the NRC (the counterpart-centre step, Mexico's).
      await released('NOG-04');
      await inDrill('POST', `/api/incidents/${incidentId}/counterpart-center-notifications`, 'officer.mx');
      // NOG-06 (20 min): the United States joins the shutdown with the northbound lanes.
      await released('NOG-06');
      await inDrill('POST', `/api/ports/${PORT}/joinings`, 'officer.us', {
        lanes: lanes('northbound'),
        reason: { en: 'Ammonia cloud over the crossing' },
      });
      // NOG-07 (25 min): CBP acknowledges the BLM notification in time, so its contingency (NOG-07C) never comes.
      await released('NOG-07');
      await inDrill('POST', `/api/notifications/${notification.id}/acknowledgments`, 'officer.us', { readIn: 'en' });

      // NOG-11 (130 min): PROFEPA's clearance; Mexico records it, and each side works its own checklist items.
      await released('NOG-11');
      await inDrill('POST', `/api/ports/${PORT}/checklist/mx-environmental-clearance/completion`, 'officer.mx');
      const checklist = await inDrill<{ items: { id: string; owner: string; critical: boolean; status: string }[] }>(
        'GET',
        `/api/ports/${PORT}/checklist`,
        'officer.us',
      );
      for (const item of checklist.items.filter((line) => line.id !== 'mx-environmental-clearance')) {
        const user = item.owner === 'MX' ? 'officer.mx' : 'officer.us';
        if (item.critical) await inDrill('POST', `/api/ports/${PORT}/checklist/${item.id}/completion`, user);
        else {
          await inDrill('POST', `/api/ports/${PORT}/checklist/${item.id}/waiver`, user, {
            reason: { en: 'Handled by the port office', es: 'Lo atiende la oficina de la garita' },
          });
        }
      }
      // NOG-12 (160 min): the co-chairs agree the time; both sides sign off.
      await released('NOG-12');
      await inDrill('POST', `/api/ports/${PORT}/sign-offs`, 'officer.mx', { side: 'MX' });
      await inDrill('POST', `/api/ports/${PORT}/sign-offs`, 'officer.us', { side: 'US' });
      // NOG-13 (195 min, the last): each side reopens its own lanes.
      await released('NOG-13');
      await inDrill('POST', `/api/ports/${PORT}/reopenings`, 'officer.mx');
      await inDrill('POST', `/api/ports/${PORT}/reopenings`, 'officer.us');
      await ok('POST', `/api/drills/${drillId}/end`, 'planner');
      const realSeconds = (Date.now() - startedAt) / 1000;

      const endedAt = Date.now();
      const report = await ok<Report>('GET', `/api/drills/${drillId}/report?format=json`, 'planner');
      // The after-action report is there well within the 5 s of the end.
      expect(Date.now() - endedAt).toBeLessThan(5_000);
      expect(report.schemaVersion).toBe(1);
      // 195 min of drill time at 120× is 97.5 s; the run took about that, not three hours.
      expect(realSeconds).toBeGreaterThan(97);
      expect(realSeconds).toBeLessThan(160);

      // Every figure of the report is the events': each objective's two events, found here by hand from the drill's
      // world, and their drill times (the metadata each event carries).
      const world = await collect(api.store.readAll({ filter: { streamPrefixes: [`exercise-${drillId}.`] } }));
      const timeOf = (event: RecordedEvent) => (event.metadata as { drillTime?: string }).drillTime!;
      const first = (type: string, where: (data: Record<string, unknown>) => boolean = () => true) => {
        const event = world.find(
          (candidate) => candidate.type === type && where(candidate.data as Record<string, unknown>),
        );
        if (!event) throw new Error(`no ${type} in the drill's world`);
        return event;
      };
      const bySide = (side: string) => (data: Record<string, unknown>) => data.side === side;
      const declaredByMexico = (data: Record<string, unknown>) => (data.declaredBy as { side: string }).side === 'MX';
      const expected: Record<string, [RecordedEvent, RecordedEvent]> = {
        'NOG-OBJ-1': [first('IncidentReported'), first('NationalCenterNotified', bySide('MX'))],
        'NOG-OBJ-2': [first('NationalCenterNotified', bySide('MX')), first('CounterpartCenterNotified', bySide('MX'))],
        'NOG-OBJ-3': [
          first('BlmNotificationIssued'),
          first('BlmNotificationAcknowledged', (data) => data.agency === 'CBP'),
        ],
        'NOG-OBJ-4': [first('PortShutdownDeclared', declaredByMexico), first('PortShutdownJoined', bySide('US'))],
        'NOG-OBJ-5': [first('IncidentReported'), first('ProtectiveActionOrdered')],
        'NOG-OBJ-6': [
          first('ChecklistItemCompleted', (data) => data.itemId === 'mx-environmental-clearance'),
          first('PortReopened'),
        ],
      };
      expect(report.objectives.map((objective) => objective.id).sort()).toEqual(Object.keys(expected).sort());
      for (const objective of report.objectives) {
        const [from, to] = expected[objective.id]!;
        expect({
          id: objective.id,
          status: objective.status,
          from: objective.fromDrillTime,
          to: objective.toDrillTime,
        }).toEqual({
          id: objective.id,
          status: 'met',
          from: timeOf(from),
          to: timeOf(to),
        });
        expect(objective.measuredMinutes).toBeCloseTo(minutesBetween(timeOf(from), timeOf(to)), 3);
      }

      // Every inject but the contingency was released once, on its schedule, as the drill's own events record.
      const releases = world.filter((event) => event.type === 'DrillInjectReleased');
      const releasedIds = releases.map((event) => (event.data as { injectId: string }).injectId);
      expect(new Set(releasedIds).size).toBe(releasedIds.length);
      expect(releasedIds.sort()).toEqual(
        report.injects
          .filter((inject) => inject.id !== 'NOG-07C')
          .map((inject) => inject.id)
          .sort(),
      );
      for (const release of releases) {
        const data = release.data as { injectId: string; drillTime: string; dueDrillTime: string };
        const line = report.injects.find((inject) => inject.id === data.injectId)!;
        expect(line.releasedDrillTime).toBe(data.drillTime);
        expect(line.releaseErrorSeconds).toBeCloseTo(
          (Date.parse(data.drillTime) - Date.parse(data.dueDrillTime)) / 1000,
          3,
        );
        // Released on drill time: within a minute of drill time (half a real second at 120×), the CI machine loaded.
        expect(Math.abs(line.releaseErrorSeconds!)).toBeLessThan(60);
      }
      const nog07 = report.injects.find((inject) => inject.id === 'NOG-07')!;
      expect(nog07.contingencies).toEqual([{ injectId: 'NOG-07C', released: false }]);
      // The players did what each inject expected, after it came and by its deadline.
      for (const inject of report.injects.filter((line) => line.expectedAction)) {
        expect([inject.id, inject.expectedAction!.status]).toEqual([inject.id, 'on-time']);
      }

      // The HTML and the Spanish report render from the same evaluation, with the timeline chart.
      const html = await api.request<string>('GET', `/api/drills/${drillId}/report?format=html&lang=es`, {
        as: 'planner',
      });
      expect(html.status).toBe(200);
      expect(html.headers.get('content-type')).toContain('text/html');
      expect(String(html.body)).toContain('<svg');
      expect(String(html.body)).toContain('lang="es-MX"');

      // Nothing of the drill in the live world: its board, its port, the incident's live CAP, the real channels.
      const live = await ok<{ incidentId: string }[]>('GET', '/api/incidents', 'officer.us');
      expect(live.map((line) => line.incidentId)).not.toContain(incidentId);
      expect((await ok<{ status: string }>('GET', `/api/ports/${PORT}`, 'officer.us')).status).toBe('open');
      expect((await api.request('GET', `/api/incidents/${incidentId}/cap`, { as: 'officer.us' })).status).toBe(404);
      expect(receivers.webhooks.received.filter((hook) => !JSON.stringify(hook.json).includes('EXERCISE'))).toEqual([]);
      expect(receivers.smtp.received).toEqual([]);

      // The drill's record is a signed log of its own: every event of its world, nothing of the live one, and it verifies.
      const drillEvents = await collect(api.store.readAll({ filter: { streamPrefixes: [`exercise-${drillId}.`] } }));
      const sealed = await eventually(
        async () => {
          const checkpoint = await api.request<{ size: number; note: string }>(
            'GET',
            `/api/audit/log/checkpoint?drill=${drillId}`,
          );
          return checkpoint.status === 200 && checkpoint.body.size === drillEvents.length ? checkpoint.body : undefined;
        },
        20_000,
        "the drill's signed checkpoint",
      );
      expect(sealed.note).toContain(`/drill/${drillId}\n`);
      const verification = await ok<{ ok: boolean; log: { eventsChecked: number } }>(
        'GET',
        `/api/audit/log/verification?drill=${drillId}`,
        'auditor',
      );
      expect(verification).toMatchObject({ ok: true, log: { eventsChecked: drillEvents.length } });
    },
    240_000,
  );
});

describe('a notification drill over one BLM', () => {
  it.concurrent(
    'sends the EXERCISE notification to its members, escalates the silent on drill recipients only, and reports the three outcomes',
    async () => {
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
    },
    90_000,
  );
});
