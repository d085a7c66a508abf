import { applyDecorators } from '@nestjs/common';
import {
  ApiConflictResponse,
  ApiForbiddenResponse,
  ApiHeader,
  ApiNotFoundResponse,
  ApiUnprocessableEntityResponse,
} from '@nestjs/swagger';
import { Roles } from '../auth/auth.decorators.js';

/** A write route for officers: the If-Match and Idempotency-Key headers, the role, and the refusals it can answer. */
export function OfficerWrite(
  notFound: string,
  forbidden = 'Not an officer, or acting for the other side',
): MethodDecorator {
  return applyDecorators(
    ApiHeader({ name: 'If-Match', required: false, description: 'Revision the client read; 409 if it changed' }),
    ApiHeader({
      name: 'Idempotency-Key',
      required: false,
      description: 'A retry with the same key returns the first answer',
    }),
    Roles('officer'),
    ApiForbiddenResponse({ description: forbidden }),
    ApiNotFoundResponse({ description: notFound }),
    ApiConflictResponse({ description: 'If-Match does not match the current revision' }),
    ApiUnprocessableEntityResponse({
      description: 'A business rule refused the command (reason in English and Spanish)',
    }),
  );
}
