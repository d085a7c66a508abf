import { Module } from '@nestjs/common';
import { platformImports } from '@enlace/application';
import { NotificationsModule } from '@enlace/notifications';

/**
 * The background process: BLM notification deliveries, acknowledgment deadlines and escalations on BullMQ, kept in
 * step with the event store by the reconciler (docs/decisions/0006-notification-delivery.md).
 */
@Module({
  imports: [...platformImports(), NotificationsModule.forRoot({ runWorker: () => true })],
})
export class WorkerModule {}
