import type { SchemaObject } from '@nestjs/swagger';

const BILINGUAL: SchemaObject = {
  type: 'object',
  properties: { en: { type: 'string', minLength: 1 }, es: { type: 'string', minLength: 1 } },
  required: ['en', 'es'],
  additionalProperties: false,
};

/** The codes any route may answer; business rules add their own (`INCIDENT.CLOSED`, `PORT.REOPENING_BLOCKED`, …). */
export const TRANSPORT_ERROR_CODES = [
  'VALIDATION_FAILED',
  'MALFORMED_JSON',
  'BAD_REQUEST',
  'UNAUTHENTICATED',
  'AUTH.TOKEN_INVALID',
  'AUTH.TOKEN_EXPIRED',
  'AUTH.SESSION_ENDED',
  'AUTH.ROLE',
  'FORBIDDEN',
  'NOT_FOUND',
  'REVISION_CONFLICT',
  'IDEMPOTENCY_CONFLICT',
  'IDEMPOTENCY_KEY_REUSED',
  'PAYLOAD_TOO_LARGE',
  'UNSUPPORTED_MEDIA_TYPE',
  'UNSUPPORTED_ENCODING',
  'TOO_MANY_REQUESTS',
  'STORE_UNAVAILABLE',
  'INTERNAL_ERROR',
];

const apiError = (details: SchemaObject): SchemaObject => ({
  type: 'object',
  description:
    'Every error answer (docs/decisions/0027): the status again, a stable code, the message in English and Spanish, ' +
    'and details that depend on the code',
  properties: {
    statusCode: { type: 'integer', minimum: 400, maximum: 599 },
    code: {
      type: 'string',
      pattern: '^[A-Z][A-Z0-9_]*(\\.[A-Z0-9_]+)*$',
      description:
        `Stable and machine-readable. Codes any route may answer: ${TRANSPORT_ERROR_CODES.join(', ')}; a business ` +
        'rule answers its own, named after its aggregate (INCIDENT.CLOSED, PORT.REOPENING_BLOCKED, DRILL.ENDED, …)',
      example: 'REVISION_CONFLICT',
    },
    message: { $ref: '#/components/schemas/Bilingual' },
    details,
  },
  required: ['statusCode', 'code', 'message', 'details'],
  additionalProperties: false,
});

/** The error envelope `{ statusCode, code, message: { en, es }, details }` as schema components. */
export const API_ERROR_SCHEMAS: Record<string, SchemaObject> = {
  Bilingual: BILINGUAL,
  FieldProblem: {
    type: 'object',
    description: 'One broken rule of a request',
    properties: {
      field: { type: 'string', description: 'Dotted path into the body, or the parameter or header', example: 'lat' },
      rule: {
        type: 'string',
        description: 'The rule broken (class-validator name, or format, range…)',
        example: 'max',
      },
      message: { $ref: '#/components/schemas/Bilingual' },
    },
    required: ['field', 'rule'],
    additionalProperties: false,
  },
  ApiError: apiError({
    type: 'object',
    description: 'Depends on the code: e.g. currentRevision for REVISION_CONFLICT, retryAfterSeconds for 429 and 503',
    additionalProperties: true,
  }),
  ValidationError: apiError({
    type: 'object',
    description: 'For VALIDATION_FAILED, every broken rule (MALFORMED_JSON and BAD_REQUEST carry none)',
    properties: { fields: { type: 'array', items: { $ref: '#/components/schemas/FieldProblem' }, minItems: 1 } },
    additionalProperties: false,
  }),
};
