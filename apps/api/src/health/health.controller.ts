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
import { ProjectionRunner } from '@enlace/projections';
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
  @ApiProperty({ type: ComponentHealth, description: '`down` while the read models catch up after a start' })
  readModels: ComponentHealth;
  @ApiProperty({ type: ComponentHealth })
  redis: ComponentHealth;
}

export class HealthReport {
  /** `degraded`: the api serves (commands, reads, consoles) but deliveries and escalations wait for Redis. */
  @ApiProperty({ enum: ['ok', 'degraded', 'error'] })
  status: 'ok' | 'degraded' | 'error';
  @ApiProperty({ type: HealthChecks })
  checks: HealthChecks;
  @ApiProperty({ type: [String], example: ['readModels'], description: 'The checks that make it not ready' })
  failing: ('eventStore' | 'readModels')[];
}

export class Liveness {
  @ApiProperty({ enum: ['ok'] })
  status: 'ok';
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
    private readonly readModels: ProjectionRunner,
  ) {}

  /** The process runs and its event loop turns: nothing else is asked (an orchestrator restarts it otherwise). */
  @Get('live')
  @ApiOperation({ summary: 'Liveness: the process runs', description: 'No token needed; never asks a dependency.' })
  @ApiOkResponse({ type: Liveness })
  live(): Liveness {
    return { status: 'ok' };
  }

  /**
   * 200 when the event store answers and the read models have caught up (`degraded` if Redis does not answer:
   * nothing is lost, deliveries resume when it is back, so the api stays in service); 503 naming what fails
   * otherwise. `/health` answers the same (decision 0026).
   */
  @Get('ready')
  @ApiOperation({
    summary: 'Readiness: whether to send this api traffic',
    description:
      'No token needed. 503 while the event store does not answer or the read models are still catching up after a ' +
      "start, naming the failing check; the error text of a dependency that is down only to a caller with an admin's " +
      'bearer token. Redis being down is `degraded`, still 200.',
  })
  @ApiOkResponse({ type: HealthReport, description: '`ok`, or `degraded` when Redis is down (deliveries wait)' })
  @ApiServiceUnavailableResponse({
    type: HealthReport,
    description: 'The event store does not answer, or the read models are catching up',
  })
  ready(@Req() request: Request, @Res({ passthrough: true }) response: Response): Promise<HealthReport> {
    return this.check(request, response);
  }

  @Get()
  @ApiOperation({ summary: 'The same as /health/ready', description: 'Kept for existing probes (decision 0026).' })
  @ApiOkResponse({ type: HealthReport, description: '`ok`, or `degraded` when Redis is down (deliveries wait)' })
  @ApiServiceUnavailableResponse({
    type: HealthReport,
    description: 'The event store does not answer, or the read models are catching up',
  })
  async check(@Req() request: Request, @Res({ passthrough: true }) response: Response): Promise<HealthReport> {
    const [eventStore, redis] = await Promise.all([
      probe(() => this.eventStore.ping()),
      probe(() => this.queues.ping()),
    ]);
    const readModels: ComponentHealth = this.readModels.isCaughtUp
      ? { status: 'up' }
      : { status: 'down', error: 'catching up with the event store since the process started' };
    const failing = (['eventStore', 'readModels'] as const).filter(
      (name) => ({ eventStore, readModels })[name].status === 'down',
    );
    const status = failing.length > 0 ? 'error' : redis.status === 'down' ? 'degraded' : 'ok';
    response.status(status === 'error' ? HttpStatus.SERVICE_UNAVAILABLE : HttpStatus.OK);
    if (status === 'error') response.setHeader('Retry-After', '2');
    const details = status === 'ok' || (await this.callerIsAdmin(request, response));
    const checks = details
      ? { eventStore, readModels, redis }
      : {
          eventStore: withoutErrorText(eventStore),
          readModels: withoutErrorText(readModels),
          redis: withoutErrorText(redis),
        };
    return { status, checks, failing };
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
