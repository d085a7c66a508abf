/**
 * npm run bench:drill — how punctually a drill's injects are released on compressed time.
 *
 * Runs the shortest shipped scenario (every inject, contingencies included: nobody plays, so every expected action is
 * missed) at 60× and at 120× through the real worker in this process: the directory of drills, the drill runner, the
 * BullMQ delayed jobs and the command pipeline, on PostgreSQL and Redis. For each inject it takes the release's drill
 * time against the time it was due (both recorded in `DrillInjectReleased`) and prints p50 / p99 / max of the error in
 * drill time and in real time. Baseline, measured in the same run on the same Redis: bare BullMQ delayed jobs due at
 * the same real instants, their lateness when their processor starts. Then the time from the drill's end to its
 * after-action report, made as the api makes it on request (the drill's record read, evaluated, rendered).
 *
 *   BENCH_DATABASE_URL   default postgres://postgres@127.0.0.1:5432/enlace_bench (created if missing)
 *   BENCH_REDIS_URL      default redis://127.0.0.1:6379 (keys under a prefix of this run's own)
 *   BENCH_DRILL_RATES    default 60,120
 */
import { Module, type INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { ActOnDrill, GetDrillRecord, platformImports } from '@enlace/application';
import { evaluateDrill, renderAarHtml } from '@enlace/after-action';
import {
  type Actor,
  type DrillCommand,
  type DrillParticipant,
  drillStreamId,
  drillWorld,
  type ReferenceCatalog,
  streamInWorld,
} from '@enlace/domain';
import { collect, EVENT_STORE, type EventStore } from '@enlace/event-store';
import { DeliveryWorker, NotificationsModule } from '@enlace/notifications';
import { DrillDirectory } from '@enlace/projections';
import { REFERENCE_CATALOG } from '@enlace/reference-data';
import { loadScenarios, type Scenario, scenarioDrillPlan } from '@enlace/scenarios';
import { Queue, Worker } from 'bullmq';
import { Redis } from 'ioredis';
import { randomUUID } from 'node:crypto';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { ensureDatabase } from './bench-database.js';
import { sleep } from './live-shared.js';

const here = dirname(fileURLToPath(import.meta.url));
const root = resolve(here, '../..');
const DATABASE_URL = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/enlace_bench';
const REDIS_URL = process.env.BENCH_REDIS_URL ?? 'redis://127.0.0.1:6379';
const RATES = (process.env.BENCH_DRILL_RATES ?? '60,120').split(',').map((rate) => Number(rate.trim()));
const PREFIX = `enlace-bench-drill-${randomUUID().slice(0, 8)}`;
const PLANNER: Actor = { id: 'planner', agency: 'EPA', country: 'US', role: 'planner' };
const TWO_OFFICERS: DrillParticipant[] = [
  { username: 'officer.us', role: 'player', side: 'US', agency: 'CBP' },
  { username: 'officer.mx', role: 'player', side: 'MX', agency: 'ANAM' },
];

@Module({ imports: [...platformImports(), NotificationsModule.forRoot({ runWorker: () => true })] })
class BenchWorkerModule {}

interface Figures {
  p50: number;
  p99: number;
  max: number;
}

function figures(values: number[]): Figures {
  const sorted = [...values].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)] ?? Number.NaN;
  return { p50: at(0.5), p99: at(0.99), max: sorted.at(-1) ?? Number.NaN };
}

const fmt = (ms: number, unit = 'ms') => `${ms.toFixed(ms < 10 ? 1 : 0)} ${unit}`;

/** Bare BullMQ: delayed jobs due at `dueAt` (epoch ms); each one's lateness when its processor starts. */
async function rawLateness(dueAt: number[]): Promise<number[]> {
  const connection = new Redis(REDIS_URL, { maxRetriesPerRequest: null });
  const queue = new Queue('raw-delayed', { connection, prefix: PREFIX });
  const late: number[] = [];
  const worker = new Worker(
    'raw-delayed',
    (job) => {
      late.push(Date.now() - (job.data as { dueAt: number }).dueAt);
      return Promise.resolve();
    },
    { connection, prefix: PREFIX, concurrency: 8 },
  );
  try {
    await Promise.all(
      dueAt.map((due, i) =>
        queue.add('raw', { dueAt: due }, { jobId: `raw-${i}`, delay: Math.max(0, due - Date.now()) }),
      ),
    );
    const deadline = Math.max(...dueAt) + 30_000;
    while (late.length < dueAt.length && Date.now() < deadline) await sleep(100);
    return late;
  } finally {
    await worker.close();
    await queue.obliterate({ force: true }).catch(() => undefined);
    await queue.close();
    connection.disconnect();
  }
}

