import { Injectable, type OnModuleDestroy } from '@nestjs/common';
import { Clock } from '@enlace/clock';
import { EnvironmentVariables } from '@enlace/config';
import type { AuthenticateAck, SubscribeAck, UnauthorizedReason } from '@enlace/console-protocol';
import { type Actor, DomainError } from '@enlace/domain';
import type { Socket } from 'socket.io';
import { AccessVerifier, type VerifiedAccess } from './access-verifier.js';
import { authErrors } from './auth-errors.js';
import { type AuthChange, AuthState } from './auth-state.js';
import { UserDirectory } from './user-directory.js';

/** What the authenticator needs of a console socket (the gateway's typed socket fits). */
type ConsoleSocket = Pick<Socket, 'id' | 'handshake' | 'connected' | 'emit' | 'disconnect' | 'once'> & {
  data: { actor?: Actor };
};

interface Admitted {
  socket: ConsoleSocket;
  token: string;
  access: VerifiedAccess;
  expiry: NodeJS.Timeout;
}

/** The longest a timer may wait (setTimeout overflows beyond ~24.8 days); an access token lives far less anyway. */
const MAX_TIMER_MS = 2 ** 31 - 1;

function reasonOf(error: DomainError): UnauthorizedReason {
  return { code: error.code, message: error.messages };
}

/**
 * Console sockets and their tokens, for the gateway: the handshake is admitted with an access token (the same checks
 * as every HTTP request); the socket is closed when that token expires, when its session ends, when its account is
 * disabled, or removed from the directory, or changes role, side or agency there (after an `unauthorized` message
 * saying why, so the console refreshes and resumes, or signs in); and every subscribe checks the token, the session
 * and the account again.
 *
 *   namespace.use(consoleAuthenticator.middleware());                          // afterInit
 *   const refusal = await consoleAuthenticator.checkSubscribe(socket);         // top of the subscribe handler
 *   if (refusal) return refusal;
 */
@Injectable()
export class ConsoleAuthenticator implements OnModuleDestroy {
  private readonly admitted = new Map<string, Admitted>();
  private readonly stopListening: () => void;

  private readonly stopFollowingDirectory: () => void;
  /**
   * Console connections one account may hold open in this process (CONSOLE_MAX_CONNECTIONS_PER_ACCOUNT): a script
   * opening hundreds, each with its own subscribe and replay budgets, is refused at the handshake.
   */
  private readonly maxPerAccount: number;

  constructor(
    private readonly verifier: AccessVerifier,
    state: AuthState,
    directory: UserDirectory,
    env: EnvironmentVariables,
    private readonly clock: Clock,
  ) {
    this.maxPerAccount = env.CONSOLE_MAX_CONNECTIONS_PER_ACCOUNT;
    this.stopListening = state.onChange((change) => this.onChange(change));
    this.stopFollowingDirectory = directory.onChange((usernames) => this.onDirectoryChange(usernames));
  }

  onModuleDestroy(): void {
    this.stopListening();
    this.stopFollowingDirectory();
    for (const { expiry } of this.admitted.values()) clearTimeout(expiry);
  }

  /** socket.io namespace middleware: refuses the handshake without a valid access token (`auth.token`). */
  middleware(): (socket: ConsoleSocket, next: (error?: Error) => void) => void {
    return (socket, next) => {
      const token = (socket.handshake.auth as { token?: unknown } | undefined)?.token;
      if (typeof token !== 'string' || token.length === 0) {
        next(new Error('unauthorized: auth.token (an access token from POST /api/auth/login) is required'));
        return;
      }
      this.verifier
        .verify(token)
        .then((access) => {
          if (this.openSockets(access.actor.id) >= this.maxPerAccount) {
            // Not `unauthorized`: the token is good, and renewing it would not help. The console tries again later.
            next(
              new Error(
                `too-many-connections: this account already has ${this.maxPerAccount} console connections open; ` +
                  `close one / esta cuenta ya tiene ${this.maxPerAccount} conexiones de consola abiertas; cierre una`,
              ),
            );
            return;
          }
          this.admit(socket, token, access);
          next();
        })
        .catch((error: unknown) => {
          // `unauthorized: <code>`: a console refreshes on AUTH.TOKEN_EXPIRED and signs in again otherwise. Anything
          // else (the store cannot be read now) is no verdict on the token: the console tries again later.
          if (error instanceof DomainError) next(new Error(`unauthorized: ${error.code}`));
          else next(new Error('unavailable: the token cannot be checked now; try again shortly', { cause: error }));
        });
    };
  }

