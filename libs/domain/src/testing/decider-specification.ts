import type { Decider, DecisionContext } from '../shared/decider.js';
import { DomainError } from '../shared/domain-error.js';

/**
 * Given events, when a command, then events or a domain error: the whole test of a decider, no I/O, no mocks.
 *
 *   spec.given([reported]).when(closeIncident, { actor: mxOfficer }).then([closed]);
 *   spec.given([]).when(closeIncident).thenFails('INCIDENT.NOT_FOUND');
 */
export function deciderSpecification<State, Command, Event>(
  decider: Decider<State, Command, Event>,
  defaultContext: () => DecisionContext,
) {
  return {
    given(events: readonly Event[]) {
      const state = events.reduce<State>(
        (current, event) => decider.evolve(current, event, defaultContext().now),
        decider.initialState(),
      );
      return {
        when(command: Command, context: Partial<DecisionContext> = {}) {
          const run = (): Event[] => decider.decide(command, state, { ...defaultContext(), ...context });
          return {
            then(expected: readonly Event[]): void {
              expect(run()).toEqual(expected);
            },
            /** The events decided, for assertions the exact list cannot express. */
            events(): Event[] {
              return run();
            },
            thenFails(code: string, details?: Record<string, unknown>): DomainError {
              let caught: unknown;
              try {
                run();
              } catch (error) {
                caught = error;
              }
              expect(caught).toBeInstanceOf(DomainError);
              const error = caught as DomainError;
              expect(error.code).toBe(code);
              expect(error.messages.en.length).toBeGreaterThan(0);
              expect(error.messages.es.length).toBeGreaterThan(0);
              if (details) expect(error.details).toMatchObject(details);
              return error;
            },
          };
        },
      };
    },
  };
}
