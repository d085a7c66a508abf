// What drill mode keeps in the tab's storage: the drill, tied to the session that entered it, so that signing out
// (or another account signing in on the same tab) never carries a drill over.

export const DRILL_KEY = 'enlace.drill';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function storedDrillValue(sessionId: string, drillId: string): string {
  return JSON.stringify({ sessionId, drillId });
}

/** The drill this session entered, from the stored value; undefined for another session's or anything malformed. */
export function readStoredDrill(raw: string | null, sessionId: string): string | undefined {
  try {
    const stored = JSON.parse(raw ?? 'null') as { sessionId?: unknown; drillId?: unknown } | null;
    return stored?.sessionId === sessionId && typeof stored.drillId === 'string' && UUID.test(stored.drillId)
      ? stored.drillId
      : undefined;
  } catch {
    return undefined;
  }
}
