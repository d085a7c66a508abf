// The read models for the views (useResource) and the writes (useWrite), over one ResourceStore per session.
import {
  createContext,
  useCallback,
  useContext,
  useEffect,
  useRef,
  useState,
  useSyncExternalStore,
  type ReactNode,
} from 'react';
import { type ApiError, asApiError, request } from '../api/client';
import { fingerprintOf, keyForAttempt, type PendingAction } from '../api/idempotency';
import type { WriteResult } from '../api/types';
import { writtenResources } from '../live/feed-state';
import { ResourceStore, type ResourceSnapshot } from './resources';

const StoreContext = createContext<ResourceStore | null>(null);

/** `currentToken`: the session's freshest access token (renewed every few minutes), read at each request. */
export function DataProvider({
  currentToken,
  children,
}: {
  currentToken: () => string | undefined;
  children: ReactNode;
}) {
  const [store] = useState(() => new ResourceStore((path) => request('GET', path, { token: currentToken() })));
  useEffect(() => () => store.dispose(), [store]);
  return <StoreContext.Provider value={store}>{children}</StoreContext.Provider>;
}

export function useStore(): ResourceStore {
  const store = useContext(StoreContext);
  if (!store) throw new Error('useStore outside DataProvider');
  return store;
}

const NOTHING: ResourceSnapshot = { data: undefined, error: undefined, loading: false, fetchedAt: undefined };

/** A read model on screen: fetched when shown, fetched again when live events make it stale. `null`: nothing. */
export function useResource<T>(path: string | null): ResourceSnapshot<T> & { retry: () => void } {
  const store = useStore();
  const subscribe = useCallback(
    (listener: () => void) => (path ? store.subscribe(path, listener) : () => undefined),
    [store, path],
  );
  const getSnapshot = useCallback(
    () => (path ? store.snapshot<T>(path) : (NOTHING as ResourceSnapshot<T>)),
    [store, path],
  );
  const snapshot = useSyncExternalStore(subscribe, getSnapshot);
  const retry = useCallback(() => {
    if (path) store.refresh(path);
  }, [store, path]);
  return { ...snapshot, retry };
}

export interface WriteState {
  pending: boolean;
  error: ApiError | undefined;
}

/**
 * One write action (a form, a button): sends the request with an Idempotency-Key kept for retries of the same
 * request, and on success makes what it changed stale at the write's position (read-your-writes).
 */
export function useWrite(token: string) {
  const store = useStore();
  const [state, setState] = useState<WriteState>({ pending: false, error: undefined });
  const pendingAction = useRef<PendingAction | undefined>(undefined);

  const run = useCallback(
    async (method: string, path: string, body: unknown, options: { ifMatch?: number; world?: 'live' } = {}) => {
      const attempt = keyForAttempt(pendingAction.current, fingerprintOf(method, path, body), () =>
        crypto.randomUUID(),
      );
      pendingAction.current = attempt;
      setState({ pending: true, error: undefined });
      try {
        const result = await request<WriteResult>(method, path, {
          token,
          body,
          idempotencyKey: attempt.key,
          ...(options.ifMatch !== undefined ? { ifMatch: options.ifMatch } : {}),
          ...(options.world ? { world: options.world } : {}),
        });
        pendingAction.current = undefined;
        setState({ pending: false, error: undefined });
        store.invalidate(writtenResources(path), result.position);
        return result;
      } catch (error) {
        const apiError = asApiError(error);
        // A refusal (4xx) will not change on retry: the next attempt is a new action.
        if (apiError.status >= 400 && apiError.status < 500) pendingAction.current = undefined;
        setState({ pending: false, error: apiError });
        return undefined;
      }
    },
    [store, token],
  );

  const reset = useCallback(() => setState({ pending: false, error: undefined }), []);
  return { ...state, run, reset };
}
