import { applyDecorators, ValidationPipe, type ValidationError } from '@nestjs/common';
import { UPDATABLE_INCIDENT_FIELDS } from '@enlace/domain';
import { Type } from 'class-transformer';
import { IsObject, ValidateIf, ValidateNested } from 'class-validator';
import { applyHumanTextRules, HUMAN_TEXT_MESSAGES_ES } from './human-text.validation.js';
import {
  registerDecorator,
  ValidatorConstraint,
  type ValidationArguments,
  type ValidationOptions,
  type ValidatorConstraintInterface,
} from 'class-validator';

/**
 * A field holding one object of the class `dto` names: made an instance of it, then validated as an object and by
 * that class's own rules.
 */
export function NestedObject(dto: () => new () => object): PropertyDecorator {
  // In the order the three decorators took stacked (`@IsObject() @ValidateNested() @Type(…)` apply bottom-up), so
  // the rules run, and their problems are answered, as before.
  return applyDecorators(Type(dto), ValidateNested(), IsObject());
}

export interface FieldProblem {
  /** Dotted path into the body, e.g. `location.lat` or `affectedPortIds.2`. */
  field: string;
  /** The class-validator rule broken, e.g. `max`, `isIn`, `whitelistValidation`. */
  rule: string;
  message: { en: string; es: string };
}

export class FieldValidationError extends Error {
  constructor(readonly fields: FieldProblem[]) {
    super(`Invalid request: ${fields.map((field) => `${field.field} (${field.rule})`).join(', ')}`);
    this.name = 'FieldValidationError';
  }
}

/** Spanish for the rules we use; the English comes from class-validator itself. */
const SPANISH: Record<string, (args: string[]) => string> = {
  isString: () => 'debe ser texto',
  isInt: () => 'debe ser un número entero',
  isNumber: () => 'debe ser un número',
  isBoolean: () => 'debe ser verdadero o falso',
  isIn: (a) => `debe ser uno de: ${a.join(', ')}`,
  isEnum: (a) => `debe ser uno de: ${a.join(', ')}`,
  min: (a) => `debe ser al menos ${a[0]}`,
  max: (a) => `no debe pasar de ${a[0]}`,
  minLength: (a) => `debe tener al menos ${a[0]} caracteres`,
  maxLength: (a) => `debe tener como máximo ${a[0]} caracteres`,
  isNotEmpty: () => 'no debe estar vacío',
  isDefined: () => 'es obligatorio',
  isUuid: () => 'debe ser un UUID',
  isArray: () => 'debe ser una lista',
  arrayMinSize: (a) => `debe tener al menos ${a[0]} elementos`,
  arrayMaxSize: (a) => `debe tener como máximo ${a[0]} elementos`,
  arrayUnique: () => 'no debe repetir elementos',
  isObject: () => 'debe ser un objeto',
  isLowercase: () => 'debe estar en minúsculas',
  nestedValidation: () => 'debe ser un objeto válido',
  isLatitude: () => 'debe ser una latitud (−90 a 90)',
  isLongitude: () => 'debe ser una longitud (−180 a 180)',
  isIso8601: () => 'debe ser una fecha y hora ISO 8601',
  isISO8601: () => 'debe ser una fecha y hora ISO 8601',
  matches: () => 'no tiene el formato esperado',
  whitelistValidation: () => 'no es un campo permitido',
  bilingualText: () => 'debe tener texto en inglés (en) o en español (es), o en ambos',
  updatableFields: () =>
    `solo puede nombrar los campos que cambia una actualización: ${UPDATABLE_INCIDENT_FIELDS.join(', ')}`,
  translationLength: (a) => `debe tener como máximo ${a[0]} caracteres, como el texto que traduce`,
  isUsername: () => 'debe tener de 2 a 64 letras, dígitos o . _ -, y empezar con una letra',
  ...Object.fromEntries(Object.entries(HUMAN_TEXT_MESSAGES_ES).map(([rule, es]) => [rule, () => es])),
};

