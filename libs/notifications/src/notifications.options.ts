import type { RedisSettings } from './redis.js';

export const NOTIFICATIONS_OPTIONS = Symbol('NOTIFICATIONS_OPTIONS');

export interface NotificationsOptions {
  /** Run the processors and the reconciler in this process (the worker; the api in the embedded default). */
  runWorker: boolean;
  redis: RedisSettings;
  /** `config/notification-delivery.json` or `NOTIFICATION_DELIVERY_FILE`. */
  configFile: string;
  /** How often the reconciler looks for its sentinel key (a vanished key means Redis was emptied). */
  sentinelCheckMs: number;
  /** How long the reconciler's owner holds its lease without renewing it. */
  consumerLeaseMs: number;
  /** `<DATA_DIR>/local-outbox.jsonl`: where messages go when the delivery config says `"outbox": "local"`. */
  outboxFile: string;
  /** NODE_ENV=production: the delivery config may not use demo secrets. */
  production: boolean;
}

export const sentinelKey = (prefix: string): string => `${prefix}:worker:epoch`;
