import { type DecodedEvent, decodeRecorded } from '@enlace/consumers';
import { Logger, type OnModuleDestroy } from '@nestjs/common';
import {
  ConnectedSocket,
  MessageBody,
  type OnGatewayDisconnect,
  type OnGatewayInit,
  SubscribeMessage,
  WebSocketGateway,
} from '@nestjs/websockets';
import {
  type ClientToServerEvents,
  CONSOLE_NAMESPACE,
  type ConsoleEvent,
  type ConsoleSnapshot,
  isRoom,
  type Room,
  type AuthenticateAck,
  type ServerToClientEvents,
  START_POSITION,
  type SubscribeAck,
  type SubscribeRequest,
} from '@enlace/console-protocol';
import type { Actor } from '@enlace/domain';
import { EVENT_STORE, type EventStore, type Position, StoreUnavailableError } from '@enlace/event-store';
import { LIVE_STREAM_PREFIXES, ProjectionRunner, type TrackedNotification } from '@enlace/projections';
import { Inject } from '@nestjs/common';
import { Clock } from '@enlace/clock';
import { EnvironmentVariables } from '@enlace/config';
import { performance } from 'node:perf_hooks';
import type { Namespace, Socket } from 'socket.io';
import {
  ConcurrencyLimit,
  MAX_CONCURRENT_REPLAYS,
  MAX_WAITING_REPLAYS,
  replaysBusy,
  SocketLimits,
} from './subscribe-limits.js';
import { parseSubscribeRequest } from './subscribe-request.js';
import { ConsoleAuthenticator } from '../auth/console-authenticator.js';

type ConsoleSocket = Socket<ClientToServerEvents, ServerToClientEvents, Record<string, never>, { actor: Actor }>;

/** Replaying more events than this sends a snapshot of the read models instead. */
export const REPLAY_LIMIT = 2_000;
/** A console whose unsent packets pile up beyond this is dropped; it reconnects and resumes from its position. */
const MAX_PENDING_PACKETS = 5_000;
/**
 * Consoles per shard of a group. A send writes to one shard per turn of the event loop, so HTTP requests and the
 * store's answers are served between shards instead of waiting for a write to every console.
 */
const SHARD_SIZE = 250;
/**
 * Live sends may take about this share of the api's time: after a send that took `c` ms of writing, the next waits
 * up to `c / MAX_SEND_SHARE` ms (never more than CONSOLE_FLUSH_INTERVAL_MS). A few consoles cost next to nothing, so
 * their events go out at once; a thousand under a burst get fewer, larger messages and leave the loop to commands.
 */
const MAX_SEND_SHARE = 0.25;
/** Replayed events go to a batching console this many to a message. */
const REPLAY_BATCH = 500;
/** When a subscribe failed for another reason than the store: the console tries again after this. */
const SUBSCRIBE_RETRY_MS = 2_000;

interface Subscriber {
  rooms: Set<Room>;
  /** Receives `events` arrays instead of one `event` message per event. */
  batch: boolean;
  /** While catching up: live events routed to its rooms, kept until the replay is over. */
  buffer: DecodedEvent[] | undefined;
  /** Its group (see `Group`), and the socket.io room of its shard of the group. */
  group: string | undefined;
  shard: string | undefined;
}

/**
 * Consoles subscribed to the same rooms with the same `batch` form a group, one socket.io room: live events are sent
 * to a group at once, encoded once, and an event reaches a console in several of its rooms only once.
 */
interface Group {
  rooms: Set<Room>;
  batch: boolean;
  members: number;
  /** Members per shard; shard `k` is the socket.io room `<group>#<k>`. */
  shards: number[];
}

function groupOf(rooms: Iterable<Room>, batch: boolean): string {
  return `group:${batch ? 'batch' : 'single'}:${[...rooms].sort().join(',')}`;
}

