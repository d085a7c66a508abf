import { applyDecorators, Body, Controller, Get, Inject, Param, Post, Query, Res } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiConflictResponse,
  ApiForbiddenResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiParam,
  ApiProduces,
  ApiQuery,
  ApiTags,
} from '@nestjs/swagger';
import { ActOnDrill, GetDrill, GetDrillRecord, PlanDrill, type RequestContext } from '@enlace/application';
import {
  evaluateDrill,
  evaluateNotificationDrill,
  type NotificationFact,
  renderAarHtml,
  renderAarJson,
  renderAarMarkdown,
  renderNotificationDrillHtml,
  renderNotificationDrillJson,
  renderNotificationDrillMarkdown,
} from '@enlace/after-action';
import { type DrillWorldEvent } from '@enlace/application';
import { NOTIFICATION_DRILL_RESULTS, type NotificationDrillResultLine } from '@enlace/notifications';
import { EVENT_STORE, type EventStore } from '@enlace/event-store';
import { REFERENCE_CATALOG } from '@enlace/reference-data';
import { type Scenario, scenarioDrillPlan } from '@enlace/scenarios';
import { Clock } from '@enlace/clock';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import {
  type Actor,
  type DrillCommand,
  type DrillStatus,
  type DrillParticipant,
  type DrillState,
  drillTimeAt,
  drillWorld,
  mayReadDrill,
  noSuchDrill,
  type PlannedDrill,
  type DrillPlan,
  type ReferenceCatalog,
  sameWorld,
} from '@enlace/domain';
import type { Response } from 'express';
import { DrillDirectory, type DrillSummary } from '@enlace/projections';
import { CurrentActor } from '../auth/auth.decorators.js';
import { UserDirectory } from '../auth/user-directory.js';
import { CursorQuery, EnumQuery, LimitQuery, PagedList } from '../common/projections.js';
import { Write, type WriteExchange } from '../common/command-context.js';
import { Answers, IdempotencyKeyHeader, type WriteAnswer } from '../common/officer-write.decorator.js';
import { EnumParam, ImprovementItemParam, UuidParam } from '../common/params.js';
import { FieldValidationError } from '../common/validation.js';
import { AnswersRevision, WriteResult, written } from '../common/write-result.js';
import { DRILL_HEADER } from '../common/world.js';
import {
  DrillObservationDto,
  DrillRateDto,
  EditImprovementItemDto,
  HaltDrillDto,
  PlanDrillDto,
  PlanNotificationDrillDto,
} from './drill.dto.js';
import { type BlmYear, trendOf, YearQuery } from './notification-summary.js';
import { scenarioFromRequest } from './scenario-upload.js';
import { ScenarioCatalog } from './scenario-catalog.js';

const REPORT_FORMATS = ['html', 'md', 'json'] as const;
type ReportFormat = (typeof REPORT_FORMATS)[number];
const REPORT_LANGUAGES = ['en', 'es'] as const;
const REPORT_TYPES: Record<ReportFormat, string> = {
  html: 'text/html; charset=utf-8',
  md: 'text/markdown; charset=utf-8',
  json: 'application/json; charset=utf-8',
};

const DRILL_STATUSES: readonly DrillStatus[] = ['planned', 'running', 'paused', 'halted', 'ended'];

/** The changes of a drill's state that carry nothing but the drill (see the route). */
const DRILL_TRANSITIONS = ['start', 'pause', 'resume', 'end', 'join'] as const;
type DrillTransition = (typeof DRILL_TRANSITIONS)[number];

/** A drill as its stream tells it, with the drill time now and who has joined. */
export type DrillView = Omit<PlannedDrill, 'clock' | 'joined'> & {
  id: string;
  revision: number;
  /** The drill time now (ISO), `null` before its clock starts. */
  drillTime: string | null;
  /** The compression now (drill seconds per real second). */
  rate: number;
  /** How long until the clock runs (it starts and resumes after a short countdown); 0 once it runs or stands. */
  countdownMs: number;
  participants: (DrillParticipant & { joinedAt: string | null })[];
};

