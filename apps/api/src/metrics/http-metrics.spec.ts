import { routeLabel } from './http-metrics.js';

describe('routeLabel', () => {
  it('is the template of the route that matched, with the prefix it is mounted under', () => {
    expect(routeLabel({ baseUrl: '', routePath: '/api/incidents/:id' }, '/api/incidents/0b4e')).toBe(
      '/api/incidents/:id',
    );
    expect(routeLabel({ baseUrl: '/api', routePath: '/ports/:id' }, '/api/ports/tecate')).toBe('/api/ports/:id');
    expect(routeLabel({ baseUrl: '', routePath: '/metrics' }, '/metrics')).toBe('/metrics');
  });

  it('is "unmatched" for a path of the api with no route, the router catch-all included, never the raw path', () => {
    expect(routeLabel(undefined, '/api/nowhere/0b4e')).toBe('unmatched');
    expect(routeLabel({ baseUrl: '/api', routePath: '*path' }, '/api/nowhere')).toBe('unmatched');
    expect(routeLabel({ baseUrl: '', routePath: '/api*path' }, '/api/nowhere')).toBe('unmatched');
    expect(routeLabel({ baseUrl: '', routePath: '/{*path}' }, '/health/x')).toBe('unmatched');
    expect(routeLabel(undefined, '/metrics/extra')).toBe('unmatched');
  });

  it('is "console" for the browser console and its assets, and for a route path that is not a string', () => {
    expect(routeLabel(undefined, '/assets/index-3f2a.js')).toBe('console');
    expect(routeLabel(undefined, '/incidents/0b4e')).toBe('console');
    expect(routeLabel({ baseUrl: '', routePath: /x/ }, '/ports')).toBe('console');
  });
});
