import { Controller, Get, Inject, Param, Query } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiBearerAuth,
  ApiForbiddenResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiParam,
  ApiQuery,
  ApiTags,
} from '@nestjs/swagger';
import {
  AS_OF_AGGREGATES,
  type AsOfAggregate,
  AsOf,
  type AsOfView,
  type BoardAsOf,
  type BoardSource,
  type DiffView,
  type Moment,
} from '@enlace/audit';
import { Clock } from '@enlace/clock';
import { type Actor, forbidden, type ReferenceCatalog } from '@enlace/domain';
import { EVENT_STORE, type EventStore, isPosition } from '@enlace/event-store';
import { type IncidentBoardEntry, ProjectionRunner, ReadModelQueries } from '@enlace/projections';
import { REFERENCE_CATALOG } from '@enlace/reference-data';
import { CurrentActor, Roles } from '../auth/auth.decorators.js';
import { EnumParam } from '../common/params.js';
import { FieldValidationError } from '../common/validation.js';

const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?(Z|[+-]\d{2}:\d{2})$/;
const ID = /^[a-z0-9][a-z0-9-]{0,99}$/i;

/** A moment given as an instant (ISO-8601 with its offset) or a position of the log; `field` names it in the 400. */
function moment(field: string, value: unknown): Moment {
  if (typeof value === 'string' && isPosition(value)) return { position: value };
  if (typeof value === 'string' && ISO_INSTANT.test(value) && !Number.isNaN(Date.parse(value))) {
    return { at: new Date(value).toISOString() };
  }
  throw new FieldValidationError([
    {
      field,
      rule: value === undefined ? 'required' : 'moment',
      message: {
        en: `${field} must be an instant (ISO-8601 with its offset, e.g. 2026-12-06T14:05:00-08:00) or a position of the log`,
        es: `${field} debe ser un instante (ISO-8601 con su desfase, p. ej. 2026-12-06T14:05:00-08:00) o una posición de la bitácora`,
      },
    },
  ]);
}

function order(from: Moment, to: Moment): void {
  const key = (value: Moment) => ('at' in value ? value.at : value.position);
  if ('at' in from === 'at' in to && key(to) < key(from)) {
    throw new FieldValidationError([
      {
        field: 'to',
        rule: 'after-from',
        message: { en: 'to must not be before from', es: 'to no debe ser anterior a from' },
      },
    ]);
  }
}

/**
 * The state of an incident, a port or a notification as of any moment, and what changed between two moments with the
 * events that changed it. Auditors and admins read all three; officers the incidents and ports (their history), not
 * notifications' recipients and acknowledgments, which are the audit tools'.
 */
@ApiTags('audit')
@ApiBearerAuth()
@Controller('audit')
export class AsOfController {
  private readonly asOf: AsOf;

  constructor(
    @Inject(EVENT_STORE) store: EventStore,
    @Inject(REFERENCE_CATALOG) private readonly reference: ReferenceCatalog,
    private readonly queries: ReadModelQueries,
    private readonly runner: ProjectionRunner,
    private readonly clock: Clock,
  ) {
    this.asOf = new AsOf(store, reference, (incidentId) => queries.timeline(incidentId));
  }

  @Get('as-of/board')
  @Roles('auditor', 'admin', 'officer')
  @ApiOperation({
    summary:
      'The incident board and every port as they stood at an instant: the incidents open then (each as it stood) and ' +
      'each port’s status, lanes and checklist then',
  })
  @ApiQuery({ name: 'at', required: true, description: 'ISO-8601 instant with its offset' })
  @ApiOkResponse({ description: '{ at, incidents: IncidentBoardEntry[], ports: PortStatus[] }' })
  @ApiBadRequestResponse({ description: 'VALIDATION_FAILED: at (an instant; the board is not read at a position)' })
  board(@Query('at') at: unknown): Promise<BoardAsOf> {
    const when = moment('at', at);
    if (!('at' in when)) {
      throw new FieldValidationError([
        {
          field: 'at',
          rule: 'instant',
          message: {
            en: 'at must be an instant for the board (ISO-8601 with its offset), not a position',
            es: 'at debe ser un instante para el tablero (ISO-8601 con su desfase), no una posición',
          },
        },
      ]);
    }
    const source: BoardSource = {
      openIncidents: async () => (await this.queries.incidents('open', { limit: 10_000 })).items,
      changedSince: (since) => this.changedSince(since),
      port: (portId) => this.runner.models.ports.port(portId),
    };
    return this.asOf.board(
      when.at,
      source,
      this.reference.ports().map((port) => port.id),
    );
  }

