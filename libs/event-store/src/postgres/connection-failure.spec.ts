import pg from 'pg';
import { StoreUnavailableError, WrongExpectedVersionError } from '../errors.js';
import { classifyDatabaseError, connectFailure, connectionFailureReason } from './connection-failure.js';

/** An error as the server sends it: node-postgres's DatabaseError with its SQLSTATE. */
function serverError(code: string, message: string): pg.DatabaseError {
  const error = new pg.DatabaseError(message, 0, 'error');
  error.code = code;
  return error;
}

function socketError(code: string, message: string): Error {
  return Object.assign(new Error(message), { code, syscall: 'connect' });
}

describe('classifying database errors', () => {
  it.each([
    [
      'a session terminated by pg_ctl stop (57P01)',
      serverError('57P01', 'terminating connection due to administrator command'),
    ],
    ['a server shutting down (57P03)', serverError('57P03', 'the database system is shutting down')],
    ['a server starting up (57P03)', serverError('57P03', 'the database system is starting up')],
    ['too many connections (53300)', serverError('53300', 'sorry, too many clients already')],
    ['a disk full (53100)', serverError('53100', 'could not extend file: No space left on device')],
    ['a connection failure (08006)', serverError('08006', 'connection failure')],
    ['files gone under the database (58P01)', serverError('58P01', 'could not open file "base/5/2691"')],
    ['a refused connection', socketError('ECONNREFUSED', 'connect ECONNREFUSED 127.0.0.1:5432')],
    ['a reset connection', socketError('ECONNRESET', 'read ECONNRESET')],
    ['an unknown host', socketError('ENOTFOUND', 'getaddrinfo ENOTFOUND db.example')],
    ['a socket closed under a query', new Error('Connection terminated unexpectedly')],
    [
      'a client that lost its connection earlier',
      new Error('Client has encountered a connection error and is not queryable'),
    ],
    ['no free connection in time', new Error('timeout exceeded when trying to connect')],
    ['an aborted embedded engine', Object.assign(new Error('unreachable'), { name: 'RuntimeError' })],
  ])('%s: the store is unavailable', (_what, error) => {
    const classified = classifyDatabaseError(error);
    expect(classified).toBeInstanceOf(StoreUnavailableError);
    const unavailable = classified as StoreUnavailableError;
    expect(unavailable.code).toBe('EVENT_STORE.UNAVAILABLE');
    expect(unavailable.retryAfterSeconds).toBeGreaterThan(0);
    expect(unavailable.cause).toBe(error);
    expect(unavailable.reason).toBe(connectionFailureReason(error));
  });

  it.each([
    ['a refused append (EN001)', serverError('EN001', 'wrong expected version')],
    ['a unique violation (23505)', serverError('23505', 'duplicate key value violates unique constraint')],
    ['a syntax error (42601)', serverError('42601', 'syntax error at or near "SELEC"')],
    ['a serialization failure (40001)', serverError('40001', 'could not serialize access')],
    ['a store error', new WrongExpectedVersionError('incident-1', 3, 4)],
    ['a programming error', new TypeError("Cannot read properties of undefined (reading 'rows')")],
    ['not an error at all', 'oops'],
  ])('%s: passed on unchanged', (_what, error) => {
    expect(classifyDatabaseError(error)).toBe(error);
    expect(connectionFailureReason(error)).toBeUndefined();
  });

  it('a refused connection to every address of a host (AggregateError) is unavailable', () => {
    const error = new AggregateError([
      socketError('ECONNREFUSED', 'connect ECONNREFUSED ::1:5432'),
      socketError('ECONNREFUSED', 'connect ECONNREFUSED 127.0.0.1:5432'),
    ]);
    expect(classifyDatabaseError(error)).toBeInstanceOf(StoreUnavailableError);
  });

  it('an error already classified stays as it is', () => {
    const error = new StoreUnavailableError('ECONNREFUSED');
    expect(classifyDatabaseError(error)).toBe(error);
  });
});

describe('failing to get a connection at all', () => {
  it.each([
    [
      'a database not accepting connections (55000)',
      serverError('55000', 'database "x" is not currently accepting connections'),
      'SQLSTATE 55000',
    ],
    ['a database that does not exist (3D000)', serverError('3D000', 'database "x" does not exist'), 'SQLSTATE 3D000'],
    [
      'a refused password (28P01)',
      serverError('28P01', 'password authentication failed for user "enlace"'),
      'SQLSTATE 28P01',
    ],
    ['a refused connection', socketError('ECONNREFUSED', 'connect ECONNREFUSED 127.0.0.1:5432'), 'ECONNREFUSED'],
  ])('%s: the store is unavailable to this process', (_what, error, reason) => {
    const unavailable = connectFailure(error);
    expect(unavailable).toBeInstanceOf(StoreUnavailableError);
    expect(unavailable.reason).toContain(reason);
    expect(unavailable.cause).toBe(error);
  });
});
