import { applyDecorators, Controller, Get, Inject, Logger, Param, Req, Res } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiBearerAuth,
  ApiForbiddenResponse,
  ApiHeader,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiProduces,
  ApiQuery,
  ApiTags,
  ApiUnauthorizedResponse,
} from '@nestjs/swagger';
import { requirePort } from '@enlace/application';
import { Clock } from '@enlace/clock';
import {
  type Actor,
  drillStreamId,
  forbidden,
  incidentStreamId,
  noSuchDrill,
  noSuchIncident,
  notFound,
  notificationStreamId,
  type ReferenceCatalog,
  streamInWorld,
  drillWorld,
} from '@enlace/domain';
import { EVENT_STORE, type EventStore } from '@enlace/event-store';
import { REFERENCE_CATALOG } from '@enlace/reference-data';
import type { Request, Response } from 'express';
import { CurrentActor, Roles } from '../auth/auth.decorators.js';
import { UserDirectory } from '../auth/user-directory.js';
import { readCommandContext } from '../common/command-context.js';
import { UuidParam } from '../common/params.js';
import { AuditHistory, type HistoryPage, MAX_READ_PER_PAGE } from './audit-history.js';
import { AuditJournal } from './audit-journal.js';
import { readHistoryExportRequest, readHistoryPageRequest, readIcs214Request } from './audit-requests.js';
import { EventPlaces } from './event-places.js';
import {
  echoOf,
  HISTORY_AGGREGATES,
  HISTORY_EVENT_TYPES,
  type HistoryFilter,
  requireHistoryScope,
} from './history-filter.js';
import { headingOf, HISTORY_CSV_COLUMNS, HISTORY_MEDIA_TYPES, sendExport } from './history-export.js';
import { Ics214Builder } from './ics-214.js';
import { renderIcs214Csv, renderIcs214Html } from './ics-214-render.js';

const ROLE_RULES =
  'Auditors and admins: everything. Officers: aggregate=incident or aggregate=port with its id. Planners: aggregate=drill. ' +
  'Anything else is 403 AUDIT.HISTORY_SCOPE (English and Spanish)';

/** The filters the history and its export share, as OpenAPI parameters. */
const HistoryFilters = (): MethodDecorator =>
  applyDecorators(
    ApiQuery({
      name: 'aggregate',
      required: false,
      enum: HISTORY_AGGREGATES,
      description:
        'One aggregate’s streams (drill: drills’ own streams exercise-<id>.drill-<id>); absent: every live stream',
    }),
    ApiQuery({
      name: 'id',
      required: false,
      schema: { type: 'string', maxLength: 100 },
      description: 'One aggregate’s id (with aggregate): a UUID, or a port id such as otay-mesa',
    }),
    ApiQuery({
      name: 'from',
      required: false,
      schema: { type: 'string', format: 'date-time' },
      description: 'Recorded at or after (ISO-8601 with its zone)',
    }),
    ApiQuery({
      name: 'to',
      required: false,
      schema: { type: 'string', format: 'date-time' },
      description: 'Recorded at or before; not before from, and at most one year after it (oversized range: 400)',
    }),
    ApiQuery({ name: 'actor', required: false, schema: { type: 'string', maxLength: 100 }, description: 'Who acted' }),
    ApiQuery({ name: 'side', required: false, enum: ['US', 'MX'], description: 'The side the actor acted for' }),
    ApiQuery({
      name: 'type',
      required: false,
      isArray: true,
      enum: HISTORY_EVENT_TYPES,
      style: 'form',
      explode: true,
      description: 'Event types (repeat the parameter, or separate with commas), of the aggregate asked for',
    }),
    ApiQuery({
      name: 'after',
      required: false,
      schema: { type: 'string', pattern: '^\\d{20}:\\d{20}$' },
      description: 'A position: events after it (the `next` of the page before)',
    }),
    ApiBadRequestResponse({
      description: 'VALIDATION_FAILED: every bad parameter named with its rule (English, Spanish)',
    }),
    ApiUnauthorizedResponse({ description: 'No valid bearer token' }),
    ApiForbiddenResponse({ description: ROLE_RULES }),
    ApiNotFoundResponse({ description: 'aggregate and id name no incident, port, notification or drill' }),
  );

