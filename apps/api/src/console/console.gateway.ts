import { Logger, type OnModuleDestroy } from '@nestjs/common';
import {
  ConnectedSocket,
  MessageBody,
  type OnGatewayDisconnect,
  type OnGatewayInit,
  SubscribeMessage,
  WebSocketGateway,
} from '@nestjs/websockets';
import { JwtService } from '@nestjs/jwt';
import {
  type ClientToServerEvents,
  CONSOLE_NAMESPACE,
  type ConsoleEvent,
  type ConsoleSnapshot,
  isRoom,
  type Room,
  type ServerToClientEvents,
  START_POSITION,
  type SubscribeAck,
} from '@enlace/console-protocol';
import type { Actor } from '@enlace/domain';
import { EVENT_STORE, type EventStore, type Position, type RecordedEvent } from '@enlace/event-store';
import { LIVE_STREAM_PREFIXES, ProjectionRunner } from '@enlace/projections';
import { Inject } from '@nestjs/common';
import type { Namespace, Socket } from 'socket.io';
import type { TokenClaims } from '../auth/auth.guard.js';

type ConsoleSocket = Socket<ClientToServerEvents, ServerToClientEvents, Record<string, never>, { actor: Actor }>;

/** Replaying more events than this sends a snapshot of the read models instead. */
export const REPLAY_LIMIT = 2_000;
/** A console whose unsent packets pile up beyond this is dropped; it reconnects and resumes from its position. */
const MAX_PENDING_PACKETS = 5_000;
const POSITION = /^\d{20}:\d{20}$/;

interface Subscriber {
  rooms: Set<Room>;
  /** While catching up: live events routed to its rooms, kept until the replay is over. */
  buffer: RecordedEvent[] | undefined;
}

export function toConsoleEvent(event: RecordedEvent): ConsoleEvent {
  const { actor, agency, country, role, correlationId, causationId, mode, recordedAt } = event.metadata;
  return {
    position: event.position,
    streamId: event.streamId,
    revision: event.revision,
    type: event.type,
    data: event.data as Record<string, unknown>,
    metadata: { actor, agency, country, role, correlationId, causationId, mode, recordedAt },
  };
}

function refused(code: string, en: string, es: string): SubscribeAck {
  return { ok: false, error: { code, message: { en, es } } };
}

/**
 * The live console feed on `/console`. Each api process follows the event store itself (its ProjectionRunner), so a
 * command accepted by any process reaches the consoles of every process, and a console may resume on any process
 * from the last position it saw.
 *
 * A console is authenticated once, at the handshake (the namespace middleware); the HTTP guard skips its messages.
 */
@WebSocketGateway({ namespace: CONSOLE_NAMESPACE, cors: { origin: true }, pingInterval: 10_000, pingTimeout: 10_000 })
export class ConsoleGateway implements OnGatewayInit, OnGatewayDisconnect, OnModuleDestroy {
  private readonly logger = new Logger('Console');
  private readonly subscribers = new Map<string, Subscriber>();
  private readonly queues = new Map<string, Promise<unknown>>();
  private namespace: Namespace<ClientToServerEvents, ServerToClientEvents> | undefined;
  private stopListening: (() => void) | undefined;
  private slowCheck: NodeJS.Timeout | undefined;

  constructor(
    private readonly runner: ProjectionRunner,
    private readonly jwt: JwtService,
    @Inject(EVENT_STORE) private readonly store: EventStore,
  ) {}

  afterInit(namespace: Namespace<ClientToServerEvents, ServerToClientEvents>): void {
    this.namespace = namespace;
    namespace.use((socket, next) => {
      const token = (socket.handshake.auth as { token?: unknown }).token;
      if (typeof token !== 'string' || token.length === 0) {
        next(new Error('unauthorized: auth.token (an access token from POST /api/auth/login) is required'));
        return;
      }
      this.jwt
        .verifyAsync<TokenClaims>(token)
        .then((claims) => {
          (socket as ConsoleSocket).data.actor = {
            id: claims.sub,
            agency: claims.agency,
            country: claims.country,
            role: claims.role,
          };
          next();
        })
        .catch(() => next(new Error('unauthorized: the token is invalid or has expired')));
    });
    this.stopListening = this.runner.onEvent((event) => this.dispatch(event));
    this.slowCheck = setInterval(() => this.dropSlowConsoles(), 500);
    this.slowCheck.unref();
  }

