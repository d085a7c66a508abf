import type { ExpectedRevision } from './event-store.port.js';

export abstract class EventStoreError extends Error {
  abstract readonly code: string;
  override get name(): string {
    return this.constructor.name;
  }
}

export class WrongExpectedVersionError extends EventStoreError {
  readonly code = 'EVENT_STORE.WRONG_EXPECTED_VERSION';
  constructor(
    readonly streamId: string,
    readonly expected: ExpectedRevision,
    /** The stream's current revision; -1 when the stream does not exist. */
    readonly actual: number,
  ) {
    super(`Stream ${streamId}: expected revision ${String(expected)}, actual ${actual === -1 ? 'no_stream' : actual}`);
  }
}

/** A retried append whose event ids only partly match events already in the stream. */
export class IdempotencyConflictError extends EventStoreError {
  readonly code = 'EVENT_STORE.IDEMPOTENCY_CONFLICT';
  constructor(
    readonly streamId: string,
    readonly duplicateIds: readonly string[],
  ) {
    super(
      `Stream ${streamId}: event ids ${duplicateIds.join(', ')} are already in the stream but the batch does not match ` +
        `an earlier append exactly (partial overlap)`,
    );
  }
}

/** Input the store refuses: names the field and the rule broken. Nothing is appended. */
export class InvalidInputError extends EventStoreError {
  readonly code = 'EVENT_STORE.INVALID_INPUT';
  constructor(
    readonly field: string,
    readonly rule: string,
  ) {
    super(`${field}: ${rule}`);
  }
}

export class PayloadTooLargeError extends EventStoreError {
  readonly code = 'EVENT_STORE.PAYLOAD_TOO_LARGE';
  constructor(
    readonly field: string,
    readonly bytes: number,
    readonly limit: number,
  ) {
    super(`${field}: payload of ${bytes} bytes exceeds the limit of ${limit} bytes`);
  }
}

export class EventStoreClosedError extends EventStoreError {
  readonly code = 'EVENT_STORE.CLOSED';
  constructor() {
    super('The event store is closed');
  }
}

/**
 * The backing database cannot be reached now (stopped, restarting, network down, out of connections). Nothing was
 * decided about the request: retry after `retryAfterSeconds`. Every adapter raises this one type for such failures,
 * so the edge maps it once (503 with Retry-After) and subscriptions know to wait and resume.
 */
export class StoreUnavailableError extends EventStoreError {
  readonly code = 'EVENT_STORE.UNAVAILABLE';
  /** What a client should wait before retrying; subscriptions retry on their own meanwhile. */
  static readonly RETRY_AFTER_SECONDS = 5;
  readonly retryAfterSeconds = StoreUnavailableError.RETRY_AFTER_SECONDS;

  constructor(
    /** The driver's own words for the failure (for operators' logs, never for clients). */
    readonly reason: string,
    options?: { cause?: unknown },
  ) {
    super(`The event store is unavailable: ${reason}`, options);
  }
}
