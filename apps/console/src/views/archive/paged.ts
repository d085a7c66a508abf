// A paged list on screen: the first page when shown (and when its path or version changes), the next ones on demand.
import { useEffect, useState } from 'react';
import { type ApiError, asApiError, requestPage } from '../../api/client';
import { useSignedIn } from '../../session/SessionProvider';

export interface PagedList<T> {
  items: T[];
  more: boolean;
  loading: boolean;
  error: ApiError | undefined;
  loadMore: () => void;
}

interface Loaded<T> {
  key: string;
  items: T[];
  next?: string;
  error?: ApiError;
}

/** The page of `path` starting at `cursor`. */
export function pageAt(path: string, cursor: string | undefined): string {
  return cursor === undefined ? path : `${path}${path.includes('?') ? '&' : '?'}cursor=${encodeURIComponent(cursor)}`;
}

/** `path`: the list's first page (null: nothing to show); `version`: a change reloads it from the first page. */
export function usePagedList<T>(path: string | null, version: string | number = 0): PagedList<T> {
  const { token } = useSignedIn();
  const key = path === null ? null : `${version}\u0000${path}`;
  const [loaded, setLoaded] = useState<Loaded<T> | undefined>(undefined);
  const [loadingMore, setLoadingMore] = useState(false);
  useEffect(() => {
    if (path === null || key === null) return;
    let current = true;
    requestPage<T>(path, { token }).then(
      (page) => {
        if (current) setLoaded({ key, items: page.items, ...(page.next ? { next: page.next } : {}) });
      },
      (error: unknown) => {
        if (current) setLoaded({ key, items: [], error: asApiError(error) });
      },
    );
    return () => {
      current = false;
    };
  }, [path, key, token]);
  const mine = loaded?.key === key ? loaded : undefined;
  return {
    items: mine?.items ?? [],
    more: mine?.next !== undefined,
    loading: (key !== null && mine === undefined) || loadingMore,
    error: mine?.error,
    loadMore: () => {
      if (path === null || !mine?.next) return;
      setLoadingMore(true);
      requestPage<T>(pageAt(path, mine.next), { token })
        .then(
          (page) =>
            setLoaded((before) =>
              before?.key === mine.key
                ? { key: mine.key, items: [...before.items, ...page.items], ...(page.next ? { next: page.next } : {}) }
                : before,
            ),
          (error: unknown) =>
            setLoaded((before) => (before?.key === mine.key ? { ...before, error: asApiError(error) } : before)),
        )
        .finally(() => setLoadingMore(false));
    },
  };
}