  /** Checks the socket's token, session and account again: undefined when admitted, else the refusal to answer. */
  async checkSubscribe(socket: ConsoleSocket): Promise<SubscribeAck | undefined> {
    const admitted = this.admitted.get(socket.id);
    try {
      if (!admitted) throw authErrors.sessionEnded();
      // Read from the store: a subscribe (once per connection) must not pass on a session another process just ended.
      admitted.access = await this.verifier.verify(admitted.token, { fresh: true });
      return undefined;
    } catch (error) {
      if (!(error instanceof DomainError)) throw error;
      this.close(socket, error);
      return { ok: false, error: { code: error.code, message: error.messages } };
    }
  }

  /**
   * A renewed access token for an open socket: the console refreshed its session, and the socket now lives as long as
   * the new token instead of being closed and reopened (which a console would show as a dropped connection). Only a
   * token of the same session and account is taken; a refusal changes nothing.
   */
  async renew(socket: ConsoleSocket, request: unknown): Promise<AuthenticateAck> {
    const token = (request as { token?: unknown } | undefined)?.token;
    const admitted = this.admitted.get(socket.id);
    try {
      if (typeof token !== 'string' || token.length === 0 || token.length > 8_192) throw authErrors.tokenInvalid();
      if (!admitted) throw authErrors.sessionEnded();
      const access = await this.verifier.verify(token);
      if (access.sessionId !== admitted.access.sessionId || access.actor.id !== admitted.access.actor.id) {
        throw authErrors.tokenInvalid();
      }
      if (this.admitted.get(socket.id) !== admitted || !socket.connected) throw authErrors.sessionEnded();
      clearTimeout(admitted.expiry);
      this.admitted.set(socket.id, { ...admitted, token, access, expiry: this.expiryTimer(socket, access) });
      return { ok: true, expiresAt: new Date(access.expiresAt).toISOString() };
    } catch (error) {
      if (error instanceof DomainError) return { ok: false, error: reasonOf(error) };
      return {
        ok: false,
        error: {
          code: 'AUTH.UNAVAILABLE',
          message: {
            en: 'The token cannot be checked now; the connection keeps its current token',
            es: 'No se puede verificar el token ahora; la conexión conserva su token actual',
          },
        },
      };
    }
  }

  private expiryTimer(socket: ConsoleSocket, access: VerifiedAccess): NodeJS.Timeout {
    const expiry = setTimeout(
      () => this.close(socket, authErrors.tokenExpired()),
      Math.min(Math.max(0, access.expiresAt - this.clock.nowMs()), MAX_TIMER_MS),
    );
    expiry.unref();
    return expiry;
  }

  private openSockets(username: string): number {
    let open = 0;
    for (const { access } of this.admitted.values()) if (access.actor.id === username) open += 1;
    return open;
  }

  private admit(socket: ConsoleSocket, token: string, access: VerifiedAccess): void {
    socket.data.actor = access.actor;
    this.admitted.set(socket.id, { socket, token, access, expiry: this.expiryTimer(socket, access) });
    socket.once('disconnect', () => {
      clearTimeout(this.admitted.get(socket.id)?.expiry);
      this.admitted.delete(socket.id);
    });
  }

  private close(socket: ConsoleSocket, error: DomainError): void {
    const admitted = this.admitted.get(socket.id);
    if (admitted) clearTimeout(admitted.expiry);
    this.admitted.delete(socket.id);
    if (!socket.connected) return;
    socket.emit('unauthorized', reasonOf(error));
    socket.disconnect(true);
  }

  /** Accounts removed from users.json, or whose role, side or agency changed: their sockets close as HTTP refuses. */
  private onDirectoryChange(usernames: string[]): void {
    const changed = new Set(usernames);
    for (const { socket, access } of [...this.admitted.values()]) {
      if (changed.has(access.actor.id)) this.close(socket, authErrors.accountChanged());
    }
  }

  private onChange(change: AuthChange): void {
    if (change.kind === 'account-unlocked') return;
    const error = change.kind === 'session-ended' ? authErrors.sessionEnded() : authErrors.accountDisabled();
    for (const { socket, access } of [...this.admitted.values()]) {
      const affected =
        change.kind === 'session-ended' ? access.sessionId === change.sessionId : access.actor.id === change.username;
      if (affected) this.close(socket, error);
    }
  }
}
