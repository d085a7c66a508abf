import { Inject, Injectable } from '@nestjs/common';
import { type IQueryHandler, Query, QueryHandler } from '@nestjs/cqrs';
import {
  type Decider,
  drillDecider,
  type DrillState,
  drillStreamId,
  drillWorld,
  incidentDecider,
  type IncidentState,
  incidentStreamId,
  LIVE,
  notificationDecider,
  type NotificationState,
  notificationStreamId,
  portDecider,
  portStreamId,
  type ReferenceCatalog,
  sessionDecider,
  type SessionState,
  sessionStreamId,
  streamInWorld,
  type World,
} from '@enlace/domain';
import { REFERENCE_CATALOG } from '@enlace/reference-data';
import { CommandPipeline } from './command-pipeline.js';
import { requirePort } from './use-cases.js';

/**
 * One aggregate as the store has it now, folded from its stream in the asked world (the live one by default): the
 * single-resource routes (always current, with the revision as ETag) and the worker's processors ask these, on
 * @nestjs/cqrs' QueryBus, whether or not the process hosts read models.
 */
export interface Current<State> {
  state: State;
  /** The stream's revision (-1: no such aggregate). */
  revision: number;
}

type PortState = ReturnType<typeof portDecider.initialState>;

/** The aggregate of `liveStreamId`, mapped into `world`, as the store has it now. */
async function current<State, Command, Event extends { type: string; data: unknown }>(
  pipeline: CommandPipeline,
  decider: Decider<State, Command, Event>,
  world: World,
  liveStreamId: string,
): Promise<Current<State>> {
  const { state, revision } = await pipeline.load(decider, streamInWorld(world, liveStreamId));
  return { state, revision };
}

export class GetIncident extends Query<Current<IncidentState>> {
  constructor(
    readonly incidentId: string,
    readonly world: World = LIVE,
  ) {
    super();
  }
}

export class GetPort extends Query<Current<PortState>> {
  constructor(
    readonly portId: string,
    readonly world: World = LIVE,
  ) {
    super();
  }
}

export class GetNotification extends Query<Current<NotificationState>> {
  constructor(
    readonly notificationId: string,
    readonly world: World = LIVE,
  ) {
    super();
  }
}

/** A drill as its stream tells it: its plan, participants, clock (for what runs on drill time), injects released. */
export class GetDrill extends Query<Current<DrillState>> {
  constructor(readonly drillId: string) {
    super();
  }
}

@QueryHandler(GetDrill)
@Injectable()
export class GetDrillHandler implements IQueryHandler<GetDrill> {
  constructor(private readonly pipeline: CommandPipeline) {}

  execute({ drillId }: GetDrill): Promise<Current<DrillState>> {
    return current(this.pipeline, drillDecider, drillWorld(drillId), drillStreamId(drillId));
  }
}

/** A sign-in session (sessions are not of any drill: a drill's players sign in like everyone). */
export class GetSession extends Query<Current<SessionState>> {
  constructor(readonly sessionId: string) {
    super();
  }
}

@QueryHandler(GetIncident)
@Injectable()
export class GetIncidentHandler implements IQueryHandler<GetIncident> {
  constructor(private readonly pipeline: CommandPipeline) {}

  execute({ incidentId, world }: GetIncident): Promise<Current<IncidentState>> {
    return current(this.pipeline, incidentDecider, world, incidentStreamId(incidentId));
  }
}

@QueryHandler(GetPort)
@Injectable()
export class GetPortHandler implements IQueryHandler<GetPort> {
  constructor(
    private readonly pipeline: CommandPipeline,
    @Inject(REFERENCE_CATALOG) private readonly reference: ReferenceCatalog,
  ) {}

  /** 404 `PORT.NOT_FOUND` for a port the reference data does not list. */
  execute({ portId, world }: GetPort): Promise<Current<PortState>> {
    requirePort(this.reference, portId);
    return current(this.pipeline, portDecider, world, portStreamId(portId));
  }
}

@QueryHandler(GetNotification)
@Injectable()
export class GetNotificationHandler implements IQueryHandler<GetNotification> {
  constructor(private readonly pipeline: CommandPipeline) {}

  execute({ notificationId, world }: GetNotification): Promise<Current<NotificationState>> {
    return current(this.pipeline, notificationDecider, world, notificationStreamId(notificationId));
  }
}

@QueryHandler(GetSession)
@Injectable()
export class GetSessionHandler implements IQueryHandler<GetSession> {
  constructor(private readonly pipeline: CommandPipeline) {}

  execute({ sessionId }: GetSession): Promise<Current<SessionState>> {
    return current(this.pipeline, sessionDecider, LIVE, sessionStreamId(sessionId));
  }
}

export const AGGREGATE_QUERY_HANDLERS = [
  GetIncidentHandler,
  GetPortHandler,
  GetNotificationHandler,
  GetSessionHandler,
  GetDrillHandler,
];
