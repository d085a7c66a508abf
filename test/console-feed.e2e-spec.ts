import { createHmac, randomUUID } from 'node:crypto';
import type { ConsoleEvent, Room } from '@enlace/console-protocol';
import { collect, openPostgresEventStore, type PostgresEventStore, type RecordedEvent } from '@enlace/event-store';
import { dropSchema, newEvent, testDatabaseUrl, uniqueSchemaName } from '@enlace/event-store/testing';
import { ApiProcess, buildApi, generatedSigningSecret } from './support/api-process.js';
import { ConsoleClient, tryHandshake } from './support/console-client.js';

/**
 * The console feed as consoles live it: real socket.io clients on `/console` of real api processes (built and
 * started as an operator would) sharing one PostgreSQL schema. Whatever happens to a console — its network drops,
 * the api restarts, it falls thousands of events behind, it sits on another process than the one that accepted the
 * command — it must end up with exactly the store's events for its rooms, in order, each once. Every check compares
 * what the console received with what a second connection reads from the store.
 */
const LIVE_PREFIXES = ['incident-', 'port-', 'notification-'];
const REPLAY_LIMIT = 2_000;

const schema = uniqueSchemaName('console_e2e');
const apis: ApiProcess[] = [];
const clients: ConsoleClient[] = [];
let store: PostgresEventStore;
let a: ApiProcess;
let b: ApiProcess;

async function startApi(port?: number): Promise<ApiProcess> {
  const api = await ApiProcess.start({
    databaseUrl: testDatabaseUrl(),
    schema,
    ...(port ? { port } : {}),
    // Every console of these tests signs in as one auditor.
    env: { CONSOLE_MAX_CONNECTIONS_PER_ACCOUNT: '1000' },
  });
  apis.push(api);
  return api;
}

async function connect(api: ApiProcess, options?: Parameters<typeof ConsoleClient.connect>[2]) {
  const client = await ConsoleClient.connect(api.url, await api.token('auditor'), options);
  clients.push(client);
  return client;
}

/** Subscribes and checks the ack. */
async function subscribe(client: ConsoleClient, rooms: Room[], after?: string) {
  const ack = await client.subscribe(rooms, after);
  expect(ack).toMatchObject({ ok: true, rooms });
  return ack;
}

// ---------------------------------------------------------------------------------------------- the store's view

async function storedEvents(): Promise<RecordedEvent[]> {
  return collect(store.readAll({ filter: { streamPrefixes: LIVE_PREFIXES } }));
}

/**
 * The stored events a console on `rooms` must get, worked out here from the documented rules (not from the api's
 * router): `board` gets every incident, port and notification event; `incident:<id>` the incident's stream, every
 * event of the shutdowns declared for it and of the BLM notifications about it; `port:<id>` the port's stream and
 * the notifications about it; `blm:<id>` the notifications issued to that BLM.
 */
function routedTo(rooms: Room[], events: RecordedEvent[]): RecordedEvent[] {
  const shutdownIncident = new Map<string, string>();
  const notification = new Map<string, { blmId?: string; incidentId?: string; portId?: string }>();
  const wanted = new Set<string>(rooms);
  return events.filter((event) => {
    const data = event.data as Record<string, unknown>;
    const id = event.streamId.slice(event.streamId.indexOf('-') + 1);
    const targets = ['board'];
    if (event.streamId.startsWith('incident-')) targets.push(`incident:${id}`);
    if (event.streamId.startsWith('port-')) {
      if (event.type === 'PortShutdownDeclared' && typeof data.incidentId === 'string') {
        shutdownIncident.set(data.shutdownId as string, data.incidentId);
      }
      targets.push(`port:${id}`);
      const incidentId = shutdownIncident.get(data.shutdownId as string);
      if (incidentId) targets.push(`incident:${incidentId}`);
    }
    if (event.streamId.startsWith('notification-')) {
      if (event.type === 'BlmNotificationIssued') {
        const subject = data.subject as { incidentId?: string; portId?: string };
        notification.set(id, { blmId: data.blmId as string, ...subject });
      }
      const about = notification.get(id) ?? {};
      if (about.blmId) targets.push(`blm:${about.blmId}`);
      if (about.incidentId) targets.push(`incident:${about.incidentId}`);
      if (about.portId) targets.push(`port:${about.portId}`);
    }
    return targets.some((room) => wanted.has(room));
  });
}