function view(state: DrillState, revision: number, nowMs: number): DrillView {
  if (state.status === 'none') throw noSuchDrill();
  const { clock, joined, ...rest } = state;
  const drillMs = drillTimeAt(clock, nowMs);
  return {
    ...rest,
    id: state.drillId,
    revision,
    drillTime: drillMs === undefined ? null : new Date(drillMs).toISOString(),
    rate: clock.status === 'not-started' ? state.plan.rate : clock.rate,
    countdownMs: clock.status === 'running' ? Math.max(0, clock.anchorRealMs - nowMs) : 0,
    participants: state.plan.participants.map((participant) => ({
      ...participant,
      joinedAt: joined[participant.username] ?? null,
    })),
  };
}

const isNotificationFact = (event: DrillWorldEvent): event is DrillWorldEvent & NotificationFact =>
  event.type.startsWith('BlmNotification');

/** A write on a drill: its summary, the Idempotency-Key header, the refusals it can answer, and its answer. */
const DrillWrite = (summary: string, answer: WriteAnswer = 'ok'): MethodDecorator =>
  applyDecorators(
    ApiOperation({ summary }),
    IdempotencyKeyHeader(),
    ApiForbiddenResponse({ description: 'Not allowed to do this in this drill (reason in English and Spanish)' }),
    ApiNotFoundResponse({ description: 'No such drill' }),
    ApiConflictResponse({ description: 'The drill is not in a state that allows it (ended, halted, not started)' }),
    Answers(answer),
  );

/**
 * Drills for planners (HSEEP): planned from a scenario of the catalog, run on their own compressed clock, joined by
 * their players, halted by anyone in them for a real emergency, ended by a planner. Every change is an event of the
 * drill's own stream; a drill is never reset (playing a scenario again is a new drill).
 */
/** Where a drill, with its observations, can be read. */
const drillLocation = (id: string) => `/api/drills/${id}`;

@ApiTags('drills')
@ApiBearerAuth()
@Controller('drills')
export class DrillsController {
  constructor(
    private readonly commands: CommandBus,
    private readonly queries: QueryBus,
    private readonly scenarios: ScenarioCatalog,
    @Inject(UserDirectory) private readonly accounts: UserDirectory,
    private readonly directory: DrillDirectory,
    private readonly clock: Clock,
    @Inject(REFERENCE_CATALOG) private readonly reference: ReferenceCatalog,
    @Inject(EVENT_STORE) private readonly store: EventStore,
  ) {}

  private get documents() {
    return this.store.checkpoints;
  }

  private blm(id: string, i: number) {
    const blm = this.reference.blm(id);
    if (!blm) {
      throw new FieldValidationError([
        {
          field: `blmIds[${i}]`,
          rule: 'exists',
          message: { en: `blmIds[${i}]: no BLM ${id}`, es: `blmIds[${i}]: no existe el MEF ${id}` },
        },
      ]);
    }
    return blm;
  }

  @Post()
  @DrillWrite(
    'Plan a drill from a scenario: its players, evaluators and controllers (accounts), its start and compression',
    'created',
  )
  async plan(@Body() body: PlanDrillDto, @Write() { request, response }: WriteExchange): Promise<WriteResult> {
    const scenario =
      body.scenario !== undefined
        ? await scenarioFromRequest(body.scenario, this.reference)
        : this.scenarios.get(body.scenarioId ?? '');
    const plan = scenarioDrillPlan(scenario, {
      title: body.title ? { en: body.title.en ?? '', es: body.title.es ?? '' } : undefined,
      startsAt: new Date(body.startsAt ?? this.clock.now()).toISOString(),
      rate: body.rate,
      participants: body.participants.map((participant, i) => this.participant(participant, i)),
    });
    return written(response, this.commands.execute(new PlanDrill(plan, this.outsideWorlds(request))), drillLocation);
  }

