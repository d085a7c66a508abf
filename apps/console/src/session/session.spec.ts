import { describe, expect, it } from '@jest/globals';
import { canWrite, decodeJwtPayload, readStoredSession, sessionFromLogin, type Session } from './session';

function jwt(claims: Record<string, unknown>): string {
  const encode = (value: unknown) =>
    btoa(String.fromCharCode(...new TextEncoder().encode(JSON.stringify(value))))
      .replace(/\+/g, '-')
      .replace(/\//g, '_')
      .replace(/=+$/, '');
  return `${encode({ alg: 'HS256', typ: 'JWT' })}.${encode(claims)}.signature`;
}

const user = {
  username: 'officer.mx',
  displayName: 'Mariana Treviño',
  agency: 'ANAM',
  country: 'MX',
  role: 'officer',
} as const;

describe('session', () => {
  it('reads exp from the token (UTF-8 names included) and expires then', () => {
    const token = jwt({ sub: 'officer.mx', name: 'Mariana Treviño', exp: 1_800_000_000 });
    expect(decodeJwtPayload(token)).toMatchObject({ name: 'Mariana Treviño', exp: 1_800_000_000 });
    const session = sessionFromLogin({ accessToken: token, tokenType: 'Bearer', expiresIn: 43200, user });
    expect(session?.expiresAt).toBe(1_800_000_000_000);
  });

  it('refuses a token without exp', () => {
    expect(
      sessionFromLogin({ accessToken: jwt({ sub: 'x' }), tokenType: 'Bearer', expiresIn: 1, user }),
    ).toBeUndefined();
    expect(decodeJwtPayload('not-a-token')).toBeUndefined();
  });

  it('survives a reload until it expires', () => {
    const session: Session = { token: 't', user, expiresAt: 2_000 };
    const raw = JSON.stringify(session);
    expect(readStoredSession(raw, 1_999)).toEqual({ session, expired: false });
    expect(readStoredSession(raw, 2_000)).toEqual({ expired: true });
  });

  it('ignores what is not a session', () => {
    expect(readStoredSession(null, 0)).toEqual({ expired: false });
    expect(readStoredSession('{', 0)).toEqual({ expired: false });
    expect(readStoredSession(JSON.stringify({ token: 't', expiresAt: 5, user: { ...user, role: 'root' } }), 0)).toEqual(
      {
        expired: false,
      },
    );
  });

  it('lets only officers write', () => {
    expect(canWrite(user)).toBe(true);
    expect(canWrite({ ...user, role: 'auditor' })).toBe(false);
  });
});
