import { describe, expect, it } from '@jest/globals';
import type { LoginResponse } from '../api/types';
import {
  canManageAccounts,
  canReadOutbox,
  canReadSignInActivity,
  canWrite,
  decodeJwtPayload,
  readStoredSession,
  refreshDelay,
  sessionFromLogin,
  type Session,
} from './session';

function jwt(claims: Record<string, unknown>): string {
  const encode = (value: unknown) =>
    btoa(String.fromCharCode(...new TextEncoder().encode(JSON.stringify(value))))
      .replace(/\+/g, '-')
      .replace(/\//g, '_')
      .replace(/=+$/, '');
  return `${encode({ alg: 'HS256', typ: 'at+jwt' })}.${encode(claims)}.signature`;
}

const user = {
  username: 'officer.mx',
  displayName: 'Mariana Treviño',
  agency: 'ANAM',
  country: 'MX',
  role: 'officer',
} as const;

const login = (claims: Record<string, unknown>): LoginResponse => ({
  accessToken: jwt(claims),
  tokenType: 'Bearer',
  expiresIn: 900,
  refreshToken: 'sid.secret',
  refreshExpiresAt: '2027-01-15T08:30:00.000Z',
  sessionExpiresAt: '2027-01-15T20:00:00.000Z',
  user,
});

describe('session', () => {
  it('reads exp and the session id from the token (UTF-8 names included), and the refresh times', () => {
    const answer = login({ sub: 'officer.mx', sid: 's-1', name: 'Mariana Treviño', exp: 1_800_000_000 });
    expect(decodeJwtPayload(answer.accessToken)).toMatchObject({ name: 'Mariana Treviño', exp: 1_800_000_000 });
    expect(sessionFromLogin(answer)).toEqual({
      token: answer.accessToken,
      refreshToken: 'sid.secret',
      sessionId: 's-1',
      user,
      expiresAt: 1_800_000_000_000,
      refreshExpiresAt: Date.parse('2027-01-15T08:30:00.000Z'),
      sessionExpiresAt: Date.parse('2027-01-15T20:00:00.000Z'),
    });
  });

  it('refuses a token without exp or session, or an answer without a refresh token', () => {
    expect(sessionFromLogin(login({ sub: 'x', sid: 's' }))).toBeUndefined();
    expect(sessionFromLogin(login({ sub: 'x', exp: 5 }))).toBeUndefined();
    expect(sessionFromLogin({ ...login({ sid: 's', exp: 5 }), refreshExpiresAt: 'soon' })).toBeUndefined();
    expect(decodeJwtPayload('not-a-token')).toBeUndefined();
  });

  const session: Session = {
    token: 't',
    refreshToken: 'r',
    sessionId: 's',
    user,
    expiresAt: 1_000,
    refreshExpiresAt: 2_000,
    sessionExpiresAt: 3_000,
  };

  it('survives a reload, an expired access token included, until it can no longer be refreshed', () => {
    const raw = JSON.stringify(session);
    expect(readStoredSession(raw, 1_500)).toEqual({ session, expired: false });
    expect(readStoredSession(raw, 2_000)).toEqual({ expired: true });
    expect(readStoredSession(JSON.stringify({ ...session, sessionExpiresAt: 1_200 }), 1_500)).toEqual({
      expired: true,
    });
  });

  it('ignores what is not a session, a session stored before refresh tokens included', () => {
    expect(readStoredSession(null, 0)).toEqual({ expired: false });
    expect(readStoredSession('{', 0)).toEqual({ expired: false });
    expect(readStoredSession(JSON.stringify({ token: 't', expiresAt: 5, user }), 0)).toEqual({ expired: false });
    expect(readStoredSession(JSON.stringify({ ...session, user: { ...user, role: 'root' } }), 0)).toEqual({
      expired: false,
    });
  });

  it('renews the access token a minute before it expires, a fifth of its life if shorter, at once if late', () => {
    const fifteen = { ...session, expiresAt: 900_000 };
    expect(refreshDelay(fifteen, 0)).toBe(840_000);
    expect(refreshDelay({ ...session, expiresAt: 5_000 }, 0, 5_000)).toBe(4_000);
    expect(refreshDelay(fifteen, 899_000)).toBe(0);
  });

  it('lets only officers write, admins manage accounts, auditors and admins read the sign-in activity', () => {
    expect(canWrite(user)).toBe(true);
    expect(canWrite({ ...user, role: 'auditor' })).toBe(false);
    expect(canManageAccounts({ ...user, role: 'admin' })).toBe(true);
    expect(canManageAccounts({ ...user, role: 'auditor' })).toBe(false);
    expect(canReadSignInActivity({ ...user, role: 'auditor' })).toBe(true);
    expect(canReadSignInActivity({ ...user, role: 'admin' })).toBe(true);
    expect(canReadSignInActivity(user)).toBe(false);
    expect(canReadOutbox({ ...user, role: 'admin' })).toBe(true);
    expect(['officer', 'planner', 'auditor'].map((role) => canReadOutbox({ ...user, role } as typeof user))).toEqual([
      false,
      false,
      false,
    ]);
  });
});
