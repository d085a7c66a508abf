import type { SchemaObject } from '@nestjs/swagger';
import type { DocumentedPipe } from '../openapi/documented-pipe.js';
import { Body, Controller, Get, HttpCode, Param, type PipeTransform, Post, Query, Res } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiBearerAuth,
  ApiCreatedResponse,
  ApiForbiddenResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiProperty,
  ApiQuery,
  ApiTags,
  ApiUnprocessableEntityResponse,
} from '@nestjs/swagger';
import { AuditLog, type ConsistencyProofView, type InclusionProofView, type StoredCheckpoint } from '@enlace/audit';
import { drillWorld, LIVE, type World } from '@enlace/domain';
import type { Position } from '@enlace/event-store';
import { IsString, Matches, MaxLength } from 'class-validator';
import type { Response } from 'express';
import { Public, Roles } from '../auth/auth.decorators.js';
import { PositionQuery, WholeNumberQuery } from '../common/projections.js';
import { FieldValidationError } from '../common/validation.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** `?drill=<id>`: that drill's own tree; without it, the live world's. */
class WorldQuery implements PipeTransform<unknown, World>, DocumentedPipe {
  readonly schema: SchemaObject = { type: 'string', format: 'uuid', pattern: UUID.source };
  transform(value: unknown): World {
    if (value === undefined) return LIVE;
    if (typeof value !== 'string' || !UUID.test(value)) {
      throw new FieldValidationError([
        {
          field: 'drill',
          rule: 'format',
          message: { en: 'drill must be a drill id (UUID)', es: 'drill debe ser el id de un ejercicio (UUID)' },
        },
      ]);
    }
    return drillWorld(value.toLowerCase());
  }
}

const DrillQuery = () =>
  ApiQuery({
    name: 'drill',
    required: false,
    description: "A drill's id: that drill's own tree instead of the live one",
  });

export class CosignatureDto {
  @ApiProperty({
    description:
      'The checkpoint note as served, with the witness’s cosignature line (C2SP tlog-cosignature, cosignature/v1) added',
  })
  @IsString()
  @MaxLength(20_000)
  // A signed note's text: lines of characters other than controls, each ending with a newline.
  @Matches(/^(?:\P{Cc}*\n)+$/u, {
    message: 'note must be a signed note: lines of text without control characters, each ending with a newline',
  })
  note: string;
}

interface PublicKeyView {
  origin: string;
  algorithm: 'Ed25519';
  verifierKey: string;
  publicKeyPem: string;
  witnesses: string[];
}

/**
 * The audit log (RFC 9162 Merkle tree over every event of the live world, C2SP signed checkpoints): what anyone may
 * check without an account (the public key, the checkpoints, consistency between them, a witness's cosignature), and
 * what auditors read (inclusion proofs of events, the verification of the whole log).
 */
@ApiTags('audit')
@Controller('audit/log')
export class AuditLogController {
  constructor(private readonly log: AuditLog) {}

  @Get('key')
  @Public()
  @ApiOperation({
    summary:
      "The log's public key: its name (origin), the C2SP verifier key and the PEM, and the witnesses whose cosignatures it accepts",
  })
  @ApiOkResponse({ description: '{ origin, algorithm, verifierKey, publicKeyPem, witnesses }' })
  key(): PublicKeyView {
    const { key } = this.log;
    return {
      origin: key.origin,
      algorithm: 'Ed25519',
      verifierKey: key.verifierKey,
      publicKeyPem: key.publicKeyPem,
      witnesses: key.witnesses.map((witness) => witness.name),
    };
  }

  @Get('checkpoint')
  @Public()
  @ApiOperation({
    summary:
      'The newest signed checkpoint (tree size, root hash, time), with the witnesses’ cosignatures; ?format=note for the bare C2SP note (text/plain)',
  })
  @ApiQuery({ name: 'format', required: false, enum: ['json', 'note'] })
  @DrillQuery()
  @ApiOkResponse({ description: '{ size, root, at, note, lastPosition }' })
  @ApiNotFoundResponse({ description: 'AUDIT.NO_CHECKPOINT: nothing sealed yet' })
  async latest(
    @Query('format') format: string | undefined,
    @Query('drill', new WorldQuery()) world: World,
    @Res({ passthrough: true }) response: Response,
  ) {
    const checkpoint = await this.log.latestCheckpoint(world);
    if (format === 'note') {
      response.type('text/plain; charset=utf-8');
      return checkpoint.note;
    }
    return checkpoint;
  }

