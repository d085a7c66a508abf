import { Body, Controller, Get, Inject, Param, Patch, Post, Query, Res } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiCreatedResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiQuery,
  ApiTags,
} from '@nestjs/swagger';
import {
  ActOnIncident,
  GetIncident,
  GetIncidentTimeline,
  ListIncidents,
  ReportIncident,
  SearchIncidentArchive,
} from '@enlace/application';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import {
  type IncidentCommand,
  type IncidentState,
  incidentStreamId,
  type JcpStepFacts,
  noSuchIncident,
  type OpenIncident,
  type ReferenceCatalog,
  type World,
} from '@enlace/domain';
import { EVENT_STORE, type EventStore, type Position, type RecordedEvent } from '@enlace/event-store';
import {
  type ActivityEntry,
  type ArchivedIncident,
  type IncidentBoardEntry,
  missingTranslations,
} from '@enlace/projections';
import { REFERENCE_CATALOG } from '@enlace/reference-data';
import type { Response } from 'express';
import { Write, type WriteExchange } from '../common/command-context.js';
import { officerPosts, OfficerWrite } from '../common/officer-write.decorator.js';
import { UuidParam } from '../common/params.js';
import {
  CursorQuery,
  EnumQuery,
  LimitQuery,
  OptionalSlugQuery,
  paged,
  pageOf,
  PositionQuery,
  PagedList,
} from '../common/projections.js';
import { checkRange, InstantQuery, SearchTextQuery } from '../common/search-queries.js';
import { FieldValidationError } from '../common/validation.js';
import { AnswersRevision, WriteResult, written } from '../common/write-result.js';
import {
  AssignOnSceneCoordinatorDto,
  JcpStepDto,
  OrderProtectiveActionDto,
  ReportIncidentDto,
  SummaryDto,
  TranslateIncidentTextDto,
  UpdateIncidentDto,
} from './incident.dto.js';
import { recordedStream } from '../common/streams.js';
import { RecordedEventView } from '../openapi/read-schemas.js';
import { AcceptsDrillHeader, CurrentWorld } from '../common/world.js';

export type IncidentView = OpenIncident & { revision: number; missingTranslations: string[] };

function view(state: IncidentState, revision: number): IncidentView {
  if (state.status === 'none') throw noSuchIncident();
  return { ...state, revision, missingTranslations: missingTranslations(state) };
}

/** A notification step's facts, the report number under its former name (`reference`) too. */
function jcpStep({ reportNumber, reference, occurredAt }: JcpStepDto): JcpStepFacts {
  const number = reportNumber ?? reference;
  return { ...(number !== undefined ? { reportNumber: number } : {}), ...(occurredAt ? { occurredAt } : {}) };
}

/** Where an incident, and what a write created in it (a protective action, a situation report), can be read. */
const incidentLocation = (id: string) => `/api/incidents/${id}`;

const Writes = (): MethodDecorator => OfficerWrite('No such incident');

const IncidentWrite = officerPosts('No such incident');

/** What an officer does to an incident once reported. */
type IncidentAction = Exclude<IncidentCommand, { type: 'ReportIncident' }>;

