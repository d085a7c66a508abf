import { describe, expect, it } from '@jest/globals';
import { parseRoute, routePath, type Route } from './routes';

const ID = '5b3c1a2e-7d4f-4a8b-9c0d-1e2f3a4b5c6d';

describe('routes', () => {
  it('read every view from its address', () => {
    expect(parseRoute('/')).toEqual({ name: 'overview' });
    expect(parseRoute('/inbox/')).toEqual({ name: 'inbox' });
    expect(parseRoute('/inbox', `?incident=${ID.toUpperCase()}`)).toEqual({ name: 'inbox', incidentId: ID });
    expect(parseRoute('/inbox', '?incident=nope')).toEqual({ name: 'inbox' });
    expect(parseRoute('/incidents/new')).toEqual({ name: 'report-incident' });
    expect(parseRoute('/admin/accounts')).toEqual({ name: 'accounts' });
    expect(parseRoute('/admin/sign-in-activity/')).toEqual({ name: 'sign-in-activity' });
    expect(parseRoute('/admin/outbox')).toEqual({ name: 'outbox' });
    expect(parseRoute(`/incidents/${ID.toUpperCase()}`)).toEqual({ name: 'incident', incidentId: ID });
    expect(parseRoute('/ports/otay-mesa', `?incident=${ID}`)).toEqual({
      name: 'port',
      portId: 'otay-mesa',
      incidentId: ID,
    });
  });

  it('send anything else to not-found', () => {
    expect(parseRoute('/incidents/42')).toEqual({ name: 'not-found', path: '/incidents/42' });
    expect(parseRoute('/ports/Otay Mesa')).toEqual({ name: 'not-found', path: '/ports/Otay Mesa' });
    expect(parseRoute('/ports/otay-mesa', '?incident=nope')).toEqual({ name: 'port', portId: 'otay-mesa' });
    expect(parseRoute('/drills/new')).toEqual({ name: 'not-found', path: '/drills/new' });
    expect(parseRoute('/drills/42')).toEqual({ name: 'not-found', path: '/drills/42' });
    // A year that is not one is ignored: the page shows this year.
    expect(parseRoute('/drills/notification', '?year=26')).toEqual({ name: 'notification-drills' });
  });

  it('write the address each view is read from', () => {
    const routes: Route[] = [
      { name: 'overview' },
      { name: 'inbox' },
      { name: 'inbox', incidentId: ID },
      { name: 'accounts' },
      { name: 'sign-in-activity' },
      { name: 'outbox' },
      { name: 'report-incident' },
      { name: 'incident', incidentId: ID },
      { name: 'port', portId: 'san-ysidro', incidentId: ID },
      { name: 'scenarios' },
      { name: 'scenario', scenarioId: 'nogales-ammonia-release' },
      { name: 'drills' },
      { name: 'plan-drill', scenarioId: 'nogales-ammonia-release' },
      { name: 'drill', drillId: ID },
      { name: 'plan-notification-drill' },
      { name: 'imported-scenario' },
      { name: 'plan-imported-drill' },
      { name: 'notification-drills' },
      { name: 'notification-drills', year: 2026 },
    ];
    for (const route of routes) {
      const url = new URL(routePath(route), 'http://console');
      expect(parseRoute(url.pathname, url.search)).toEqual(route);
    }
  });
});
