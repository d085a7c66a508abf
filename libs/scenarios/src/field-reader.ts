import { brokenTextRules, type HumanTextRule } from '@enlace/domain';
import type { FieldPath, ProblemList } from './scenario-problem.js';
import type { Bilingual } from './bilingual.js';
import { minutesOf } from './duration.js';

const HUMAN_TEXT_MESSAGES: Record<HumanTextRule, { en: string; es: string }> = {
  visibleText: { en: 'must hold a visible character', es: 'debe contener un carácter visible' },
  noBidiOverrides: {
    en: 'must not hold bidirectional override characters',
    es: 'no debe contener caracteres de control de dirección del texto',
  },
  noControlCharacters: {
    en: 'must not hold control characters (line breaks only in long texts)',
    es: 'no debe contener caracteres de control (saltos de línea solo en textos largos)',
  },
  wellFormedText: { en: 'must be well-formed Unicode', es: 'debe ser Unicode bien formado' },
};

export type Fields = Record<string, unknown>;

function describeValue(value: unknown): string {
  if (Array.isArray(value)) return 'a list';
  if (value === null) return 'null';
  return typeof value === 'object' ? 'an object' : `a ${typeof value}`;
}

/**
 * Reads one scenario's untyped data (from YAML, JSON or a spreadsheet) into typed values, recording every problem
 * with its path instead of stopping at the first. A missing or bad value reads as a placeholder of the right type;
 * the caller refuses the whole scenario when any problem was recorded, so no placeholder ever reaches a drill.
 */
export class FieldReader {
  constructor(readonly problems: ProblemList) {}

  /** An object with only the `allowed` keys (a misspelt key is refused, not silently ignored). */
  object(value: unknown, path: FieldPath, allowed: readonly string[]): Fields {
    if (value === null || typeof value !== 'object' || Array.isArray(value)) {
      this.problems.add(path, 'type', `must be an object, not ${describeValue(value)}`, 'debe ser un objeto');
      return {};
    }
    for (const key of Object.keys(value)) {
      if (!allowed.includes(key)) {
        this.problems.add(
          [...path, key],
          'unknownField',
          `is not a field here (allowed: ${allowed.join(', ')})`,
          `no es un campo permitido aquí (permitidos: ${allowed.join(', ')})`,
        );
      }
    }
    return value as Fields;
  }

  has(fields: Fields, key: string): boolean {
    return fields[key] !== undefined && fields[key] !== null;
  }

  missing(path: FieldPath): void {
    this.problems.add(path, 'required', 'is required', 'es obligatorio');
  }

  string(fields: Fields, key: string, path: FieldPath, pattern?: { regex: RegExp; en: string; es: string }): string {
    const value = fields[key];
    const at = [...path, key];
    if (value === undefined || value === null || value === '') {
      this.missing(at);
      return '';
    }
    if (typeof value !== 'string') {
      this.problems.add(at, 'type', `must be text, not ${describeValue(value)}`, 'debe ser texto');
      return '';
    }
    if (pattern && !pattern.regex.test(value)) this.problems.add(at, 'pattern', pattern.en, pattern.es);
    return value;
  }

  optionalString(fields: Fields, key: string, path: FieldPath): string | undefined {
    return this.has(fields, key) ? this.string(fields, key, path) : undefined;
  }

  oneOf<T extends string>(fields: Fields, key: string, path: FieldPath, values: readonly T[], rule = 'enum'): T {
    const value = this.string(fields, key, path);
    if (value && !(values as readonly string[]).includes(value)) {
      this.problems.add(
        [...path, key],
        rule,
        `${value} is not one of: ${values.join(', ')}`,
        `${value} no es uno de: ${values.join(', ')}`,
      );
    }
    return value as T;
  }

  optionalOneOf<T extends string>(fields: Fields, key: string, path: FieldPath, values: readonly T[]): T | undefined {
    return this.has(fields, key) ? this.oneOf(fields, key, path, values) : undefined;
  }