@ApiTags('incidents')
@ApiBearerAuth()
@AcceptsDrillHeader()
@Controller('incidents')
export class IncidentsController {
  constructor(
    private readonly commands: CommandBus,
    private readonly queries: QueryBus,
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(REFERENCE_CATALOG) private readonly reference: ReferenceCatalog,
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
  @PagedList('One page of the board')
  async list(
    @Query('status', new EnumQuery('status', ['open', 'closed', 'all'] as const))
    status: 'open' | 'closed' | 'all' | undefined,
    @Query('after', new PositionQuery()) after: Position | undefined,
    @Query('limit', new LimitQuery()) limit: number,
    @Query('cursor', new CursorQuery()) cursor: string | undefined,
    @Res({ passthrough: true }) response: Response,
    @CurrentWorld() world: World,
  ): Promise<IncidentBoardEntry[]> {
    return paged(
      response,
      await this.queries.execute(new ListIncidents(status ?? 'open', pageOf(limit, cursor), after, world)),
    );
  }

  @Get('archive')
  @ApiOperation({
    summary:
      'The archive of closed incidents, searched in the database a page at a time, the most recently observed first: ' +
      'by port (any port it affected), material (UN number or name), observation date range and free text (title, ' +
      'location, situation reports, closing summary; every word, either language, accents ignored)',
  })
  @ApiQuery({ name: 'port', required: false, description: 'A port id (otay-mesa)' })
  @ApiQuery({ name: 'material', required: false, description: 'A UN number (1017, UN1017) or part of a name' })
  @ApiQuery({ name: 'from', required: false, description: 'Observed at or after (a date is read in UTC)' })
  @ApiQuery({ name: 'to', required: false, description: 'Observed at or before (a date: to its end, UTC)' })
  @ApiQuery({ name: 'q', required: false, description: 'Words that must all appear' })
  @ApiQuery({
    name: 'after',
    required: false,
    description: 'A position (e.g. from a write): answer once the archive has it',
  })
  @PagedList('One page of the archive')
  async archive(
    @Query('port', new OptionalSlugQuery('port')) port: string | undefined,
    @Query('material', new SearchTextQuery('material', 100)) material: string | undefined,
    @Query('from', new InstantQuery('from', 'start')) from: string | undefined,
    @Query('to', new InstantQuery('to', 'end')) to: string | undefined,
    @Query('q', new SearchTextQuery('q')) text: string | undefined,
    @Query('after', new PositionQuery()) after: Position | undefined,
    @Query('limit', new LimitQuery()) limit: number,
    @Query('cursor', new CursorQuery()) cursor: string | undefined,
    @Res({ passthrough: true }) response: Response,
    @CurrentWorld() world: World,
  ): Promise<ArchivedIncident[]> {
    if (port !== undefined && !this.reference.port(port)) {
      throw new FieldValidationError([
        {
          field: 'port',
          rule: 'isIn',
          message: {
            en: `port ${port} is not a known port of entry`,
            es: `port ${port} no es un puerto de entrada conocido`,
          },
        },
      ]);
    }
    checkRange(from, to);
    const search = {
      ...(port !== undefined ? { portId: port } : {}),
      ...(material !== undefined ? { material } : {}),
      ...(from !== undefined ? { from } : {}),
      ...(to !== undefined ? { to } : {}),
      ...(text !== undefined ? { text } : {}),
    };
    return paged(
      response,
      await this.queries.execute(new SearchIncidentArchive(search, pageOf(limit, cursor), after, world)),
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
    @CurrentWorld() world: World,
  ): Promise<ActivityEntry[]> {
    return this.queries.execute(new GetIncidentTimeline(id, after, world));
  }

  @Get(':id')
  @ApiOperation({ summary: 'One incident; the ETag header is its revision' })
  @AnswersRevision('The incident with its JCP steps, protective actions and situation reports')
  @ApiNotFoundResponse()
  async get(
    @Param('id', new UuidParam()) id: string,
    @Res({ passthrough: true }) response: Response,
    @CurrentWorld() world: World,
  ): Promise<IncidentView> {
    const { state, revision } = await this.queries.execute(new GetIncident(id, world));
    response.setHeader('ETag', `"${revision}"`);
    return view(state, revision);
  }

  @Get(':id/events')
  @ApiOperation({ summary: 'The incident stream as recorded: who did what, when, on which side (auditors)' })
  @ApiOkResponse({ type: [RecordedEventView] })
  async events(@Param('id', new UuidParam()) id: string, @CurrentWorld() world: World): Promise<RecordedEvent[]> {
    return recordedStream(this.store, world, incidentStreamId(id), noSuchIncident);
  }

  @Post()
  @Writes()
  @ApiOperation({ summary: 'Report a hazardous-materials (or other) incident' })
  @ApiCreatedResponse({ type: WriteResult })
  report(@Body() body: ReportIncidentDto, @Write() { request, response }: WriteExchange): Promise<WriteResult> {
    return written(response, this.commands.execute(new ReportIncident(body, request)), incidentLocation);
  }

  @Patch(':id')
  @Writes()
  @ApiOperation({
    summary:
      'Update details (title, severity, material, quantity, location, ports, casualties). With startedFrom and no ' +
      'If-Match: decided per field on the latest state, refused (409) only for a field changed since',
  })
  @ApiOkResponse({ type: WriteResult })
  update(
    @Param('id', new UuidParam()) id: string,
    @Body() body: UpdateIncidentDto,
    @Write() write: WriteExchange,
  ): Promise<WriteResult> {
    return this.act(id, { type: 'UpdateIncident', data: body }, write);
  }

  @IncidentWrite(':id/protective-actions', 'Order an evacuation or shelter-in-place zone')
  orderProtectiveAction(
    @Param('id', new UuidParam()) id: string,
    @Body() body: OrderProtectiveActionDto,
    @Write() write: WriteExchange,
  ): Promise<WriteResult> {
    return this.act(id, { type: 'OrderProtectiveAction', data: body }, write);
  }

  @IncidentWrite(':id/protective-actions/:actionId/lift', 'Lift a protective action', 'ok')
  liftProtectiveAction(
    @Param('id', new UuidParam()) id: string,
    @Param('actionId', new UuidParam('actionId')) actionId: string,
    @Write() write: WriteExchange,
  ): Promise<WriteResult> {
    return this.act(id, { type: 'LiftProtectiveAction', data: { actionId } }, write);
  }

  @IncidentWrite(':id/situation-reports', 'File a situation report (numbered 1, 2, …)')
  fileSituationReport(
    @Param('id', new UuidParam()) id: string,
    @Body() body: SummaryDto,
    @Write() write: WriteExchange,
  ): Promise<WriteResult> {
    return this.act(id, { type: 'FileSituationReport', data: body }, write);
  }

  @IncidentWrite(
    ':id/national-center-notifications',
    "JCP: the officer's national centre was notified (NRC for the U.S., CENACOM for Mexico)",
  )
  nationalCenterNotified(
    @Param('id', new UuidParam()) id: string,
    @Body() body: JcpStepDto,
    @Write() write: WriteExchange,
  ): Promise<WriteResult> {
    return this.act(id, { type: 'RecordNationalCenterNotified', data: jcpStep(body) }, write);
  }

  @IncidentWrite(
    ':id/counterpart-center-notifications',
    "JCP: the officer's national centre notified the other country's centre",
  )
  counterpartCenterNotified(
    @Param('id', new UuidParam()) id: string,
    @Body() body: JcpStepDto,
    @Write() write: WriteExchange,
  ): Promise<WriteResult> {
    return this.act(id, { type: 'RecordCounterpartCenterNotified', data: jcpStep(body) }, write);
  }

  @IncidentWrite(':id/joint-response-team/activation', 'JCP: activate the Joint Response Team', 'ok')
  activateJrt(@Param('id', new UuidParam()) id: string, @Write() write: WriteExchange): Promise<WriteResult> {
    return this.act(id, { type: 'ActivateJointResponseTeam', data: {} }, write);
  }

  @IncidentWrite(':id/joint-response-team/deactivation', 'JCP: deactivate the Joint Response Team', 'ok')
  deactivateJrt(@Param('id', new UuidParam()) id: string, @Write() write: WriteExchange): Promise<WriteResult> {
    return this.act(id, { type: 'DeactivateJointResponseTeam', data: {} }, write);
  }

  @IncidentWrite(':id/on-scene-coordinators', "JCP: assign the on-scene coordinator of the officer's own side")
  assignOnSceneCoordinator(
    @Param('id', new UuidParam()) id: string,
    @Body() body: AssignOnSceneCoordinatorDto,
    @Write() write: WriteExchange,
  ): Promise<WriteResult> {
    return this.act(id, { type: 'AssignOnSceneCoordinator', data: body }, write);
  }

  @IncidentWrite(
    ':id/translations',
    'Add the missing language of a text (title, location, situation report, closing summary)',
  )
  translate(
    @Param('id', new UuidParam()) id: string,
    @Body() body: TranslateIncidentTextDto,
    @Write() write: WriteExchange,
  ): Promise<WriteResult> {
    return this.act(id, { type: 'TranslateIncidentText', data: body }, write);
  }

  @IncidentWrite(
    ':id/closure',
    'Close the incident with a summary (after the JRT is deactivated and protective actions lifted)',
    'ok',
  )
  close(
    @Param('id', new UuidParam()) id: string,
    @Body() body: SummaryDto,
    @Write() write: WriteExchange,
  ): Promise<WriteResult> {
    return this.act(id, { type: 'CloseIncident', data: body }, write);
  }

  /** Runs the command on the incident's stream and answers with the write (see `written`). */
  private act(id: string, command: IncidentAction, { request, response }: WriteExchange): Promise<WriteResult> {
    return written(response, this.commands.execute(new ActOnIncident(id, command, request)), incidentLocation);
  }
}
