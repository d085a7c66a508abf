// The console's state: the api's read models, one entry per GET path, fetched while on screen. Live events do not
// patch this state; they make entries stale, and the entries on screen are fetched again with `?after=<position of
// the event>` (coalesced over a short window), so what an officer sees is always a read model at or after the last
// event received — never a client-side guess.
import { ApiError, asApiError, withAfter } from '../api/client';
import { acceptsAfter, matchesResource } from '../live/feed-state';

export interface ResourceSnapshot<T = unknown> {
  data: T | undefined;
  error: ApiError | undefined;
  /** A fetch is under way (first load or refresh). */
  loading: boolean;
  /** When the data shown was fetched (ms). */
  fetchedAt: number | undefined;
}

interface Entry {
  snapshot: ResourceSnapshot;
  listeners: Set<() => void>;
  /** Number of the latest fetch started, and of the latest whose answer was applied. */
  started: number;
  applied: number;
  /** Must be fetched again when next shown. */
  stale: boolean;
}

export type Fetcher = (path: string) => Promise<unknown>;

const EMPTY: ResourceSnapshot = { data: undefined, error: undefined, loading: false, fetchedAt: undefined };

export class ResourceStore {
  private readonly entries = new Map<string, Entry>();
  private queued = new Map<string, string | undefined>();
  private timer: ReturnType<typeof setTimeout> | undefined;
  private disposed = false;

  constructor(
    private readonly fetcher: Fetcher,
    /** How long invalidations are gathered before the fetches go out. */
    private readonly coalesceMs = 30,
    private readonly now: () => number = Date.now,
  ) {}

  snapshot<T>(path: string): ResourceSnapshot<T> {
    return (this.entries.get(path)?.snapshot ?? EMPTY) as ResourceSnapshot<T>;
  }

  /** Shows `path`: fetched now if never fetched or stale. Returns the function that stops showing it. */
  subscribe(path: string, listener: () => void): () => void {
    const entry = this.entry(path);
    entry.listeners.add(listener);
    if ((entry.snapshot.data === undefined && !entry.snapshot.loading) || entry.stale) this.fetch(path, undefined);
    return () => {
      entry.listeners.delete(listener);
    };
  }

  /** Fetches `path` again now (a retry, or after a write of one's own, with its position). */
  refresh(path: string, after?: string): void {
    this.fetch(path, after);
  }

  /**
   * The read models matching `patterns` changed at `position`: those on screen are fetched again (once per path
   * for all the events of the window, after the latest position), the others when next shown.
   */
  invalidate(patterns: readonly string[], position?: string): void {
    if (this.disposed) return;
    for (const [path, entry] of this.entries) {
      if (!patterns.some((pattern) => matchesResource(pattern, path))) continue;
      if (entry.listeners.size === 0) {
        entry.stale = true;
        continue;
      }
      const previous = this.queued.get(path);
      this.queued.set(
        path,
        previous === undefined || (position !== undefined && position > previous) ? position : previous,
      );
    }
    if (this.queued.size > 0 && this.timer === undefined) {
      this.timer = setTimeout(() => this.flush(), this.coalesceMs);
    }
  }

  /** Everything shown is fetched again (after a snapshot, or when failed fetches should be retried). */
  refreshAll(onlyFailed = false): void {
    for (const [path, entry] of this.entries) {
      if (onlyFailed && !entry.snapshot.error) continue;
      if (entry.listeners.size > 0) this.fetch(path, undefined);
      else entry.stale = true;
    }
  }

  dispose(): void {
    this.disposed = true;
    if (this.timer !== undefined) clearTimeout(this.timer);
    this.entries.clear();
    this.queued.clear();
  }

  private flush(): void {
    this.timer = undefined;
    const queued = this.queued;
    this.queued = new Map();
    for (const [path, after] of queued) this.fetch(path, after);
  }

  private entry(path: string): Entry {
    let entry = this.entries.get(path);
    if (!entry) {
      entry = { snapshot: EMPTY, listeners: new Set(), started: 0, applied: 0, stale: false };
      this.entries.set(path, entry);
    }
    return entry;
  }

  private update(path: string, entry: Entry, change: Partial<ResourceSnapshot>): void {
    entry.snapshot = { ...entry.snapshot, ...change };
    for (const listener of [...entry.listeners]) listener();
    void path;
  }

  private fetch(path: string, after: string | undefined): void {
    if (this.disposed) return;
    const entry = this.entry(path);
    const number = ++entry.started;
    entry.stale = false;
    this.update(path, entry, { loading: true });
    const url = acceptsAfter(path) ? withAfter(path, after) : path;
    this.fetcher(url).then(
      (data) => {
        if (this.disposed || number <= entry.applied) return;
        entry.applied = number;
        this.update(path, entry, {
          data,
          error: undefined,
          loading: number < entry.started,
          fetchedAt: this.now(),
        });
      },
      (error: unknown) => {
        if (this.disposed || number <= entry.applied) return;
        entry.applied = number;
        const apiError = asApiError(error);
        this.update(path, entry, { error: apiError, loading: number < entry.started });
      },
    );
  }
}
