/**
 * Live console benchmark: the latency from an HTTP command to the console `event` arriving at each of many consoles
 * connected to the api's socket.io namespace `/console`, against a plain socket.io server broadcasting messages of
 * the same size at the same rate to the same consoles. One run, real PostgreSQL:
 *
 *   (a) Enlace — the api (dist/apps/api/src/main.js) runs as a child process on a fresh schema; a second child
 *       process (live-clients.ts) holds CLIENTS socket.io-client connections (websocket transport), all subscribed
 *       to `board`. The driver POSTs situation reports (a unique marker in each summary) to a few incidents, RATE per
 *       second for SECONDS seconds (open loop, keep-alive agent), recording each command's send time.
 *   (b) raw socket.io — a third child process (live-raw-server.ts) with the gateway's engine options broadcasts, at
 *       the same rate, copies of an event the consoles received in (a) (same fields and size, a marker of its own);
 *       the clients process reconnects to it. The trigger time is read right before `emit`.
 *
 * Latency = arrival at a console − send (or trigger) time: one sample per command per console. Every process reads
 * the same clock, CLOCK_MONOTONIC (see `monoMs` in live-shared.ts): the clients process records arrival times,
 * the driver (Enlace) and the raw server record send/trigger times, and the driver subtracts; no offsets needed.
 *
 * The api's RSS is read from /proc/<pid>/status (VmRSS) every 100 ms; its heap and event loop delay come from a
 * probe preloaded with `--import` (live-api-probe.ts) that calls process.memoryUsage() inside the api. CPU use of each
 * process comes from /proc/<pid>/stat. Children are stopped on success, failure and Ctrl-C, and exit by themselves
 * when the driver dies (their IPC channel closes). Exits 0 when a target is missed (only errors exit non-zero).
 *
 *   BENCH_DATABASE_URL    default postgres://postgres@127.0.0.1:5432/enlace_bench (created if missing)
 *   BENCH_LIVE_CLIENTS    default 1000      BENCH_LIVE_RATE     default 100 (commands/s)
 *   BENCH_LIVE_SECONDS    default 30        BENCH_LIVE_INCIDENTS default 25
 *   BENCH_LIVE_BATCH      default 1: consoles subscribe with batch: true (`events` arrays, as the browser console
 *                         does); 0: one `event` message per event. The raw server sends one message per event either way.
 *   BENCH_LIVE_PROFILE    a file: record a CPU profile of the api during (a) (slows it down; for investigation)
 */
import { type ChildProcess, execFileSync, fork, spawn } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import pg from 'pg';
import type { ConsoleEvent } from '@enlace/console-protocol';
import {
  type ClockCheck,
  type LoopDelay,
  monoMs,
  type PhaseName,
  type PhaseResult,
  type ProbeReport,
  RpcClient,
  runSchedule,
  sleep,
  summaryText,
} from './live-shared.js';
import { ensureDatabase } from './bench-database.js';
import { apiEnvironment, closeHttp, freePort, request } from './bench-http.js';

function envInt(name: string, fallback: number): number {
  const value = process.env[name];
  if (value === undefined || value === '') return fallback;
  const parsed = Number(value);
  if (!Number.isInteger(parsed) || parsed <= 0) throw new Error(`${name} must be a positive integer`);
  return parsed;
}

const DATABASE_URL = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/enlace_bench';
const CLIENTS = envInt('BENCH_LIVE_CLIENTS', 1_000);
const RATE = envInt('BENCH_LIVE_RATE', 100);
const SECONDS = envInt('BENCH_LIVE_SECONDS', 30);
const INCIDENTS = envInt('BENCH_LIVE_INCIDENTS', 25);
const BATCH = envInt('BENCH_LIVE_BATCH', 1) !== 0;
const WARMUP_SECONDS = 2;
const INTERVAL_MS = 1_000 / RATE;
const COMMANDS = RATE * SECONDS;
const CONNECT_CONCURRENCY = 50;
/** After the last command (or broadcast): how long to wait for every console to get every event. */
const DRAIN_TIMEOUT_MS = 10_000;
/** After the last command: how long to wait for the api's answers (keeps an overloaded run within ~3 minutes). */
const IN_FLIGHT_TIMEOUT_MS = 20_000;
const WINDOW_SECONDS = 5;
const TARGET_P99_RATIO = 1.5;
/** Before each side: how long to wait for other work on the machine to stop. */
const QUIET_WAIT_MS = 10_000;
/** BENCH_LIVE_PROFILE=<file>: a V8 CPU profile of the api during the measured Enlace phase. */
const PROFILE_FILE = process.env.BENCH_LIVE_PROFILE ? resolve(process.env.BENCH_LIVE_PROFILE) : undefined;

const here = dirname(fileURLToPath(import.meta.url));
const root = resolve(here, '../..');
const API_MAIN = join(root, 'dist/apps/api/src/main.js');
const CLK_TCK = clockTicks();

function clockTicks(): number {
  try {
    return Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim()) || 100;
  } catch {
    return 100;
  }
}

// ---------------------------------------------------------------------------------------------------------------
// Child processes: every one is tracked and stopped by its pid, whatever happens.

const children = new Set<ChildProcess>();

function track(child: ChildProcess): ChildProcess {
  children.add(child);
  child.once('exit', () => children.delete(child));
  return child;
}

function running(child: ChildProcess): boolean {
  return child.exitCode === null && child.signalCode === null;
}

