import { Clock } from '@enlace/clock';
import { EnvironmentVariables } from '@enlace/config';
import {
  type AuthenticateAck,
  type ClientToServerEvents,
  CONSOLE_NAMESPACE,
  type ServerToClientEvents,
  type SubscribeAck,
  type SubscribeRequest,
} from '@enlace/console-protocol';
import { LIVE, type World } from '@enlace/domain';
import { EVENT_STORE, type EventStore, StoreUnavailableError } from '@enlace/event-store';
import { Metrics } from '@enlace/metrics';
import { WorldReadModels } from '@enlace/projections';
import { Inject, Logger, type OnModuleDestroy } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import {
  ConnectedSocket,
  MessageBody,
  type OnGatewayDisconnect,
  type OnGatewayInit,
  SubscribeMessage,
  WebSocketGateway,
} from '@nestjs/websockets';
import { performance } from 'node:perf_hooks';
import type { Namespace } from 'socket.io';
import { ConsoleAuthenticator } from '../auth/console-authenticator.js';
import { ConsoleFeed, type ConsoleSocket } from './console-feed.js';
import { drillWorldMiddleware } from './drill-world.js';
import {
  ConcurrencyLimit,
  MAX_CONCURRENT_REPLAYS,
  MAX_WAITING_REPLAYS,
  replaysBusy,
  SocketLimits,
} from './subscribe-limits.js';
import { parseSubscribeRequest } from './subscribe-request.js';

export { REPLAY_LIMIT, toConsoleEvent } from './console-feed.js';

/** A console whose unsent packets pile up beyond this is dropped; it reconnects and resumes from its position. */
const MAX_PENDING_PACKETS = 5_000;
/** When a subscribe failed for another reason than the store: the console tries again after this. */
const SUBSCRIBE_RETRY_MS = 2_000;

const worldKey = (world: World): string => (world.kind === 'live' ? 'live' : world.drillId);

function refused(code: string, en: string, es: string, retryAfterMs?: number): Extract<SubscribeAck, { ok: false }> {
  return { ok: false, error: { code, message: { en, es }, ...(retryAfterMs ? { details: { retryAfterMs } } : {}) } };
}

/**
 * The socket.io door of the console feed on `/console`: it authenticates a console at the handshake and again at
 * every subscribe (ConsoleAuthenticator; the HTTP guard skips its messages), keeps each connection's limits and its
 * subscribes in order, and forwards to the console feed of the console's world (`ConsoleFeed`: rooms, resume,
 * batching). Each api process follows the event store itself, so a command accepted by any process reaches the
 * consoles of every process, and a console may resume on any process from the last position it saw.
 */
// Origins, message size and the refusal of every other namespace: ConsoleSocketAdapter (set up in http-app.ts).
@WebSocketGateway({ namespace: CONSOLE_NAMESPACE, pingInterval: 10_000, pingTimeout: 10_000 })
export class ConsoleGateway implements OnGatewayInit, OnGatewayDisconnect, OnModuleDestroy {
  private readonly logger = new Logger('Console');
  /** The feed of each world with consoles in this process (the live one from the start), and those open already. */
  private readonly feeds = new Map<string, Promise<ConsoleFeed>>();
  private readonly opened = new Map<string, ConsoleFeed>();
  private readonly queues = new Map<string, Promise<unknown>>();
  /** Each connection's subscribe and replay budgets, and the process's replays under way (subscribe-limits.ts). */
  private readonly limits = new WeakMap<ConsoleSocket, SocketLimits>();
  private readonly replays = new ConcurrencyLimit(MAX_CONCURRENT_REPLAYS, MAX_WAITING_REPLAYS);
  private namespace: Namespace<ClientToServerEvents, ServerToClientEvents> | undefined;
  private slowCheck: NodeJS.Timeout | undefined;
  private stopMeasuring: (() => void) | undefined;
  private readonly flushIntervalMs: number;

  constructor(
    private readonly worlds: WorldReadModels,
    private readonly authenticator: ConsoleAuthenticator,
    @Inject(EVENT_STORE) private readonly store: EventStore,
    env: EnvironmentVariables,
    private readonly clock: Clock,
    private readonly queries: QueryBus,
    private readonly metrics: Metrics,
  ) {
    this.flushIntervalMs = env.CONSOLE_FLUSH_INTERVAL_MS;
  }

