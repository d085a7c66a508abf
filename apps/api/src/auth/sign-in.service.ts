import { Metrics } from '@enlace/metrics';
import { currentCorrelationId } from '@enlace/logging';
import { Injectable, Logger } from '@nestjs/common';
import { ActOnSession } from '@enlace/application';
import { CommandBus } from '@nestjs/cqrs';
import { EnvironmentVariables } from '@enlace/config';
import { type Actor, type LoginFailureReason, type SessionTokens, unauthenticated } from '@enlace/domain';
import { randomUUID } from 'node:crypto';
import { AccessTokens } from './access-tokens.js';
import { AUTH_SERVICE_ACTOR, AuthActivityLog } from './auth-activity-log.js';
import { AuthState } from './auth-state.js';
import type { ClientInfo } from './client-info.js';
import { LoginThrottle, LoginThrottledError } from './login-throttle.js';
import { hashPassword, needsRehash, UNKNOWN_ACCOUNT_HASH, verifyPassword } from './password.js';
import { PasswordCheckPool, PasswordCheckPoolFullError } from './password-check-pool.js';
import { PasswordOverlay } from './password-overlay.js';
import { newRefreshToken } from './refresh-tokens.js';
import { type UserAccount, UserDirectory } from './user-directory.js';

export type { SessionTokens } from '@enlace/domain';

export const actorOf = (account: Pick<UserAccount, 'id' | 'agency' | 'country' | 'role'>): Actor => ({
  id: account.id,
  agency: account.agency,
  country: account.country,
  role: account.role,
});

/** The only answer to a refused sign-in, whatever the reason, so that it tells nothing about the account. */
export const signInRefused = () =>
  unauthenticated(
    'AUTH.SIGN_IN_FAILED',
    'Unknown username or wrong password',
    'Usuario desconocido o contraseña incorrecta',
  );

/**
 * Sign-in: throttle (LoginThrottle: the address's attempts, the name from this address and from everywhere, the
 * account's sign-ins), check the password in the bounded pool where the client's address holds at most its share (the
 * unknown-account hash when the name is unknown, so a refusal costs the same), record the outcome in the sign-in
 * journal, and on success start a session (its own stream) and issue an access token and a refresh token. A hash of
 * older parameters is replaced after a successful sign-in.
 */
@Injectable()
export class SignInService {
  private readonly logger = new Logger('Auth');

  constructor(
    private readonly directory: UserDirectory,
    private readonly overlay: PasswordOverlay,
    private readonly pool: PasswordCheckPool,
    private readonly throttle: LoginThrottle,
    private readonly state: AuthState,
    private readonly commands: CommandBus,
    private readonly tokens: AccessTokens,
    private readonly activity: AuthActivityLog,
    private readonly env: EnvironmentVariables,
    private readonly metrics: Metrics,
  ) {}