/** SIGTERM, then SIGKILL after `graceMs`; resolves once the process is gone, telling how it ended. */
async function stopChild(child: ChildProcess | undefined, graceMs = 5_000): Promise<string> {
  if (!child || !running(child)) return 'not running';
  const started = monoMs();
  const exited = new Promise<void>((done) => child.once('exit', () => done()));
  child.kill('SIGTERM');
  let killed = false;
  const timer = setTimeout(() => {
    if (!running(child)) return;
    killed = true;
    child.kill('SIGKILL');
  }, graceMs);
  await exited;
  clearTimeout(timer);
  const elapsed = ms(monoMs() - started);
  return killed ? `did not stop within ${graceMs} ms of SIGTERM: killed` : `stopped ${elapsed} ms after SIGTERM`;
}

process.on('exit', () => {
  for (const child of children) if (running(child)) child.kill('SIGKILL');
});

function forkChild(script: string, name: string): RpcClient {
  const child = track(
    fork(join(here, script), [], {
      execArgv: ['--enable-source-maps'],
      serialization: 'advanced',
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    }),
  );
  return new RpcClient(name, child);
}

// ---------------------------------------------------------------------------------------------------------------
// Database

async function dropSchema(schema: string): Promise<void> {
  const admin = new pg.Client({ connectionString: DATABASE_URL });
  await admin.connect();
  try {
    await admin.query(`DROP SCHEMA IF EXISTS ${pg.escapeIdentifier(schema)} CASCADE`);
  } finally {
    await admin.end();
  }
}

interface DatabaseStats {
  commits: number;
  rollbacks: number;
  /** Sessions (connections) opened on the database. */
  sessions: number;
}

/**
 * Cumulative counters of the benchmark database (pg_stat_database; PostgreSQL 14+ for `sessions`). Backends report
 * them when idle (about once a second) or when they exit, so read them after the drain.
 */
async function databaseStats(): Promise<DatabaseStats | undefined> {
  const client = new pg.Client({ connectionString: DATABASE_URL });
  try {
    await client.connect();
    const { rows } = await client.query<{ commits: string; rollbacks: string; sessions: string }>(
      `SELECT xact_commit::text AS commits, xact_rollback::text AS rollbacks, sessions::text AS sessions
         FROM pg_stat_database WHERE datname = current_database()`,
    );
    const row = rows[0];
    return row
      ? { commits: Number(row.commits), rollbacks: Number(row.rollbacks), sessions: Number(row.sessions) }
      : undefined;
  } catch {
    return undefined;
  } finally {
    await client.end().catch(() => undefined);
  }
}

function databaseLine(from: DatabaseStats | undefined, to: DatabaseStats | undefined, commands: number): string {
  if (!from || !to) return 'postgres counters unavailable';
  // This function's own connection opens one session per call.
  const sessions = to.sessions - from.sessions - 1;
  return (
    `postgres (${BENCH_DATABASE}): ${to.commits - from.commits} transactions committed, ` +
    `${to.rollbacks - from.rollbacks} rolled back, ${sessions} new sessions (connections) for ${commands} commands`
  );
}

// ---------------------------------------------------------------------------------------------------------------
// HTTP (keep-alive)

// ---------------------------------------------------------------------------------------------------------------
// The api

interface Api {
  child: ChildProcess;
  probe: RpcClient;
  port: number;
  output: string[];
}

async function startApi(schema: string): Promise<Api> {
  const port = await freePort();
  const probePath = pathToFileURL(join(here, 'live-api-probe.js')).href;
  const child = track(
    spawn(process.execPath, ['--enable-source-maps', '--import', probePath, API_MAIN], {
      cwd: root,
      env: apiEnvironment(port, DATABASE_URL, schema, {
        BENCH_LIVE_PROBE: '1',
        // The benchmark's consoles share one account.
        CONSOLE_MAX_CONNECTIONS_PER_ACCOUNT: '100000',
      }),
      stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
      serialization: 'advanced',
    }),
  );
  const output: string[] = [];
  let echoed = 0;
  const collect = (chunk: Buffer): void => {
    for (const line of chunk.toString('utf8').split('\n')) {
      if (!line.trim()) continue;
      output.push(line);
      if (output.length > 200) output.shift();
      // LOG_LEVEL=warn: whatever the api prints is worth seeing (e.g. "Dropping console …").
      if (echoed < 10) console.log(`  [api] ${line}`);
      else if (echoed === 10) console.log('  [api] … (more api output suppressed)');
      echoed += 1;
    }
  };
  child.stdout?.on('data', collect);
  child.stderr?.on('data', collect);
  const api: Api = { child, probe: new RpcClient('api probe', child), port, output };
  const deadline = monoMs() + 30_000;
  for (;;) {
    if (!running(child)) throw new Error(`the api exited during start-up (code ${child.exitCode})`);
    const health = await request(port, 'GET', '/health').catch(() => undefined);
    if (health?.status === 200) return api;
    if (monoMs() > deadline) throw new Error('the api did not answer /health within 30 s');
    await sleep(200);
  }
}

async function login(port: number): Promise<string> {
  const answer = await request(port, 'POST', '/api/auth/login', { username: 'officer.us', password: 'demo' });
  const token = (answer.body as { accessToken?: unknown } | undefined)?.accessToken;
  if (answer.status !== 200 || typeof token !== 'string') {
    throw new Error(`login failed: ${answer.status} ${JSON.stringify(answer.body)}`);
  }
  return token;
}

const PORTS_OF_ENTRY = ['otay-mesa', 'san-ysidro', 'calexico-west', 'nogales-deconcini', 'laredo-world-trade'];

