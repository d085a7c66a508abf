import { Logger } from '@nestjs/common';
import type { WorldFeeds } from '@enlace/consumers';
import { describeWorld, type ReferenceCatalog, type World } from '@enlace/domain';
import type { EventStore } from '@enlace/event-store';
import { IncidentHistory } from './incident-history-consumer.js';
import { ProjectionRunner } from './projection-runner.js';
import { ReadModelArchive } from './read-model-archive.js';
import { ReadModelQueries } from './read-model-queries.js';

/** One world's read models in this process: the models, their archive, and the queries over both. */
export interface WorldModels {
  world: World;
  runner: ProjectionRunner;
  archive: ReadModelArchive;
  queries: ReadModelQueries;
  /** The history of incidents and shutdowns (searched in the database). */
  history: IncidentHistory;
}

/**
 * The read models of every world this process serves: the live world's (built with the process, see
 * ProjectionsModule) and one set per drill in play, opened on first use, each fed by its world's own feed and
 * archived in its world's own collections, closed when the drill ends. A drill's consoles and queries read its
 * models; nothing of a drill is ever in the live ones.
 */
export class WorldReadModels {
  private readonly logger = new Logger('WorldReadModels');
  private readonly drills = new Map<string, Promise<WorldModels>>();

  constructor(
    readonly live: WorldModels,
    private readonly feeds: WorldFeeds,
    private readonly store: EventStore,
    private readonly reference: ReferenceCatalog,
  ) {}

  /** The models of `world`, caught up with the store (a drill's are opened and caught up now if they were not). */
  of(world: World): Promise<WorldModels> {
    if (world.kind === 'live') return Promise.resolve(this.live);
    let opening = this.drills.get(world.drillId);
    if (!opening) {
      opening = this.open(world);
      this.drills.set(world.drillId, opening);
      opening.catch(() => this.drills.delete(world.drillId));
    }
    return opening;
  }

  /** Closes a drill's models (and its feed); its archive stays in the store, for the after-action review. */
  async close(world: World): Promise<void> {
    if (world.kind === 'live') return;
    const opening = this.drills.get(world.drillId);
    this.drills.delete(world.drillId);
    const models = await opening?.catch(() => undefined);
    if (models) {
      await Promise.all([
        models.runner.onApplicationShutdown(),
        models.archive.onApplicationShutdown(),
        models.history.onApplicationShutdown(),
      ]);
    }
    await this.feeds.close(world);
  }

  async closeAll(): Promise<void> {
    const worlds = [...this.drills.keys()];
    await Promise.all(worlds.map((drillId) => this.close({ kind: 'drill', drillId })));
  }

  private async open(world: World): Promise<WorldModels> {
    const feed = this.feeds.of(world);
    const runner = new ProjectionRunner(feed, this.store, this.reference, world);
    const archive = new ReadModelArchive(feed, this.store, this.reference, world);
    const history = new IncidentHistory(feed, this.store, world);
    archive.onApplicationBootstrap();
    history.onApplicationBootstrap();
    await runner.whenCaughtUp();
    this.logger.log(`Read models of ${describeWorld(world)} open`);
    return { world, runner, archive, history, queries: new ReadModelQueries(runner, this.store) };
  }
}
