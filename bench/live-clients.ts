/**
 * The live benchmark's console clients: one process holding many socket.io-client connections (websocket transport
 * only, one engine.io connection each), all subscribed to `board`. Run by `live.bench.ts` through
 * `child_process.fork`; it records, for every event of the current phase and every client, the arrival time on the
 * machine-wide monotonic clock (`monoMs`), and hands the whole table back to the driver, which computes latencies.
 *
 * Deduplication is per client and per position: a phase's markers map one-to-one to positions (the first position
 * seen for a marker is kept), so a second delivery of the same (client, position) is a duplicate — counted, never
 * counted as delivered — and a different position with a marker already seen is counted as `conflicting`.
 */
import { io, type Socket } from 'socket.io-client';
import type {
  ClientToServerEvents,
  ConsoleEvent,
  ServerToClientEvents,
  SubscribeRequest,
} from '@enlace/console-protocol';
import { monoMs, parseMarker, type PhaseName, type PhaseResult, serveRpc } from './live-shared.js';

interface ConnectArgs {
  url: string;
  token: string;
  count: number;
  concurrency: number;
  /** Subscribe with `batch: true` (`events` arrays), as the browser console does. */
  batch: boolean;
}

interface Phase {
  name: PhaseName;
  commands: number;
  clients: number;
  arrivals: Float64Array;
  /** The position of each marker, the first time any client saw it. */
  positions: (string | undefined)[];
  delivered: number;
  duplicates: number;
  conflicting: number;
  outOfOrder: number;
  foreign: number;
  sample: ConsoleEvent | undefined;
  messages: number;
}

type ConsoleSocket = Socket<ServerToClientEvents, ClientToServerEvents>;

let sockets: ConsoleSocket[] = [];
/** The last position each client saw: a console resumes from it after a reconnection. */
let lastPositions: (string | undefined)[] = [];
let phase: Phase | undefined;
let batching = false;
let connects = 0;
let disconnects = 0;

function onEvent(client: number, event: ConsoleEvent): void {
  const arrived = monoMs();
  const current = phase;
  if (!current) return;
  const summary = (event.data as { summary?: { en?: unknown } } | undefined)?.summary?.en;
  const seq = parseMarker(summary, current.name);
  if (seq < 0 || seq >= current.commands) {
    current.foreign += 1;
    return;
  }
  const last = lastPositions[client];
  if (last === undefined || event.position > last) lastPositions[client] = event.position;
  const known = current.positions[seq];
  if (known === undefined) current.positions[seq] = event.position;
  else if (known !== event.position) {
    current.conflicting += 1;
    return;
  }
  const slot = seq * current.clients + client;
  if (current.arrivals[slot] !== 0) {
    current.duplicates += 1;
    return;
  }
  current.arrivals[slot] = arrived;
  current.delivered += 1;
  if (last !== undefined && event.position < last) current.outOfOrder += 1;
  current.sample ??= event;
}

function subscribe(socket: ConsoleSocket, client: number): Promise<void> {
  const after = lastPositions[client];
  const request: SubscribeRequest = {
    rooms: ['board'],
    ...(after === undefined ? {} : { after }),
    ...(batching ? { batch: true } : {}),
  };
  return new Promise((resolve, reject) => {
    socket.timeout(30_000).emit('subscribe', request, (error, ack) => {
      if (error) reject(error);
      else if (!ack.ok) reject(new Error(`subscribe refused: ${ack.error.code}`));
      else resolve();
    });
  });
}

function connectOne(url: string, token: string, client: number): Promise<ConsoleSocket> {
  return new Promise((resolve, reject) => {
    const socket: ConsoleSocket = io(url, {
      transports: ['websocket'],
      forceNew: true,
      auth: { token },
      reconnectionDelay: 250,
      reconnectionDelayMax: 2_000,
    });
    let settled = false;
    const fail = (error: unknown): void => {
      if (settled) return;
      settled = true;
      socket.close();
      reject(error instanceof Error ? error : new Error(String(error)));
    };
    socket.on('event', (event) => {
      if (phase) phase.messages += 1;
      onEvent(client, event);
    });
    socket.on('events', (events) => {
      if (phase) phase.messages += 1;
      for (const event of events) onEvent(client, event);
    });
    // A message handler that throws on the server answers with 'exception' instead of the ack.
    (socket as unknown as { on(name: string, listener: (error: unknown) => void): void }).on('exception', (error) =>
      fail(new Error(`the server answered subscribe with an exception: ${JSON.stringify(error)}`)),
    );
    socket.on('disconnect', () => {
      disconnects += 1;
    });
    socket.on('connect', () => {
      connects += 1;
      // On a reconnection, resume after the last position seen (the gateway replays what was missed).
      subscribe(socket, client).then(
        () => {
          if (settled) return;
          settled = true;
          resolve(socket);
        },
        (error: unknown) => fail(error),
      );
    });
    socket.once('connect_error', (error) => fail(error));
  });
}

async function connect({
  url,
  token,
  count,
  concurrency,
  batch,
}: ConnectArgs): Promise<{ connected: number; ms: number }> {
  const started = monoMs();
  batching = batch;
  sockets = new Array<ConsoleSocket>(count);
  lastPositions = new Array<string | undefined>(count).fill(undefined);
  let nextClient = 0;
  const worker = async (): Promise<void> => {
    while (nextClient < count) {
      const client = nextClient++;
      sockets[client] = await connectOne(url, token, client);
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, count) }, worker));
  connects = 0;
  disconnects = 0;
  return { connected: sockets.length, ms: monoMs() - started };
}

function disconnect(): { closed: number } {
  for (const socket of sockets) socket.disconnect();
  const closed = sockets.length;
  sockets = [];
  lastPositions = [];
  phase = undefined;
  return { closed };
}

function startPhase({ name, commands }: { name: PhaseName; commands: number }): { clients: number } {
  const clients = sockets.length;
  phase = {
    name,
    commands,
    clients,
    arrivals: new Float64Array(commands * clients),
    positions: new Array<string | undefined>(commands).fill(undefined),
    delivered: 0,
    duplicates: 0,
    conflicting: 0,
    outOfOrder: 0,
    foreign: 0,
    sample: undefined,
    messages: 0,
  };
  connects = 0;
  disconnects = 0;
  return { clients };
}

function progress(): { delivered: number; expected: number } {
  return { delivered: phase?.delivered ?? 0, expected: phase ? phase.commands * phase.clients : 0 };
}

/** Ends the phase and returns its table (events arriving later count as `foreign` of no phase: ignored). */
function collect(): PhaseResult {
  const done = phase;
  if (!done) throw new Error('no phase running');
  phase = undefined;
  return {
    phase: done.name,
    commands: done.commands,
    clients: done.clients,
    arrivals: done.arrivals,
    delivered: done.delivered,
    duplicates: done.duplicates,
    conflicting: done.conflicting,
    outOfOrder: done.outOfOrder,
    foreign: done.foreign,
    sample: done.sample,
    sampleBytes: done.sample ? Buffer.byteLength(JSON.stringify(done.sample)) : 0,
    messages: done.messages,
    connects,
    disconnects,
  };
}

serveRpc({
  clock: () => ({ childMs: monoMs() }),
  connect,
  disconnect,
  phase: startPhase,
  progress,
  collect,
});
