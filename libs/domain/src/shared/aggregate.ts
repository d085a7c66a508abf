import type { Decider } from './decider.js';
import { codecOf, type Aggregate, type EventsOf } from './event-codec.js';

/**
 * An aggregate's decider, reading and writing its events with its aggregate's codec: the aggregate's name picks the
 * codec, so a decider cannot be paired with another aggregate's events.
 */
export function deciderOf<A extends Aggregate, State, Command>(
  aggregate: A,
  behaviour: Omit<Decider<State, Command, EventsOf[A]>, 'codec'>,
): Decider<State, Command, EventsOf[A]> {
  return { codec: codecOf(aggregate), ...behaviour };
}

/** A stream's category is its aggregate (see `EventsOf`), so every stream id is the aggregate's name, `-`, the id. */
export const streamPrefixOf = (aggregate: Aggregate): string => `${aggregate}-`;

export const streamIdOf =
  (aggregate: Aggregate) =>
  (id: string): string =>
    `${streamPrefixOf(aggregate)}${id}`;
