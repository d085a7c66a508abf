import type { ReferenceCatalog } from '../reference/reference.js';
import type { Side } from './side.js';

/**
 * How an aggregate's events are read back from the store (validated, older shapes upcast) and which schema version
 * each is written with. Built by `codecOf` from the one table of event schemas.
 */
export interface EventCodec<Event> {
  /** Today's shape of a stored event; throws naming the rule when it is not one of this aggregate's. */
  decode(type: string, data: unknown, storedVersion: unknown): Event;
  /** The schema version written today, recorded in the event's metadata. */
  versionOf(type: string): number;
}

/** The shape of every aggregate: pure functions of commands, state and events. No framework, no I/O. */
export interface Decider<State, Command, Event> {
  codec: EventCodec<Event>;
  initialState: () => State;
  /** `recordedAt` is when the store recorded the event (ISO-8601), for state that shows times. */
  evolve: (state: State, event: Event, recordedAt: string) => State;
  decide: (command: Command, state: State, context: DecisionContext) => Event[];
  /**
   * For a stream that never ends (a port): the command path keeps a snapshot of the folded state every `every` events
   * and folds only what came after it. `version` names the state's shape: change it whenever `evolve` or the state's
   * type changes, and older snapshots are ignored (the stream is folded from the start, and snapshotted again).
   */
  snapshot?: { version: number; every: number };
  /** `real`: decided on the machine's time even in a drill (the drill's clock itself); otherwise on the world's. */
  time?: 'real';
}

/**
 * `system`: Enlace's own processes (the worker recording deliveries and escalations). `simulator`: an agency a drill's
 * simulation cell plays (an inject's sender), acting as that agency's officer in the drill's world and nowhere else.
 */
export type Role = 'officer' | 'planner' | 'auditor' | 'admin' | 'system' | 'simulator';

/** Who is acting, taken from the caller's token by the application; never from a request body. */
export interface Actor {
  id: string;
  agency: string;
  /** The actor's side; `null` only for the system role. */
  country: Side | null;
  role: Role;
}

/**
 * What a decision may depend on besides the state: time, the actor and the reference data, injected so deciders
 * stay deterministic; `newId` gives fresh ids (derived from the request, so retries decide the same).
 */
export interface DecisionContext {
  now: string;
  actor: Actor;
  reference: ReferenceCatalog;
  newId: (purpose: string) => string;
}

export type EventOf<Type extends string, Data> = { type: Type; data: Data };
export type CommandOf<Type extends string, Data> = { type: Type; data: Data };

export function assertNever(value: never): never {
  throw new Error(`Unexpected value: ${JSON.stringify(value)}`);
}
