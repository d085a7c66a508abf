import { Ajv, type ValidateFunction } from 'ajv';
import addFormatsModule from 'ajv-formats';
import type { Middleware } from 'openapi-fetch';

// ajv-formats is CommonJS: its default export is the plugin under Node's ESM loader, `.default` under swc's interop.
const addFormats = ((addFormatsModule as unknown as { default?: typeof addFormatsModule }).default ??
  addFormatsModule) as unknown as (ajv: Ajv) => Ajv;

/** One response that breaks the document: which operation, which status, what broke. */
export interface Mismatch {
  operation: string;
  status: number;
  problem: string;
}

interface MediaType {
  schema?: object;
  example?: unknown;
  examples?: Record<string, { value?: unknown }>;
}
interface ResponseObject {
  description?: string;
  headers?: Record<string, { required?: boolean } | { $ref: string }>;
  /** `undescribed`: the document says outright that it does not describe this answer's body yet (decision 0027). */
  'x-enlace-body'?: string;
  content?: Record<string, MediaType>;
}
interface OperationObject {
  operationId?: string;
  requestBody?: { content?: Record<string, MediaType> };
  responses?: Record<string, ResponseObject>;
}
/** The parts of an OpenAPI 3.0 document the checks read. */
export interface OpenApiDocument {
  paths: Record<string, Record<string, OperationObject>>;
  components?: { schemas?: Record<string, object>; [kind: string]: Record<string, object> | undefined };
}

/** Where each component schema is registered in ajv (a $ref `#/components/schemas/X` is rewritten to it). */
const SCHEMA_BASE = 'https://enlace.invalid/openapi/components/schemas/';

function withAbsoluteRefs(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withAbsoluteRefs);
  if (value === null || typeof value !== 'object') return value;
  return Object.fromEntries(
    Object.entries(value).map(([key, inner]) =>
      key === '$ref' && typeof inner === 'string' && inner.startsWith('#/components/schemas/')
        ? [key, SCHEMA_BASE + inner.slice('#/components/schemas/'.length)]
        : [key, withAbsoluteRefs(inner)],
    ),
  );
}

/**
 * Checks answers of the api against its OpenAPI 3.0 document: the status is documented for the operation, the body
 * validates against the schema documented for that status and content type (ajv; `nullable` understood), and every
 * documented required header is present. Collects every mismatch instead of stopping at the first.
 */
export class ResponseChecker {
  readonly mismatches: Mismatch[] = [];
  /** `METHOD /path` of every operation answered at least once. */
  readonly operations = new Set<string>();
  /** `METHOD /path status` of every answer checked. */
  readonly statuses = new Set<string>();
  validated = 0;
  /** `METHOD /path status` of answers whose body the document says it does not describe yet (not mismatches). */
  readonly undescribed = new Set<string>();
  private readonly ajv: Ajv;
  private readonly validators = new Map<string, ValidateFunction>();

  constructor(private readonly document: OpenApiDocument) {
    // Strict, except for the annotation keywords OpenAPI 3.0 adds to JSON Schema, which validate nothing.
    this.ajv = new Ajv({ allErrors: true, discriminator: true });
    addFormats(this.ajv);
    this.ajv.addVocabulary(['example', 'xml', 'externalDocs']);
    for (const [name, schema] of Object.entries(document.components?.schemas ?? {})) {
      this.ajv.addSchema({ ...(withAbsoluteRefs(schema) as object), $id: SCHEMA_BASE + name });
    }
  }

  /** The operation of `method` on the path template `path`, or undefined when the document has none. */
  operation(method: string, path: string): OperationObject | undefined {
    return this.document.paths[path]?.[method.toLowerCase()];
  }

