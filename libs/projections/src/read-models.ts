import {
  describeWorld,
  type ExistingNotification,
  LIVE,
  type ReferenceCatalog,
  sameWorld,
  streamInWorld,
  type World,
} from '@enlace/domain';
import type { DecodedEvent } from '@enlace/consumers';
import type { DocumentWrite, Position } from '@enlace/event-store';
import { type IncidentBoardSnapshot, IncidentBoardProjection, incidentSortKey } from './incident-board.projection.js';
import {
  activityEntry,
  BARE,
  type DescribeContext,
  IncidentTimelineProjection,
  type IncidentTimelineSnapshot,
} from './incident-timeline.projection.js';
import {
  notificationStage,
  NotificationTrackerProjection,
  type NotificationTrackerSnapshot,
  notificationSortKey,
} from './notification-tracker.projection.js';
import { PortStatusProjection, type PortStatusSnapshot } from './port-status.projection.js';
import type { Projection } from './projection.js';
import type { ActivityEntry, IncidentDetail, TrackedNotification } from './read-model.types.js';

/** The streams the live read models follow; a drill's streams (`exercise-<drill id>.…`, see World) share no prefix with them. */
export const LIVE_STREAM_PREFIXES = ['incident-', 'port-', 'notification-'] as const;

/** `board`, `incident:<id>`, `port:<id>`, `blm:<id>` (the console protocol's rooms). */
export type RoomName = string;

/** The streams the read models of `world` follow: the live ones, or the same categories in the drill's streams. */
export function readModelPrefixes(world: World): string[] {
  return LIVE_STREAM_PREFIXES.map((prefix) => streamInWorld(world, prefix));
}

/**
 * The streams a world's consoles hear, in the order its read models apply them: the read models' own and, in a drill's
 * world, the drill's stream (its clock, injects, halt and end), which the read models pass over and the consoles
 * show on the `drill` room.
 */
export function consolePrefixes(world: World): string[] {
  const prefixes = readModelPrefixes(world);
  return world.kind === 'drill' ? [...prefixes, streamInWorld(world, 'drill-')] : prefixes;
}

/** The archive's collections of one world (`…@live`, or `…@drill <id>`): a drill's documents are its own. */
export function archiveCollections(world: World = LIVE) {
  const key = describeWorld(world);
  return {
    incidents: `incidents@${key}`,
    notifications: `notifications@${key}`,
    timeline: `timeline@${key}`,
  } as const;
}

/** A document to read from the archive before an event can be applied: what it changes is not resident. */
export type Need = { kind: 'incident'; key: string } | { kind: 'notification'; key: string };

export interface ReadModelsSnapshot {
  position: Position | undefined;
  incidents: IncidentBoardSnapshot;
  ports: PortStatusSnapshot;
  notifications: NotificationTrackerSnapshot;
  timelines: IncidentTimelineSnapshot;
}

/**
 * All read models of one world, fed the same events in global order, with the position they have reached. In memory
 * they hold the open work (open incidents and their logs, ports, notifications awaiting acknowledgment); what is done
 * leaves memory once the archive (`ReadModelArchive`) holds it, and comes back (`adopt`) if an event touches it again.
 */
export class ReadModels {
  readonly incidents: IncidentBoardProjection;
  readonly ports: PortStatusProjection;
  readonly notifications: NotificationTrackerProjection;
  readonly timelines = new IncidentTimelineProjection();
  readonly collections: ReturnType<typeof archiveCollections>;
  /** The one world whose events these models apply. */
  readonly world: World;
  private lastPosition: Position | undefined;
  private readonly reference: ReferenceCatalog;
  /** Timeline entries not yet written to the archive (kept only by the archive's own instance). */
  private readonly newEntries: { incidentId: string; entry: ActivityEntry }[] = [];