const HISTORY_ITEM_SCHEMA = {
  type: 'object',
  properties: {
    position: { type: 'string' },
    recordedAt: { type: 'string', format: 'date-time' },
    local: {
      type: 'object',
      nullable: true,
      description: 'At the port the event concerns: its U.S. and Mexican zones and the local times there',
      properties: {
        portId: { type: 'string' },
        us: { type: 'object', properties: { zone: { type: 'string' }, time: { type: 'string' } } },
        mx: { type: 'object', properties: { zone: { type: 'string' }, time: { type: 'string' } } },
      },
    },
    type: { type: 'string' },
    actor: { type: 'string' },
    agency: { type: 'string' },
    side: { type: 'string', enum: ['US', 'MX'], nullable: true },
    role: { type: 'string' },
    world: { type: 'string', enum: ['live', 'drill'] },
    drillId: { type: 'string', format: 'uuid' },
    drillTime: { type: 'string', format: 'date-time' },
    correlationId: { type: 'string' },
    causationId: { type: 'string', nullable: true },
    stream: { type: 'string' },
    revision: { type: 'integer' },
    data: { type: 'object' },
  },
};

const EXPORT_ID_HEADER = { 'X-Enlace-Export-Id': { description: 'The export’s id, as the audit journal records it' } };

/**
 * The auditors' history of the live world (and of drills' own streams), its streamed export (JSON lines or CSV), and
 * the ICS 214 activity log of a side on an incident. Every export is recorded in the audit journal (who exported
 * what, when) before it is written.
 */
