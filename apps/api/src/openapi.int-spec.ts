import { apiForTheseTests } from './testing/api-harness.js';

const api = apiForTheseTests();

describe('OpenAPI', () => {
  it('documents every route at /api/docs-json, with bearer auth and the write headers', async () => {
    const { status, body } = await api().request<{
      paths: Record<string, Record<string, { parameters?: { name: string }[] }>>;
    }>('GET', '/api/docs-json');
    expect(status).toBe(200);
    const routes = Object.entries(body.paths).flatMap(([path, methods]) =>
      Object.keys(methods).map((method) => `${method.toUpperCase()} ${path}`),
    );
    expect(routes.sort()).toEqual(
      [
        'GET /health',
        'GET /metrics',
        'GET /health/live',
        'GET /health/ready',
        'POST /api/auth/login',
        'POST /api/auth/refresh',
        'POST /api/auth/logout',
        'GET /api/auth/me',
        'GET /api/auth/activity',
        'GET /api/admin/accounts',
        'POST /api/admin/accounts/{username}/unlock',
        'POST /api/admin/accounts/{username}/disable',
        'POST /api/admin/accounts/{username}/enable',
        'GET /api/admin/queues',
        'GET /api/audit/log/key',
        'GET /api/audit/log/checkpoint',
        'GET /api/audit/log/checkpoints',
        'GET /api/audit/log/checkpoints/{size}',
        'POST /api/audit/log/checkpoints/{size}/cosignatures',
        'GET /api/audit/log/proofs/consistency',
        'GET /api/audit/log/proofs/inclusion',
        'GET /api/audit/log/verification',
        'GET /api/audit/history',
        'GET /api/audit/history/export',
        'GET /api/audit/incidents/{id}/ics-214',
        'GET /api/audit/as-of/board',
        'GET /api/audit/as-of/{aggregate}/{id}',
        'GET /api/audit/diff/{aggregate}/{id}',
        'GET /api/incidents',
        'POST /api/incidents',
        'GET /api/incidents/{id}',
        'PATCH /api/incidents/{id}',
        'GET /api/incidents/{id}/events',
        'GET /api/incidents/{id}/timeline',
        'GET /api/incidents/{id}/cap',
        'POST /api/incidents/{id}/protective-actions',
        'POST /api/incidents/{id}/protective-actions/{actionId}/lift',
        'POST /api/incidents/{id}/situation-reports',
        'POST /api/incidents/{id}/national-center-notifications',
        'POST /api/incidents/{id}/counterpart-center-notifications',
        'POST /api/incidents/{id}/joint-response-team/activation',
        'POST /api/incidents/{id}/joint-response-team/deactivation',
        'POST /api/incidents/{id}/on-scene-coordinators',
        'POST /api/incidents/{id}/translations',
        'POST /api/incidents/{id}/closure',
        'GET /api/ports',
        'GET /api/ports/checklists',
        'GET /api/ports/{id}',
        'GET /api/ports/{id}/checklist',
        'POST /api/ports/{id}/shutdowns',
        'POST /api/ports/{id}/widenings',
        'POST /api/ports/{id}/joinings',
        'POST /api/ports/{id}/checklist/items',
        'POST /api/ports/{id}/checklist/{itemId}/reopening',
        'POST /api/ports/{id}/checklist/{itemId}/completion',
        'POST /api/ports/{id}/checklist/{itemId}/waiver',
        'POST /api/ports/{id}/sign-offs',
        'POST /api/ports/{id}/reopenings',
        'GET /api/notifications',
        'POST /api/notifications',
        'GET /api/notifications/{id}',
        'GET /api/notifications/{id}/cap',
        'PATCH /api/notifications/{id}',
        'POST /api/notifications/{id}/acknowledgments',
        'POST /api/notifications/{id}/cancellation',
        'GET /api/blms',
        'GET /api/blms/{id}',
        'GET /api/materials/{unNumber}',
        'GET /api/checklist-templates',
        'GET /api/sister-city-plans/{id}',
        'GET /api/scenarios',
        'GET /api/scenarios/{id}',
        'GET /api/scenarios/{id}/msel.csv',
        'GET /api/scenarios/{id}/msel.xlsx',
        'POST /api/scenarios/import',
        'POST /api/drills',
        'GET /api/drills',
        'GET /api/drills/{id}',
        'GET /api/drills/{id}/report',
        'GET /api/drills/notification-summary',
        'POST /api/drills/notification',
        'POST /api/drills/{id}/{transition}',
        'POST /api/drills/{id}/rate',
        'POST /api/drills/{id}/halt',
        'POST /api/drills/{id}/improvements/{itemId}',
        'POST /api/drills/{id}/observations',
      ].sort(),
    );
    const shutdown = body.paths['/api/ports/{id}/shutdowns']!.post!;
    expect(shutdown.parameters!.map((parameter) => parameter.name)).toEqual(
      expect.arrayContaining(['If-Match', 'Idempotency-Key']),
    );
    const page = await fetch(`${api().baseUrl}/api/docs`);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('swagger');
  });
});
