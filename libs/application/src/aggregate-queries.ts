import { Inject, Injectable } from '@nestjs/common';
import { type IQueryHandler, Query, QueryHandler } from '@nestjs/cqrs';
import {
  drillClockDecider,
  type DrillClockState,
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

/** A drill's clock (not started, running or paused; its rate and last change), for what runs on drill time. */
export class GetDrillClock extends Query<Current<DrillClockState>> {
  constructor(readonly drillId: string) {
    super();
  }
}

@QueryHandler(GetDrillClock)
@Injectable()
export class GetDrillClockHandler implements IQueryHandler<GetDrillClock> {
  constructor(private readonly pipeline: CommandPipeline) {}

  async execute({ drillId }: GetDrillClock): Promise<Current<DrillClockState>> {
    const world = drillWorld(drillId);
    const { state, revision } = await this.pipeline.load(
      drillClockDecider,
      streamInWorld(world, drillStreamId(drillId)),
    );
    return { state, revision };
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

  async execute({ incidentId, world }: GetIncident): Promise<Current<IncidentState>> {
    const { state, revision } = await this.pipeline.load(
      incidentDecider,
      streamInWorld(world, incidentStreamId(incidentId)),
    );
    return { state, revision };
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
  async execute({ portId, world }: GetPort): Promise<Current<PortState>> {
    requirePort(this.reference, portId);
    const { state, revision } = await this.pipeline.load(portDecider, streamInWorld(world, portStreamId(portId)));
    return { state, revision };
  }
}

@QueryHandler(GetNotification)
@Injectable()
export class GetNotificationHandler implements IQueryHandler<GetNotification> {
  constructor(private readonly pipeline: CommandPipeline) {}

  async execute({ notificationId, world }: GetNotification): Promise<Current<NotificationState>> {
    const { state, revision } = await this.pipeline.load(
      notificationDecider,
      streamInWorld(world, notificationStreamId(notificationId)),
    );
    return { state, revision };
  }
}

@QueryHandler(GetSession)
@Injectable()
export class GetSessionHandler implements IQueryHandler<GetSession> {
  constructor(private readonly pipeline: CommandPipeline) {}

  async execute({ sessionId }: GetSession): Promise<Current<SessionState>> {
    const { state, revision } = await this.pipeline.load(sessionDecider, sessionStreamId(sessionId));
    return { state, revision };
  }
}

export const AGGREGATE_QUERY_HANDLERS = [
  GetIncidentHandler,
  GetPortHandler,
  GetNotificationHandler,
  GetSessionHandler,
  GetDrillClockHandler,
];
