import {
  DeadlineExceededError,
  ErrorType,
  NotLeaderError,
  StreamNotFoundError,
  UnavailableError,
  WrongExpectedVersionError as KurrentWrongExpectedVersion,
} from '@kurrent/kurrentdb-client';
import { StoreUnavailableError } from '../errors.js';
import { classifyKurrentDbError } from './kurrentdb-event-store.js';

describe("classifying KurrentDB's client errors", () => {
  it.each([
    ['no connection', new UnavailableError(undefined, 'No connection established')],
    ['no answer in time', new DeadlineExceededError(undefined, 'Deadline exceeded')],
  ])('%s: the store is unavailable', (_what, error) => {
    const classified = classifyKurrentDbError(error);
    expect(classified).toBeInstanceOf(StoreUnavailableError);
    expect((classified as StoreUnavailableError).cause).toBe(error);
  });

  it('a leader being elected is a passing unavailability', () => {
    // Its constructor reads the leader's address from the gRPC answer, which a test has none of.
    const error = Object.assign(Object.create(NotLeaderError.prototype) as NotLeaderError, {
      message: 'Not leader',
      type: ErrorType.NOT_LEADER,
    });
    expect(classifyKurrentDbError(error)).toBeInstanceOf(StoreUnavailableError);
  });

  it("a stream's own outcome passes unchanged", () => {
    const missing = new StreamNotFoundError(undefined, 'incident-1');
    const conflict = new KurrentWrongExpectedVersion(undefined, {
      streamName: 'incident-1',
      expected: BigInt(3),
      current: BigInt(4),
    });
    const other = new Error('boom');
    expect(classifyKurrentDbError(missing)).toBe(missing);
    expect(classifyKurrentDbError(conflict)).toBe(conflict);
    expect(classifyKurrentDbError(other)).toBe(other);
  });
});
