import type {
  HeaderObject,
  OpenAPIObject,
  OperationObject,
  ParameterObject,
  ReferenceObject,
  ResponseObject,
  SchemaObject,
} from '@nestjs/swagger';
import { CORRELATION_ID } from '../common/command-context.js';
import { DRILL_HEADER } from '../common/world.js';
import { ALSO_PLAIN_TEXT, ANSWER_BODIES, ANSWER_SCHEMAS } from './answer-schemas.js';
import { API_ERROR_SCHEMAS } from './error-schemas.js';
import { CLOSED_ANSWERS } from './read-schemas.js';
import type { RouteFacts } from './route-facts.js';
import { dtoSchema, type ValidationMetadata } from './validation-schema.js';

export const CORRELATION_HEADER = 'X-Correlation-Id';

const ref = (kind: 'schemas' | 'headers' | 'parameters' | 'responses', name: string): ReferenceObject => ({
  $ref: `#/components/${kind}/${name}`,
});

/** The headers answers carry, declared once. */
const HEADERS: Record<string, HeaderObject> = {
  CorrelationId: {
    description:
      'The id of this request in the logs: the one the client sent in X-Correlation-Id, or one the api made up',
    schema: { type: 'string', maxLength: 200 },
  },
  ETag: {
    description: 'The revision of the resource after this answer, quoted (e.g. "3"): send it as If-Match',
    schema: { type: 'string', pattern: '^"\\d+"$' },
  },
  Location: {
    description: 'Where what the request created can be read',
    schema: { type: 'string', format: 'uri-reference' },
  },
  IdempotentReplayed: {
    description: 'Present (true) when this answers a retry with the same Idempotency-Key: nothing new was recorded',
    schema: { type: 'string', enum: ['true'] },
  },
  RetryAfter: {
    description: 'Seconds to wait before trying again',
    schema: { type: 'integer', minimum: 0 },
  },
  WWWAuthenticate: {
    description:
      'RFC 6750: `Bearer realm="enlace"`, with `error="invalid_token"` when a token was sent and refused (expired, ' +
      'revoked, malformed)',
    schema: { type: 'string', pattern: '^Bearer realm="enlace"' },
  },
  NextCursor: {
    description: 'Where the next page starts: send it as `cursor` (absent on the last page)',
    schema: { type: 'string' },
  },
};

const CORRELATION_PARAMETER: ParameterObject = {
  name: CORRELATION_HEADER,
  in: 'header',
  required: false,
  description: 'An id of your own for this request, repeated in the answer and in the logs',
  schema: { type: 'string', pattern: CORRELATION_ID.source },
};

/** Why an operation answers each error status (when its own decorators did not say). */
const REASONS: Record<number, string> = {
  400: 'The request is malformed: a field, parameter or header breaks a rule (details.fields names each, with the rule)',
  401: 'No valid bearer token (missing, malformed, expired or revoked): sign in (POST /api/auth/login) or refresh',
  403: "The caller's role or side may not do this, or takes no part in the drill named by Enlace-Drill",
  404: 'No such resource (or no such drill in Enlace-Drill)',
  409:
    'Conflict: If-Match names a revision that is no longer current (ETag gives the current one; re-read and retry), ' +
    'the event ids of a retry overlap an earlier request only in part, or the drill has ended or is halted',
  413: 'The body is larger than the api accepts',
  415: 'The body is not JSON (send Content-Type: application/json)',
  422:
    'A business rule refused the command (the reason in English and Spanish), or an Idempotency-Key was reused ' +
    'with another body',
  429: 'Too many requests: wait Retry-After seconds',
  503:
    'The event store (or Redis) is not answering; nothing was recorded. Retry after Retry-After seconds, with the ' +
    'same Idempotency-Key',
};

const METHODS = ['get', 'put', 'post', 'delete', 'patch', 'options', 'head', 'trace'] as const;

/** Every operation of the document, with its path and method. */
export function operationsOf(document: OpenAPIObject): { path: string; method: string; operation: OperationObject }[] {
  return Object.entries(document.paths).flatMap(([path, item]) =>
    METHODS.flatMap((method) => (item[method] ? [{ path, method, operation: item[method] }] : [])),
  );
}

const isReference = (value: unknown): value is ReferenceObject =>
  typeof value === 'object' && value !== null && '$ref' in value;

function parametersOf(operation: OperationObject): ParameterObject[] {
  return (operation.parameters ?? []).filter((parameter): parameter is ParameterObject => !isReference(parameter));
}

function hasHeader(operation: OperationObject, name: string): boolean {
  return parametersOf(operation).some(
    (parameter) => parameter.in === 'header' && parameter.name.toLowerCase() === name.toLowerCase(),
  );
}

/** The schema of a JSON answer, if it has one. */
function jsonSchema(response: ResponseObject): SchemaObject | ReferenceObject | undefined {
  return response.content?.['application/json']?.schema;
}

