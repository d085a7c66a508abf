import { Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { Clock } from '@enlace/clock';
import { EnvironmentVariables } from '@enlace/config';
import { isPersonRole, isSide, type PersonRole, type Side } from '@enlace/domain';
import { authErrors } from './auth-errors.js';

/** RFC 9068's media type for JWT access tokens: a token of another kind is refused even if signed with our key. */
export const ACCESS_TOKEN_TYPE = 'at+jwt';
/** Clocks of the api processes may differ by this much. */
const CLOCK_TOLERANCE_SECONDS = 5;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** What an access token says, once its signature, issuer, audience, type and lifetime have been checked. */
export interface AccessClaims {
  sub: string;
  /** The session it belongs to (revoked with it). */
  sid: string;
  role: PersonRole;
  country: Side;
  agency: string;
  name: string;
  iat: number;
  exp: number;
}

export interface IssuedAccessToken {
  token: string;
  /** Seconds since the epoch. */
  expiresAt: number;
  expiresIn: number;
}

/** Signs and checks access tokens (HS256 with the signing secret; see signing-secret.ts). */
@Injectable()
export class AccessTokens {
  private readonly ttl: number;

  constructor(
    private readonly jwt: JwtService,
    private readonly env: EnvironmentVariables,
    private readonly clock: Clock,
  ) {
    this.ttl = env.ACCESS_TOKEN_TTL_SECONDS;
  }

  issue(holder: Omit<AccessClaims, 'iat' | 'exp'>): IssuedAccessToken {
    const iat = Math.floor(this.clock.nowMs() / 1000);
    const { sub, ...claims } = holder;
    const token = this.jwt.sign(
      { ...claims, iat },
      {
        subject: sub,
        issuer: this.env.JWT_ISSUER,
        audience: this.env.JWT_AUDIENCE,
        expiresIn: this.ttl,
        header: { alg: 'HS256', typ: ACCESS_TOKEN_TYPE },
      },
    );
    return { token, expiresAt: iat + this.ttl, expiresIn: this.ttl };
  }

  /** The token's claims, or a 401 error saying whether it expired (refresh) or is no good (sign in). */
  verify(token: string): AccessClaims {
    let decoded: { header: { typ?: unknown }; payload: Record<string, unknown> };
    const now = this.clock.nowMs() / 1000;
    try {
      decoded = this.jwt.verify(token, {
        algorithms: ['HS256'],
        issuer: this.env.JWT_ISSUER,
        audience: this.env.JWT_AUDIENCE,
        clockTolerance: CLOCK_TOLERANCE_SECONDS,
        clockTimestamp: Math.floor(now),
        complete: true,
      });
    } catch (error) {
      throw (error as Error).name === 'TokenExpiredError' ? authErrors.tokenExpired() : authErrors.tokenInvalid();
    }
    const { header, payload } = decoded;
    const { sub, sid, role, country, agency, name, iat, exp } = payload;
    const wellFormed =
      header.typ === ACCESS_TOKEN_TYPE &&
      typeof sub === 'string' &&
      typeof sid === 'string' &&
      UUID.test(sid) &&
      isPersonRole(role) &&
      isSide(country) &&
      typeof agency === 'string' &&
      typeof name === 'string' &&
      typeof iat === 'number' &&
      typeof exp === 'number' &&
      // jsonwebtoken accepts a token without exp, and trusts iat: neither would do for a token that must end soon.
      iat <= now + CLOCK_TOLERANCE_SECONDS &&
      exp > iat &&
      exp - iat <= this.ttl;
    if (!wellFormed) throw authErrors.tokenInvalid();
    return { sub, sid, role, country, agency, name, iat, exp };
  }
}
