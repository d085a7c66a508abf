/**
 * Event store benchmark: the PostgreSQL adapter of the event store port against a raw `pg` baseline doing the same
 * work on a table of the same shape, on a real PostgreSQL server.
 *
 *   (a) append throughput with 1, 4 and 16 concurrent writers (single-event appends, exact expected revision);
 *   (b) readAll throughput over N events (paged, keyset pagination on (tx_id, global_position)).
 *
 * Each measurement runs in a fresh schema of its own (dropped at the end). Every figure is the median of RUNS timed
 * runs after a short warm-up of each side. Exits 0 even when a target is missed (only errors exit non-zero).
 *
 *   BENCH_DATABASE_URL   default postgres://postgres@127.0.0.1:5432/enlace_bench (created if missing)
 */
import { randomBytes, randomUUID } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import pg from 'pg';
import {
  collect,
  eventsTableSql,
  type EventMetadata,
  type EventToAppend,
  openPostgresEventStore,
  type PostgresEventStore,
} from '@enlace/event-store';
import { WaitSampler, withApplicationName } from './wait-sampler.js';
import { ensureDatabase } from './bench-database.js';

const DATABASE_URL = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/enlace_bench';
const WRITER_COUNTS = [1, 4, 16] as const;
const POOL_SIZE = Math.max(...WRITER_COUNTS);
/** Events appended per timed run, whatever the writer count (split evenly between the writers). */
const APPEND_EVENTS_PER_RUN = 2_000;
/** Events per writer-count setting used to warm up each side. */
const APPEND_WARMUP_EVENTS = 160;
const READ_EVENTS = 20_000;
const READ_BATCH_SIZE = 500;
/** The readAll data set is loaded through the port by 16 writers appending this many events per append. */
const LOAD_EVENTS_PER_APPEND = 10;
const RUNS = 3;
const TARGET_RATIO = 0.5;

const RAW_TABLE = 'raw_events';

// ---------------------------------------------------------------------------------------------------------------
// Set-up helpers

function sessionOptions(schema: string): string {
  // The same session settings the port's pg driver uses.
  return `-c search_path=${schema} -c idle_in_transaction_session_timeout=60000`;
}

interface Fixture {
  schema: string;
  store: PostgresEventStore;
  raw: pg.Pool;
  sampler: WaitSampler;
}

type Side = 'port' | 'raw';
const APPLICATION_NAME: Record<Side, string> = { port: 'enlace_bench_port', raw: 'enlace_bench_raw' };

async function openFixture(schema: string): Promise<Fixture> {
  const store = await openPostgresEventStore({
    connectionString: withApplicationName(DATABASE_URL, APPLICATION_NAME.port),
    schema,
    poolSize: POOL_SIZE,
    batchSize: READ_BATCH_SIZE,
  });
  const raw = new pg.Pool({
    connectionString: withApplicationName(DATABASE_URL, APPLICATION_NAME.raw),
    max: POOL_SIZE,
    options: sessionOptions(schema),
  });
  raw.on('error', () => undefined);
  try {
    // The raw baseline's table is es_events' own definition under another name: same columns, keys and indexes.
    await raw.query(eventsTableSql(RAW_TABLE));
    return { schema, store, raw, sampler: await WaitSampler.open(DATABASE_URL) };
  } catch (error) {
    // Open handles (the store's LISTEN connection) would keep the process alive.
    await store.close().catch(() => undefined);
    await raw.end().catch(() => undefined);
    throw error;
  }
}

async function closeFixture(fixture: Fixture | undefined): Promise<void> {
  if (!fixture) return;
  await fixture.store.close().catch((error: unknown) => console.error('closing the store failed:', error));
  await fixture.raw.end().catch((error: unknown) => console.error('closing the raw pool failed:', error));
  await fixture.sampler.close().catch((error: unknown) => console.error('closing the sampler failed:', error));
}

async function dropSchema(schema: string): Promise<void> {
  const admin = new pg.Client({ connectionString: DATABASE_URL });
  await admin.connect();
  try {
    await admin.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
  } finally {
    await admin.end();
  }
}

/** VACUUM ANALYZE both tables so neither side pays for hint bits or stale statistics during timing. */
async function vacuum(fixture: Fixture): Promise<void> {
  await fixture.raw.query(`VACUUM (ANALYZE) es_events`);
  await fixture.raw.query(`VACUUM (ANALYZE) es_streams`);
  await fixture.raw.query(`VACUUM (ANALYZE) ${RAW_TABLE}`);
}

// ---------------------------------------------------------------------------------------------------------------
// Workload

