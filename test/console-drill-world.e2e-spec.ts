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
  api = await ApiProcess.start({ databaseUrl: testDatabaseUrl(), schema });
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
});