function flatten(errors: readonly ValidationError[], parent = ''): FieldProblem[] {
  return errors.flatMap((error) => {
    const field = parent ? `${parent}.${error.property}` : error.property;
    const own = Object.entries(error.constraints ?? {}).map(([rule, message]) => {
      const constraint = (error.contexts?.[rule] as { args?: string[] } | undefined)?.args;
      const es = SPANISH[rule]?.(constraint ?? extractArgs(message)) ?? `no es válido (${rule})`;
      // A message may name the part of the field at fault (`title.en must …`, see human-text.validation.ts).
      const part = message.startsWith(`${error.property}.`) ? /^[^ ]*/.exec(message)![0] : error.property;
      const at = `${field}${part.slice(error.property.length)}`;
      // class-validator starts its messages with the bare property name; name the whole path instead.
      const en = message.startsWith(`${part} `) ? `${at}${message.slice(part.length)}` : `${at}: ${message}`;
      return { field: at, rule, message: { en, es: `${at} ${es}` } };
    });
    return [...own, ...flatten(error.children ?? [], field)];
  });
}

/** Pulls the numbers or the list out of class-validator's English message ("must not be greater than 90"). */
function extractArgs(message: string): string[] {
  const list = /one of the following values: (.*)$/.exec(message);
  if (list) return list[1]!.split(', ');
  const number = /(-?\d+(\.\d+)?)/.exec(message);
  return number ? [number[1]!] : [];
}

/** Strict: unknown fields are refused, types converted, every bad field named with its rule. */
export function strictValidationPipe(): ValidationPipe {
  return new ValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    forbidUnknownValues: true,
    transform: true,
    transformOptions: { enableImplicitConversion: false },
    validationError: { target: false, value: false },
    stopAtFirstError: false,
    exceptionFactory: (errors) => new FieldValidationError(flatten(errors)),
  });
}

/** The shape: `{ en?, es? }`, at least one language, each a string within the length; what is in them is checked by the human-text rules. */
@ValidatorConstraint({ name: 'bilingualText' })
class BilingualTextConstraint implements ValidatorConstraintInterface {
  validate(value: unknown, args: ValidationArguments): boolean {
    const max = (args.constraints[0] as number | undefined) ?? 4000;
    if (value === null || typeof value !== 'object' || Array.isArray(value)) return false;
    const entries = Object.entries(value as Record<string, unknown>);
    if (entries.some(([key]) => key !== 'en' && key !== 'es')) return false;
    if (entries.some(([, text]) => typeof text !== 'string' || text.length > max)) return false;
    return entries.length > 0;
  }

  defaultMessage(args: ValidationArguments): string {
    const max = (args.constraints[0] as number | undefined) ?? 4000;
    return `${args.property} must be { en?, es? } with at least one non-empty text of at most ${max} characters`;
  }
}

/**
 * Human-facing free text: `{ en?, es? }` with at least one language, each text keeping the human-text rules
 * (visible, no bidirectional override, no control character; line breaks and tabs only where `multiline`).
 */
export function IsBilingualText(
  maxLength = 4000,
  { multiline = false, ...options }: ValidationOptions & { multiline?: boolean } = {},
): PropertyDecorator {
  return (target: object, propertyName: string | symbol) => {
    registerDecorator({
      name: 'bilingualText',
      target: target.constructor,
      propertyName: propertyName as string,
      constraints: [maxLength],
      options,
      validator: BilingualTextConstraint,
    });
    applyHumanTextRules(target, propertyName as string, { multiline, bilingual: true });
  };
}

/**
 * An optional field: absent is fine, but `null` (or any other value) is validated by the field's rules. Unlike
 * `@IsOptional()`, which would let `null` through to be stored.
 */
export function OptionalField(): PropertyDecorator {
  return ValidateIf((_object: unknown, value: unknown) => value !== undefined);
}
