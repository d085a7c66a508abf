import type { Actor } from '../shared/decider.js';
import { deciderSpecification, NOW, testContext } from '../testing/index.js';
import { MAX_REFRESHES, sessionDecider, sessionInForce, type SessionCommand } from './session.decider.js';
import type { SessionEvent } from './session.events.js';

const holder: Actor = { id: 'officer.mx', agency: 'ANAM', country: 'MX', role: 'officer' };
const spec = deciderSpecification(sessionDecider, () => testContext(holder));
const at = (offsetSeconds: number) => new Date(Date.parse(NOW) + offsetSeconds * 1000).toISOString();

type StartData = Extract<SessionCommand, { type: 'StartSession' }>['data'];

/** Officer.mx signing in from Firefox: what the sign-in says and its `SessionStarted` records as said. */
const SIGN_IN: Omit<StartData, 'idleSeconds' | 'maxSeconds'> = {
  sessionId: 's-1',
  username: 'officer.mx',
  agency: 'ANAM',
  country: 'MX',
  role: 'officer',
  refreshTokenHash: 'hash-1',
  address: '192.0.2.7',
  userAgent: 'Firefox',
};

const started = (overrides: Partial<Extract<SessionEvent, { type: 'SessionStarted' }>['data']> = {}): SessionEvent => ({
  type: 'SessionStarted',
  data: {
    ...SIGN_IN,
    startedAt: at(-600),
    expiresAt: at(12 * 3600 - 600),
    refreshExpiresAt: at(1200),
    ...overrides,
  },
});
const refreshed = (hash: string, refreshExpiresAt = at(1800)): SessionEvent => ({
  type: 'SessionRefreshed',
  data: { sessionId: 's-1', refreshTokenHash: hash, refreshExpiresAt },
});
const revoked = (reason: 'logout' | 'refresh-token-reused'): SessionEvent => ({
  type: 'SessionRevoked',
  data: { sessionId: 's-1', reason },
});
const refresh = (presented: string, next = 'hash-next'): SessionCommand => ({
  type: 'RefreshSession',
  data: { presentedTokenHash: presented, nextTokenHash: next, idleSeconds: 1800 },
});
const start = (overrides: Partial<StartData> = {}): SessionCommand => ({
  type: 'StartSession',
  data: { ...SIGN_IN, idleSeconds: 1800, maxSeconds: 43_200, ...overrides },
});
const logout: SessionCommand = { type: 'EndSession', data: { reason: 'logout' } };

describe('session: starting', () => {
  it('starts with the refresh token expiring after the idle time and the session after its maximum', () => {
    spec
      .given([])
      .when(start())
      .then([started({ startedAt: NOW, expiresAt: at(43_200), refreshExpiresAt: at(1800) })]);
  });

  it('never lets the refresh token outlive the session', () => {
    const [event] = spec
      .given([])
      .when(start({ idleSeconds: 7200, maxSeconds: 3600, address: null, userAgent: null }))
      .events();
    expect(event).toMatchObject({ data: { refreshExpiresAt: at(3600), expiresAt: at(3600) } });
  });

  it('refuses to start a session twice', () => {
    spec
      .given([started()])
      .when(start({ refreshTokenHash: 'hash-2', address: null, userAgent: null }))
      .thenFails('SESSION.EXISTS');
  });
});

describe('session: refreshing rotates the refresh token', () => {
  it('exchanges the current refresh token for the next one and restarts the idle time', () => {
    spec
      .given([started()])
      .when(refresh('hash-1', 'hash-2'))
      .then([refreshed('hash-2')]);
  });

  it('caps the idle time at the end of the session', () => {
    spec
      .given([started({ expiresAt: at(60) })])
      .when(refresh('hash-1', 'hash-2'))
      .then([refreshed('hash-2', at(60))]);
  });

  it('revokes the whole session when a refresh token that was already exchanged comes back', () => {
    spec
      .given([started(), refreshed('hash-2')])
      .when(refresh('hash-1', 'hash-3'))
      .then([revoked('refresh-token-reused')]);
    spec
      .given([started(), refreshed('hash-2'), refreshed('hash-3')])
      .when(refresh('hash-2', 'hash-4'))
      .then([revoked('refresh-token-reused')]);
  });

  it('refuses every refresh of a revoked session, the current token included', () => {
    spec
      .given([started(), refreshed('hash-2'), revoked('refresh-token-reused')])
      .when(refresh('hash-2'))
      .thenFails('SESSION.REVOKED');
    spec
      .given([started(), revoked('logout')])
      .when(refresh('hash-1'))
      .thenFails('SESSION.REVOKED');
  });

  it('refuses a token this session never issued, without ending it', () => {
    spec.given([started()]).when(refresh('hash-forged')).thenFails('SESSION.BAD_REFRESH_TOKEN');
  });

  it('refuses a refresh once the idle time or the session is over', () => {
    spec
      .given([started({ refreshExpiresAt: NOW })])
      .when(refresh('hash-1'))
      .thenFails('SESSION.EXPIRED');
    spec
      .given([started({ expiresAt: NOW })])
      .when(refresh('hash-1'))
      .thenFails('SESSION.EXPIRED');
  });

  it('refuses a session that does not exist', () => {
    spec.given([]).when(refresh('hash-1')).thenFails('SESSION.NOT_FOUND', {});
  });

  it(`asks for a new sign-in after ${MAX_REFRESHES} refreshes`, () => {
    const history = [started(), ...Array.from({ length: MAX_REFRESHES }, (_, i) => refreshed(`hash-${i + 2}`))];
    spec
      .given(history)
      .when(refresh(`hash-${MAX_REFRESHES + 1}`))
      .thenFails('SESSION.TOO_MANY_REFRESHES');
  });
});

describe('session: logout', () => {
  it('revokes the session (access and refresh tokens with it)', () => {
    spec
      .given([started(), refreshed('hash-2')])
      .when(logout)
      .then([revoked('logout')]);
  });

  it('changes nothing when the session already ended, so a retried logout succeeds', () => {
    spec
      .given([started(), revoked('logout')])
      .when(logout)
      .then([]);
  });

  it('is only for the session holder', () => {
    spec
      .given([started()])
      .when(logout, { actor: { id: 'officer.us', agency: 'CBP', country: 'US', role: 'officer' } })
      .thenFails('SESSION.NOT_YOURS');
  });
});

describe('session in force', () => {
  it('is active and before its end', () => {
    const fold = (events: SessionEvent[]) =>
      events.reduce((state, event) => sessionDecider.evolve(state, event, NOW), sessionDecider.initialState());
    expect(sessionInForce(fold([started()]), NOW)).toBe(true);
    expect(sessionInForce(fold([started({ expiresAt: NOW })]), NOW)).toBe(false);
    expect(sessionInForce(fold([started(), revoked('logout')]), NOW)).toBe(false);
    expect(sessionInForce(fold([]), NOW)).toBe(false);
  });
});
