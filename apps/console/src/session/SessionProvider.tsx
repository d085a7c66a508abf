// The session: signed in (token kept across reloads), expired on the client when the token's exp passes, signed out.
import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { setUnauthorizedHandler } from '../api/client';
import type { LoginResponse } from '../api/types';
import { readStoredSession, SESSION_KEY, sessionFromLogin, type Session } from './session';

/** Why the sign-in page is shown, if not for the first time. */
export type SignedOutReason = 'expired' | 'signed-out' | undefined;

interface SessionValue {
  session: Session | undefined;
  reason: SignedOutReason;
  signIn: (login: LoginResponse) => boolean;
  signOut: (reason?: SignedOutReason) => void;
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

export function SessionProvider({ children }: { children: ReactNode }) {
  const [state, setState] = useState<{ session: Session | undefined; reason: SignedOutReason }>(() => {
    const loaded = load();
    if (loaded.expired) store(undefined);
    return { session: loaded.session, reason: loaded.expired ? 'expired' : undefined };
  });

  const signOut = useCallback((reason: SignedOutReason = 'signed-out') => {
    store(undefined);
    setState({ session: undefined, reason });
  }, []);

  const signIn = useCallback((login: LoginResponse) => {
    const session = sessionFromLogin(login);
    if (!session) return false;
    store(session);
    setState({ session, reason: undefined });
    return true;
  }, []);

  // The token expires on the client at its exp (timers longer than ~24 days overflow: checked again then).
  const expiresAt = state.session?.expiresAt;
  useEffect(() => {
    if (expiresAt === undefined) return;
    const timer = window.setTimeout(
      () => {
        if (Date.now() >= expiresAt) signOut('expired');
      },
      Math.min(Math.max(0, expiresAt - Date.now()) + 50, 2_000_000_000),
    );
    return () => window.clearTimeout(timer);
  }, [expiresAt, signOut]);

  // The api refusing the token (401) ends the session too; another tab signing out ends this one.
  useEffect(() => {
    setUnauthorizedHandler(() => signOut('expired'));
    const onStorage = (event: StorageEvent) => {
      if (event.key === SESSION_KEY && event.newValue === null) signOut('signed-out');
    };
    window.addEventListener('storage', onStorage);
    return () => {
      setUnauthorizedHandler(undefined);
      window.removeEventListener('storage', onStorage);
    };
  }, [signOut]);

  const value = useMemo(
    () => ({ session: state.session, reason: state.reason, signIn, signOut }),
    [state, signIn, signOut],
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
