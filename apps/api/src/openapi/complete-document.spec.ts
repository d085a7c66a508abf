import type { OpenAPIObject, ParameterObject, ResponseObject } from '@nestjs/swagger';
import { completeDocument } from './complete-document.js';
import type { RouteFacts } from './route-facts.js';
import type { ValidationMetadata } from './validation-schema.js';

const json = (ref: string) => ({ 'application/json': { schema: { $ref: `#/components/schemas/${ref}` } } });

/** A small document as Nest generates it: a public read, an officer's write, a list. */
function generated(): OpenAPIObject {
  return {
    openapi: '3.0.0',
    info: { title: 'test', version: '1' },
    paths: {
      '/api/audit/log/key': {
        get: { operationId: 'AuditLogController_key', responses: { '200': { description: 'The key' } } },
      },
      '/api/incidents/{id}/protective-actions': {
        post: {
          operationId: 'IncidentsController_orderProtectiveAction',
          tags: ['incidents'],
          parameters: [
            { name: 'id', in: 'path', required: true, schema: { type: 'string' } },
            { name: 'If-Match', in: 'header', required: false },
            { name: 'Idempotency-Key', in: 'header', required: false },
          ],
          requestBody: { required: true, content: json('OrderDto') },
          responses: {
            '201': { description: 'Written', content: json('WriteResult') },
            '422': { description: 'A business rule refused it' },
          },
        },
      },
      '/api/blms': {
        get: {
          operationId: 'ReferenceController_blms',
          parameters: [{ name: 'limit', in: 'query', required: false, schema: { type: 'number' } }],
          responses: { '200': { description: 'The BLMs' } },
        },
      },
    },
    components: {
      schemas: {
        OrderDto: { type: 'object', properties: { radiusMeters: { type: 'number' } } },
        WriteResult: { type: 'object', properties: {} },
      },
    },
  };
}

const facts = new Map<string, RouteFacts>([
  ['AuditLogController_key', { public: true, roles: undefined, parameters: [] }],
  [
    'IncidentsController_orderProtectiveAction',
    {
      public: false,
      roles: ['officer'],
      parameters: [{ in: 'path', name: 'id', schema: { type: 'string', format: 'uuid' } }],
    },
  ],
  [
    'ReferenceController_blms',
    {
      public: false,
      roles: undefined,
      parameters: [{ in: 'query', name: 'limit', schema: { type: 'integer', minimum: 1, maximum: 500 } }],
    },
  ],
]);

const rule = (propertyName: string, name: string, constraints: unknown[] = []): ValidationMetadata => ({
  type: 'customValidation',
  name,
  propertyName,
  constraints,
  each: false,
});

const rules = new Map<string, ValidationMetadata[]>([
  ['OrderDto', [rule('radiusMeters', 'isInt'), rule('radiusMeters', 'min', [1]), rule('radiusMeters', 'max', [10])]],
]);

const statuses = (document: OpenAPIObject, path: string, method: 'get' | 'post') =>
  Object.keys(document.paths[path]![method]!.responses).sort();

describe('completing the generated OpenAPI document', () => {
  const document = completeDocument(generated(), facts, rules);

  it('documents every status an operation can answer, from what it takes and who may call it', () => {
    expect(statuses(document, '/api/audit/log/key', 'get')).toEqual(['200', '503', 'default']);
    expect(statuses(document, '/api/incidents/{id}/protective-actions', 'post')).toEqual(
      ['201', '400', '401', '403', '404', '409', '413', '415', '422', '503', 'default'].sort(),
    );
    expect(statuses(document, '/api/blms', 'get')).toEqual(['200', '400', '401', '503', 'default']);
  });

  it('gives every error the one error schema, keeping what the route said, with the headers each status carries', () => {
    const responses = document.paths['/api/incidents/{id}/protective-actions']!.post!.responses;
    const refused = responses['422'] as ResponseObject;
    expect(refused.description).toBe('A business rule refused it');
    expect(refused.content).toEqual(json('ApiError'));
    expect((responses['400'] as ResponseObject).content).toEqual(json('ValidationError'));
    expect(Object.keys((responses['401'] as ResponseObject).headers!)).toEqual([
      'X-Correlation-Id',
      'WWW-Authenticate',
    ]);
    expect(Object.keys((responses['503'] as ResponseObject).headers!)).toEqual(['X-Correlation-Id', 'Retry-After']);
    expect(Object.keys((responses['409'] as ResponseObject).headers!)).toEqual(['X-Correlation-Id', 'ETag']);
    expect(document.components!.schemas!.ApiError).toEqual(
      expect.objectContaining({ required: ['statusCode', 'code', 'message', 'details'] }),
    );
  });

  it('documents the headers of a write: ETag, Location on a 201, Idempotent-Replayed where a key is taken', () => {
    const created = document.paths['/api/incidents/{id}/protective-actions']!.post!.responses['201'] as ResponseObject;
    expect(Object.keys(created.headers!).sort()).toEqual(
      ['ETag', 'Idempotent-Replayed', 'Location', 'X-Correlation-Id'].sort(),
    );
    const read = document.paths['/api/blms']!.get!.responses['200'] as ResponseObject;
    expect(Object.keys(read.headers!)).toEqual(['X-Correlation-Id']);
  });

  it('marks public routes `security: []`, the others bearer, and adds tags where the controller gave none', () => {
    expect(document.paths['/api/audit/log/key']!.get!.security).toEqual([]);
    expect(document.paths['/api/blms']!.get!.security).toEqual([{ bearer: [] }]);
    expect(document.paths['/api/blms']!.get!.tags).toEqual(['blms']);
    expect(document.tags!.map((tag) => tag.name)).toEqual(['audit', 'blms', 'incidents']);
    expect(document.servers).toEqual([{ url: '/' }]);
  });

  it("puts each pipe's rules on the parameter it checks, and takes X-Correlation-Id on every operation", () => {
    const [limit, correlation] = document.paths['/api/blms']!.get!.parameters!;
    expect(limit).toEqual({
      name: 'limit',
      in: 'query',
      required: false,
      schema: { type: 'integer', minimum: 1, maximum: 500 },
    });
    expect(correlation).toEqual({ $ref: '#/components/parameters/CorrelationId' });
    const id = document.paths['/api/incidents/{id}/protective-actions']!.post!.parameters![0] as ParameterObject;
    expect(id.schema).toEqual({ type: 'string', format: 'uuid' });
  });

  it("replaces a body's schema by its validation rules", () => {
    expect(document.components!.schemas!.OrderDto).toEqual({
      type: 'object',
      properties: { radiusMeters: { type: 'integer', minimum: 1, maximum: 10 } },
      required: ['radiusMeters'],
      additionalProperties: false,
    });
  });

  it('leaves the document it was given as it was', () => {
    expect(generated()).toEqual(generated());
    const input = generated();
    completeDocument(input, facts, rules);
    expect(input).toEqual(generated());
  });
});
