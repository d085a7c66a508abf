import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';

export interface ReceivedWebhook {
  path: string;
  headers: IncomingHttpHeaders;
  body: string;
  json: { deliveryId: string; kind: string; to: { agency: string }; notification: { id: string } } & Record<
    string,
    unknown
  >;
  receivedAt: number;
  status: number;
}

/** A real HTTP receiver on a free port; records every request and can answer errors first, to test retries. */
export class WebhookReceiver {
  readonly received: ReceivedWebhook[] = [];
  /** How long each answer waits (to keep deliveries in flight when a test kills a worker). */
  delayMs = 0;
  /** Answers held back by `delayMs`, dropped on stop. */
  private readonly holding = new Set<NodeJS.Timeout>();
  private failures: { matches: (hook: ReceivedWebhook) => boolean; remaining: number; status: number }[] = [];

  private constructor(
    private readonly server: Server,
    readonly port: number,
  ) {}

  static async start(): Promise<WebhookReceiver> {
    // The server's handler needs the receiver, which needs the server: a holder breaks the cycle.
    const self: { receiver?: WebhookReceiver } = {};
    const server = createServer((request, response) => {
      const chunks: Buffer[] = [];
      request.on('data', (chunk: Buffer) => chunks.push(chunk));
      request.on('end', () => {
        const body = Buffer.concat(chunks).toString('utf8');
        const hook: ReceivedWebhook = {
          path: request.url ?? '/',
          headers: request.headers,
          body,
          json: JSON.parse(body) as ReceivedWebhook['json'],
          receivedAt: Date.now(),
          status: 200,
        };
        hook.status = self.receiver!.statusFor(hook);
        self.receiver!.received.push(hook);
        const receiver = self.receiver!;
        const timer = setTimeout(() => {
          receiver.holding.delete(timer);
          response.writeHead(hook.status, { 'content-type': 'application/json' }).end('{}');
        }, receiver.delayMs);
        receiver.holding.add(timer);
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    self.receiver = new WebhookReceiver(server, (server.address() as { port: number }).port);
    return self.receiver;
  }

  url(path: string): string {
    return `http://127.0.0.1:${this.port}${path}`;
  }

  /** The next `times` requests that match answer `status`. */
  failFirst(matches: (hook: ReceivedWebhook) => boolean, times: number, status = 503): void {
    this.failures.push({ matches, remaining: times, status });
  }

  /** Requests answered 2xx, i.e. deliveries the receiver accepted. */
  accepted(filter: (hook: ReceivedWebhook) => boolean = () => true): ReceivedWebhook[] {
    return this.received.filter((hook) => hook.status < 300 && filter(hook));
  }

  async stop(): Promise<void> {
    for (const timer of this.holding) clearTimeout(timer);
    this.holding.clear();
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  private statusFor(hook: ReceivedWebhook): number {
    const failure = this.failures.find((f) => f.remaining > 0 && f.matches(hook));
    if (!failure) return 200;
    failure.remaining -= 1;
    return failure.status;
  }
}