  afterInit(namespace: Namespace<ClientToServerEvents, ServerToClientEvents>): void {
    this.namespace = namespace;
    namespace.use(this.authenticator.middleware());
    namespace.use(drillWorldMiddleware(this.queries));
    const live = this.newFeed(this.worlds.live);
    this.feeds.set(worldKey(LIVE), Promise.resolve(live));
    this.slowCheck = setInterval(() => this.dropSlowConsoles(), 500);
    this.slowCheck.unref();
    this.stopMeasuring = this.metrics.addCollector(() => this.measure());
  }

  onModuleDestroy(): void {
    this.stopMeasuring?.();
    clearInterval(this.slowCheck);
    for (const feed of this.feeds.values()) void feed.then((opened) => opened.stop()).catch(() => undefined);
  }

  handleDisconnect(socket: ConsoleSocket): void {
    // Only a feed open already can know the console: a disconnect never opens a drill's read models.
    this.openFeedOf(socket)?.remove(socket);
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
    // Judged by the world's feed when it is open; a drill's first subscribe counts as a replay if it resumes.
    const opened = this.openFeedOf(socket);
    const replay = opened ? opened.replays(request.after) : request.after !== undefined;
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

  private async subscribeNow(socket: ConsoleSocket, request: SubscribeRequest): Promise<SubscribeAck> {
    try {
      const refusal = await this.authenticator.checkSubscribe(socket);
      if (refusal) return refusal;
      const feed = await this.feedOf(socket);
      const subscribed = await feed.subscribe(socket, request);
      if (!subscribed) return refused('CONSOLE.DISCONNECTED', 'Disconnected', 'Desconectado');
      return {
        ok: true,
        rooms: subscribed.rooms,
        replay: subscribed.replay,
        from: typeof request.after === 'string' ? request.after : null,
      };
    } catch (error) {
      return this.subscribeFailed(error);
    }
  }

  /**
   * The session could not be checked or the replay read (the store is away): the server keeps nothing of this subscription, not even a
   * buffer of live events, and tells the console when to try again from the same position. Events it already received
   * are before that position, so the retry neither skips nor repeats any.
   */
  private subscribeFailed(error: unknown): SubscribeAck {
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
    return { ok: true as const, rooms: this.openFeedOf(socket)?.unsubscribe(socket, request) ?? [] };
  }

  /** The world a console works in: the live world unless its handshake placed it in a drill (drill-world.ts). */
  private worldOf(socket: ConsoleSocket): World {
    return socket.data.world ?? LIVE;
  }

  /** The feed of the console's world if it is open in this process (the live one always is). */
  private openFeedOf(socket: ConsoleSocket): ConsoleFeed | undefined {
    return this.opened.get(worldKey(this.worldOf(socket)));
  }

  /** The feed of the console's world, opening the drill's read models and feed on first use. */
  private feedOf(socket: ConsoleSocket): Promise<ConsoleFeed> {
    const world = this.worldOf(socket);
    const key = worldKey(world);
    let feed = this.feeds.get(key);
    if (!feed) {
      feed = this.worlds.of(world).then((models) => this.newFeed(models));
      this.feeds.set(key, feed);
      feed.catch(() => this.feeds.delete(key));
    }
    return feed;
  }

  /** On scrape: the consoles connected to this process, and their subscriptions per kind of room, every world's. */
  private measure(): void {
    const counts = new Map<string, number>();
    for (const feed of this.opened.values()) feed.countSubscriptions(counts);
    this.metrics.consoleConnections.set(this.namespace?.sockets.size ?? 0);
    this.metrics.consoleRoomSubscriptions.reset();
    for (const [room, count] of counts) this.metrics.consoleRoomSubscriptions.set({ room }, count);
  }

  private newFeed(models: WorldReadModels['live']): ConsoleFeed {
    if (!this.namespace) throw new Error('The console namespace is not set up yet');
    const feed = new ConsoleFeed(models, this.namespace, this.store, this.clock, this.flushIntervalMs, (seconds) =>
      this.metrics.consoleSendDuration.observe(seconds),
    );
    this.opened.set(worldKey(models.world), feed);
    return feed;
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
