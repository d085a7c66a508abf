// Bookkeeping of the live feed, kept pure so it can be tested without a socket: the last position seen (events at or
// before it are ignored: the server may resend on resume), the resume report, which streams carry drill data, and
// which read models an event makes stale.
import { type ConsoleEvent, type Room, START_POSITION, type SubscribeRequest } from '@enlace/console-protocol';

export const ROOMS: Room[] = ['board'];
/** A console in a drill's world also hears the drill itself: its clock, injects, halt and end. */
export const DRILL_ROOMS: Room[] = ['board', 'drill'];

export interface FeedState {
  /** The last position applied (from an event or `caught-up`); undefined before the first subscription. */
  lastPosition: string | undefined;
  /** While resuming after a drop: when the drop happened and how many events the replay brought. */
  resume: { since: number; count: number } | undefined;
  /** Streams with at least one event recorded in exercise mode (drill data). */
  exerciseStreams: ReadonlySet<string>;
  /** Shutdown → incident, notification → incident: to know whose activity log an event belongs to. */
  shutdownIncident: ReadonlyMap<string, string>;
  notificationIncident: ReadonlyMap<string, string>;
}

export const initialFeedState: FeedState = {
  lastPosition: undefined,
  resume: undefined,
  exerciseStreams: new Set(),
  shutdownIncident: new Map(),
  notificationIncident: new Map(),
};

/** What to send on (re)connecting: everything after the last position, or everything from the start. */
export function subscribeRequest(state: FeedState, rooms: Room[] = ROOMS): SubscribeRequest {
  return { rooms, after: state.lastPosition ?? START_POSITION, batch: true };
}

/**
 * How long to wait before subscribing again after `failures` refused or unanswered subscribes in a row: what the
 * server asked for (`error.details.retryAfterMs`), else 1 s doubling up to 30 s; ±20 % so that many consoles do not come back at
 * the same instant.
 */
export function resubscribeDelayMs(
  failures: number,
  retryAfterMs?: number,
  random: () => number = Math.random,
): number {
  const base = retryAfterMs ?? Math.min(30_000, 1_000 * 2 ** Math.max(0, failures - 1));
  return Math.round(base * (0.8 + 0.4 * random()));
}

/** The connection dropped at `at` (ms): the next catch-up counts what was missed. */
export function connectionLost(state: FeedState, at: number): FeedState {
  if (state.lastPosition === undefined || state.resume) return state;
  return { ...state, resume: { since: at, count: 0 } };
}

export function isAfter(position: string, last: string | undefined): boolean {
  return last === undefined || position > last;
}

/** Applies received events: returns the ones not seen before, in order, and the new state. */
export function receiveEvents(
  state: FeedState,
  events: readonly ConsoleEvent[],
): { state: FeedState; fresh: ConsoleEvent[] } {
  const fresh: ConsoleEvent[] = [];
  let last = state.lastPosition;
  let exercise: Set<string> | undefined;
  let shutdowns: Map<string, string> | undefined;
  let notifications: Map<string, string> | undefined;
  for (const event of [...events].sort((a, b) => (a.position < b.position ? -1 : a.position > b.position ? 1 : 0))) {
    if (!isAfter(event.position, last)) continue;
    last = event.position;
    fresh.push(event);
    if (event.metadata.mode === 'exercise' && !state.exerciseStreams.has(event.streamId)) {
      (exercise ??= new Set(state.exerciseStreams)).add(event.streamId);
    }
    const data = event.data;
    if (
      event.type === 'PortShutdownDeclared' &&
      typeof data.shutdownId === 'string' &&
      typeof data.incidentId === 'string'
    ) {
      (shutdowns ??= new Map(state.shutdownIncident)).set(data.shutdownId, data.incidentId);
    }
    const subject = data.subject as { incidentId?: unknown } | undefined;
    if (event.type === 'BlmNotificationIssued' && typeof subject?.incidentId === 'string') {
      (notifications ??= new Map(state.notificationIncident)).set(idOfStream(event), subject.incidentId);
    }
  }
  if (fresh.length === 0) return { state, fresh };
  return {
    fresh,
    state: {
      ...state,
      lastPosition: last,
      resume: state.resume ? { ...state.resume, count: state.resume.count + fresh.length } : undefined,
      exerciseStreams: exercise ?? state.exerciseStreams,
      shutdownIncident: shutdowns ?? state.shutdownIncident,
      notificationIncident: notifications ?? state.notificationIncident,
    },
  };
}