const PORTS = ['San Ysidro', 'Otay Mesa', 'Calexico West', 'Nogales', 'El Paso', 'Laredo', 'Brownsville'];
const SEVERITIES = ['low', 'moderate', 'high', 'critical'];
const ROLES = ['dispatcher', 'field-officer', 'coordinator'];
const AGENCIES = ['CBP', 'FEMA', 'CAL-FIRE', 'TX-DPS'];

/** A realistic incident event: ~500 bytes of JSON data. */
function makeData(sequence: number): Record<string, unknown> {
  const port = PORTS[sequence % PORTS.length]!;
  return {
    incidentId: randomUUID(),
    sequence,
    title: `Vehicle fire in the northbound inspection lanes at ${port}`,
    description:
      'Commercial truck fire reported in lane 4; smoke affecting the primary inspection booths. Lanes 3-5 closed, ' +
      'traffic diverted to SENTRI lanes pending assessment by the fire department.',
    severity: SEVERITIES[sequence % SEVERITIES.length],
    location: { portOfEntry: port, lat: 32.5423 + (sequence % 100) / 10_000, lon: -117.0296, lane: 4 },
    resources: [
      { kind: 'engine', unit: `E-${100 + (sequence % 50)}`, eta: 6 },
      { kind: 'ambulance', unit: `M-${20 + (sequence % 10)}`, eta: 9 },
    ],
    contact: { name: 'Duty supervisor', phone: '+1-619-555-0100' },
    reportedAt: new Date(1_700_000_000_000 + sequence * 1000).toISOString(),
  };
}

function makeMetadata(sequence: number): EventMetadata {
  return {
    actor: `officer.us.${sequence % 25}`,
    agency: AGENCIES[sequence % AGENCIES.length]!,
    country: 'US',
    role: ROLES[sequence % ROLES.length]!,
    correlationId: randomUUID(),
    causationId: null,
    mode: 'actual',
  };
}

function makeEvent(sequence: number): EventToAppend {
  return { id: randomUUID(), type: 'IncidentReported', data: makeData(sequence), metadata: makeMetadata(sequence) };
}

/** One writer's events, generated before timing so neither side pays for the workload itself. */
interface WriterPlan {
  streamId: string;
  events: EventToAppend[];
  /** Raw side only: a precomputed 64-hex hash column value per event (the port computes its own). */
  hashes: string[];
}

let streamCounter = 0;
function planWriters(label: string, writers: number, totalEvents: number): WriterPlan[] {
  const perWriter = Math.ceil(totalEvents / writers);
  return Array.from({ length: writers }, () => {
    streamCounter += 1;
    const streamId = `incident-${label}.${streamCounter}.${randomUUID()}`;
    const events = Array.from({ length: perWriter }, (_, i) => makeEvent(i));
    return { streamId, events, hashes: events.map(() => randomBytes(32).toString('hex')) };
  });
}

function countEvents(plans: readonly WriterPlan[]): number {
  return plans.reduce((sum, plan) => sum + plan.events.length, 0);
}

/** Each writer appends its events to its own stream, `eventsPerAppend` at a time, with the exact expected revision. */
async function appendThroughPort(
  store: PostgresEventStore,
  plans: readonly WriterPlan[],
  eventsPerAppend = 1,
): Promise<number> {
  const started = performance.now();
  await Promise.all(
    plans.map(async (plan) => {
      for (let first = 0; first < plan.events.length; first += eventsPerAppend) {
        const batch = plan.events.slice(first, first + eventsPerAppend);
        const result = await store.append(plan.streamId, batch, first === 0 ? 'no_stream' : first - 1);
        const last = first + batch.length - 1;
        if (result.nextExpectedRevision !== last) {
          throw new Error(`port append: expected revision ${last}, got ${result.nextExpectedRevision}`);
        }
      }
    }),
  );
  return performance.now() - started;
}

const RAW_INSERT = `INSERT INTO ${RAW_TABLE} (stream_id, revision, event_id, event_type, data, metadata, recorded_at, hash)
  VALUES ($1, $2, $3, $4, $5, $6, now(), $7)`;

async function appendRaw(pool: pg.Pool, plans: readonly WriterPlan[]): Promise<number> {
  const started = performance.now();
  await Promise.all(
    plans.map(async (plan) => {
      for (let revision = 0; revision < plan.events.length; revision += 1) {
        const event = plan.events[revision]!;
        await pool.query(RAW_INSERT, [
          plan.streamId,
          revision,
          event.id,
          event.type,
          event.data,
          event.metadata,
          plan.hashes[revision],
        ]);
      }
    }),
  );
  return performance.now() - started;
}

