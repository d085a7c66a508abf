import { Body, Controller, Get, HttpCode, Inject, Param, Patch, Post, Query, Res } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiCreatedResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiQuery,
  ApiTags,
} from '@nestjs/swagger';
import { ActOnIncident, GetIncident, GetIncidentTimeline, ListIncidents, ReportIncident } from '@enlace/application';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { type Actor, type IncidentState, incidentStreamId, notFound, type OpenIncident } from '@enlace/domain';
import { collect, EVENT_STORE, type EventStore, type Position, type RecordedEvent } from '@enlace/event-store';
import { type ActivityEntry, type IncidentBoardEntry, missingTranslations } from '@enlace/projections';
import type { Response } from 'express';
import { CurrentActor } from '../auth/auth.decorators.js';
import { Command, type CommandContext } from '../common/command-context.js';
import { OfficerWrite } from '../common/officer-write.decorator.js';
import { UuidParam } from '../common/params.js';
import { CursorQuery, EnumQuery, LimitQuery, paged, pageOf, PositionQuery } from '../common/projections.js';
import { WriteResult, written } from '../common/write-result.js';
import {
  AssignOnSceneCoordinatorDto,
  JcpStepDto,
  OrderProtectiveActionDto,
  ReportIncidentDto,
  SummaryDto,
  TranslateIncidentTextDto,
  UpdateIncidentDto,
} from './incident.dto.js';

export type IncidentView = OpenIncident & { revision: number; missingTranslations: string[] };

function view(state: IncidentState, revision: number): IncidentView {
  if (state.status === 'none') throw notFound('INCIDENT.NOT_FOUND', 'Incident not found', 'Incidente no encontrado');
  return { ...state, revision, missingTranslations: missingTranslations(state) };
}

const Writes = (): MethodDecorator => OfficerWrite('No such incident');

@ApiTags('incidents')
@ApiBearerAuth()
@Controller('incidents')
export class IncidentsController {
  constructor(
    private readonly commands: CommandBus,
    private readonly queries: QueryBus,
    @Inject(EVENT_STORE) private readonly store: EventStore,
  ) {}

  @Get()
  @ApiOperation({
    summary:
      'The incident board (live read model): severity, material, ports, last update, missing translations. Open ' +
      'incidents all at once; closed ones (status=closed or all) a page at a time, newest change first',
  })
  @ApiQuery({ name: 'status', required: false, enum: ['open', 'closed', 'all'] })
  @ApiQuery({
    name: 'after',
    required: false,
    description: 'A position (e.g. from a write): answer once the board has reached it',
  })
  @ApiQuery({ name: 'limit', required: false, schema: { type: 'integer', minimum: 1, maximum: 500, default: 100 } })
  @ApiQuery({ name: 'cursor', required: false, description: 'The X-Next-Cursor header of the page before' })
  @ApiOkResponse({
    description: 'One page of the board',
    headers: { 'X-Next-Cursor': { description: 'Where the next page starts (absent on the last page)' } },
  })
  async list(
    @Query('status', new EnumQuery('status', ['open', 'closed', 'all'] as const))
    status: 'open' | 'closed' | 'all' | undefined,
    @Query('after', new PositionQuery()) after: Position | undefined,
    @Query('limit', new LimitQuery()) limit: number,
    @Query('cursor', new CursorQuery()) cursor: string | undefined,
    @Res({ passthrough: true }) response: Response,
  ): Promise<IncidentBoardEntry[]> {
    return paged(
      response,
      await this.queries.execute(new ListIncidents(status ?? 'open', pageOf(limit, cursor), after)),
    );
  }

  @Get(':id/timeline')
  @ApiOperation({
    summary: 'ICS-214-style activity log: who did what, when, on which side (incident, linked shutdowns, BLM)',
  })
  @ApiQuery({ name: 'after', required: false })
  @ApiNotFoundResponse()
  async timeline(
    @Param('id', new UuidParam()) id: string,
    @Query('after', new PositionQuery()) after: Position | undefined,
  ): Promise<ActivityEntry[]> {
    return this.queries.execute(new GetIncidentTimeline(id, after));
  }

  @Get(':id')
  @ApiOperation({ summary: 'One incident; the ETag header is its revision' })
  @ApiOkResponse({ description: 'The incident with its JCP steps, protective actions and situation reports' })
  @ApiNotFoundResponse()
  async get(
    @Param('id', new UuidParam()) id: string,
    @Res({ passthrough: true }) response: Response,
  ): Promise<IncidentView> {
    const { state, revision } = await this.queries.execute(new GetIncident(id));
    response.setHeader('ETag', `"${revision}"`);
    return view(state, revision);
  }