  async signIn(username: string, password: string, client: ClientInfo): Promise<SessionTokens> {
    const correlationId = currentCorrelationId() ?? randomUUID();
    const seen = { address: client.address, userAgent: client.userAgent };
    const admission = await this.throttled(username, seen, correlationId, () =>
      this.throttle.admit(username, client.address),
    );

    const account = this.directory.find(username);
    // The same steps for an unknown name (the overlay read included), so the answer takes as long.
    const stored = await this.overlay.hashFor(username, account?.passwordHash ?? UNKNOWN_ACCOUNT_HASH);
    // A full pool (503) or an address over its share of it (429) checked nothing: neither counts as a failure.
    const matches = await this.pool.run(() => verifyPassword(password, stored), client.address);
    const status = account ? await this.state.account(account.id) : undefined;
    const failure: LoginFailureReason | undefined = !account
      ? 'unknown-account'
      : !matches
        ? 'wrong-password'
        : status?.disabled
          ? 'account-disabled'
          : undefined;
    if (failure || !account) {
      this.metrics.loginFailures.inc({ reason: failure ?? 'unknown-account' });
      await this.activity.record('LoginFailed', { ...seen, username, reason: failure ?? null }, AUTH_SERVICE_ACTOR, {
        correlationId,
      });
      for (const lockout of await this.throttle.failed(admission)) {
        await this.recordLockout(lockout, username, seen, correlationId);
      }
      throw signInRefused();
    }

    const pause = await this.throttled(username, seen, correlationId, () => this.throttle.startingSession(admission));
    const refresh = newRefreshToken();
    const actor = actorOf(account);
    const { outcome } = await this.commands.execute(
      new ActOnSession(
        refresh.sessionId,
        {
          type: 'StartSession',
          data: {
            sessionId: refresh.sessionId,
            username: account.id,
            agency: account.agency,
            country: account.country,
            role: account.role,
            refreshTokenHash: refresh.hash,
            idleSeconds: this.env.REFRESH_TOKEN_TTL_SECONDS,
            maxSeconds: this.env.SESSION_MAX_SECONDS,
            ...seen,
          },
        },
        { actor, correlationId },
      ),
    );
    await this.throttle.succeeded(admission);
    await this.activity.record(
      'LoginSucceeded',
      { ...seen, username: account.id, sessionId: refresh.sessionId },
      actor,
      {
        correlationId,
        decisionId: outcome.events[0]!.id,
      },
    );
    if (pause) await this.recordLockout(pause, account.id, seen, correlationId);
    if (needsRehash(stored)) this.rehashLater(account, password);
    const session = outcome.state;
    if (session.status === 'none') throw new Error('StartSession decided no session');
    return this.tokensFor(account, refresh.sessionId, refresh.token, session.refreshExpiresAt, session.expiresAt);
  }

  /** Runs a throttle step; a refusal that starts a lockout is recorded (once) before it is passed on. */
  private async throttled<T>(
    username: string,
    seen: Pick<ClientInfo, 'address' | 'userAgent'>,
    correlationId: string,
    step: () => Promise<T>,
  ): Promise<T> {
    try {
      return await step();
    } catch (error) {
      if (error instanceof LoginThrottledError && error.started) {
        await this.recordLockout(error, username, seen, correlationId);
      }
      throw error;
    }
  }

  private async recordLockout(
    lockout: LoginThrottledError,
    username: string,
    seen: Pick<ClientInfo, 'address' | 'userAgent'>,
    correlationId: string,
  ): Promise<void> {
    this.logger.warn(`Sign-in lockout (${lockout.scope}) of ${username} from ${seen.address}`);
    this.metrics.lockouts.inc({ scope: lockout.scope });
    await this.activity.record(
      'LoginLockedOut',
      { ...seen, username, reason: lockout.scope, until: lockout.until.toISOString() },
      AUTH_SERVICE_ACTOR,
      { correlationId },
    );
  }

  tokensFor(
    account: UserAccount,
    sessionId: string,
    refreshToken: string,
    refreshExpiresAt: string,
    sessionExpiresAt: string,
  ): SessionTokens {
    const access = this.tokens.issue({
      sub: account.id,
      sid: sessionId,
      role: account.role,
      country: account.country,
      agency: account.agency,
      name: account.displayName,
    });
    return {
      accessToken: access.token,
      tokenType: 'Bearer',
      expiresIn: access.expiresIn,
      refreshToken,
      refreshExpiresAt,
      sessionExpiresAt,
      user: {
        username: account.id,
        displayName: account.displayName,
        agency: account.agency,
        country: account.country,
        role: account.role,
      },
    };
  }

  /** After the answer, when a slot is free: the new hash goes to the overlay (config/ stays untouched). */
  private rehashLater(account: UserAccount, password: string): void {
    setImmediate(() => {
      this.pool
        .run(() => hashPassword(password))
        .then((hash) => this.overlay.upgrade(account.id, account.passwordHash, hash))
        .then(() => this.logger.log(`Re-hashed the password of ${account.id} at the current scrypt parameters`))
        .catch((error: unknown) => {
          if (!(error instanceof PasswordCheckPoolFullError)) {
            this.logger.warn(`Could not re-hash the password of ${account.id}: ${String(error)}`);
          }
        });
    });
  }
}
