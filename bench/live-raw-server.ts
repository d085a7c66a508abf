/**
 * The live benchmark's baseline: a plain socket.io server (no Nest, no event store) with the same namespace,
 * subscribe handshake and engine options as the Enlace console gateway, broadcasting to the `board` room at a fixed
 * rate. Run by `live.bench.ts` through `child_process.fork`, in a process of its own like the api.
 *
 * The trigger time of each broadcast is read on the machine-wide monotonic clock right before `emit`, and returned
 * to the driver with the event loop delay this process saw while broadcasting.
 */
import { createServer, type Server as HttpServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { monitorEventLoopDelay, performance } from 'node:perf_hooks';
import { Server } from 'socket.io';
import { CONSOLE_NAMESPACE, type ConsoleEvent } from '@enlace/console-protocol';
import {
  type LoopDelay,
  loopDelayOf,
  monoMs,
  type PhaseName,
  runSchedule,
  serveRpc,
  summaryText,
} from './live-shared.js';

let http: HttpServer | undefined;
let server: Server | undefined;
const loopDelay = monitorEventLoopDelay({ resolution: 10 });
loopDelay.enable();

async function listen(): Promise<{ port: number; pid: number }> {
  http = createServer();
  // The console gateway's engine options (apps/api/src/console/console.gateway.ts).
  server = new Server(http, { cors: { origin: true }, pingInterval: 10_000, pingTimeout: 10_000 });
  server.of(CONSOLE_NAMESPACE).on('connection', (socket) => {
    socket.on('subscribe', (_request: unknown, ack: (answer: unknown) => void) => {
      void Promise.resolve(socket.join('board')).then(() => {
        socket.emit('caught-up', { position: null });
        ack({ ok: true, rooms: ['board'], replay: 'none', from: null });
      });
    });
  });
  const httpServer = http;
  await new Promise<void>((resolve) => httpServer.listen(0, '127.0.0.1', resolve));
  return { port: (httpServer.address() as AddressInfo).port, pid: process.pid };
}

let lastPosition = 1_000;

/** The next position, of the same shape as the store's (`<tx, 20 digits>:<global position, 20 digits>`). */
function nextPosition(): string {
  lastPosition += 1;
  return `${String(lastPosition).padStart(20, '0')}:${String(lastPosition).padStart(20, '0')}`;
}

interface BroadcastArgs {
  phase: PhaseName;
  count: number;
  intervalMs: number;
  /** An Enlace console event as received: each broadcast is this event with its own position and marker. */
  template: ConsoleEvent;
}

async function broadcast({ phase, count, intervalMs, template }: BroadcastArgs): Promise<{
  triggers: Float64Array;
  loopDelay: LoopDelay;
}> {
  const namespace = server?.of(CONSOLE_NAMESPACE);
  if (!namespace) throw new Error('not listening');
  const triggers = new Float64Array(count);
  loopDelay.reset();
  const since = performance.eventLoopUtilization();
  await runSchedule(count, intervalMs, (seq) => {
    triggers[seq] = monoMs();
    // Built per broadcast like the gateway's toConsoleEvent, same fields and sizes as the template.
    const event: ConsoleEvent = {
      position: nextPosition(),
      streamId: template.streamId,
      revision: seq,
      type: template.type,
      data: { ...template.data, summary: { en: summaryText(phase, seq) } },
      metadata: template.metadata,
    };
    namespace.to('board').emit('event', event);
  });
  return {
    triggers,
    loopDelay: loopDelayOf(loopDelay, since),
  };
}

async function close(): Promise<{ closed: true }> {
  const closing = server;
  server = undefined;
  if (closing) await closing.close().catch(() => undefined);
  return { closed: true };
}

serveRpc({ listen, broadcast, close });
