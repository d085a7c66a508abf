import { applyDecorators, HttpCode, Post } from '@nestjs/common';
import {
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiForbiddenResponse,
  ApiHeader,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiUnprocessableEntityResponse,
} from '@nestjs/swagger';
import { Roles } from '../auth/auth.decorators.js';
import { IDEMPOTENCY_KEY, IF_MATCH } from './command-context.js';
import { WriteResult } from './write-result.js';

/** A write route for officers: the If-Match and Idempotency-Key headers, the role, and the refusals it can answer. */
export function OfficerWrite(
  notFound: string,
  forbidden = 'Not an officer, or acting for the other side',
): MethodDecorator {
  return applyDecorators(
    ApiHeader({
      name: 'If-Match',
      required: false,
      description: 'The revision the client read (the ETag, e.g. "3"); 409 with the current ETag if it changed',
      schema: { type: 'string', pattern: IF_MATCH.source },
    }),
    IdempotencyKeyHeader(),
    Roles('officer'),
    ApiForbiddenResponse({ description: forbidden }),
    ApiNotFoundResponse({ description: notFound }),
    ApiConflictResponse({ description: 'If-Match does not match the current revision' }),
    ApiUnprocessableEntityResponse({
      description: 'A business rule refused the command (reason in English and Spanish)',
    }),
  );
}

/**
 * How a POST write answers: `created` (201) when it records something new (an order, a report, a sign-off),
 * `ok` (200) when it ends or changes what is already there (a closure, a reopening, a lift).
 */
export type WriteAnswer = 'created' | 'ok';

/**
 * The POST write routes of one resource for officers, each in full: its path, its OpenAPI summary, `OfficerWrite`
 * with the resource's refusals, and its WriteResult answer (`created` unless it says `ok`).
 */
export function officerPosts(
  notFound: string,
  forbidden?: string,
): (path: string, summary: string, answer?: WriteAnswer) => MethodDecorator {
  return (path, summary, answer = 'created') =>
    applyDecorators(Post(path), OfficerWrite(notFound, forbidden), ApiOperation({ summary }), Answers(answer));
}

export const IdempotencyKeyHeader = (): MethodDecorator =>
  ApiHeader({
    name: 'Idempotency-Key',
    required: false,
    description:
      'A retry with the same key answers as the first request did (same status and body, Idempotent-Replayed: true); ' +
      'the same key with another body is 422',
    schema: { type: 'string', pattern: IDEMPOTENCY_KEY.source },
  });

/** A write's answer: a WriteResult with 201 (`created`) or 200 (`ok`). */
export const Answers = (answer: WriteAnswer): MethodDecorator =>
  answer === 'ok'
    ? applyDecorators(HttpCode(200), ApiOkResponse({ type: WriteResult }))
    : ApiCreatedResponse({ type: WriteResult });