async function createIncidents(port: number, token: string, count: number): Promise<string[]> {
  const ids: string[] = [];
  for (let i = 0; i < count; i += 1) {
    const answer = await request(
      port,
      'POST',
      '/api/incidents',
      {
        kind: 'fire',
        title: { en: `Bench incident ${i + 1}: vehicle fire in the commercial lot` },
        severity: 'moderate',
        location: { lat: 32.5495, lon: -116.9385, description: { en: 'Commercial inspection lot, dock 4' } },
        affectedPortIds: [PORTS_OF_ENTRY[i % PORTS_OF_ENTRY.length]!],
      },
      token,
    );
    const id = (answer.body as { id?: unknown } | undefined)?.id;
    if (answer.status !== 201 || typeof id !== 'string') {
      throw new Error(`creating an incident failed: ${answer.status} ${JSON.stringify(answer.body)}`);
    }
    ids.push(id);
  }
  return ids;
}

// ---------------------------------------------------------------------------------------------------------------
// Resource sampling (/proc)

function readProcStatus(pid: number): number | undefined {
  try {
    const match = /^VmRSS:\s+(\d+) kB/m.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return match ? Number(match[1]) * 1024 : undefined;
  } catch {
    return undefined;
  }
}

/** utime + stime of a process, in clock ticks. */
function processTicks(pid: number | undefined): number {
  if (pid === undefined) return Number.NaN;
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return Number(fields[11]) + Number(fields[12]);
  } catch {
    return Number.NaN;
  }
}

const BENCH_DATABASE = decodeURIComponent(new URL(DATABASE_URL).pathname.replace(/^\//, ''));

/**
 * utime + stime of the PostgreSQL backends serving the benchmark's database, by pid (a backend's command line reads
 * `postgres: <cluster>: <user> <database> <client> <state>`). Backends of other databases and the server's shared
 * background processes count as other work.
 */
function postgresTicks(): { backends: Map<number, number>; postmaster: number } {
  const backends = new Map<number, number>();
  let postmaster = 0;
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      if (!stat.includes('(postgres)')) continue;
      const words = readFileSync(`/proc/${entry}/cmdline`, 'utf8').replace(/\0/g, ' ').split(/\s+/);
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      if (words[0] !== 'postgres:') {
        // The postmaster: its own time (forking backends) and that of every backend that exited (cutime, cstime).
        postmaster += Number(fields[11]) + Number(fields[12]) + Number(fields[13]) + Number(fields[14]);
      } else if (words.includes(BENCH_DATABASE)) {
        backends.set(Number(entry), Number(fields[11]) + Number(fields[12]));
      }
    } catch {
      // gone meanwhile
    }
  }
  return { backends, postmaster };
}

/**
 * Samples the benchmark database's backends every 250 ms and keeps the last reading of each, so a backend that exits
 * during a measurement (the api's pool closes idle connections after 10 s) still counts.
 */
class PostgresTracker {
  private readonly last = new Map<number, number>();
  private postmaster = 0;
  private timer: NodeJS.Timeout | undefined;

  start(): void {
    this.sample();
    this.timer = setInterval(() => this.sample(), 250);
    this.timer.unref();
  }

  stop(): void {
    clearInterval(this.timer);
  }

  snapshot(): { backends: Map<number, number>; postmaster: number } {
    this.sample();
    return { backends: new Map(this.last), postmaster: this.postmaster };
  }

  private sample(): void {
    const { backends, postmaster } = postgresTicks();
    for (const [pid, ticks] of backends) this.last.set(pid, ticks);
    this.postmaster = postmaster;
  }
}

const postgresTracker = new PostgresTracker();

function machineTicks(): { busy: number; total: number } {
  const [cpu] = readFileSync('/proc/stat', 'utf8').split('\n');
  const values = cpu!.trim().split(/\s+/).slice(1).map(Number);
  const total = values.reduce((sum, value) => sum + value, 0);
  const idle = (values[3] ?? 0) + (values[4] ?? 0);
  return { busy: total - idle, total };
}

interface CpuSnapshot {
  at: number;
  server: number;
  clients: number;
  /** This process, in clock ticks. */
  driver: number;
  postgres: { backends: Map<number, number>; postmaster: number };
  machine: { busy: number; total: number };
}

function cpuSnapshot(serverPid: number | undefined, clientsPid: number | undefined): CpuSnapshot {
  const { user, system } = process.cpuUsage();
  return {
    at: monoMs(),
    server: processTicks(serverPid),
    clients: processTicks(clientsPid),
    driver: ((user + system) / 1e6) * CLK_TCK,
    postgres: postgresTracker.snapshot(),
    machine: machineTicks(),
  };
}

interface CpuUse {
  /** % of one core. */
  server: number;
  clients: number;
  driver: number;
  postgres: number;
  /** The postmaster and backends that exited during the window, of any database (connection churn shows here). */
  postmaster: number;
  /** Everything else on the machine (other work competing for the cores), % of one core. */
  others: number;
  /** % of all cores. */
  machine: number;
  seconds: number;
}

function cpuUse(from: CpuSnapshot, to: CpuSnapshot): CpuUse {
  const seconds = (to.at - from.at) / 1_000;
  const pct = (ticks: number): number => (ticks / CLK_TCK / seconds) * 100;
  let postgres = 0;
  for (const [pid, ticks] of to.postgres.backends) {
    // A backend seen only at the end started during the window: all its time counts; one that exited keeps its
    // last sample (its remaining time shows in the postmaster's children time).
    const before = from.postgres.backends.get(pid);
    postgres += ticks - (before ?? 0);
  }
  const postmaster = to.postgres.postmaster - from.postgres.postmaster;
  const busy = to.machine.busy - from.machine.busy;
  const ours =
    to.server - from.server + (to.clients - from.clients) + (to.driver - from.driver) + postgres + postmaster;
  return {
    server: pct(to.server - from.server),
    clients: pct(to.clients - from.clients),
    driver: pct(to.driver - from.driver),
    postgres: pct(postgres),
    postmaster: pct(postmaster),
    others: pct(Math.max(0, busy - ours)),
    machine: (busy / (to.machine.total - from.machine.total)) * 100,
    seconds,
  };
}

