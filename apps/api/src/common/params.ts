import { type PipeTransform } from '@nestjs/common';
import type { SchemaObject } from '@nestjs/swagger';
import type { DocumentedPipe } from '../openapi/documented-pipe.js';
import { FieldValidationError } from './validation.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** What the schema promises: the lower-case spelling this api gives (the pipe also takes upper case). */
const LOWER_CASE_UUID = '^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$';
const SLUG = /^[a-z0-9]+(-[a-z0-9]+)*$/;

function refuse(field: string, en: string, es: string): never {
  throw new FieldValidationError([{ field, rule: 'format', message: { en: `${field} ${en}`, es: `${field} ${es}` } }]);
}

/** A route id that must be a UUID; a malformed one is a 400 naming the parameter. */
export class UuidParam implements PipeTransform<string, string>, DocumentedPipe {
  readonly schema: SchemaObject = { type: 'string', format: 'uuid', pattern: LOWER_CASE_UUID };
  constructor(private readonly name = 'id') {}
  transform(value: string): string {
    if (!UUID.test(value)) refuse(this.name, 'must be a UUID', 'debe ser un UUID');
    return value.toLowerCase();
  }
}

/** A reference-data id such as a port (`otay-mesa`): lower-case words joined by dashes. */
export class SlugParam implements PipeTransform<string, string>, DocumentedPipe {
  readonly schema: SchemaObject = { type: 'string', pattern: SLUG.source, maxLength: 100 };
  constructor(private readonly name = 'id') {}
  transform(value: string): string {
    if (!SLUG.test(value) || value.length > 100) {
      refuse(this.name, 'must be an id such as otay-mesa', 'debe ser un id como otay-mesa');
    }
    return value;
  }
}

/** A path segment that must be one of `allowed`; anything else is a 400 naming the parameter and the choices. */
export class EnumParam<T extends string> implements PipeTransform<string, T>, DocumentedPipe {
  constructor(
    private readonly name: string,
    private readonly allowed: readonly T[],
  ) {}

  get schema(): SchemaObject {
    return { type: 'string', enum: [...this.allowed] };
  }

  transform(value: string): T {
    if (!(this.allowed as readonly string[]).includes(value)) {
      const list = this.allowed.join(', ');
      throw new FieldValidationError([
        {
          field: this.name,
          rule: 'isIn',
          message: { en: `${this.name} must be one of: ${list}`, es: `${this.name} debe ser uno de: ${list}` },
        },
      ]);
    }
    return value as T;
  }
}

/** An improvement-plan item's id as the after-action report gives it: `<drill id>:<objective|action>:<id>`. */
const IMPROVEMENT_ITEM = /^[0-9a-f-]{36}:(objective|action):[A-Za-z0-9_.-]{1,50}$/;

export class ImprovementItemParam implements PipeTransform<string, string>, DocumentedPipe {
  readonly schema: SchemaObject = { type: 'string', pattern: IMPROVEMENT_ITEM.source };
  transform(value: string): string {
    if (!IMPROVEMENT_ITEM.test(value)) {
      refuse(
        'itemId',
        'must be an improvement item id such as <drill id>:objective:OBJ-1',
        'debe ser un id de elemento de mejora como <id del ejercicio>:objective:OBJ-1',
      );
    }
    return value;
  }
}
