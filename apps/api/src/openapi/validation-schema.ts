import type { ReferenceObject, SchemaObject } from '@nestjs/swagger';
import { getMetadataStorage } from 'class-validator';
import { HUMAN_TEXT_RULES } from '@enlace/domain';

type Schema = SchemaObject | ReferenceObject;

/** What the converter reads of a class-validator rule (its `ValidationMetadata`). */
export interface ValidationMetadata {
  /** `customValidation`, `nestedValidation`, `conditionalValidation`, `whitelistValidation`, `isDefined`. */
  type: string;
  /** The rule's name (`isIn`, `matches`, `bilingualText`, …). */
  name?: string;
  propertyName: string;
  constraints: unknown[];
  /** The rule applies to each item of an array. */
  each: boolean;
}

/** The class-validator rules of every class the metadata storage knows, by class name (a DTO's schema name). */
export function validatedClasses(): Map<string, ValidationMetadata[]> {
  const storage = getMetadataStorage() as unknown as {
    validationMetadatas: Map<abstract new (...args: never[]) => unknown, unknown[]>;
  };
  const byName = new Map<string, ValidationMetadata[]>();
  for (const target of storage.validationMetadatas.keys()) {
    if (!target.name) continue;
    // With the rules it inherits (LocationDto extends PointDto), as the pipe validates it.
    byName.set(target.name, getMetadataStorage().getTargetValidationMetadatas(target, '', true, false));
  }
  return byName;
}

/**
 * The human-text rules (see `brokenTextRules` in the domain) as one pattern: at least one visible character (a
 * letter, digit, punctuation mark or symbol that is not a blank letter), no bidirectional override, no control
 * character (line breaks and tabs allowed in long texts; one-line texts refuse U+2028 and U+2029 too).
 */
export function humanTextPattern(multiline: boolean): string {
  const visible = '(?![\\u115F\\u1160\\u3164\\uFFA0\\u2800])[\\p{L}\\p{N}\\p{P}\\p{S}]';
  const refused = multiline
    ? '\\u0000-\\u0008\\u000B\\u000C\\u000E-\\u001F\\u007F-\\u009F\\u202A-\\u202E\\u2066-\\u2069'
    : '\\u0000-\\u001F\\u007F-\\u009F\\u2028\\u2029\\u202A-\\u202E\\u2066-\\u2069';
  return `^(?=[\\s\\S]*${visible})[^${refused}]*$`;
}

const HUMAN_TEXT_RULE_NAMES: readonly string[] = HUMAN_TEXT_RULES;

/** The keywords one rule adds to the schema of the value it checks (each item's, for `each` rules). */
function keywordsOf(rule: ValidationMetadata): SchemaObject | undefined {
  const [first, second] = rule.constraints ?? [];
  switch (rule.name) {
    case 'isString':
      return { type: 'string' };
    case 'isInt':
      return { type: 'integer' };
    case 'isNumber':
      return { type: 'number' };
    case 'isBoolean':
      return { type: 'boolean' };
    case 'isUuid':
      return { type: 'string', format: 'uuid' };
    case 'isIso8601':
    case 'isISO8601':
    case 'isDateString':
      return { type: 'string', format: 'date-time' };
    case 'minLength':
      return { minLength: first as number };
    case 'maxLength':
      return { maxLength: first as number };
    case 'isLength':
      return { minLength: first as number, ...(second !== undefined ? { maxLength: second as number } : {}) };
    case 'isNotEmpty':
      return { minLength: 1 };
    case 'matches':
      return { type: 'string', pattern: first instanceof RegExp ? first.source : String(first) };
    case 'min':
      return { minimum: first as number };
    case 'max':
      return { maximum: first as number };
    case 'isLatitude':
      return { type: 'number', minimum: -90, maximum: 90 };
    case 'isLongitude':
      return { type: 'number', minimum: -180, maximum: 180 };
    case 'isIn':
      return { enum: [...(first as unknown[])] };
    case 'isEnum':
      return { enum: [...((second as unknown[] | undefined) ?? Object.values(first as Record<string, unknown>))] };
    case 'isLowercase':
      return { pattern: '^[^\\p{Lu}]*$' };
    case 'isArray':
      return { type: 'array' };
    case 'isObject':
      return { type: 'object' };
    default:
      return undefined;
  }
}

/** Array-level rules: they apply to the list itself even where the others apply to each item. */
function arrayKeywordsOf(rule: ValidationMetadata): SchemaObject | undefined {
  const [first] = rule.constraints ?? [];
  switch (rule.name) {
    case 'arrayMinSize':
      return { minItems: first as number };
    case 'arrayMaxSize':
      return { maxItems: first as number };
    case 'arrayUnique':
      return { uniqueItems: true };
    case 'isArray':
      return { type: 'array' };
    default:
      return undefined;
  }
}

