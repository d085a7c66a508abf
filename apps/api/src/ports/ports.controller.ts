import { Body, Controller, Get, HttpCode, Inject, Param, Post, Query, Res } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiCreatedResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiProperty,
  ApiPropertyOptional,
  ApiQuery,
  ApiTags,
} from '@nestjs/swagger';
import { CommandPipeline } from '@enlace/application';
import {
  type Actor,
  type BilingualText,
  broken,
  DIRECTIONS,
  incidentDecider,
  incidentStreamId,
  LANE_MODES,
  type LaneId,
  notFound,
  type PortCommand,
  portDecider,
  type PortOfEntry,
  portStreamId,
  type ReferenceCatalog,
  reopeningBlockers,
  SHUTDOWN_KINDS,
  type ShutdownKind,
  SIDES,
  type Side,
} from '@enlace/domain';
import type { Position } from '@enlace/event-store';
import { type ChecklistProgress, portStatus, type PortStatus } from '@enlace/projections';
import { REFERENCE_CATALOG } from '@enlace/reference-data';
import { Transform } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsIn, IsUUID, Matches } from 'class-validator';
import type { Response } from 'express';
import { CurrentActor } from '../auth/auth.decorators.js';
import { Command, type CommandContext } from '../common/command-context.js';
import { OfficerWrite } from '../common/officer-write.decorator.js';
import { SlugParam } from '../common/params.js';
import { PositionQuery, Projections } from '../common/projections.js';
import { IsBilingualText, OptionalField } from '../common/validation.js';
import { WriteResult, writeResult } from '../common/write-result.js';
import { BilingualTextDto } from '../incidents/incident.dto.js';

const LANE_ID = new RegExp(`^(${LANE_MODES.join('|')}):(${DIRECTIONS.join('|')})$`);
const LANE_MESSAGE = `each lane must be <mode>:<direction>, mode one of ${LANE_MODES.join(', ')}, direction northbound or southbound`;

export class DeclareShutdownDto {
  @ApiProperty({ enum: SHUTDOWN_KINDS, description: 'Chooses the business-resumption checklist template' })
  @IsIn(SHUTDOWN_KINDS)
  kind: ShutdownKind;

  @ApiPropertyOptional({
    type: [String],
    example: ['commercial:northbound', 'fast:northbound'],
    description: 'Omitted: every lane',
  })
  @OptionalField()
  @IsArray()
  @ArrayMaxSize(20)
  @Matches(LANE_ID, { each: true, message: LANE_MESSAGE })
  lanes?: LaneId[];

  @ApiProperty({ type: BilingualTextDto })
  @IsBilingualText(2000, { multiline: true })
  reason: BilingualText;

  @ApiPropertyOptional({ description: 'The incident that caused the shutdown' })
  @OptionalField()
  @IsUUID()
  @Transform(({ value }: { value: unknown }) => (typeof value === 'string' ? value.toLowerCase() : value))
  incidentId?: string;
}

export class ChecklistNoteDto {
  @ApiPropertyOptional({ type: BilingualTextDto })
  @OptionalField()
  @IsBilingualText(2000, { multiline: true })
  note?: BilingualText;
}

export class WaiverDto {
  @ApiProperty({ type: BilingualTextDto, description: 'Why the item is waived (required)' })
  @IsBilingualText(2000, { multiline: true })
  reason: BilingualText;
}

export class SignOffDto {
  @ApiProperty({ enum: SIDES, description: "Must be the officer's own side" })
  @IsIn(SIDES)
  side: Side;
}

export class ReopeningDto {
  @ApiPropertyOptional({
    type: [String],
    description: 'Lanes to reopen in this phase; omitted: every lane still closed',
  })
  @OptionalField()
  @IsArray()
  @ArrayMaxSize(20)
  @Matches(LANE_ID, { each: true, message: LANE_MESSAGE })
  lanes?: LaneId[];
}

const Writes = (): MethodDecorator => OfficerWrite('No such port or checklist item');

@ApiTags('ports')
@ApiBearerAuth()
@Controller('ports')
export class PortsController {
  constructor(
    private readonly pipeline: CommandPipeline,
    private readonly projections: Projections,
    @Inject(REFERENCE_CATALOG) private readonly reference: ReferenceCatalog,
  ) {}

  @Get()
  @ApiOperation({
    summary:
      'The port status board (live read model): lanes by mode and direction, time closed, linked incident, checklist progress, sign-offs',
  })
  @ApiQuery({
    name: 'after',
    required: false,
    description: 'A position (e.g. from a write): answer once the board has reached it',
  })
  async list(@Query('after', new PositionQuery()) after: Position | undefined): Promise<PortStatus[]> {
    await this.projections.reach(after);
    return this.projections.models.ports.board();
  }

  @Get('checklists')
  @ApiOperation({ summary: 'Checklist progress of every shutdown in progress (live read model)' })
  @ApiQuery({ name: 'after', required: false })
  async checklists(@Query('after', new PositionQuery()) after: Position | undefined): Promise<ChecklistProgress[]> {
    await this.projections.reach(after);
    return this.projections.models.ports.checklists();
  }

  @Get(':id')
  @ApiOperation({ summary: 'One port: lanes by mode and direction, the shutdown in progress, checklist and sign-offs' })
  @ApiNotFoundResponse()
  async get(
    @Param('id', new SlugParam()) id: string,
    @Res({ passthrough: true }) response: Response,
  ): Promise<PortStatus> {
    const port = this.requirePort(id);
    const { state, revision } = await this.pipeline.load(portDecider, portStreamId(id));
    response.setHeader('ETag', `"${revision}"`);
    return portStatus(port, state, revision);
  }

