import { Controller, Get, HttpStatus, Inject, Res } from '@nestjs/common';
import { EVENT_STORE, type EventStore } from '@enlace/event-store';
import { QueueMonitor } from '@enlace/notifications';
import type { Response } from 'express';
import { Public } from '../auth/auth.decorators.js';

export interface ComponentHealth {
  status: 'up' | 'down';
  latencyMs?: number;
  error?: string;
}

export interface HealthReport {
  /** `degraded`: the api serves (commands, reads, consoles) but deliveries and escalations wait for Redis. */
  status: 'ok' | 'degraded' | 'error';
  checks: Record<string, ComponentHealth>;
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

@Public()
@Controller('health')
export class HealthController {
  constructor(
    @Inject(EVENT_STORE) private readonly eventStore: EventStore,
    private readonly queues: QueueMonitor,
  ) {}

  /**
   * 200 when the event store answers (`degraded` if Redis does not: nothing is lost, deliveries resume when it is
   * back); 503 naming the event store when it does not, since then the api cannot serve.
   */
  @Get()
  async check(@Res({ passthrough: true }) response: Response): Promise<HealthReport> {
    const [eventStore, redis] = await Promise.all([
      probe(() => this.eventStore.ping()),
      probe(() => this.queues.ping()),
    ]);
    const status = eventStore.status === 'down' ? 'error' : redis.status === 'down' ? 'degraded' : 'ok';
    response.status(status === 'error' ? HttpStatus.SERVICE_UNAVAILABLE : HttpStatus.OK);
    return { status, checks: { eventStore, redis } };
  }
}
