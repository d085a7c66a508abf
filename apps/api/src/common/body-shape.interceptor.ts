import { type CallHandler, type ExecutionContext, Injectable, type NestInterceptor } from '@nestjs/common';
import type { Request } from 'express';
import type { Observable } from 'rxjs';
import { type FieldProblem, FieldValidationError } from './validation.js';

export const MAX_BODY_DEPTH = 32;
const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

function problem(field: string, rule: string, en: string, es: string): FieldProblem {
  return { field, rule, message: { en: `${field} ${en}`, es: `${field} ${es}` } };
}

/**
 * What no route accepts anywhere in a JSON body, checked before anything reads it: nesting deeper than 32 levels
 * (which would overflow the validators' stacks), keys that name JavaScript built-ins, NUL characters and lone UTF-16
 * surrogates (neither can be stored as JSON in PostgreSQL).
 */
export function bodyShapeProblems(body: unknown): FieldProblem[] {
  const problems: FieldProblem[] = [];
  const visit = (value: unknown, path: string, depth: number): void => {
    if (problems.length >= 20) return;
    const field = path || 'body';
    if (typeof value === 'string') {
      if (value.includes('\u0000')) {
        problems.push(
          problem(field, 'noNul', 'must not contain the NUL character', 'no debe contener el carácter NUL'),
        );
      } else if (!value.isWellFormed()) {
        problems.push(
          problem(
            field,
            'wellFormed',
            'must be well-formed Unicode (a lone surrogate was found)',
            'debe ser Unicode bien formado (hay un sustituto aislado)',
          ),
        );
      }
      return;
    }
    // An uploaded file (a scenario's spreadsheet) is bytes, read by its own parser.
    if (value === null || typeof value !== 'object' || Buffer.isBuffer(value)) return;
    if (depth > MAX_BODY_DEPTH) {
      problems.push(
        problem(
          field,
          'maxDepth',
          `must not nest deeper than ${MAX_BODY_DEPTH} levels`,
          `no debe anidarse más de ${MAX_BODY_DEPTH} niveles`,
        ),
      );
      return;
    }
    for (const [key, child] of Object.entries(value as Record<string, unknown>)) {
      const childPath = Array.isArray(value) ? `${path}[${key}]` : path ? `${path}.${key}` : key;
      if (!Array.isArray(value) && (FORBIDDEN_KEYS.has(key) || !key.isWellFormed() || key.includes('\u0000'))) {
        problems.push(problem(childPath, 'whitelistValidation', 'is not an allowed field', 'no es un campo permitido'));
        continue;
      }
      visit(child, childPath, depth + 1);
    }
  };
  visit(body, '', 0);
  return problems;
}

@Injectable()
export class BodyShapeInterceptor implements NestInterceptor {
  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    if (context.getType() === 'http') {
      const body = context.switchToHttp().getRequest<Request>().body as unknown;
      const problems = bodyShapeProblems(body);
      if (problems.length > 0) throw new FieldValidationError(problems);
    }
    return next.handle();
  }
}