export function toConsoleEvent(event: DecodedEvent): ConsoleEvent {
  const { actor, agency, country, role, correlationId, causationId, mode, recordedAt } = event.metadata;
  return {
    position: event.position,
    streamId: event.streamId,
    revision: event.revision,
    type: event.type,
    data: { ...event.data },
    metadata: { actor, agency, country, role, correlationId, causationId, mode, recordedAt },
  };
}

function refused(code: string, en: string, es: string, retryAfterMs?: number): Extract<SubscribeAck, { ok: false }> {
  return { ok: false, error: { code, message: { en, es }, ...(retryAfterMs ? { details: { retryAfterMs } } : {}) } };
}

/**
 * The live console feed on `/console`. Each api process follows the event store itself (its ProjectionRunner), so a
 * command accepted by any process reaches the consoles of every process, and a console may resume on any process
 * from the last position it saw.
 *
 * A console is authenticated at the handshake and again at every subscribe, and closed when its token expires
 * (ConsoleAuthenticator); the HTTP guard skips its messages.
 */
// Origins, message size and the refusal of every other namespace: ConsoleSocketAdapter (set up in http-app.ts).
@WebSocketGateway({ namespace: CONSOLE_NAMESPACE, pingInterval: 10_000, pingTimeout: 10_000 })
export class ConsoleGateway implements OnGatewayInit, OnGatewayDisconnect, OnModuleDestroy {
  private readonly logger = new Logger('Console');
  private readonly subscribers = new Map<string, Subscriber>();
  /** Subscribers still replaying: they keep the live events of their rooms until the hand-over. */
  private readonly catchingUp = new Set<Subscriber>();
  private readonly groups = new Map<string, Group>();
  /** Live events applied by the read models and not yet sent to the groups (sent on the next turn of the loop). */
  private pending: { event: DecodedEvent; rooms: readonly string[] }[] = [];
  private flushScheduled: { cancel: () => void } | undefined;
  /** The shards a send has not written to yet, in order; a new send waits until this one is out. */
  private sending: (() => void)[] = [];
  private pumping: NodeJS.Immediate | undefined;
  /** When the last live events went out (performance.now()); see `scheduleFlush` for how long the next one waits. */
  private lastFlush = Number.NEGATIVE_INFINITY;
  /** Time spent writing the send under way so far, and the whole of the last send (ms of the event loop). */
  private sendCost = 0;
  private lastSendCost = 0;
  private readonly flushIntervalMs: number;
  private readonly queues = new Map<string, Promise<unknown>>();
  /** Each connection's subscribe and replay budgets, and the process's replays under way (subscribe-limits.ts). */
  private readonly limits = new WeakMap<ConsoleSocket, SocketLimits>();
  private readonly replays = new ConcurrencyLimit(MAX_CONCURRENT_REPLAYS, MAX_WAITING_REPLAYS);
  private namespace: Namespace<ClientToServerEvents, ServerToClientEvents> | undefined;
  private stopListening: (() => void) | undefined;
  private slowCheck: NodeJS.Timeout | undefined;

  constructor(
    private readonly runner: ProjectionRunner,
    private readonly authenticator: ConsoleAuthenticator,
    @Inject(EVENT_STORE) private readonly store: EventStore,
    env: EnvironmentVariables,
    private readonly clock: Clock,
  ) {
    this.flushIntervalMs = env.CONSOLE_FLUSH_INTERVAL_MS;
  }

  afterInit(namespace: Namespace<ClientToServerEvents, ServerToClientEvents>): void {
    this.namespace = namespace;
    namespace.use(this.authenticator.middleware());
    this.stopListening = this.runner.onEvent((event, rooms) => this.dispatch(event, rooms));
    this.slowCheck = setInterval(() => this.dropSlowConsoles(), 500);
    this.slowCheck.unref();
  }

  onModuleDestroy(): void {
    this.stopListening?.();
    clearInterval(this.slowCheck);
    this.flushScheduled?.cancel();
    if (this.pumping) clearImmediate(this.pumping);
  }

