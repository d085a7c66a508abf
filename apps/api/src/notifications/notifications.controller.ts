import { Body, Controller, Get, Param, Patch, Post, Query, Res } from '@nestjs/common';
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
import { ActOnNotification, GetNotification, IssueNotification, ListNotifications } from '@enlace/application';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { Clock } from '@enlace/clock';
import {
  type BilingualText,
  LANGUAGES,
  type Language,
  notFound,
  ON_BEHALF_CHANNELS,
  type OnBehalfChannel,
  type NotificationCommand,
  type NotificationState,
  pendingRecipients,
  SEVERITIES,
  type Severity,
  type Side,
  SIDES,
  type World,
} from '@enlace/domain';
import type { Position } from '@enlace/event-store';
import type { NotificationStatus } from '@enlace/projections';
import { Transform } from 'class-transformer';
import { IsDefined, IsIn, IsISO8601, IsUUID, Matches } from 'class-validator';
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
import { IsBilingualText, NestedObject, OptionalField } from '../common/validation.js';
import { AnswersRevision, WriteResult, written } from '../common/write-result.js';
import { BilingualTextDto } from '../incidents/incident.dto.js';
import { AcceptsDrillHeader, CurrentWorld } from '../common/world.js';

const SLUG = /^[a-z0-9]+(-[a-z0-9]+)*$/;
const lowerCase = ({ value }: { value: unknown }): unknown => (typeof value === 'string' ? value.toLowerCase() : value);

export class NotificationSubjectDto {
  @ApiPropertyOptional()
  @OptionalField()
  @IsUUID()
  @Transform(lowerCase)
  incidentId?: string;

  @ApiPropertyOptional({ example: 'otay-mesa' })
  @OptionalField()
  @Matches(SLUG, { message: 'portId must be a port id such as otay-mesa' })
  portId?: string;

  @ApiPropertyOptional()
  @OptionalField()
  @IsUUID()
  @Transform(lowerCase)
  shutdownId?: string;
}

export class IssueNotificationDto {
  @ApiProperty({ example: 'blm-sandiego-tijuana' })
  @Matches(SLUG, { message: 'blmId must be an id such as blm-sandiego-tijuana' })
  blmId: string;

  @ApiProperty({ type: NotificationSubjectDto })
  @IsDefined()
  @NestedObject(() => NotificationSubjectDto)
  subject: NotificationSubjectDto;

  @ApiProperty({ type: BilingualTextDto })
  @IsBilingualText(200)
  title: BilingualText;

  @ApiProperty({ type: BilingualTextDto })
  @IsBilingualText(4000, { multiline: true })
  body: BilingualText;

  @ApiProperty({ enum: SEVERITIES })
  @IsIn(SEVERITIES)
  severity: Severity;

  @ApiProperty({ description: 'ISO 8601; must be in the future' })
  @IsISO8601({ strict: true })
  acknowledgmentDeadline: string;
}

export class UpdateNotificationDto {
  @ApiPropertyOptional({ type: BilingualTextDto })
  @OptionalField()
  @IsBilingualText(200)
  title?: BilingualText;

  @ApiPropertyOptional({ type: BilingualTextDto })
  @OptionalField()
  @IsBilingualText(4000, { multiline: true })
  body?: BilingualText;

  @ApiPropertyOptional({ enum: SEVERITIES })
  @OptionalField()
  @IsIn(SEVERITIES)
  severity?: Severity;

  @ApiPropertyOptional()
  @OptionalField()
  @IsISO8601({ strict: true })
  acknowledgmentDeadline?: string;
}

export class AcknowledgeDto {
  @ApiPropertyOptional({ enum: LANGUAGES, description: 'The language the notice was read in' })
  @OptionalField()
  @IsIn(LANGUAGES)
  readIn?: Language;
}

const AGENCY = /^[A-Z][A-Z0-9]*(-[A-Z0-9]+)*$/;

export class AcknowledgeOnBehalfDto {
  @ApiProperty({ example: 'SRE', description: 'The recipient agency that acknowledged outside Enlace' })
  @Matches(AGENCY, { message: 'agency must be an agency code such as SRE or LOCAL-US' })
  agency: string;

  @ApiProperty({ enum: SIDES, description: "The recipient agency's side (the recording officer's own)" })
  @IsIn(SIDES)
  side: Side;

  @ApiProperty({ enum: ON_BEHALF_CHANNELS, description: 'How the acknowledgment was heard' })
  @IsIn(ON_BEHALF_CHANNELS)
  channel: OnBehalfChannel;

  @ApiProperty({
    description: 'ISO 8601: when the agency acknowledged (not in the future, not before the issue); recorded now',
  })
  @IsISO8601({ strict: true })
  acknowledgedAt: string;
}

export class CancelDto {
  @ApiProperty({ type: BilingualTextDto })
  @IsBilingualText(2000, { multiline: true })
  reason: BilingualText;
}

function view(state: NotificationState, revision: number, now: Date): NotificationStatus {
  if (state.status === 'none') {
    throw notFound('NOTIFICATION.NOT_FOUND', 'Notification not found', 'Notificación no encontrada');
  }
  const pending = pendingRecipients(state);
  const overdue =
    state.status === 'active' && pending.length > 0 && Date.parse(state.acknowledgmentDeadline) < now.getTime();
  return { ...state, revision, pending, overdue };
}

