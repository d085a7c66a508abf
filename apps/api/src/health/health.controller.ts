import { Controller, Get, HttpStatus, Inject, Req, Res } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiOkResponse,
  ApiOperation,
  ApiProperty,
  ApiPropertyOptional,
  ApiServiceUnavailableResponse,
  ApiTags,
} from '@nestjs/swagger';
import { EVENT_STORE, type EventStore } from '@enlace/event-store';
import { QueueMonitor } from '@enlace/notifications';
import type { Request, Response } from 'express';
import { Public } from '../auth/auth.decorators.js';
import { AdminCaller } from '../common/admin-caller.js';

export class ComponentHealth {
  @ApiProperty({ enum: ['up', 'down'] })
  status: 'up' | 'down';
  @ApiPropertyOptional({ example: 3 })
  latencyMs?: number;
  @ApiPropertyOptional({ description: "Why it is down, as the driver said it: only for an admin's token" })
  error?: string;
}

export class HealthChecks {
  @ApiProperty({ type: ComponentHealth })
  eventStore: ComponentHealth;
  @ApiProperty({ type: ComponentHealth })
  redis: ComponentHealth;
}

export class HealthReport {
  /** `degraded`: the api serves (commands, reads, consoles) but deliveries and escalations wait for Redis. */
  @ApiProperty({ enum: ['ok', 'degraded', 'error'] })
  status: 'ok' | 'degraded' | 'error';
  @ApiProperty({ type: HealthChecks })
  checks: HealthChecks;
}

const CHECK_TIMEOUT_MS = 2_000;

async function probe(check: () => Promise<void>): Promise<ComponentHealth> {
  const started = performance.now();
  let timer: NodeJS.Timeout | undefined;
  try {
    await Promise.race([
      check(),
      new Promise((_, reject) => {
        timer = setTimeout(() => reject(new Error(`no answer within ${CHECK_TIMEOUT_MS} ms`)), CHECK_TIMEOUT_MS);
      }),
    ]);
    return { status: 'up', latencyMs: Math.round(performance.now() - started) };
  } catch (error) {
    return { status: 'down', error: error instanceof Error ? error.message : String(error) };
  } finally {
    clearTimeout(timer);
  }
}

/** A driver's error text can name hosts, users and paths: anonymous callers learn only which dependency is down. */
function withoutErrorText({ status, latencyMs }: ComponentHealth): ComponentHealth {
  return latencyMs === undefined ? { status } : { status, latencyMs };
}

@ApiTags('health')
@ApiBearerAuth()
@Public()
@Controller('health')
export class HealthController {
  constructor(
    @Inject(EVENT_STORE) private readonly eventStore: EventStore,
    private readonly queues: QueueMonitor,
    private readonly admin: AdminCaller,
  ) {}

  /**
   * 200 when the event store answers (`degraded` if Redis does not: nothing is lost, deliveries resume when it is
   * back); 503 naming the event store when it does not, since then the api cannot serve.
   */
  @Get()
  @ApiOperation({
    summary: 'Which dependencies answer',
    description:
      'No token needed. Says which dependency is down; the error text of a dependency that is down only to a ' +
      "caller with an admin's bearer token.",
  })
  @ApiOkResponse({ type: HealthReport, description: '`ok`, or `degraded` when Redis is down (deliveries wait)' })
  @ApiServiceUnavailableResponse({ type: HealthReport, description: 'The event store does not answer' })
  async check(@Req() request: Request, @Res({ passthrough: true }) response: Response): Promise<HealthReport> {
    const [eventStore, redis] = await Promise.all([
      probe(() => this.eventStore.ping()),
      probe(() => this.queues.ping()),
    ]);
    const status = eventStore.status === 'down' ? 'error' : redis.status === 'down' ? 'degraded' : 'ok';
    response.status(status === 'error' ? HttpStatus.SERVICE_UNAVAILABLE : HttpStatus.OK);
    const details = status === 'ok' || (await this.callerIsAdmin(request, response));
    const checks = details
      ? { eventStore, redis }
      : { eventStore: withoutErrorText(eventStore), redis: withoutErrorText(redis) };
    return { status, checks };
  }

  /** Asked only when there is an error to show; an answer that does not come in time counts as "not an admin". */
  private async callerIsAdmin(request: Request, response: Response): Promise<boolean> {
    if (!request.headers.authorization) return false;
    const verdict = await probe(async () => {
      if (!(await this.admin.isAdmin(request, response))) throw new Error('not an admin');
    });
    return verdict.status === 'up';
  }
}