  handleDisconnect(socket: ConsoleSocket): void {
    const subscriber = this.subscribers.get(socket.id);
    if (subscriber) this.leaveGroup(subscriber);
    this.subscribers.delete(socket.id);
    this.queues.delete(socket.id);
  }

  /**
   * A malformed request or one over the connection's limits is answered at once, before anything is queued or read.
   * Then one subscribe at a time per console: a second waits for the first's hand-over, so none is replayed twice;
   * and at most MAX_CONCURRENT_REPLAYS replays at a time in this process, with at most MAX_WAITING_REPLAYS waiting
   * (beyond, a replay is refused with when to retry, and costs the connection nothing).
   */
  @SubscribeMessage('subscribe')
  subscribe(@ConnectedSocket() socket: ConsoleSocket, @MessageBody() message: unknown): Promise<SubscribeAck> {
    const parsed = parseSubscribeRequest(message);
    if (!parsed.ok) return Promise.resolve(parsed.ack);
    const { request } = parsed;
    const replay = request.after !== undefined && request.after < (this.runner.position ?? START_POSITION);
    if (replay && !this.replays.hasRoom()) return Promise.resolve(replaysBusy());
    let limits = this.limits.get(socket);
    if (!limits) this.limits.set(socket, (limits = new SocketLimits(performance.now())));
    const overLimit = limits.admit(replay, performance.now());
    if (overLimit) return Promise.resolve(overLimit);
    const previous = this.queues.get(socket.id) ?? Promise.resolve();
    const next = previous.then(() =>
      replay ? this.replays.run(() => this.subscribeNow(socket, request)) : this.subscribeNow(socket, request),
    );
    this.queues.set(
      socket.id,
      next.catch(() => undefined),
    );
    return next;
  }

  private async subscribeNow(socket: ConsoleSocket, { rooms, after, batch }: SubscribeRequest): Promise<SubscribeAck> {
    try {
      const refusal = await this.authenticator.checkSubscribe(socket);
      if (refusal) return refusal;
    } catch (error) {
      return this.subscribeFailed(socket, undefined, error);
    }
    const previous = this.subscribers.get(socket.id);
    if (previous) {
      this.catchingUp.delete(previous);
      this.leaveGroup(previous);
    }
    for (const room of socket.rooms) if (room !== socket.id) await socket.leave(room);
    const subscriber: Subscriber = {
      rooms: new Set(rooms),
      batch: batch === true,
      buffer: [],
      group: undefined,
      shard: undefined,
    };
    this.subscribers.set(socket.id, subscriber);
    this.catchingUp.add(subscriber);

    let replay: Awaited<ReturnType<ConsoleGateway['catchUp']>>;
    try {
      replay = await this.catchUp(socket, subscriber, after as Position | undefined);
    } catch (error) {
      return this.subscribeFailed(socket, subscriber, error);
    } finally {
      this.catchingUp.delete(subscriber);
    }
    if (socket.disconnected || this.subscribers.get(socket.id) !== subscriber) {
      return refused('CONSOLE.DISCONNECTED', 'Disconnected', 'Desconectado');
    }
    // Synchronously, so no live event falls between the two: send what the groups have not been sent yet (then every
    // buffered event has either gone to the groups, which this console is not in yet, or is in its buffer), send the
    // buffer after the replay's cursor, and join the group for what comes next.
    this.flushNow();
    let cursor: string = replay.cursor;
    const missed = (subscriber.buffer ?? []).filter((event) => event.position > cursor);
    subscriber.buffer = undefined;
    if (missed.length > 0) {
      this.send(socket, subscriber.batch, missed.map(toConsoleEvent));
      cursor = missed[missed.length - 1]!.position;
    }
    this.joinGroup(socket, subscriber);
    socket.emit('caught-up', { position: cursor });
    return {
      ok: true,
      rooms: [...subscriber.rooms],
      replay: replay.kind,
      from: typeof after === 'string' ? after : null,
    };
  }

