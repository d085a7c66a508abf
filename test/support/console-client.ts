import { io, type Socket } from 'socket.io-client';
import {
  type ClientToServerEvents,
  CONSOLE_NAMESPACE,
  type ConsoleEvent,
  type ConsoleSnapshot,
  type Room,
  type ServerToClientEvents,
  type SubscribeAck,
} from '@enlace/console-protocol';

export type ConsoleSocket = Socket<ServerToClientEvents, ClientToServerEvents>;

/** What a console received, in the order it arrived, across every connection it made. */
export type Received =
  | { kind: 'event'; event: ConsoleEvent }
  | { kind: 'snapshot'; snapshot: ConsoleSnapshot }
  | { kind: 'caught-up'; position: string | null };

export interface ConsoleClientOptions {
  /** `['websocket']` by default; `['polling', 'websocket']` to start on long-polling and upgrade. */
  transports?: ('polling' | 'websocket')[];
  /** Reconnect on its own after its connection drops (socket.io's manager), resubscribing with `after`. */
  reconnection?: boolean;
  /** Subscribe with `batch: true`: events arrive as `events` arrays (recorded one by one, sizes in `batches`). */
  batch?: boolean;
  /** A drill's id: the handshake places the connection in that drill's world (`auth.drill`). */
  drill?: string;
}

/**
 * A console as a browser runs one: connects to `/console` with a token, subscribes, and after every reconnection
 * subscribes again with `after` = the last position it saw (an event's, a snapshot's or `caught-up`'s).
 */
export class ConsoleClient {
  readonly received: Received[] = [];
  readonly acks: SubscribeAck[] = [];
  /** Reasons of the connections it lost. */
  readonly drops: string[] = [];
  /** Subscriptions that failed (e.g. the connection dropped before the ack). */
  readonly errors: unknown[] = [];
  /** With `batch`: the size of every `events` message, in arrival order. */
  readonly batches: number[] = [];
  /** `event` messages received by a batching console (there must be none). */
  singles = 0;
  private rooms: Room[] | undefined;
  private waiters: { check: () => boolean; resolve: () => void }[] = [];

  private constructor(
    readonly socket: ConsoleSocket,
    readonly batch: boolean,
  ) {
    socket.on('event', (event) => {
      if (batch) this.singles += 1;
      this.push({ kind: 'event', event });
    });
    socket.on('events', (events) => {
      this.batches.push(events.length);
      for (const event of events) this.received.push({ kind: 'event', event });
      this.push(undefined);
    });
    socket.on('snapshot', (snapshot) => this.push({ kind: 'snapshot', snapshot }));
    socket.on('caught-up', ({ position }) => this.push({ kind: 'caught-up', position }));
    socket.on('disconnect', (reason) => this.drops.push(reason));
    socket.on('connect', () => {
      // Connected again after a drop: resume where this console stands.
      if (this.rooms) this.subscribe(this.rooms, this.lastPosition).catch((error: unknown) => this.errors.push(error));
    });
  }

  /** Connects and resolves once connected; rejects with the server's reason when the handshake is refused. */
  static async connect(baseUrl: string, token: string | undefined, options: ConsoleClientOptions = {}) {
    const socket: ConsoleSocket = io(`${baseUrl}${CONSOLE_NAMESPACE}`, {
      auth: { ...(token === undefined ? {} : { token }), ...(options.drill ? { drill: options.drill } : {}) },
      transports: options.transports ?? ['websocket'],
      reconnection: options.reconnection ?? true,
      reconnectionDelay: 50,
      reconnectionDelayMax: 250,
      randomizationFactor: 0,
      forceNew: true,
    });
    const client = new ConsoleClient(socket, options.batch ?? false);
    await new Promise<void>((resolve, reject) => {
      const connected = (): void => {
        socket.off('connect_error', refused);
        resolve();
      };
      const refused = (error: Error): void => {
        socket.off('connect', connected);
        socket.disconnect();
        reject(error);
      };
      socket.once('connect', connected);
      socket.once('connect_error', refused);
    });
    return client;
  }

  get events(): ConsoleEvent[] {
    return this.received.flatMap((item) => (item.kind === 'event' ? [item.event] : []));
  }

