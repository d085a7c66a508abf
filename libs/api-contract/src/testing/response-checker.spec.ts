import { minimalBody } from './minimal-body.js';
import { type OpenApiDocument, ResponseChecker } from './response-checker.js';

/** A small OpenAPI 3.0 document: one read with a nullable field and a required header, its 404, one write. */
const document: OpenApiDocument = {
  paths: {
    '/things/{id}': {
      get: {
        responses: {
          '200': {
            headers: {
              ETag: { required: true },
              'X-Optional': {},
              'X-Correlation-Id': { $ref: '#/components/headers/CorrelationId' },
            },
            content: { 'application/json': { schema: { $ref: '#/components/schemas/Thing' } } },
          },
          '404': { content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } } },
          '410': { content: { 'application/json': { schema: {} } }, 'x-enlace-body': 'undescribed' },
        },
      },
    },
    '/things': {
      post: {
        requestBody: { content: { 'application/json': { schema: { $ref: '#/components/schemas/NewThing' } } } },
        responses: {
          '204': { description: 'Stored' },
          default: { content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } } },
        },
      },
    },
  },
  components: {
    headers: { CorrelationId: { required: true, schema: { type: 'string' } } },
    schemas: {
      Thing: {
        type: 'object',
        required: ['id', 'note'],
        properties: {
          id: { type: 'string', format: 'uuid', example: '0b6f9a3e-2c1d-4a7e-9f00-5d2b8c1e4a10' },
          note: { type: 'string', nullable: true },
        },
        additionalProperties: false,
      },
      Error: { type: 'object', required: ['code'], properties: { code: { type: 'string' } } },
      NewThing: {
        type: 'object',
        required: ['kind', 'when', 'names', 'text', 'either'],
        properties: {
          kind: { type: 'string', enum: ['big', 'small'] },
          when: { type: 'string', format: 'date-time' },
          names: { type: 'array', minItems: 2, items: { type: 'string', minLength: 3 } },
          text: { $ref: '#/components/schemas/Error' },
          optional: { type: 'string' },
          either: { type: 'object', minProperties: 1, properties: { en: { type: 'string' }, es: { type: 'string' } } },
        },
      },
    },
  },
};

const json = (etag?: string) =>
  new Headers({
    'content-type': 'application/json; charset=utf-8',
    'x-correlation-id': 'c-1',
    ...(etag ? { etag } : {}),
  });
const thing = '{"id":"0b6f9a3e-2c1d-4a7e-9f00-5d2b8c1e4a10","note":null}';

describe('ResponseChecker', () => {
  it('passes an answer that keeps the document (a null where the schema is nullable, the required header there)', () => {
    const checker = new ResponseChecker(document);
    checker.check('GET', '/things/{id}', 200, json('"3"'), thing);
    checker.check('GET', '/things/{id}', 404, json(), '{"code":"NOT_FOUND"}');
    checker.check('POST', '/things', 204, new Headers(), '');
    checker.check('GET', '/things/{id}', 410, json(), '{"gone":true}');
    expect(checker.mismatches).toEqual([]);
    expect(checker.validated).toBe(4);
    expect([...checker.undescribed]).toEqual(['GET /things/{id} 410']);
    expect([...checker.operations]).toEqual(['GET /things/{id}', 'POST /things']);
  });

  it('names each way an answer breaks the document', () => {
    const checker = new ResponseChecker(document);
    checker.check('GET', '/things/{id}', 200, json(), thing);
    checker.check('GET', '/things/{id}', 200, json('"3"'), '{"id":"nope","extra":1}');
    checker.check('GET', '/things/{id}', 500, json(), '{}');
    checker.check(
      'GET',
      '/things/{id}',
      200,
      new Headers({ 'content-type': 'text/html', etag: '"1"', 'x-correlation-id': 'c-2' }),
      '<p>',
    );
    checker.check('GET', '/things/{id}', 200, json('"1"'), '');
    checker.check('DELETE', '/things/{id}', 204, new Headers(), '');
    checker.check('GET', '/things/{id}', 200, new Headers({ 'content-type': 'application/json', etag: '"1"' }), thing);
    checker.check('POST', '/things', 500, json(), '{}');
    expect(checker.mismatches.map(({ status, problem }) => `${status} ${problem}`)).toEqual([
      '200 required header ETag is missing',
      '200 body breaks the schema: / must have required property \'note\' ("note"); / must NOT have additional properties ("extra"); /id must match format "uuid"',
      '500 status 500 is not documented (documented: 200, 404, 410)',
      '200 content type text/html is not documented (documented: application/json)',
      '200 empty body, but the document promises application/json',
      '204 the operation is not in the document',
      '200 required header X-Correlation-Id is missing',
      '500 body breaks the schema (documented only as default: 204, default): / must have required property \'code\' ("code")',
    ]);
    expect(checker.report()).toContain('mismatches: 8');
  });

  it('checks every answer an openapi-fetch client receives, by the path template it called', async () => {
    const checker = new ResponseChecker(document);
    const { onResponse } = checker.middleware();
    await onResponse!({
      request: new Request('http://api.invalid/things/x', { method: 'GET' }),
      response: new Response('{"code":7}', { status: 404, headers: json() }),
      schemaPath: '/things/{id}',
    } as Parameters<NonNullable<typeof onResponse>>[0]);
    expect(checker.mismatches).toEqual([
      { operation: 'GET /things/{id}', status: 404, problem: 'body breaks the schema: /code must be string' },
    ]);
  });
});

describe('minimalBody', () => {
  it('sends only what the schema requires: examples, the first enum value, formats, enough array items', () => {
    const body = minimalBody(
      { $ref: '#/components/schemas/NewThing' },
      document.components!.schemas as Record<string, object>,
      Date.UTC(2026, 0, 1),
    );
    expect(body).toEqual({
      kind: 'big',
      when: '2026-01-01T01:00:00.000Z',
      names: ['xxx', 'xxx'],
      text: { code: 'x' },
      either: { en: 'x' },
    });
  });
});