/** Other work above this share of one core makes the figures unreliable (2 cores here). */
const CONTENTION_LIMIT = 15;

/** CPU milliseconds per message of a process that used `percent` of one core over the window. */
function cpuPerMessage(percent: number, use: CpuUse, messages: number): string {
  return `${(((percent / 100) * use.seconds * 1_000) / messages).toFixed(2)} ms`;
}

function cpuLine(serverName: string, use: CpuUse): string {
  const p = (value: number): string => `${value.toFixed(0)}%`;
  return (
    `CPU (% of one core): ${serverName} ${p(use.server)}, clients ${p(use.clients)}, ` +
    `postgres (${BENCH_DATABASE} backends) ${p(use.postgres)}, postgres (postmaster and exited backends, ` +
    `any database) ${p(use.postmaster)}, ` +
    `driver ${p(use.driver)}, other work on the machine ${p(use.others)}; machine ${p(use.machine)} busy of ` +
    `${cpuCount()} cores${use.others > CONTENTION_LIMIT ? '  (CONTENDED: other processes competed for the CPU)' : ''}`
  );
}

/**
 * Waits (up to `maxWaitMs`) for the machine to be quiet apart from this benchmark's processes: other work running
 * at the same time (a test suite, a compiler) competes for the cores and distorts every latency.
 */
async function awaitQuietMachine(serverPid: number | undefined, clientsPid: number | undefined, maxWaitMs: number) {
  const deadline = monoMs() + maxWaitMs;
  for (;;) {
    const from = cpuSnapshot(serverPid, clientsPid);
    await sleep(1_000);
    const use = cpuUse(from, cpuSnapshot(serverPid, clientsPid));
    const busy = use.others + use.postmaster; // our api is idle here: any backend churn is not ours
    if (busy <= CONTENTION_LIMIT) return;
    if (monoMs() > deadline) {
      log(`the machine is still busy with other work (${busy.toFixed(0)}% of one core): measuring anyway`);
      return;
    }
    log(`waiting for a quiet machine: other work is using ${busy.toFixed(0)}% of one core`);
    await sleep(2_000);
  }
}

function cpuCount(): number {
  return readFileSync('/proc/stat', 'utf8')
    .split('\n')
    .filter((line) => /^cpu\d+ /.test(line)).length;
}

class RssSampler {
  peak = 0;
  last = 0;
  private timer: NodeJS.Timeout | undefined;

  constructor(private readonly pid: number) {}

  start(): void {
    this.peak = 0;
    this.sample();
    this.timer = setInterval(() => this.sample(), 100);
    this.timer.unref();
  }

  stop(): void {
    this.sample();
    clearInterval(this.timer);
  }

  sample(): number {
    const rss = readProcStatus(this.pid);
    if (rss !== undefined) {
      this.last = rss;
      this.peak = Math.max(this.peak, rss);
    }
    return this.last;
  }
}

// ---------------------------------------------------------------------------------------------------------------
// Statistics

function percentile(sorted: Float64Array, q: number): number {
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))]!;
}

interface Distribution {
  count: number;
  p50: number;
  p99: number;
  max: number;
}

function distribution(values: Float64Array): Distribution {
  const sorted = values.slice().sort();
  return {
    count: sorted.length,
    p50: percentile(sorted, 0.5),
    p99: percentile(sorted, 0.99),
    max: sorted.at(-1) ?? NaN,
  };
}

function ms(value: number): string {
  return Number.isFinite(value) ? value.toFixed(1) : '—';
}

function dist(d: Distribution): string {
  return `p50 ${ms(d.p50)}  p99 ${ms(d.p99)}  max ${ms(d.max)} ms`;
}

function mb(bytes: number): string {
  return `${(bytes / 1024 / 1024).toFixed(0)} MB`;
}

interface PhaseStats {
  latency: Distribution;
  /** Per command: the first console to get it (the pipeline before the fan-out). */
  first: Distribution;
  /** Per command: last arrival − first arrival (the fan-out to every console). */
  spread: Distribution;
  windows: Distribution[];
  expected: number;
}

function phaseStats(result: PhaseResult, starts: Float64Array): PhaseStats {
  const { commands, clients, arrivals } = result;
  const latencies = new Float64Array(result.delivered);
  const first = new Float64Array(commands);
  const spread = new Float64Array(commands);
  const perWindow = RATE * WINDOW_SECONDS;
  const windows: Distribution[] = [];
  let n = 0;
  let windowStart = 0;
  for (let seq = 0; seq < commands; seq += 1) {
    let earliest = Number.POSITIVE_INFINITY;
    let latest = Number.NEGATIVE_INFINITY;
    const start = starts[seq]!;
    for (let client = 0; client < clients; client += 1) {
      const arrived = arrivals[seq * clients + client]!;
      if (arrived === 0) continue;
      latencies[n++] = arrived - start;
      if (arrived < earliest) earliest = arrived;
      if (arrived > latest) latest = arrived;
    }
    first[seq] = earliest - start;
    spread[seq] = latest - earliest;
    if ((seq + 1) % perWindow === 0 || seq === commands - 1) {
      windows.push(distribution(latencies.subarray(windowStart, n)));
      windowStart = n;
    }
  }
  return {
    latency: distribution(latencies.subarray(0, n)),
    first: distribution(first.filter(Number.isFinite)),
    spread: distribution(spread.filter(Number.isFinite)),
    windows,
    expected: commands * clients,
  };
}

