import type { Side } from '../shared/side.js';
import type { AuthActivityData, AuthActivityType } from './auth-activity.js';
import type { PersonRole } from './person.js';

/**
 * What the api answers about sign-in, sessions and accounts: one declaration, which the api returns and the browser
 * console reads (types only; nothing here runs).
 */

/** Who a session is for, as the console shows it. */
export interface SessionUser {
  username: string;
  displayName: string;
  agency: string;
  country: Side;
  role: PersonRole;
}

/** What a sign-in or a refresh hands the client (POST /api/auth/login, POST /api/auth/refresh). */
export interface SessionTokens {
  accessToken: string;
  tokenType: 'Bearer';
  /** Seconds the access token lives. */
  expiresIn: number;
  /** Good for one refresh; rotated every time. */
  refreshToken: string;
  /** When the refresh token expires unless used (the idle timeout), ISO-8601. */
  refreshExpiresAt: string;
  /** When the session ends however active, ISO-8601. */
  sessionExpiresAt: string;
  user: SessionUser;
}

/** A directory account as admins see it (GET /api/admin/accounts). */
export interface AccountView {
  username: string;
  displayName: string;
  agency: string;
  country: Side;
  role: PersonRole;
  status: 'enabled' | 'disabled';
  /**
   * Until when the account is refused from every address it has not signed in from lately (too many failures within
   * the hour, from everywhere), if it is.
   */
  lockedUntil: string | null;
  /** Addresses locked out of the account now (those whose lockouts end last, at most 20), and how many in all. */
  lockedAddresses: { address: string; until: string }[];
  lockedAddressCount: number;
  /** Until when no new session starts (too many sign-ins lately), if so. */
  signInsPausedUntil: string | null;
  /** Failed sign-ins of the name within the hour, from every address. */
  recentFailures: number;
}

/** One entry of the sign-in activity, as auditors read it (GET /api/auth/activity). */
export interface AuthActivityEntry extends AuthActivityData {
  /** The entry's place in the log: pass it as `before` to read older entries. */
  revision: number;
  type: AuthActivityType;
  recordedAt: string;
  /** Who did it: the account for its own sign-in and logout, the admin for account changes, `system:auth` otherwise. */
  actor: string;
  actorRole: string;
}

export interface AuthActivityPage {
  entries: AuthActivityEntry[];
  /** Pass as `before` for the next (older) page; null when this is the oldest. */
  next: number | null;
}
