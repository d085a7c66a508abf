import { ApiProperty } from '@nestjs/swagger';
import { SIDES } from '@enlace/domain';

/** One event as the store recorded it (GET /api/incidents/{id}/events). */
export class RecordedEventView {
  @ApiProperty({ format: 'uuid' })
  id: string;
  @ApiProperty({ example: 'IncidentReported' })
  type: string;
  @ApiProperty({ example: 'incident-0d9a6a56-0c8e-4f7e-9a0c-6c1f2b1c2d3e' })
  streamId: string;
  @ApiProperty({ type: 'integer', minimum: 0 })
  revision: number;
  @ApiProperty({ pattern: '^\\d{20}:\\d{20}$', description: 'Where it is in the global log (opaque, ordered)' })
  position: string;
  @ApiProperty({ type: 'object', additionalProperties: true, description: 'What happened, as the event type says' })
  data: Record<string, unknown>;
  @ApiProperty({
    type: 'object',
    additionalProperties: true,
    description: 'Who (actor, agency, country, role), when (recordedAt), why (correlation and causation ids), mode',
  })
  metadata: Record<string, unknown>;
  @ApiProperty({ pattern: '^[0-9a-f]{64}$', description: "SHA-256 chaining it to the stream's previous event" })
  hash: string;
}

/** Who a token belongs to (GET /api/auth/me). */
export class ActorView {
  @ApiProperty({ example: 'officer.us' })
  id: string;
  @ApiProperty({ example: 'CBP' })
  agency: string;
  @ApiProperty({
    type: 'string',
    // `null` among the values too: OpenAPI 3.0 validators check `enum` before `nullable`.
    enum: [...SIDES, null],
    nullable: true,
    description: 'The side; null only for the system role',
  })
  country: string | null;
  @ApiProperty({ enum: ['officer', 'planner', 'auditor', 'admin', 'simulator', 'system'] })
  role: string;
}

/** Answers whose shape is closed: the document says `additionalProperties: false` on them. */
export const CLOSED_ANSWERS: readonly string[] = [
  'WriteResult',
  'WrittenEvent',
  'CreatedResource',
  RecordedEventView.name,
  ActorView.name,
];
