import { type ArgumentsHost, Catch, type ExceptionFilter, HttpException, HttpStatus, Logger } from '@nestjs/common';
import { RevisionConflictError } from '@enlace/application';
import { DomainError, type DomainErrorKind } from '@enlace/domain';
import {
  IdempotencyConflictError,
  InvalidInputError,
  PayloadTooLargeError,
  StoreUnavailableError,
  WrongExpectedVersionError,
} from '@enlace/event-store';
import type { Request, Response } from 'express';
import { FieldValidationError } from './validation.js';

export interface Bilingual {
  en: string;
  es: string;
}

/** Every error answer: `{ statusCode, code, message: { en, es }, details }`. */
export interface ApiError {
  statusCode: number;
  code: string;
  message: Bilingual;
  details: Record<string, unknown>;
}

const KIND_STATUS: Record<DomainErrorKind, number> = {
  'not-found': HttpStatus.NOT_FOUND,
  forbidden: HttpStatus.FORBIDDEN,
  conflict: HttpStatus.CONFLICT,
  rule: HttpStatus.UNPROCESSABLE_ENTITY,
  unauthenticated: HttpStatus.UNAUTHORIZED,
};

const HTTP_DEFAULTS: Record<number, { code: string; es: string }> = {
  400: { code: 'BAD_REQUEST', es: 'Solicitud incorrecta' },
  401: { code: 'UNAUTHENTICATED', es: 'Se requiere un token válido (POST /api/auth/login)' },
  403: { code: 'FORBIDDEN', es: 'Su función no permite esta acción' },
  404: { code: 'NOT_FOUND', es: 'No encontrado' },
  405: { code: 'METHOD_NOT_ALLOWED', es: 'Método no permitido' },
  409: { code: 'CONFLICT', es: 'Conflicto' },
  413: { code: 'PAYLOAD_TOO_LARGE', es: 'La solicitud es demasiado grande' },
  415: { code: 'UNSUPPORTED_MEDIA_TYPE', es: 'Tipo de contenido no admitido: envíe application/json' },
  429: { code: 'TOO_MANY_REQUESTS', es: 'Demasiadas solicitudes' },
};

function isApiError(value: unknown): value is ApiError {
  const candidate = value as Partial<ApiError> | null;
  return (
    typeof candidate?.statusCode === 'number' &&
    typeof candidate.code === 'string' &&
    typeof candidate.message?.en === 'string' &&
    typeof candidate.message.es === 'string'
  );
}

/** Errors thrown by Express's body parser before any route runs. */
interface BodyParserError {
  type?: string;
  status?: number;
  statusCode?: number;
  message?: string;
}

function bodyParserError(error: unknown): ApiError | undefined {
  const candidate = error as BodyParserError;
  if (typeof candidate?.type !== 'string' || typeof (candidate.status ?? candidate.statusCode) !== 'number') {
    return undefined;
  }
  switch (candidate.type) {
    case 'entity.parse.failed':
      return {
        statusCode: 400,
        code: 'MALFORMED_JSON',
        message: { en: 'The body is not valid JSON', es: 'El cuerpo no es JSON válido' },
        details: {},
      };
    case 'entity.too.large':
      return {
        statusCode: 413,
        code: 'PAYLOAD_TOO_LARGE',
        message: { en: 'The body is too large', es: 'El cuerpo es demasiado grande' },
        details: {},
      };
    case 'encoding.unsupported':
    case 'charset.unsupported':
      return {
        statusCode: 415,
        code: 'UNSUPPORTED_ENCODING',
        message: { en: 'Unsupported body encoding', es: 'Codificación del cuerpo no admitida' },
        details: {},
      };
    default:
      return {
        statusCode: 400,
        code: 'BAD_REQUEST',
        message: { en: candidate.message ?? 'Bad request', es: 'Solicitud incorrecta' },
        details: {},
      };
  }
}

/** Seconds a client should wait after a 503 when the answer does not say (`Retry-After`). */
export const DEFAULT_RETRY_AFTER_SECONDS = 5;

/** The store cannot be reached: nothing was decided or appended, and the same request may simply be sent again. */
export function storeUnavailable(error: StoreUnavailableError): ApiError {
  return {
    statusCode: 503,
    code: 'STORE_UNAVAILABLE',
    message: {
      en: `The event store is not answering right now; nothing was recorded. Retry in ${error.retryAfterSeconds} seconds (with the same Idempotency-Key, if you sent one).`,
      es: `El almacén de eventos no responde en este momento; no se registró nada. Reintente en ${error.retryAfterSeconds} segundos (con la misma Idempotency-Key, si envió una).`,
    },
    details: { retryAfterSeconds: error.retryAfterSeconds },
  };
}

