import { ApiProperty } from '@nestjs/swagger';
import type { CommandOutcome, Written } from '@enlace/application';
import type { Response } from 'express';

export class WriteResult {
  @ApiProperty({ description: 'Id of the resource written' })
  id: string;
  @ApiProperty({ description: 'Revision after the write; send it as If-Match with the next write' })
  revision: number;
  @ApiProperty({
    description: 'Global position of the last event appended (absent when replayed without events)',
    required: false,
  })
  position?: string;
  @ApiProperty({ description: 'Events appended (or appended by the first request, when replayed)' })
  events: { id: string; type: string }[];
  @ApiProperty({ description: 'True when this answers a retried request with the same Idempotency-Key' })
  replayed: boolean;
}

/** Sets ETag (the new revision) and shapes the answer of a write. */
export function writeResult(response: Response, id: string, outcome: CommandOutcome<unknown>): WriteResult {
  response.setHeader('ETag', `"${outcome.revision}"`);
  if (outcome.replayed) response.setHeader('Idempotent-Replayed', 'true');
  return {
    id,
    revision: outcome.revision,
    ...(outcome.position ? { position: outcome.position } : {}),
    events: outcome.events,
    replayed: outcome.replayed,
  };
}

/** Waits for a use case dispatched on the CommandBus and shapes its answer (see writeResult). */
export async function written(response: Response, pending: Promise<Written<unknown>>): Promise<WriteResult> {
  const { id, outcome } = await pending;
  return writeResult(response, id, outcome);
}
