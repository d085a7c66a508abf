import { Inject, Injectable, type OnModuleDestroy } from '@nestjs/common';
import { Clock } from '@enlace/clock';
import { EVENT_STORE, type EventStore, splitPosition } from '@enlace/event-store';
import { Metrics } from '@enlace/metrics';
import { type CheckpointedConsumer, consumersOn } from './checkpointed-consumer.js';

/** Lag is counted up to this many events (a scrape never reads a whole backlog); beyond, the gauge says this. */
export const LAG_COUNT_LIMIT = 1_000;

export interface ConsumerLag {
  /** Events of its streams after its position, counted up to LAG_COUNT_LIMIT. */
  events: number;
  /** How long the first of them has been in the store; 0 when there is none. */
  seconds: number;
}

/** What a consumer has not handled yet, as the store has it now: one bounded read after its position. */
export async function lagOf(store: EventStore, consumer: CheckpointedConsumer, nowMs: number): Promise<ConsumerLag> {
  const position = consumer.position;
  let events = 0;
  let oldestMs: number | undefined;
  const behind = store.readAll({
    ...(position === undefined ? {} : { fromPosition: position }),
    filter: { streamPrefixes: consumer.prefixes },
    maxCount: LAG_COUNT_LIMIT,
  });
  for await (const event of behind) {
    oldestMs ??= Date.parse(event.metadata.recordedAt);
    events += 1;
  }
  return { events, seconds: oldestMs === undefined ? 0 : Math.max(0, (nowMs - oldestMs) / 1000) };
}

/**
 * On each scrape: every checkpointed consumer this process is handling, its position and its lag behind the store
 * (`enlace_consumer_*{consumer,world}`), and whether they are all caught up (`enlace_read_models_caught_up`).
 */
@Injectable()
export class ConsumerMetrics implements OnModuleDestroy {
  private readonly remove: () => void;

  constructor(@Inject(EVENT_STORE) store: EventStore, metrics: Metrics, clock: Clock) {
    this.remove = metrics.addCollector(async () => {
      const consumers = consumersOn(store).filter((consumer) => consumer.handling);
      const measured = await Promise.all(
        consumers.map(async (consumer) => ({ consumer, lag: await lagOf(store, consumer, clock.nowMs()) })),
      );
      metrics.consumerLagEvents.reset();
      metrics.consumerLagSeconds.reset();
      metrics.consumerPosition.reset();
      for (const { consumer, lag } of measured) {
        const labels = { consumer: consumer.name, world: consumer.worldName };
        metrics.consumerLagEvents.set(labels, lag.events);
        metrics.consumerLagSeconds.set(labels, lag.seconds);
        metrics.consumerPosition.set(labels, Number(splitPosition(consumer.position)?.[1] ?? 0n));
      }
      metrics.readModelsCaughtUp.set(measured.every(({ lag }) => lag.events === 0) ? 1 : 0);
    });
  }

  onModuleDestroy(): void {
    this.remove();
  }
}
