import { Global, Inject, Module, type OnApplicationShutdown } from '@nestjs/common';
import { EVENT_STORE, type EventStore } from '@enlace/event-store';
import { EventFeed } from './event-feed.js';

/**
 * What the live world's consumers read, through the process's one feed: the coordination aggregates and the
 * sign-in ones. A drill's streams (`exercise-…`) share no prefix with these.
 */
export const LIVE_FEED_PREFIXES = ['incident-', 'port-', 'notification-', 'session-', 'account-'] as const;

/** The process's one reader of the global log, for every consumer the process hosts. */
@Global()
@Module({
  providers: [
    {
      provide: EventFeed,
      inject: [EVENT_STORE],
      useFactory: (store: EventStore) => new EventFeed(store, { prefixes: LIVE_FEED_PREFIXES }),
    },
  ],
  exports: [EventFeed],
})
export class ConsumersModule implements OnApplicationShutdown {
  constructor(@Inject(EventFeed) private readonly feed: EventFeed) {}

  async onApplicationShutdown(): Promise<void> {
    await this.feed.stop();
  }
}
