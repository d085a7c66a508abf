// The socket.io connection to the console feed (`/console`, same origin): subscribes to the board from the last
// position seen, resubscribes after every reconnection, and reports the connection's state as officers see it. Each
// connection carries the freshest access token; when the server closes it because the token expired, the feed renews
// the token and reconnects, resuming from where it stood.
import {
  type ClientToServerEvents,
  CONSOLE_NAMESPACE,
  type ConsoleEvent,
  type ConsoleSnapshot,
  type Room,
  type ServerToClientEvents,
} from '@enlace/console-protocol';
import { io, type Socket } from 'socket.io-client';
import {
  caughtUp,
  connectionLost,
  type FeedState,
  initialFeedState,
  receiveEvents,
  resubscribeDelayMs,
  subscribeRequest,
  DRILL_ROOMS,
  ROOMS,
} from './feed-state';

/** A renewed token not taken within this is left for the reconnection at the old one's expiry. */
const RENEW_ACK_TIMEOUT_MS = 10_000;
/** A subscribe not answered within this is tried again (the server may be catching up from a stalled store). */
const SUBSCRIBE_ACK_TIMEOUT_MS = 20_000;

export type ConnectionState = 'connected' | 'reconnecting' | 'offline';

export interface LiveFeedListener {
  /** The connection changed; `first` while the very first connection is still being made. */
  state(state: ConnectionState, first: boolean): void;
  /** Events not seen before, in order; `replay` while catching up (history or missed events), else live. */
  events(fresh: ConsoleEvent[], replay: boolean, feed: FeedState): void;
  /** Too far behind: the server sent read models instead of events; everything must be read again. */
  snapshot(position: string): void;
  /** The replay after a drop is over: since when, and how many events it brought. */
  resumed(since: number, count: number): void;
  /**
   * The session is over (ended, disabled, or its token cannot be renewed): sign in again. `refusal`: the server's
   * reason (an AUTH.* code, or the handshake's `unauthorized: <code>`), when it gave one.
   */
  ended(refusal?: string): void;
  /** The drill named at the handshake refused this console (`drill: <code>`): no such drill, or not taking part. */
  worldRefused(refusal: string): void;
}

/** The session's tokens, as the feed needs them. */
export interface FeedTokens {
  current(): string | undefined;
  /** Renews the access token; undefined when the session is over. */
  refresh(): Promise<string | undefined>;
}

/** Refusals a renewed token cures; any other (session ended, account disabled or changed) ends the session. */
const RENEWABLE = /AUTH\.TOKEN_(EXPIRED|INVALID)/;

export class LiveFeed {
  private socket: Socket<ServerToClientEvents, ClientToServerEvents> | undefined;
  private feed: FeedState = initialFeedState;
  private replaying = false;
  private everConnected = false;
  private current: ConnectionState = 'reconnecting';
  /** Subscribes refused or unanswered in a row, and the timer of the next try. */
  private subscribeFailures = 0;
  private resubscribeTimer: ReturnType<typeof setTimeout> | undefined;
  /** Why the server is about to close the connection (its `unauthorized` message), until it does. */
  private refusal: string | undefined;
  private renewing = false;
  /** Renewals since the last connection: a renewed token refused again is not renewed forever. */
  private renewals = 0;
  private retry: number | undefined;
  /** The access token the current connection was opened with. */
  private usedToken: string | undefined;

  constructor(
    private readonly tokens: FeedTokens,
    private readonly listener: LiveFeedListener,
    /** The drill whose world the connection works in (its handshake names it); the live world without. */
    private readonly drillId?: string,
    /** What it follows: the board (and, in a drill's world, the drill itself), unless told otherwise. */
    private readonly rooms: Room[] = drillId ? DRILL_ROOMS : ROOMS,
  ) {}

  get state(): FeedState {
    return this.feed;
  }

  start(): void {
    const socket: Socket<ServerToClientEvents, ClientToServerEvents> = io(CONSOLE_NAMESPACE, {
      auth: (send) => {
        this.usedToken = this.tokens.current();
        send({ token: this.usedToken, ...(this.drillId ? { drill: this.drillId } : {}) });
      },
      reconnectionDelay: 500,
      reconnectionDelayMax: 4_000,
      timeout: 8_000,
    });
    this.socket = socket;
    socket.on('connect', () => {
      this.renewals = 0;
      this.subscribe();
    });
    socket.on('unauthorized', ({ code }) => {
      this.refusal = code;
    });
    socket.on('disconnect', (reason) => {
      // The next connection subscribes anyway.
      clearTimeout(this.resubscribeTimer);
      this.lost();
      if (reason !== 'io server disconnect') return;
      const refusal = this.refusal;
      this.refusal = undefined;
      // Closed for its token: renewed, it comes back and resumes. Closed for being too slow: it comes back at once.
      if (refusal) this.renew(refusal);
      else socket.connect();
    });
    socket.on('connect_error', (error) => {
      if (/^drill:/.test(error.message)) {
        this.listener.worldRefused(error.message);
        return;
      }
      if (/unauthorized/i.test(error.message)) {
        this.renew(error.message);
        return;
      }
      this.lost();
      // Refused by the server for another reason (it could not check the token now): socket.io does not retry those.
      if (!socket.active) this.retry = window.setTimeout(() => socket.connect(), 3_000);
    });
    socket.on('events', (events) => this.receive(events));
    socket.on('event', (event) => this.receive([event]));
    socket.on('snapshot', (snapshot: ConsoleSnapshot) => {
      this.feed = caughtUp(this.feed, snapshot.position).state;
      this.listener.snapshot(snapshot.position);
    });
    socket.on('caught-up', ({ position }) => {
      const { state, resumed } = caughtUp(this.feed, position);
      this.feed = state;
      this.replaying = false;
      this.everConnected = true;
      this.setState('connected');
      if (resumed) this.listener.resumed(resumed.since, resumed.count);
    });
    window.addEventListener('online', this.onOnline);
    window.addEventListener('offline', this.onOffline);
    this.setState(navigator.onLine === false ? 'offline' : 'reconnecting');
  }

