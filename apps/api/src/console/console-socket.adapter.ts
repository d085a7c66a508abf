import type { INestApplicationContext } from '@nestjs/common';
import { IoAdapter } from '@nestjs/platform-socket.io';
import type { IncomingMessage } from 'node:http';
import { securityHeaders } from '../security-headers.js';

/** socket.io as Nest's adapter bundles it (its own pinned copy). */
type IoServer = ReturnType<IoAdapter['createIOServer']>;
type IoServerOptions = NonNullable<Parameters<IoAdapter['createIOServer']>[1]>;

/** A connection that has joined no namespace this long after its handshake is closed (socket.io's default: 45 s). */
const CONNECT_TIMEOUT_MS = 5_000;
/** The largest message a console may send; a subscribe with 100 rooms is about 7 KB (socket.io's default: 1 MB). */
const MAX_MESSAGE_BYTES = 64 * 1024;

export const ORIGIN_REFUSED = 'Origin not allowed (ALLOWED_ORIGINS) / Origen no permitido (ALLOWED_ORIGINS)';
export const NO_DEFAULT_NAMESPACE = {
  code: 'CONSOLE.NO_SUCH_NAMESPACE',
  message: {
    en: 'Only the /console namespace exists: connect to /console',
    es: 'Solo existe el espacio de nombres /console: conéctese a /console',
  },
};

/**
 * Whether a socket handshake may proceed. Browsers always send `Origin`: the api's own (the host the request was sent
 * to) and those of ALLOWED_ORIGINS pass. Without `Origin` the client is not a browser page another site could have
 * opened, and its token is checked as for anyone.
 */
export function isAllowedOrigin(
  origin: string | undefined,
  host: string | undefined,
  allowedOrigins: readonly string[],
): boolean {
  if (origin === undefined) return true;
  if (allowedOrigins.includes(origin)) return true;
  try {
    const url = new URL(origin);
    return (url.protocol === 'http:' || url.protocol === 'https:') && host !== undefined && url.host === host;
  } catch {
    // "null" (a sandboxed frame, a file) or garbage
    return false;
  }
}

/**
 * socket.io as the api serves it: the origin allowlist, the same security headers as every HTTP answer, small
 * messages, and no default namespace — only `/console` exists; a client that asks for `/` is refused and its
 * connection closed at once, one that asks for another name is refused ("Invalid namespace") and closed after
 * CONNECT_TIMEOUT_MS at most.
 */
export class ConsoleSocketAdapter extends IoAdapter {
  constructor(
    app: INestApplicationContext,
    private readonly allowedOrigins: readonly string[],
  ) {
    super(app);
  }

  override createIOServer(port: number, options?: IoServerOptions): IoServer {
    // The origins are this adapter's to decide, whatever a gateway's options say.
    const gatewayOptions = { ...(options as IoServerOptions) };
    delete gatewayOptions.cors;
    const server = super.createIOServer(port, {
      ...gatewayOptions,
      // Cross-origin long-polling needs CORS answers for the listed origins; the api's own needs none.
      ...(this.allowedOrigins.length > 0 ? { cors: { origin: [...this.allowedOrigins] } } : {}),
      allowRequest: (request: IncomingMessage, callback: (error: string | null | undefined, ok: boolean) => void) => {
        const allowed = isAllowedOrigin(request.headers.origin, request.headers.host, this.allowedOrigins);
        callback(allowed ? null : ORIGIN_REFUSED, allowed);
      },
      connectTimeout: CONNECT_TIMEOUT_MS,
      maxHttpBufferSize: MAX_MESSAGE_BYTES,
    });
    server.engine.use(securityHeaders());
    server.of('/').use((socket, next) => {
      next(
        Object.assign(new Error(`${NO_DEFAULT_NAMESPACE.message.en} / ${NO_DEFAULT_NAMESPACE.message.es}`), {
          data: NO_DEFAULT_NAMESPACE,
        }),
      );
      // After socket.io has queued the refusal (next tick); engine.io writes what is queued before it closes.
      setImmediate(() => socket.conn.close());
    });
    return server;
  }
}
