import { Global, Inject, Module, type OnApplicationShutdown } from '@nestjs/common';
import { Clock } from '@enlace/clock';
import { EventFeed, WorldFeeds } from '@enlace/consumers';
import { LIVE, type ReferenceCatalog } from '@enlace/domain';
import { EVENT_STORE, type EventStore } from '@enlace/event-store';
import { Metrics } from '@enlace/metrics';
import { REFERENCE_CATALOG } from '@enlace/reference-data';
import { DrillDirectory } from './drill-directory.js';
import { IncidentHistory } from './incident-history-consumer.js';
import { ProjectionRunner } from './projection-runner.js';
import { ReadModelArchive } from './read-model-archive.js';
import { ReadModelQueries } from './read-model-queries.js';
import { WorldReadModels } from './world-read-models.js';

const OVERDUE_GAUGE = Symbol('OVERDUE_GAUGE');

/**
 * The live world's read models, built with the process (Nest runs their start and stop), and `WorldReadModels`, which
 * opens a drill's on demand.
 */
@Global()
@Module({
  providers: [
    {
      provide: ProjectionRunner,
      inject: [EventFeed, EVENT_STORE, REFERENCE_CATALOG],
      useFactory: (feed: EventFeed, store: EventStore, reference: ReferenceCatalog) =>
        new ProjectionRunner(feed, store, reference, LIVE),
    },
    {
      provide: ReadModelArchive,
      inject: [EventFeed, EVENT_STORE, REFERENCE_CATALOG],
      useFactory: (feed: EventFeed, store: EventStore, reference: ReferenceCatalog) =>
        new ReadModelArchive(feed, store, reference, LIVE),
    },
    {
      provide: IncidentHistory,
      inject: [EventFeed, EVENT_STORE],
      useFactory: (feed: EventFeed, store: EventStore) => new IncidentHistory(feed, store, LIVE),
    },
    {
      provide: ReadModelQueries,
      inject: [ProjectionRunner, EVENT_STORE],
      useFactory: (runner: ProjectionRunner, store: EventStore) => new ReadModelQueries(runner, store),
    },
    {
      provide: WorldReadModels,
      inject: [
        ProjectionRunner,
        ReadModelArchive,
        ReadModelQueries,
        IncidentHistory,
        WorldFeeds,
        EVENT_STORE,
        REFERENCE_CATALOG,
      ],
      useFactory: (
        runner: ProjectionRunner,
        archive: ReadModelArchive,
        queries: ReadModelQueries,
        history: IncidentHistory,
        feeds: WorldFeeds,
        store: EventStore,
        reference: ReferenceCatalog,
      ) => new WorldReadModels({ world: LIVE, runner, archive, queries, history }, feeds, store, reference),
    },
    {
      // On scrape: the live world's notifications past their acknowledgment deadline, as the read models hold them.
      provide: OVERDUE_GAUGE,
      inject: [ProjectionRunner, Metrics, Clock],
      useFactory: (runner: ProjectionRunner, metrics: Metrics, clock: Clock) =>
        metrics.addCollector(() =>
          metrics.overdueAcknowledgments.set(runner.models.notifications.overdue(clock.now())),
        ),
    },
    {
      provide: DrillDirectory,
      inject: [EVENT_STORE],
      useFactory: (store: EventStore) => new DrillDirectory(store),
    },
  ],
  exports: [ProjectionRunner, ReadModelQueries, WorldReadModels, DrillDirectory],
})
export class ProjectionsModule implements OnApplicationShutdown {
  constructor(@Inject(WorldReadModels) private readonly worlds: WorldReadModels) {}

  async onApplicationShutdown(): Promise<void> {
    await this.worlds.closeAll();
  }
}