  /** Checks one answer; `body` is its text. */
  check(method: string, path: string, status: number, headers: Headers, body: string): void {
    const name = `${method.toUpperCase()} ${path}`;
    this.validated += 1;
    this.operations.add(name);
    this.statuses.add(`${name} ${status}`);
    const fail = (problem: string): void => {
      this.mismatches.push({ operation: name, status, problem });
    };
    const operation = this.operation(method, path);
    if (!operation) return fail('the operation is not in the document');
    const responses = operation.responses ?? {};
    const key = [String(status), `${String(status)[0]}XX`, 'default'].find((candidate) => responses[candidate]);
    if (!key) {
      return fail(`status ${status} is not documented (documented: ${Object.keys(responses).join(', ') || 'none'})`);
    }
    const documented = this.resolve(responses[key]!);
    const under = key === String(status) ? '' : ` (documented only as ${key}: ${Object.keys(responses).join(', ')})`;
    for (const [header, spec] of Object.entries(documented.headers ?? {})) {
      if (this.resolve(spec).required && !headers.has(header)) fail(`required header ${header} is missing${under}`);
    }
    const contentType = headers.get('content-type')?.split(';')[0]?.trim();
    const content = documented.content ?? {};
    if (body.length === 0) {
      if (Object.keys(content).length > 0 && status !== 204 && status !== 304) {
        fail(`empty body, but the document promises ${Object.keys(content).join(', ')}`);
      }
      return;
    }
    if (!contentType) return fail('a body without Content-Type');
    const media = content[contentType];
    if (!media) {
      return fail(
        `content type ${contentType} is not documented (documented: ${Object.keys(content).join(', ') || 'no body'})${under}`,
      );
    }
    if (documented['x-enlace-body'] === 'undescribed') this.undescribed.add(`${name} ${status}`);
    if (!media.schema) return;
    if (!/json/.test(contentType)) return;
    let value: unknown;
    try {
      value = JSON.parse(body);
    } catch {
      return fail(`the ${contentType} body is not JSON`);
    }
    const validate = this.validator(`${name} ${status} ${contentType}`, media.schema);
    if (!validate(value)) {
      const errors = (validate.errors ?? [])
        .slice(0, 5)
        .map((error) => `${error.instancePath || '/'} ${error.message ?? ''}${paramsText(error.params)}`);
      fail(`body breaks the schema${under}: ${errors.join('; ')}`);
    }
  }

  /** `value`, or what its local `$ref` (`#/components/<kind>/<name>`) points at. */
  private resolve<T extends object>(value: T | { $ref: string }): T {
    if (!('$ref' in value) || typeof value.$ref !== 'string') return value as T;
    const [, kind, name] = /^#\/components\/([^/]+)\/(.+)$/.exec(value.$ref) ?? [];
    const target = kind && name ? this.document.components?.[kind]?.[name] : undefined;
    if (!target) throw new Error(`The document's $ref ${value.$ref} points at nothing`);
    return this.resolve(target as T);
  }

  /** An openapi-fetch middleware that checks every answer the client receives. */
  middleware(): Middleware {
    return {
      onResponse: async ({ request, response, schemaPath }) => {
        this.check(request.method, schemaPath, response.status, response.headers, await response.clone().text());
        return undefined;
      },
    };
  }

  /** The figures and every mismatch, one a line. */
  report(): string {
    return [
      `operations exercised: ${this.operations.size}`,
      `responses validated: ${this.validated} (${this.statuses.size} distinct operation/status pairs)`,
      `mismatches: ${this.mismatches.length}`,
      ...this.mismatches.map((mismatch) => `  ${mismatch.operation} -> ${mismatch.status}: ${mismatch.problem}`),
      `bodies the document says it does not describe yet (x-enlace-body: undescribed): ${this.undescribed.size}`,
      ...[...this.undescribed].map((answer) => `  ${answer}`),
    ].join('\n');
  }

  private validator(key: string, schema: object): ValidateFunction {
    let validate = this.validators.get(key);
    if (!validate) {
      validate = this.ajv.compile(withAbsoluteRefs(schema) as object);
      this.validators.set(key, validate);
    }
    return validate;
  }
}

function paramsText(params: Record<string, unknown>): string {
  const { additionalProperty, allowedValues, missingProperty } = params;
  const detail = additionalProperty ?? missingProperty ?? allowedValues;
  return detail === undefined ? '' : ` (${JSON.stringify(detail)})`;
}
