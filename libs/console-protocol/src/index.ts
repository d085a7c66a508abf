/**
 * The public console protocol on the socket.io namespace `/console`, shared by the server and browser consoles.
 * Pure types and tiny helpers: no Node, no framework.
 *
 *   handshake:  io('/console', { auth: { token } })            refused without a valid access token
 *   client  →   'subscribe' { rooms, after?, batch? }  (ack → SubscribeAck)
 *   server  →   'event'     ConsoleEvent       (every event routed to a subscribed room, in global order, once)
 *   server  →   'events'    ConsoleEvent[]     (instead of 'event' when subscribed with batch: true: the same events,
 *                                               in the same order, several to a message when several are ready)
 *   server  →   'snapshot'  ConsoleSnapshot    (instead of a long replay; events continue after its position)
 *   server  →   'caught-up' { position }       (the replay is over; what follows is live)
 */

export const CONSOLE_NAMESPACE = '/console';

/** Before every event: a console that has seen nothing yet resumes from here (`after: START_POSITION`). */
export const START_POSITION = '00000000000000000000:00000000000000000000';

/**
 * `board` (every incident, port and notification), `incident:<id>`, `port:<id>`, `blm:<id>`, and `drill`: the drill
 * of a console in a drill's world (its clock, injects, halt and end; nothing in the live world).
 */
export type Room = 'board' | 'drill' | `incident:${string}` | `port:${string}` | `blm:${string}`;

/** Ports and BLMs are named by slugs (`otay-mesa`, `blm-sandiego-tijuana`) of at most this many characters. */
export const MAX_ROOM_ID_LENGTH = 64;
/** The longest room name: `port:` and the longest id. */
export const MAX_ROOM_LENGTH = 'port:'.length + MAX_ROOM_ID_LENGTH;
/** Rooms one subscribe may name. */
export const MAX_ROOMS = 100;

const ROOM = new RegExp(
  '^(board|drill|incident:[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}|' +
    `(port|blm):(?=[a-z0-9-]{1,${MAX_ROOM_ID_LENGTH}}$)[a-z0-9]+(-[a-z0-9]+)*)$`,
);

export function isRoom(value: unknown): value is Room {
  // The length first: a long string never reaches the pattern.
  return typeof value === 'string' && value.length <= MAX_ROOM_LENGTH && ROOM.test(value);
}

export interface ConsoleEventMetadata {
  actor: string;
  agency: string;
  country: 'US' | 'MX' | null;
  role: string;
  correlationId: string;
  causationId: string | null;
  mode: 'actual' | 'exercise';
  recordedAt: string;
}

/** One stored event as a console receives it. `position` is opaque and totally ordered: compare as strings. */
export interface ConsoleEvent<Data = Record<string, unknown>> {
  position: string;
  streamId: string;
  revision: number;
  type: string;
  data: Data;
  metadata: ConsoleEventMetadata;
}

export interface SubscribeRequest {
  rooms: Room[];
  /** The last position this console saw; omitted: start from now. */
  after?: string;
  /**
   * Receive `events` (arrays, in order) instead of one `event` message per event. Under load the server sends what
   * is ready in one message, which costs it and the console a fraction of one message per event.
   */
  batch?: boolean;
}

export type SubscribeAck =
  | { ok: true; rooms: Room[]; replay: 'events' | 'snapshot' | 'none'; from: string | null }
  | { ok: false; error: SubscribeError };

/**
 * Why a subscribe was refused, in English and Spanish. `details.field` names the bad field of the request;
 * `details.retryAfterMs`, when present, says the refusal is passing (over the connection's limits,
 * `CONSOLE.RATE_LIMITED`; the store away, `CONSOLE.STORE_UNAVAILABLE`): subscribe again with the same `after` after
 * that many milliseconds. Nothing of a refused subscription is kept by the server.
 */
export interface SubscribeError {
  code: string;
  message: { en: string; es: string };
  details?: { field?: string; retryAfterMs?: number };
}

/** Read models as of `position`, for a console too far behind to replay every event. */
export interface ConsoleSnapshot {
  position: string;
  rooms: Room[];
  board?: unknown;
  incidents?: Record<string, unknown>;
  ports?: Record<string, unknown>;
  notifications?: Record<string, unknown>;
}

export interface ServerToClientEvents {
  event: (event: ConsoleEvent) => void;
  /** Only to consoles subscribed with `batch: true`: one or more events, in global order, none repeated. */
  events: (events: ConsoleEvent[]) => void;
  snapshot: (snapshot: ConsoleSnapshot) => void;
  /** The replay is over; `position` is where the console now stands (START_POSITION if nothing happened yet). */
  'caught-up': (info: { position: string }) => void;
  /**
   * Sent just before the server closes the connection because its token no longer admits it:
   * `AUTH.TOKEN_EXPIRED` (refresh the access token, reconnect with it and resume from the last position),
   * `AUTH.SESSION_ENDED` or `AUTH.ACCOUNT_DISABLED` (sign in again).
   */
  unauthorized: (reason: UnauthorizedReason) => void;
}

export interface UnauthorizedReason {
  /** `AUTH.TOKEN_EXPIRED`, `AUTH.SESSION_ENDED`, `AUTH.ACCOUNT_DISABLED`, or another AUTH.* code. */
  code: string;
  message: { en: string; es: string };
}

/**
 * A renewed access token for the open connection (after POST /api/auth/refresh): the connection stays, and is now
 * closed when the new token expires. Only a token of the same session is taken; a refusal leaves the connection as
 * it was (closed, with `unauthorized`, when its current token expires).
 */
export interface AuthenticateRequest {
  token: string;
}

export type AuthenticateAck =
  { ok: true; expiresAt: string } | { ok: false; error: { code: string; message: { en: string; es: string } } };

export interface ClientToServerEvents {
  subscribe: (request: SubscribeRequest, ack: (answer: SubscribeAck) => void) => void;
  authenticate: (request: AuthenticateRequest, ack: (answer: AuthenticateAck) => void) => void;
  unsubscribe: (request: { rooms: Room[] }, ack: (answer: { ok: true; rooms: Room[] }) => void) => void;
}