@ApiTags('audit')
@ApiBearerAuth()
@Controller('audit')
export class AuditHistoryController {
  private readonly logger = new Logger('AuditExport');
  private readonly history: AuditHistory;
  private readonly journal: AuditJournal;
  private readonly forms: Ics214Builder;

  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(REFERENCE_CATALOG) private readonly reference: ReferenceCatalog,
    private readonly clock: Clock,
    directory: UserDirectory,
  ) {
    this.history = new AuditHistory(store, new EventPlaces(store, reference));
    this.journal = new AuditJournal(store, clock);
    this.forms = new Ics214Builder(store, reference, (username) => directory.find(username));
  }

  @Get('history')
  @Roles('auditor', 'admin', 'officer', 'planner')
  @ApiOperation({
    summary:
      'Every event of the live world (incidents, ports, notifications, sessions, accounts, the sign-in journal, the ' +
      'audit journal), oldest first, a page at a time by position, filtered; each with its time in UTC and at the ' +
      `port it concerns. A page reads at most ${MAX_READ_PER_PAGE} events after the store's own filtering, so a ` +
      'selective filter may answer a short page with a next cursor',
  })
  @HistoryFilters()
  @ApiQuery({ name: 'limit', required: false, schema: { type: 'integer', minimum: 1, maximum: 500, default: 100 } })
  @ApiProduces('application/json')
  @ApiOkResponse({
    description: '{ items, next }: next is the after of the next page, null at the end of the history',
    schema: {
      type: 'object',
      properties: {
        items: { type: 'array', items: HISTORY_ITEM_SCHEMA },
        next: { type: 'string', nullable: true },
      },
    },
  })
  async list(@Req() request: Request, @CurrentActor() actor: Actor): Promise<HistoryPage> {
    const { filter, after, limit } = readHistoryPageRequest(request.query);
    requireHistoryScope(actor, filter);
    await this.requireSubject(filter);
    return this.history.page(filter, after, limit);
  }

  @Get('history/export')
  @Roles('auditor', 'admin', 'officer', 'planner')
  @ApiOperation({
    summary:
      'The history (same filters and roles) streamed whole, in position order, up to the position the store had ' +
      'reached when the export began. JSON lines: a first line {"kind":"export","filter",…,"exportedBy","exportedAt"}, ' +
      'then one item per line. CSV (UTF-8 with BOM, RFC 4180): the lines "# filter: <query>" and "# export: <id, ' +
      'who, when>", a header row, then one row per event; cells a spreadsheet would run as formulas (= + - @, tab, CR) ' +
      'start with an apostrophe. Each export is recorded (AuditExportRecorded) before it is written',
  })
  @HistoryFilters()
  @ApiQuery({ name: 'format', required: false, enum: ['jsonl', 'csv'], description: 'jsonl when absent' })
  @ApiHeader({
    name: 'Idempotency-Key',
    required: false,
    description: 'A retry of the same export with the same key is recorded once',
  })
  @ApiProduces(HISTORY_MEDIA_TYPES.jsonl, HISTORY_MEDIA_TYPES.csv)
  @ApiOkResponse({
    description: `Streamed (chunked). CSV columns: ${HISTORY_CSV_COLUMNS.join(', ')}`,
    headers: EXPORT_ID_HEADER,
    content: {
      [HISTORY_MEDIA_TYPES.jsonl]: { schema: { type: 'string' } },
      [HISTORY_MEDIA_TYPES.csv]: { schema: { type: 'string' } },
    },
  })
  async export(@Req() request: Request, @Res() response: Response, @CurrentActor() actor: Actor): Promise<void> {
    const { filter, after, format } = readHistoryExportRequest(request.query);
    requireHistoryScope(actor, filter);
    await this.requireSubject(filter);
    const { correlationId, idempotencyKey } = readCommandContext(request, response);
    const upTo = await this.store.headPosition();
    const record = await this.journal.recordExport({
      kind: format === 'csv' ? 'history-csv' : 'history-jsonl',
      filter: echoOf(filter, after),
      actor,
      correlationId,
      ...(idempotencyKey !== undefined ? { idempotencyKey } : {}),
      ...(upTo !== undefined ? { upTo } : {}),
    });
    response.status(200);
    response.setHeader('Content-Type', `${HISTORY_MEDIA_TYPES[format]}; charset=utf-8`);
    response.setHeader('Content-Disposition', `attachment; filename="enlace-history-${record.exportId}.${format}"`);
    response.setHeader('X-Enlace-Export-Id', record.exportId);
    try {
      await sendExport(response, headingOf(format, record), this.history.stream(filter, after, upTo));
    } catch (error) {
      // The answer has begun: the client sees it cut short. The export stays recorded.
      this.logger.warn(
        `Export ${record.exportId} ended early: ${error instanceof Error ? error.message : String(error)}`,
      );
    }
  }

  @Get('incidents/:id/ics-214')
  @Roles('officer', 'auditor', 'admin')
  @ApiOperation({
    summary:
      'The ICS 214 Activity Log of one side on an incident: incident name, operational period (its first and last ' +
      'event, or from/to), the side’s first person to act, the accounts of the side that acted, their actions (on the ' +
      'incident, its ports’ shutdowns and its notifications) in the chosen language, and who prepared it. Times in ' +
      'that side’s zone at the incident’s port, and UTC. HTML printable (labels in both languages) or CSV. Officers ' +
      'their own side; auditors and admins either. Recorded in the audit journal',
  })
  @ApiQuery({ name: 'side', required: false, enum: ['US', 'MX'], description: 'The caller’s side when absent' })
  @ApiQuery({ name: 'format', required: false, enum: ['html', 'csv'], description: 'html when absent' })
  @ApiQuery({
    name: 'lang',
    required: false,
    enum: ['en', 'es'],
    description: 'The side’s language when absent (en for US, es for MX)',
  })
  @ApiQuery({ name: 'from', required: false, schema: { type: 'string', format: 'date-time' } })
  @ApiQuery({ name: 'to', required: false, schema: { type: 'string', format: 'date-time' } })
  @ApiHeader({ name: 'Idempotency-Key', required: false, description: 'A retry with the same key is recorded once' })
  @ApiProduces('text/html', 'text/csv')
  @ApiOkResponse({
    description: 'The form',
    headers: EXPORT_ID_HEADER,
    content: { 'text/html': { schema: { type: 'string' } }, 'text/csv': { schema: { type: 'string' } } },
  })
  @ApiBadRequestResponse({ description: 'VALIDATION_FAILED: the id, side, format, lang, from or to' })
  @ApiUnauthorizedResponse({ description: 'No valid bearer token' })
  @ApiForbiddenResponse({ description: 'Planners; an officer asking for the other side (AUDIT.ICS214_SIDE)' })
  @ApiNotFoundResponse({ description: 'INCIDENT.NOT_FOUND' })
  async ics214(
    @Param('id', new UuidParam()) id: string,
    @Req() request: Request,
    @Res() response: Response,
    @CurrentActor() actor: Actor,
  ): Promise<void> {
    const { side, format, language, period } = readIcs214Request(request.query, actor);
    if (actor.role === 'officer' && actor.country !== side) {
      throw forbidden(
        'AUDIT.ICS214_SIDE',
        'Officers download the ICS 214 of their own side only; auditors and administrators either side',
        'Los oficiales solo descargan el ICS 214 de su propio lado; auditores y administradores, el de cualquier lado',
        { rule: 'officers: their own side', side, actualSide: actor.country },
      );
    }
    const { correlationId, idempotencyKey } = readCommandContext(request, response);
    const at = this.clock.now().toISOString();
    const form = await this.forms.build(id, side, period, actor, at);
    const record = await this.journal.recordExport({
      kind: format === 'csv' ? 'ics-214-csv' : 'ics-214-html',
      filter: {
        incidentId: id,
        side,
        lang: language,
        ...(period.from !== undefined ? { from: period.from } : {}),
        ...(period.to !== undefined ? { to: period.to } : {}),
      },
      actor,
      correlationId,
      at,
      events: form.activities.length,
      ...(idempotencyKey !== undefined ? { idempotencyKey } : {}),
    });
    const file = `enlace-ics-214-${id}-${side.toLowerCase()}-${language}.${format}`;
    response.status(200);
    response.setHeader('X-Enlace-Export-Id', record.exportId);
    if (format === 'csv') {
      response.setHeader('Content-Type', 'text/csv; charset=utf-8');
      response.setHeader('Content-Disposition', `attachment; filename="${file}"`);
      response.send(renderIcs214Csv(form, language, record.exportId));
    } else {
      response.setHeader('Content-Type', 'text/html; charset=utf-8');
      response.setHeader('Content-Disposition', `inline; filename="${file}"`);
      response.send(renderIcs214Html(form, language, record.exportId));
    }
  }

  /** `aggregate` + `id` must name something: an incident, notification or drill that has a stream, a known port. */
  private async requireSubject({ aggregate, id }: HistoryFilter): Promise<void> {
    if (aggregate === undefined || id === undefined) return;
    switch (aggregate) {
      case 'port':
        requirePort(this.reference, id);
        return;
      case 'incident':
        if ((await this.store.streamRevision(incidentStreamId(id))) < 0) throw noSuchIncident();
        return;
      case 'notification':
        if ((await this.store.streamRevision(notificationStreamId(id))) < 0) {
          throw notFound('NOTIFICATION.NOT_FOUND', 'Notification not found', 'Notificación no encontrada');
        }
        return;
      case 'drill':
        if ((await this.store.streamRevision(streamInWorld(drillWorld(id), drillStreamId(id)))) < 0) {
          throw noSuchDrill();
        }
        return;
    }
  }
}
