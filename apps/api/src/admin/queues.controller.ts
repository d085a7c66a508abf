import { Controller, Get, HttpException, HttpStatus } from '@nestjs/common';
import { ApiBearerAuth, ApiForbiddenResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { QueueMonitor, type QueueView } from '@enlace/notifications';
import { Roles } from '../auth/auth.decorators.js';

/** The worker's queues as admins see them: depth, failures and retries. Redis holds nothing the store cannot rebuild. */
@ApiTags('admin')
@ApiBearerAuth()
@Controller('admin/queues')
export class QueuesController {
  constructor(private readonly monitor: QueueMonitor) {}

  @Get()
  @Roles('admin')
  @ApiOperation({
    summary:
      'Per queue (deliveries, deadlines): waiting, active, delayed, completed and failed counts, and the last ' +
      'failed jobs with their reasons and attempts. Admins only.',
  })
  @ApiOkResponse({ description: '{ queues: [{ name, counts, lastFailed }] }' })
  @ApiForbiddenResponse({ description: 'Not an admin' })
  async list(): Promise<{ queues: QueueView[] }> {
    try {
      return { queues: await this.monitor.snapshot() };
    } catch (error) {
      throw new HttpException(
        {
          statusCode: HttpStatus.SERVICE_UNAVAILABLE,
          code: 'QUEUES.UNAVAILABLE',
          message: {
            en: 'Redis is not answering: the queues cannot be read now (nothing is lost; the worker re-derives its jobs from the event store)',
            es: 'Redis no responde: no se pueden leer las colas ahora (no se pierde nada; el worker vuelve a derivar sus trabajos del almacén de eventos)',
          },
          details: { error: error instanceof Error ? error.message : String(error) },
        },
        HttpStatus.SERVICE_UNAVAILABLE,
      );
    }
  }
}
