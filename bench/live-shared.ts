/**
 * Shared by the live console benchmark's processes (driver, console clients, raw socket.io server, api probe).
 *
 * One clock for every process: `monoMs()` reads CLOCK_MONOTONIC (`process.hrtime`, libuv's `uv_hrtime`, which is
 * `clock_gettime(CLOCK_MONOTONIC)` on Linux). That clock is system-wide, so a reading taken in one process and a
 * reading taken in another process on the same machine are directly comparable: no per-process epoch (unlike
 * `performance.timeOrigin`, which is derived from the wall clock once per process) and no offset estimation. The
 * driver checks this at start-up with an IPC round trip (`clock` command).
 */
import type { ChildProcess } from 'node:child_process';
import { type EventLoopUtilization, type IntervalHistogram, performance } from 'node:perf_hooks';

/** Milliseconds on the machine-wide monotonic clock (fractional: nanosecond source). */
export function monoMs(): number {
  return Number(process.hrtime.bigint()) / 1e6;
}

export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/**
 * Open-loop schedule: calls `fire(seq)` for seq = 0 … count-1 at `start + seq × intervalMs`, never waiting for the
 * previous one to finish (a slow system under test does not slow the offered load down). Late ticks fire at once.
 */
export async function runSchedule(count: number, intervalMs: number, fire: (seq: number) => void): Promise<void> {
  const start = monoMs();
  for (let seq = 0; seq < count; seq += 1) {
    const wait = start + seq * intervalMs - monoMs();
    if (wait >= 1) await sleep(wait);
    fire(seq);
  }
}

/** Phase names are all 6 characters so Enlace and raw messages have the same size. */
export type PhaseName = 'warm-e' | 'enlace' | 'warm-r' | 'rawsio';

/** `LIVE:<phase>:<seq, 6 digits>:` — the marker at the start of every summary sent through the benchmark. */
export function marker(phase: PhaseName, seq: number): string {
  return `LIVE:${phase}:${String(seq).padStart(6, '0')}:`;
}

const REPORT_TEXT =
  ' Situation report: smoke plume drifting north-east from the commercial lot, lanes 3-5 remain closed; ' +
  'CBP and Bomberos de Tijuana on scene, no new casualties.';

/** The situation report summary of command/broadcast `seq`: a marker and a realistic sentence. */
export function summaryText(phase: PhaseName, seq: number): string {
  return marker(phase, seq) + REPORT_TEXT;
}

const MARKER_PREFIX = 'LIVE:';
const SEQ_DIGITS = 6;

/** The sequence number in a summary of `phase`; -1 for a marker of another phase; -2 for no marker at all. */
export function parseMarker(text: unknown, phase: PhaseName): number {
  if (typeof text !== 'string' || !text.startsWith(MARKER_PREFIX)) return -2;
  const phaseStart = MARKER_PREFIX.length;
  if (text.slice(phaseStart, phaseStart + phase.length) !== phase) return -1;
  const seqStart = phaseStart + phase.length + 1;
  const seq = Number(text.slice(seqStart, seqStart + SEQ_DIGITS));
  return Number.isInteger(seq) ? seq : -2;
}

// ---------------------------------------------------------------------------------------------------------------
// A tiny request/answer protocol over the Node IPC channel (`fork(..., { serialization: 'advanced' })`, so typed
// arrays travel as such).

interface RpcRequest {
  rpc: number;
  cmd: string;
  args: unknown;
}

interface RpcAnswer {
  rpc: number;
  ok: boolean;
  result?: unknown;
  error?: string;
}

function isRpcRequest(message: unknown): message is RpcRequest {
  return typeof message === 'object' && message !== null && typeof (message as RpcRequest).cmd === 'string';
}

function isRpcAnswer(message: unknown): message is RpcAnswer {
  return typeof message === 'object' && message !== null && typeof (message as RpcAnswer).ok === 'boolean';
}

export type RpcHandlers = Record<string, (args: never) => unknown>;

/**
 * Child side: answers the driver's requests with `handlers`. When the driver goes away (even killed with SIGKILL,
 * which closes the IPC channel), `onParentGone` runs — by default the process exits, so no child outlives the bench.
 */
