import type { Clock } from '@enlace/clock';
import {
  type ClientToServerEvents,
  type ConsoleEvent,
  type ConsoleSnapshot,
  isRoom,
  type Room,
  type ServerToClientEvents,
  START_POSITION,
  type SubscribeRequest,
} from '@enlace/console-protocol';
import { type DecodedEvent, decodeRecorded } from '@enlace/consumers';
import { type Actor, describeWorld, type World } from '@enlace/domain';
import { collect, type EventStore, type Position } from '@enlace/event-store';
import { consolePrefixes, type TrackedNotification, type WorldModels } from '@enlace/projections';
import { performance } from 'node:perf_hooks';
import type { Namespace, Socket } from 'socket.io';

export type ConsoleSocket = Socket<
  ClientToServerEvents,
  ServerToClientEvents,
  Record<string, never>,
  { actor: Actor; world?: World }
>;

/** Replaying more events than this sends a snapshot of the read models instead. */
export const REPLAY_LIMIT = 2_000;
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

function groupOf(world: string, rooms: Iterable<Room>, batch: boolean): string {
  return `${world}group:${batch ? 'batch' : 'single'}:${[...rooms].sort().join(',')}`;
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

/** What a subscription came to: what was replayed, and the position the console now stands at. */
export interface Subscribed {
  rooms: Room[];
  replay: 'events' | 'snapshot' | 'none';
}

/**
 * The console feed of one world: its rooms (socket.io rooms of their own, named with the world, so a console of a
 * drill and one of the live world never share one), the resume from a position (events the console missed, or a
 * snapshot of the read models when it missed too many), and the batching of live events. It hears each event from its
 * world's read models right after they applied it, with its rooms. The gateway authenticates, applies the limits and
 * forwards here.
 */
export class ConsoleFeed {
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
  private readonly stopListening: () => void;
  /** Its socket.io rooms start with this: the world's own. */
  private readonly roomPrefix: string;
  private readonly prefixes: string[];

  constructor(
    private readonly models: WorldModels,
    private readonly namespace: Namespace<ClientToServerEvents, ServerToClientEvents>,
    private readonly store: EventStore,
    private readonly clock: Clock,
    private readonly flushIntervalMs: number,
    /** Hears, for each live event sent, how long after its append the send carrying it started (seconds). */
    private readonly onSent: (seconds: number) => void = () => undefined,
  ) {
    this.roomPrefix = `${describeWorld(models.world)}|`;
    this.prefixes = consolePrefixes(models.world);
    this.stopListening = models.runner.onEvent((event, rooms) => this.dispatch(event, rooms));
  }

  get world(): World {
    return this.models.world;
  }

  /** The position this world's read models (and so this feed) stand at. */
  get position(): Position | undefined {
    return this.models.runner.position;
  }

  /** Whether a subscription from `after` has to replay events this feed has passed. */
  replays(after: string | undefined): boolean {
    return after !== undefined && after < (this.position ?? START_POSITION);
  }

  stop(): void {
    this.stopListening();
    this.flushScheduled?.cancel();
    if (this.pumping) clearImmediate(this.pumping);
  }

  /** Adds this feed's subscriptions to `counts`, per kind of room (`board`, `drill`, `incident`, `port`, `blm`). */
  countSubscriptions(counts: Map<string, number>): void {
    for (const subscriber of this.subscribers.values()) {
      for (const room of subscriber.rooms) {
        const kind = room.split(':', 1)[0]!;
        counts.set(kind, (counts.get(kind) ?? 0) + 1);
      }
    }
  }

  /** Forgets a console (it disconnected, or moved to another world's feed). */
  remove(socket: ConsoleSocket): void {
    const subscriber = this.subscribers.get(socket.id);
    if (subscriber) {
      this.catchingUp.delete(subscriber);
      this.leaveGroup(subscriber, socket);
    }
    this.subscribers.delete(socket.id);
  }

  /**
   * Subscribes an authenticated console to `rooms`: replays what it missed after `after` (or sends a snapshot), then
   * hands it over to the live sends without a gap or a repeat. Throws when the store cannot be read (the console keeps
   * nothing of this subscription and tries again from the same position).
   */
  async subscribe(socket: ConsoleSocket, { rooms, after, batch }: SubscribeRequest): Promise<Subscribed | undefined> {
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

    let replay: Awaited<ReturnType<ConsoleFeed['catchUp']>>;
    try {
      replay = await this.catchUp(socket, subscriber, after as Position | undefined);
    } catch (error) {
      subscriber.buffer = undefined;
      if (this.subscribers.get(socket.id) === subscriber) this.subscribers.delete(socket.id);
      throw error;
    } finally {
      this.catchingUp.delete(subscriber);
    }
    if (socket.disconnected || this.subscribers.get(socket.id) !== subscriber) return undefined;
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
    return { rooms: [...subscriber.rooms], replay: replay.kind };
  }

  unsubscribe(socket: ConsoleSocket, request: unknown): Room[] {
    const rooms = ((request as { rooms?: unknown } | undefined)?.rooms ?? []) as unknown[];
    const subscriber = this.subscribers.get(socket.id);
    if (!subscriber) return [];
    // Events already dispatched go out under the old rooms; the console then moves to the group of the rooms left.
    this.flushNow();
    for (const room of rooms.filter(isRoom)) subscriber.rooms.delete(room);
    if (subscriber.group) {
      this.leaveGroup(subscriber, socket);
      if (subscriber.rooms.size > 0) this.joinGroup(socket, subscriber);
    }
    return [...subscriber.rooms];
  }

  /**
   * Live: consoles still catching up keep the event for their hand-over; the others get it with the next send, on the
   * next turn of the event loop or, soon after the previous send, once the interval it earned is over (see
   * MAX_SEND_SHARE): a message per group carries every event ready by then, so under load the writes stay bounded.
   */
  private dispatch(event: DecodedEvent, rooms: readonly string[]): void {
    if (rooms.length === 0) return;
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
    if (pending.length === 0) return;
    this.pending = [];
    this.lastFlush = performance.now();
    const encoded = new Map<DecodedEvent, ConsoleEvent>();
    const now = this.clock.nowMs();
    const encode = (event: DecodedEvent): ConsoleEvent => {
      let message = encoded.get(event);
      if (!message) {
        encoded.set(event, (message = toConsoleEvent(event)));
        this.onSent(Math.max(0, now - Date.parse(event.metadata.recordedAt)) / 1000);
      }
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
    const name = groupOf(this.roomPrefix, subscriber.rooms, subscriber.batch);
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
   * Sends what the console missed after `after`, up to where this world's read models stand; later events are in the
   * buffer. Too many to replay: a snapshot of the read models and its position instead.
   */
  private async catchUp(
    socket: ConsoleSocket,
    subscriber: Subscriber,
    after: Position | undefined,
  ): Promise<{ kind: 'events' | 'snapshot' | 'none'; cursor: Position }> {
    const { runner } = this.models;
    const upTo = runner.position ?? (START_POSITION as Position);
    if (after === undefined) return { kind: 'none', cursor: upTo };
    if (after >= upTo) {
      // A console ahead of this process (it came from one further along) waits until this one has caught up.
      if (after > upTo) await runner.waitFor(after, 10_000);
      return { kind: 'none', cursor: after };
    }
    // One more than can be replayed: if that one is not past where the read models stand, a snapshot instead.
    const read = await collect(
      this.store.readAll({
        fromPosition: after,
        filter: { streamPrefixes: this.prefixes },
        maxCount: REPLAY_LIMIT + 1,
      }),
    );
    if (read.length > REPLAY_LIMIT && read[REPLAY_LIMIT]!.position <= upTo) {
      const snapshot = this.snapshot([...subscriber.rooms]);
      socket.emit('snapshot', snapshot);
      return { kind: 'snapshot', cursor: snapshot.position as Position };
    }
    let cursor: Position = after;
    const events: ConsoleEvent[] = [];
    for (const recorded of read) {
      if (recorded.position > upTo) break;
      const decoded = decodeRecorded(recorded);
      if (decoded.ok && (await this.roomsOf(decoded.event)).some((room) => subscriber.rooms.has(room as Room))) {
        events.push(toConsoleEvent(decoded.event));
      }
      cursor = recorded.position;
    }
    this.send(socket, subscriber.batch, events);
    return { kind: 'events', cursor };
  }

  /** The rooms of an event read back from the store: a notification no longer in memory is read from the archive. */
  private async roomsOf(event: DecodedEvent): Promise<string[]> {
    const { models } = this.models.runner;
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
    const { models } = this.models.runner;
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
}
