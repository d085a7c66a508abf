/**
 * npm run bench:audit — what the audit log costs at scale, beside the raw read of the same events measured in the
 * same run (the baseline every rate is given as a ratio to):
 *   (a) a raw keyset SELECT of the events (node-pg, 1,000 rows a page);
 *   (b) sealing them from zero: a Sealer (its own feed, tiles, signed checkpoints every 10,000 events);
 *   (c) verifyLog: every event against its sealed leaf and every checkpoint (what `npm run verify` does);
 *   (d) exporting the whole log as an offline bundle (`npm run audit:export`), to a file;
 *   (e) verifying that bundle offline (`npm run audit:verify-bundle`): rate, time and peak RSS; goal < 60 s at 1M;
 *   (f) an incident's bundle: export and verify times;
 *   (g) an inclusion proof's size (the longest of a few leaves): bytes of hashes and as a bundle carries it (hex
 *       JSON); goal < 1 KB;
 *   (h) one aggregate as of a moment (`GET /api/audit/as-of/...`'s engine): p50 / p95 over 200 random incidents at a
 *       random position of each, and over 20 random positions of the busiest port; goal p95 < 200 ms at 1M.
 *
 * (e) runs in a process of its own (the compiled library, nothing else loaded), so its RSS is the verifier's.
 *
 * The history is built once per size (then reused): one incident's whole cycle is played through the real command
 * pipeline (reports, notices, a port shutdown worked through its checklist, a BLM notification delivered and
 * acknowledged), then cloned with fresh ids straight through the store's append, a stream's run of events per call,
 * until the size is reached. Sealing is measured from zero at every run (the tree's documents are dropped first).
 *
 *   BENCH_DATABASE_URL      default postgres://postgres@127.0.0.1:5432/enlace_bench (created if missing)
 *   AUDIT_BENCH_SIZES       default 100000,1000000 (events)
 *   AUDIT_BENCH_REBUILD=1   rebuild the histories even if present
 */