function loopLine(name: string, delay: LoopDelay): string {
  return (
    `${name} event loop: utilization ${(delay.utilization * 100).toFixed(0)}%, delay mean ${ms(delay.mean)}  ` +
    `p99 ${ms(delay.p99)}  max ${ms(delay.max)} ms`
  );
}

function log(message: string): void {
  console.log(`  ${message}`);
}

function printPhase(result: PhaseResult, stats: PhaseStats): void {
  log(
    `delivered ${result.delivered} / expected ${stats.expected} (${result.commands} × ${result.clients}); ` +
      `duplicates ${result.duplicates}, conflicting ${result.conflicting}, out of order ${result.outOfOrder}, ` +
      `other events ${result.foreign}; reconnects ${result.connects}, disconnects ${result.disconnects}`,
  );
  log(
    `event size ${result.sampleBytes} bytes of JSON; ${result.messages} messages to the consoles, ` +
      `${(result.messages / Math.max(result.clients, 1) / SECONDS).toFixed(1)} per console per second ` +
      `(${(result.delivered / Math.max(result.messages, 1)).toFixed(2)} events per message)`,
  );
  log(`latency to each console: ${dist(stats.latency)}  (${stats.latency.count} samples)`);
  log(`first console per message: ${dist(stats.first)}`);
  log(`fan-out (last − first console): ${dist(stats.spread)}`);
  log(
    `p99 per ${WINDOW_SECONDS} s window: ${stats.windows.map((window) => ms(window.p99)).join(' / ')} ms ` +
      `(max ${stats.windows.map((window) => ms(window.max)).join(' / ')})`,
  );
}

// ---------------------------------------------------------------------------------------------------------------
// Phases

/**
 * Waits until the consoles have at least `expected` deliveries and nothing more has arrived for 500 ms (events of
 * commands answered late may still be on their way), or DRAIN_TIMEOUT_MS.
 */
async function drain(clients: RpcClient, expected: number): Promise<void> {
  const deadline = monoMs() + DRAIN_TIMEOUT_MS;
  let last = -1;
  let stableSince = monoMs();
  for (;;) {
    const { delivered } = await clients.call<{ delivered: number }>('progress');
    if (delivered !== last) {
      last = delivered;
      stableSince = monoMs();
    }
    if ((delivered >= expected && monoMs() - stableSince >= 500) || monoMs() > deadline) return;
    await sleep(100);
  }
}

/**
 * The feed on its own: of the commands answered 201 within the run, how many reached every console exactly once
 * (duplicates are counted apart by the clients), and how many deliveries those commands got.
 */
function feedCompleteness(run: EnlaceRun): { accepted: number; complete: number; deliveries: number } {
  const { arrivals, clients, commands } = run.result;
  let accepted = 0;
  let complete = 0;
  let deliveries = 0;
  for (let seq = 0; seq < commands; seq += 1) {
    if (run.codes[seq] !== 201) continue;
    accepted += 1;
    let reached = 0;
    for (let client = 0; client < clients; client += 1) if (arrivals[seq * clients + client] !== 0) reached += 1;
    deliveries += reached;
    if (reached === clients) complete += 1;
  }
  return { accepted, complete, deliveries };
}

interface EnlaceRun {
  result: PhaseResult;
  sent: Float64Array;
  answered: Float64Array;
  /** HTTP status of each command answered within the run (0: no answer, or an error). */
  codes: Int16Array;
  statuses: Map<number | string, number>;
  /** From the first command to the end of the drain. */
  cpu: CpuUse;
}

async function runEnlace(
  clients: RpcClient,
  api: Api,
  token: string,
  incidents: readonly string[],
  phase: PhaseName,
  count: number,
): Promise<EnlaceRun> {
  const { clients: connected } = await clients.call<{ clients: number }>('phase', { name: phase, commands: count });
  const sent = new Float64Array(count);
  const answered = new Float64Array(count);
  const codes = new Int16Array(count);
  const statuses = new Map<number | string, number>();
  let counting = true;
  const tally = (key: number | string): void => {
    if (counting) statuses.set(key, (statuses.get(key) ?? 0) + 1);
  };
  const inFlight: Promise<void>[] = [];
  const cpuFrom = cpuSnapshot(api.child.pid, clients.child.pid);
  // Each command goes to an incident with no command in flight when there is one (round robin otherwise), so
  // commands rarely race on one stream (a race costs the api a retry, or a 409 after three).
  const busy = new Set<string>();
  let next = 0;
  const pickIncident = (): string => {
    for (let tried = 0; tried < incidents.length; tried += 1) {
      const candidate = incidents[(next + tried) % incidents.length]!;
      if (!busy.has(candidate)) {
        next = (next + tried + 1) % incidents.length;
        return candidate;
      }
    }
    next = (next + 1) % incidents.length;
    return incidents[next]!;
  };
  await runSchedule(count, INTERVAL_MS, (seq) => {
    const incident = pickIncident();
    busy.add(incident);
    const body = { summary: { en: summaryText(phase, seq) } };
    sent[seq] = monoMs();
    inFlight.push(
      request(api.port, 'POST', `/api/incidents/${incident}/situation-reports`, body, token)
        .then(
          (answer) => {
            if (counting) {
              answered[seq] = answer.doneAt;
              codes[seq] = answer.status;
            }
            tally(answer.status);
          },
          (error: unknown) => tally(`error ${String(error)}`),
        )
        .finally(() => busy.delete(incident)),
    );
  });
  // An overloaded api can take very long to answer the backlog: give up waiting after IN_FLIGHT_TIMEOUT_MS (the
  // commands still unanswered are reported as such; their events, if any, count when they arrive before the end).
  const answeredAll = await Promise.race([
    Promise.all(inFlight).then(() => true),
    new Promise<false>((done) => setTimeout(() => done(false), IN_FLIGHT_TIMEOUT_MS).unref()),
  ]);
  counting = false;
  if (!answeredAll) {
    const unanswered = count - [...statuses.values()].reduce((sum, n) => sum + n, 0);
    statuses.set(`no answer ${IN_FLIGHT_TIMEOUT_MS / 1_000} s after the last command`, unanswered);
  }
  // Commands refused by the api (409 after three conflicts, errors) have no event to wait for.
  await drain(clients, (statuses.get(201) ?? 0) * connected);
  const cpu = cpuUse(cpuFrom, cpuSnapshot(api.child.pid, clients.child.pid));
  const result = await clients.call<PhaseResult>('collect', {}, 120_000);
  return { result, sent, answered, codes, statuses, cpu };
}

