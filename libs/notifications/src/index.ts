export { LocalOutbox, localOutboxFile } from './channels/local-outbox.js';
export type { OutboxMessage, OutboxPage } from './channels/outbox.types.js';
export {
  chainOf,
  channelsOf,
  InvalidDeliveryConfigError,
  OUTBOX_MODES,
  parseDeliveryConfig,
  type AgencyChannels,
  type DeliveryConfig,
  type EscalationChain,
  type EscalationTier,
  type OutboxMode,
} from './delivery-config.js';
export { deliveryConfigPath, loadDeliveryConfig } from './load-delivery-config.js';
export {
  deadlineJobId,
  deliveryJobId,
  QUEUE_NAMES,
  SENT_CHANNELS,
  type DeadlineJob,
  type DeliveryJob,
  type DeliveryTarget,
  type JobMap,
  type QueueName,
  type SentChannel,
} from './jobs.js';
export { buildMessage, deliveryIdOf, emailContent, webhookSignature, type DeliveryMessage } from './message.js';
export {
  deadlinesNeeded,
  deliveriesNeeded,
  deliveryTargets,
  escalationDueAt,
  retryDelayMs,
  skipReason,
} from './plan.js';
export { DeliveryWorker } from './delivery-worker.js';
export { NotificationsModule, type NotificationsModuleOptions } from './notifications.module.js';
export { sentinelKey } from './notifications.options.js';
export { QueueMonitor, type FailedJobView, type QueueView } from './queue-monitor.js';
export { pingRedis } from './redis.js';
export { SYSTEM_ACTOR } from './system-actor.js';
export {
  NOTIFICATION_DRILL_RESULTS,
  NOTIFICATION_DRILL_WINDOW_MS,
  type NotificationDrillResultLine,
} from './drills/drill-runner.js';
