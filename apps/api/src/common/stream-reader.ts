import { Inject, Injectable } from '@nestjs/common';
import type { Decider } from '@enlace/domain';
import { EVENT_STORE, type EventStore } from '@enlace/event-store';

export interface Folded<State> {
  streamId: string;
  state: State;
  revision: number;
}

/**
 * Folds every stream of a category from the global log. Fine for the reference volumes of one border; the live
 * read models (projections from a checkpointed subscription) take over these lists.
 */
@Injectable()
export class StreamReader {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  async foldCategory<State, Command, Event>(
    decider: Decider<State, Command, Event>,
    category: string,
  ): Promise<Folded<State>[]> {
    const events = await this.store.readAll({ filter: { streamPrefixes: [`${category}-`] } });
    const byStream = new Map<string, Folded<State>>();
    for (const event of events) {
      const current = byStream.get(event.streamId) ?? {
        streamId: event.streamId,
        state: decider.initialState(),
        revision: -1,
      };
      byStream.set(event.streamId, {
        streamId: event.streamId,
        state: decider.evolve(
          current.state,
          { type: event.type, data: event.data } as Event,
          event.metadata.recordedAt,
        ),
        revision: event.revision,
      });
    }
    return [...byStream.values()];
  }
}
