/**
 * npm run bench:replay — what the history costs to read, rebuild and boot on, at several sizes, side by side.
 *
 * For each size it builds (once, then reuses) a history on PostgreSQL through the real command pipeline: closed
 * incidents, each with situation reports, both national centres notified, a joint response team stood up and down,
 * a port shutdown worked through its checklist, both sign-offs and the reopening, and a BLM notification delivered
 * and acknowledged; then the same open work at every size (10 open incidents, 3 active shutdowns, 10 pending
 * notifications). Then, in one run:
 *   (a) a raw keyset SELECT of the events (node-pg, 1,000 rows a page), the baseline;
 *   (b) iterating `$all` through the event store port (its own paging: 1,000 a page, read ahead);
 *   (c) rebuilding every live read model from zero through the process's event feed (read + decode + apply);
 * each the fastest of three interleaved rounds after a warm-up read, as events/s and ratios to (a); then the api
 * booted on the history (spawn → /health), its RSS after boot, and p50/p95 of the list routes.
 *
 *   BENCH_DATABASE_URL   default postgres://postgres@127.0.0.1:5432/enlace_bench (created if missing)
 *   BENCH_REPLAY_SIZES   default 100000 (events; e.g. 100000,1000000 — the 1M history takes ~15 min to build once)
 *   BENCH_REPLAY_REBUILD=1  rebuild the histories even if present
 */