async function runRaw(
  clients: RpcClient,
  raw: RpcClient,
  rawPid: number,
  template: ConsoleEvent,
  phase: PhaseName,
  count: number,
): Promise<{ result: PhaseResult; triggers: Float64Array; loopDelay: LoopDelay; cpu: CpuUse }> {
  const { clients: connected } = await clients.call<{ clients: number }>('phase', { name: phase, commands: count });
  const cpuFrom = cpuSnapshot(rawPid, clients.child.pid);
  const { triggers, loopDelay } = await raw.call<{ triggers: Float64Array; loopDelay: LoopDelay }>(
    'broadcast',
    { phase, count, intervalMs: INTERVAL_MS, template },
    (count / RATE) * 1_000 + 60_000,
  );
  await drain(clients, count * connected);
  const cpu = cpuUse(cpuFrom, cpuSnapshot(rawPid, clients.child.pid));
  const result = await clients.call<PhaseResult>('collect', {}, 120_000);
  return { result, triggers, loopDelay, cpu };
}

/** Per accepted command: first console arrival − HTTP answer (negative when the event beat the answer). */
function answerToFirst(run: EnlaceRun): Distribution {
  const { arrivals, clients, commands } = run.result;
  const gaps: number[] = [];
  for (let seq = 0; seq < commands; seq += 1) {
    const answered = run.answered[seq]!;
    if (answered === 0) continue;
    let first = Number.POSITIVE_INFINITY;
    for (let client = 0; client < clients; client += 1) {
      const arrived = arrivals[seq * clients + client]!;
      if (arrived !== 0 && arrived < first) first = arrived;
    }
    if (Number.isFinite(first)) gaps.push(first - answered);
  }
  return distribution(Float64Array.from(gaps));
}

function statusLine(statuses: Map<number | string, number>): string {
  return [...statuses.entries()].map(([status, count]) => `${count} × ${status}`).join(', ');
}

// ---------------------------------------------------------------------------------------------------------------

interface Summary {
  enlace: PhaseStats;
  enlaceResult: PhaseResult;
  raw: PhaseStats;
  rawResult: PhaseResult;
  commandsOk: number;
  rssPeak: number;
  rssEnd: number;
  rssIdle: number;
  heap: ProbeReport;
  cpu: { enlace: CpuUse; raw: CpuUse };
  feed: { accepted: number; complete: number; deliveries: number };
}

