import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import { fingerprint, type RequestContext } from '@enlace/application';
import type { Request, Response } from 'express';
import { randomUUID } from 'node:crypto';
import { actorOf } from '../auth/auth.decorators.js';
import { FieldValidationError } from './validation.js';
import { worldOf, type WorldRequest } from './world.js';

export interface CommandContext {
  /** From `If-Match`: the revision the client read. */
  expectedRevision?: number;
  /** From `Idempotency-Key`. */
  idempotencyKey?: string;
  /** A fingerprint of the method, path and body: one key cannot be reused for another request. */
  requestFingerprint: string;
  /** From `X-Correlation-Id`, or a new one; echoed back in the response header. */
  correlationId: string;
}

export const IF_MATCH = /^(?:W\/)?"?(\d{1,15})"?$/;
export const IDEMPOTENCY_KEY = /^[A-Za-z0-9_.:-]{1,200}$/;
export const CORRELATION_ID = /^[A-Za-z0-9_.:-]{1,200}$/;

function invalid(field: string, rule: string, en: string, es: string): FieldValidationError {
  return new FieldValidationError([{ field, rule, message: { en: `${field} ${en}`, es: `${field} ${es}` } }]);
}

export function readCommandContext(request: Request, response?: Response): CommandContext {
  const ifMatch = request.header('if-match');
  const key = request.header('idempotency-key');
  const correlation = request.header('x-correlation-id');
  const context: CommandContext = {
    requestFingerprint: fingerprint({ method: request.method, path: request.path, body: request.body as unknown }),
    correlationId: correlation ?? randomUUID(),
  };
  if (ifMatch !== undefined) {
    const match = IF_MATCH.exec(ifMatch.trim());
    if (!match) {
      throw invalid('If-Match', 'revision', 'must be a revision such as "3"', 'debe ser una revisión como "3"');
    }
    context.expectedRevision = Number(match[1]);
  }
  if (key !== undefined) {
    if (!IDEMPOTENCY_KEY.test(key)) {
      throw invalid(
        'Idempotency-Key',
        'format',
        'must be 1–200 letters, digits or _ . : -',
        'debe tener de 1 a 200 letras, dígitos o _ . : -',
      );
    }
    context.idempotencyKey = key;
  }
  if (correlation !== undefined && !CORRELATION_ID.test(correlation)) {
    throw invalid(
      'X-Correlation-Id',
      'format',
      'must be 1–200 letters, digits or _ . : -',
      'debe tener de 1 a 200 letras, dígitos o _ . : -',
    );
  }
  response?.setHeader('X-Correlation-Id', context.correlationId);
  return context;
}

/** A write route's use-case request (who acts, with which headers) and the response its answer's headers go on. */
export interface WriteExchange {
  request: RequestContext;
  response: Response;
}

/** The caller (`CurrentActor`), the `If-Match`, `Idempotency-Key` and `X-Correlation-Id` of a write, and its response. */
export const Write = createParamDecorator((_data: unknown, context: ExecutionContext): WriteExchange =>
  readWriteExchange(context),
);

export function readWriteExchange(context: ExecutionContext): WriteExchange {
  const http = context.switchToHttp();
  const request = http.getRequest<WorldRequest>();
  const response = http.getResponse<Response>();
  return {
    request: { actor: actorOf(request), world: worldOf(request), ...readCommandContext(request, response) },
    response,
  };
}