import { CommandPipeline } from '@enlace/application';
import { History, HISTORY_PORTS as PORTS } from '@enlace/application/testing';
import { SystemClock } from '@enlace/clock';
import { EventFeed, LIVE_FEED_PREFIXES } from '@enlace/consumers';
import { portDecider, type ReferenceCatalog } from '@enlace/domain';
import { openPostgresEventStore, type PostgresEventStore } from '@enlace/event-store';
import { LIVE_STREAM_PREFIXES, ReadModels } from '@enlace/projections';
import { loadReferenceCatalog } from '@enlace/reference-data';
import { type ChildProcess, spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { ensureDatabase } from './bench-database.js';
import { rawRead } from './raw-read.js';
import { apiEnvironment, closeHttp, freePort, request } from './bench-http.js';
import { monoMs, sleep } from './live-shared.js';

const here = dirname(fileURLToPath(import.meta.url));
const root = resolve(here, '../..');
const API_MAIN = join(root, 'dist/apps/api/src/main.js');
const DATABASE_URL = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/enlace_bench';
const SIZES = (process.env.BENCH_REPLAY_SIZES ?? '100000').split(',').map((size) => Number(size.trim()));
const REBUILD = process.env.BENCH_REPLAY_REBUILD === '1';
const PAGE = 1_000;
/** Rounds of (a), (b) and (c); each figure is the fastest round's (the others met a busier machine). */
const ROUNDS = 3;
const OPEN = { incidents: 10, shutdowns: 3, notifications: 10 };

async function eventCount(client: pg.Client | pg.Pool, schema: string): Promise<number> {
  const { rows } = await client.query<{ n: string }>(
    `SELECT count(*)::text AS n FROM ${pg.escapeIdentifier(schema)}.es_events`,
  );
  return Number(rows[0]!.n);
}

async function build(size: number, schema: string, reference: ReferenceCatalog, admin: pg.Pool): Promise<void> {
  const exists = await admin.query('SELECT 1 FROM information_schema.schemata WHERE schema_name = $1', [schema]);
  if (exists.rowCount && !REBUILD && (await eventCount(admin, schema)) >= size) {
    console.log(`  ${schema}: reusing ${(await eventCount(admin, schema)).toLocaleString('en-US')} events`);
    return;
  }
  await admin.query(`DROP SCHEMA IF EXISTS ${pg.escapeIdentifier(schema)} CASCADE`);
  const store = await openPostgresEventStore({ connectionString: DATABASE_URL, schema, poolSize: 8 });
  try {
    const history = new History(new CommandPipeline(store, reference, new SystemClock()));
    const started = monoMs();
    let lastReport = started;
    // One lane per port: a port's shutdowns follow each other, the ports run side by side.
    const lanes = PORTS.map(async (portId) => {
      while ((await eventCount(admin, schema)) < size - 500) {
        for (let i = 0; i < 10; i += 1) await history.closedCycle(portId);
        if (monoMs() - lastReport > 15_000) {
          lastReport = monoMs();
          const count = await eventCount(admin, schema);
          console.log(
            `  ${schema}: ${count.toLocaleString('en-US')} events (${Math.round(count / ((monoMs() - started) / 1_000))}/s)`,
          );
        }
      }
    });
    await Promise.all(lanes);
    await history.openWork(OPEN);
    const failures = [...history.failures].map(([code, n]) => `${code} ×${n}`).join(', ');
    console.log(
      `  ${schema}: built ${(await eventCount(admin, schema)).toLocaleString('en-US')} events in ` +
        `${Math.round((monoMs() - started) / 1_000)} s${failures ? `; refused commands: ${failures}` : ''}`,
    );
  } finally {
    await store.close();
  }
}

// ---------------------------------------------------------------------------------------------------------------
// Measuring

interface Figures {
  events: number;
  rawPerS: number;
  portPerS: number;
  rebuildPerS: number;
  /** The first fold of the busiest port by a fresh process: from the start, and from its snapshot. */
  portFoldMs: { fromStart: number; fromSnapshot: number; events: number };
  /** Boot with no read-model checkpoint (the archive and the snapshot built from zero), and its RSS once archived. */
  coldBootMs: number;
  coldRssMb: number;
  bootMs: number;
  rssMb: number;
  routes: Record<string, { p50: number; p95: number; kb: number }>;
}

async function portRead(store: PostgresEventStore): Promise<{ count: number; ms: number }> {
  const started = monoMs();
  let count = 0;
  // The port's own paging (1,000 a page, as the baseline's), the next page read while this one is iterated.
  for await (const event of store.readAll()) if (event) count += 1;
  return { count, ms: monoMs() - started };
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

const rssMbOf = (pid: number | undefined) =>
  Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? 0) / 1024;

/** Forgets the read models' checkpoints and documents: the next boot builds them from zero. */
async function forgetReadModels(schema: string): Promise<void> {
  const client = new pg.Client({ connectionString: DATABASE_URL });
  await client.connect();
  try {
    const at = pg.escapeIdentifier(schema);
    await client.query(`DELETE FROM ${at}.es_consumers WHERE consumer LIKE 'read-model%'`);
    await client.query(`DELETE FROM ${at}.rm_documents`);
  } finally {
    await client.end();
  }
}

/** Waits until the read-model archive has reached the head of the log. */
async function archived(schema: string, store: PostgresEventStore): Promise<void> {
  const head = await store.headPosition();
  const started = monoMs();
  while ((await store.checkpoints.position('read-model-archive@live')) !== head) {
    if (monoMs() - started > 1_800_000) throw new Error(`the archive of ${schema} did not reach the head in 30 min`);
    await sleep(500);
  }
}

async function bootAndQuery(
  schema: string,
  store: PostgresEventStore,
  cold: boolean,
): Promise<{ bootMs: number; rssMb: number; routes: Figures['routes'] }> {
  const port = await freePort();
  const started = monoMs();
  const child: ChildProcess = spawn(process.execPath, [API_MAIN], {
    cwd: root,
    env: apiEnvironment(port, DATABASE_URL, schema, { WORKER_EMBEDDED: 'false' }),
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  try {
    for (;;) {
      if (child.exitCode !== null) throw new Error(`the api exited during start-up (code ${child.exitCode})`);
      const health = await request(port, 'GET', '/health').catch(() => undefined);
      if (health?.status === 200) break;
      if (monoMs() - started > 600_000) throw new Error('the api did not answer /health within 10 min');
      await sleep(50);
    }
    const bootMs = monoMs() - started;
    if (cold) {
      // Built from zero: the archive catches up in the background; the snapshot is saved at shutdown.
      await archived(schema, store);
      await sleep(3_000);
      return { bootMs, rssMb: rssMbOf(child.pid), routes: {} };
    }
    const rssMb = rssMbOf(child.pid);
    const login = await request(port, 'POST', '/api/auth/login', { username: 'officer.us', password: 'demo' });
    const token = (login.body as { accessToken?: string }).accessToken;
    if (login.status !== 200 || !token) throw new Error(`login failed: ${login.status}`);
    const routes: Figures['routes'] = {};
    for (const path of ['/api/incidents', '/api/notifications', '/api/ports']) {
      const times: number[] = [];
      let bytes = 0;
      for (let i = 0; i < 40; i += 1) {
        const sent = monoMs();
        const answer = await request(port, 'GET', path, undefined, token);
        times.push(answer.doneAt - sent);
        if (answer.status !== 200) throw new Error(`GET ${path} answered ${answer.status}`);
        bytes = Buffer.byteLength(JSON.stringify(answer.body));
      }
      times.sort((a, b) => a - b);
      routes[path] = { p50: percentile(times, 50), p95: percentile(times, 95), kb: bytes / 1024 };
    }
    return { bootMs, rssMb, routes };
  } finally {
    child.kill('SIGTERM');
    await new Promise((done) => child.once('exit', done));
  }
}

/** What the first command on the busiest port costs a process that just started: the fold of its stream. */
async function busiestPortFold(store: PostgresEventStore, reference: ReferenceCatalog): Promise<Figures['portFoldMs']> {
  const streamId = 'port-san-ysidro';
  const fresh = () => new CommandPipeline(store, reference, new SystemClock());
  const { snapshot: _snapshot, ...withoutSnapshots } = portDecider;
  let started = monoMs();
  const whole = await fresh().load(withoutSnapshots, streamId);
  const fromStart = monoMs() - started;
  await fresh().load(portDecider, streamId); // folds and leaves a snapshot, as the first command after an upgrade
  await sleep(1_000);
  started = monoMs();
  await fresh().load(portDecider, streamId);
  return { fromStart, fromSnapshot: monoMs() - started, events: whole.revision + 1 };
}

async function bootAndQueryBoth(
  schema: string,
  store: PostgresEventStore,
): Promise<Pick<Figures, 'coldBootMs' | 'coldRssMb' | 'bootMs' | 'rssMb' | 'routes'>> {
  await forgetReadModels(schema);
  const cold = await bootAndQuery(schema, store, true);
  const warm = await bootAndQuery(schema, store, false);
  return { coldBootMs: cold.bootMs, coldRssMb: cold.rssMb, ...warm };
}

/** The production path: the process's feed, one attachment from nothing, every live read model applied. */
async function rebuildRead(
  store: PostgresEventStore,
  reference: ReferenceCatalog,
): Promise<{ count: number; ms: number }> {
  const models = new ReadModels(reference);
  const feed = new EventFeed(store, { prefixes: LIVE_FEED_PREFIXES });
  let count = 0;
  const started = monoMs();
  const attachment = feed.attach(
    undefined,
    LIVE_STREAM_PREFIXES,
    (event) => {
      count += 1;
      models.apply(event);
    },
    'rebuild',
  );
  await attachment.synced();
  const ms = monoMs() - started;
  await feed.stop();
  return { count, ms };
}

/** The fastest of a few rounds of each read, interleaved, after one read that warms the server's cache for all. */
async function readRates(store: PostgresEventStore, schema: string, reference: ReferenceCatalog) {
  const perS = (run: { count: number; ms: number }) => run.count / (run.ms / 1_000);
  await rawRead(DATABASE_URL, schema, PAGE);
  const best = { raw: 0, port: 0, rebuild: 0, events: 0 };
  for (let round = 0; round < ROUNDS; round += 1) {
    const raw = await rawRead(DATABASE_URL, schema, PAGE);
    best.events = raw.count;
    best.raw = Math.max(best.raw, perS(raw));
    best.port = Math.max(best.port, perS(await portRead(store)));
    best.rebuild = Math.max(best.rebuild, perS(await rebuildRead(store, reference)));
  }
  return best;
}

async function measure(schema: string, reference: ReferenceCatalog): Promise<Figures> {
  const store = await openPostgresEventStore({ connectionString: DATABASE_URL, schema, poolSize: 2 });
  try {
    const rates = await readRates(store, schema, reference);
    const portFoldMs = await busiestPortFold(store, reference);
    return {
      events: rates.events,
      rawPerS: rates.raw,
      portPerS: rates.port,
      rebuildPerS: rates.rebuild,
      portFoldMs,
      ...(await bootAndQueryBoth(schema, store)),
    };
  } finally {
    await store.close();
  }
}

function table(results: [number, Figures][]): void {
  const columns = results.map(([size]) => `${size.toLocaleString('en-US')} events`.padStart(22));
  const row = (label: string, cell: (figures: Figures) => string) =>
    console.log(`${label.padEnd(44)}${results.map(([, figures]) => cell(figures).padStart(22)).join('')}`);
  const round = (value: number) => Math.round(value).toLocaleString('en-US');
  console.log(`\n${''.padEnd(44)}${columns.join('')}`);
  row('events read', (f) => round(f.events));
  row('(a) raw SELECT, events/s', (f) => round(f.rawPerS));
  row('(b) $all through the port, events/s', (f) => `${round(f.portPerS)} (${(f.portPerS / f.rawPerS).toFixed(2)})`);
  row(
    '(c) rebuild every read model, events/s',
    (f) => `${round(f.rebuildPerS)} (${(f.rebuildPerS / f.rawPerS).toFixed(2)})`,
  );
  row(
    '(d) busiest port, first fold from start (ms)',
    (f) => `${round(f.portFoldMs.fromStart)} (${round(f.portFoldMs.events)} ev)`,
  );
  row('    … from its snapshot (ms)', (f) => round(f.portFoldMs.fromSnapshot));
  row('boot → /health, no read-model checkpoint (s)', (f) => (f.coldBootMs / 1_000).toFixed(1));
  row('  RSS once archived (MB)', (f) => round(f.coldRssMb));
  row('boot → /health, with the checkpoint (s)', (f) => (f.bootMs / 1_000).toFixed(1));
  row('  RSS after boot (MB)', (f) => round(f.rssMb));
  for (const path of Object.keys(results[0]![1].routes)) {
    row(`GET ${path} p50 / p95 ms (KB)`, (f) => {
      const r = f.routes[path]!;
      return `${r.p50.toFixed(0)} / ${r.p95.toFixed(0)} (${round(r.kb)})`;
    });
  }
  console.log(
    '\nratios in parentheses are to (a). Goals (issue 13): (b) ≥ 0.9, (c) ≥ 0.8 and ≥ 50,000/s; at 1M boot with a ' +
      'checkpoint < 2 s, RSS < 300 MB, list p95 < 50 ms, the same at every size.',
  );
}

async function main(): Promise<void> {
  await ensureDatabase(DATABASE_URL);
  const reference = loadReferenceCatalog(join(root, 'config'));
  const admin = new pg.Pool({ connectionString: DATABASE_URL, max: PORTS.length });
  const results: [number, Figures][] = [];
  try {
    for (const size of SIZES) {
      const schema = `replay_${size}`;
      await build(size, schema, reference, admin);
      results.push([size, await measure(schema, reference)]);
    }
  } finally {
    await admin.end();
    closeHttp();
  }
  table(results);
}

main().catch((error: unknown) => {
  console.error('benchmark failed:', error);
  process.exitCode = 1;
});