export function toApiError(error: unknown): ApiError | undefined {
  if (error instanceof StoreUnavailableError) return storeUnavailable(error);
  if (error instanceof FieldValidationError) {
    return {
      statusCode: 400,
      code: 'VALIDATION_FAILED',
      message: {
        en: `Invalid request: ${error.fields.map((field) => field.field).join(', ')}`,
        es: `Solicitud no válida: ${error.fields.map((field) => field.field).join(', ')}`,
      },
      details: { fields: error.fields },
    };
  }
  if (error instanceof DomainError) {
    return { statusCode: KIND_STATUS[error.kind], code: error.code, message: error.messages, details: error.details };
  }
  if (error instanceof RevisionConflictError) {
    return {
      statusCode: 409,
      code: 'REVISION_CONFLICT',
      message: {
        en: `Changed since you read it: now at revision ${error.currentRevision}, you sent ${error.expectedRevision}. Reload and retry.`,
        es: `Cambió desde que lo leyó: ahora en la revisión ${error.currentRevision}, usted envió ${error.expectedRevision}. Recargue y reintente.`,
      },
      details: { currentRevision: error.currentRevision, expectedRevision: error.expectedRevision },
    };
  }
  if (error instanceof WrongExpectedVersionError) {
    return {
      statusCode: 409,
      code: 'REVISION_CONFLICT',
      message: { en: error.message, es: `Conflicto de revisión: revisión actual ${error.actual}` },
      details: { currentRevision: error.actual },
    };
  }
  if (error instanceof IdempotencyConflictError) {
    return {
      statusCode: 409,
      code: 'IDEMPOTENCY_CONFLICT',
      message: {
        en: error.message,
        es: 'Los identificadores de eventos coinciden solo en parte con una solicitud anterior',
      },
      details: { duplicateIds: error.duplicateIds },
    };
  }
  if (error instanceof InvalidInputError) {
    return {
      statusCode: 400,
      code: 'VALIDATION_FAILED',
      message: { en: error.message, es: `${error.field}: no es válido (${error.rule})` },
      details: { fields: [{ field: error.field, rule: error.rule }] },
    };
  }
  if (error instanceof PayloadTooLargeError) {
    return {
      statusCode: 413,
      code: 'PAYLOAD_TOO_LARGE',
      message: { en: error.message, es: `El contenido supera el límite de ${error.limit} bytes` },
      details: { bytes: error.bytes, limit: error.limit },
    };
  }
  if (error instanceof HttpException && error.cause !== undefined) {
    // Nest wraps the body parser's errors (malformed JSON, bad charset, too large) in an HttpException.
    const parserError = bodyParserError(error.cause);
    if (parserError) return parserError;
  }
  if (error instanceof HttpException && isApiError(error.getResponse())) {
    // A route that already built the bilingual answer (e.g. 503 when Redis is away).
    return error.getResponse() as ApiError;
  }
  if (error instanceof HttpException) {
    const statusCode = error.getStatus();
    const defaults = HTTP_DEFAULTS[statusCode] ?? { code: `HTTP_${statusCode}`, es: 'Error' };
    const response = error.getResponse();
    const en =
      typeof response === 'string'
        ? response
        : typeof (response as { message?: unknown }).message === 'string'
          ? (response as { message: string }).message
          : error.message;
    return {
      statusCode,
      code: defaults.code,
      message: {
        en,
        es: statusCode === 403 && en.startsWith('This action needs') ? `${defaults.es}: ${en}` : defaults.es,
      },
      details: {},
    };
  }
  return bodyParserError(error);
}

/**
 * RFC 6750's challenge on every 401: `error="invalid_token"` when the request sent a bearer token that was refused
 * (malformed, expired, revoked), the bare challenge when it sent none.
 */
export function bearerChallenge(authorization: string | undefined): string {
  const sentToken = /^Bearer\s+\S/i.test(authorization ?? '');
  return sentToken ? 'Bearer realm="enlace", error="invalid_token"' : 'Bearer realm="enlace"';
}

/** Maps every error to the one JSON shape; a client's mistake never becomes a 5xx. */
@Catch()
export class ApiErrorFilter implements ExceptionFilter {
  private readonly logger = new Logger('ApiError');

  catch(error: unknown, host: ArgumentsHost): void {
    const response = host.switchToHttp().getResponse<Response>();
    const known = toApiError(error);
    const body: ApiError = known ?? {
      statusCode: 500,
      code: 'INTERNAL_ERROR',
      message: { en: 'Something went wrong on our side', es: 'Algo salió mal de nuestro lado' },
      details: {},
    };
    if (!known) this.logger.error(error instanceof Error ? (error.stack ?? error.message) : String(error));
    if (body.statusCode === 401) {
      response.setHeader(
        'WWW-Authenticate',
        bearerChallenge(host.switchToHttp().getRequest<Request>().headers.authorization),
      );
    }
    if (body.statusCode === 409 && typeof body.details.currentRevision === 'number') {
      response.setHeader('ETag', `"${body.details.currentRevision}"`);
    }
    if (body.statusCode === 503) {
      // A dependency is away (the store, Redis): the outage is logged once where it is detected, not per request.
      const retryAfter = body.details.retryAfterSeconds;
      response.setHeader(
        'Retry-After',
        String(typeof retryAfter === 'number' ? retryAfter : DEFAULT_RETRY_AFTER_SECONDS),
      );
    }
    response.status(body.statusCode).json(body);
  }
}
