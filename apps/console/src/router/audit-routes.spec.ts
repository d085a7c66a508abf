import { describe, expect, it } from '@jest/globals';
import { parseRoute, routePath, type Route } from './routes';

const ID = '5b3c1a2e-7d4f-4a8b-9c0d-1e2f3a4b5c6d';
const POSITION = '00000000000000000757:00000000000000000012';

describe('the audit screens’ addresses', () => {
  it('read the history (narrowed to one record), the scrubber (from a moment) and the verification', () => {
    expect(parseRoute('/audit')).toEqual({ name: 'audit-history' });
    expect(parseRoute('/audit/history/', `?aggregate=incident&id=${ID}`)).toEqual({
      name: 'audit-history',
      aggregate: 'incident',
      id: ID,
    });
    expect(parseRoute(`/audit/incidents/${ID.toUpperCase()}/scrubber`, `?at=${POSITION}`)).toEqual({
      name: 'audit-scrubber',
      incidentId: ID,
      at: POSITION,
    });
    expect(parseRoute('/audit/verification')).toEqual({ name: 'audit-verification' });
  });

  it('leave out what does not read, and send a bad incident to not-found', () => {
    expect(parseRoute('/audit/history', '?aggregate=ships&id=1')).toEqual({ name: 'audit-history' });
    expect(parseRoute('/audit/history', '?aggregate=port&id=a b')).toEqual({
      name: 'audit-history',
      aggregate: 'port',
    });
    expect(parseRoute(`/audit/incidents/${ID}/scrubber`, '?at=yesterday')).toEqual({
      name: 'audit-scrubber',
      incidentId: ID,
    });
    expect(parseRoute('/audit/incidents/42/scrubber')).toEqual({
      name: 'not-found',
      path: '/audit/incidents/42/scrubber',
    });
  });

  it('write the address each is read from', () => {
    const routes: Route[] = [
      { name: 'audit-history' },
      { name: 'audit-history', aggregate: 'port', id: 'otay-mesa' },
      { name: 'audit-history', aggregate: 'drill' },
      { name: 'audit-scrubber', incidentId: ID },
      { name: 'audit-scrubber', incidentId: ID, at: POSITION },
      { name: 'audit-verification' },
    ];
    for (const route of routes) {
      const url = new URL(routePath(route), 'http://console');
      expect(parseRoute(url.pathname, url.search)).toEqual(route);
    }
  });
});