  stop(): void {
    window.clearTimeout(this.retry);
    window.removeEventListener('online', this.onOnline);
    window.removeEventListener('offline', this.onOffline);
    clearTimeout(this.resubscribeTimer);
    this.socket?.removeAllListeners();
    this.socket?.disconnect();
    this.socket = undefined;
  }

  /**
   * The session renewed its access token: the open connection takes it and lives on, instead of being closed when the
   * old token expires and reopened (which officers would see as a dropped connection). If the server does not take it,
   * nothing changes: at the old token's expiry the feed reconnects with the new one and resumes.
   */
  renewToken(token: string): void {
    const socket = this.socket;
    if (!socket?.connected || token === this.usedToken) return;
    socket.timeout(RENEW_ACK_TIMEOUT_MS).emit('authenticate', { token }, (error, ack) => {
      if (this.socket === socket && !error && ack.ok) this.usedToken = token;
    });
  }

  /** Renews the token and reconnects when that can cure the refusal; otherwise the session is over. */
  private renew(refusal: string): void {
    if (this.renewing) return;
    // The session already renewed the token since this connection opened: reconnect with it.
    const latest = this.tokens.current();
    if (RENEWABLE.test(refusal) && latest && latest !== this.usedToken && this.socket) {
      this.socket.connect();
      return;
    }
    if (!RENEWABLE.test(refusal) || this.renewals >= 2) {
      this.listener.ended(refusal);
      return;
    }
    this.renewing = true;
    void this.tokens.refresh().then((token) => {
      this.renewing = false;
      if (!this.socket) return;
      if (token) {
        this.renewals += 1;
        this.socket.connect();
      } else if (this.tokens.current()) {
        // The api could not be reached (the session stands): try again shortly.
        this.retry = window.setTimeout(() => this.renew(refusal), 3_000);
      } else {
        this.listener.ended();
      }
    });
  }

  private subscribe(): void {
    const socket = this.socket;
    if (!socket) return;
    clearTimeout(this.resubscribeTimer);
    this.replaying = true;
    socket
      .timeout(SUBSCRIBE_ACK_TIMEOUT_MS)
      .emit('subscribe', subscribeRequest(this.feed, this.rooms), (error, ack) => {
        if (this.socket !== socket || !socket.connected) return; // a new connection subscribes on its own
        // `undefined`: no answer in time; `null`: subscribed.
        const refusal = error ? undefined : ack.ok ? null : ack;
        if (refusal === null) {
          this.subscribeFailures = 0;
          return;
        }
        // A refused token at subscribe: the server closes the connection too; `disconnect` renews it.
        if (refusal?.error.code.startsWith('AUTH.')) {
          this.refusal ??= refusal.error.code;
          return;
        }
        // A refused subscription (a bad position) starts over from the beginning rather than showing nothing.
        if (refusal?.error.code === 'CONSOLE.BAD_POSITION') {
          this.feed = { ...this.feed, lastPosition: undefined };
          this.subscribe();
          return;
        }
        // The server could not serve it now (its store is away) or did not answer: try again from the same position,
        // waiting what it asked for, or longer each time.
        this.subscribeFailures += 1;
        const delay = resubscribeDelayMs(this.subscribeFailures, refusal?.error.details?.retryAfterMs);
        this.resubscribeTimer = setTimeout(() => this.subscribe(), delay);
      });
  }

  private receive(events: ConsoleEvent[]): void {
    const { state, fresh } = receiveEvents(this.feed, events);
    this.feed = state;
    if (fresh.length > 0) this.listener.events(fresh, this.replaying, state);
  }

  private lost(): void {
    this.feed = connectionLost(this.feed, Date.now());
    this.replaying = false;
    this.setState(navigator.onLine === false ? 'offline' : 'reconnecting');
  }

  private readonly onOnline = () => {
    const socket = this.socket;
    if (!socket || socket.connected) return;
    this.setState('reconnecting');
    // Try at once instead of waiting for the back-off.
    socket.disconnect();
    socket.connect();
  };

  private readonly onOffline = () => {
    if (this.socket?.connected) return; // the transport closes itself; `disconnect` follows
    this.setState('offline');
  };

  private setState(state: ConnectionState): void {
    if (state === this.current && state !== 'connected') return;
    this.current = state;
    this.listener.state(state, !this.everConnected);
  }
}
