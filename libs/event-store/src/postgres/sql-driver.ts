/**
 * The little of a SQL client the PostgreSQL event store needs; served by `pg` (a server) and PGlite (embedded).
 * A database that cannot be reached rejects with `StoreUnavailableError`; no failure is ever an unhandled event.
 */
export interface SqlDriver {
  readonly kind: 'postgres' | 'pglite';
  query<Row = Record<string, unknown>>(text: string, params?: readonly unknown[]): Promise<Row[]>;
  /** Runs several statements without parameters (schema set-up). */
  exec(sql: string): Promise<void>;
  /**
   * Calls `onNotify` with the payload on every NOTIFY on `channel`, and without one after a lost listener connection
   * comes back (anything may have been committed meanwhile).
   */
  listen(channel: string, onNotify: (payload?: string) => void): Promise<() => Promise<void>>;
  close(): Promise<void>;
}

/** SQLSTATE and message of a database error, whichever driver raised it. */
export function sqlErrorOf(error: unknown): { code?: string; message: string; detail?: string; constraint?: string } {
  if (error && typeof error === 'object') {
    const e = error as { code?: unknown; message?: unknown; detail?: unknown; constraint?: unknown };
    return {
      ...(typeof e.code === 'string' ? { code: e.code } : {}),
      message: typeof e.message === 'string' ? e.message : JSON.stringify(error),
      ...(typeof e.detail === 'string' ? { detail: e.detail } : {}),
      ...(typeof e.constraint === 'string' ? { constraint: e.constraint } : {}),
    };
  }
  return { message: String(error) };
}
