import { CORRELATION_HEADER, correlationIdFrom, withCorrelation } from '@enlace/logging';
import type { NextFunction, Request, Response } from 'express';
import type { Logger as Pino } from 'pino';

/** The request's correlation id, as `correlateRequests` settled it (the client's, if valid, or a new one). */
export function correlationIdOf(request: Request): string | undefined {
  return (request as Request & { correlationId?: string }).correlationId;
}

/** Probes and scrapes: logged at debug level only, or they would drown everything else. */
const QUIET = /^\/(health(\/|$)|metrics$)/;

/**
 * First on every request: settles its correlation id, returns it in `X-Correlation-Id` (whatever the answer, even a
 * body the parser refused), and writes one line when the answer is sent: method, route template (not the path, which
 * holds ids), status, duration in ms and the correlation id. Never headers, bodies or query strings.
 */
export function correlateRequests(logger: Pino) {
  return (request: Request, response: Response, next: NextFunction): void => {
    const correlationId = correlationIdFrom(request.headers['x-correlation-id']);
    (request as Request & { correlationId?: string }).correlationId = correlationId;
    response.setHeader(CORRELATION_HEADER, correlationId);
    const started = performance.now();
    response.once('finish', () => {
      const route = (request.route as { path?: unknown } | undefined)?.path;
      const level = QUIET.test(request.path) ? 'debug' : response.statusCode >= 500 ? 'error' : 'info';
      logger[level](
        {
          context: 'Http',
          correlationId,
          method: request.method,
          route: typeof route === 'string' ? route : '(no route)',
          status: response.statusCode,
          durationMs: Math.round((performance.now() - started) * 10) / 10,
        },
        'request',
      );
    });
    next();
  };
}

/**
 * After the body parsers (their stream callbacks lose the async context): the rest of the request runs with its
 * correlation id as the current one, so every log line and every appended event of it carries the id.
 */
export function correlationScope(request: Request, _response: Response, next: NextFunction): void {
  const correlationId = correlationIdOf(request);
  if (correlationId === undefined) next();
  else withCorrelation(correlationId, next);
}
