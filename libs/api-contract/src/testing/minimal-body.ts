import { randomUUID } from 'node:crypto';

interface Schema {
  $ref?: string;
  type?: string;
  format?: string;
  enum?: unknown[];
  example?: unknown;
  default?: unknown;
  minimum?: number;
  minLength?: number;
  minItems?: number;
  minProperties?: number;
  items?: Schema;
  properties?: Record<string, Schema>;
  required?: string[];
  allOf?: Schema[];
  oneOf?: Schema[];
  anyOf?: Schema[];
}

/**
 * The smallest body the document says is valid for `schema`: only required properties (or `minProperties`), each the schema's example
 * (or its first enum value, its minimum, a UUID or an instant an hour ahead for those formats, one item per array
 * item needed). What a client generated from the document would send with the least effort: the server must not
 * refuse it as malformed (400).
 */
export function minimalBody(schema: Schema, schemas: Record<string, Schema>, now = 0): unknown {
  if (schema.$ref) return minimalBody(schemas[schema.$ref.split('/').pop()!] ?? {}, schemas, now);
  if (schema.example !== undefined) return schema.example;
  if (schema.enum?.length) return schema.enum[0];
  const [first] = schema.allOf ?? schema.oneOf ?? schema.anyOf ?? [];
  if (first) return minimalBody(first, schemas, now);
  switch (schema.type ?? (schema.properties ? 'object' : undefined)) {
    case 'object': {
      // The required properties, then the first optional ones until there are `minProperties`.
      const required = schema.required ?? [];
      const optional = Object.keys(schema.properties ?? {}).filter((name) => !required.includes(name));
      const names = [...required, ...optional.slice(0, Math.max(0, (schema.minProperties ?? 0) - required.length))];
      return Object.fromEntries(
        names.map((name) => [name, minimalBody(schema.properties?.[name] ?? {}, schemas, now)]),
      );
    }
    case 'array':
      return Array.from({ length: schema.minItems ?? 0 }, () => minimalBody(schema.items ?? {}, schemas, now));
    case 'integer':
    case 'number':
      return schema.minimum ?? 1;
    case 'boolean':
      return false;
    case 'string':
      if (schema.format === 'uuid') return randomUUID();
      if (schema.format === 'date-time') return new Date(now + 3_600_000).toISOString();
      return 'x'.repeat(Math.max(1, schema.minLength ?? 1));
    default:
      return {};
  }
}
