import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { Clock } from '@enlace/clock';
import { EnvironmentVariables } from '@enlace/config';
import { type Attachment, type DecodedEvent, EventFeed } from '@enlace/consumers';
import {
  accountDecider,
  ACCOUNT_STREAM_PREFIX,
  type AccountEvent,
  type AccountState,
  accountStreamId,
  evolveAccount,
  evolveSession,
  initialAccountState,
  initialSessionState,
  SESSION_STREAM_PREFIX,
  sessionDecider,
  type SessionEvent,
  type SessionState,
  sessionStreamId,
} from '@enlace/domain';
import { EVENT_STORE, type EventStore } from '@enlace/event-store';
import { StreamCache } from './stream-cache.js';

/** What other parts react to: consoles of an ended session or a disabled account are disconnected at once. */
export type AuthChange =
  | { kind: 'session-ended'; sessionId: string }
  | { kind: 'account-disabled'; username: string }
  | { kind: 'account-unlocked'; username: string };

const SESSIONS_KEPT = 100_000;
const ACCOUNTS_KEPT = 10_000;
const SWEEP_MS = 60_000;

/**
 * This process's view of sessions and account decisions, kept as current as the store: each session or account is
 * read on first use, then followed through the process's one event feed (the `session-` and `account-` streams) from
 * the store's head at start (not from the beginning: boot time and memory grow with the sessions in use, not with the history). A logout
 * or a disabling on any api process reaches every other within the store's wake-up time (~5 ms with PostgreSQL's
 * NOTIFY, at most EVENT_STORE_POLL_INTERVAL_MS).
 */
@Injectable()
export class AuthState implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('Auth');
  private readonly sessions: StreamCache<SessionState, SessionEvent>;
  private readonly accounts: StreamCache<AccountState, AccountEvent>;
  /**
   * Sessions ended lately, whether or not this process had read them, kept as long as an access token of theirs may
   * live: a session read just before its revocation was appended is still refused.
   */
  private readonly recentlyEnded = new Map<string, number>();
  private readonly listeners = new Set<(change: AuthChange) => void>();
  private attachment: Attachment | undefined;
  private sweeper: NodeJS.Timeout | undefined;
  private readonly accessTtlMs: number;

  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    env: EnvironmentVariables,
    private readonly clock: Clock,
    private readonly feed: EventFeed,
  ) {
    this.accessTtlMs = env.ACCESS_TOKEN_TTL_SECONDS * 1000;
    this.sessions = new StreamCache(
      store,
      sessionStreamId,
      initialSessionState,
      evolveSession,
      sessionDecider.codec,
      SESSIONS_KEPT,
    );
    this.accounts = new StreamCache(
      store,
      accountStreamId,
      initialAccountState,
      evolveAccount,
      accountDecider.codec,
      ACCOUNTS_KEPT,
    );
  }

  /** Follows the process's feed from the store's head (what came before is read per stream, on first use). */
  async onApplicationBootstrap(): Promise<void> {
    await this.feed.start();
    this.attachment = this.feed.attach(
      this.feed.position,
      [SESSION_STREAM_PREFIX, ACCOUNT_STREAM_PREFIX],
      (event) => this.apply(event),
      'Auth',
    );
    this.sweeper = setInterval(() => this.sweep(), SWEEP_MS);
    this.sweeper.unref();
  }

  async onApplicationShutdown(): Promise<void> {
    clearInterval(this.sweeper);
    await this.attachment?.close();
  }

  onChange(listener: (change: AuthChange) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /**
   * The session as this process follows it, or, `fresh`, as the store has it now: a session ended on another process
   * a moment ago may not have reached this one yet (its subscription reads after the next wake-up).
   */
  session(sessionId: string, { fresh = false }: { fresh?: boolean } = {}): Promise<SessionState> {
    if (fresh) this.sessions.forget(sessionId);
    return this.sessions.get(sessionId);
  }

  account(username: string): Promise<AccountState> {
    return this.accounts.get(username);
  }

  /** Ended on any process, lately: refused even if a read of the session predates it. */
  endedLately(sessionId: string): boolean {
    return this.recentlyEnded.has(sessionId);
  }

  /** This process ended a session: known here at once, before the subscription brings the event back. */
  sessionEnded(sessionId: string): void {
    this.sessions.forget(sessionId);
    this.noteEnded(sessionId);
  }

  /** This process changed an account: read again on next use. */
  accountChanged(username: string, change?: AuthChange): void {
    this.accounts.forget(username);
    if (change) this.emit(change);
  }

  private noteEnded(sessionId: string): void {
    if (this.recentlyEnded.has(sessionId)) return;
    this.recentlyEnded.set(sessionId, this.clock.nowMs() + this.accessTtlMs + 60_000);
    this.emit({ kind: 'session-ended', sessionId });
  }

  private emit(change: AuthChange): void {
    for (const listener of this.listeners) {
      try {
        listener(change);
      } catch (error) {
        this.logger.error(`Listener failed on ${change.kind}: ${String(error)}`);
      }
    }
  }

  private apply(event: DecodedEvent): void {
    if (event.aggregate === 'session') {
      this.sessions.apply(event.aggregateId, event);
      if (event.type === 'SessionRevoked') this.noteEnded(event.aggregateId);
    } else if (event.aggregate === 'account') {
      const username = event.aggregateId;
      this.accounts.apply(username, event);
      if (event.type === 'AccountDisabled') this.emit({ kind: 'account-disabled', username });
      if (event.type === 'AccountUnlocked') this.emit({ kind: 'account-unlocked', username });
    }
  }

  private sweep(): void {
    const now = this.clock.nowMs();
    for (const [sessionId, forgetAt] of this.recentlyEnded) if (forgetAt <= now) this.recentlyEnded.delete(sessionId);
    // A session past its end (plus an access token's life) can no longer be used: read again if ever asked.
    const horizon = new Date(now - this.accessTtlMs).toISOString();
    this.sessions.sweep((state) => state.status === 'none' || state.expiresAt < horizon);
  }
}
