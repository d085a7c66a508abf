import { type Metrics, secondsSince } from '@enlace/metrics';
import type { NextFunction, Request, RequestHandler, Response } from 'express';
import { API_PATH } from '../console-static.js';

/**
 * The `route` label of a request: the template of the route that matched (`/api/incidents/:id`, never the raw URL, so
 * the label's values are as few as the routes), `console` for the browser console's pages and assets, `unmatched` for
 * any other path the api has no route for.
 */
export function routeLabel(matched: { baseUrl: string; routePath: unknown } | undefined, path: string): string {
  // Nest answers a path with no route through a catch-all of its own (`/api*path`); no route of ours has a wildcard.
  if (matched && typeof matched.routePath === 'string' && !CATCH_ALL.test(matched.routePath)) {
    return `${matched.baseUrl}${matched.routePath}` || '/';
  }
  return API_PATH.test(path) ? 'unmatched' : 'console';
}

/** A route with a wildcard: the router's own not-found handler. */
const CATCH_ALL = /\*/;

/**
 * Counts and times every HTTP answer (`enlace_http_requests_total`, `enlace_http_request_duration_seconds`) once it
 * is sent, whatever answered it: a route, a guard's 401, the error filter or the 404 of a path with no route.
 */
export function httpMetrics(metrics: Metrics): RequestHandler {
  return (req: Request, res: Response, next: NextFunction) => {
    const started = performance.now();
    res.once('finish', () => {
      const route = req.route as { path?: unknown } | undefined;
      const labels = {
        method: req.method,
        // originalUrl: a router mounted under a prefix rewrites `url` (and so `path`) while it handles the request.
        route: routeLabel(
          route ? { baseUrl: req.baseUrl, routePath: route.path } : undefined,
          req.originalUrl.split('?', 1)[0]!,
        ),
        status: String(res.statusCode),
      };
      metrics.httpRequests.inc(labels);
      metrics.httpDuration.observe(labels, secondsSince(started));
    });
    next();
  };
}