  constructor(
    reference: ReferenceCatalog,
    /**
     * `archive`: the archive's own instance: it records every log line for the archive and keeps none in memory (what
     * it writes is where the logs are read), and its checkpoint is its ports alone (`archiveSnapshot`).
     */
    private readonly options: { world?: World; archive?: boolean } = {},
  ) {
    this.reference = reference;
    this.incidents = new IncidentBoardProjection(options.archive ?? false);
    this.ports = new PortStatusProjection(reference);
    this.notifications = new NotificationTrackerProjection(options.archive ?? false);
    this.world = options.world ?? LIVE;
    this.collections = archiveCollections(this.world);
  }

  get projections(): Projection[] {
    return [this.incidents, this.ports, this.notifications, this.timelines];
  }

  /** The position of the last event applied (`undefined` before the first). */
  get position(): Position | undefined {
    return this.lastPosition;
  }

  /** What must be loaded from the archive before `event` (nothing, nearly always). */
  needs(event: DecodedEvent): Need | undefined {
    if (this.lastPosition !== undefined && event.position <= this.lastPosition) return undefined;
    const incident = this.incidents.needs(event);
    if (incident) return { kind: 'incident', key: incident };
    const notification = this.notifications.needs(event);
    return notification ? { kind: 'notification', key: notification } : undefined;
  }

  /** Makes an archived document resident again (before the event that needed it). */
  adopt(need: Need, doc: unknown, position: Position): void {
    if (need.kind === 'incident') this.incidents.adopt(doc as IncidentDetail, position);
    else this.notifications.adopt(doc as TrackedNotification, position);
  }

  /**
   * Applies one event to every read model and answers the console rooms it belongs to (when `withRooms`: nobody
   * listens while catching up). A read model that throws on it is reported and skips that event (a rebuild skips it
   * the same way); the others, and the feed, go on.
   */
  apply(
    event: DecodedEvent,
    onError: (projection: string, error: unknown) => void = () => undefined,
    withRooms = false,
  ): RoomName[] {
    if (this.lastPosition !== undefined && event.position <= this.lastPosition) return [];
    if (!sameWorld(event.world, this.world)) {
      // Never happens through a feed (it reads one world's streams): a wiring mistake, refused loudly.
      throw new Error(`The ${describeWorld(this.world)} read models were handed ${event.streamId}`);
    }
    // Links are read before the event changes them (a reopening ends the shutdown that tied it to its incident).
    const rooms = withRooms ? this.roomsOf(event) : [];
    const incidentId = this.incidentOf(event);
    let entry: ActivityEntry | undefined;
    if (incidentId) {
      try {
        entry = activityEntry(event, this.describeContext(event));
      } catch (error) {
        onError(this.timelines.name, error);
      }
    }
    for (const projection of [this.incidents, this.ports, this.notifications]) {
      try {
        projection.apply(event);
      } catch (error) {
        onError(projection.name, error);
      }
    }
    if (incidentId && entry) {
      if (this.options.archive) this.newEntries.push({ incidentId, entry });
      else if (this.incidents.has(incidentId)) this.timelines.add(incidentId, entry);
    }
    this.lastPosition = event.position;
    return rooms;
  }

  /**
   * The console rooms of an event, from what the models hold now. `notification` stands in for a notification that
   * is not resident (a replay of an old event reads it from the archive).
   */
  roomsOf(event: DecodedEvent, notification?: ExistingNotification): RoomName[] {
    const id = event.aggregateId;
    switch (event.aggregate) {
      case 'incident':
        return ['board', `incident:${id}`];
      case 'port': {
        const incidentId = this.incidentOf(event);
        return ['board', `port:${id}`, ...(incidentId ? [`incident:${incidentId}`] : [])];
      }
      case 'notification': {
        const about =
          event.type === 'BlmNotificationIssued' ? event.data : (this.notifications.state(id) ?? notification);
        if (!about) return ['board'];
        return [
          'board',
          `blm:${about.blmId}`,
          ...(about.subject.incidentId ? [`incident:${about.subject.incidentId}`] : []),
          ...(about.subject.portId ? [`port:${about.subject.portId}`] : []),
        ];
      }
      case 'drill':
        return ['drill'];
      default:
        return [];
    }
  }

