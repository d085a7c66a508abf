import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import {
  type DeliveryConfig,
  type DeliveryConfigRules,
  InvalidDeliveryConfigError,
  parseDeliveryConfig,
} from './delivery-config.js';

/** `NOTIFICATION_DELIVERY_FILE` when set (tests point it at their own receivers), else `<CONFIG_DIR>/notification-delivery.json`. */
export function deliveryConfigPath(env: {
  CONFIG_DIR: string;
  NOTIFICATION_DELIVERY_FILE?: string | undefined;
}): string {
  return resolve(env.NOTIFICATION_DELIVERY_FILE ?? `${env.CONFIG_DIR}/notification-delivery.json`);
}

export function loadDeliveryConfig(file: string, rules: DeliveryConfigRules = {}): DeliveryConfig {
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    throw new InvalidDeliveryConfigError(file, [
      `cannot be read as JSON: ${error instanceof Error ? error.message : String(error)}`,
    ]);
  }
  return parseDeliveryConfig(raw, file, rules);
}