/** A stored event as the console protocol presents it. */
function asConsoleEvent(event: RecordedEvent): ConsoleEvent {
  const { actor, agency, country, role, correlationId, causationId, mode, recordedAt } = event.metadata;
  return {
    position: event.position,
    streamId: event.streamId,
    revision: event.revision,
    type: event.type,
    data: event.data as Record<string, unknown>,
    metadata: { actor, agency, country, role, correlationId, causationId, mode, recordedAt },
  };
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Waits until the console has every stored event for its rooms after `since`, lets duplicates show up if any
 * would, then checks it received exactly those, in order, each once (over all its connections). Returns them.
 */
async function expectExactly(client: ConsoleClient, rooms: Room[], since: string | undefined) {
  const expected = routedTo(rooms, await storedEvents()).filter(
    (event) => since === undefined || event.position > since,
  );
  if (expected.length > 0) await client.untilPosition(expected.at(-1)!.position);
  await sleep(300);
  const positions = client.events.map((event) => event.position);
  const outOfOrder = positions.findIndex((position, i) => i > 0 && position <= positions[i - 1]!);
  expect({ outOfOrderOrDuplicateAt: outOfOrder }).toEqual({ outOfOrderOrDuplicateAt: -1 });
  const received = client.events.filter((event) => since === undefined || event.position > since);
  expect(received.map((event) => event.position)).toEqual(expected.map((event) => event.position));
  expect(received).toEqual(expected.map(asConsoleEvent));
  return expected;
}

// ---------------------------------------------------------------------------------------------- writing

async function reportIncident(api: ApiProcess, title: string, portId = 'hidalgo'): Promise<string> {
  const { id } = await api.write('POST', '/api/incidents', 'officer.us', {
    kind: 'flood',
    title: { en: title },
    severity: 'minor',
    location: { lat: 26.1, lon: -98.26, description: { en: 'Southbound approach' } },
    affectedPortIds: [portId],
  });
  return id;
}

async function fileSitrep(api: ApiProcess, incidentId: string, text: string, as = 'officer.mx') {
  return api.write('POST', `/api/incidents/${incidentId}/situation-reports`, as, { summary: { es: text } });
}

/**
 * Appends `count` situation reports straight through the store, round-robin over the incidents' streams,
 * `perAppend` events per append and `concurrency` appends in flight (so transactions interleave).
 */
async function appendSitreps(
  incidentIds: string[],
  count: number,
  { perAppend = 1, concurrency = 4 }: { perAppend?: number; concurrency?: number } = {},
): Promise<void> {
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < count) {
      const start = next;
      const size = Math.min(perAppend, count - start);
      next += size;
      const incidentId = incidentIds[Math.floor(start / perAppend) % incidentIds.length]!;
      const events = Array.from({ length: size }, (_, i) =>
        newEvent('SituationReportFiled', {
          incidentId,
          reportId: randomUUID(),
          number: start + i + 1,
          summary: { en: `Water level report ${start + i + 1}` },
          side: 'US',
        }),
      );
      const { position } = await store.append(`incident-${incidentId}`, events, 'any');
      if (position > lastAppended) lastAppended = position;
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
}

/** Waits until the api's read models (and so its console feed) have reached `position`. */
async function caughtUpWith(api: ApiProcess, position: string): Promise<void> {
  const { status } = await api.request('GET', `/api/incidents?status=all&after=${position}`, { as: 'auditor' });
  expect(status).toBe(200);
}

/** The last position this test's appends were given. */
let lastAppended = '';

/**
 * Where the log ends for a reader, once it includes every append made here: a reader's horizon lags while any
 * transaction of the cluster is under way (an api's own writes included), so the head read right after appending
 * may stop short of them.
 */
async function headPosition(): Promise<string> {
  for (;;) {
    const head = (await store.headPosition())!;
    if (head >= lastAppended) return head;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

/** The position of a console's first `caught-up` (where a subscription without `after` started). */
function startOf(client: ConsoleClient): string | undefined {
  const first = client.received.find((item) => item.kind === 'caught-up');
  return first?.kind === 'caught-up' ? (first.position ?? undefined) : undefined;
}

/**
 * Appends situation reports one after another (`concurrency` in flight, round-robin over the incidents) from now
 * until `until` settles, so that some land while a console is catching up whatever the timing. Returns how many.
 */
async function appendWhile(incidentIds: string[], until: Promise<unknown>, concurrency = 2): Promise<number> {
  let done = false;
  let count = 0;
  const stop = until.finally(() => (done = true));
  const worker = async (): Promise<void> => {
    while (!done) {
      const incidentId = incidentIds[count % incidentIds.length]!;
      count += 1;
      await store.append(
        `incident-${incidentId}`,
        [
          newEvent('SituationReportFiled', {
            incidentId,
            reportId: randomUUID(),
            number: count,
            summary: { en: `Live report ${count}` },
            side: 'MX',
          }),
        ],
        'any',
      );
    }
  };
  await Promise.all([stop, ...Array.from({ length: concurrency }, worker)]);
  return count;
}

async function reconnect(client: ConsoleClient): Promise<void> {
  const connected = client.reconnected();
  client.socket.connect();
  await connected;
}

function signJwt(header: object, claims: object, secret: string | Buffer): string {
  const encode = (part: object) => Buffer.from(JSON.stringify(part)).toString('base64url');
  const unsigned = `${encode(header)}.${encode(claims)}`;
  return `${unsigned}.${createHmac('sha256', secret).update(unsigned).digest('base64url')}`;
}

// ---------------------------------------------------------------------------------------------- lifecycle

beforeAll(async () => {
  buildApi();
  store = await openPostgresEventStore({ connectionString: testDatabaseUrl(), schema, poolSize: 6 });
  [a, b] = await Promise.all([startApi(), startApi()]);
}, 60_000);

afterAll(async () => {
  for (const client of clients) client.close();
  await Promise.all(apis.map((api) => api.stop()));
  await store?.close();
  await dropSchema(schema);
}, 30_000);

// ---------------------------------------------------------------------------------------------- the tests

describe('console feed: handshake', () => {
  it('refuses a console without a token or with a bad one, and accepts a valid access token', async () => {
    const now = Math.floor(Date.now() / 1000);
    const valid = await a.token('officer.us');
    const [head, body, signature] = valid.split('.') as [string, string, string];
    const claims = JSON.parse(Buffer.from(body, 'base64url').toString()) as Record<string, unknown>;
    const tampered = `${head}.${body}.${signature.slice(0, -4)}${signature.endsWith('AAAA') ? 'BBBB' : 'AAAA'}`;
    const header = { alg: 'HS256', typ: 'at+jwt' };

    expect(await tryHandshake(a.url, {})).toMatch(/^unauthorized: auth\.token .* is required/);
    expect(await tryHandshake(a.url, { token: '' })).toMatch(/^unauthorized: auth\.token .* is required/);
    expect(await tryHandshake(a.url, { token: 42 })).toMatch(/^unauthorized: auth\.token .* is required/);
    for (const bad of [
      'not-a-token',
      tampered,
      signJwt(header, { ...claims, iat: now, exp: now + 600 }, 'some-other-secret-entirely-32+chars'),
      // The constant that signed every default install's tokens before: nothing in the repository signs tokens now.
      signJwt(header, { ...claims, iat: now, exp: now + 600 }, 'enlace-development-secret-not-for-production-use'),
      `${Buffer.from('{"alg":"none","typ":"at+jwt"}').toString('base64url')}.${body}.`,
    ]) {
      expect(await tryHandshake(a.url, { token: bad })).toBe('unauthorized: AUTH.TOKEN_INVALID');
    }
    const secret = generatedSigningSecret();
    expect(
      await tryHandshake(a.url, { token: signJwt(header, { ...claims, iat: now - 7200, exp: now - 3600 }, secret) }),
    ).toBe('unauthorized: AUTH.TOKEN_EXPIRED');

    expect(await tryHandshake(a.url, { token: valid })).toBe('connected');
    expect(await tryHandshake(b.url, { token: await a.token('officer.mx') })).toBe('connected');
  }, 20_000);

  it('refuses a subscription to unknown rooms or from a position this feed never gave', async () => {
    const client = await connect(a);
    for (const rooms of [[], ['everything'], ['incident:42'], ['port:Otay Mesa'], 'board', Array(101).fill('board')]) {
      expect(await client.socket.timeout(5_000).emitWithAck('subscribe', { rooms: rooms as Room[] })).toMatchObject({
        ok: false,
        error: { code: 'CONSOLE.BAD_ROOMS' },
      });
    }
    for (const after of ['yesterday', 12, '1:2', `${'9'.repeat(20)}:${'9'.repeat(21)}`]) {
      expect(
        await client.socket.timeout(5_000).emitWithAck('subscribe', { rooms: ['board'], after: after as string }),
      ).toMatchObject({
        ok: false,
        error: { code: 'CONSOLE.BAD_POSITION', message: { en: expect.any(String) as string } },
      });
    }
    client.close();
  }, 20_000);
});

describe('console feed: rooms', () => {
  it('delivers the events of HTTP commands to the right rooms, in order, each once', async () => {
    const rooms = {
      board: ['board'] as Room[],
      otay: ['port:otay-mesa'] as Room[],
      sanYsidro: ['port:san-ysidro'] as Room[],
      blm: ['blm:blm-sandiego-tijuana'] as Room[],
      otherBlm: ['blm:blm-nogales'] as Room[],
    };
    // One board console starts on long-polling and upgrades, as a browser does.
    const board = await connect(a, { transports: ['polling', 'websocket'] });
    // Batching consoles (`events` arrays) and one-by-one consoles side by side in the same rooms.
    const otay = await connect(a, { batch: true });
    const sanYsidro = await connect(a);
    const blm = await connect(b, { batch: true });
    const otherBlm = await connect(a);
    await subscribe(board, rooms.board);
    await subscribe(otay, rooms.otay);
    await subscribe(sanYsidro, rooms.sanYsidro);
    await subscribe(blm, rooms.blm);
    await subscribe(otherBlm, rooms.otherBlm);

    // An unrelated incident first: the board sees it; the incident console will start after it.
    const other = await reportIncident(a, 'Flooded approach road');
    await board.until(() => board.events.length === 1, 'the first incident');
    const since = board.lastEventPosition!;

    const report = await a.write('POST', '/api/incidents', 'officer.us', {
      kind: 'hazmat-release',
      title: { en: 'Chlorine release at the Otay Mesa commercial lot' },
      severity: 'severe',
      material: { unNumber: '1017', name: 'Chlorine' },
      location: { lat: 32.5495, lon: -116.9385, description: { en: 'Commercial inspection lot, dock 4' } },
      affectedPortIds: ['otay-mesa'],
    });
    const incidentId = report.id;
    const incidentRooms: Room[] = [`incident:${incidentId}`];
    const combinedRooms: Room[] = ['board', `incident:${incidentId}`, 'port:otay-mesa', 'blm:blm-sandiego-tijuana'];
    // Consoles opened after the report, resuming from the position before it (one on each process).
    await Promise.all([caughtUpWith(a, report.position), caughtUpWith(b, report.position)]);
    const incident = await connect(a);
    const incidentOnB = await connect(b, { batch: true });
    const combined = await connect(b, { batch: true });
    expect(await subscribe(incident, incidentRooms, since)).toMatchObject({ replay: 'events', from: since });
    await subscribe(incidentOnB, incidentRooms, since);
    await subscribe(combined, combinedRooms, since);

    await fileSitrep(a, incidentId, 'Nube de cloro contenida en el muelle 4');
    await a.write('POST', '/api/ports/otay-mesa/shutdowns', 'officer.us', {
      kind: 'hazmat-release',
      lanes: ['commercial:northbound'],
      reason: { en: 'Chlorine release in the commercial lot', es: 'Fuga de cloro en el patio comercial' },
      incidentId,
    });
    const checklist = await a.request<{ items: { id: string; owner: string }[] }>(
      'GET',
      '/api/ports/otay-mesa/checklist',
      { as: 'officer.us' },
    );
    const item = checklist.body.items.find((candidate) => candidate.owner !== 'MX')!;
    await a.write('POST', `/api/ports/otay-mesa/checklist/${item.id}/completion`, 'officer.us');
    const notification = await a.write('POST', '/api/notifications', 'officer.us', {
      blmId: 'blm-sandiego-tijuana',
      subject: { incidentId, portId: 'otay-mesa' },
      title: { en: 'Otay Mesa commercial lanes closed', es: 'Carriles comerciales de Otay Mesa cerrados' },
      body: { en: 'Chlorine release.', es: 'Fuga de cloro.' },
      severity: 'severe',
      acknowledgmentDeadline: new Date(Date.now() + 30 * 60_000).toISOString(),
    });
    for (const user of ['officer.us', 'officer.mx']) {
      await b.write('POST', `/api/notifications/${notification.id}/acknowledgments`, user, { readIn: 'en' });
    }
    // Not linked to the incident: the board and the San Ysidro room only.
    await a.write('POST', '/api/ports/san-ysidro/shutdowns', 'officer.mx', {
      kind: 'security-threat',
      reason: { es: 'Amenaza de bomba' },
    });
    await fileSitrep(b, other, 'Nivel del agua estable');

    const byType = (events: RecordedEvent[]) => events.map((event) => event.type);
    const incidentTypes = [
      'IncidentReported',
      'SituationReportFiled',
      'PortShutdownDeclared',
      'ChecklistItemCompleted',
      'BlmNotificationIssued',
      'BlmNotificationAcknowledged',
      'BlmNotificationAcknowledged',
    ];
    expect(byType(await expectExactly(incident, incidentRooms, since))).toEqual(incidentTypes);
    expect(byType(await expectExactly(incidentOnB, incidentRooms, since))).toEqual(incidentTypes);
    expect(byType(await expectExactly(board, rooms.board, startOf(board)))).toEqual([
      'IncidentReported',
      ...incidentTypes,
      'PortShutdownDeclared',
      'SituationReportFiled',
    ]);
    expect(byType(await expectExactly(combined, combinedRooms, since))).toEqual([
      ...incidentTypes,
      'PortShutdownDeclared',
      'SituationReportFiled',
    ]);
    expect(byType(await expectExactly(otay, rooms.otay, startOf(otay)))).toEqual(incidentTypes.slice(2));
    expect(byType(await expectExactly(sanYsidro, rooms.sanYsidro, startOf(sanYsidro)))).toEqual([
      'PortShutdownDeclared',
    ]);
    expect(byType(await expectExactly(blm, rooms.blm, startOf(blm)))).toEqual(incidentTypes.slice(4));
    expect(otherBlm.events).toEqual([]);
    expect(incident.events[0]).toMatchObject({
      streamId: `incident-${incidentId}`,
      revision: 0,
      data: { incidentId, material: { unNumber: '1017' } },
      metadata: { actor: 'officer.us', agency: 'CBP', country: 'US', role: 'officer', mode: 'actual' },
    });
    // The replay ended before the live events: caught-up after the report, before the situation report.
    const caughtUp = incident.received.findIndex((item) => item.kind === 'caught-up');
    expect(incident.received.slice(0, caughtUp + 1).map((item) => item.kind)).toEqual(['event', 'caught-up']);
    // Batching consoles got only `events` arrays, and the one-by-one consoles only `event` messages.
    for (const client of [otay, blm, incidentOnB, combined]) {
      expect(client.singles).toBe(0);
      expect(client.batches.reduce((sum, size) => sum + size, 0)).toBe(client.events.length);
    }
    for (const client of [board, sanYsidro, incident, otherBlm]) expect(client.batches).toEqual([]);
  }, 30_000);
});

describe('console feed: leaving rooms', () => {
  it('after unsubscribe a console keeps its other rooms, each event once, and hears nothing of the rooms it left', async () => {
    const client = await connect(a, { batch: true });
    const single = await connect(a);
    await subscribe(client, ['board', 'port:calexico-east']);
    await subscribe(single, ['board', 'port:calexico-east']);
    await reportIncident(a, 'Before leaving the board', 'calexico-east');
    await client.until(() => client.events.length === 1, 'the incident on the board');
    await single.until(() => single.events.length === 1, 'the incident on the board');

    for (const console_ of [client, single]) {
      expect(await console_.socket.timeout(5_000).emitWithAck('unsubscribe', { rooms: ['board'] })).toEqual({
        ok: true,
        rooms: ['port:calexico-east'],
      });
    }
    await reportIncident(a, 'Only on the board', 'calexico-east');
    const shutdown = await a.write('POST', '/api/ports/calexico-east/shutdowns', 'officer.mx', {
      kind: 'flood',
      reason: { es: 'Canal desbordado' },
    });
    for (const console_ of [client, single]) {
      await console_.untilPosition(shutdown.position);
      expect(console_.events.map((event) => event.type)).toEqual(['IncidentReported', 'PortShutdownDeclared']);
    }
    expect(client.singles).toBe(0);
    expect(single.batches).toEqual([]);
  }, 30_000);
});

describe('console feed: many consoles', () => {
  it('sends to groups of more than one shard, with consoles joining mid-burst: each console every event once, in order', async () => {
    const incidentId = await reportIncident(a, 'Levee breach upstream of the bridge');
    const first = await fileSitrep(a, incidentId, 'Antes de la ráfaga');
    await caughtUpWith(a, first.position);
    const since = first.position;
    const connectMany = (count: number) =>
      Promise.all(
        Array.from({ length: count }, async (_, i) => {
          const client = await connect(a, { batch: i % 3 !== 0 });
          await subscribe(client, ['board'], since);
          return client;
        }),
      );
    // 600 on `board` before the burst (three shards of the batching group, one of the other), 150 during it.
    const consoles: ConsoleClient[] = [];
    try {
      consoles.push(...(await connectMany(600)));
      const burst = appendSitreps([incidentId], 300, { concurrency: 4 });
      await sleep(150);
      consoles.push(...(await connectMany(150)));
      await burst;
      const last = await fileSitrep(a, incidentId, 'Después de la ráfaga');

      const expected = routedTo(['board'], await storedEvents()).filter((event) => event.position > since);
      expect(expected.at(-1)!.position).toBe(last.position);
      await Promise.all(consoles.map((client) => client.untilPosition(last.position, 30_000)));
      await sleep(300);
      const want = expected.map((event) => event.position);
      const wrong = consoles.filter(
        (client) => JSON.stringify(client.events.map((event) => event.position)) !== JSON.stringify(want),
      );
      expect({ consoles: consoles.length, wrong: wrong.length }).toEqual({ consoles: 750, wrong: 0 });
      expect(want.length).toBe(301);
    } finally {
      // 750 consoles left on `board` would slow every later test's appends.
      for (const client of consoles) client.close();
    }
  }, 120_000);
});

describe('console feed: resuming after a dropped connection', () => {
  it('a console disconnected while 500 events are appended gets exactly those 500, then live ones', async () => {
    const incidentId = await reportIncident(b, 'River over the low-water crossing');
    const noiseId = await reportIncident(b, 'Another flood, other room');
    const rooms: Room[] = [`incident:${incidentId}`];
    const client = await connect(b, { batch: true });
    const boardClient = await connect(a);
    await subscribe(client, rooms);
    await subscribe(boardClient, ['board']);
    const first = await fileSitrep(b, incidentId, 'Primer reporte');
    await client.untilPosition(first.position);
    await boardClient.untilPosition(first.position);
    const seen = client.lastEventPosition!;
    const boardSeen = boardClient.lastEventPosition!;
    expect(seen).toBe(first.position);

    client.forgetRooms();
    boardClient.forgetRooms();
    client.socket.disconnect();
    boardClient.socket.disconnect();
    await appendSitreps([incidentId], 500, { concurrency: 6 });
    await appendSitreps([noiseId], 100, { perAppend: 10 });
    const missedUpTo = await headPosition();
    await Promise.all([caughtUpWith(a, missedUpTo), caughtUpWith(b, missedUpTo)]);
    expect(client.events.length).toBe(1);

    await reconnect(client);
    await reconnect(boardClient);
    // Live appends race the replay: they must come after it, in order, neither lost nor repeated.
    const acks = Promise.all([client.subscribe(rooms, seen), boardClient.subscribe(['board'], boardSeen)]);
    const live = await appendWhile(
      [incidentId, noiseId],
      acks.then(() => sleep(100)),
    );
    const [ack, boardAck] = await acks;
    await fileSitrep(a, incidentId, 'Reporte después de reconectar');
    expect(ack).toEqual({ ok: true, rooms, replay: 'events', from: seen });
    expect(boardAck).toEqual({ ok: true, rooms: ['board'], replay: 'events', from: boardSeen });

    const delivered = await expectExactly(client, rooms, seen);
    const missed = delivered.filter((event) => event.position <= missedUpTo);
    expect(missed).toHaveLength(500);
    expect(delivered.length).toBe(500 + Math.ceil(live / 2) + 1);
    const caughtUp = client.received.findIndex((item, i) => i > 2 && item.kind === 'caught-up');
    const beforeCaughtUp = client.received.slice(0, caughtUp).filter((item) => item.kind === 'event');
    expect(beforeCaughtUp.length).toBeGreaterThanOrEqual(1 + 500);
    expect((await expectExactly(boardClient, ['board'], boardSeen)).length).toBe(500 + 100 + live + 1);
    // The batching console's replay came several events to a message (a message per event would be 500).
    expect(client.singles).toBe(0);
    expect(Math.max(...client.batches)).toBeGreaterThan(100);
    expect(boardClient.batches).toEqual([]);
  }, 60_000);

  it('a console whose transport dies in the middle of a burst resumes on its own, with no gap and no duplicate', async () => {
    const incidentId = await reportIncident(a, 'Flash flood on the port approach');
    const rooms: Room[] = ['board', `incident:${incidentId}`];
    const client = await connect(a, { batch: true });
    await subscribe(client, rooms);
    const since = client.lastPosition!;

    let appended = 0;
    const burst = (async () => {
      for (let i = 0; i < 50; i += 1) {
        await appendSitreps([incidentId], 10, { concurrency: 2 });
        appended += 10;
        await sleep(5);
      }
    })();
    for (const at of [100, 250, 400]) {
      await client.until(() => client.events.length >= at - 60, `${at - 60} events before the drop`);
      const dropped = client.reconnected();
      client.killTransport();
      await dropped;
    }
    await burst;
    expect(appended).toBe(500);
    expect(client.drops.length).toBeGreaterThanOrEqual(3);

    const delivered = await expectExactly(client, rooms, since);
    expect(delivered.filter((event) => event.type === 'SituationReportFiled')).toHaveLength(500);
    expect(client.errors).toEqual([]);
    expect(client.acks.slice(1).every((ack) => ack.ok && ack.replay !== 'snapshot')).toBe(true);
  }, 60_000);
});

describe('console feed: an api restart', () => {
  it.each(['SIGKILL', 'SIGTERM'] as const)(
    'a console of an api stopped by %s resumes on its replacement with exactly the events it missed',
    async (signal) => {
      const incidentId = await reportIncident(a, 'Levee seepage');
      const noiseId = await reportIncident(b, 'Unrelated flooding');
      const rooms: Room[] = [`incident:${incidentId}`, 'port:hidalgo'];
      const client = await connect(a);
      await subscribe(client, rooms);
      const first = await fileSitrep(a, incidentId, 'Antes del reinicio');
      await client.untilPosition(first.position);
      const seen = client.lastEventPosition!;

      const port = a.port;
      await a.stop(signal);
      await appendSitreps([incidentId, noiseId], 500, { perAppend: 5, concurrency: 4 });
      // Appended through the other api while this one is down.
      await fileSitrep(b, incidentId, 'Durante el reinicio');
      const reconnected = client.reconnected(30_000);
      a = await startApi(port);
      await reconnected;
      await fileSitrep(a, incidentId, 'Después del reinicio');

      const delivered = await expectExactly(client, rooms, seen);
      expect(delivered).toHaveLength(250 + 1 + 1);
      expect(client.acks.at(-1)).toEqual({ ok: true, rooms, replay: 'events', from: seen });
      expect(client.errors).toEqual([]);
    },
    60_000,
  );
});

describe('console feed: far behind', () => {
  it(`replays ${REPLAY_LIMIT} missed events; one more and it gets a snapshot, then exactly the events after it`, async () => {
    const incidentId = await reportIncident(b, 'Rio Grande at flood stage');
    const client = await connect(b);
    await subscribe(client, ['board']);
    const first = await fileSitrep(b, incidentId, 'Inicio');
    await client.untilPosition(first.position);

    // Exactly REPLAY_LIMIT behind: replayed event by event.
    let seen = client.lastEventPosition!;
    client.forgetRooms();
    client.socket.disconnect();
    await appendSitreps([incidentId], REPLAY_LIMIT, { perAppend: 50, concurrency: 4 });
    await reconnect(client);
    expect(await client.subscribe(['board'], seen)).toMatchObject({ ok: true, replay: 'events' });
    expect(await expectExactly(client, ['board'], seen)).toHaveLength(REPLAY_LIMIT);

    // One more: a snapshot instead.
    seen = client.lastEventPosition!;
    client.forgetRooms();
    client.socket.disconnect();
    await appendSitreps([incidentId], REPLAY_LIMIT + 1, { perAppend: 50, concurrency: 4 });
    await caughtUpWith(b, await headPosition());
    const received = client.received.length;
    await reconnect(client);
    expect(await client.subscribe(['board'], seen)).toMatchObject({ ok: true, replay: 'snapshot', from: seen });
    const after = client.received.slice(received);
    expect(after[0]!.kind).toBe('snapshot');
    const snapshot = client.snapshots.at(-1)!;
    expect(snapshot.position > seen).toBe(true);
    await fileSitrep(a, incidentId, 'Después de la instantánea');
    await expectExactly(client, ['board'], snapshot.position);
    expect(
      client.received
        .slice(received + 1)
        .every((item) => item.kind !== 'event' || item.event.position > snapshot.position),
    ).toBe(true);
  }, 60_000);

  it('the snapshot holds the read models of its rooms as of its position; live appends during it follow it exactly', async () => {
    const incidentId = await reportIncident(b, 'Storm surge at the bridge');
    const otherId = await reportIncident(b, 'Somewhere else');
    const rooms: Room[] = ['board', `incident:${incidentId}`, 'port:hidalgo'];
    const client = await connect(b);
    await subscribe(client, rooms);
    const first = await fileSitrep(b, incidentId, 'Uno');
    await client.untilPosition(first.position);
    const seen = client.lastEventPosition!;

    client.forgetRooms();
    client.socket.disconnect();
    await appendSitreps([incidentId, otherId], 2_500, { perAppend: 25, concurrency: 4 });
    await caughtUpWith(b, await headPosition());
    const received = client.received.length;
    await reconnect(client);
    const subscribed = client.subscribe(rooms, seen);
    await appendWhile(
      [incidentId, otherId],
      subscribed.then(() => sleep(100)),
    );
    const ack = await subscribed;
    expect(ack).toEqual({ ok: true, rooms, replay: 'snapshot', from: seen });

    const snapshots = client.received.slice(received).filter((item) => item.kind === 'snapshot');
    expect(snapshots).toHaveLength(1);
    expect(client.received[received]!.kind).toBe('snapshot');
    const snapshot = client.snapshots.at(-1)!;
    const delivered = await expectExactly(client, rooms, snapshot.position);
    expect(delivered.length).toBeGreaterThan(0);
    // Nothing the snapshot already holds is sent again after it.
    const afterSnapshot = client.received.slice(received + 1);
    expect(afterSnapshot.filter((item) => item.kind === 'event' && item.event.position <= snapshot.position)).toEqual(
      [],
    );

    // The snapshot is the read models exactly as of its position.
    const upTo = (await storedEvents()).filter((event) => event.position <= snapshot.position);
    const incidentEvents = upTo.filter((event) => event.streamId === `incident-${incidentId}`);
    expect(snapshot.rooms).toEqual(rooms);
    const view = (
      snapshot.incidents as Record<string, { incident: { revision: number }; timeline: { position: string }[] }>
    )[incidentId]!;
    expect(view.incident.revision).toBe(incidentEvents.at(-1)!.revision);
    expect(view.timeline.map((entry) => entry.position)).toEqual(incidentEvents.map((event) => event.position));
    const boardView = snapshot.board as {
      incidents: { incidentId: string }[];
      ports: unknown[];
      notifications: unknown[];
    };
    expect(boardView.incidents.map((line) => line.incidentId)).toEqual(expect.arrayContaining([incidentId, otherId]));
    expect(snapshot.ports).toHaveProperty('hidalgo');
  }, 60_000);
});

describe('console feed: several api processes on one store', () => {
  it('a command accepted by any process reaches the consoles of every process, once and in order', async () => {
    const c = await startApi();
    const processes = [a, b, c];
    const incidentId = await reportIncident(c, 'Bridge closed by flooding', 'tecate');
    const otherId = await reportIncident(a, 'Second incident', 'tecate');
    const incidentRooms: Room[] = [`incident:${incidentId}`];
    const consoles: { client: ConsoleClient; rooms: Room[]; since: string }[] = [];
    for (const api of processes) {
      for (const [i, rooms] of ([['board'], incidentRooms, ['port:tecate']] as Room[][]).entries()) {
        const client = await connect(api, { batch: i !== 1 });
        await subscribe(client, rooms);
        consoles.push({ client, rooms, since: client.lastPosition! });
      }
    }

    // Every process accepts commands at once: situation reports, a linked shutdown, a notification and its acks.
    const accepted: string[] = [];
    await Promise.all(
      processes.map(async (api, p) => {
        for (let i = 0; i < 12; i += 1) {
          const target = i % 2 === 0 ? incidentId : otherId;
          accepted.push(
            (await fileSitrep(api, target, `Reporte ${p}.${i}`, p === 1 ? 'officer.us' : 'officer.mx')).position,
          );
        }
      }),
    );
    accepted.push(
      (
        await c.write('POST', '/api/ports/tecate/shutdowns', 'officer.mx', {
          kind: 'flood',
          reason: { es: 'Puente inundado' },
          incidentId,
        })
      ).position,
    );
    const notification = await b.write('POST', '/api/notifications', 'officer.mx', {
      blmId: 'blm-sandiego-tijuana',
      subject: { incidentId, portId: 'tecate' },
      title: { es: 'Garita de Tecate cerrada' },
      body: { es: 'Inundación.' },
      severity: 'moderate',
      acknowledgmentDeadline: new Date(Date.now() + 30 * 60_000).toISOString(),
    });
    accepted.push(notification.position);
    accepted.push(
      (await a.write('POST', `/api/notifications/${notification.id}/acknowledgments`, 'officer.us', { readIn: 'en' }))
        .position,
    );

    await Promise.all(consoles.map(({ client, rooms, since }) => expectExactly(client, rooms, since)));
    const boards = consoles.filter(({ rooms }) => rooms[0] === 'board');
    for (const { client } of boards) {
      const positions = client.events.map((event) => event.position);
      for (const position of accepted) expect(positions.filter((seen) => seen === position)).toHaveLength(1);
    }
    const incidentConsoles = consoles.filter(({ rooms }) => rooms === incidentRooms);
    for (const { client } of incidentConsoles) {
      expect(client.events.filter((event) => event.type === 'SituationReportFiled')).toHaveLength(18);
      expect(client.events.slice(-3).map((event) => event.type)).toEqual([
        'PortShutdownDeclared',
        'BlmNotificationIssued',
        'BlmNotificationAcknowledged',
      ]);
    }
  }, 60_000);

  it('a console resumes on another process than the one it left, even one not yet as far along', async () => {
    const c = apis.at(-1)!;
    const incidentId = await reportIncident(a, 'Culvert collapse');
    const left = await connect(a);
    await subscribe(left, ['board']);
    const since = startOf(left)!;
    await fileSitrep(b, incidentId, 'Antes de cambiar de proceso');
    const seen = (await fileSitrep(c, incidentId, 'Último visto')).position;
    await left.untilPosition(seen);
    left.close();

    // While it is away, two processes accept commands; it comes back on the third.
    await fileSitrep(b, incidentId, 'Mientras tanto');
    await appendSitreps([incidentId], 40, { perAppend: 4 });
    const moved = await connect(c);
    expect(await subscribe(moved, ['board'], left.lastEventPosition)).toMatchObject({ from: seen });
    await fileSitrep(a, incidentId, 'De vuelta');
    await expectExactly(moved, ['board'], seen);
    const everything = [...left.events, ...moved.events].map((event) => event.position);
    const expected = routedTo(['board'], await storedEvents()).filter((event) => event.position > since);
    expect(everything).toEqual(expected.map((event) => event.position));

    // A console that saw a write on one process subscribes at once on the others, maybe before they applied it.
    const written = await a.write('POST', `/api/incidents/${incidentId}/situation-reports`, 'officer.us', {
      summary: { en: 'Seen on the first process' },
    });
    const ahead = await Promise.all([b, c].map((api) => connect(api)));
    await Promise.all(ahead.map((client) => subscribe(client, ['board'], written.position)));
    await appendSitreps([incidentId], 10);
    await fileSitrep(b, incidentId, 'Después');
    for (const client of ahead) {
      expect((await expectExactly(client, ['board'], written.position)).length).toBe(11);
      expect(client.events[0]!.position > written.position).toBe(true);
    }
  }, 30_000);
});