  @Get(':id/events')
  @ApiOperation({ summary: 'The incident stream as recorded: who did what, when, on which side (auditors)' })
  async events(@Param('id', new UuidParam()) id: string): Promise<RecordedEvent[]> {
    const events = await collect(this.store.readStream(incidentStreamId(id)));
    if (events.length === 0) throw notFound('INCIDENT.NOT_FOUND', 'Incident not found', 'Incidente no encontrado');
    return events;
  }

  @Post()
  @Writes()
  @ApiOperation({ summary: 'Report a hazardous-materials (or other) incident' })
  @ApiCreatedResponse({ type: WriteResult })
  async report(
    @Body() body: ReportIncidentDto,
    @CurrentActor() actor: Actor,
    @Command() context: CommandContext,
    @Res({ passthrough: true }) response: Response,
  ): Promise<WriteResult> {
    const result = await written(response, this.commands.execute(new ReportIncident(body, { actor, ...context })));
    response.status(result.replayed ? 200 : 201).setHeader('Location', `/api/incidents/${result.id}`);
    return result;
  }

  @Patch(':id')
  @Writes()
  @ApiOperation({ summary: 'Update details (title, severity, material, quantity, location, ports, casualties)' })
  @ApiOkResponse({ type: WriteResult })
  update(
    @Param('id', new UuidParam()) id: string,
    @Body() body: UpdateIncidentDto,
    @CurrentActor() actor: Actor,
    @Command() context: CommandContext,
    @Res({ passthrough: true }) response: Response,
  ): Promise<WriteResult> {
    return written(
      response,
      this.commands.execute(new ActOnIncident(id, { type: 'UpdateIncident', data: body }, { actor, ...context })),
    );
  }

  @Post(':id/protective-actions')
  @Writes()
  @ApiOperation({ summary: 'Order an evacuation or shelter-in-place zone' })
  @ApiCreatedResponse({ type: WriteResult })
  orderProtectiveAction(
    @Param('id', new UuidParam()) id: string,
    @Body() body: OrderProtectiveActionDto,
    @CurrentActor() actor: Actor,
    @Command() context: CommandContext,
    @Res({ passthrough: true }) response: Response,
  ): Promise<WriteResult> {
    return written(
      response,
      this.commands.execute(
        new ActOnIncident(id, { type: 'OrderProtectiveAction', data: body }, { actor, ...context }),
      ),
    );
  }

  @Post(':id/protective-actions/:actionId/lift')
  @HttpCode(200)
  @Writes()
  @ApiOperation({ summary: 'Lift a protective action' })
  @ApiOkResponse({ type: WriteResult })
  liftProtectiveAction(
    @Param('id', new UuidParam()) id: string,
    @Param('actionId', new UuidParam('actionId')) actionId: string,
    @CurrentActor() actor: Actor,
    @Command() context: CommandContext,
    @Res({ passthrough: true }) response: Response,
  ): Promise<WriteResult> {
    return written(
      response,
      this.commands.execute(
        new ActOnIncident(id, { type: 'LiftProtectiveAction', data: { actionId } }, { actor, ...context }),
      ),
    );
  }

  @Post(':id/situation-reports')
  @Writes()
  @ApiOperation({ summary: 'File a situation report (numbered 1, 2, …)' })
  @ApiCreatedResponse({ type: WriteResult })
  fileSituationReport(
    @Param('id', new UuidParam()) id: string,
    @Body() body: SummaryDto,
    @CurrentActor() actor: Actor,
    @Command() context: CommandContext,
    @Res({ passthrough: true }) response: Response,
  ): Promise<WriteResult> {
    return written(
      response,
      this.commands.execute(new ActOnIncident(id, { type: 'FileSituationReport', data: body }, { actor, ...context })),
    );
  }

  @Post(':id/national-center-notifications')
  @Writes()
  @ApiOperation({ summary: "JCP: the officer's national centre was notified (NRC for the U.S., CENACOM for Mexico)" })
  @ApiCreatedResponse({ type: WriteResult })
  nationalCenterNotified(
    @Param('id', new UuidParam()) id: string,
    @Body() body: JcpStepDto,
    @CurrentActor() actor: Actor,
    @Command() context: CommandContext,
    @Res({ passthrough: true }) response: Response,
  ): Promise<WriteResult> {
    return written(
      response,
      this.commands.execute(
        new ActOnIncident(id, { type: 'RecordNationalCenterNotified', data: body }, { actor, ...context }),
      ),
    );
  }