async function runDrill(
  app: INestApplicationContext,
  scenario: Scenario,
  rate: number,
): Promise<{
  drillMs: number[];
  realMs: number[];
  rawMs: number[];
  injects: number;
  reportMs: number;
  reportBytes: number;
}> {
  const commands = app.get(CommandBus);
  const store = app.get<EventStore>(EVENT_STORE);
  const drillId = randomUUID();
  const onDrill = (command: DrillCommand) =>
    commands.execute(new ActOnDrill(drillId, command, { actor: PLANNER, correlationId: randomUUID() }));
  const startsAt = '2026-04-14T14:40:00.000Z';
  const plan = scenarioDrillPlan(scenario, { startsAt, rate, participants: TWO_OFFICERS });
  await onDrill({ type: 'PlanDrill', data: { drillId, plan } });
  const worker = app.get(DeliveryWorker);
  for (const deadline = Date.now() + 30_000; !worker.runnerOf(drillId)?.isOwner;) {
    if (Date.now() > deadline) throw new Error('the worker did not take the drill up within 30 s');
    await sleep(50);
  }
  const startedAt = Date.now();
  await onDrill({ type: 'StartDrillClock', data: { drillId, drillTime: startsAt, rate } });
  // The baseline: bare delayed jobs due at the real instants the scheduled (non-contingency) injects are.
  const raw = rawLateness(
    scenario.injects
      .filter((inject) => !inject.contingencyFor)
      .map((inject) => startedAt + (inject.offsetMinutes * 60_000) / rate),
  );
  const stream = streamInWorld(drillWorld(drillId), drillStreamId(drillId));
  const lastDue = Math.max(...scenario.injects.map((i) => i.offsetMinutes + (i.expectedAction?.withinMinutes ?? 0)));
  const deadline = startedAt + (lastDue * 60_000) / rate + 30_000;
  let released: { drillTime: string; dueDrillTime: string }[] = [];
  while (Date.now() < deadline) {
    released = (await collect(store.readStream(stream)))
      .filter((event) => event.type === 'DrillInjectReleased')
      .map((event) => event.data as { drillTime: string; dueDrillTime: string });
    if (released.length === scenario.injects.length) break;
    await sleep(250);
  }
  await onDrill({ type: 'EndDrill', data: { drillId } });
  // The report as the api makes it on request: the drill's record read from the store, evaluated, rendered.
  const reportStarted = performance.now();
  const record = await app.get(QueryBus).execute(new GetDrillRecord(drillId));
  const evaluation = evaluateDrill({ scenario, drillEvents: record.drillEvents, worldEvents: record.worldEvents });
  const html = renderAarHtml(evaluation, 'es');
  const reportMs = performance.now() - reportStarted;
  const drillMs = released.map((r) => Date.parse(r.drillTime) - Date.parse(r.dueDrillTime));
  return {
    drillMs,
    realMs: drillMs.map((ms) => ms / rate),
    rawMs: await raw,
    injects: released.length,
    reportMs,
    reportBytes: html.length,
  };
}

async function main(): Promise<void> {
  await ensureDatabase(DATABASE_URL);
  Object.assign(process.env, {
    DATABASE_URL,
    DATABASE_SCHEMA: `bench_drill_${randomUUID().slice(0, 8)}`,
    REDIS_URL,
    REDIS_PREFIX: PREFIX,
    CONFIG_DIR: join(root, 'config'),
    LOG_LEVEL: 'error',
  });
  const app = await NestFactory.createApplicationContext(BenchWorkerModule, { logger: ['error'] });
  await app.init();
  const directory = new DrillDirectory(app.get(EVENT_STORE));
  directory.onApplicationBootstrap();
  try {
    const scenarios = loadScenarios(join(root, 'config/scenarios'), app.get<ReferenceCatalog>(REFERENCE_CATALOG));
    const lengthOf = (s: Scenario) => Math.max(...s.injects.map((i) => i.offsetMinutes));
    const scenario = scenarios.reduce((a, b) => (lengthOf(b) < lengthOf(a) ? b : a));
    console.log(
      `bench:drill — ${scenario.id}: ${scenario.injects.length} injects over ${lengthOf(scenario)} min of drill time`,
    );
    for (const rate of RATES) {
      const run = await runDrill(app, scenario, rate);
      const [drill, real, raw] = [figures(run.drillMs), figures(run.realMs), figures(run.rawMs)];
      console.log(`\n${rate}×: ${run.injects}/${scenario.injects.length} injects released`);
      console.log(`  release error, drill time   p50 ${fmt(drill.p50)}  p99 ${fmt(drill.p99)}  max ${fmt(drill.max)}`);
      console.log(`  release error, real time    p50 ${fmt(real.p50)}  p99 ${fmt(real.p99)}  max ${fmt(real.max)}`);
      console.log(`  bare BullMQ delayed job     p50 ${fmt(raw.p50)}  p99 ${fmt(raw.p99)}  max ${fmt(raw.max)}`);
      console.log(
        `  ratio to bare BullMQ (real) p50 ${(real.p50 / raw.p50).toFixed(1)}×  p99 ${(real.p99 / raw.p99).toFixed(1)}×`,
      );
      console.log(`  goal p99 ≤ 1 s of drill time: ${drill.p99 <= 1_000 ? 'met' : 'NOT met'}`);
      console.log(
        `  end → after-action report (read, evaluate, render ${Math.round(run.reportBytes / 1024)} KB of HTML): ` +
          `${fmt(run.reportMs)}; goal ≤ 5 s: ${run.reportMs <= 5_000 ? 'met' : 'NOT met'}`,
      );
    }
  } finally {
    await directory.onApplicationShutdown();
    await app.close();
    const admin = new pg.Client({ connectionString: DATABASE_URL });
    await admin.connect();
    await admin.query(`DROP SCHEMA IF EXISTS ${pg.escapeIdentifier(process.env.DATABASE_SCHEMA!)} CASCADE`);
    await admin.end();
  }
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
