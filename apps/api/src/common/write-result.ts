import { ApiOkResponse, ApiProperty } from '@nestjs/swagger';
import type { CommandOutcome, Written } from '@enlace/application';
import type { Response } from 'express';

/** One event a write appended. */
export class WrittenEvent {
  @ApiProperty({ format: 'uuid' })
  id: string;
  @ApiProperty({ example: 'IncidentReported' })
  type: string;
}

/** What a write created: its kind and id (read it where the Location header points). */
export class CreatedResource {
  @ApiProperty({
    enum: [
      'incident',
      'protective-action',
      'situation-report',
      'shutdown',
      'checklist-item',
      'notification',
      'drill',
      'observation',
    ],
  })
  type: string;
  @ApiProperty({ example: '0d9a6a56-0c8e-4f7e-9a0c-6c1f2b1c2d3e' })
  id: string;
}

export class WriteResult {
  @ApiProperty({ description: 'Id of the resource written' })
  id: string;
  @ApiProperty({ description: 'Revision after the write; send it as If-Match with the next write' })
  revision: number;
  @ApiProperty({
    description: 'Global position of the last event appended (absent when replayed without events)',
    required: false,
    pattern: '^\\d{20}:\\d{20}$',
  })
  position?: string;
  @ApiProperty({
    type: [WrittenEvent],
    description: 'Events appended (or appended by the first request, when replayed)',
  })
  events: { id: string; type: string }[];
  @ApiProperty({
    type: CreatedResource,
    required: false,
    description:
      'What the write created (a protective action, a situation report, a shutdown…), if it created something',
  })
  created?: CreatedResource;
  @ApiProperty({ description: 'True when this answers a retried request with the same Idempotency-Key' })
  replayed: boolean;
}

/**
 * Sets ETag (the new revision), `Location` (where what was written can be read, when `location` gives it) and
 * `Idempotent-Replayed` on a retry, and shapes the answer of a write. A retry answers with the same status as the
 * first request: the route's.
 */
export function writeResult(
  response: Response,
  id: string,
  outcome: CommandOutcome<unknown>,
  location?: string,
): WriteResult {
  response.setHeader('ETag', `"${outcome.revision}"`);
  if (location !== undefined) response.setHeader('Location', location);
  if (outcome.replayed) response.setHeader('Idempotent-Replayed', 'true');
  return {
    id,
    revision: outcome.revision,
    ...(outcome.position ? { position: outcome.position } : {}),
    events: outcome.events.map(({ id: eventId, type }) => ({ id: eventId, type })),
    ...(outcome.created ? { created: { type: outcome.created.type, id: outcome.created.id } } : {}),
    replayed: outcome.replayed,
  };
}

/** Waits for a use case dispatched on the CommandBus and shapes its answer (see writeResult). */
export async function written(
  response: Response,
  pending: Promise<Written<unknown>>,
  location?: (id: string) => string,
): Promise<WriteResult> {
  const { id, outcome } = await pending;
  return writeResult(response, id, outcome, location?.(id));
}

/** A read of one resource that answers its revision in ETag (send it as If-Match with the next write). */
export const AnswersRevision = (description: string): MethodDecorator =>
  ApiOkResponse({
    description,
    headers: { ETag: { description: 'The revision read, quoted: send it as If-Match', schema: { type: 'string' } } },
  });