function printSummary(summary: Summary): void {
  const { enlace, raw } = summary;
  const rows: [string, string, string][] = [
    ['latency p50 (ms)', ms(enlace.latency.p50), ms(raw.latency.p50)],
    ['latency p99 (ms)', ms(enlace.latency.p99), ms(raw.latency.p99)],
    ['latency max (ms)', ms(enlace.latency.max), ms(raw.latency.max)],
    ['samples', String(enlace.latency.count), String(raw.latency.count)],
    [
      'delivered/expected',
      `${summary.enlaceResult.delivered}/${enlace.expected}`,
      `${summary.rawResult.delivered}/${raw.expected}`,
    ],
    ['duplicates', String(summary.enlaceResult.duplicates), String(summary.rawResult.duplicates)],
  ];
  const widths = [0, 1, 2].map((i) =>
    Math.max(...rows.map((row) => row[i]!.length), [' ', 'Enlace', 'raw'][i]!.length),
  );
  const line = (cells: readonly string[]): string =>
    cells.map((cell, i) => (i === 0 ? cell.padEnd(widths[i]!) : cell.padStart(widths[i]! + 4))).join('');
  console.log(
    `\nResults: ${CLIENTS} consoles, ${RATE}/s for ${SECONDS} s (latency = send → arrival at each console)\n`,
  );
  console.log(line(['', 'Enlace', 'raw socket.io']));
  for (const row of rows) console.log(line(row));
  console.log('');
  const ratio = enlace.latency.p99 / raw.latency.p99;
  console.log(
    `p99 ratio = enlace / raw = ${ms(enlace.latency.p99)} / ${ms(raw.latency.p99)} = ${ratio.toFixed(2)} ` +
      `(target <= ${TARGET_P99_RATIO})${ratio <= TARGET_P99_RATIO ? '' : '  TARGET MISSED'}`,
  );
  const delivered = summary.enlaceResult.delivered / enlace.expected;
  const exact = summary.enlaceResult.delivered === enlace.expected && summary.enlaceResult.duplicates === 0;
  console.log(
    `delivered/expected (Enlace) = ${summary.enlaceResult.delivered}/${enlace.expected} = ${delivered.toFixed(6)}, ` +
      `duplicates ${summary.enlaceResult.duplicates}, commands accepted ${summary.commandsOk}/${COMMANDS} ` +
      `(target exactly 1.0, no duplicates)${exact ? '' : '  TARGET MISSED'}`,
  );
  const feed = summary.feed;
  const feedOk = feed.complete === feed.accepted && summary.enlaceResult.duplicates === 0;
  console.log(
    `  the feed itself: ${feed.deliveries}/${feed.accepted * CLIENTS} deliveries of the ${feed.accepted} commands ` +
      `answered 201 = ${(feed.deliveries / (feed.accepted * CLIENTS)).toFixed(6)}; ${feed.complete} of them reached ` +
      `all ${CLIENTS} consoles${feedOk ? '' : '  INCOMPLETE'}; the other ${COMMANDS - feed.accepted} commands were ` +
      `refused (409) or not answered by the api within the run`,
  );
  const contended = Math.max(summary.cpu.enlace.others, summary.cpu.raw.others);
  if (contended > CONTENTION_LIMIT) {
    console.log(
      `WARNING: other processes used up to ${contended.toFixed(0)}% of a core during a measurement ` +
        `(Enlace ${summary.cpu.enlace.others.toFixed(0)}%, raw ${summary.cpu.raw.others.toFixed(0)}%): the figures are not reliable`,
    );
  }
  console.log(
    `api memory: RSS (VmRSS) ${mb(summary.rssIdle)} before, peak ${mb(summary.rssPeak)}, end ${mb(summary.rssEnd)}; ` +
      `heap used peak ${mb(summary.heap.peakHeapUsed)}, end ${mb(summary.heap.memory.heapUsed)} ` +
      `(heap total ${mb(summary.heap.memory.heapTotal)}, external ${mb(summary.heap.memory.external)})`,
  );
}

