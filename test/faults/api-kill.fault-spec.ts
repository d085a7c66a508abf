import { randomUUID } from 'node:crypto';
import { isDeepStrictEqual } from 'node:util';
import { collect, openPostgresEventStore, type PostgresEventStore } from '@enlace/event-store';
import { TestPostgresServer, uniqueSchemaName } from '@enlace/event-store/testing';
import { eventually, TestRedisServer } from '@enlace/notifications/testing';
import pg from 'pg';
import { type ApiProcess, ApiProcess as Api, type ApiResponse, buildApi } from '../support/api-process.js';
import { faultFigures } from '../support/fault-figures.js';

/**
 * The api killed (SIGKILL) under concurrent write load, on a PostgreSQL server and a redis-server of the test's own.
 * Eight writers send commands (situation reports on incidents, notifications to a BLM), each with an Idempotency-Key;
 * the api dies mid-load and is started again on the same port; a command that got no answer is sent again with its
 * key until it gets one, as a careful client would. Then every command is in the store exactly once (its events, and
 * its text), and the board, the ports and the notification tracker the restarted api serves (restored from the
 * snapshot its predecessor saved, then caught up) equal what a fresh api serves after folding the same events from the first one (a copy of
 * the store in a schema of its own, with no read-model rows at all).
 */
const WRITERS = 8;
const INCIDENTS = 4;
const LIVE_PREFIXES = ['incident-', 'port-', 'notification-'];

let postgres: TestPostgresServer;
let redis: TestRedisServer;
let store: PostgresEventStore | undefined;
const apis: ApiProcess[] = [];

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

beforeAll(async () => {
  buildApi();
  [postgres, redis] = await Promise.all([TestPostgresServer.start(), TestRedisServer.start()]);
}, 60_000);

afterAll(async () => {
  await Promise.all(apis.map((api) => api.stop('SIGKILL')));
  await store?.close();
  await Promise.all([postgres?.destroy(), redis?.stop()]);
}, 60_000);

interface Command {
  writer: number;
  /** The text that makes it recognisable in the store. */
  text: string;
  key: string;
  /** Every try: an HTTP status, or 'no answer' (the connection failed or was cut). */
  tries: (number | 'no answer')[];
  /** The events its 2xx answer names (the first answer's, when replayed). */
  eventIds: string[];
  position: string;
  /** Its 2xx answered a retry with the outcome of an earlier try (committed, but the answer was lost). */
  replayed: boolean;
  sentAt: number;
}

