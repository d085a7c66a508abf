import { Injectable, Module } from '@nestjs/common';
import { type IQueryHandler, Query, QueryHandler } from '@nestjs/cqrs';
import { Clock } from '@enlace/clock';
import { notFound } from '@enlace/domain';
import type { Position } from '@enlace/event-store';
import {
  type ActivityEntry,
  type ChecklistProgress,
  type IncidentBoardEntry,
  type NotificationStatus,
  type Page,
  type PageRequest,
  ProjectionRunner,
  ReadModelQueries,
  type PortStatus,
} from '@enlace/projections';

/**
 * The read side's use cases, dispatched on @nestjs/cqrs' QueryBus: each answers from the live read models (open
 * work from memory, the rest from the archive) once they include `after`, the position a client got from its own
 * write (waiting up to 5 s for it), so a client reads what it wrote.
 *
 *   const page = await queryBus.execute(new ListIncidents('closed', { limit: 50 }, after));
 */
const READ_YOUR_WRITE_MS = 5_000;

export class ListIncidents extends Query<Page<IncidentBoardEntry>> {
  constructor(
    readonly status: 'open' | 'closed' | 'all',
    readonly page: PageRequest,
    readonly after?: Position,
  ) {
    super();
  }
}

export class ListNotifications extends Query<Page<NotificationStatus>> {
  constructor(
    readonly filter: { blmId?: string; status?: 'active' | 'cancelled' | 'all' },
    readonly page: PageRequest,
    readonly after?: Position,
  ) {
    super();
  }
}

export class GetIncidentTimeline extends Query<ActivityEntry[]> {
  constructor(
    readonly incidentId: string,
    readonly after?: Position,
  ) {
    super();
  }
}

export class ListPorts extends Query<PortStatus[]> {
  constructor(readonly after?: Position) {
    super();
  }
}

export class ListChecklists extends Query<ChecklistProgress[]> {
  constructor(readonly after?: Position) {
    super();
  }
}

/** Waits until the read models include `after` (at most 5 s: then it answers what it has). */
async function reach(runner: ProjectionRunner, after: Position | undefined): Promise<void> {
  if (after !== undefined) await runner.waitFor(after, READ_YOUR_WRITE_MS);
}

@QueryHandler(ListIncidents)
@Injectable()
export class ListIncidentsHandler implements IQueryHandler<ListIncidents> {
  constructor(
    private readonly runner: ProjectionRunner,
    private readonly queries: ReadModelQueries,
  ) {}

  async execute(query: ListIncidents): Promise<Page<IncidentBoardEntry>> {
    await reach(this.runner, query.after);
    return this.queries.incidents(query.status, query.page);
  }
}

@QueryHandler(ListNotifications)
@Injectable()
export class ListNotificationsHandler implements IQueryHandler<ListNotifications> {
  constructor(
    private readonly runner: ProjectionRunner,
    private readonly queries: ReadModelQueries,
    private readonly clock: Clock,
  ) {}

  async execute(query: ListNotifications): Promise<Page<NotificationStatus>> {
    await reach(this.runner, query.after);
    return this.queries.notifications(this.clock.now(), query.filter, query.page);
  }
}

@QueryHandler(GetIncidentTimeline)
@Injectable()
export class GetIncidentTimelineHandler implements IQueryHandler<GetIncidentTimeline> {
  constructor(
    private readonly runner: ProjectionRunner,
    private readonly queries: ReadModelQueries,
  ) {}

  async execute(query: GetIncidentTimeline): Promise<ActivityEntry[]> {
    await reach(this.runner, query.after);
    const timeline = await this.queries.timeline(query.incidentId, query.after);
    if (!timeline) throw notFound('INCIDENT.NOT_FOUND', 'Incident not found', 'Incidente no encontrado');
    return timeline;
  }
}

@QueryHandler(ListPorts)
@Injectable()
export class ListPortsHandler implements IQueryHandler<ListPorts> {
  constructor(private readonly runner: ProjectionRunner) {}

  async execute(query: ListPorts): Promise<PortStatus[]> {
    await reach(this.runner, query.after);
    return this.runner.models.ports.board();
  }
}

@QueryHandler(ListChecklists)
@Injectable()
export class ListChecklistsHandler implements IQueryHandler<ListChecklists> {
  constructor(private readonly runner: ProjectionRunner) {}

  async execute(query: ListChecklists): Promise<ChecklistProgress[]> {
    await reach(this.runner, query.after);
    return this.runner.models.ports.checklists();
  }
}

/** The query handlers, for processes that host the read models (the api). */
@Module({
  providers: [
    ListIncidentsHandler,
    ListNotificationsHandler,
    GetIncidentTimelineHandler,
    ListPortsHandler,
    ListChecklistsHandler,
  ],
})
export class QueriesModule {}