const RAW_PAGE = `SELECT tx_id, global_position, stream_id, revision, event_id, event_type, data, metadata, recorded_at, hash
    FROM ${RAW_TABLE}
   WHERE (tx_id, global_position) > ($1::text::xid8, $2::bigint)
   ORDER BY tx_id, global_position LIMIT $3`;

interface RawRow {
  tx_id: string;
  global_position: string;
}

async function readAllRaw(pool: pg.Pool): Promise<number> {
  const rows: RawRow[] = [];
  let tx = '0';
  let gp = '0';
  for (;;) {
    const page = await pool.query<RawRow>(RAW_PAGE, [tx, gp, READ_BATCH_SIZE]);
    for (const row of page.rows) rows.push(row);
    const last = page.rows[page.rows.length - 1];
    if (!last || page.rows.length < READ_BATCH_SIZE) break;
    tx = last.tx_id;
    gp = last.global_position;
  }
  return rows.length;
}

// ---------------------------------------------------------------------------------------------------------------
// Measurement

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

interface Result {
  name: string;
  portRuns: number[];
  rawRuns: number[];
}

const results: Result[] = [];

function formatRate(eventsPerSecond: number): string {
  return Math.round(eventsPerSecond).toLocaleString('en-US');
}

function log(message: string): void {
  console.log(`  ${message}`);
}

function runLine(side: Side, eventsPerSecond: number, ms: number): string {
  return `${side.padEnd(4)} ${formatRate(eventsPerSecond).padStart(8)} events/s (${ms.toFixed(0).padStart(5)} ms)`;
}

/** Alternates which side goes first, so table growth and background work do not favour one side. */
function sideOrder(run: number): readonly Side[] {
  return run % 2 === 0 ? ['port', 'raw'] : ['raw', 'port'];
}

async function benchAppend(fixture: Fixture): Promise<void> {
  console.log(
    `\n(a) append throughput — schema ${fixture.schema}, ${APPEND_EVENTS_PER_RUN} events per run, pool ${POOL_SIZE}`,
  );
  for (const writers of WRITER_COUNTS) {
    // Warm-up: opens the pool connections at this concurrency and warms plans and caches on both sides.
    await appendThroughPort(fixture.store, planWriters(`warm${writers}`, writers, APPEND_WARMUP_EVENTS));
    await appendRaw(fixture.raw, planWriters(`warm${writers}`, writers, APPEND_WARMUP_EVENTS));

    const result: Result = { name: `append x${writers}`, portRuns: [], rawRuns: [] };
    for (let run = 0; run < RUNS; run += 1) {
      const portPlans = planWriters(`port${writers}r${run}`, writers, APPEND_EVENTS_PER_RUN);
      const rawPlans = planWriters(`raw${writers}r${run}`, writers, APPEND_EVENTS_PER_RUN);
      for (const side of sideOrder(run)) {
        const plans = side === 'port' ? portPlans : rawPlans;
        fixture.sampler.start(APPLICATION_NAME[side]);
        const ms =
          side === 'port' ? await appendThroughPort(fixture.store, plans) : await appendRaw(fixture.raw, plans);
        const waits = fixture.sampler.stop();
        const rate = (countEvents(plans) / ms) * 1000;
        (side === 'port' ? result.portRuns : result.rawRuns).push(rate);
        log(`x${writers} run ${run + 1} ${runLine(side, rate, ms)}  server waits: ${waits}`);
      }
    }
    results.push(result);
  }
}

