// Drill mode: the drill this console works in (an officer joined it and entered), or none (the live world). While in
// a drill, every request carries `Enlace-Drill` (api/client.ts) and the live feed's handshake names the drill, so
// every view reads and acts in the drill's world; the Shell then shows the EXERCISE banner and the drill clock. Kept
// for this tab and this session only (a reload stays in the drill; signing out or another tab does not).
import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { setDrillWorld } from '../api/client';
import { DRILL_KEY, readStoredDrill, storedDrillValue } from './stored-drill';

interface DrillModeValue {
  /** The drill's id, or undefined in the live world. */
  drillId: string | undefined;
  enter: (drillId: string) => void;
  leave: () => void;
  /** The drill's world refused this console's feed: back in the live world, with a notice until dismissed. */
  refused: () => void;
  refusedNotice: boolean;
  dismissRefused: () => void;
}

const DrillModeContext = createContext<DrillModeValue | null>(null);

function storedDrill(sessionId: string): string | undefined {
  try {
    return readStoredDrill(window.sessionStorage.getItem(DRILL_KEY), sessionId);
  } catch {
    return undefined;
  }
}

function store(sessionId: string, drillId: string | undefined): void {
  try {
    if (drillId) window.sessionStorage.setItem(DRILL_KEY, storedDrillValue(sessionId, drillId));
    else window.sessionStorage.removeItem(DRILL_KEY);
  } catch {
    // storage unavailable: drill mode lasts for this page only
  }
}

export function DrillModeProvider({ sessionId, children }: { sessionId: string; children: ReactNode }) {
  const [drillId, setDrillId] = useState(() => {
    const stored = storedDrill(sessionId);
    // Before any child renders: the first requests of the views already carry the header.
    setDrillWorld(stored);
    return stored;
  });
  useEffect(() => () => setDrillWorld(undefined), []);
  const [refusedNotice, setRefusedNotice] = useState(false);

  const enter = useCallback(
    (id: string) => {
      store(sessionId, id);
      setDrillWorld(id);
      setDrillId(id);
      setRefusedNotice(false);
    },
    [sessionId],
  );
  const leave = useCallback(() => {
    store(sessionId, undefined);
    setDrillWorld(undefined);
    setDrillId(undefined);
  }, [sessionId]);

  const refused = useCallback(() => {
    leave();
    setRefusedNotice(true);
  }, [leave]);
  const dismissRefused = useCallback(() => setRefusedNotice(false), []);

  const value = useMemo(
    () => ({ drillId, enter, leave, refused, refusedNotice, dismissRefused }),
    [drillId, enter, leave, refused, refusedNotice, dismissRefused],
  );
  return <DrillModeContext.Provider value={value}>{children}</DrillModeContext.Provider>;
}

export function useDrillMode(): DrillModeValue {
  const value = useContext(DrillModeContext);
  if (!value) throw new Error('useDrillMode outside DrillModeProvider');
  return value;
}