it('an api killed (SIGKILL) under 8 concurrent writers loses and repeats no command, and its read models equal a rebuild', async () => {
  const schema = uniqueSchemaName('api_kill');
  const env = { LOG_LEVEL: 'log', REDIS_URL: redis.url };
  let api = await Api.start({ databaseUrl: postgres.url, schema, env });
  apis.push(api);
  const port = api.port;

  const incidents: string[] = [];
  for (let i = 0; i < INCIDENTS; i += 1) {
    const { id } = await api.write('POST', '/api/incidents', 'officer.us', {
      kind: 'hazmat-release',
      title: { en: `Kill drill ${i}` },
      severity: 'moderate',
      location: { lat: 32.55, lon: -116.94, description: { en: 'Cargo facility' } },
      affectedPortIds: ['otay-mesa'],
    });
    incidents.push(id);
  }
  // Tokens before the kill, so the writers never log in mid-run.
  await Promise.all(['officer.us', 'officer.mx', 'auditor'].map((user) => api.token(user)));

  /** The request of writer `index`'s command: a situation report (even writers) or a notification (odd ones). */
  const requestOf = (index: number, text: string): { path: string; as: string; body: unknown } =>
    index % 2 === 0
      ? {
          path: `/api/incidents/${incidents[(index / 2) % INCIDENTS]}/situation-reports`,
          as: 'officer.mx',
          body: { summary: { es: text } },
        }
      : {
          path: '/api/notifications',
          as: 'officer.us',
          body: {
            blmId: 'blm-sandiego-tijuana',
            subject: { portId: 'otay-mesa' },
            title: { en: text, es: text },
            body: { en: 'Lanes closed.', es: 'Carriles cerrados.' },
            severity: 'moderate',
            acknowledgmentDeadline: new Date(Date.now() + 3_600_000).toISOString(),
          },
        };

  const commands: Command[] = [];
  const unexpected: string[] = [];
  let writing = true;
  let abandoned = false;
  let restartedAt = Number.POSITIVE_INFINITY;
  const writer = async (index: number): Promise<void> => {
    for (let n = 0; writing; n += 1) {
      const command: Command = {
        writer: index,
        text: `k${index}-${n}-${randomUUID().slice(0, 8)}`,
        key: randomUUID(),
        tries: [],
        eventIds: [],
        position: '',
        replayed: false,
        sentAt: Date.now(),
      };
      commands.push(command);
      const { path, as, body } = requestOf(index, command.text);
      // Sent again with the same key until it gets an answer: through the kill, the restart, whatever it takes.
      while (!abandoned) {
        let status: number;
        let answer: Record<string, unknown>;
        try {
          const response = await fetch(`http://127.0.0.1:${port}${path}`, {
            method: 'POST',
            headers: {
              authorization: `Bearer ${await api.token(as)}`,
              'content-type': 'application/json',
              'idempotency-key': command.key,
            },
            body: JSON.stringify(body),
          });
          status = response.status;
          answer = (await response.json()) as Record<string, unknown>;
        } catch {
          command.tries.push('no answer');
          await sleep(100);
          continue;
        }
        command.tries.push(status);
        if (status >= 200 && status < 300) {
          command.eventIds = (answer.events as { id: string }[]).map((event) => event.id);
          command.position = (answer.position as string | undefined) ?? '';
          command.replayed = answer.replayed === true;
          break;
        }
        unexpected.push(`writer ${index}: ${status} ${JSON.stringify(answer)}`);
        return;
      }
    }
  };
  const answered = (after: number) => (index: number) =>
    commands.filter((c) => c.writer === index && c.sentAt > after && c.eventIds.length > 0).length;
  const everyWriter = (check: (index: number) => boolean) => Array.from({ length: WRITERS }, (_, i) => i).every(check);

  const startedAt = Date.now();
  const writers = Array.from({ length: WRITERS }, (_, index) => writer(index));
  try {
    // Load until the api saved a snapshot of its read models and every writer got through a few times after it, so
    // the restarted api restores that snapshot and folds the rest; then kill -9 while commands are in flight.
    await eventually(() => checkpointSaved(schema, 'read-models@live'), 30_000, 'a snapshot of the read models');
    const snapshotAt = Date.now();
    await eventually(
      () => {
        if (unexpected.length > 0) throw new Error(unexpected.join('\n'));
        return everyWriter((i) => answered(snapshotAt)(i) >= 3);
      },
      30_000,
      'three commands of every writer after the snapshot',
    );
    const inFlightAtKill = commands.filter((c) => c.eventIds.length === 0).length;
    await api.stop('SIGKILL');
    const killedAt = Date.now();
    api = await Api.start({ databaseUrl: postgres.url, schema, env, port });
    apis.push(api);
    restartedAt = Date.now();

    await eventually(
      () => {
        if (unexpected.length > 0) throw new Error(unexpected.join('\n'));
        return everyWriter((i) => answered(restartedAt)(i) >= 3);
      },
      30_000,
      'three commands of every writer after the restart',
    );
    writing = false;
    await Promise.all(writers);
    expect(unexpected).toEqual([]);

    // Every command is in the store exactly once: the events its answer names, and its text.
    store = await openPostgresEventStore({ connectionString: postgres.url, schema, poolSize: 2 });
    const stored = await collect(store.readAll({ filter: { streamPrefixes: LIVE_PREFIXES } }));
    const idCount = new Map<string, number>();
    const textCount = new Map<string, number>();
    for (const event of stored) {
      idCount.set(event.id, (idCount.get(event.id) ?? 0) + 1);
      const data = event.data as { summary?: { es?: string }; title?: { en?: string } };
      const text = event.type === 'BlmNotificationIssued' ? data.title?.en : data.summary?.es;
      if (text?.startsWith('k')) textCount.set(text, (textCount.get(text) ?? 0) + 1);
    }
    const cutByKill = commands.filter((c) => c.tries.includes('no answer'));
    const present = commands.filter((c) => textCount.get(c.text) === 1).length;
    const duplicated = commands.filter((c) => (textCount.get(c.text) ?? 0) > 1).length;
    const lost = commands.filter((c) => !textCount.has(c.text)).length;
    const eventsNotOnce = commands.flatMap((c) => c.eventIds.filter((id) => idCount.get(id) !== 1));

    // The read models the restarted api serves equal those of a fresh api folding the same events from the first.
    const fresh = uniqueSchemaName('api_kill_fresh');
    await copyEvents(schema, fresh);
    const freshApi = await Api.start({ databaseUrl: postgres.url, schema: fresh, env });
    apis.push(freshApi);
    const last = stored.at(-1)!.position;
    const served = await Promise.all([api, freshApi].map((process) => readModels(process, last)));
    const [restarted, rebuilt] = served;

    faultFigures(
      'api kill -9 under 8 concurrent writers',
      {
        commandsSent: commands.length,
        answered2xx: commands.filter((c) => c.eventIds.length > 0).length,
        inFlightAtKill,
        cutByKillAndRetried: cutByKill.length,
        committedButUnanswered: cutByKill.filter((c) => c.replayed).length,
        present,
        duplicated,
        lost,
        restartMs: restartedAt - killedAt,
        readModels: {
          incidents: rebuilt!.board.length,
          ports: rebuilt!.ports.length,
          notifications: rebuilt!.tracker.length,
          equalToRebuild: isDeepStrictEqual(restarted, rebuilt),
        },
      },
      startedAt,
    );
    expect(cutByKill.length).toBeGreaterThan(0);
    expect({ present, duplicated, lost }).toEqual({ present: commands.length, duplicated: 0, lost: 0 });
    expect(eventsNotOnce).toEqual([]);
    expect(rebuilt!.board.length).toBe(INCIDENTS);
    expect(restarted).toEqual(rebuilt);
    expect(api.output()).toMatch(/read-models@live\].*Restored the checkpoint at/);
    expect(api.output()).not.toContain('INTERNAL_ERROR');
  } finally {
    writing = false;
    abandoned = true;
    await Promise.all(writers);
  }
}, 120_000);

