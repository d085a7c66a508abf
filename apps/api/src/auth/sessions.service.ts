import { currentCorrelationId } from '@enlace/logging';
import { Injectable } from '@nestjs/common';
import { ActOnSession, GetSession } from '@enlace/application';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { EnvironmentVariables } from '@enlace/config';
import { type Actor, accountAdmits } from '@enlace/domain';
import { randomUUID } from 'node:crypto';
import { AuthActivityLog } from './auth-activity-log.js';
import { authErrors } from './auth-errors.js';
import { AuthState } from './auth-state.js';
import type { ClientInfo } from './client-info.js';
import { newRefreshToken, readRefreshToken } from './refresh-tokens.js';
import { actorOf, type SessionTokens, SignInService } from './sign-in.service.js';
import { UserDirectory } from './user-directory.js';

/** Refresh (rotating the refresh token, catching a reused one) and logout, each a decision of the session's stream. */
@Injectable()
export class SessionsService {
  constructor(
    private readonly commands: CommandBus,
    private readonly queries: QueryBus,
    private readonly directory: UserDirectory,
    private readonly state: AuthState,
    private readonly activity: AuthActivityLog,
    private readonly signIn: SignInService,
    private readonly env: EnvironmentVariables,
  ) {}

  async refresh(refreshToken: unknown, client: ClientInfo): Promise<SessionTokens> {
    const presented = readRefreshToken(refreshToken);
    if (!presented) throw authErrors.refreshTokenInvalid();
    const { state: session } = await this.queries.execute(new GetSession(presented.sessionId));
    if (session.status === 'none') throw authErrors.refreshTokenInvalid();
    // The account must still be as the session began: in the directory, same role, side and agency, not disabled since.
    const account = this.directory.find(session.username);
    if (
      !account ||
      account.role !== session.role ||
      account.country !== session.country ||
      account.agency !== session.agency
    ) {
      throw authErrors.accountChanged();
    }
    if (!accountAdmits(await this.state.account(account.id), session.startedAt)) throw authErrors.accountDisabled();

    const next = newRefreshToken(presented.sessionId);
    const correlationId = currentCorrelationId() ?? randomUUID();
    const { outcome } = await this.commands.execute(
      new ActOnSession(
        presented.sessionId,
        {
          type: 'RefreshSession',
          data: {
            presentedTokenHash: presented.hash,
            nextTokenHash: next.hash,
            idleSeconds: this.env.REFRESH_TOKEN_TTL_SECONDS,
          },
        },
        { actor: actorOf(account), correlationId },
      ),
    );
    const decided = outcome.events[0];
    if (decided?.type === 'SessionRevoked') {
      this.state.sessionEnded(presented.sessionId);
      await this.activity.record(
        'RefreshTokenReused',
        { username: account.id, sessionId: presented.sessionId, address: client.address, userAgent: client.userAgent },
        actorOf(account),
        { correlationId, decisionId: decided.id },
      );
      throw authErrors.refreshTokenReused();
    }
    const refreshed = outcome.state;
    if (refreshed.status === 'none') throw authErrors.refreshTokenInvalid();
    return this.signIn.tokensFor(
      account,
      presented.sessionId,
      next.token,
      refreshed.refreshExpiresAt,
      refreshed.expiresAt,
    );
  }

  /** Ends the session: its access tokens and its refresh token stop working on every api process. */
  async logout(sessionId: string, actor: Actor, client: ClientInfo): Promise<void> {
    const correlationId = currentCorrelationId() ?? randomUUID();
    const { outcome } = await this.commands.execute(
      new ActOnSession(sessionId, { type: 'EndSession', data: { reason: 'logout' } }, { actor, correlationId }),
    );
    this.state.sessionEnded(sessionId);
    const decided = outcome.events[0];
    if (!decided) return;
    await this.activity.record(
      'LoggedOut',
      { username: actor.id, sessionId, address: client.address, userAgent: client.userAgent },
      actor,
      { correlationId, decisionId: decided.id },
    );
  }
}