  @Post('notification')
  @DrillWrite(
    'Plan a notification drill: when it starts, one EXERCISE notification to every member agency of each BLM (or of ' +
      'all), acknowledgments due within 30 min of drill time, escalated as in reality on drill recipients only',
    'created',
  )
  async planNotification(
    @Body() body: PlanNotificationDrillDto,
    @Write() { request, response }: WriteExchange,
  ): Promise<WriteResult> {
    const blms = body.blmIds.includes('all') ? this.reference.blms() : body.blmIds.map((id, i) => this.blm(id, i));
    const [first] = blms;
    const side = request.actor.country ?? 'US';
    const port = this.reference.ports().find((candidate) => candidate.blmId === first?.id);
    const plan: DrillPlan = {
      kind: 'notification',
      title: body.title
        ? { en: body.title.en ?? '', es: body.title.es ?? '' }
        : {
            en: `Notification drill: ${blms.map((blm) => blm.name.en).join(', ')}`,
            es: `Simulacro de notificación: ${blms.map((blm) => blm.name.es).join(', ')}`,
          },
      timeZone: port ? (side === 'US' ? port.timeZones.us : port.timeZones.mx) : 'America/Chicago',
      startsAt: new Date(body.startsAt ?? this.clock.now()).toISOString(),
      rate: body.rate,
      participants: body.participants.map((participant, i) => this.participant(participant, i)),
      blmIds: blms.map((blm) => blm.id),
    };
    return written(response, this.commands.execute(new PlanDrill(plan, this.outsideWorlds(request))), drillLocation);
  }

  @Get('notification-summary')
  @ApiOperation({
    summary:
      "A year's notification drills per BLM (Border 2025 counts them): how many, each one's share acknowledged in " +
      'time and median acknowledgment time, and the trend over the year',
  })
  @ApiQuery({ name: 'year', required: false, description: 'Default: this year' })
  @ApiOkResponse({ description: 'One line per BLM, with its drills of the year in the order they were held' })
  async notificationSummary(@Query('year', new YearQuery()) year: number | undefined): Promise<BlmYear[]> {
    const chosen = String(year ?? new Date(this.clock.nowMs()).getUTCFullYear());
    return Promise.all(
      this.reference.blms().map(async (blm) => {
        const lines = await this.documents.documents(NOTIFICATION_DRILL_RESULTS, {
          group: blm.id,
          status: chosen,
          limit: 500,
        });
        const drills = lines.map((line) => line.doc as NotificationDrillResultLine);
        return {
          blmId: blm.id,
          blmName: blm.name,
          year: Number(chosen),
          count: drills.length,
          drills,
          trend: trendOf(drills),
        };
      }),
    );
  }

  @Get()
  @ApiOperation({
    summary:
      'The drills, newest planned first, a page at a time (planners, admins and auditors see every drill; others the ' +
      'drills they take part in)',
  })
  @ApiQuery({ name: 'status', required: false, enum: DRILL_STATUSES })
  @PagedList('One page of drills')
  async list(
    @Query('status', new EnumQuery('status', DRILL_STATUSES)) status: DrillStatus | undefined,
    @Query('limit', new LimitQuery()) limit: number,
    @Query('cursor', new CursorQuery()) cursor: string | undefined,
    @CurrentActor() actor: Actor,
    @Res({ passthrough: true }) response: Response,
  ): Promise<DrillSummary[]> {
    const page = await this.directory.list({
      ...(status ? { status } : {}),
      limit,
      ...(cursor ? { after: cursor } : {}),
    });
    const last = page.at(-1);
    if (page.length === limit && last) response.setHeader('X-Next-Cursor', last.sort);
    const seesAll = ['planner', 'admin', 'auditor'].includes(actor.role);
    return page.map((line) => line.doc).filter((drill) => seesAll || drill.participants.includes(actor.id));
  }

  @Get(':id')
  @ApiOperation({ summary: 'One drill: its plan, status, drill time now, participants, injects released, halts' })
  @AnswersRevision('The drill')
  @ApiNotFoundResponse({ description: 'No such drill' })
  @ApiForbiddenResponse({
    description: 'The caller takes no part in the drill (planners, admins and auditors read all)',
  })
  async get(
    @Param('id', new UuidParam()) id: string,
    @CurrentActor() actor: Actor,
    @Res({ passthrough: true }) response: Response,
  ): Promise<DrillView> {
    const { state, revision } = await this.queries.execute(new GetDrill(id));
    mayReadDrill(state, actor);
    response.setHeader('ETag', `"${revision}"`);
    return view(state, revision, this.clock.nowMs());
  }

