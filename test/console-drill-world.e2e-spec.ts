import { randomUUID } from 'node:crypto';
import { dropSchema, testDatabaseUrl, uniqueSchemaName } from '@enlace/event-store/testing';
import { ApiProcess, buildApi } from './support/api-process.js';
import { ConsoleClient, tryHandshake } from './support/console-client.js';

/**
 * A console's feed in a drill's world: its handshake names the drill (`auth.drill`, as HTTP requests name it with the
 * `Enlace-Drill` header) and is refused for anyone who may not read the drill, a drill that does not exist or a
 * malformed id; once in, it receives the drill's events and a live console receives none of them.
 */
const schema = uniqueSchemaName('console_drill_world');
let api: ApiProcess;

const incident = {
  kind: 'hazmat-release',
  title: { en: 'Ammonia leak at the cold-storage plant', es: 'Fuga de amoniaco en la planta frigorífica' },
  severity: 'severe',
  location: { lat: 31.33, lon: -110.94, description: { en: 'Nogales, Sonora' } },
};

beforeAll(async () => {
  buildApi();
  // The worker in the api: the drill's injects are released by it.
  api = await ApiProcess.start({ databaseUrl: testDatabaseUrl(), schema, env: { WORKER_EMBEDDED: 'true' } });
}, 120_000);

afterAll(async () => {
  await api?.stop();
  await dropSchema(schema);
}, 30_000);

describe("the console feed in a drill's world", () => {
  it('admits only who may read the drill, and carries the drill’s events to its consoles only', async () => {
    const { id: drillId } = await api.write('POST', '/api/drills', 'planner', {
      scenarioId: 'nogales-ammonia-release',
      rate: 60,
      participants: [{ username: 'officer.mx', role: 'player' }],
    });
    await api.write('POST', `/api/drills/${drillId}/start`, 'planner');
    await api.write('POST', `/api/drills/${drillId}/join`, 'officer.mx');

    const handshake = async (as: string, drill: string) => tryHandshake(api.url, { token: await api.token(as), drill });
    await expect(handshake('officer.us', drillId)).resolves.toBe('drill: DRILL.NOT_A_PARTICIPANT');
    await expect(handshake('officer.mx', randomUUID())).resolves.toBe('drill: DRILL.NOT_FOUND');
    await expect(handshake('officer.mx', 'drill-1')).resolves.toMatch(/^drill: VALIDATION/);
    await expect(handshake('auditor', drillId)).resolves.toBe('connected');

    const inDrill = await ConsoleClient.connect(api.url, await api.token('officer.mx'), { drill: drillId });
    const live = await ConsoleClient.connect(api.url, await api.token('officer.mx'));
    try {
      await inDrill.subscribe(['board']);
      await live.subscribe(['board']);
      const reported = await api.request<{ id: string }>('POST', '/api/incidents', {
        as: 'officer.mx',
        body: incident,
        headers: { 'Enlace-Drill': drillId },
      });
      expect(reported.status).toBe(201);
      const ofIncident = (client: ConsoleClient) =>
        client.events.filter((event) => event.streamId.endsWith(`incident-${reported.body.id}`));
      await inDrill.until(() => ofIncident(inDrill).length > 0, 'the drill console receives the drill incident');
      expect(ofIncident(inDrill).map((event) => [event.type, event.metadata.mode])).toEqual([
        ['IncidentReported', 'exercise'],
      ]);
      // A later live event reaching the live console shows it has had time to receive the drill's: it did not.
      const liveIncident = await api.write('POST', '/api/incidents', 'officer.mx', incident);
      await live.until(
        () => live.events.some((event) => event.streamId === `incident-${liveIncident.id}`),
        'the live console receives the live incident',
      );
      expect(ofIncident(live)).toEqual([]);
      expect(inDrill.events.some((event) => event.streamId === `incident-${liveIncident.id}`)).toBe(false);
    } finally {
      inDrill.close();
      live.close();
    }
  }, 60_000);

  it("pushes the drill's own facts (clock, injects, halt) on its `drill` room, replays them on resume, and never to the live world", async () => {
    const { id: drillId } = await api.write('POST', '/api/drills', 'planner', {
      scenarioId: 'nogales-ammonia-release',
      rate: 120,
      participants: [{ username: 'officer.mx', role: 'player' }],
    });
    const planner = await ConsoleClient.connect(api.url, await api.token('planner'), { drill: drillId });
    const live = await ConsoleClient.connect(api.url, await api.token('planner'));
    try {
      const subscribed = await planner.subscribe(['drill']);
      expect(subscribed).toMatchObject({ ok: true });
      await live.subscribe(['board', 'drill']);
      await api.write('POST', `/api/drills/${drillId}/start`, 'planner');
      const ofDrill = (client: ConsoleClient) =>
        client.events.filter((event) => event.streamId === `exercise-${drillId}.drill-${drillId}`);
      // NOG-01 is due at drill time zero: the clock starts, then the inject is released, both pushed as they happen.
      await planner.until(
        () => ofDrill(planner).some((event) => event.type === 'DrillInjectReleased'),
        'the first inject pushed',
      );
      await api.write('POST', `/api/drills/${drillId}/halt`, 'planner', {
        reason: { en: 'Real chlorine leak at the Mariposa docks', es: 'Fuga real de cloro en los andenes de Mariposa' },
      });
      await planner.until(() => ofDrill(planner).some((event) => event.type === 'DrillHalted'), 'the halt pushed');
      const types = ofDrill(planner).map((event) => event.type);
      expect(types.slice(0, 2)).toEqual(['DrillClockStarted', 'DrillInjectReleased']);
      expect(types.at(-1)).toBe('DrillHalted');
      // Only the drill's stream on that room: its incident (reported by the inject) is the board's.
      expect(planner.events.every((event) => event.streamId === `exercise-${drillId}.drill-${drillId}`)).toBe(true);

      // A console that resumes from before the halt gets what it missed, the halt included, once each.
      const before = ofDrill(planner).find((event) => event.type === 'DrillClockStarted')!.position;
      const resumed = await ConsoleClient.connect(api.url, await api.token('officer.mx'), { drill: drillId });
      try {
        await resumed.subscribe(['drill'], before);
        await resumed.until(() => ofDrill(resumed).some((event) => event.type === 'DrillHalted'), 'the replayed halt');
        expect(ofDrill(resumed).map((event) => event.position)).toEqual(
          ofDrill(planner)
            .filter((event) => event.position > before)
            .map((event) => event.position),
        );
      } finally {
        resumed.close();
      }
      // The live console got nothing of the drill, on the board or on a `drill` room of the live world.
      const liveIncident = await api.write('POST', '/api/incidents', 'officer.mx', incident);
      await live.until(
        () => live.events.some((event) => event.streamId === `incident-${liveIncident.id}`),
        'the live console receives the live incident',
      );
      expect(live.events.filter((event) => event.streamId.startsWith('exercise-'))).toEqual([]);
    } finally {
      planner.close();
      live.close();
    }
  }, 60_000);
});