  @Get('checkpoints')
  @Public()
  @ApiOperation({
    summary: 'Signed checkpoints in size order, a page at a time (after: the last size of the page before)',
  })
  @ApiQuery({ name: 'after', required: false, description: 'A tree size' })
  @ApiQuery({ name: 'limit', required: false })
  @DrillQuery()
  @ApiOkResponse({ description: '{ checkpoints: [{ size, root, at, note }], next }' })
  @ApiBadRequestResponse({ description: 'VALIDATION_FAILED: after or limit' })
  async checkpoints(
    @Query('after', new WholeNumberQuery('after', { min: 0 })) after: number | undefined,
    @Query('limit', new WholeNumberQuery('limit', { min: 1 })) limit: number | undefined,
    @Query('drill', new WorldQuery()) world: World,
  ): Promise<{ checkpoints: StoredCheckpoint[]; next: number | null }> {
    const size = Math.min(limit ?? 100, 500);
    const checkpoints = await this.log
      .tree(world)
      .checkpoints({ limit: size, ...(after === undefined ? {} : { afterSize: after }) });
    return { checkpoints, next: checkpoints.length === size ? checkpoints[checkpoints.length - 1]!.size : null };
  }

  @Get('checkpoints/:size')
  @Public()
  @ApiOperation({ summary: 'The signed checkpoint of one tree size' })
  @DrillQuery()
  @ApiNotFoundResponse({ description: 'AUDIT.CHECKPOINT_NOT_FOUND' })
  checkpoint(@Param('size') size: string, @Query('drill', new WorldQuery()) world: World): Promise<StoredCheckpoint> {
    return this.log.checkpointOfSize(new WholeNumberQuery('size', { min: 1, required: true }).transform(size)!, world);
  }

  @Post('checkpoints/:size/cosignatures')
  @Public()
  @HttpCode(201)
  @ApiOperation({
    summary:
      'A witness (the other country’s deployment, an inspector) cosigns a checkpoint it found consistent with the last one it signed',
  })
  @ApiCreatedResponse({ description: 'The checkpoint with every cosignature' })
  @ApiUnprocessableEntityResponse({ description: 'AUDIT.COSIGNATURE_INVALID: not a cosignature this log accepts' })
  cosign(@Param('size') size: string, @Body() body: CosignatureDto): Promise<StoredCheckpoint> {
    return this.log.addCosignature(
      new WholeNumberQuery('size', { min: 1, required: true }).transform(size)!,
      body.note,
    );
  }

  @Get('proofs/consistency')
  @Public()
  @ApiOperation({ summary: 'RFC 9162 consistency proof between two signed checkpoints (tree sizes from ≤ to)' })
  @ApiQuery({ name: 'from', required: true })
  @ApiQuery({ name: 'to', required: true })
  @DrillQuery()
  @ApiOkResponse({ description: '{ from, to, proof: [hex] }' })
  @ApiBadRequestResponse({ description: 'VALIDATION_FAILED: from, to, or from > to' })
  @ApiNotFoundResponse({ description: 'AUDIT.CHECKPOINT_NOT_FOUND: no checkpoint of that size' })
  consistency(
    @Query('from', new WholeNumberQuery('from', { min: 1, required: true })) from: number,
    @Query('to', new WholeNumberQuery('to', { min: 1, required: true })) to: number,
    @Query('drill', new WorldQuery()) world: World,
  ): Promise<ConsistencyProofView> {
    if (from > to) {
      throw new FieldValidationError([
        {
          field: 'to',
          rule: 'min',
          message: { en: `to must be at least from (${from})`, es: `to debe ser al menos from (${from})` },
        },
      ]);
    }
    return this.log.consistency(from, to, world);
  }

  @Get('verification')
  @Roles('auditor', 'admin')
  @ApiBearerAuth()
  @ApiOperation({
    summary:
      'Verifies the whole record now: every stream’s hash chain, and the Merkle log against every signed checkpoint ' +
      '(each signature with the log’s key). Names the first bad position and what is wrong. Reads the whole log: ' +
      'as long as `npm run verify` takes',
  })
  @ApiOkResponse({
    description: '{ ok, checkedAt, log: { eventsChecked, checkpointsChecked, lastCheckpoint, problem }, chains }',
  })
  @DrillQuery()
  @ApiForbiddenResponse({ description: 'Auditors and admins only' })
  verification(@Query('drill', new WorldQuery()) world: World): Promise<unknown> {
    return this.log.verifyAll(world);
  }

  @Get('proofs/inclusion')
  @Roles('auditor', 'admin')
  @ApiBearerAuth()
  @ApiOperation({
    summary:
      'RFC 9162 inclusion proof of the event at a position in a signed checkpoint (the newest, or ?size=), with its leaf',
  })
  @ApiQuery({ name: 'position', required: true })
  @ApiQuery({ name: 'size', required: false })
  @DrillQuery()
  @ApiOkResponse({ description: '{ position, leafIndex, treeSize, proof: [hex], leafHash, checkpoint }' })
  @ApiBadRequestResponse({ description: 'VALIDATION_FAILED: position or size' })
  @ApiForbiddenResponse({ description: 'Auditors and admins only' })
  @ApiNotFoundResponse({ description: 'AUDIT.NOT_SEALED or AUDIT.CHECKPOINT_NOT_FOUND' })
  inclusion(
    @Query('position', new PositionQuery('position', true)) position: Position,
    @Query('size', new WholeNumberQuery('size', { min: 1 })) size: number | undefined,
    @Query('drill', new WorldQuery()) world: World,
  ): Promise<InclusionProofView> {
    return this.log.inclusion(position, size, world);
  }
}