import { CommandPipeline } from '@enlace/application';
import { History } from '@enlace/application/testing';
import {
  AsOf,
  AuditLog,
  bundleKeyInfo,
  loadAuditKey,
  Sealer,
  sealedPrefixes,
  TreeStore,
  verifyBundle,
  verifyLog,
  writeBundle,
} from '@enlace/audit';
import { SystemClock, systemClock } from '@enlace/clock';
import { EventFeed, LIVE_FEED_PREFIXES } from '@enlace/consumers';
import { LIVE } from '@enlace/domain';
import {
  collect,
  formatPosition,
  type EventToAppend,
  openPostgresEventStore,
  type PostgresEventStore,
  type RecordedEvent,
} from '@enlace/event-store';
import { loadReferenceCatalog } from '@enlace/reference-data';
import { spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { once } from 'node:events';
import { createWriteStream, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { finished } from 'node:stream/promises';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { ensureDatabase } from './bench-database.js';
import { rawRead } from './raw-read.js';
import { monoMs, sleep } from './live-shared.js';

const here = dirname(fileURLToPath(import.meta.url));
const root = resolve(here, '../..');
const DATABASE_URL = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/enlace_bench';
const SIZES = (process.env.AUDIT_BENCH_SIZES ?? '100000,1000000').split(',').map((size) => Number(size.trim()));
const REBUILD = process.env.AUDIT_BENCH_REBUILD === '1';
const PAGE = 1_000;
const LANES = 4;
const CHECKPOINT_EVENTS = 10_000;

async function eventCount(client: pg.Client | pg.Pool, schema: string): Promise<number> {
  const { rows } = await client.query<{ n: string }>(
    `SELECT count(*)::text AS n FROM ${pg.escapeIdentifier(schema)}.es_events`,
  );
  return Number(rows[0]!.n);
}

// ---------------------------------------------------------------------------------------------------------------
// Building

/** One cycle's events, to clone: a stream's consecutive events are one run (one append). */
interface Template {
  runs: { streamId: string; events: RecordedEvent[] }[];
  ids: string[];
}

async function template(store: PostgresEventStore): Promise<Template> {
  const history = new History(
    new CommandPipeline(store, loadReferenceCatalog(join(root, 'config')), new SystemClock()),
  );
  await history.closedCycle('otay-mesa');
  const events = await collect(store.readAll({ filter: { streamPrefixes: sealedPrefixes(LIVE) } }));
  const runs: Template['runs'] = [];
  for (const event of events) {
    const last = runs.at(-1);
    if (last?.streamId === event.streamId) last.events.push(event);
    else runs.push({ streamId: event.streamId, events: [event] });
  }
  const ids = new Set<string>();
  for (const event of events) {
    if (event.streamId.startsWith('incident-')) ids.add(event.streamId.slice('incident-'.length));
    if (event.streamId.startsWith('notification-')) ids.add(event.streamId.slice('notification-'.length));
    const shutdownId = (event.data as { shutdownId?: unknown }).shutdownId;
    if (typeof shutdownId === 'string') ids.add(shutdownId);
  }
  return { runs, ids: [...ids] };
}

/** The template's events with fresh ids (the port's stream a new one of the clone's own), appended run by run. */
async function appendClone(store: PostgresEventStore, cycle: Template, clone: number): Promise<number> {
  const fresh = new Map(cycle.ids.map((id) => [id, randomUUID()]));
  const rename = (text: string) => {
    let renamed = text;
    for (const [from, to] of fresh) renamed = renamed.replaceAll(from, to);
    return renamed;
  };
  const revisions = new Map<string, number>();
  let appended = 0;
  for (const run of cycle.runs) {
    const streamId = run.streamId.startsWith('port-') ? `${run.streamId}-c${clone}` : rename(run.streamId);
    const events: EventToAppend[] = run.events.map((event) => {
      const { recordedAt: _recordedAt, ...metadata } = event.metadata;
      return {
        id: randomUUID(),
        type: event.type,
        data: JSON.parse(rename(JSON.stringify(event.data))) as unknown,
        metadata,
      };
    });
    const before = revisions.get(streamId);
    const result = await store.append(streamId, events, before === undefined ? 'no_stream' : before);
    revisions.set(streamId, result.nextExpectedRevision);
    appended += events.length;
  }
  return appended;
}

async function build(size: number, schema: string, admin: pg.Pool): Promise<void> {
  const exists = await admin.query('SELECT 1 FROM information_schema.schemata WHERE schema_name = $1', [schema]);
  if (exists.rowCount && !REBUILD && (await eventCount(admin, schema)) >= size) {
    console.log(`  ${schema}: reusing ${(await eventCount(admin, schema)).toLocaleString('en-US')} events`);
    return;
  }
  await admin.query(`DROP SCHEMA IF EXISTS ${pg.escapeIdentifier(schema)} CASCADE`);
  const store = await openPostgresEventStore({ connectionString: DATABASE_URL, schema, poolSize: LANES + 2 });
  try {
    const started = monoMs();
    const cycle = await template(store);
    let count = cycle.runs.reduce((sum, run) => sum + run.events.length, 0);
    let clones = 0;
    let lastReport = started;
    const lanes = Array.from({ length: LANES }, async () => {
      while (count < size) {
        const clone = clones;
        clones += 1;
        // Not `count += await …`: that reads `count` before the await, and the lanes would overwrite each other.
        const appended = await appendClone(store, cycle, clone);
        count += appended;
        if (monoMs() - lastReport > 15_000) {
          lastReport = monoMs();
          console.log(
            `  ${schema}: ${count.toLocaleString('en-US')} events (${Math.round(count / ((monoMs() - started) / 1_000))}/s)`,
          );
        }
      }
    });
    await Promise.all(lanes);
    console.log(
      `  ${schema}: built ${(await eventCount(admin, schema)).toLocaleString('en-US')} events in ${Math.round((monoMs() - started) / 1_000)} s`,
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
  sealPerS: number;
  verifyLogPerS: number;
  exportPerS: number;
  bundleMb: number;
  bundleVerifyPerS: number;
  bundleVerifyS: number;
  bundleVerifyPeakRssMb: number;
  incident: { events: number; exportS: number; verifyMs: number };
  checkpoints: number;
  proof: { hashes: number; bytes: number; jsonBytes: number };
  asOf: { incident: { p50: number; p95: number }; port: { p50: number; p95: number; events: number } };
}

function percentiles(samples: number[]): { p50: number; p95: number } {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (share: number) => sorted[Math.min(sorted.length - 1, Math.floor(share * sorted.length))]!;
  return { p50: at(0.5), p95: at(0.95) };
}

/** (h): as of a random position of random incidents, and of the busiest port. */
async function asOfLatency(store: PostgresEventStore, schema: string, admin: pg.Pool): Promise<Figures['asOf']> {
  const asOf = new AsOf(store, loadReferenceCatalog('./config'), () => Promise.resolve(undefined));
  const table = `${pg.escapeIdentifier(schema)}.es_events`;
  const incidents = await admin.query<{ stream_id: string; revisions: string }>(
    `SELECT stream_id, max(revision)::text AS revisions FROM ${table} TABLESAMPLE SYSTEM (5)
      WHERE stream_id LIKE 'incident-%' GROUP BY stream_id LIMIT 200`,
  );
  const now = new Date();
  const incidentMs: number[] = [];
  for (const { stream_id: streamId, revisions } of incidents.rows) {
    const revision = Math.floor(Math.random() * (Number(revisions) + 1));
    const { rows } = await admin.query<{ tx: string; gp: string }>(
      `SELECT tx_id::text AS tx, global_position::text AS gp FROM ${table} WHERE stream_id = $1 AND revision = $2`,
      [streamId, revision],
    );
    const position = formatPosition(rows[0]!.tx, rows[0]!.gp);
    const started = monoMs();
    await asOf.view('incident', streamId.slice('incident-'.length), { position }, now);
    incidentMs.push(monoMs() - started);
  }
  const busiest = await admin.query<{ stream_id: string; events: string }>(
    `SELECT stream_id, count(*)::text AS events FROM ${table} WHERE stream_id LIKE 'port-%'
      GROUP BY stream_id ORDER BY count(*) DESC LIMIT 1`,
  );
  const port = busiest.rows[0]!;
  const portMs: number[] = [];
  for (let sample = 0; sample < 20; sample += 1) {
    const { rows } = await admin.query<{ tx: string; gp: string }>(
      `SELECT tx_id::text AS tx, global_position::text AS gp FROM ${table} WHERE stream_id = $1 AND revision = $2`,
      [port.stream_id, Math.floor(Math.random() * Number(port.events))],
    );
    const started = monoMs();
    await asOf.view(
      'port',
      port.stream_id.slice('port-'.length),
      { position: formatPosition(rows[0]!.tx, rows[0]!.gp) },
      now,
    );
    portMs.push(monoMs() - started);
  }
  return { incident: percentiles(incidentMs), port: { ...percentiles(portMs), events: Number(port.events) } };
}

/** Drops the sealed tree and the sealer's checkpoint: the next sealer starts from zero. */
async function forgetTree(schema: string, admin: pg.Pool): Promise<void> {
  const at = pg.escapeIdentifier(schema);
  await admin.query(`DELETE FROM ${at}.rm_documents WHERE collection LIKE 'audit-%'`);
  await admin.query(`DELETE FROM ${at}.es_consumers WHERE consumer LIKE 'audit-sealer%'`);
}

/** Verifies a bundle in a fresh process, as an auditor runs it: its time and its peak RSS (MB). */
async function verifyInChild(file: string): Promise<{ ok: boolean; events: number; ms: number; peakMb: number }> {
  const script = `
    import { verifyBundle } from ${JSON.stringify(join(root, 'dist/libs/audit/src/index.js'))};
    const started = performance.now();
    const verdict = await verifyBundle(${JSON.stringify(file)});
    const ms = performance.now() - started;
    console.log(JSON.stringify({ ok: verdict.ok, events: verdict.events, ms, peakMb: process.resourceUsage().maxRSS / 1024, problem: verdict.problem }));
  `;
  const child = spawn(process.execPath, ['--input-type=module', '-e', script], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const [code] = (await once(child, 'exit')) as [number | null];
  if (code !== 0) throw new Error(`the verifier exited with ${code}`);
  const result = JSON.parse(output.trim().split('\n').at(-1)!) as {
    ok: boolean;
    events: number;
    ms: number;
    peakMb: number;
    problem?: unknown;
  };
  if (!result.ok) throw new Error(`verifyBundle: ${JSON.stringify(result.problem)}`);
  return result;
}

async function measure(schema: string, admin: pg.Pool): Promise<Figures> {
  const dir = mkdtempSync(join(tmpdir(), 'enlace-audit-bench-'));
  const key = loadAuditKey({ DATA_DIR: dir });
  const store = await openPostgresEventStore({ connectionString: DATABASE_URL, schema, poolSize: 4 });
  const perS = (count: number, ms: number) => count / (ms / 1_000);
  try {
    await rawRead(DATABASE_URL, schema, PAGE); // warms the server's cache
    const raws = [await rawRead(DATABASE_URL, schema, PAGE), await rawRead(DATABASE_URL, schema, PAGE)];
    const events = raws[0]!.count;
    const rawPerS = Math.max(...raws.map((run) => perS(run.count, run.ms)));
    console.log(`  ${schema}: raw read ${Math.round(rawPerS).toLocaleString('en-US')} events/s`);

    await forgetTree(schema, admin);
    const feed = new EventFeed(store, { prefixes: LIVE_FEED_PREFIXES });
    const sealer = new Sealer(feed, store.checkpoints, key, systemClock, {
      world: LIVE,
      checkpointMs: 1_000,
      checkpointEvents: CHECKPOINT_EVENTS,
      leaseMs: 60_000,
    });
    let started = monoMs();
    sealer.onApplicationBootstrap();
    while (sealer.size < events) await sleep(50);
    const sealMs = monoMs() - started;
    const tree = new TreeStore(store.checkpoints, LIVE);
    while ((await tree.latestCheckpoint())?.size !== events) await sleep(200);
    await sealer.onApplicationShutdown();
    await feed.stop();
    console.log(`  ${schema}: sealed in ${(sealMs / 1_000).toFixed(1)} s`);

    started = monoMs();
    const verdict = await verifyLog(store, { world: LIVE, origin: key.origin, key: key.signer });
    const verifyLogMs = monoMs() - started;
    if (!verdict.ok) throw new Error(`verifyLog: ${JSON.stringify(verdict.problem)}`);
    console.log(`  ${schema}: verifyLog in ${(verifyLogMs / 1_000).toFixed(1)} s`);

    const file = join(dir, 'all.jsonl');
    started = monoMs();
    const out = createWriteStream(file);
    const summary = await writeBundle(store, out, {
      scope: { kind: 'all' },
      key: bundleKeyInfo(key),
      clock: systemClock,
      createdBy: 'bench:audit',
    });
    out.end();
    await finished(out);
    const exportMs = monoMs() - started;
    console.log(`  ${schema}: exported in ${(exportMs / 1_000).toFixed(1)} s`);

    const bundle = await verifyInChild(file);
    console.log(`  ${schema}: bundle verified offline in ${(bundle.ms / 1_000).toFixed(1)} s`);
    const bundleMb = statSync(file).size / 1024 / 1024;
    rmSync(file);

    // One incident of the clones, about the middle of the log.
    const { rows } = await admin.query<{ stream_id: string }>(
      `SELECT stream_id FROM ${pg.escapeIdentifier(schema)}.es_events WHERE stream_id LIKE 'incident-%'
        ORDER BY global_position OFFSET $1 LIMIT 1`,
      [Math.floor(events / 8)],
    );
    const incidentFile = join(dir, 'incident.jsonl');
    started = monoMs();
    const incidentOut = createWriteStream(incidentFile);
    const incident = await writeBundle(store, incidentOut, {
      scope: { kind: 'incident', incidentId: rows[0]!.stream_id },
      key: bundleKeyInfo(key),
      clock: systemClock,
      createdBy: 'bench:audit',
    });
    incidentOut.end();
    await finished(incidentOut);
    const incidentExportMs = monoMs() - started;
    started = monoMs();
    const incidentVerdict = await verifyBundle(incidentFile);
    const incidentVerifyMs = monoMs() - started;
    if (!incidentVerdict.ok) throw new Error(`verifyBundle (incident): ${JSON.stringify(incidentVerdict.problem)}`);

    // The longest inclusion proof of a few leaves against the newest checkpoint.
    const log = new AuditLog(store, key, systemClock);
    const positions = await collect(store.readAll({ maxCount: 1 }));
    let proof = { hashes: 0, bytes: 0, jsonBytes: 0 };
    for (const position of [positions[0]!.position, summary.anchor.lastPosition!]) {
      const view = await log.inclusion(position);
      if (view.proof.length > proof.hashes) {
        proof = {
          hashes: view.proof.length,
          bytes: view.proof.length * 32,
          jsonBytes: JSON.stringify(view.proof).length,
        };
      }
    }
    const asOf = await asOfLatency(store, schema, admin);
    console.log(
      `  ${schema}: as of, incident p95 ${asOf.incident.p95.toFixed(1)} ms, port p95 ${asOf.port.p95.toFixed(1)} ms`,
    );
    return {
      asOf,
      events,
      rawPerS,
      sealPerS: perS(events, sealMs),
      verifyLogPerS: perS(events, verifyLogMs),
      exportPerS: perS(summary.events, exportMs),
      bundleMb,
      bundleVerifyPerS: perS(bundle.events, bundle.ms),
      bundleVerifyS: bundle.ms / 1_000,
      bundleVerifyPeakRssMb: bundle.peakMb,
      incident: { events: incident.events, exportS: incidentExportMs / 1_000, verifyMs: incidentVerifyMs },
      checkpoints: summary.checkpoints,
      proof,
    };
  } finally {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

function table(results: [number, Figures][]): void {
  const width = 26;
  const columns = results.map(([size]) => `${size.toLocaleString('en-US')} events`.padStart(width));
  const row = (label: string, cell: (figures: Figures) => string) =>
    console.log(`${label.padEnd(46)}${results.map(([, figures]) => cell(figures).padStart(width)).join('')}`);
  const round = (value: number) => Math.round(value).toLocaleString('en-US');
  const rate = (value: number, f: Figures) => `${round(value)} (${(value / f.rawPerS).toFixed(2)})`;
  console.log(`\n${''.padEnd(46)}${columns.join('')}`);
  row('events', (f) => round(f.events));
  row('(a) raw SELECT, events/s', (f) => round(f.rawPerS));
  row('(b) sealing from zero, events/s', (f) => rate(f.sealPerS, f));
  row('(c) verifyLog, events/s', (f) => rate(f.verifyLogPerS, f));
  row('(d) bundle export (all), events/s', (f) => rate(f.exportPerS, f));
  row('    bundle size (MB), checkpoints', (f) => `${f.bundleMb.toFixed(0)} MB, ${f.checkpoints}`);
  row('(e) bundle verify offline, events/s', (f) => rate(f.bundleVerifyPerS, f));
  row('    … time (s), goal < 60 s at 1M', (f) => f.bundleVerifyS.toFixed(1));
  row('    … peak RSS of the verifying process (MB)', (f) => round(f.bundleVerifyPeakRssMb));
  row(
    '(f) incident bundle: events, export s, verify ms',
    (f) => `${f.incident.events}, ${f.incident.exportS.toFixed(1)}, ${round(f.incident.verifyMs)}`,
  );
  row(
    '(g) inclusion proof: hashes, bytes (hex JSON)',
    (f) => `${f.proof.hashes}, ${f.proof.bytes} (${f.proof.jsonBytes})`,
  );
  row(
    '(h) incident as of a position: p50 / p95 ms',
    (f) => `${f.asOf.incident.p50.toFixed(1)} / ${f.asOf.incident.p95.toFixed(1)}`,
  );
  row(
    '    busiest port as of: p50 / p95 ms (events)',
    (f) => `${f.asOf.port.p50.toFixed(0)} / ${f.asOf.port.p95.toFixed(0)} (${round(f.asOf.port.events)})`,
  );
  console.log(
    '\nratios in parentheses are to (a). Goals (issue 15): (e) < 60 s at 1M events, (g) < 1 KB, (h) p95 < 200 ms at 1M.',
  );
}

async function main(): Promise<void> {
  await ensureDatabase(DATABASE_URL);
  const admin = new pg.Pool({ connectionString: DATABASE_URL, max: 2 });
  const results: [number, Figures][] = [];
  try {
    for (const size of SIZES) {
      const schema = `audit_${size}`;
      await build(size, schema, admin);
      results.push([size, await measure(schema, admin)]);
    }
  } finally {
    await admin.end();
  }
  table(results);
}

main().catch((error: unknown) => {
  console.error('benchmark failed:', error);
  process.exitCode = 1;
});