function errorResponse(status: number, existing: ResponseObject | undefined): ResponseObject {
  const headers: Record<string, HeaderObject | ReferenceObject> = {
    ...withSchemas(existing?.headers),
    [CORRELATION_HEADER]: ref('headers', 'CorrelationId'),
  };
  if (status === 401) headers['WWW-Authenticate'] = ref('headers', 'WWWAuthenticate');
  if (status === 429 || status === 503) headers['Retry-After'] = ref('headers', 'RetryAfter');
  if (status === 409) headers.ETag = ref('headers', 'ETag');
  const description = existing?.description?.trim() ? existing.description : (REASONS[status] ?? 'Error');
  return {
    description,
    headers,
    content: { 'application/json': { schema: ref('schemas', status === 400 ? 'ValidationError' : 'ApiError') } },
  };
}

/** The error statuses an operation can answer, from what it takes and who may call it. */
function errorStatuses(operation: OperationObject, facts: RouteFacts | undefined): Set<number> {
  const statuses = new Set(
    Object.keys(operation.responses)
      .map(Number)
      .filter((status) => status >= 400),
  );
  const parameters = parametersOf(operation).filter((parameter) => parameter.name !== CORRELATION_HEADER);
  const hasBody = operation.requestBody !== undefined;
  const inDrill = hasHeader(operation, DRILL_HEADER);
  if (hasBody || parameters.length > 0) statuses.add(400);
  if (facts && !facts.public) statuses.add(401);
  if (facts?.roles || inDrill) statuses.add(403);
  if (inDrill || parameters.some((parameter) => parameter.in === 'path')) statuses.add(404);
  if (inDrill || hasHeader(operation, 'If-Match')) statuses.add(409);
  if (hasHeader(operation, 'Idempotency-Key')) statuses.add(422);
  if (hasBody) {
    statuses.add(413);
    statuses.add(415);
  }
  statuses.add(503);
  return statuses;
}

/**
 * A read whose answer has no schema yet (a read model typed in TypeScript only): the document says it is JSON of a
 * shape not yet described, and marks it (`x-enlace-body: undescribed`) so that the contract checks can count them.
 */
function undescribedBody(response: ResponseObject): void {
  response.content = {
    'application/json': { schema: { description: 'Not described in this document yet (docs/decisions/0027)' } },
  };
  (response as ResponseObject & { 'x-enlace-body'?: string })['x-enlace-body'] = 'undescribed';
}

/** Headers a route declared with a description only get the schema every header has at least: a string. */
function withSchemas(
  headers: Record<string, HeaderObject | ReferenceObject> | undefined,
): Record<string, HeaderObject | ReferenceObject> {
  return Object.fromEntries(
    Object.entries(headers ?? {}).map(([name, header]) => [
      name,
      isReference(header) || header.schema || header.content ? header : { ...header, schema: { type: 'string' } },
    ]),
  );
}

/** The headers of a successful answer. */
function successHeaders(
  status: number,
  response: ResponseObject,
  operation: OperationObject,
  method: string,
): Record<string, HeaderObject | ReferenceObject> {
  const headers: Record<string, HeaderObject | ReferenceObject> = {
    ...withSchemas(response.headers),
    [CORRELATION_HEADER]: ref('headers', 'CorrelationId'),
  };
  const schema = jsonSchema(response);
  const isWrite = isReference(schema) && schema.$ref.endsWith('/WriteResult');
  if (isWrite || headers.ETag) headers.ETag = ref('headers', 'ETag');
  if (status === 201 && method === 'post') headers.Location = ref('headers', 'Location');
  if (hasHeader(operation, 'Idempotency-Key')) headers['Idempotent-Replayed'] = ref('headers', 'IdempotentReplayed');
  if (headers['X-Next-Cursor']) headers['X-Next-Cursor'] = ref('headers', 'NextCursor');
  return headers;
}

/** Puts what a documented pipe accepts on the parameter it checks. */
function checkedParameter(parameter: ParameterObject, facts: RouteFacts | undefined): ParameterObject {
  const checked = facts?.parameters.find(
    (candidate) => candidate.in === parameter.in && candidate.name === parameter.name,
  );
  if (!checked) return parameter;
  const current = parameter.schema && !isReference(parameter.schema) ? parameter.schema : {};
  const { type: _declared, ...kept } = current;
  return {
    ...parameter,
    required: parameter.in === 'path' ? true : (checked.required ?? false),
    schema: { ...kept, ...checked.schema },
  };
}

/** The schema components `value` refers to. */
function schemaRefs(value: unknown): string[] {
  const prefix = '"$ref":"#/components/schemas/';
  return JSON.stringify(value)
    .split(prefix)
    .slice(1)
    .map((rest) => rest.slice(0, rest.indexOf('"')));
}