async function benchReadAll(fixture: Fixture): Promise<void> {
  console.log(
    `\n(b) readAll throughput — schema ${fixture.schema}, ${READ_EVENTS} events, pages of ${READ_BATCH_SIZE}`,
  );
  // Load through the port (16 writers, several events per append to keep the set-up short).
  const loadStarted = performance.now();
  await appendThroughPort(fixture.store, planWriters('load', POOL_SIZE, READ_EVENTS), LOAD_EVENTS_PER_APPEND);
  log(
    `loaded ${READ_EVENTS} events through the port (${POOL_SIZE} writers, ${LOAD_EVENTS_PER_APPEND} events per append) ` +
      `in ${((performance.now() - loadStarted) / 1000).toFixed(1)} s`,
  );
  // The raw table gets the very same rows (same tx ids, positions and payloads), so both sides read identical data.
  await fixture.raw.query(
    `INSERT INTO ${RAW_TABLE} OVERRIDING SYSTEM VALUE
       SELECT global_position, tx_id, stream_id, revision, event_id, event_type, data, metadata, recorded_at, hash
         FROM es_events ORDER BY tx_id, global_position`,
  );
  await vacuum(fixture);
  const [{ port, raw } = { port: '?', raw: '?' }] = (
    await fixture.raw.query<{ port: string; raw: string }>(
      `SELECT (SELECT count(*) FROM es_events)::text AS port, (SELECT count(*) FROM ${RAW_TABLE})::text AS raw`,
    )
  ).rows;
  log(`rows: es_events ${port}, ${RAW_TABLE} ${raw}`);

  // Warm-up: one full read on each side.
  const warmPort = (await collect(fixture.store.readAll())).length;
  const warmRaw = await readAllRaw(fixture.raw);
  if (warmPort !== READ_EVENTS || warmRaw !== READ_EVENTS) {
    throw new Error(`readAll warm-up read ${warmPort} (port) / ${warmRaw} (raw) events, expected ${READ_EVENTS}`);
  }

  const result: Result = { name: 'readAll', portRuns: [], rawRuns: [] };
  for (let run = 0; run < RUNS; run += 1) {
    for (const side of sideOrder(run)) {
      fixture.sampler.start(APPLICATION_NAME[side], 5);
      const started = performance.now();
      const count = side === 'port' ? (await collect(fixture.store.readAll())).length : await readAllRaw(fixture.raw);
      const ms = performance.now() - started;
      const waits = fixture.sampler.stop();
      if (count !== READ_EVENTS) throw new Error(`${side} readAll read ${count} events, expected ${READ_EVENTS}`);
      const rate = (count / ms) * 1000;
      (side === 'port' ? result.portRuns : result.rawRuns).push(rate);
      log(`run ${run + 1} ${runLine(side, rate, ms)}  server waits: ${waits}`);
    }
  }
  results.push(result);
}

function report(): void {
  const rows = results.map((result) => {
    const port = median(result.portRuns);
    const raw = median(result.rawRuns);
    return { name: result.name, port, raw, ratio: port / raw };
  });
  const header = ['benchmark', 'port events/s', 'raw pg events/s', 'ratio', 'target'];
  const table = rows.map((row) => [
    row.name,
    formatRate(row.port),
    formatRate(row.raw),
    row.ratio.toFixed(2),
    row.ratio >= TARGET_RATIO ? `>= ${TARGET_RATIO} ok` : `>= ${TARGET_RATIO} MISSED`,
  ]);
  const widths = header.map((title, i) => Math.max(title.length, ...table.map((cells) => cells[i]!.length)));
  const line = (cells: readonly string[]): string =>
    cells.map((cell, i) => (i === 0 ? cell.padEnd(widths[i]!) : cell.padStart(widths[i]!))).join('  ');
  console.log(`\nResults (median of ${RUNS} runs; ratio = port / raw)\n`);
  console.log(line(header));
  console.log(widths.map((width) => '-'.repeat(width)).join('  '));
  for (const cells of table) console.log(line(cells));
  console.log('');
  for (const row of rows) {
    const missed = row.ratio < TARGET_RATIO ? '  TARGET MISSED' : '';
    console.log(`${row.name} ratio = ${row.ratio.toFixed(2)} (target >= ${TARGET_RATIO})${missed}`);
  }
}

async function main(): Promise<void> {
  const started = performance.now();
  console.log(`event store benchmark against ${DATABASE_URL.replace(/\/\/([^:@/]+):[^@/]*@/, '//$1:***@')}`);
  await ensureDatabase(DATABASE_URL);
  const stamp = Date.now();
  const schemas = { append: `bench_${stamp}_append`, read: `bench_${stamp}_read` };
  const created: string[] = [];
  let failed = false;
  try {
    for (const [kind, schema] of Object.entries(schemas)) {
      let fixture: Fixture | undefined;
      try {
        created.push(schema);
        fixture = await openFixture(schema);
        if (kind === 'append') await benchAppend(fixture);
        else await benchReadAll(fixture);
      } finally {
        await closeFixture(fixture);
      }
    }
    report();
  } catch (error) {
    failed = true;
    console.error('\nbenchmark failed:', error);
  } finally {
    for (const schema of created) {
      await dropSchema(schema).catch((error: unknown) => console.error(`dropping schema ${schema} failed:`, error));
    }
  }
  console.log(`\ntotal time ${((performance.now() - started) / 1000).toFixed(1)} s`);
  process.exitCode = failed ? 1 : 0;
}

await main();
