import type { NextFunction, Request, RequestHandler, Response } from 'express';
import helmet from 'helmet';

/**
 * One policy for every response: the console, its assets, the API, its docs and the socket's HTTP answers. Everything
 * comes from this origin (the console must work on a network cut off from the internet, and a policy that says so
 * keeps it that way); nothing may frame a page of ours.
 */
const CONTENT_SECURITY_POLICY = {
  'default-src': ["'self'"],
  // 'self' covers the socket's ws:/wss: to this same host (CSP Level 3); any other host, http or ws, is refused, so an
  // injected script could not carry the feed elsewhere.
  'connect-src': ["'self'"],
  'img-src': ["'self'", 'data:'],
  // React's style attributes and the OpenAPI page's inline <style> blocks; no inline script anywhere.
  'style-src': ["'self'", "'unsafe-inline'"],
  'script-src': ["'self'"],
  'font-src': ["'self'"],
  'object-src': ["'none'"],
  'base-uri': ["'self'"],
  'form-action': ["'self'"],
  'frame-ancestors': ["'none'"],
};

/**
 * helmet 8 with our Content-Security-Policy instead of its defaults (which add `upgrade-insecure-requests`, breaking
 * the console on plain http://127.0.0.1). It also removes `X-Powered-By`.
 */
export function securityHeaders(): RequestHandler {
  return helmet({
    contentSecurityPolicy: { useDefaults: false, directives: CONTENT_SECURITY_POLICY },
    xFrameOptions: { action: 'deny' },
    referrerPolicy: { policy: 'no-referrer' },
  }) as RequestHandler;
}

/** API answers (and /health) are about now and may name people: no cache keeps them. */
export function noStore(_request: Request, response: Response, next: NextFunction): void {
  response.setHeader('Cache-Control', 'no-store');
  next();
}
