import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { isMetricsScrapeAuthorized, METRICS_UNAUTHORIZED, METRICS_WWW_AUTHENTICATE } from './metrics-token.js';
import type { Metrics } from './metrics.js';

/**
 * A listener of its own for `/metrics` (METRICS_PORT): how the worker, which serves no HTTP, is scraped, and how an api
 * can be scraped on a port kept off the public network. The same bearer token as on the api's port.
 */
export class MetricsListener {
  private server: Server | undefined;

  constructor(
    private readonly metrics: Metrics,
    private readonly token: string,
  ) {}

  async listen(port: number, host: string): Promise<number> {
    const server = createServer((request, response) => {
      const path = (request.url ?? '/').split('?')[0];
      if (path !== '/metrics' || (request.method !== 'GET' && request.method !== 'HEAD')) {
        response.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8' }).end('Not found: GET /metrics\n');
        return;
      }
      if (!isMetricsScrapeAuthorized(request.headers.authorization, this.token)) {
        response
          .writeHead(401, { 'Content-Type': 'application/json', 'WWW-Authenticate': METRICS_WWW_AUTHENTICATE })
          .end(JSON.stringify(METRICS_UNAUTHORIZED));
        return;
      }
      this.metrics.render().then(
        (body) => response.writeHead(200, { 'Content-Type': this.metrics.contentType }).end(body),
        (error: unknown) => response.writeHead(500, { 'Content-Type': 'text/plain' }).end(`${String(error)}\n`),
      );
    });
    this.server = server;
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(port, host, () => resolve());
    });
    return (server.address() as AddressInfo).port;
  }

  async close(): Promise<void> {
    const server = this.server;
    this.server = undefined;
    if (!server) return;
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }
}