/** Adds `extra` to `schema`; a second pattern is added beside the first (`allOf`), never over it. */
function merge(schema: SchemaObject, extra: SchemaObject): void {
  for (const [key, value] of Object.entries(extra) as [keyof SchemaObject, unknown][]) {
    if (key === 'pattern' && schema.pattern !== undefined && schema.pattern !== value) {
      schema.allOf = [...(schema.allOf ?? []), { pattern: value as string }];
    } else {
      (schema as Record<string, unknown>)[key] = value;
    }
  }
}

interface TextRuleSettings {
  multiline: boolean | ((body: object) => boolean);
  bilingual: boolean;
}

/** `{ en?, es? }`: at least one language, each a human text of at most `maxLength` characters. */
export function bilingualTextSchema(maxLength: number, multiline: boolean): SchemaObject {
  const text: SchemaObject = { type: 'string', minLength: 1, maxLength, pattern: humanTextPattern(multiline) };
  return {
    type: 'object',
    properties: { en: { ...text }, es: { ...text } },
    minProperties: 1,
    additionalProperties: false,
    description: 'At least one language (en, es); the other can be added later as a translation',
  };
}

/**
 * The schema of one property from its rules: what class-validator checks becomes keywords, so that a body the
 * schema accepts is one the server accepts. `current` is what @ApiProperty declared (kept where the rules say
 * nothing, e.g. a nested object's `$ref`).
 */
export function propertySchema(current: Schema | undefined, rules: ValidationMetadata[]): Schema {
  const bilingual = rules.find((rule) => rule.name === 'bilingualText');
  const textRule = rules.find((rule) => HUMAN_TEXT_RULE_NAMES.includes(rule.name ?? ''));
  // A function decides per body (a translation of a title stays on one line): the schema keeps the looser rule.
  const multiline = (textRule?.constraints?.[0] as TextRuleSettings | undefined)?.multiline !== false;
  if (bilingual) {
    const description = current && !('$ref' in current) ? current.description : undefined;
    return {
      ...bilingualTextSchema((bilingual.constraints?.[0] as number | undefined) ?? 4000, multiline),
      ...(description ? { description } : {}),
    };
  }
  if (current && '$ref' in current) return current;
  const schema: SchemaObject = { ...(current ?? {}) };
  delete schema.required;
  const isArray = rules.some((rule) => rule.name === 'isArray') || schema.type === 'array';
  const items: SchemaObject =
    isArray && schema.items && !('$ref' in schema.items) ? { ...schema.items } : isArray ? {} : schema;
  for (const rule of rules) {
    if (rule.name === 'isObject' && rules.some((other) => other.type === 'nestedValidation')) continue;
    const arrayKeywords = isArray ? arrayKeywordsOf(rule) : undefined;
    if (arrayKeywords) {
      merge(schema, arrayKeywords);
      continue;
    }
    const keywords = keywordsOf(rule);
    if (keywords) merge(isArray && rule.each ? items : schema, keywords);
  }
  if (textRule) merge(isArray ? items : schema, { type: 'string', pattern: humanTextPattern(multiline) });
  if (isArray && (!schema.items || !('$ref' in schema.items))) schema.items = items;
  if (schema.enum && schema.type === undefined) {
    schema.type = typeof schema.enum[0] === 'number' ? 'number' : 'string';
  }
  return schema;
}

/** Whether a property may be absent: it carries a condition (`OptionalField`, `IsOptional`, `ValidateIf`). */
export function isOptional(rules: ValidationMetadata[]): boolean {
  return rules.some((rule) => rule.type === 'conditionalValidation');
}

/**
 * A DTO's schema as the validation pipe enforces it: each property's rules as keywords, `required` from the rules
 * (a property without a condition must be present), and no other property (the pipe forbids unknown ones).
 */
export function dtoSchema(current: SchemaObject, rules: ValidationMetadata[]): SchemaObject {
  const byProperty = new Map<string, ValidationMetadata[]>();
  for (const rule of rules) {
    if (rule.type === 'whitelistValidation') continue;
    byProperty.set(rule.propertyName, [...(byProperty.get(rule.propertyName) ?? []), rule]);
  }
  const properties: Record<string, Schema> = {};
  const required: string[] = [];
  for (const [name, own] of byProperty) {
    properties[name] = propertySchema(current.properties?.[name], own);
    if (!isOptional(own)) required.push(name);
  }
  return {
    ...current,
    type: 'object',
    properties,
    ...(required.length > 0 ? { required } : {}),
    additionalProperties: false,
  };
}
