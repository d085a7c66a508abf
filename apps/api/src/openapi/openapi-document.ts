import type { INestApplication } from '@nestjs/common';
import { DocumentBuilder, type OpenAPIObject, SwaggerModule } from '@nestjs/swagger';
import { completeDocument } from './complete-document.js';
import { routeFacts } from './route-facts.js';
import { validatedClasses } from './validation-schema.js';

const DESCRIPTION =
  'Event-sourced coordination for emergencies on the U.S.–Mexico border.\n\n' +
  '- **Errors** are `{ statusCode, code, message: { en, es }, details }` (ApiError; ValidationError for 400, whose ' +
  'details.fields names each broken rule). Every answer carries X-Correlation-Id.\n' +
  '- **Writes** accept `If-Match` (the revision read, from ETag; a stale one is refused with 409 and the current ' +
  'ETag) and `Idempotency-Key` (a retry answers as the first time, same status and body, with ' +
  '`Idempotent-Replayed: true`; the same key with another body is 422). They answer a WriteResult whose `created` ' +
  'names what a POST created, and `Location` where it can be read.\n' +
  '- **Lists** are paged: `limit` (1–500) and `cursor` (the `X-Next-Cursor` header of the page before), except ' +
  'those bounded by nature, which say so.\n' +
  '- **401** answers carry `WWW-Authenticate: Bearer realm="enlace"` (RFC 6750).\n' +
  "- `Enlace-Drill: <drill id>` places a request in that drill's world.";

/** The API's OpenAPI document: what Nest generates from the decorators, completed (see completeDocument). */
export function createOpenApiDocument(app: INestApplication): OpenAPIObject {
  const generated = SwaggerModule.createDocument(
    app,
    new DocumentBuilder()
      .setTitle('Enlace API')
      .setDescription(DESCRIPTION)
      .setVersion('0.1.0')
      .addBearerAuth({ type: 'http', scheme: 'bearer', bearerFormat: 'JWT' }, 'bearer')
      .build(),
  );
  return completeDocument(generated, routeFacts(app), validatedClasses());
}
