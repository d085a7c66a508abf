import { Inject, Injectable } from '@nestjs/common';
import { type IQueryHandler, Query, QueryHandler } from '@nestjs/cqrs';
import { decodeOrThrow } from '@enlace/consumers';
import {
  type DrillEvent,
  drillStreamId,
  drillWorld,
  type IncidentEvent,
  type NotificationEvent,
  noSuchDrill,
  type PortEvent,
  type Side,
  streamInWorld,
  worldStreamPrefix,
} from '@enlace/domain';
import { EVENT_STORE, type EventStore, occurredAt, type Position } from '@enlace/event-store';

/** An event of a drill's world (incident, port, notification), with its drill time and who recorded it. */
export type DrillWorldEvent = (IncidentEvent | PortEvent | NotificationEvent) & {
  occurredAt: string;
  actor: { username: string; side: Side | null; agency: string };
};

/** Everything a drill's evaluation reads: its own stream, and its world's events in the order they were recorded. */
export interface DrillRecord {
  drillEvents: (DrillEvent & { recordedAt: string })[];
  worldEvents: DrillWorldEvent[];
}

/** A drill's record, for its after-action report (404 `DRILL.NOT_FOUND` for no such drill). */
export class GetDrillRecord extends Query<DrillRecord> {
  constructor(readonly drillId: string) {
    super();
  }
}

/**
 * Reads the drill's stream, then its world's events from the global log starting at the drill's plan: a drill's world
 * exists from its plan on (nobody may write in it before), so the read costs what was recorded since the drill was
 * planned, not the whole history.
 */
@QueryHandler(GetDrillRecord)
@Injectable()
export class GetDrillRecordHandler implements IQueryHandler<GetDrillRecord> {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  async execute({ drillId }: GetDrillRecord): Promise<DrillRecord> {
    const world = drillWorld(drillId);
    const drillEvents: DrillRecord['drillEvents'] = [];
    let planned: Position | undefined;
    for await (const recorded of this.store.readStream(streamInWorld(world, drillStreamId(drillId)))) {
      const event = decodeOrThrow(recorded);
      planned ??= recorded.position;
      if (event.aggregate === 'drill') drillEvents.push({ ...event, recordedAt: recorded.metadata.recordedAt ?? '' });
    }
    if (planned === undefined) throw noSuchDrill();
    const worldEvents: DrillWorldEvent[] = [];
    const filter = { streamPrefixes: [worldStreamPrefix(world)] };
    for await (const recorded of this.store.readAll({ fromPosition: planned, filter })) {
      const event = decodeOrThrow(recorded);
      if (event.aggregate !== 'incident' && event.aggregate !== 'port' && event.aggregate !== 'notification') continue;
      const { metadata } = recorded;
      worldEvents.push({
        ...event,
        occurredAt: occurredAt(metadata),
        actor: { username: metadata.actor, side: metadata.country, agency: metadata.agency },
      });
    }
    return { drillEvents, worldEvents };
  }
}
