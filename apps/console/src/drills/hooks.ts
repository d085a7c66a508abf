// Reading drills for the views: a drill refreshed every 2 s (its clock, status and joins are not on the live feed,
// which carries a world's incidents, ports and notifications), and the live world's open incidents seen from a drill.
import { useEffect, useState } from 'react';
import { request } from '../api/client';
import type { DrillView, IncidentBoardEntry } from '../api/types';
import { useSession } from '../session/SessionProvider';
import { useResource } from '../state/DataProvider';

export const DRILL_REFRESH_MS = 2_000;
const LIVE_WORLD_REFRESH_MS = 10_000;

export function useDrill(drillId: string | null) {
  const drill = useResource<DrillView>(drillId ? `/api/drills/${drillId}` : null);
  const { retry } = drill;
  useEffect(() => {
    if (!drillId) return;
    const timer = window.setInterval(retry, DRILL_REFRESH_MS);
    return () => window.clearInterval(timer);
  }, [drillId, retry]);
  return drill;
}

/** How many real incidents are open in the live world (read without the drill's header), while in a drill. */
export function useLiveWorldIncidents(): number | undefined {
  const { currentToken } = useSession();
  const [open, setOpen] = useState<number | undefined>(undefined);
  useEffect(() => {
    let stopped = false;
    const load = () =>
      request<IncidentBoardEntry[]>('GET', '/api/incidents', { token: currentToken(), world: 'live' }).then(
        (board) => {
          if (!stopped) setOpen(board.filter((incident) => incident.status === 'open').length);
        },
        () => undefined,
      );
    void load();
    const timer = window.setInterval(() => void load(), LIVE_WORLD_REFRESH_MS);
    return () => {
      stopped = true;
      window.clearInterval(timer);
    };
  }, [currentToken]);
  return open;
}
