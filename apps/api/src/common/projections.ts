import { Injectable, type PipeTransform } from '@nestjs/common';
import { isPosition, type Position } from '@enlace/event-store';
import { ProjectionRunner, type ReadModels } from '@enlace/projections';
import { FieldValidationError } from './validation.js';

/** The live read models of this process, for query routes. */
@Injectable()
export class Projections {
  constructor(private readonly runner: ProjectionRunner) {}

  get models(): ReadModels {
    return this.runner.models;
  }

  /** Waits (up to 5 s) until the read models include `after`, so a client reads its own writes. */
  async reach(after: Position | undefined): Promise<void> {
    if (after !== undefined) await this.runner.waitFor(after, 5_000);
  }
}

export class PositionQuery implements PipeTransform<unknown, Position | undefined> {
  transform(value: unknown): Position | undefined {
    if (value === undefined) return undefined;
    if (!isPosition(value)) {
      throw new FieldValidationError([
        {
          field: 'after',
          rule: 'position',
          message: {
            en: 'after must be a position returned by this api',
            es: 'after debe ser una posición devuelta por esta api',
          },
        },
      ]);
    }
    return value;
  }
}

export class EnumQuery<T extends string> implements PipeTransform<unknown, T | undefined> {
  constructor(
    private readonly name: string,
    private readonly allowed: readonly T[],
  ) {}

  transform(value: unknown): T | undefined {
    if (value === undefined) return undefined;
    if (typeof value !== 'string' || !(this.allowed as readonly string[]).includes(value)) {
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

export class OptionalSlugQuery implements PipeTransform<unknown, string | undefined> {
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
