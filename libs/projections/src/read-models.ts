import type { ReferenceCatalog } from '@enlace/domain';
import type { DecodedEvent } from '@enlace/consumers';
import type { Position } from '@enlace/event-store';
import { IncidentBoardProjection } from './incident-board.projection.js';
import { IncidentTimelineProjection } from './incident-timeline.projection.js';
import { NotificationTrackerProjection } from './notification-tracker.projection.js';
import { PortStatusProjection } from './port-status.projection.js';
import type { Projection } from './projection.js';
import { RoomRouter } from './room-router.js';

/** The streams the live read models follow; a drill's streams (`exercise-<drill id>.…`, see World) share no prefix with them. */
export const LIVE_STREAM_PREFIXES = ['incident-', 'port-', 'notification-'] as const;

/** All live read models, fed the same events in global order, with the position they have reached. */
export class ReadModels {
  readonly incidents = new IncidentBoardProjection();
  readonly ports: PortStatusProjection;
  readonly notifications = new NotificationTrackerProjection();
  readonly timelines: IncidentTimelineProjection;
  /** Which console rooms each event belongs to (learned from the events, like a projection). */
  readonly rooms = new RoomRouter();
  private lastPosition: Position | undefined;

  constructor(reference: ReferenceCatalog) {
    this.ports = new PortStatusProjection(reference);
    this.timelines = new IncidentTimelineProjection(reference);
  }

  get projections(): Projection[] {
    return [this.incidents, this.ports, this.notifications, this.timelines];
  }

  /** The position of the last event applied (`undefined` before the first). */
  get position(): Position | undefined {
    return this.lastPosition;
  }

  /**
   * Applies one event to every read model. A read model that throws on it is reported and skips that event (a
   * rebuild skips it the same way); the others, and the feed, go on.
   */
  apply(event: DecodedEvent, onError: (projection: string, error: unknown) => void = () => undefined): void {
    if (this.lastPosition !== undefined && event.position <= this.lastPosition) return;
    for (const projection of this.projections) {
      try {
        projection.apply(event);
      } catch (error) {
        onError(projection.name, error);
      }
    }
    this.rooms.route(event);
    this.lastPosition = event.position;
  }

  toJSON(): Record<string, unknown> {
    return Object.fromEntries(this.projections.map((projection) => [projection.name, projection.toJSON()]));
  }
}