  number(fields: Fields, key: string, path: FieldPath, range: { min: number; max: number; integer?: boolean }): number {
    const value = fields[key];
    const at = [...path, key];
    if (value === undefined || value === null) {
      this.missing(at);
      return 0;
    }
    if (typeof value !== 'number' || !Number.isFinite(value) || (range.integer && !Number.isInteger(value))) {
      const kind = range.integer ? 'a whole number' : 'a number';
      this.problems.add(
        at,
        'type',
        `must be ${kind}`,
        range.integer ? 'debe ser un número entero' : 'debe ser un número',
      );
      return 0;
    }
    if (value < range.min || value > range.max) {
      this.problems.add(
        at,
        'range',
        `must be between ${range.min} and ${range.max}`,
        `debe estar entre ${range.min} y ${range.max}`,
      );
    }
    return value;
  }

  /** Whole minutes, given as a number or an ISO-8601 duration; never negative. */
  minutes(fields: Fields, key: string, path: FieldPath): number {
    const value = fields[key];
    const at = [...path, key];
    if (value === undefined || value === null || value === '') {
      this.missing(at);
      return 0;
    }
    const minutes = minutesOf(value);
    if (minutes === undefined) {
      this.problems.add(
        at,
        'duration',
        'must be whole minutes or an ISO-8601 duration such as PT15M or PT1H30M',
        'debe ser un número entero de minutos o una duración ISO-8601 como PT15M o PT1H30M',
      );
      return 0;
    }
    if (minutes < 0) {
      this.problems.add(at, 'nonNegative', 'must not be negative', 'no debe ser negativo');
      return 0;
    }
    return minutes;
  }

  list(fields: Fields, key: string, path: FieldPath, minItems: number): unknown[] {
    const value = fields[key];
    const at = [...path, key];
    if (value === undefined || value === null) {
      if (minItems > 0) this.missing(at);
      return [];
    }
    if (!Array.isArray(value)) {
      this.problems.add(at, 'type', `must be a list, not ${describeValue(value)}`, 'debe ser una lista');
      return [];
    }
    if (value.length < minItems) {
      this.problems.add(
        at,
        'minItems',
        `must hold at least ${minItems} item${minItems === 1 ? '' : 's'}`,
        `debe tener al menos ${minItems} elemento${minItems === 1 ? '' : 's'}`,
      );
    }
    return value;
  }

  stringList(fields: Fields, key: string, path: FieldPath): string[] {
    return this.list(fields, key, path, 0).map((item, index) => {
      if (typeof item === 'string' && item !== '') return item;
      this.problems.add([...path, key, index], 'type', 'must be text', 'debe ser texto');
      return '';
    });
  }

  /** English and Spanish (es-MX), both required: every participant reads the drill in their language. */
  bilingual(fields: Fields, key: string, path: FieldPath, options: { multiline: boolean }): Bilingual {
    const at = [...path, key];
    if (!this.has(fields, key)) {
      this.missing(at);
      return { en: '', es: '' };
    }
    const text = this.object(fields[key], at, ['en', 'es']);
    return { en: this.language(text, 'en', at, options), es: this.language(text, 'es', at, options) };
  }

  optionalBilingual(
    fields: Fields,
    key: string,
    path: FieldPath,
    options: { multiline: boolean },
  ): Bilingual | undefined {
    return this.has(fields, key) ? this.bilingual(fields, key, path, options) : undefined;
  }

  private language(text: Fields, language: 'en' | 'es', path: FieldPath, options: { multiline: boolean }): string {
    const value = text[language];
    const at = [...path, language];
    if (typeof value !== 'string' || value.trim() === '') {
      this.problems.add(
        at,
        'bilingual',
        `the ${language === 'en' ? 'English' : 'Spanish (es-MX)'} text is missing: every text needs English and Spanish`,
        `falta el texto en ${language === 'en' ? 'inglés' : 'español (es-MX)'}: todo texto necesita inglés y español`,
      );
      return '';
    }
    for (const rule of brokenTextRules(value, options)) {
      this.problems.add(at, rule, HUMAN_TEXT_MESSAGES[rule].en, HUMAN_TEXT_MESSAGES[rule].es);
    }
    return value;
  }
}
