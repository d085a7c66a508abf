import { Inject, Injectable } from '@nestjs/common';
import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import {
  accountDecider,
  type AccountCommand,
  type AccountState,
  accountStreamId,
  broken,
  type Decider,
  describeWorld,
  drillDecider,
  type DrillCommand,
  type DrillPlan,
  type DrillState,
  drillStreamId,
  drillWorld,
  incidentDecider,
  type IncidentCommand,
  type IncidentState,
  incidentStreamId,
  notFound,
  notificationDecider,
  type NotificationCommand,
  type NotificationState,
  notificationStreamId,
  portDecider,
  type PortCommand,
  portStreamId,
  type ReferenceCatalog,
  LIVE,
  sameWorld,
  sessionDecider,
  type SessionCommand,
  type SessionState,
  sessionStreamId,
  streamInWorld,
} from '@enlace/domain';
import { REFERENCE_CATALOG } from '@enlace/reference-data';
import { type CommandOutcome, CommandPipeline, type CommandRequest } from './command-pipeline.js';

/**
 * The use cases of the three aggregates an officer acts on, dispatched on @nestjs/cqrs' CommandBus: each handler
 * checks what concerns more than its stream (the port exists in the reference data, the incident a shutdown names
 * exists), makes the ids of what it creates, and runs the one read → decide → append pipeline. Controllers parse,
 * dispatch and shape the answer; the worker and tests dispatch the same commands.
 *
 *   const { id, outcome } = await commandBus.execute(new ActOnPort('otay-mesa', command, request));
 */

/** Who asks, and the request's own facts (If-Match, Idempotency-Key, correlation): everything but the command. */
export type RequestContext = Omit<CommandRequest<unknown>, 'streamId' | 'command'>;

/** What a use case answers: the id of the aggregate written (made by the use case when it creates one) and how. */
export interface Written<State> {
  id: string;
  outcome: CommandOutcome<State>;
}

type PortState = ReturnType<typeof portDecider.initialState>;
type Data<C extends { type: string; data: unknown }, T extends C['type']> = Extract<C, { type: T }>['data'];

export class ReportIncident extends Command<Written<IncidentState>> {
  constructor(
    readonly data: Omit<Data<IncidentCommand, 'ReportIncident'>, 'incidentId'>,
    readonly request: RequestContext,
  ) {
    super();
  }
}

export class ActOnIncident extends Command<Written<IncidentState>> {
  constructor(
    readonly incidentId: string,
    readonly command: Exclude<IncidentCommand, { type: 'ReportIncident' }>,
    readonly request: RequestContext,
  ) {
    super();
  }
}

export class ActOnPort extends Command<Written<PortState>> {
  constructor(
    readonly portId: string,
    readonly command: PortCommand,
    readonly request: RequestContext,
  ) {
    super();
  }
}

export class IssueNotification extends Command<Written<NotificationState>> {
  constructor(
    readonly data: Omit<Data<NotificationCommand, 'IssueBlmNotification'>, 'notificationId'>,
    readonly request: RequestContext,
  ) {
    super();
  }
}

export class ActOnNotification extends Command<Written<NotificationState>> {
  constructor(
    readonly notificationId: string,
    readonly command: Exclude<NotificationCommand, { type: 'IssueBlmNotification' }>,
    readonly request: RequestContext,
  ) {
    super();
  }
}

/** A decision on a sign-in session (start, refresh, end): the auth layer's, and an operator's. */
export class ActOnSession extends Command<Written<SessionState>> {
  constructor(
    readonly sessionId: string,
    readonly command: SessionCommand,
    readonly request: RequestContext,
  ) {
    super();
  }
}

/** A decision on a directory account (disable, enable, unlock): an admin's, or the operator's CLI. */
export class ActOnAccount extends Command<Written<AccountState>> {
  constructor(
    readonly username: string,
    readonly command: AccountCommand,
    readonly request: RequestContext,
  ) {
    super();
  }
}

/** A new drill from a plan: its id is new (derived from the Idempotency-Key when there is one); it is its own world. */
export class PlanDrill extends Command<Written<DrillState>> {
  constructor(
    readonly plan: DrillPlan,
    readonly request: RequestContext,
  ) {
    super();
  }
}

/**
 * A decision on a drill itself (plan, join, its clock, inject releases, a real-world halt, its end, evaluators'
 * observations): always in that drill's world.
 */
export class ActOnDrill extends Command<Written<DrillState>> {
  constructor(
    readonly drillId: string,
    readonly command: DrillCommand,
    readonly request: RequestContext,
  ) {
    super();
  }
}

/** The stream the live world calls `streamId`, in the request's world (the live one unless it names a drill). */
function inWorld(request: RequestContext, streamId: string): string {
  return streamInWorld(request.world ?? LIVE, streamId);
}

/** Runs `command` on the aggregate `id` (its live stream `liveStreamId`, mapped into the request's world). */
async function run<State, C, E extends { type: string; data: unknown }>(
  pipeline: CommandPipeline,
  decider: Decider<State, C, E>,
  request: RequestContext,
  id: string,
  liveStreamId: string,
  command: C,
): Promise<Written<State>> {
  const outcome = await pipeline.execute(decider, { ...request, streamId: inWorld(request, liveStreamId), command });
  return { id, outcome };
}

/** A new aggregate's id: random, or derived from the actor and the Idempotency-Key so that a retry names the same. */
function newId(pipeline: CommandPipeline, request: RequestContext, purpose: string): string {
  return pipeline.newAggregateId(request.actor, request.idempotencyKey, purpose);
}

@Injectable()
@CommandHandler(ReportIncident)
export class ReportIncidentHandler implements ICommandHandler<ReportIncident> {
  constructor(private readonly pipeline: CommandPipeline) {}