  onModuleDestroy(): void {
    this.stopListening?.();
    clearInterval(this.slowCheck);
  }

  handleDisconnect(socket: ConsoleSocket): void {
    this.subscribers.delete(socket.id);
    this.queues.delete(socket.id);
  }

  /** One subscribe at a time per console: a second waits for the first's hand-over, so none is replayed twice. */
  @SubscribeMessage('subscribe')
  subscribe(@ConnectedSocket() socket: ConsoleSocket, @MessageBody() request: unknown): Promise<SubscribeAck> {
    const previous = this.queues.get(socket.id) ?? Promise.resolve();
    const next = previous.then(() => this.subscribeNow(socket, request));
    this.queues.set(
      socket.id,
      next.catch(() => undefined),
    );
    return next;
  }

  private async subscribeNow(socket: ConsoleSocket, request: unknown): Promise<SubscribeAck> {
    const { rooms, after } = (request ?? {}) as { rooms?: unknown; after?: unknown };
    if (!Array.isArray(rooms) || rooms.length === 0 || rooms.length > 100 || !rooms.every(isRoom)) {
      return refused(
        'CONSOLE.BAD_ROOMS',
        'rooms must be 1–100 of board, incident:<uuid>, port:<id>, blm:<id>',
        'rooms debe tener de 1 a 100 de board, incident:<uuid>, port:<id>, blm:<id>',
      );
    }
    if (after !== undefined && (typeof after !== 'string' || !POSITION.test(after))) {
      return refused(
        'CONSOLE.BAD_POSITION',
        'after must be a position received from this feed',
        'after debe ser una posición recibida de este canal',
      );
    }
    for (const room of socket.rooms) if (room !== socket.id) await socket.leave(room);
    const subscriber: Subscriber = { rooms: new Set(rooms), buffer: [] };
    this.subscribers.set(socket.id, subscriber);

    const replay = await this.catchUp(socket, subscriber, after as Position | undefined);
    if (socket.disconnected) return refused('CONSOLE.DISCONNECTED', 'Disconnected', 'Desconectado');
    // Synchronously: hand over from the buffer to the rooms, so no live event falls between the two.
    let cursor: string = replay.cursor;
    for (const event of subscriber.buffer ?? []) {
      if (event.position > cursor) {
        socket.emit('event', toConsoleEvent(event));
        cursor = event.position;
      }
    }
    subscriber.buffer = undefined;
    await socket.join([...subscriber.rooms]);
    socket.emit('caught-up', { position: cursor });
    return {
      ok: true,
      rooms: [...subscriber.rooms],
      replay: replay.kind,
      from: typeof after === 'string' ? after : null,
    };
  }

  @SubscribeMessage('unsubscribe')
  async unsubscribe(@ConnectedSocket() socket: ConsoleSocket, @MessageBody() request: unknown) {
    const rooms = ((request as { rooms?: unknown } | undefined)?.rooms ?? []) as unknown[];
    const subscriber = this.subscribers.get(socket.id);
    for (const room of rooms.filter(isRoom)) {
      subscriber?.rooms.delete(room);
      await socket.leave(room);
    }
    return { ok: true as const, rooms: [...(subscriber?.rooms ?? [])] };
  }

  /** Live: consoles that caught up get it through their rooms; those still catching up keep it for later. */
  private dispatch(event: RecordedEvent): void {
    const rooms = this.runner.models.rooms.route(event);
    if (rooms.length === 0 || !this.namespace) return;
    this.namespace.to(rooms).emit('event', toConsoleEvent(event));
    for (const subscriber of this.subscribers.values()) {
      if (subscriber.buffer && rooms.some((room) => subscriber.rooms.has(room as Room))) subscriber.buffer.push(event);
    }
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
      for (const event of page) {
        if (event.position > upTo) return { kind: 'events', cursor };
        if (this.runner.models.rooms.route(event).some((room) => subscriber.rooms.has(room as Room))) {
          socket.emit('event', toConsoleEvent(event));
        }
        cursor = event.position;
      }
      if (page.length < REPLAY_LIMIT + 1 || cursor >= upTo) return { kind: 'events', cursor };
      page = await this.store.readAll({ fromPosition: cursor, filter, maxCount: REPLAY_LIMIT + 1 });
    }
  }

  /** The read models relevant to `rooms`, as of the position they stand at now (taken synchronously). */
  private snapshot(rooms: Room[]): ConsoleSnapshot {
    const { models } = this.runner;
    const now = new Date();
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
