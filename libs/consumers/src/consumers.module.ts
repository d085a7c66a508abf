import { Global, Inject, Module, type OnApplicationShutdown } from '@nestjs/common';
import { describeWorld, type World, worldStreamPrefix } from '@enlace/domain';
import { EVENT_STORE, type EventStore } from '@enlace/event-store';
import { ConsumerMetrics } from './consumer-metrics.js';
import { EventFeed } from './event-feed.js';

/**
 * What the live world's consumers read, through the process's one feed: every stream of the live world (the
 * coordination aggregates, the sign-in ones, the sign-in journal `auth-log` and the audit journal `audit-…`). The
 * audit log seals all of them; each consumer follows the ones it needs. A drill's streams (`exercise-…`) share no
 * prefix with these.
 */
export const LIVE_FEED_PREFIXES = [
  'incident-',
  'port-',
  'notification-',
  'session-',
  'account-',
  'auth-log',
  'audit-',
] as const;

/**
 * The process's readers of the global log: one feed for the live world, and one for each drill a consumer of this
 * process follows (opened on first use). A feed reads only its world's streams, so a consumer attached to one can
 * never be handed another world's event.
 */
export class WorldFeeds {
  private readonly drills = new Map<string, EventFeed>();
  private stopped = false;

  constructor(
    private readonly store: EventStore,
    readonly live: EventFeed,
  ) {}

  /** The feed of `world`: the live one, or the drill's own (opened now if it was not). */
  of(world: World): EventFeed {
    if (world.kind === 'live') return this.live;
    if (this.stopped) throw new Error(`The feeds are stopped: no feed for ${describeWorld(world)}`);
    let feed = this.drills.get(world.drillId);
    if (!feed) {
      feed = new EventFeed(this.store, { prefixes: [worldStreamPrefix(world)] });
      this.drills.set(world.drillId, feed);
    }
    return feed;
  }

  /** Stops a drill's feed (its consumers are closed with it). */
  async close(world: World): Promise<void> {
    if (world.kind === 'live') return;
    const feed = this.drills.get(world.drillId);
    this.drills.delete(world.drillId);
    await feed?.stop();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    await Promise.all([this.live, ...this.drills.values()].map((feed) => feed.stop()));
    this.drills.clear();
  }
}

/** The process's feeds, for every consumer the process hosts (`EventFeed` is the live world's). */
@Global()
@Module({
  providers: [
    {
      provide: EventFeed,
      inject: [EVENT_STORE],
      useFactory: (store: EventStore) => new EventFeed(store, { prefixes: LIVE_FEED_PREFIXES }),
    },
    {
      provide: WorldFeeds,
      inject: [EVENT_STORE, EventFeed],
      useFactory: (store: EventStore, live: EventFeed) => new WorldFeeds(store, live),
    },
    ConsumerMetrics,
  ],
  exports: [EventFeed, WorldFeeds],
})
export class ConsumersModule implements OnApplicationShutdown {
  constructor(@Inject(WorldFeeds) private readonly feeds: WorldFeeds) {}

  async onApplicationShutdown(): Promise<void> {
    await this.feeds.stop();
  }
}
