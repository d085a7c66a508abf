import { Injectable, Module } from '@nestjs/common';
import { type IQueryHandler, Query, QueryHandler } from '@nestjs/cqrs';
import { Clock } from '@enlace/clock';
import { LIVE, noSuchIncident, type World } from '@enlace/domain';
import type { Position } from '@enlace/event-store';
import {
  type ActivityEntry,
  type ArchivedIncident,
  type ArchiveSearch,
  type PastShutdown,
  type ChecklistProgress,
  type IncidentBoardEntry,
  type NotificationStatus,
  type Page,
  type PageRequest,
  type PortStatus,
  ReadModelsCatchingUpError,
  type WorldModels,
  WorldReadModels,
} from '@enlace/projections';

/**
 * The read side's use cases, dispatched on @nestjs/cqrs' QueryBus: each answers from the read models of its world
 * (the live one unless a drill is named; a drill's are opened on first use): open work from memory, the rest from
 * the archive, once they include `after`, the position a client got from its own write (waiting up to 5 s for it),
 * so a client reads what it wrote.
 *
 *   const page = await queryBus.execute(new ListIncidents('closed', { limit: 50 }, after));
 */
const READ_YOUR_WRITE_MS = 5_000;

export class ListIncidents extends Query<Page<IncidentBoardEntry>> {
  constructor(
    readonly status: 'open' | 'closed' | 'all',
    readonly page: PageRequest,
    readonly after?: Position,
    readonly world: World = LIVE,
  ) {
    super();
  }
}

export class ListNotifications extends Query<Page<NotificationStatus>> {
  constructor(
    readonly filter: { blmId?: string; status?: 'active' | 'cancelled' | 'all' },
    readonly page: PageRequest,
    readonly after?: Position,
    readonly world: World = LIVE,
  ) {
    super();
  }
}

export class GetIncidentTimeline extends Query<ActivityEntry[]> {
  constructor(
    readonly incidentId: string,
    readonly after?: Position,
    readonly world: World = LIVE,
  ) {
    super();
  }
}

export class ListPorts extends Query<PortStatus[]> {
  constructor(
    readonly after?: Position,
    readonly world: World = LIVE,
  ) {
    super();
  }
}

export class ListChecklists extends Query<ChecklistProgress[]> {
  constructor(
    readonly after?: Position,
    readonly world: World = LIVE,
  ) {
    super();
  }
}

/** The archive of closed incidents, searched (see ArchiveSearch), a page at a time, the most recently observed first. */
export class SearchIncidentArchive extends Query<Page<ArchivedIncident>> {
  constructor(
    readonly search: ArchiveSearch,
    readonly page: PageRequest,
    readonly after?: Position,
    readonly world: World = LIVE,
  ) {
    super();
  }
}

/** A port's shutdowns, the most recent first, each with the incident it was declared for. */
export class ListPortShutdowns extends Query<Page<PastShutdown>> {
  constructor(
    readonly portId: string,
    readonly page: PageRequest,
    readonly after?: Position,
    readonly world: World = LIVE,
  ) {
    super();
  }
}

/**
 * The models of the query's world, once they include `after` (at most 5 s: then they answer what they have); a
 * `ReadModelsCatchingUpError` while they have not caught up since the process started.
 */
async function reached(worlds: WorldReadModels, query: { world: World; after?: Position }): Promise<WorldModels> {
  const models = await worlds.of(query.world);
  if (!models.runner.isCaughtUp) throw new ReadModelsCatchingUpError();
  if (query.after !== undefined) await models.runner.waitFor(query.after, READ_YOUR_WRITE_MS);
  return models;
}

@QueryHandler(ListIncidents)
@Injectable()
export class ListIncidentsHandler implements IQueryHandler<ListIncidents> {
  constructor(private readonly worlds: WorldReadModels) {}

  async execute(query: ListIncidents): Promise<Page<IncidentBoardEntry>> {
    return (await reached(this.worlds, query)).queries.incidents(query.status, query.page);
  }
}

@QueryHandler(ListNotifications)
@Injectable()
export class ListNotificationsHandler implements IQueryHandler<ListNotifications> {
  constructor(
    private readonly worlds: WorldReadModels,
    private readonly clock: Clock,
  ) {}

  async execute(query: ListNotifications): Promise<Page<NotificationStatus>> {
    return (await reached(this.worlds, query)).queries.notifications(this.clock.now(), query.filter, query.page);
  }
}

@QueryHandler(GetIncidentTimeline)
@Injectable()
export class GetIncidentTimelineHandler implements IQueryHandler<GetIncidentTimeline> {
  constructor(private readonly worlds: WorldReadModels) {}

  async execute(query: GetIncidentTimeline): Promise<ActivityEntry[]> {
    const timeline = await (await reached(this.worlds, query)).queries.timeline(query.incidentId, query.after);
    if (!timeline) throw noSuchIncident();
    return timeline;
  }
}

@QueryHandler(ListPorts)
@Injectable()
export class ListPortsHandler implements IQueryHandler<ListPorts> {
  constructor(private readonly worlds: WorldReadModels) {}

  async execute(query: ListPorts): Promise<PortStatus[]> {
    return (await reached(this.worlds, query)).runner.models.ports.board();
  }
}

@QueryHandler(ListChecklists)
@Injectable()
export class ListChecklistsHandler implements IQueryHandler<ListChecklists> {
  constructor(private readonly worlds: WorldReadModels) {}

  async execute(query: ListChecklists): Promise<ChecklistProgress[]> {
    return (await reached(this.worlds, query)).runner.models.ports.checklists();
  }
}

/** The history of the query's world, once its saved documents include `after` (at most 5 s). */
async function historyOf(worlds: WorldReadModels, query: { world: World; after?: Position }) {
  const { history } = await worlds.of(query.world);
  if (query.after !== undefined) await history.waitFor(query.after, READ_YOUR_WRITE_MS);
  return history;
}

@QueryHandler(SearchIncidentArchive)
@Injectable()
export class SearchIncidentArchiveHandler implements IQueryHandler<SearchIncidentArchive> {
  constructor(private readonly worlds: WorldReadModels) {}

  async execute(query: SearchIncidentArchive): Promise<Page<ArchivedIncident>> {
    return (await historyOf(this.worlds, query)).closedIncidents(query.search, query.page);
  }
}

@QueryHandler(ListPortShutdowns)
@Injectable()
export class ListPortShutdownsHandler implements IQueryHandler<ListPortShutdowns> {
  constructor(private readonly worlds: WorldReadModels) {}

  async execute(query: ListPortShutdowns): Promise<Page<PastShutdown>> {
    return (await historyOf(this.worlds, query)).shutdowns(query.portId, query.page);
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
    SearchIncidentArchiveHandler,
    ListPortShutdownsHandler,
  ],
})
export class QueriesModule {}