  @Get(':id/report')
  @ApiOperation({
    summary:
      "The drill's report. A scenario drill's after-action report and improvement plan (HSEEP AAR/IP): objectives " +
      'against their targets, ' +
      'injects against player actions (with an SVG timeline), observations, strengths, areas for improvement; ' +
      "A notification drill's: per BLM, who acknowledged in time, late or never, how fast, by which channel, and " +
      'whom silence escalated to. Standalone HTML, Markdown or JSON, in English or Spanish; interim before the end.',
  })
  @ApiQuery({ name: 'format', required: false, enum: REPORT_FORMATS })
  @ApiQuery({ name: 'lang', required: false, enum: REPORT_LANGUAGES })
  @ApiProduces(...Object.values(REPORT_TYPES))
  @ApiOkResponse({
    schema: { type: 'string' },
    description: 'The report (JSON: schemaVersion, kind and the evaluation)',
  })
  @ApiNotFoundResponse({ description: 'No such drill' })
  @ApiForbiddenResponse({ description: 'The caller takes no part in the drill' })
  async report(
    @Param('id', new UuidParam()) id: string,
    @Query('format', new EnumQuery('format', REPORT_FORMATS)) format: ReportFormat | undefined,
    @Query('lang', new EnumQuery('lang', REPORT_LANGUAGES)) lang: 'en' | 'es' | undefined,
    @CurrentActor() actor: Actor,
    @Res({ passthrough: true }) response: Response,
  ): Promise<string> {
    const { state } = await this.queries.execute(new GetDrill(id));
    mayReadDrill(state, actor);
    if (state.status === 'none') throw noSuchDrill();
    const record = await this.queries.execute(new GetDrillRecord(id));
    const chosen = format ?? 'html';
    const language = lang ?? 'en';
    response.setHeader('Content-Type', REPORT_TYPES[chosen]);
    if (state.plan.kind === 'notification') {
      response.setHeader(
        'Content-Disposition',
        `inline; filename="notification-drill-${id.slice(0, 8)}-${language}.${chosen}"`,
      );
      const evaluation = evaluateNotificationDrill({
        drillId: id,
        title: state.plan.title,
        timeZone: state.plan.timeZone,
        drillEvents: record.drillEvents,
        notificationEvents: record.worldEvents.filter(isNotificationFact),
        blmNames: Object.fromEntries(this.reference.blms().map((blm) => [blm.id, blm.name])),
      });
      if (chosen === 'json') return renderNotificationDrillJson(evaluation);
      return chosen === 'md'
        ? renderNotificationDrillMarkdown(evaluation, language)
        : renderNotificationDrillHtml(evaluation, language);
    }
    // The plan holds the scenario whole, as it was planned (the scenario reader checked it then).
    const scenario = state.plan.scenario as Scenario;
    const evaluation = evaluateDrill({ scenario, drillEvents: record.drillEvents, worldEvents: record.worldEvents });
    response.setHeader(
      'Content-Disposition',
      `inline; filename="aar-${scenario.id}-${id.slice(0, 8)}-${language}.${chosen}"`,
    );
    if (chosen === 'json') return renderAarJson(evaluation);
    return chosen === 'md' ? renderAarMarkdown(evaluation, language) : renderAarHtml(evaluation, language);
  }

  @Post(':id/improvements/:itemId')
  @DrillWrite("Edit an item of an ended drill's improvement plan: owner, due date, status, text (planners)")
  improve(
    @Param('id', new UuidParam()) id: string,
    @Param('itemId', new ImprovementItemParam()) itemId: string,
    @Body() body: EditImprovementItemDto,
    @Write() exchange: WriteExchange,
  ): Promise<WriteResult> {
    return this.act(id, exchange, () => ({
      type: 'EditImprovementItem',
      data: {
        drillId: id,
        itemId,
        ...(body.owner ? { owner: { side: body.owner.side, agencies: body.owner.agencies } } : {}),
        ...(body.dueDate ? { dueDate: body.dueDate } : {}),
        ...(body.status ? { status: body.status } : {}),
        ...(body.text ? { text: body.text } : {}),
      },
    }));
  }

  @Post(':id/rate')
  @DrillWrite('Change the compression during play, 1× to 120× (planners)')
  rate(
    @Param('id', new UuidParam()) id: string,
    @Body() body: DrillRateDto,
    @Write() exchange: WriteExchange,
  ): Promise<WriteResult> {
    return this.act(id, exchange, () => ({ type: 'ChangeDrillClockRate', data: { drillId: id, rate: body.rate } }));
  }