  get snapshots(): ConsoleSnapshot[] {
    return this.received.flatMap((item) => (item.kind === 'snapshot' ? [item.snapshot] : []));
  }

  /** The last position this console saw: of an event, a snapshot or a `caught-up`. */
  get lastPosition(): string | undefined {
    let last: string | undefined;
    for (const item of this.received) {
      const position =
        item.kind === 'event' ? item.event.position : item.kind === 'snapshot' ? item.snapshot.position : item.position;
      if (position !== null && (last === undefined || position > last)) last = position;
    }
    return last;
  }

  /** The last event's position (what README calls the last position seen). */
  get lastEventPosition(): string | undefined {
    return this.events.at(-1)?.position;
  }

  /**
   * Subscribes (and remembers the rooms, to resubscribe after a reconnection); resolves with the ack. A passing
   * refusal (`error.details.retryAfterMs`, e.g. the store is away) is retried as a browser console does: after the wait, from the
   * last position seen (or the same `after` if nothing came yet), until it succeeds or the rooms are forgotten.
   */
  async subscribe(rooms: Room[], after?: string): Promise<SubscribeAck> {
    this.rooms = rooms;
    const ack = (await this.socket.timeout(20_000).emitWithAck('subscribe', {
      rooms,
      ...(after === undefined ? {} : { after }),
      ...(this.batch ? { batch: true } : {}),
    })) as SubscribeAck;
    this.acks.push(ack);
    const retryAfterMs = ack.ok ? undefined : ack.error.details?.retryAfterMs;
    if (retryAfterMs !== undefined) {
      setTimeout(() => {
        if (this.rooms !== rooms || this.socket.disconnected) return;
        this.subscribe(rooms, this.lastPosition ?? after).catch((error: unknown) => this.errors.push(error));
      }, retryAfterMs);
    }
    return ack;
  }

  /** Stops resubscribing on reconnection (the next `subscribe` turns it on again). */
  forgetRooms(): void {
    this.rooms = undefined;
  }

  /** Resolves once `check` holds (checked on every message), rejects after `timeoutMs` naming `what`. */
  async until(check: () => boolean, what: string, timeoutMs = 20_000): Promise<void> {
    if (check()) return;
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => {
        this.waiters = this.waiters.filter((waiter) => waiter.resolve !== done);
        const last = this.lastPosition ?? 'nothing';
        reject(new Error(`console: ${what} not within ${timeoutMs} ms (${this.events.length} events, last ${last})`));
      }, timeoutMs);
      const done = (): void => {
        clearTimeout(timer);
        resolve();
      };
      this.waiters.push({ check, resolve: done });
    });
  }

  /** Resolves once an event at `position` (or later) arrived. */
  async untilPosition(position: string, timeoutMs?: number): Promise<void> {
    await this.until(() => (this.lastPosition ?? '') >= position, `position ${position}`, timeoutMs);
  }

  /** Resolves on the next connection (after a drop). */
  async reconnected(timeoutMs = 20_000): Promise<void> {
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no reconnection within ${timeoutMs} ms`)), timeoutMs);
      this.socket.once('connect', () => {
        clearTimeout(timer);
        resolve();
      });
    });
  }

  /** Kills the transport under socket.io (as a dropped network would); the manager then reconnects. */
  killTransport(): void {
    this.socket.io.engine.close();
  }

  close(): void {
    this.rooms = undefined;
    this.socket.disconnect();
  }

  private push(item: Received | undefined): void {
    if (item) this.received.push(item);
    const ready = this.waiters.filter((waiter) => waiter.check());
    if (ready.length === 0) return;
    this.waiters = this.waiters.filter((waiter) => !ready.includes(waiter));
    for (const waiter of ready) waiter.resolve();
  }
}

/** The handshake's outcome: `connected`, or the message of the `connect_error`. */
export async function tryHandshake(baseUrl: string, auth: Record<string, unknown>): Promise<string> {
  const socket: ConsoleSocket = io(`${baseUrl}${CONSOLE_NAMESPACE}`, {
    auth,
    transports: ['websocket'],
    reconnection: false,
    forceNew: true,
  });
  try {
    return await new Promise<string>((resolve) => {
      socket.once('connect', () => resolve('connected'));
      socket.once('connect_error', (error) => resolve(error.message));
    });
  } finally {
    socket.disconnect();
  }
}