  execute({ data, request }: ReportIncident): Promise<Written<IncidentState>> {
    const id = newId(this.pipeline, request, 'incident');
    const command: IncidentCommand = { type: 'ReportIncident', data: { ...data, incidentId: id } };
    return run(this.pipeline, incidentDecider, request, id, incidentStreamId(id), command);
  }
}

@Injectable()
@CommandHandler(ActOnIncident)
export class ActOnIncidentHandler implements ICommandHandler<ActOnIncident> {
  constructor(private readonly pipeline: CommandPipeline) {}

  execute({ incidentId, command, request }: ActOnIncident): Promise<Written<IncidentState>> {
    return run(this.pipeline, incidentDecider, request, incidentId, incidentStreamId(incidentId), command);
  }
}

@Injectable()
@CommandHandler(ActOnPort)
export class ActOnPortHandler implements ICommandHandler<ActOnPort> {
  constructor(
    private readonly pipeline: CommandPipeline,
    @Inject(REFERENCE_CATALOG) private readonly reference: ReferenceCatalog,
  ) {}

  async execute({ portId, command, request }: ActOnPort): Promise<Written<PortState>> {
    requirePort(this.reference, portId);
    if (command.type === 'DeclarePortShutdown' && command.data.incidentId) {
      await requireIncident(this.pipeline, request, command.data.incidentId);
    }
    return run(this.pipeline, portDecider, request, portId, portStreamId(portId), command);
  }
}

@Injectable()
@CommandHandler(IssueNotification)
export class IssueNotificationHandler implements ICommandHandler<IssueNotification> {
  constructor(private readonly pipeline: CommandPipeline) {}

  execute({ data, request }: IssueNotification): Promise<Written<NotificationState>> {
    const id = newId(this.pipeline, request, 'notification');
    const command: NotificationCommand = { type: 'IssueBlmNotification', data: { ...data, notificationId: id } };
    return run(this.pipeline, notificationDecider, request, id, notificationStreamId(id), command);
  }
}

@Injectable()
@CommandHandler(ActOnNotification)
export class ActOnNotificationHandler implements ICommandHandler<ActOnNotification> {
  constructor(private readonly pipeline: CommandPipeline) {}

  execute({ notificationId, command, request }: ActOnNotification): Promise<Written<NotificationState>> {
    return run(
      this.pipeline,
      notificationDecider,
      request,
      notificationId,
      notificationStreamId(notificationId),
      command,
    );
  }
}

@Injectable()
@CommandHandler(ActOnSession)
export class ActOnSessionHandler implements ICommandHandler<ActOnSession> {
  constructor(private readonly pipeline: CommandPipeline) {}

  execute({ sessionId, command, request }: ActOnSession): Promise<Written<SessionState>> {
    return run(this.pipeline, sessionDecider, request, sessionId, sessionStreamId(sessionId), command);
  }
}

@Injectable()
@CommandHandler(ActOnAccount)
export class ActOnAccountHandler implements ICommandHandler<ActOnAccount> {
  constructor(private readonly pipeline: CommandPipeline) {}

  execute({ username, command, request }: ActOnAccount): Promise<Written<AccountState>> {
    return run(this.pipeline, accountDecider, request, username, accountStreamId(username), command);
  }
}

@Injectable()
@CommandHandler(PlanDrill)
export class PlanDrillHandler implements ICommandHandler<PlanDrill> {
  constructor(private readonly pipeline: CommandPipeline) {}

  execute({ plan, request }: PlanDrill): Promise<Written<DrillState>> {
    const drillId = newId(this.pipeline, request, 'drill');
    const command: DrillCommand = { type: 'PlanDrill', data: { drillId, plan } };
    return run(
      this.pipeline,
      drillDecider,
      { ...request, world: drillWorld(drillId) },
      drillId,
      drillStreamId(drillId),
      command,
    );
  }
}

@Injectable()
@CommandHandler(ActOnDrill)
export class ActOnDrillHandler implements ICommandHandler<ActOnDrill> {
  constructor(private readonly pipeline: CommandPipeline) {}

  execute({ drillId, command, request }: ActOnDrill): Promise<Written<DrillState>> {
    const world = drillWorld(drillId);
    if (request.world && !sameWorld(request.world, world)) {
      throw new Error(`A drill is changed in its own world, not in ${describeWorld(request.world)}`);
    }
    return run(this.pipeline, drillDecider, { ...request, world }, drillId, drillStreamId(drillId), command);
  }
}

/** A port of the reference data, or 404 `PORT.NOT_FOUND` (for reads of a port too). */
export function requirePort(reference: ReferenceCatalog, portId: string) {
  const port = reference.port(portId);
  if (!port) {
    throw notFound('PORT.NOT_FOUND', `Port of entry ${portId} not found`, `Puerto de entrada ${portId} no encontrado`);
  }
  return port;
}

/** The incident must exist in the request's world: a drill's shutdown cannot name a live incident, nor the reverse. */
async function requireIncident(pipeline: CommandPipeline, request: RequestContext, incidentId: string): Promise<void> {
  const { state } = await pipeline.load(incidentDecider, inWorld(request, incidentStreamId(incidentId)));
  if (state.status === 'none') {
    throw broken(
      'PORT.UNKNOWN_INCIDENT',
      `Incident ${incidentId} does not exist`,
      `El incidente ${incidentId} no existe`,
      { incidentId },
    );
  }
}

export const USE_CASE_HANDLERS = [
  ReportIncidentHandler,
  ActOnIncidentHandler,
  ActOnPortHandler,
  IssueNotificationHandler,
  ActOnNotificationHandler,
  ActOnSessionHandler,
  ActOnAccountHandler,
  ActOnDrillHandler,
  PlanDrillHandler,
];
