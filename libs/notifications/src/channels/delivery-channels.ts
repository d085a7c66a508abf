import type { Clock } from '@enlace/clock';
import type { DeliveryConfig } from '../delivery-config.js';
import type { DeliveryMessage } from '../message.js';
import { EmailChannel } from './email.channel.js';
import { sendWebhook, type WebhookEndpoint } from './webhook.channel.js';

/** How the worker sends a message: a `DeliveryFailure` is a failed attempt, to be retried. */
export interface DeliveryChannels {
  email(address: string, message: DeliveryMessage): Promise<void>;
  webhook(endpoint: WebhookEndpoint, message: DeliveryMessage): Promise<void>;
  close(): void;
}

/** SMTP (one pooled transport) and HTTP POST to the configured endpoints: `"outbox": "network"`. */
export class NetworkChannels implements DeliveryChannels {
  private readonly mail: EmailChannel;

  constructor(
    private readonly config: DeliveryConfig,
    private readonly clock: Clock,
  ) {
    this.mail = new EmailChannel(config.smtp);
  }

  email(address: string, message: DeliveryMessage): Promise<void> {
    return this.mail.send(address, message);
  }

  webhook(endpoint: WebhookEndpoint, message: DeliveryMessage): Promise<void> {
    return sendWebhook(endpoint, message, this.config.webhook.timeoutMs, this.clock.now());
  }

  close(): void {
    this.mail.close();
  }
}