async function main(): Promise<void> {
  const started = monoMs();
  console.log(
    `live console benchmark: ${CLIENTS} consoles, ${RATE} commands/s for ${SECONDS} s ` +
      `(after ${WARMUP_SECONDS} s of warm-up), ${DATABASE_URL.replace(/\/\/([^:@/]+):[^@/]*@/, '//$1:***@')}`,
  );
  await ensureDatabase(DATABASE_URL, (line) => console.log(`  ${line}`));
  postgresTracker.start();
  const schema = `bench_live_${Date.now()}`;
  let api: Api | undefined;
  let clients: RpcClient | undefined;
  let raw: RpcClient | undefined;
  let failed = false;
  let interrupted = false;
  const onSignal = (): void => {
    interrupted = true;
    console.error('\ninterrupted: stopping the child processes');
    for (const child of children) if (running(child)) child.kill('SIGTERM');
  };
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);
  try {
    api = await startApi(schema);
    const token = await login(api.port);
    const incidents = await createIncidents(api.port, token, INCIDENTS);
    clients = forkChild('live-clients.js', 'clients');
    await clients.call<ClockCheck>('clock'); // the first answer waits for the child to start
    const before = monoMs();
    const { childMs } = await clients.call<ClockCheck>('clock');
    const after = monoMs();
    if (!(childMs >= before && childMs <= after)) throw new Error('the clients process does not share the clock');
    log(
      `schema ${schema}; api pid ${api.child.pid} on port ${api.port}; clients pid ${clients.child.pid}; ` +
        `${INCIDENTS} incidents`,
    );
    log(
      `clock: CLOCK_MONOTONIC in every process; check: the clients process read ${(childMs - before).toFixed(2)} ms ` +
        `after the driver's send, ${(after - childMs).toFixed(2)} ms before its answer arrived`,
    );
    const connect = await clients.call<{ connected: number; ms: number }>(
      'connect',
      {
        url: `http://127.0.0.1:${api.port}/console`,
        token,
        count: CLIENTS,
        concurrency: CONNECT_CONCURRENCY,
        batch: BATCH,
      },
      120_000,
    );
    log(
      `${connect.connected} consoles connected to the api and subscribed to board ` +
        `(${BATCH ? "batch: true, 'events' arrays" : "one 'event' message per event"}) in ${ms(connect.ms)} ms`,
    );

    // ---- (a) Enlace
    console.log(`\n(a) Enlace: POST /api/incidents/:id/situation-reports → 'event' on /console`);
    const rss = new RssSampler(api.child.pid!);
    await awaitQuietMachine(api.child.pid, clients.child.pid, QUIET_WAIT_MS);
    const warm = await runEnlace(clients, api, token, incidents, 'warm-e', RATE * WARMUP_SECONDS);
    const warmStats = phaseStats(warm.result, warm.sent);
    log(
      `warm-up: ${warm.sent.length} commands (${statusLine(warm.statuses)}), latency ${dist(warmStats.latency)}, ` +
        `delivered ${warm.result.delivered}/${warmStats.expected}`,
    );
    await sleep(500);
    const rssIdle = rss.sample();
    rss.start();
    await api.probe.call<ProbeReport>('reset');
    if (PROFILE_FILE) await api.probe.call('profileStart');
    const dbFrom = await databaseStats();
    const enlace = await runEnlace(clients, api, token, incidents, 'enlace', COMMANDS);
    const dbTo = await databaseStats();
    rss.stop();
    const heap = await api.probe.call<ProbeReport>('report');
    if (PROFILE_FILE) {
      await api.probe.call('profileStop', { file: PROFILE_FILE });
      log(`api CPU profile of the measured phase written to ${PROFILE_FILE} (profiling slows the api down)`);
    }
    const enlaceStats = phaseStats(enlace.result, enlace.sent);
    const roundTrips = enlace.answered.map((at, seq) => (at === 0 ? Number.NaN : at - enlace.sent[seq]!));
    const commandsOk = enlace.statuses.get(201) ?? 0;
    log(
      `${COMMANDS} commands in ${ms((enlace.sent.at(-1)! - enlace.sent[0]!) / 1_000)} s: ${statusLine(enlace.statuses)}`,
    );
    log(`command round trip (send → HTTP 201): ${dist(distribution(roundTrips.filter(Number.isFinite)))}`);
    printPhase(enlace.result, enlaceStats);
    log(`HTTP 201 → first console (store wake-up, read, projection, dispatch): ${dist(answerToFirst(enlace))}`);
    log(loopLine('api', heap.loopDelay));
    const enlaceCpu = enlace.cpu;
    log(cpuLine('api', enlaceCpu));
    log(databaseLine(dbFrom, dbTo, COMMANDS));
    log(
      `CPU time per command: api ${cpuPerMessage(enlaceCpu.server, enlaceCpu, COMMANDS)}, postgres ` +
        `${cpuPerMessage(enlaceCpu.postgres, enlaceCpu, COMMANDS)}, clients ${cpuPerMessage(enlaceCpu.clients, enlaceCpu, COMMANDS)}`,
    );
    log(
      `api memory: VmRSS ${mb(rssIdle)} before, peak ${mb(rss.peak)}, end ${mb(rss.last)}; heap used peak ` +
        `${mb(heap.peakHeapUsed)}, end ${mb(heap.memory.heapUsed)} (process.memoryUsage() in the api)`,
    );
    const template = enlace.result.sample as ConsoleEvent | undefined;
    if (!template) throw new Error('no console received any event: nothing to size the raw baseline on');

    await clients.call('disconnect');
    log(`api ${await stopChild(api.child)}`);

    // ---- (b) raw socket.io
    console.log(`\n(b) raw socket.io: plain socket.io server, broadcast to room board at the same rate`);
    raw = forkChild('live-raw-server.js', 'raw server');
    const { port: rawPort, pid: rawPid } = await raw.call<{ port: number; pid: number }>('listen');
    const rawConnect = await clients.call<{ connected: number; ms: number }>(
      'connect',
      {
        url: `http://127.0.0.1:${rawPort}/console`,
        token,
        count: CLIENTS,
        concurrency: CONNECT_CONCURRENCY,
        batch: BATCH,
      },
      120_000,
    );
    log(`${rawConnect.connected} consoles reconnected to the raw server (pid ${rawPid}) in ${ms(rawConnect.ms)} ms`);
    await awaitQuietMachine(rawPid, clients.child.pid, QUIET_WAIT_MS);
    const rawWarm = await runRaw(clients, raw, rawPid, template, 'warm-r', RATE * WARMUP_SECONDS);
    const rawWarmStats = phaseStats(rawWarm.result, rawWarm.triggers);
    log(
      `warm-up: ${rawWarm.triggers.length} broadcasts, latency ${dist(rawWarmStats.latency)}, ` +
        `delivered ${rawWarm.result.delivered}/${rawWarmStats.expected}`,
    );
    await sleep(500);
    const rawRun = await runRaw(clients, raw, rawPid, template, 'rawsio', COMMANDS);
    const rawStats = phaseStats(rawRun.result, rawRun.triggers);
    log(`${COMMANDS} broadcasts in ${ms((rawRun.triggers.at(-1)! - rawRun.triggers[0]!) / 1_000)} s`);
    printPhase(rawRun.result, rawStats);
    log(loopLine('raw server', rawRun.loopDelay));
    const rawCpu = rawRun.cpu;
    log(cpuLine('raw server', rawCpu));
    log(
      `CPU time per broadcast: raw server ${cpuPerMessage(rawCpu.server, rawCpu, COMMANDS)}, clients ` +
        `${cpuPerMessage(rawCpu.clients, rawCpu, COMMANDS)}`,
    );
    await clients.call('disconnect');

    printSummary({
      enlace: enlaceStats,
      enlaceResult: enlace.result,
      raw: rawStats,
      rawResult: rawRun.result,
      commandsOk,
      rssPeak: rss.peak,
      rssEnd: rss.last,
      rssIdle,
      heap,
      cpu: { enlace: enlaceCpu, raw: rawCpu },
      feed: feedCompleteness(enlace),
    });
  } catch (error) {
    failed = true;
    console.error(`\nbenchmark ${interrupted ? 'interrupted' : 'failed'}:`, error);
    if (api?.output.length) console.error(`last api output:\n${api.output.slice(-30).join('\n')}`);
  } finally {
    await raw?.call('close', {}, 5_000).catch(() => undefined);
    await Promise.all([stopChild(raw?.child), stopChild(clients?.child), stopChild(api?.child)]);
    closeHttp();
    postgresTracker.stop();
    await dropSchema(schema).catch((error: unknown) => console.error(`dropping schema ${schema} failed:`, error));
  }
  console.log(`\ntotal time ${ms((monoMs() - started) / 1_000)} s`);
  process.exitCode = failed ? 1 : 0;
  // After a failure or Ctrl-C, work in flight (the command schedule, its requests) may still hold the event loop:
  // everything is cleaned up by now, so do not wait for it.
  if (failed) process.exit();
}

await main();