const REFUSALS = ['No such notification', 'Not an officer, or not a recipient'] as const;
const Writes = (): MethodDecorator => OfficerWrite(...REFUSALS);
const NotificationWrite = officerPosts(...REFUSALS);

/** What an officer does to a notification once issued. */
type NotificationAction = Exclude<NotificationCommand, { type: 'IssueBlmNotification' }>;

/** Where a notification (with its acknowledgments) can be read. */
const notificationLocation = (id: string) => `/api/notifications/${id}`;

@ApiTags('notifications')
@ApiBearerAuth()
@AcceptsDrillHeader()
@Controller('notifications')
export class NotificationsController {
  constructor(
    private readonly commands: CommandBus,
    private readonly queries: QueryBus,
    private readonly clock: Clock,
  ) {}

  @Get()
  @ApiOperation({
    summary:
      'The notification tracker (live read model): every notification awaiting acknowledgment first (by deadline, ' +
      'overdue flagged), then the answered and cancelled ones a page at a time, newest deadline first',
  })
  @ApiQuery({ name: 'blmId', required: false })
  @ApiQuery({ name: 'status', required: false, enum: ['active', 'cancelled', 'all'] })
  @ApiQuery({
    name: 'after',
    required: false,
    description: 'A position (e.g. from a write): answer once the tracker has reached it',
  })
  @PagedList('One page of the tracker')
  async list(
    @Query('blmId', new OptionalSlugQuery('blmId')) blmId: string | undefined,
    @Query('status', new EnumQuery('status', ['active', 'cancelled', 'all'] as const))
    status: 'active' | 'cancelled' | 'all' | undefined,
    @Query('after', new PositionQuery()) after: Position | undefined,
    @Query('limit', new LimitQuery()) limit: number,
    @Query('cursor', new CursorQuery()) cursor: string | undefined,
    @Res({ passthrough: true }) response: Response,
    @CurrentWorld() world: World,
  ): Promise<NotificationStatus[]> {
    const filter = { ...(blmId ? { blmId } : {}), status: status ?? 'all' } as const;
    const page = pageOf(limit, cursor);
    return paged(response, await this.queries.execute(new ListNotifications(filter, page, after, world)));
  }

  @Get(':id')
  @ApiOperation({ summary: 'One notification: who acknowledged, who is pending, whether it is overdue' })
  @AnswersRevision('The notification')
  @ApiNotFoundResponse()
  async get(
    @Param('id', new UuidParam()) id: string,
    @Res({ passthrough: true }) response: Response,
    @CurrentWorld() world: World,
  ): Promise<NotificationStatus> {
    const { state, revision } = await this.queries.execute(new GetNotification(id, world));
    response.setHeader('ETag', `"${revision}"`);
    return view(state, revision, this.clock.now());
  }

  @Post()
  @Writes()
  @ApiOperation({ summary: 'Issue a notification to a Border Liaison Mechanism (its member agencies on both sides)' })
  @ApiCreatedResponse({ type: WriteResult })
  issue(@Body() body: IssueNotificationDto, @Write() { request, response }: WriteExchange): Promise<WriteResult> {
    return written(
      response,
      this.commands.execute(new IssueNotification({ ...body, subject: { ...body.subject } }, request)),
      notificationLocation,
    );
  }

  @Patch(':id')
  @Writes()
  @ApiOperation({ summary: 'Update the text, severity or deadline' })
  @ApiOkResponse({ type: WriteResult })
  update(
    @Param('id', new UuidParam()) id: string,
    @Body() body: UpdateNotificationDto,
    @Write() write: WriteExchange,
  ): Promise<WriteResult> {
    return this.act(id, { type: 'UpdateBlmNotification', data: body }, write);
  }

  @NotificationWrite(':id/acknowledgments', "Acknowledge for the officer's agency")
  acknowledge(
    @Param('id', new UuidParam()) id: string,
    @Body() body: AcknowledgeDto,
    @Write() write: WriteExchange,
  ): Promise<WriteResult> {
    return this.act(id, { type: 'AcknowledgeBlmNotification', data: body }, write);
  }

  @NotificationWrite(
    ':id/acknowledgments-on-behalf',
    'Record that an agency without an account (a consulate, Civil Protection) acknowledged by phone, radio or in ' +
      "person, at the time it did; kept apart from an agency's own acknowledgment",
  )
  acknowledgeOnBehalf(
    @Param('id', new UuidParam()) id: string,
    @Body() body: AcknowledgeOnBehalfDto,
    @Write() write: WriteExchange,
  ): Promise<WriteResult> {
    return this.act(id, { type: 'RecordAcknowledgmentOnBehalf', data: body }, write);
  }

  @NotificationWrite(':id/cancellation', 'Cancel the notification, with a reason', 'ok')
  cancel(
    @Param('id', new UuidParam()) id: string,
    @Body() body: CancelDto,
    @Write() write: WriteExchange,
  ): Promise<WriteResult> {
    return this.act(id, { type: 'CancelBlmNotification', data: body }, write);
  }

  /** Runs the command on the notification's stream and answers with the write (see `written`). */
  private act(id: string, command: NotificationAction, { request, response }: WriteExchange): Promise<WriteResult> {
    return written(response, this.commands.execute(new ActOnNotification(id, command, request)), notificationLocation);
  }
}
