// The session: signed in (kept across reloads and shared by tabs), its access token renewed before it expires and
// when the api refuses it, ended on logout (revoked on the server), on expiry, or when another tab signs out.
import { createContext, useCallback, useContext, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { ApiError, request, setSessionHandlers } from '../api/client';
import type { LoginResponse } from '../api/types';
import { isExpired, readStoredSession, refreshDelay, SESSION_KEY, sessionFromLogin, type Session } from './session';

/** Why the sign-in page is shown, if not for the first time. */
/** `ended`: by the server before its time (signed out elsewhere, or the account disabled or changed by an admin). */
export type SignedOutReason = 'expired' | 'ended' | 'signed-out' | undefined;

interface SessionValue {
  session: Session | undefined;
  reason: SignedOutReason;
  signIn: (login: LoginResponse) => boolean;
  /** Ends the session here; with 'signed-out' it is also revoked on the server first. */
  signOut: (reason?: SignedOutReason) => void;
  /** Renews the access token now (at most one renewal at a time, across tabs); undefined when the session is over. */
  refresh: () => Promise<string | undefined>;
  /** The freshest access token (for connections that outlive a render, like the live feed). */
  currentToken: () => string | undefined;
}

const SessionContext = createContext<SessionValue | null>(null);

function load(): { session?: Session; expired: boolean } {
  try {
    return readStoredSession(window.localStorage.getItem(SESSION_KEY), Date.now());
  } catch {
    return { expired: false };
  }
}

function store(session: Session | undefined): void {
  try {
    if (session) window.localStorage.setItem(SESSION_KEY, JSON.stringify(session));
    else window.localStorage.removeItem(SESSION_KEY);
  } catch {
    // storage unavailable: the session lasts for this page only
  }
}

/**
 * Runs `task` while holding the tabs' refresh lock (Web Locks), so that two tabs never spend the same refresh token:
 * the api would take the second use for a stolen token and end the session.
 */
function exclusively<T>(task: () => Promise<T>): Promise<T> {
  const locks = (navigator as Navigator & { locks?: LockManager }).locks;
  return locks ? locks.request('enlace.session.refresh', task) : task();
}

export function SessionProvider({ children }: { children: ReactNode }) {
  const [state, setState] = useState<{ session: Session | undefined; reason: SignedOutReason }>(() => {
    const loaded = load();
    if (loaded.expired) store(undefined);
    return { session: loaded.session, reason: loaded.expired ? 'expired' : undefined };
  });
  const current = useRef(state.session);
  useEffect(() => {
    current.current = state.session;
  }, [state.session]);
  const refreshing = useRef<Promise<string | undefined> | undefined>(undefined);

  const end = useCallback((reason: SignedOutReason) => {
    store(undefined);
    current.current = undefined;
    setState({ session: undefined, reason });
  }, []);

  const adopt = useCallback((session: Session) => {
    store(session);
    current.current = session;
    setState({ session, reason: undefined });
  }, []);

  const refresh = useCallback((): Promise<string | undefined> => {
    refreshing.current ??= exclusively(async () => {
      const mine = current.current;
      if (!mine) return undefined;
      // Another tab may have renewed it while this one waited for the lock: take its tokens.
      const stored = load().session;
      if (stored && stored.sessionId === mine.sessionId && stored.refreshToken !== mine.refreshToken) {
        adopt(stored);
        return stored.token;
      }
      try {
        const answer = await request<LoginResponse>('POST', '/api/auth/refresh', {
          body: { refreshToken: mine.refreshToken },
        });
        const next = sessionFromLogin(answer);
        if (!next) throw new Error('no session in the refresh answer');
        adopt(next);
        return next.token;
      } catch (error) {
        // Refused: the session is over. Unreachable: keep it, and try again later.
        if (error instanceof ApiError && error.status === 401) end('expired');
        return undefined;
      }
    }).finally(() => {
      refreshing.current = undefined;
    });
    return refreshing.current;
  }, [adopt, end]);

  const signOut = useCallback(
    (reason: SignedOutReason = 'signed-out') => {
      const session = current.current;
      if (reason !== 'signed-out' || !session) {
        end(reason);
        return;
      }
      // Revoked on the server first (its access and refresh tokens; an expired access token is renewed for it), then
      // signed out here whatever the answer.
      request('POST', '/api/auth/logout', { token: session.token })
        .catch(() => undefined)
        .finally(() => end(reason));
    },
    [end],
  );

  const signIn = useCallback(
    (login: LoginResponse) => {
      const session = sessionFromLogin(login);
      if (!session) return false;
      adopt(session);
      return true;
    },
    [adopt],
  );

  // Renew the access token a minute before it expires; past the refresh token's expiry the session is over.
  const session = state.session;
  useEffect(() => {
    if (!session) return;
    const now = Date.now();
    const remaining = Math.max(session.expiresAt - now, 1_000);
    const timer = isExpired(session, now)
      ? window.setTimeout(() => end('expired'), 0)
      : window.setTimeout(() => void refresh(), Math.min(refreshDelay(session, now, remaining), 2_000_000_000));
    return () => window.clearTimeout(timer);
  }, [session, refresh, end]);

  // Requests that meet a 401 renew the token once through here; another tab signing out or in changes this one.
  useEffect(() => {
    setSessionHandlers({ refresh });
    const onStorage = (event: StorageEvent) => {
      if (event.key !== SESSION_KEY) return;
      if (event.newValue === null) {
        if (current.current) end('signed-out');
        return;
      }
      const stored = load().session;
      if (stored && stored.token !== current.current?.token) {
        current.current = stored;
        setState({ session: stored, reason: undefined });
      }
    };
    window.addEventListener('storage', onStorage);
    return () => {
      setSessionHandlers(undefined);
      window.removeEventListener('storage', onStorage);
    };
  }, [refresh, end]);

  const currentToken = useCallback(() => current.current?.token, []);
  const value = useMemo(
    () => ({ session: state.session, reason: state.reason, signIn, signOut, refresh, currentToken }),
    [state, signIn, signOut, refresh, currentToken],
  );
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

export function useSession(): SessionValue {
  const value = useContext(SessionContext);
  if (!value) throw new Error('useSession outside SessionProvider');
  return value;
}

/** The session of a signed-in page (the console's views are only rendered with one). */
export function useSignedIn(): Session {
  const { session } = useSession();
  if (!session) throw new Error('useSignedIn without a session');
  return session;
}
