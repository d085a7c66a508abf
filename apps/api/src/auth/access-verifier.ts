import { Injectable } from '@nestjs/common';
import { Clock } from '@enlace/clock';
import { type Actor, accountAdmits, sessionInForce } from '@enlace/domain';
import { AccessTokens, type AccessClaims } from './access-tokens.js';
import { authErrors } from './auth-errors.js';
import { AuthState } from './auth-state.js';
import { UserDirectory } from './user-directory.js';

/** Who a valid access token acts for, and until when. */
export interface VerifiedAccess {
  actor: Actor;
  displayName: string;
  sessionId: string;
  /** When the access token expires (ms since the epoch): a console socket is closed then. */
  expiresAt: number;
}

/**
 * The one check of an access token, for every HTTP request and every console handshake and subscribe: signature,
 * issuer, audience, type and lifetime (AccessTokens); the account still in the directory with the same role, side and
 * agency; not disabled since the session began; the session neither ended nor expired. Throws a 401 DomainError.
 */
@Injectable()
export class AccessVerifier {
  constructor(
    private readonly tokens: AccessTokens,
    private readonly directory: UserDirectory,
    private readonly state: AuthState,
    private readonly clock: Clock,
  ) {}

  /** `fresh`: the session read from the store now rather than as followed (see AuthState.session). */
  async verify(token: string, options: { fresh?: boolean } = {}): Promise<VerifiedAccess> {
    return this.admit(this.tokens.verify(token), options);
  }

  /** Checks claims already verified against the directory, the account's status and the session, as of now. */
  async admit(claims: AccessClaims, { fresh = false }: { fresh?: boolean } = {}): Promise<VerifiedAccess> {
    const now = this.clock.now();
    if (now.getTime() >= claims.exp * 1000) throw authErrors.tokenExpired();
    const account = this.directory.find(claims.sub);
    if (
      !account ||
      account.role !== claims.role ||
      account.country !== claims.country ||
      account.agency !== claims.agency
    ) {
      throw authErrors.accountChanged();
    }
    const [session, status] = await Promise.all([
      this.state.session(claims.sid, { fresh }),
      this.state.account(claims.sub),
    ]);
    if (
      !sessionInForce(session, now.toISOString()) ||
      session.username !== claims.sub ||
      this.state.endedLately(claims.sid)
    ) {
      throw authErrors.sessionEnded();
    }
    if (!accountAdmits(status, session.startedAt)) throw authErrors.accountDisabled();
    return {
      actor: { id: account.id, agency: account.agency, country: account.country, role: account.role },
      displayName: account.displayName,
      sessionId: claims.sid,
      expiresAt: claims.exp * 1000,
    };
  }
}
