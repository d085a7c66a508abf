import type { PipeTransform } from '@nestjs/common';
import { brokenTextRules } from '@enlace/domain';
import type { SchemaObject } from '@nestjs/swagger';
import type { DocumentedPipe } from '../openapi/documented-pipe.js';
import { FieldValidationError } from './validation.js';

/**
 * Free text to search for in the query: at most `max` characters, no control character or bidirectional override (the
 * human-text rules, but for blank, which reads as absent).
 */
export class SearchTextQuery implements PipeTransform<unknown, string | undefined>, DocumentedPipe {
  constructor(
    private readonly field: string,
    private readonly max = 200,
  ) {}

  get schema(): SchemaObject {
    return { type: 'string', maxLength: this.max };
  }

  transform(value: unknown): string | undefined {
    if (value === undefined) return undefined;
    const unsafe =
      typeof value === 'string' && brokenTextRules(value, { multiline: false }).some((rule) => rule !== 'visibleText');
    if (typeof value !== 'string' || value.length > this.max || unsafe) {
      throw new FieldValidationError([
        {
          field: this.field,
          rule: 'searchText',
          message: {
            en: `${this.field} must be one text of at most ${this.max} printable characters`,
            es: `${this.field} debe ser un solo texto de ${this.max} caracteres imprimibles como máximo`,
          },
        },
      ]);
    }
    return value.trim() === '' ? undefined : value.trim();
  }
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/;

/**
 * An instant in the query, as ISO 8601 with its offset (`2026-04-14T06:00:00Z`), or a date (`2026-04-14`, read in
 * UTC: its start for `from`, its end for `to`). Answers the instant as ISO 8601 in UTC.
 */
export class InstantQuery implements PipeTransform<unknown, string | undefined>, DocumentedPipe {
  readonly schema: SchemaObject = {
    type: 'string',
    description: 'ISO 8601: a date (UTC) or a date and time with its offset',
    pattern: `${DATE.source.slice(0, -1)}|${INSTANT.source.slice(1)}`,
  };

  constructor(
    private readonly field: string,
    private readonly end: 'start' | 'end',
  ) {}

  transform(value: unknown): string | undefined {
    if (value === undefined) return undefined;
    const text = typeof value === 'string' ? value : '';
    const at = DATE.test(text)
      ? Date.parse(`${text}T${this.end === 'start' ? '00:00:00.000' : '23:59:59.999'}Z`)
      : INSTANT.test(text)
        ? Date.parse(text)
        : Number.NaN;
    if (Number.isNaN(at)) {
      throw new FieldValidationError([
        {
          field: this.field,
          rule: 'isIso8601',
          message: {
            en: `${this.field} must be a date (2026-04-14) or a date and time with its offset (2026-04-14T06:00:00Z)`,
            es: `${this.field} debe ser una fecha (2026-04-14) o una fecha y hora con su desfase (2026-04-14T06:00:00Z)`,
          },
        },
      ]);
    }
    return new Date(at).toISOString();
  }
}

/** `to` before `from`: a 400 naming `to`. */
export function checkRange(from: string | undefined, to: string | undefined): void {
  if (from !== undefined && to !== undefined && to < from) {
    throw new FieldValidationError([
      {
        field: 'to',
        rule: 'range',
        message: { en: 'to must not be before from', es: 'to no debe ser anterior a from' },
      },
    ]);
  }
}