  /** Incidents changed after `since`, newest change first, a page at a time (stops at the first older one). */
  private async *changedSince(since: string): AsyncGenerator<IncidentBoardEntry> {
    let cursor: string | undefined;
    for (;;) {
      const page = await this.queries.incidents('all', { limit: 200, ...(cursor ? { cursor } : {}) });
      for (const entry of page.items) {
        if (entry.lastUpdate <= since) return;
        yield entry;
      }
      if (page.next === undefined) return;
      cursor = page.next;
    }
  }

  @Get('as-of/:aggregate/:id')
  @Roles('auditor', 'admin', 'officer')
  @ApiOperation({
    summary:
      'An incident, port or notification as it stood at a moment (an instant, or a position of the log): the same ' +
      'view the console showed then, the incident’s activity log up to then, and the events around the moment',
  })
  @ApiParam({ name: 'aggregate', enum: AS_OF_AGGREGATES })
  @ApiQuery({ name: 'at', required: true, description: 'ISO-8601 instant with its offset, or a position' })
  @ApiOkResponse({ description: '{ aggregate, id, moment, lastEvent, state, timeline, around: { before, after } }' })
  @ApiBadRequestResponse({ description: 'VALIDATION_FAILED: aggregate, id or at' })
  @ApiForbiddenResponse({ description: 'Officers: incidents and ports only' })
  @ApiNotFoundResponse({ description: 'AUDIT.UNKNOWN_AGGREGATE' })
  view(
    @Param('aggregate') aggregate: string,
    @Param('id') id: string,
    @Query('at') at: unknown,
    @CurrentActor() actor: Actor,
  ): Promise<AsOfView> {
    const which = this.aggregate(aggregate, id, actor);
    return this.asOf.view(which, id, moment('at', at), this.clock.now());
  }

  @Get('diff/:aggregate/:id')
  @Roles('auditor', 'admin', 'officer')
  @ApiOperation({
    summary:
      'What changed in an incident, port or notification between two moments (instants or positions): each changed ' +
      'field with its value before and after, and the events between them',
  })
  @ApiParam({ name: 'aggregate', enum: AS_OF_AGGREGATES })
  @ApiQuery({ name: 'from', required: true })
  @ApiQuery({ name: 'to', required: true })
  @ApiOkResponse({ description: '{ from: AsOfView, to: AsOfView, changes: [{ path, before, after }], events }' })
  @ApiBadRequestResponse({ description: 'VALIDATION_FAILED: aggregate, id, from, to, or to before from' })
  @ApiForbiddenResponse({ description: 'Officers: incidents and ports only' })
  @ApiNotFoundResponse({ description: 'AUDIT.UNKNOWN_AGGREGATE' })
  diff(
    @Param('aggregate') aggregate: string,
    @Param('id') id: string,
    @Query('from') from: unknown,
    @Query('to') to: unknown,
    @CurrentActor() actor: Actor,
  ): Promise<DiffView> {
    const which = this.aggregate(aggregate, id, actor);
    const [start, end] = [moment('from', from), moment('to', to)];
    order(start, end);
    return this.asOf.diff(which, id, start, end, this.clock.now());
  }

  private aggregate(aggregate: string, id: string, actor: Actor): AsOfAggregate {
    const which = new EnumParam('aggregate', AS_OF_AGGREGATES).transform(aggregate);
    if (!ID.test(id)) {
      throw new FieldValidationError([
        {
          field: 'id',
          rule: 'format',
          message: {
            en: 'id must be an incident or notification id (UUID) or a port id such as otay-mesa',
            es: 'id debe ser el id de un incidente o notificación (UUID) o el de un puerto como otay-mesa',
          },
        },
      ]);
    }
    if (actor.role === 'officer' && which === 'notification') {
      throw forbidden(
        'AUDIT.OFFICER_SCOPE',
        'Officers read the history of incidents and ports; notifications as of a moment are for auditors',
        'Los oficiales consultan la historia de incidentes y puertos; las notificaciones en un momento dado son para auditores',
        { aggregate: which },
      );
    }
    return which;
  }
}
