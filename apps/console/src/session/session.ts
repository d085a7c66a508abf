// The signed-in session: the api's access token, the refresh token that renews it, and who they belong to, kept in
// localStorage so that a reload (or another tab) keeps the officer signed in. The access token lives 15 minutes and
// is renewed before it expires; the session is over when the refresh token (or the session itself) expires.
import type { LoginResponse, Role, SessionUser, Side } from '../api/types';

export const SESSION_KEY = 'enlace.session';

export interface Session {
  token: string;
  refreshToken: string;
  /** The session's id (the access token's `sid`): the same across refreshes. */
  sessionId: string;
  user: SessionUser;
  /** When the access token expires (ms since the epoch), from its `exp` claim. */
  expiresAt: number;
  /** When the refresh token expires unless used (ms). */
  refreshExpiresAt: number;
  /** When the session ends however active (ms). */
  sessionExpiresAt: number;
}

/** The claims of a JWT's payload, without checking its signature (the api does that): only to read `exp`. */
export function decodeJwtPayload(token: string): Record<string, unknown> | undefined {
  const payload = token.split('.')[1];
  if (!payload) return undefined;
  try {
    const base64 = payload
      .replace(/-/g, '+')
      .replace(/_/g, '/')
      .padEnd(Math.ceil(payload.length / 4) * 4, '=');
    const json = new TextDecoder().decode(Uint8Array.from(atob(base64), (c) => c.charCodeAt(0)));
    const claims: unknown = JSON.parse(json);
    return claims && typeof claims === 'object' ? (claims as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}

/** The session a login (or refresh) answer opens, or undefined when its token carries no expiry or session. */
export function sessionFromLogin(login: LoginResponse): Session | undefined {
  const claims = decodeJwtPayload(login.accessToken);
  const refreshExpiresAt = Date.parse(login.refreshExpiresAt);
  const sessionExpiresAt = Date.parse(login.sessionExpiresAt);
  if (typeof claims?.exp !== 'number' || typeof claims.sid !== 'string') return undefined;
  if (typeof login.refreshToken !== 'string' || Number.isNaN(refreshExpiresAt) || Number.isNaN(sessionExpiresAt)) {
    return undefined;
  }
  return {
    token: login.accessToken,
    refreshToken: login.refreshToken,
    sessionId: claims.sid,
    user: login.user,
    expiresAt: claims.exp * 1000,
    refreshExpiresAt,
    sessionExpiresAt,
  };
}

/** Over: nothing can renew it (the refresh token or the session expired). */
export function isExpired(session: Session, now: number): boolean {
  return now >= Math.min(session.refreshExpiresAt, session.sessionExpiresAt);
}

/**
 * When to renew the access token: a minute before it expires (a fifth of its life if that is shorter), so that
 * requests and the live feed never carry an expired one; at once if that moment has passed.
 */
export function refreshDelay(session: Session, now: number, lifetimeMs = 15 * 60_000): number {
  const margin = Math.min(60_000, lifetimeMs / 5);
  return Math.max(0, session.expiresAt - margin - now);
}

const ROLES: readonly Role[] = ['officer', 'planner', 'auditor', 'admin', 'system'];
const SIDES: readonly Side[] = ['US', 'MX'];

/** Reads a stored session; anything malformed or expired counts as none (and says which, for the sign-in page). */
export function readStoredSession(raw: string | null, now: number): { session?: Session; expired: boolean } {
  if (!raw) return { expired: false };
  try {
    const value = JSON.parse(raw) as Partial<Session> | null;
    const user = value?.user;
    if (
      typeof value?.token !== 'string' ||
      typeof value.refreshToken !== 'string' ||
      typeof value.sessionId !== 'string' ||
      typeof value.expiresAt !== 'number' ||
      typeof value.refreshExpiresAt !== 'number' ||
      typeof value.sessionExpiresAt !== 'number' ||
      typeof user?.username !== 'string' ||
      typeof user.displayName !== 'string' ||
      typeof user.agency !== 'string' ||
      !SIDES.includes(user.country) ||
      !ROLES.includes(user.role)
    ) {
      return { expired: false };
    }
    const session: Session = {
      token: value.token,
      refreshToken: value.refreshToken,
      sessionId: value.sessionId,
      user,
      expiresAt: value.expiresAt,
      refreshExpiresAt: value.refreshExpiresAt,
      sessionExpiresAt: value.sessionExpiresAt,
    };
    return isExpired(session, now) ? { expired: true } : { session, expired: false };
  } catch {
    return { expired: false };
  }
}

/** Only liaison officers write; the others read (the api answers 403). */
export function canWrite(user: SessionUser): boolean {
  return user.role === 'officer';
}

/** Admins manage accounts. */
export function canManageAccounts(user: SessionUser): boolean {
  return user.role === 'admin';
}

/** Admins read the local outbox (the e-mails and webhooks the embedded default keeps instead of sending). */
export function canReadOutbox(user: SessionUser): boolean {
  return user.role === 'admin';
}

/** Auditors and admins read the sign-in journal. */
export function canReadSignInActivity(user: SessionUser): boolean {
  return user.role === 'auditor' || user.role === 'admin';
}

/** Planners and admins plan drills from the scenarios; auditors read them. */
export function canReadScenarios(user: SessionUser): boolean {
  return user.role === 'planner' || user.role === 'admin' || user.role === 'auditor';
}

/** Planners and admins plan and control drills. */
export function canPlanDrills(user: SessionUser): boolean {
  return user.role === 'planner' || user.role === 'admin';
}

/** Auditors and admins read the whole record: its history, its proofs and its verification. */
export function canAudit(user: SessionUser): boolean {
  return user.role === 'auditor' || user.role === 'admin';
}

/** An incident's history as of each of its events: auditors, admins, and the officers who work incidents. */
export function canReadIncidentHistory(user: SessionUser): boolean {
  return canAudit(user) || user.role === 'officer';
}
