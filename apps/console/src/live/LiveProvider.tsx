// Live updates for the views: the connection's state, the recent activity, drill data, the resume report, and the
// announcements of the page's single polite live region. Events make read models stale (see state/resources.ts).
import type { ConsoleEvent } from '@enlace/console-protocol';
import { createContext, useCallback, useContext, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import type { PortStatus } from '../api/types';
import { useStore } from '../state/DataProvider';
import { useI18n } from '../i18n/I18nProvider';
import { useSession } from '../session/SessionProvider';
import { browserZone, formatTime } from '../time/format';
import { activityOf, describeEvent, isAnnounced, type Names } from './describe';
import { staleResources } from './feed-state';
import { type ConnectionState, LiveFeed } from './LiveFeed';

/** How many events the activity list keeps. */
const ACTIVITY_SIZE = 40;
/** Live events are announced together when they come this close to one another. */
const ANNOUNCE_MS = 600;

export interface Announcement {
  id: number;
  text: string;
}

interface LiveValue {
  connection: ConnectionState;
  /** Still making the first connection. */
  connecting: boolean;
  /** When the connection was lost (ms), while it is. */
  lostAt: number | undefined;
  /** The most recent events but delivery attempts, newest first (by position). */
  activity: ConsoleEvent[];
  /** Streams with drill (exercise-mode) events. */
  exerciseStreams: ReadonlySet<string>;
  /** The last resume, for the notice: from when, how many events, and when it happened. */
  resumed: { since: number; count: number; at: number } | undefined;
  dismissResumed: () => void;
  announcement: Announcement | undefined;
  announce: (text: string) => void;
}

const LiveContext = createContext<LiveValue | null>(null);

export function LiveProvider({
  sessionId,
  drillId,
  onWorldRefused,
  children,
}: {
  sessionId: string;
  /** The drill whose world the feed follows (drill mode); the live world without. */
  drillId?: string | undefined;
  /** The drill refused this console's feed (it no longer takes part, or the drill is gone). */
  onWorldRefused?: (() => void) | undefined;
  children: ReactNode;
}) {
  const store = useStore();
  const { session, signOut, currentToken, refresh } = useSession();
  const feedRef = useRef<LiveFeed | undefined>(undefined);
  const { lang, t } = useI18n();
  const [connection, setConnection] = useState<ConnectionState>('reconnecting');
  const [connecting, setConnecting] = useState(true);
  const [lostAt, setLostAt] = useState<number | undefined>(undefined);
  const [activity, setActivity] = useState<ConsoleEvent[]>([]);
  const [exerciseStreams, setExerciseStreams] = useState<ReadonlySet<string>>(new Set());
  const [resumed, setResumed] = useState<LiveValue['resumed']>(undefined);
  const [announcement, setAnnouncement] = useState<Announcement | undefined>(undefined);

  // What the feed's callbacks need of the latest render, without reconnecting when it changes.
  const latest = useRef({ lang, t });
  useEffect(() => {
    latest.current = { lang, t };
  }, [lang, t]);

  const worldRefused = useRef(onWorldRefused);
  useEffect(() => {
    worldRefused.current = onWorldRefused;
  }, [onWorldRefused]);

  const counter = useRef(0);
  const announce = useCallback((text: string) => {
    counter.current += 1;
    setAnnouncement({ id: counter.current, text });
  }, []);

  const pendingAnnouncements = useRef<ConsoleEvent[]>([]);
  const announceTimer = useRef<number | undefined>(undefined);

  useEffect(() => {
    const names: Names = {
      port: (portId) => {
        const ports = store.snapshot<PortStatus[]>('/api/ports').data;
        const port = ports?.find((candidate) => candidate.id === portId);
        if (!port) return portId;
        return latest.current.lang === 'es' ? port.name.mx : port.name.us;
      },
    };
    const flushAnnouncements = () => {
      announceTimer.current = undefined;
      const events = pendingAnnouncements.current;
      pendingAnnouncements.current = [];
      const last = events.at(-1);
      if (!last) return;
      const { lang: language, t: messages } = latest.current;
      const line = describeEvent(last, language, names);
      announce(events.length === 1 ? messages.liveUpdate(line) : messages.liveUpdates(events.length, line));
    };

    const feed = new LiveFeed(
      { current: currentToken, refresh },
      {
        state: (state, first) => {
          setConnection(state);
          setConnecting(first && state !== 'connected');
          setLostAt((previous) => (state === 'connected' ? undefined : (previous ?? (first ? undefined : Date.now()))));
          if (state === 'connected') store.refreshAll(true);
        },
        events: (fresh, replay, state) => {
          for (const event of fresh) store.invalidate(staleResources(state, event), event.position);
          setActivity((previous) => activityOf(fresh).concat(previous).slice(0, ACTIVITY_SIZE));
          setExerciseStreams(state.exerciseStreams);
          if (!replay) {
            pendingAnnouncements.current.push(...fresh.filter(isAnnounced));
            announceTimer.current ??= window.setTimeout(flushAnnouncements, ANNOUNCE_MS);
          }
        },
        snapshot: () => store.refreshAll(),
        resumed: (since, count) => {
          // The resume notice speaks for everything before it: a live announcement still waiting from before the drop
          // must not replace it a moment later.
          window.clearTimeout(announceTimer.current);
          announceTimer.current = undefined;
          pendingAnnouncements.current = [];
          setResumed({ since, count, at: Date.now() });
          const { lang: language, t: messages } = latest.current;
          const time = formatTime(new Date(since).toISOString(), browserZone(), language, {
            seconds: true,
            timeOnly: true,
          });
          announce(messages.resumed(time?.text ?? '', count));
        },
        ended: (refusal) =>
          signOut(
            refusal && /AUTH\.(SESSION_ENDED|ACCOUNT_DISABLED|ACCOUNT_CHANGED)/.test(refusal) ? 'ended' : 'expired',
          ),
        worldRefused: () => worldRefused.current?.(),
      },
      drillId,
    );
    feed.start();
    feedRef.current = feed;
    return () => {
      feedRef.current = undefined;
      feed.stop();
      window.clearTimeout(announceTimer.current);
    };
    // One feed per session: renewing the token reconnects the same feed, which resumes from its last position.
  }, [sessionId, drillId, store, signOut, currentToken, refresh, announce]);

  // A renewed access token goes to the open connection, which stays open (no reconnection, no resume notice).
  const token = session?.token;
  useEffect(() => {
    if (token) feedRef.current?.renewToken(token);
  }, [token]);

  const dismissResumed = useCallback(() => setResumed(undefined), []);

  const value = useMemo<LiveValue>(
    () => ({
      connection,
      connecting,
      lostAt,
      activity,
      exerciseStreams,
      resumed,
      dismissResumed,
      announcement,
      announce,
    }),
    [connection, connecting, lostAt, activity, exerciseStreams, resumed, dismissResumed, announcement, announce],
  );
  return <LiveContext.Provider value={value}>{children}</LiveContext.Provider>;
}

export function useLive(): LiveValue {
  const value = useContext(LiveContext);
  if (!value) throw new Error('useLive outside LiveProvider');
  return value;
}

/** Whether any of these streams carries drill data (from the events seen by this console). */
export function useExercise(streamIds: readonly string[]): boolean {
  const { exerciseStreams } = useLive();
  return streamIds.some((id) => exerciseStreams.has(id));
}