/**
 * The replay is over at `position`. When this ended a resume, says from when and how many events it brought (for
 * "Reconnected — caught up from <time>, N updates received").
 */
export function caughtUp(
  state: FeedState,
  position: string,
): { state: FeedState; resumed: { since: number; count: number } | undefined } {
  const lastPosition = isAfter(position, state.lastPosition) ? position : state.lastPosition;
  return { state: { ...state, lastPosition, resume: undefined }, resumed: state.resume };
}

/** A stream's name in its world: a drill's carry their world's prefix (`exercise-<drill id>.incident-<id>`). */
function localStream(streamId: string): string {
  return streamId.startsWith('exercise-') ? streamId.slice(streamId.indexOf('.') + 1) : streamId;
}

function idOfStream(event: ConsoleEvent): string {
  return streamParts(event.streamId)[1];
}

/** The category and id of a stream: `incident-<uuid>` (or a drill's `exercise-<drill>.incident-<uuid>`) → ['incident', '<uuid>']. */
export function streamParts(streamId: string): [string, string] {
  const local = localStream(streamId);
  const dash = local.indexOf('-');
  return dash < 0 ? [local, ''] : [local.slice(0, dash), local.slice(dash + 1)];
}

/**
 * The read models (api paths, `*` for any segment) an event changes. Only those on screen are fetched again; the
 * others are fetched when next shown.
 */
export function staleResources(state: FeedState, event: ConsoleEvent): string[] {
  const [category, id] = streamParts(event.streamId);
  const data = event.data;
  switch (category) {
    case 'incident':
      return ['/api/incidents', `/api/incidents/${id}`, `/api/incidents/${id}/timeline`, `/api/incidents/${id}/events`];
    case 'port': {
      const shutdownId = typeof data.shutdownId === 'string' ? data.shutdownId : undefined;
      const incidentId =
        (typeof data.incidentId === 'string' ? data.incidentId : undefined) ??
        (shutdownId ? state.shutdownIncident.get(shutdownId) : undefined);
      return [
        '/api/ports',
        `/api/ports/${id}`,
        '/api/ports/checklists',
        ...(incidentId ? [`/api/incidents/${incidentId}/timeline`] : []),
      ];
    }
    case 'notification': {
      const subject = data.subject as { incidentId?: unknown } | undefined;
      const incidentId =
        (typeof subject?.incidentId === 'string' ? subject.incidentId : undefined) ??
        state.notificationIncident.get(id);
      return ['/api/notifications', ...(incidentId ? [`/api/incidents/${incidentId}/timeline`] : [])];
    }
    case 'drill':
      return ['/api/drills', `/api/drills/${id}`];
    default:
      return [];
  }
}

/** Whether a resource path matches a pattern of `staleResources` (`*` = one path segment). */
export function matchesResource(pattern: string, path: string): boolean {
  const a = pattern.split('/');
  const b = path.split('?')[0]!.split('/');
  return a.length === b.length && a.every((segment, i) => segment === '*' || segment === b[i]);
}

/** Read models that wait for `?after=<position>` (the live projections); the others read the store directly. */
export function acceptsAfter(path: string): boolean {
  const bare = path.split('?')[0]!;
  return (
    bare === '/api/incidents' ||
    bare === '/api/ports' ||
    bare === '/api/ports/checklists' ||
    bare === '/api/notifications' ||
    /^\/api\/incidents\/[^/]+\/timeline$/.test(bare)
  );
}

/** The read models a write of one's own changes (its answer's position makes the refetch read it). */
/** The newest page of the sign-in journal, as the activity screen reads it. */
export const SIGN_IN_ACTIVITY_PATH = '/api/auth/activity?limit=50';

export function writtenResources(path: string): string[] {
  const [, api, collection, id] = path.split('?')[0]!.split('/');
  if (api !== 'api') return [];
  switch (collection) {
    case 'incidents':
      return id
        ? ['/api/incidents', `/api/incidents/${id}`, `/api/incidents/${id}/timeline`, `/api/incidents/${id}/events`]
        : ['/api/incidents'];
    case 'ports':
      return ['/api/ports', ...(id ? [`/api/ports/${id}`] : []), '/api/ports/checklists', '/api/incidents/*/timeline'];
    case 'notifications':
      return ['/api/notifications', '/api/incidents/*/timeline'];
    case 'admin':
      return id === 'accounts' ? ['/api/admin/accounts', SIGN_IN_ACTIVITY_PATH] : [];
    case 'drills':
      return ['/api/drills', ...(id ? [`/api/drills/${id}`] : [])];
    default:
      return [];
  }
}
