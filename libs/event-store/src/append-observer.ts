import {
  IdempotencyConflictError,
  InvalidInputError,
  PayloadTooLargeError,
  StoreUnavailableError,
  WrongExpectedVersionError,
} from './errors.js';
import type { EventStore } from './event-store.port.js';

/**
 * How an append ended: `appended` (or an idempotent retry answered with the first result), `conflict` (the stream
 * was not at the expected revision, or a retry overlapped an earlier append only in part), `invalid` (input the store
 * refuses), `unavailable` (the store did not answer), `error` (anything else).
 */
export type AppendOutcome = 'appended' | 'conflict' | 'invalid' | 'unavailable' | 'error';

export function appendOutcomeOf(error: unknown): AppendOutcome {
  if (error instanceof WrongExpectedVersionError || error instanceof IdempotencyConflictError) return 'conflict';
  if (error instanceof InvalidInputError || error instanceof PayloadTooLargeError) return 'invalid';
  if (error instanceof StoreUnavailableError) return 'unavailable';
  return 'error';
}

export type AppendObserver = (outcome: AppendOutcome, seconds: number) => void;

/**
 * Times every append of `store`, whatever its adapter, and tells `observe` how it ended: the one place appends are
 * measured (the command pipeline, the worker's records and the audit journal all append through it).
 */
export function observeAppends(store: EventStore, observe: AppendObserver): void {
  const append = store.append.bind(store);
  store.append = async (...args) => {
    const started = performance.now();
    try {
      const result = await append(...args);
      observe('appended', (performance.now() - started) / 1000);
      return result;
    } catch (error) {
      observe(appendOutcomeOf(error), (performance.now() - started) / 1000);
      throw error;
    }
  };
}
