import { StoreUnavailableError } from '../errors.js';

/** Socket errors that mean "the server is not there (now)", as Node names them. */
const NETWORK_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ECONNABORTED',
  'EPIPE',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'EHOSTDOWN',
  'ENETUNREACH',
  'ENETDOWN',
  'ENOTFOUND',
  'EAI_AGAIN',
]);

/**
 * SQLSTATEs of a server that cannot serve: class 08 (connection exception), 57P01–57P05 (terminated by an
 * administrator, a crash, "the database system is starting up / shutting down", idle-session timeout), class 53
 * (insufficient resources: disk full, out of memory, too many connections) and class 58 (system error: the files
 * under the database cannot be read or written, e.g. PGlite's data directory gone). A refused append (EN001), a
 * constraint or a syntax error is the request's own outcome, not this.
 */
const UNAVAILABLE_SQLSTATE = /^(08[0-9A-Z]{3}|57P0[1-5]|53[0-9A-Z]{3}|58[0-9A-Z]{3})$/;

/** node-postgres's own words when the connection under a query died or never came (it gives these no code). */
const CLIENT_MESSAGES = [
  /^Connection terminated/,
  /not queryable/,
  /timeout exceeded when trying to connect/,
  /^Query read timeout$/,
  /Connection ended unexpectedly/,
  // PGlite after its WebAssembly instance aborted (it cannot recover without a restart of the process).
  /^PGlite is closed$/,
];

/** Why a database error means the store is unreachable, or `undefined` when it is the request's own failure. */
export function connectionFailureReason(error: unknown): string | undefined {
  if (error instanceof StoreUnavailableError) return error.reason;
  if (!error || typeof error !== 'object') return undefined;
  const { code, message } = error as { code?: unknown; message?: unknown };
  const text = typeof message === 'string' ? message : '';
  if (typeof code === 'string') {
    if (NETWORK_CODES.has(code)) return `${code}${text ? ` (${text})` : ''}`;
    if (UNAVAILABLE_SQLSTATE.test(code)) return `SQLSTATE ${code}${text ? ` (${text})` : ''}`;
    return undefined;
  }
  if (CLIENT_MESSAGES.some((pattern) => pattern.test(text))) return text;
  // WebAssembly.RuntimeError (not in this project's type libraries): PGlite's engine aborted.
  if (error instanceof Error && error.name === 'RuntimeError') return `embedded database aborted (${text})`;
  // A DNS or socket failure reported by an AggregateError (Node's happy-eyeballs connect) carries its parts.
  if (error instanceof AggregateError) {
    const reasons = error.errors.map(connectionFailureReason);
    if (reasons.length > 0 && reasons.every((reason) => reason !== undefined)) return reasons.join('; ');
  }
  return undefined;
}

/** The error as the store's callers should see it: `StoreUnavailableError` for an unreachable server, else as is. */
export function classifyDatabaseError(error: unknown): unknown {
  if (error instanceof StoreUnavailableError) return error;
  const reason = connectionFailureReason(error);
  return reason === undefined ? error : new StoreUnavailableError(reason, { cause: error });
}

/**
 * A failure to get a connection at all (refused, no such database, not accepting connections, bad credentials):
 * the request never reached the database, so whatever the reason, the store is unavailable to this process.
 */
export function connectFailure(error: unknown): StoreUnavailableError {
  const classified = classifyDatabaseError(error);
  if (classified instanceof StoreUnavailableError) return classified;
  const { code, message } = error as { code?: unknown; message?: unknown };
  const detail = [
    typeof code === 'string' ? `SQLSTATE ${code}` : undefined,
    typeof message === 'string' ? message : undefined,
  ]
    .filter(Boolean)
    .join(' ');
  return new StoreUnavailableError(`cannot connect (${detail || String(error)})`, { cause: error });
}
