// The signed-in session: the api's access token and who it belongs to, kept in localStorage so that a reload keeps
// the officer signed in, and dropped on the client as soon as the token's `exp` passes (the api would refuse it).
import type { LoginResponse, Role, SessionUser, Side } from '../api/types';

export const SESSION_KEY = 'enlace.session';

export interface Session {
  token: string;
  user: SessionUser;
  /** When the token expires (ms since the epoch), from its `exp` claim. */
  expiresAt: number;
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

/** The session a login answer opens, or undefined when its token carries no expiry. */
export function sessionFromLogin(login: LoginResponse): Session | undefined {
  const exp = decodeJwtPayload(login.accessToken)?.exp;
  if (typeof exp !== 'number') return undefined;
  return { token: login.accessToken, user: login.user, expiresAt: exp * 1000 };
}

export function isExpired(session: Session, now: number): boolean {
  return now >= session.expiresAt;
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
      typeof value.expiresAt !== 'number' ||
      typeof user?.username !== 'string' ||
      typeof user.displayName !== 'string' ||
      typeof user.agency !== 'string' ||
      !SIDES.includes(user.country) ||
      !ROLES.includes(user.role)
    ) {
      return { expired: false };
    }
    const session: Session = { token: value.token, user, expiresAt: value.expiresAt };
    return isExpired(session, now) ? { expired: true } : { session, expired: false };
  } catch {
    return { expired: false };
  }
}

/** Only liaison officers write; the others read (the api answers 403). */
export function canWrite(user: SessionUser): boolean {
  return user.role === 'officer';
}
