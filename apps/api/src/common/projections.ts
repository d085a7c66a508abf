import { applyDecorators, type PipeTransform } from '@nestjs/common';
import { ApiOkResponse, ApiQuery, type SchemaObject } from '@nestjs/swagger';
import type { DocumentedPipe } from '../openapi/documented-pipe.js';
import { isPosition, type Position } from '@enlace/event-store';
import type { Page, PageRequest } from '@enlace/projections';
import type { Response } from 'express';
import { EnumParam } from './params.js';
import { FieldValidationError } from './validation.js';

/** A position of the global log (as this api returns them) in the query; `field` names it in the 400. */
export class PositionQuery implements PipeTransform<unknown, Position | undefined>, DocumentedPipe {
  readonly schema: SchemaObject = { type: 'string', pattern: '^\\d{20}:\\d{20}$' };
  constructor(
    private readonly field = 'after',
    readonly required = false,
  ) {}

  transform(value: unknown): Position | undefined {
    if (value === undefined && !this.required) return undefined;
    if (!isPosition(value)) {
      throw new FieldValidationError([
        {
          field: this.field,
          rule: value === undefined ? 'required' : 'position',
          message: {
            en: `${this.field} must be a position returned by this api (20 digits, a colon, 20 digits)`,
            es: `${this.field} debe ser una posición devuelta por esta api (20 dígitos, dos puntos, 20 dígitos)`,
          },
        },
      ]);
    }
    return value;
  }
}

/** A whole number of at least `min` in the query (a tree size, a leaf count); `field` names it in the 400. */
export class WholeNumberQuery implements PipeTransform<unknown, number | undefined>, DocumentedPipe {
  constructor(
    private readonly field: string,
    private readonly options: { min: number; required?: boolean },
  ) {}

  get schema(): SchemaObject {
    return { type: 'integer', minimum: this.options.min, maximum: 999_999_999_999_999 };
  }

  get required(): boolean {
    return this.options.required === true;
  }

  transform(value: unknown): number | undefined {
    if (value === undefined && !this.options.required) return undefined;
    const { min } = this.options;
    // A route parameter typed `number` may arrive converted already by the global validation pipe.
    const text = typeof value === 'number' ? String(value) : value;
    if (typeof text !== 'string' || !/^\d{1,15}$/.test(text) || Number(text) < min) {
      throw new FieldValidationError([
        {
          field: this.field,
          rule: value === undefined ? 'required' : 'min',
          message: {
            en: `${this.field} must be a whole number of at least ${min}`,
            es: `${this.field} debe ser un número entero de al menos ${min}`,
          },
        },
      ]);
    }
    return Number(text);
  }
}

/** An optional query parameter that must be one of `allowed` (see EnumParam). */
export class EnumQuery<T extends string> implements PipeTransform<unknown, T | undefined>, DocumentedPipe {
  private readonly param: EnumParam<T>;

  get schema(): SchemaObject {
    return this.param.schema;
  }

  constructor(name: string, allowed: readonly T[]) {
    this.param = new EnumParam(name, allowed);
  }

  transform(value: unknown): T | undefined {
    if (value === undefined) return undefined;
    // A repeated parameter (?status=a&status=b) arrives as an array: refused like any value not in the list.
    return this.param.transform(typeof value === 'string' ? value : '');
  }
}

export class OptionalSlugQuery implements PipeTransform<unknown, string | undefined>, DocumentedPipe {
  readonly schema: SchemaObject = { type: 'string', pattern: '^[a-z0-9]+(-[a-z0-9]+)*$' };
  constructor(private readonly name: string) {}

  transform(value: unknown): string | undefined {
    if (value === undefined) return undefined;
    if (typeof value !== 'string' || !/^[a-z0-9]+(-[a-z0-9]+)*$/.test(value)) {
      throw new FieldValidationError([
        {
          field: this.name,
          rule: 'format',
          message: { en: `${this.name} must be an id`, es: `${this.name} debe ser un id` },
        },
      ]);
    }
    return value;
  }
}

export const DEFAULT_PAGE_LIMIT = 100;
export const MAX_PAGE_LIMIT = 500;

/** `limit`: how many items a page holds, 1 to 500 (100 when absent). */
export class LimitQuery implements PipeTransform<unknown, number>, DocumentedPipe {
  readonly schema: SchemaObject = { type: 'integer', minimum: 1, maximum: MAX_PAGE_LIMIT, default: DEFAULT_PAGE_LIMIT };
  transform(value: unknown): number {
    if (value === undefined) return DEFAULT_PAGE_LIMIT;
    // The global validation pipe may have converted the query value to a number already (see WholeNumberQuery).
    const text = typeof value === 'number' ? String(value) : value;
    const limit = typeof text === 'string' && /^\d{1,4}$/.test(text) ? Number(text) : Number.NaN;
    if (!(limit >= 1 && limit <= MAX_PAGE_LIMIT)) {
      throw new FieldValidationError([
        {
          field: 'limit',
          rule: 'range',
          message: {
            en: `limit must be a whole number from 1 to ${MAX_PAGE_LIMIT}`,
            es: `limit debe ser un número entero de 1 a ${MAX_PAGE_LIMIT}`,
          },
        },
      ]);
    }
    return limit;
  }
}

/** `cursor`: the `X-Next-Cursor` of the page before (opaque to clients). */
export class CursorQuery implements PipeTransform<unknown, string | undefined>, DocumentedPipe {
  readonly schema: SchemaObject = { type: 'string', pattern: '^[\\x21-\\x7e]{1,200}$' };
  transform(value: unknown): string | undefined {
    if (value === undefined) return undefined;
    if (typeof value !== 'string' || !/^[\x21-\x7e]{1,200}$/.test(value)) {
      throw new FieldValidationError([
        {
          field: 'cursor',
          rule: 'cursor',
          message: {
            en: 'cursor must be the X-Next-Cursor header of a page this api returned',
            es: 'cursor debe ser el encabezado X-Next-Cursor de una página devuelta por esta api',
          },
        },
      ]);
    }
    return value;
  }
}

/** The page's items as the body; where the next page starts in `X-Next-Cursor` (absent on the last page). */
export function paged<Item>(response: Response, page: Page<Item>): Item[] {
  if (page.next !== undefined) response.setHeader('X-Next-Cursor', page.next);
  return page.items;
}

export function pageOf(limit: number, cursor: string | undefined): PageRequest {
  return { limit, ...(cursor !== undefined ? { cursor } : {}) };
}

/** A paged list's OpenAPI: `limit` (1–500, default 100), `cursor`, and the `X-Next-Cursor` header of its answer. */
export const PagedList = (description: string): MethodDecorator =>
  applyDecorators(
    ApiQuery({ name: 'limit', required: false, schema: { type: 'integer', minimum: 1, maximum: 500, default: 100 } }),
    ApiQuery({ name: 'cursor', required: false, description: 'The X-Next-Cursor header of the page before' }),
    ApiOkResponse({
      description,
      headers: { 'X-Next-Cursor': { description: 'Where the next page starts (absent on the last page)' } },
    }),
  );
