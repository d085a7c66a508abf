// The console's addresses. The api serves index.html for every other GET, so each view has a real URL that survives
// a reload and can be shared.
import { HISTORY_AGGREGATES, type HistoryAggregate } from '../audit/types';

export type Route =
  | { name: 'overview' }
  | { name: 'report-incident' }
  /** The archive of closed incidents, searched. */
  | { name: 'incident-archive' }
  | { name: 'incident'; incidentId: string }
  | { name: 'port'; portId: string; incidentId?: string }
  /** The notifications; `incidentId`: the issue form starts about that incident. */
  | { name: 'inbox'; incidentId?: string }
  | { name: 'accounts' }
  | { name: 'sign-in-activity' }
  /** The local outbox (admins). */
  | { name: 'outbox' }
  | { name: 'scenarios' }
  | { name: 'scenario'; scenarioId: string }
  | { name: 'drills' }
  | { name: 'plan-drill'; scenarioId: string }
  /** A planner's own MSEL, read back by the api from the spreadsheet imported in this tab. */
  | { name: 'imported-scenario' }
  | { name: 'plan-imported-drill' }
  | { name: 'plan-notification-drill' }
  | { name: 'notification-drills'; year?: number }
  | { name: 'drill'; drillId: string }
  /** The record's history (auditors, admins), narrowed to one record when it names one. */
  | { name: 'audit-history'; aggregate?: HistoryAggregate; id?: string }
  /** An incident as of each of its events (and its shutdowns'), from `at` (a position) when given. */
  | { name: 'audit-scrubber'; incidentId: string; at?: string }
  | { name: 'audit-verification' }
  | { name: 'not-found'; path: string };

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const SLUG = /^[a-z0-9]+(-[a-z0-9]+)*$/;
const POSITION = /^\d{20}:\d{20}$/;
const RECORD_ID = /^[A-Za-z0-9-]{1,100}$/;

export function parseRoute(pathname: string, search = ''): Route {
  const path = pathname.replace(/\/+$/, '') || '/';
  const segments = path.split('/').slice(1).map(decodeURIComponent);
  const query = new URLSearchParams(search);
  if (path === '/') return { name: 'overview' };
  if (path === '/inbox') {
    const incidentId = query.get('incident');
    return incidentId && UUID.test(incidentId)
      ? { name: 'inbox', incidentId: incidentId.toLowerCase() }
      : { name: 'inbox' };
  }
  if (path === '/admin/accounts') return { name: 'accounts' };
  if (path === '/admin/sign-in-activity') return { name: 'sign-in-activity' };
  if (path === '/admin/outbox') return { name: 'outbox' };
  if (path === '/incidents/new') return { name: 'report-incident' };
  if (path === '/incidents/archive') return { name: 'incident-archive' };
  if (path === '/scenarios') return { name: 'scenarios' };
  if (path === '/scenarios/imported') return { name: 'imported-scenario' };
  if (path === '/drills/new/imported') return { name: 'plan-imported-drill' };
  if (path === '/audit/verification') return { name: 'audit-verification' };
  if (path === '/audit' || path === '/audit/history') {
    const aggregate = HISTORY_AGGREGATES.find((value) => value === query.get('aggregate'));
    const id = query.get('id') ?? '';
    return aggregate
      ? { name: 'audit-history', aggregate, ...(RECORD_ID.test(id) ? { id } : {}) }
      : { name: 'audit-history' };
  }
  if (segments.length === 4 && segments[0] === 'audit' && segments[1] === 'incidents' && segments[3] === 'scrubber') {
    const at = query.get('at') ?? '';
    if (UUID.test(segments[2]!)) {
      return { name: 'audit-scrubber', incidentId: segments[2]!.toLowerCase(), ...(POSITION.test(at) ? { at } : {}) };
    }
  }
  if (path === '/drills') return { name: 'drills' };
  if (path === '/drills/notification/new') return { name: 'plan-notification-drill' };
  if (path === '/drills/notification') {
    const year = query.get('year') ?? '';
    return /^\d{4}$/.test(year) ? { name: 'notification-drills', year: Number(year) } : { name: 'notification-drills' };
  }
  if (path === '/drills/new') {
    const scenarioId = query.get('scenario');
    if (scenarioId && SLUG.test(scenarioId)) return { name: 'plan-drill', scenarioId };
  }
  if (segments.length === 2 && segments[0] === 'scenarios' && SLUG.test(segments[1]!)) {
    return { name: 'scenario', scenarioId: segments[1]! };
  }
  if (segments.length === 2 && segments[0] === 'drills' && UUID.test(segments[1]!)) {
    return { name: 'drill', drillId: segments[1]!.toLowerCase() };
  }
  if (segments.length === 2 && segments[0] === 'incidents' && UUID.test(segments[1]!)) {
    return { name: 'incident', incidentId: segments[1]!.toLowerCase() };
  }
  if (segments.length === 2 && segments[0] === 'ports' && SLUG.test(segments[1]!)) {
    const incidentId = query.get('incident');
    return {
      name: 'port',
      portId: segments[1]!,
      ...(incidentId && UUID.test(incidentId) ? { incidentId: incidentId.toLowerCase() } : {}),
    };
  }
  return { name: 'not-found', path };
}

export function routePath(route: Route): string {
  switch (route.name) {
    case 'overview':
      return '/';
    case 'inbox':
      return route.incidentId ? `/inbox?incident=${route.incidentId}` : '/inbox';
    case 'report-incident':
      return '/incidents/new';
    case 'incident-archive':
      return '/incidents/archive';
    case 'accounts':
      return '/admin/accounts';
    case 'sign-in-activity':
      return '/admin/sign-in-activity';
    case 'outbox':
      return '/admin/outbox';
    case 'incident':
      return `/incidents/${encodeURIComponent(route.incidentId)}`;
    case 'port':
      return `/ports/${encodeURIComponent(route.portId)}${route.incidentId ? `?incident=${route.incidentId}` : ''}`;
    case 'scenarios':
      return '/scenarios';
    case 'scenario':
      return `/scenarios/${encodeURIComponent(route.scenarioId)}`;
    case 'drills':
      return '/drills';
    case 'plan-drill':
      return `/drills/new?scenario=${encodeURIComponent(route.scenarioId)}`;
    case 'imported-scenario':
      return '/scenarios/imported';
    case 'plan-imported-drill':
      return '/drills/new/imported';
    case 'plan-notification-drill':
      return '/drills/notification/new';
    case 'notification-drills':
      return `/drills/notification${route.year === undefined ? '' : `?year=${route.year}`}`;
    case 'drill':
      return `/drills/${encodeURIComponent(route.drillId)}`;
    case 'audit-history': {
      const query = new URLSearchParams();
      if (route.aggregate) query.set('aggregate', route.aggregate);
      if (route.aggregate && route.id) query.set('id', route.id);
      return `/audit/history${query.size ? `?${query.toString()}` : ''}`;
    }
    case 'audit-scrubber':
      return `/audit/incidents/${encodeURIComponent(route.incidentId)}/scrubber${route.at ? `?at=${route.at}` : ''}`;
    case 'audit-verification':
      return '/audit/verification';
    case 'not-found':
      return route.path;
  }
}