/**
 * Drops the schema components nothing refers to any more (a bilingual text's DTO, now written out where it is used),
 * so that the document lists only what it uses.
 */
function dropUnusedSchemas(document: OpenAPIObject): void {
  const schemas = document.components?.schemas ?? {};
  const used = new Set(schemaRefs({ ...document, components: { ...document.components, schemas: {} } }));
  for (let pending = [...used]; pending.length > 0;) {
    pending = pending.flatMap((name) => schemaRefs(schemas[name]).filter((next) => !used.has(next)));
    for (const name of pending) used.add(name);
  }
  for (const name of Object.keys(schemas)) {
    if (!used.has(name)) delete schemas[name];
  }
}

/** A tag from the path when the controller gave none: `/api/blms/{id}` → `blms`. */
function tagOf(path: string): string {
  return path.replace(/^\/api\//, '/').split('/')[1] ?? 'api';
}

/**
 * The document Nest generated, completed from what Nest knows of each route (see route-facts.ts) and from the
 * class-validator rules of each body: one error schema on every error answer, every status each operation can
 * answer, the headers of requests and answers, each parameter's and body's rules as schema keywords, `security: []`
 * on public routes, relative `servers`. Pure: the same input gives the same document.
 */
export function completeDocument(
  generated: OpenAPIObject,
  facts: ReadonlyMap<string, RouteFacts>,
  rules: ReadonlyMap<string, ValidationMetadata[]>,
): OpenAPIObject {
  const document = structuredClone(generated);
  document.servers = [{ url: '/' }];
  document.info = { ...document.info, license: document.info.license ?? { name: 'UNLICENSED' } };
  const schemas = { ...document.components?.schemas };
  for (const [name, schema] of Object.entries(schemas)) {
    const own = rules.get(name);
    if (own && own.length > 0 && !isReference(schema)) schemas[name] = dtoSchema(schema, own);
    else if (CLOSED_ANSWERS.includes(name) && !isReference(schema)) {
      schemas[name] = { ...schema, additionalProperties: false };
    }
  }
  document.components = {
    ...document.components,
    schemas: { ...schemas, ...ANSWER_SCHEMAS, ...API_ERROR_SCHEMAS },
    headers: { ...document.components?.headers, ...HEADERS },
    parameters: { ...document.components?.parameters, CorrelationId: CORRELATION_PARAMETER },
  };
  const tags = new Set((document.tags ?? []).map((tag) => tag.name));
  for (const { path, method, operation } of operationsOf(document)) {
    const own = operation.operationId ? facts.get(operation.operationId) : undefined;
    // A public route needs no user's token, but may name a scheme of its own (/metrics: the site's metrics token).
    const ownSchemes = (operation.security ?? []).filter((requirement) => !('bearer' in requirement));
    if (own?.public) operation.security = ownSchemes;
    else operation.security = [{ bearer: [] }];
    if (!operation.tags || operation.tags.length === 0) operation.tags = [tagOf(path)];
    for (const tag of operation.tags) tags.add(tag);
    operation.parameters = [
      ...parametersOf(operation).map((parameter) => checkedParameter(parameter, own)),
      ref('parameters', 'CorrelationId'),
    ];
    if (operation.requestBody && !isReference(operation.requestBody)) operation.requestBody.required = true;
    if (!Object.keys(operation.responses).some((status) => status.startsWith('2'))) {
      operation.responses['200'] = { description: 'OK' };
    }
    for (const [status, response] of Object.entries(operation.responses)) {
      const code = Number(status);
      if (code >= 200 && code < 300 && response && !isReference(response)) {
        response.headers = successHeaders(code, response, operation, method);
        if (!response.description?.trim()) response.description = code === 201 ? 'Created' : 'OK';
        const body = ANSWER_BODIES[`${method} ${path}`];
        if (code !== 204 && !response.content && body) {
          response.content = { 'application/json': { schema: body } };
          if (ALSO_PLAIN_TEXT.includes(`${method} ${path}`)) {
            response.content['text/plain'] = { schema: { type: 'string' } };
          }
        }
        if (code !== 204 && !response.content) undescribedBody(response);
      }
    }
    for (const status of errorStatuses(operation, own)) {
      const existing = operation.responses[status];
      operation.responses[status] = errorResponse(status, isReference(existing) ? undefined : existing);
    }
    operation.responses.default = {
      description: 'Something went wrong on the server side (500), or another error in the same shape',
      headers: { [CORRELATION_HEADER]: ref('headers', 'CorrelationId') },
      content: { 'application/json': { schema: ref('schemas', 'ApiError') } },
    };
  }
  dropUnusedSchemas(document);
  const described = new Map((document.tags ?? []).map((tag) => [tag.name, tag]));
  document.tags = [...tags].sort().map((name) => described.get(name) ?? { name, description: `The ${name} routes` });
  return document;
}
