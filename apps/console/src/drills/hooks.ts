// Reading drills for the views: a drill, fresh on each of its events (its clock, injects, halt, end), and the live
// world's open incidents seen from a drill.
import { useEffect, useState } from 'react';
import { useNow } from '../components/hooks';
import { request } from '../api/client';
import type { DrillView, IncidentBoardEntry } from '../api/types';
import { LiveFeed } from '../live/LiveFeed';
import { useSession } from '../session/SessionProvider';
import { useResource } from '../state/DataProvider';
import { drillTimeNow } from './clock';
import { useDrillMode } from './DrillMode';

/** A read now and then anyway: a drill's feed that cannot connect must not leave the view frozen. */
export const DRILL_REFRESH_MS = 10_000;
const LIVE_WORLD_REFRESH_MS = 10_000;

/**
 * A drill's view. In the drill's own world the console's feed carries the drill's events (room `drill`), which make
 * this read stale; seen from elsewhere (a planner controlling it from the live world), a feed of the drill's world of
 * its own (the drill's facts and its board), each burst of events making one read.
 */
export function useDrill(drillId: string | null) {
  const drill = useResource<DrillView>(drillId ? `/api/drills/${drillId}` : null);
  const { drillId: world } = useDrillMode();
  const { currentToken, refresh } = useSession();
  const { retry } = drill;
  useEffect(() => {
    if (!drillId) return;
    const timer = window.setInterval(retry, DRILL_REFRESH_MS);
    return () => window.clearInterval(timer);
  }, [drillId, retry]);
  useEffect(() => {
    if (!drillId || world === drillId) return;
    // Several events in a burst (a player's command and what it causes) make one read, a quarter second later.
    let pending: number | undefined;
    const soon = () => {
      pending ??= window.setTimeout(() => {
        pending = undefined;
        retry();
      }, 250);
    };
    const feed = new LiveFeed(
      { current: currentToken, refresh },
      {
        state: (state) => {
          if (state === 'connected') retry();
        },
        events: (_fresh, replay) => {
          if (!replay) soon();
        },
        snapshot: () => retry(),
        resumed: () => retry(),
        // The console's own feed speaks for the session; this one only stops.
        ended: () => undefined,
        worldRefused: () => undefined,
      },
      drillId,
      // The drill's own facts, and its world's board: the players' actions and the acknowledgments the planner follows.
      ['drill', 'board'],
    );
    feed.start();
    return () => {
      window.clearTimeout(pending);
      feed.stop();
    };
  }, [drillId, world, currentToken, refresh, retry]);
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

/**
 * The time now in the console's world, ticking every `intervalMs`: real time in the live world, the drill's clock in a
 * drill's (deadlines there are drill time, so an acknowledgment due "in 30 min" is 30 min of drill time, and overdue
 * is judged on the drill's clock). Before a drill's clock is read, real time.
 */
export function useWorldNow(intervalMs = 1000): number {
  const now = useNow(intervalMs);
  const { drillId } = useDrillMode();
  const drill = useResource<DrillView>(drillId ? `/api/drills/${drillId}` : null);
  if (!drillId || !drill.data || drill.fetchedAt === undefined) return now;
  return drillTimeNow(drill.data, drill.fetchedAt, now) ?? now;
}