export function serveRpc(handlers: RpcHandlers, onParentGone: () => void = () => process.exit(0)): void {
  if (!process.send) throw new Error('this script is run by the live benchmark (child_process.fork)');
  const send = process.send.bind(process);
  process.on('message', (message: unknown) => {
    if (!isRpcRequest(message)) return;
    const handler = handlers[message.cmd];
    Promise.resolve()
      .then(() => {
        if (!handler) throw new Error(`unknown command ${message.cmd}`);
        return handler(message.args as never);
      })
      .then(
        (result) => send({ rpc: message.rpc, ok: true, result } satisfies RpcAnswer),
        (error: unknown) => send({ rpc: message.rpc, ok: false, error: String(error) } satisfies RpcAnswer),
      );
  });
  process.on('disconnect', onParentGone);
}

/** Driver side: sends requests to a forked child and matches the answers. */
export class RpcClient {
  private next = 1;
  private readonly pending = new Map<number, { resolve: (value: unknown) => void; reject: (error: Error) => void }>();

  constructor(
    readonly name: string,
    readonly child: ChildProcess,
  ) {
    child.on('message', (message: unknown) => {
      if (!isRpcAnswer(message)) return;
      const waiter = this.pending.get(message.rpc);
      if (!waiter) return;
      this.pending.delete(message.rpc);
      if (message.ok) waiter.resolve(message.result);
      else waiter.reject(new Error(`${name}: ${message.error}`));
    });
    // A send to a child that is gone fails through the send callback below; never crash the driver on it.
    child.on('error', () => undefined);
    child.on('exit', (code, signal) => {
      for (const waiter of this.pending.values()) {
        waiter.reject(new Error(`${name} exited (code ${code}, signal ${signal}) before answering`));
      }
      this.pending.clear();
    });
  }

  call<T>(cmd: string, args: unknown = {}, timeoutMs = 60_000): Promise<T> {
    const rpc = this.next++;
    return new Promise<T>((resolve, reject) => {
      const timer = setTimeout(() => {
        this.pending.delete(rpc);
        reject(new Error(`${this.name}: ${cmd} did not answer within ${timeoutMs} ms`));
      }, timeoutMs);
      this.pending.set(rpc, {
        resolve: (value) => {
          clearTimeout(timer);
          resolve(value as T);
        },
        reject: (error) => {
          clearTimeout(timer);
          reject(error);
        },
      });
      const fail = (error: Error): void => {
        const waiter = this.pending.get(rpc);
        this.pending.delete(rpc);
        waiter?.reject(new Error(`${this.name}: ${cmd}: ${error.message}`));
      };
      if (!this.child.connected) {
        fail(new Error('the process is gone'));
        return;
      }
      this.child.send({ rpc, cmd, args } satisfies RpcRequest, (error) => {
        if (error) fail(error);
      });
    });
  }
}

// ---------------------------------------------------------------------------------------------------------------
// Messages

/** What the clients process returns for a phase. `arrivals[seq × clients + client]` is 0 when never received. */
export interface PhaseResult {
  phase: PhaseName;
  commands: number;
  clients: number;
  arrivals: Float64Array;
  /** Distinct (client, event) deliveries of this phase's markers. */
  delivered: number;
  /** Deliveries of an event a client already had (same client, same position). */
  duplicates: number;
  /** Two different positions carrying the same marker (would mean a command appended twice). */
  conflicting: number;
  /** Deliveries whose position was lower than the last one that client saw. */
  outOfOrder: number;
  /** Events of another phase, or without a marker. */
  foreign: number;
  /** One event as received (for the size and shape of the raw baseline's messages). */
  sample: unknown;
  sampleBytes: number;
  /** socket.io messages carrying this phase's events (an `events` array counts once), over all consoles. */
  messages: number;
  connects: number;
  disconnects: number;
}

export interface ClockCheck {
  childMs: number;
}

export interface LoopDelay {
  p50: number;
  p99: number;
  max: number;
  mean: number;
  /** Event loop utilization (0–1) over the same window: 1 = the loop never waits, the process is saturated. */
  utilization: number;
}

/** The loop delay a process measured (the histogram in nanoseconds, reported in ms) and its utilization since `since`. */
export function loopDelayOf(histogram: IntervalHistogram, since: EventLoopUtilization): LoopDelay {
  return {
    p50: histogram.percentile(50) / 1e6,
    p99: histogram.percentile(99) / 1e6,
    max: histogram.max / 1e6,
    mean: histogram.mean / 1e6,
    utilization: performance.eventLoopUtilization(since).utilization,
  };
}

/** From the probe preloaded into the api (bench/live-api-probe.ts); bytes and milliseconds. */
export interface ProbeReport {
  memory: NodeJS.MemoryUsage;
  /** Peaks of the 100 ms samples since the last reset. */
  peakHeapUsed: number;
  peakRss: number;
  loopDelay: LoopDelay;
}