  @Get(':id/checklist')
  @ApiOperation({ summary: 'The resumption checklist of the shutdown in progress, with what still blocks reopening' })
  async checklist(@Param('id', new SlugParam()) id: string, @Res({ passthrough: true }) response: Response) {
    this.requirePort(id);
    const { state, revision } = await this.pipeline.load(portDecider, portStreamId(id));
    if (!state.activeShutdown) {
      throw notFound(
        'PORT.NO_ACTIVE_SHUTDOWN',
        `Port ${id} has no shutdown in progress`,
        `El puerto ${id} no tiene un cierre en curso`,
      );
    }
    response.setHeader('ETag', `"${revision}"`);
    const { checklist, signOffs, shutdownId } = state.activeShutdown;
    return { shutdownId, revision, ...checklist, signOffs, blockers: reopeningBlockers(state.activeShutdown) };
  }

  @Post(':id/shutdowns')
  @Writes()
  @ApiOperation({ summary: 'Declare a full or partial shutdown; starts the resumption checklist for its kind' })
  @ApiCreatedResponse({ type: WriteResult })
  declareShutdown(
    @Param('id', new SlugParam()) id: string,
    @Body() body: DeclareShutdownDto,
    @CurrentActor() actor: Actor,
    @Command() context: CommandContext,
    @Res({ passthrough: true }) response: Response,
  ): Promise<WriteResult> {
    return this.run(id, { type: 'DeclarePortShutdown', data: { portId: id, ...body } }, actor, context, response);
  }

  @Post(':id/checklist/:itemId/completion')
  @Writes()
  @ApiOperation({ summary: 'Complete a checklist item of your side (or a joint one)' })
  @ApiCreatedResponse({ type: WriteResult })
  complete(
    @Param('id', new SlugParam()) id: string,
    @Param('itemId', new SlugParam('itemId')) itemId: string,
    @Body() body: ChecklistNoteDto,
    @CurrentActor() actor: Actor,
    @Command() context: CommandContext,
    @Res({ passthrough: true }) response: Response,
  ): Promise<WriteResult> {
    return this.run(
      id,
      { type: 'CompleteChecklistItem', data: { portId: id, itemId, ...body } },
      actor,
      context,
      response,
    );
  }

  @Post(':id/checklist/:itemId/waiver')
  @Writes()
  @ApiOperation({ summary: 'Waive a checklist item of your side (or a joint one), with a reason' })
  @ApiCreatedResponse({ type: WriteResult })
  waive(
    @Param('id', new SlugParam()) id: string,
    @Param('itemId', new SlugParam('itemId')) itemId: string,
    @Body() body: WaiverDto,
    @CurrentActor() actor: Actor,
    @Command() context: CommandContext,
    @Res({ passthrough: true }) response: Response,
  ): Promise<WriteResult> {
    return this.run(
      id,
      { type: 'WaiveChecklistItem', data: { portId: id, itemId, reason: body.reason } },
      actor,
      context,
      response,
    );
  }

  @Post(':id/sign-offs')
  @Writes()
  @ApiOperation({ summary: "Sign off the resumption for the officer's own side" })
  @ApiCreatedResponse({ type: WriteResult })
  signOff(
    @Param('id', new SlugParam()) id: string,
    @Body() body: SignOffDto,
    @CurrentActor() actor: Actor,
    @Command() context: CommandContext,
    @Res({ passthrough: true }) response: Response,
  ): Promise<WriteResult> {
    return this.run(id, { type: 'SignOffResumption', data: { portId: id, side: body.side } }, actor, context, response);
  }

  @Post(':id/reopenings')
  @HttpCode(200)
  @Writes()
  @ApiOperation({
    summary: 'Reopen lanes (a phase); the last phase needs every critical item done or waived and both sign-offs',
  })
  @ApiOkResponse({ type: WriteResult })
  reopen(
    @Param('id', new SlugParam()) id: string,
    @Body() body: ReopeningDto,
    @CurrentActor() actor: Actor,
    @Command() context: CommandContext,
    @Res({ passthrough: true }) response: Response,
  ): Promise<WriteResult> {
    return this.run(id, { type: 'ReopenPortLanes', data: { portId: id, ...body } }, actor, context, response);
  }

  private requirePort(id: string): PortOfEntry {
    const port = this.reference.port(id);
    if (!port) {
      throw notFound('PORT.NOT_FOUND', `Port of entry ${id} not found`, `Puerto de entrada ${id} no encontrado`);
    }
    return port;
  }

  private async run(portId: string, command: PortCommand, actor: Actor, context: CommandContext, response: Response) {
    this.requirePort(portId);
    if (command.type === 'DeclarePortShutdown' && command.data.incidentId) {
      await this.requireIncident(command.data.incidentId);
    }
    const outcome = await this.pipeline.execute(portDecider, {
      streamId: portStreamId(portId),
      command,
      actor,
      ...context,
    });
    return writeResult(response, portId, outcome);
  }

  private async requireIncident(incidentId: string): Promise<void> {
    const { state } = await this.pipeline.load(incidentDecider, incidentStreamId(incidentId));
    if (state.status === 'none') {
      throw broken(
        'PORT.UNKNOWN_INCIDENT',
        `Incident ${incidentId} does not exist`,
        `El incidente ${incidentId} no existe`,
        {
          incidentId,
        },
      );
    }
  }
}