  @Post(':id/halt')
  @DrillWrite('Real-world emergency: stop the drill now; every pending inject freezes (anyone taking part)')
  halt(
    @Param('id', new UuidParam()) id: string,
    @Body() body: HaltDrillDto,
    @Write() exchange: WriteExchange,
  ): Promise<WriteResult> {
    return this.act(id, exchange, () => ({ type: 'HaltDrill', data: { drillId: id, reason: body.reason } }));
  }

  @Post(':id/observations')
  @DrillWrite("Record an evaluator's observation, by core capability (Exercise Evaluation Guide)", 'created')
  observe(
    @Param('id', new UuidParam()) id: string,
    @Body() body: DrillObservationDto,
    @Write() exchange: WriteExchange,
  ): Promise<WriteResult> {
    return this.act(id, exchange, () => ({
      type: 'RecordDrillObservation',
      data: {
        drillId: id,
        capability: body.capability,
        ...(body.objectiveId ? { objectiveId: body.objectiveId } : {}),
        text: body.text,
      },
    }));
  }

  // Last: `:id/:transition` would otherwise take the paths of the routes above.
  @Post(':id/:transition')
  @DrillWrite(
    "Move the drill on: start (its clock, at the plan's start and compression), pause (nothing falls due until it " +
      'resumes), resume (after a pause or a halt), end (it stays in the record): planners; join: its invited participants',
  )
  @ApiParam({ name: 'transition', enum: DRILL_TRANSITIONS })
  transition(
    @Param('id', new UuidParam()) id: string,
    @Param('transition', new EnumParam('transition', DRILL_TRANSITIONS)) transition: DrillTransition,
    @Write() exchange: WriteExchange,
  ): Promise<WriteResult> {
    return this.act(id, exchange, async () => {
      switch (transition) {
        case 'start': {
          const { state } = await this.queries.execute(new GetDrill(id));
          if (state.status === 'none') throw noSuchDrill();
          const { startsAt, rate } = state.plan;
          return { type: 'StartDrillClock', data: { drillId: id, drillTime: startsAt, rate } };
        }
        case 'pause':
          return { type: 'PauseDrillClock', data: { drillId: id } };
        case 'resume':
          return { type: 'ResumeDrillClock', data: { drillId: id } };
        case 'end':
          return { type: 'EndDrill', data: { drillId: id } };
        case 'join':
          return { type: 'JoinDrill', data: { drillId: id } };
      }
    });
  }

  private async act(
    drillId: string,
    { request, response }: WriteExchange,
    command: () => DrillCommand | Promise<DrillCommand>,
  ): Promise<WriteResult> {
    const world = drillWorld(drillId);
    if (request.world && request.world.kind === 'drill' && !sameWorld(request.world, world)) {
      throw new FieldValidationError([
        {
          field: DRILL_HEADER,
          rule: 'same-drill',
          message: {
            en: `${DRILL_HEADER} names another drill than the path`,
            es: `${DRILL_HEADER} nombra otro ejercicio que la ruta`,
          },
        },
      ]);
    }
    return written(
      response,
      this.commands.execute(new ActOnDrill(drillId, await command(), { ...request, world })),
      drillLocation,
    );
  }

  /** A drill is planned from outside any world: it creates its own. */
  private outsideWorlds(request: RequestContext): RequestContext {
    const { world: _world, ...rest } = request;
    return rest;
  }

  /** A participant as the directory knows the account: its side and agency are the account's, never the body's. */
  private participant(
    participant: { username: string; role: DrillParticipant['role'] },
    index: number,
  ): DrillParticipant {
    const account = this.accounts.find(participant.username);
    if (!account) {
      throw new FieldValidationError([
        {
          field: `participants[${index}].username`,
          rule: 'account',
          message: {
            en: `participants[${index}].username is not an account of this Enlace`,
            es: `participants[${index}].username no es una cuenta de este Enlace`,
          },
        },
      ]);
    }
    return { username: account.id, role: participant.role, side: account.country, agency: account.agency };
  }
}