  /** Closed incidents, settled notifications and their logs leave memory once the archive holds them (`upTo`). */
  prune(upTo: Position | undefined): number {
    if (upTo === undefined) return 0;
    let evicted = 0;
    for (const id of [...this.incidents.evictable(upTo)]) {
      this.incidents.evict(id);
      this.timelines.evict(id);
      evicted += 1;
    }
    for (const id of [...this.notifications.evictable(upTo)]) {
      this.notifications.evict(id);
      evicted += 1;
    }
    return evicted;
  }

  /** How many incidents and notifications are in memory (open work, and what the archive does not hold yet). */
  get resident(): number {
    return this.incidents.size + this.notifications.size;
  }

  /** What changed since the last call, as archive documents (the archive's own instance). */
  drainWrites(): DocumentWrite[] {
    const { collections } = this;
    const writes: DocumentWrite[] = [];
    for (const detail of this.incidents.drainChanged()) {
      writes.push({
        collection: collections.incidents,
        key: detail.incidentId,
        status: detail.status,
        sort: incidentSortKey(detail),
        doc: detail,
      });
    }
    for (const tracked of this.notifications.drainChanged()) {
      writes.push({
        collection: collections.notifications,
        key: tracked.notificationId,
        group: tracked.blmId,
        status: notificationStage(tracked),
        sort: notificationSortKey(tracked),
        doc: tracked,
      });
    }
    for (const { incidentId, entry } of this.newEntries.splice(0)) {
      writes.push({
        collection: collections.timeline,
        key: entry.position,
        group: incidentId,
        sort: entry.position,
        doc: entry,
      });
    }
    return writes;
  }

  snapshot(): ReadModelsSnapshot {
    return {
      position: this.lastPosition,
      incidents: this.incidents.snapshot(),
      ports: this.ports.snapshot(),
      notifications: this.notifications.snapshot(),
      timelines: this.timelines.snapshot(),
    };
  }

  /**
   * The archive's checkpoint: its documents hold every incident and notification, so only the ports are kept, without
   * their past shutdowns (the archive answers no port query; their links to incidents end with them).
   */
  archiveSnapshot(): Pick<ReadModelsSnapshot, 'position' | 'ports'> {
    const { ports } = this.ports.snapshot();
    return {
      position: this.lastPosition,
      ports: { ports: ports.map((port) => ({ ...port, state: { ...port.state, pastShutdowns: [] } })) },
    };
  }

  restore(snapshot: Partial<ReadModelsSnapshot> | undefined): void {
    this.incidents.restore(snapshot?.incidents);
    this.ports.restore(snapshot?.ports);
    this.notifications.restore(snapshot?.notifications);
    this.timelines.restore(snapshot?.timelines);
    this.newEntries.length = 0;
    this.lastPosition = snapshot?.position;
  }

  toJSON(): Record<string, unknown> {
    return Object.fromEntries(this.projections.map((projection) => [projection.name, projection.toJSON()]));
  }

  /** The incident an event belongs to in the activity log (its own, its shutdown's, its notification's). */
  private incidentOf(event: DecodedEvent): string | undefined {
    switch (event.aggregate) {
      case 'incident':
        return event.aggregateId;
      case 'port':
        return event.type === 'PortShutdownDeclared'
          ? event.data.incidentId
          : this.ports.incidentOf(event.data.shutdownId);
      case 'notification':
        return event.type === 'BlmNotificationIssued'
          ? event.data.subject.incidentId
          : this.notifications.state(event.aggregateId)?.subject.incidentId;
      default:
        return undefined;
    }
  }

  private describeContext(event: DecodedEvent): DescribeContext {
    return {
      port: (portId) => {
        const port = this.reference.port(String(portId));
        return port ? { en: port.name.us, es: port.name.mx } : BARE.port(portId);
      },
      item: (shutdownId, itemId) => {
        const shutdown =
          event.aggregate === 'port' ? this.ports.activeShutdown(event.aggregateId, String(shutdownId)) : undefined;
        const item = shutdown?.checklist.items.find((candidate) => candidate.id === itemId);
        return item
          ? { en: item.text.en ?? item.text.es ?? '', es: item.text.es ?? item.text.en ?? '' }
          : BARE.item(shutdownId, itemId);
      },
    };
  }
}
