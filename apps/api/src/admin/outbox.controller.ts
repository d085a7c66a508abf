import { Controller, Get, Query } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiForbiddenResponse,
  ApiOkResponse,
  ApiOperation,
  ApiPropertyOptional,
  ApiTags,
} from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, Max, Min } from 'class-validator';
import { LocalOutbox, type OutboxMessage, type OutboxPage } from '@enlace/notifications';
import { Roles } from '../auth/auth.decorators.js';

const CHANNELS = ['email', 'webhook'] as const;

/** A page of the local outbox, newest first. */
export class OutboxQuery {
  @ApiPropertyOptional({ description: 'Messages to skip, newest first', minimum: 0, default: 0 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(0)
  @Max(1_000_000)
  offset?: number;

  @ApiPropertyOptional({ description: 'Messages in the page', minimum: 1, maximum: 100, default: 20 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(100)
  limit?: number;

  @ApiPropertyOptional({ description: 'Only the messages of this channel', enum: CHANNELS })
  @IsOptional()
  @IsIn(CHANNELS)
  channel?: OutboxMessage['channel'];
}

/**
 * The local outbox as admins read it: the e-mails and webhooks the worker kept on this machine instead of sending
 * them (`"outbox": "local"` in the delivery config, the embedded default). Empty where a site sends for real.
 */
@ApiTags('admin')
@ApiBearerAuth()
@Controller('admin/outbox')
export class OutboxController {
  constructor(private readonly outbox: LocalOutbox) {}

  @Get()
  @Roles('admin')
  @ApiOperation({
    summary:
      'The local outbox (mail catcher and webhook sink of the embedded default), newest first: per message its ' +
      'channel, recipient, subject and body (e-mail) or payload (webhook), delivery id and time. Admins only.',
  })
  @ApiOkResponse({
    description:
      '{ total, offset, limit, items: [{ deliveryId, channel, recipient, agency, side, notificationId, kind, drillId?, ' +
      'subject?, body?, payload?, receivedAt }] }',
  })
  @ApiForbiddenResponse({ description: 'Not an admin' })
  list(@Query() query: OutboxQuery): Promise<OutboxPage> {
    return this.outbox.page(query.offset ?? 0, query.limit ?? 20, query.channel);
  }
}