  /**
   * The session could not be checked or the replay read (the store is away): the server keeps nothing of this subscription, not even a
   * buffer of live events, and tells the console when to try again from the same position. Events it already received
   * are before that position, so the retry neither skips nor repeats any.
   */
  private subscribeFailed(socket: ConsoleSocket, subscriber: Subscriber | undefined, error: unknown): SubscribeAck {
    if (subscriber) {
      subscriber.buffer = undefined;
      if (this.subscribers.get(socket.id) === subscriber) this.subscribers.delete(socket.id);
    }
    if (error instanceof StoreUnavailableError) {
      return refused(
        'CONSOLE.STORE_UNAVAILABLE',
        'The event store is not answering: subscribe again from the same position shortly',
        'El almacén de eventos no responde: vuelva a suscribirse desde la misma posición en breve',
        error.retryAfterSeconds * 1000,
      );
    }
    this.logger.error(`Subscribe failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
    return refused(
      'CONSOLE.SUBSCRIBE_FAILED',
      'The subscription failed: subscribe again from the same position shortly',
      'La suscripción falló: vuelva a suscribirse desde la misma posición en breve',
      SUBSCRIBE_RETRY_MS,
    );
  }

  /** A renewed access token: the connection stays open past the old one's expiry (see ConsoleAuthenticator.renew). */
  @SubscribeMessage('authenticate')
  authenticate(@ConnectedSocket() socket: ConsoleSocket, @MessageBody() request: unknown): Promise<AuthenticateAck> {
    return this.authenticator.renew(socket, request);
  }

  @SubscribeMessage('unsubscribe')
  unsubscribe(@ConnectedSocket() socket: ConsoleSocket, @MessageBody() request: unknown) {
    const rooms = ((request as { rooms?: unknown } | undefined)?.rooms ?? []) as unknown[];
    const subscriber = this.subscribers.get(socket.id);
    if (!subscriber) return { ok: true as const, rooms: [] };
    // Events already dispatched go out under the old rooms; the console then moves to the group of the rooms left.
    this.flushNow();
    for (const room of rooms.filter(isRoom)) subscriber.rooms.delete(room);
    if (subscriber.group) {
      this.leaveGroup(subscriber, socket);
      if (subscriber.rooms.size > 0) this.joinGroup(socket, subscriber);
    }
    return { ok: true as const, rooms: [...subscriber.rooms] };
  }

  /**
   * Live: consoles still catching up keep the event for their hand-over; the others get it with the next send, on the
   * next turn of the event loop or, soon after the previous send, once the interval it earned is over (see
   * MAX_SEND_SHARE): a message per group carries every event ready by then, so under load the writes stay bounded.
   */
  private dispatch(event: DecodedEvent, rooms: readonly string[]): void {
    if (rooms.length === 0 || !this.namespace) return;
    this.pending.push({ event, rooms });
    for (const subscriber of this.catchingUp) {
      if (subscriber.buffer && rooms.some((room) => subscriber.rooms.has(room as Room))) subscriber.buffer.push(event);
    }
    this.flushScheduled ??= this.scheduleFlush();
  }

  private scheduleFlush(): { cancel: () => void } {
    const interval = Math.min(this.flushIntervalMs, this.lastSendCost / MAX_SEND_SHARE);
    const wait = this.lastFlush + interval - performance.now();
    if (wait <= 0) {
      const immediate = setImmediate(() => this.flush());
      return { cancel: () => clearImmediate(immediate) };
    }
    const timer = setTimeout(() => this.flush(), wait);
    return { cancel: () => clearTimeout(timer) };
  }

  /** Completes the send under way and sends what is pending, all before returning (for hand-overs). */
  private flushNow(): void {
    if (this.pumping) clearImmediate(this.pumping);
    this.pumping = undefined;
    for (const write of this.sending.splice(0)) write();
    this.flush();
    for (const write of this.sending.splice(0)) write();
  }

  /** Writes to one shard, and to the next on the next turn of the loop; after the last, the next send may start. */
  private pump(): void {
    this.pumping = undefined;
    const started = performance.now();
    this.sending.shift()?.();
    this.sendCost += performance.now() - started;
    if (this.sending.length > 0) {
      this.pumping = setImmediate(() => this.pump());
      return;
    }
    this.lastSendCost = this.sendCost;
    this.sendCost = 0;
    if (this.pending.length > 0) this.flushScheduled ??= this.scheduleFlush();
  }

  /**
   * Sends the pending live events to every group whose rooms they are routed to, in order, each event once: one
   * message per shard, a shard per turn of the event loop (see `pump`).
   */
  private flush(): void {
    this.flushScheduled?.cancel();
    this.flushScheduled = undefined;
    // A send still going out: this one follows it (pump schedules it), so no console gets them out of order.
    if (this.sending.length > 0) return;
    const pending = this.pending;
    const namespace = this.namespace;
    if (pending.length === 0 || !namespace) return;
    this.pending = [];
    this.lastFlush = performance.now();
    const encoded = new Map<DecodedEvent, ConsoleEvent>();
    const encode = (event: DecodedEvent): ConsoleEvent => {
      let message = encoded.get(event);
      if (!message) encoded.set(event, (message = toConsoleEvent(event)));
      return message;
    };
    for (const [name, group] of this.groups) {
      const events: ConsoleEvent[] = [];
      for (const { event, rooms } of pending) {
        if (rooms.some((room) => group.rooms.has(room as Room))) events.push(encode(event));
      }
      if (events.length === 0) continue;
      group.shards.forEach((members, shard) => {
        if (members === 0) return;
        this.sending.push(() => {
          const target = namespace.to(`${name}#${shard}`);
          if (group.batch) target.emit('events', events);
          else for (const event of events) target.emit('event', event);
        });
      });
    }
    this.pump();
  }

  private send(socket: ConsoleSocket, batch: boolean, events: ConsoleEvent[]): void {
    if (!batch) {
      for (const event of events) socket.emit('event', event);
      return;
    }
    for (let start = 0; start < events.length; start += REPLAY_BATCH) {
      socket.emit('events', events.slice(start, start + REPLAY_BATCH));
    }
  }

  private joinGroup(socket: ConsoleSocket, subscriber: Subscriber): void {
    const name = groupOf(subscriber.rooms, subscriber.batch);
    let group = this.groups.get(name);
    if (!group) {
      group = { rooms: new Set(subscriber.rooms), batch: subscriber.batch, members: 0, shards: [] };
      this.groups.set(name, group);
    }
    let shard = group.shards.findIndex((members) => members < SHARD_SIZE);
    if (shard < 0) shard = group.shards.push(0) - 1;
    group.shards[shard]! += 1;
    group.members += 1;
    subscriber.group = name;
    subscriber.shard = `${name}#${shard}`;
    // The in-memory adapter joins synchronously; nothing is sent between this and the caller's next line.
    void socket.join(subscriber.shard);
  }

  private leaveGroup(subscriber: Subscriber, socket?: ConsoleSocket): void {
    const { group: name, shard } = subscriber;
    if (!name || !shard) return;
    subscriber.group = undefined;
    subscriber.shard = undefined;
    if (socket) void socket.leave(shard);
    const group = this.groups.get(name);
    if (!group) return;
    const index = Number(shard.slice(shard.lastIndexOf('#') + 1));
    group.shards[index] = Math.max(0, (group.shards[index] ?? 0) - 1);
    if (--group.members <= 0) this.groups.delete(name);
  }

  /**
   * Sends what the console missed after `after`, up to where this process's read models stand; later events are in
   * the buffer. Too many to replay: a snapshot of the read models and its position instead.
   */
  private async catchUp(
    socket: ConsoleSocket,
    subscriber: Subscriber,
    after: Position | undefined,
  ): Promise<{ kind: 'events' | 'snapshot' | 'none'; cursor: Position }> {
    const upTo = this.runner.position ?? (START_POSITION as Position);
    if (after === undefined) return { kind: 'none', cursor: upTo };
    if (after >= upTo) {
      // A console ahead of this process (it came from one further along) waits until this one has caught up.
      if (after > upTo) await this.runner.waitFor(after, 10_000);
      return { kind: 'none', cursor: after };
    }
    const filter = { streamPrefixes: LIVE_STREAM_PREFIXES };
    const probe = await this.store.readAll({ fromPosition: after, filter, maxCount: REPLAY_LIMIT + 1 });
    if (probe.length > REPLAY_LIMIT && probe[REPLAY_LIMIT]!.position <= upTo) {
      const snapshot = this.snapshot([...subscriber.rooms]);
      socket.emit('snapshot', snapshot);
      return { kind: 'snapshot', cursor: snapshot.position as Position };
    }
    let cursor: Position = after;
    let page = probe;
    for (;;) {
      const events: ConsoleEvent[] = [];
      let done = false;
      for (const recorded of page) {
        if (recorded.position > upTo) {
          done = true;
          break;
        }
        const decoded = decodeRecorded(recorded);
        if (decoded.ok && (await this.roomsOf(decoded.event)).some((room) => subscriber.rooms.has(room as Room))) {
          events.push(toConsoleEvent(decoded.event));
        }
        cursor = recorded.position;
      }
      this.send(socket, subscriber.batch, events);
      if (done || page.length < REPLAY_LIMIT + 1 || cursor >= upTo) return { kind: 'events', cursor };
      page = await this.store.readAll({ fromPosition: cursor, filter, maxCount: REPLAY_LIMIT + 1 });
    }
  }

  /** The rooms of an event read back from the store: a notification no longer in memory is read from the archive. */
  private async roomsOf(event: DecodedEvent): Promise<string[]> {
    const { models } = this.runner;
    if (
      event.aggregate !== 'notification' ||
      event.type === 'BlmNotificationIssued' ||
      models.notifications.state(event.aggregateId)
    ) {
      return models.roomsOf(event);
    }
    const archived = await this.store.checkpoints.document(models.collections.notifications, event.aggregateId);
    return models.roomsOf(event, archived?.doc as TrackedNotification | undefined);
  }

  /** The read models relevant to `rooms`, as of the position they stand at now (taken synchronously). */
  private snapshot(rooms: Room[]): ConsoleSnapshot {
    const { models } = this.runner;
    const now = this.clock.now();
    const snapshot: ConsoleSnapshot = { position: models.position!, rooms };
    const incidents: Record<string, unknown> = {};
    const ports: Record<string, unknown> = {};
    const notifications: Record<string, unknown> = {};
    for (const room of rooms) {
      const [kind, id] = room.split(/:(.*)/s) as [string, string | undefined];
      if (kind === 'board') {
        snapshot.board = {
          incidents: models.incidents.board('all'),
          ports: models.ports.board(),
          notifications: models.notifications.list(now),
        };
      } else if (kind === 'incident' && id) {
        incidents[id] = {
          incident: models.incidents.detail(id) ?? null,
          timeline: models.timelines.timeline(id) ?? [],
        };
      } else if (kind === 'port' && id) {
        ports[id] = models.ports.port(id) ?? null;
      } else if (kind === 'blm' && id) {
        notifications[id] = models.notifications.list(now, { blmId: id });
      }
    }
    if (Object.keys(incidents).length) snapshot.incidents = incidents;
    if (Object.keys(ports).length) snapshot.ports = ports;
    if (Object.keys(notifications).length) snapshot.notifications = notifications;
    return snapshot;
  }

  private dropSlowConsoles(): void {
    for (const socket of this.namespace?.sockets.values() ?? []) {
      const pending = (socket.conn as unknown as { writeBuffer?: unknown[] }).writeBuffer?.length ?? 0;
      if (pending > MAX_PENDING_PACKETS) {
        this.logger.warn(`Dropping console ${socket.id}: ${pending} packets unsent; it will resume from its position`);
        socket.disconnect(true);
      }
    }
  }
}