  @Post(':id/counterpart-center-notifications')
  @Writes()
  @ApiOperation({ summary: "JCP: the officer's national centre notified the other country's centre" })
  @ApiCreatedResponse({ type: WriteResult })
  counterpartCenterNotified(
    @Param('id', new UuidParam()) id: string,
    @Body() body: JcpStepDto,
    @CurrentActor() actor: Actor,
    @Command() context: CommandContext,
    @Res({ passthrough: true }) response: Response,
  ): Promise<WriteResult> {
    return written(
      response,
      this.commands.execute(
        new ActOnIncident(id, { type: 'RecordCounterpartCenterNotified', data: body }, { actor, ...context }),
      ),
    );
  }

  @Post(':id/joint-response-team/activation')
  @HttpCode(200)
  @Writes()
  @ApiOperation({ summary: 'JCP: activate the Joint Response Team' })
  @ApiOkResponse({ type: WriteResult })
  activateJrt(
    @Param('id', new UuidParam()) id: string,
    @CurrentActor() actor: Actor,
    @Command() context: CommandContext,
    @Res({ passthrough: true }) response: Response,
  ): Promise<WriteResult> {
    return written(
      response,
      this.commands.execute(
        new ActOnIncident(id, { type: 'ActivateJointResponseTeam', data: {} }, { actor, ...context }),
      ),
    );
  }

  @Post(':id/joint-response-team/deactivation')
  @HttpCode(200)
  @Writes()
  @ApiOperation({ summary: 'JCP: deactivate the Joint Response Team' })
  @ApiOkResponse({ type: WriteResult })
  deactivateJrt(
    @Param('id', new UuidParam()) id: string,
    @CurrentActor() actor: Actor,
    @Command() context: CommandContext,
    @Res({ passthrough: true }) response: Response,
  ): Promise<WriteResult> {
    return written(
      response,
      this.commands.execute(
        new ActOnIncident(id, { type: 'DeactivateJointResponseTeam', data: {} }, { actor, ...context }),
      ),
    );
  }

  @Post(':id/on-scene-coordinators')
  @Writes()
  @ApiOperation({ summary: "JCP: assign the on-scene coordinator of the officer's own side" })
  @ApiCreatedResponse({ type: WriteResult })
  assignOnSceneCoordinator(
    @Param('id', new UuidParam()) id: string,
    @Body() body: AssignOnSceneCoordinatorDto,
    @CurrentActor() actor: Actor,
    @Command() context: CommandContext,
    @Res({ passthrough: true }) response: Response,
  ): Promise<WriteResult> {
    return written(
      response,
      this.commands.execute(
        new ActOnIncident(id, { type: 'AssignOnSceneCoordinator', data: body }, { actor, ...context }),
      ),
    );
  }

  @Post(':id/translations')
  @Writes()
  @ApiOperation({ summary: 'Add the missing language of a text (title, location, situation report, closing summary)' })
  @ApiCreatedResponse({ type: WriteResult })
  translate(
    @Param('id', new UuidParam()) id: string,
    @Body() body: TranslateIncidentTextDto,
    @CurrentActor() actor: Actor,
    @Command() context: CommandContext,
    @Res({ passthrough: true }) response: Response,
  ): Promise<WriteResult> {
    return written(
      response,
      this.commands.execute(
        new ActOnIncident(id, { type: 'TranslateIncidentText', data: body }, { actor, ...context }),
      ),
    );
  }

  @Post(':id/closure')
  @HttpCode(200)
  @Writes()
  @ApiOperation({
    summary: 'Close the incident with a summary (after the JRT is deactivated and protective actions lifted)',
  })
  @ApiOkResponse({ type: WriteResult })
  close(
    @Param('id', new UuidParam()) id: string,
    @Body() body: SummaryDto,
    @CurrentActor() actor: Actor,
    @Command() context: CommandContext,
    @Res({ passthrough: true }) response: Response,
  ): Promise<WriteResult> {
    return written(
      response,
      this.commands.execute(new ActOnIncident(id, { type: 'CloseIncident', data: body }, { actor, ...context })),
    );
  }
}