/** The consumer saved a checkpoint (the read models' snapshot, for `read-models@live`) in that schema. */
async function checkpointSaved(schema: string, consumer: string): Promise<boolean> {
  const client = new pg.Client({ connectionString: postgres.url });
  await client.connect();
  try {
    const { rows } = await client.query<{ position: string | null }>(
      `SELECT position FROM "${schema}".es_consumers WHERE consumer = $1`,
      [consumer],
    );
    return typeof rows[0]?.position === 'string';
  } finally {
    await client.end();
  }
}

/** Every event of `from`, as recorded (same positions, same hashes), into a new schema `to` of the same server. */
async function copyEvents(from: string, to: string): Promise<void> {
  // Opening a store creates its schema and tables, empty.
  const copy = await openPostgresEventStore({ connectionString: postgres.url, schema: to, poolSize: 1 });
  await copy.close();
  const client = new pg.Client({ connectionString: postgres.url });
  await client.connect();
  try {
    const columns =
      'global_position, tx_id, stream_id, revision, event_id, event_type, data, metadata, recorded_at, hash';
    await client.query('BEGIN');
    await client.query(`INSERT INTO "${to}".es_streams SELECT * FROM "${from}".es_streams`);
    await client.query(
      `INSERT INTO "${to}".es_events (${columns}) OVERRIDING SYSTEM VALUE
       SELECT ${columns} FROM "${from}".es_events ORDER BY tx_id, global_position`,
    );
    await client.query(
      `SELECT setval(pg_get_serial_sequence('"${to}".es_events', 'global_position'),
                     (SELECT max(global_position) FROM "${to}".es_events))`,
    );
    await client.query('COMMIT');
  } finally {
    await client.end();
  }
}

/** The board (open and closed), the ports and the notification tracker an api serves once it reached `after`. */
async function readModels(api: ApiProcess, after: string) {
  const [board, ports, tracker] = await Promise.all([
    everyPage(api, `/api/incidents?status=all&after=${after}`),
    everyPage(api, `/api/ports?after=${after}`),
    everyPage(api, `/api/notifications?status=all&after=${after}`),
  ]);
  return { board, ports, tracker };
}

async function everyPage(api: ApiProcess, path: string): Promise<unknown[]> {
  const items: unknown[] = [];
  let cursor: string | null = null;
  do {
    const response: ApiResponse<unknown[]> = await api.request<unknown[]>(
      'GET',
      cursor ? `${path}&cursor=${encodeURIComponent(cursor)}` : path,
      { as: 'auditor' },
    );
    if (response.status !== 200) throw new Error(`GET ${path}: ${response.status} ${JSON.stringify(response.body)}`);
    items.push(...response.body);
    cursor = response.headers.get('x-next-cursor');
  } while (cursor);
  return items;
}
