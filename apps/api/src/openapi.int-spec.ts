import { apiForTheseTests } from './testing/api-harness.js';

const aString: unknown = expect.any(String);
const shaped = (shape: object): unknown => expect.objectContaining(shape);

interface Operation {
  operationId: string;
  security?: unknown[];
  parameters?: ({ name: string; in: string; schema?: Record<string, unknown> } | { $ref: string })[];
  requestBody?: unknown;
  responses: Record<string, { content?: Record<string, { schema: unknown }>; headers?: Record<string, unknown> }>;
}

interface Document {
  servers: unknown[];
  paths: Record<string, Record<string, Operation>>;
  components: { schemas: Record<string, { properties?: Record<string, unknown>; additionalProperties?: boolean }> };
}

const api = apiForTheseTests();

describe('OpenAPI', () => {
  it('documents every route at /api/docs-json, with bearer auth and the write headers', async () => {
    const { status, body } = await api().request<Document>('GET', '/api/docs-json');
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
        'GET /api/admin/outbox',
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
        'GET /api/incidents/archive',
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
        'GET /api/ports/{id}/shutdowns',
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
        'POST /api/notifications/{id}/acknowledgments-on-behalf',
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
    expect(shutdown.parameters!.map((parameter) => ('name' in parameter ? parameter.name : parameter.$ref))).toEqual(
      expect.arrayContaining(['If-Match', 'Idempotency-Key']),
    );
    expect(body.servers).toEqual([{ url: '/' }]);
    const operationIds = Object.values(body.paths).flatMap((methods) =>
      Object.values(methods).map((operation) => (operation as { operationId: string }).operationId),
    );
    expect(new Set(operationIds).size).toBe(operationIds.length);
    const page = await fetch(`${api().baseUrl}/api/docs`);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('swagger');
  });

  it('documents every error of every operation with the one error schema, and the headers each status carries', async () => {
    const { body } = await api().request<Document>('GET', '/api/docs-json');
    for (const [path, methods] of Object.entries(body.paths)) {
      for (const [method, operation] of Object.entries(methods)) {
        const statuses = Object.keys(operation.responses);
        const where = `${method.toUpperCase()} ${path}`;
        expect({ where, success: statuses.some((status) => status.startsWith('2')) }).toEqual({ where, success: true });
        expect({ where, has503: statuses.includes('503') }).toEqual({ where, has503: true });
        for (const status of statuses.filter((code) => Number(code) >= 400)) {
          const schema = operation.responses[status]!.content?.['application/json']?.schema;
          expect({ where, status, schema }).toEqual({
            where,
            status,
            schema: { $ref: `#/components/schemas/${status === '400' ? 'ValidationError' : 'ApiError'}` },
          });
        }
        if (operation.security?.length === 0) continue;
        expect({ where, challenge: Object.keys(operation.responses['401']?.headers ?? {}) }).toEqual({
          where,
          challenge: expect.arrayContaining(['WWW-Authenticate']) as unknown,
        });
      }
    }
    expect(body.paths['/api/audit/log/key']!.get!.security).toEqual([]);
    expect(body.paths['/api/auth/login']!.post!.security).toEqual([]);
    expect(body.paths['/api/incidents']!.get!.security).toEqual([{ bearer: [] }]);
  });

  it('says what the validation pipe enforces: closed bodies, the rules as keywords, parameters checked by pipes', async () => {
    const { body } = await api().request<Document>('GET', '/api/docs-json');
    const { schemas } = body.components;
    for (const name of ['ReportIncidentDto', 'DeclareShutdownDto', 'IssueNotificationDto', 'LoginDto']) {
      expect({ name, closed: schemas[name]!.additionalProperties }).toEqual({ name, closed: false });
    }
    expect(schemas.OrderProtectiveActionDto!.properties!.radiusMeters).toEqual({
      type: 'integer',
      minimum: 1,
      maximum: 100_000,
      example: 800,
    });
    expect(schemas.TranslateIncidentTextDto!.properties!.field).toEqual(shaped({ type: 'string', pattern: aString }));
    expect(schemas.WriteResult!.properties!.events).toEqual({
      type: 'array',
      description: aString,
      items: { $ref: '#/components/schemas/WrittenEvent' },
    });
    const incident = body.paths['/api/incidents/{id}']!.get!;
    expect(incident.parameters).toContainEqual(shaped({ name: 'id', in: 'path', schema: shaped({ format: 'uuid' }) }));
    const board = body.paths['/api/incidents']!.get!;
    expect(board.parameters).toContainEqual(
      shaped({ name: 'limit', schema: shaped({ type: 'integer', maximum: 500 }) }),
    );
  });

  it('answers 401 with the RFC 6750 challenge it documents', async () => {
    const bare = await api().request('GET', '/api/incidents');
    expect(bare.status).toBe(401);
    expect(bare.headers.get('www-authenticate')).toBe('Bearer realm="enlace"');
    const refused = await api().request('GET', '/api/incidents', { headers: { authorization: 'Bearer not-a-jwt' } });
    expect(refused.status).toBe(401);
    expect(refused.headers.get('www-authenticate')).toBe('Bearer realm="enlace", error="invalid_token"');
  });
});
