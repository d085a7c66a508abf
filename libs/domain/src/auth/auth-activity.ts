/**
 * The sign-in record auditors read: one stream, `auth-log`, appended to (never decided on) for every sign-in, failure,
 * lockout, unlock, refresh-token reuse, logout and account change, newest read first. The decisions themselves live
 * in the session and account streams; this is their journal with who, from where and why.
 */
export const AUTH_LOG_STREAM = 'auth-log';

export const AUTH_ACTIVITY_TYPES = [
  'LoginSucceeded',
  'LoginFailed',
  'LoginLockedOut',
  'LoginUnlocked',
  'RefreshTokenReused',
  'LoggedOut',
  'AccountDisabled',
  'AccountEnabled',
] as const;
export type AuthActivityType = (typeof AUTH_ACTIVITY_TYPES)[number];

/** Why a sign-in was refused (the caller is only ever told "unknown username or wrong password"). */
export type LoginFailureReason = 'unknown-account' | 'wrong-password' | 'account-disabled';

export interface AuthActivityData {
  /** The account name concerned, as typed at sign-in (it may name no account). */
  username: string | null;
  /** The client's address and user agent, when the fact came from a request. */
  address: string | null;
  userAgent: string | null;
  /** A failure's reason, a lockout's scope (`account` or `address`), a disabling's note. */
  reason: string | null;
  sessionId: string | null;
  /** When a lockout ends. */
  until: string | null;
}

export interface AuthActivityEvent {
  type: AuthActivityType;
  data: AuthActivityData;
}
