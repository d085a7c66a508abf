import { type TestDeliveryConfigOptions, writeDeliveryConfig } from './delivery-config.fixture.js';
import { TestRedisServer } from './redis-server.js';
import { SmtpReceiver } from './smtp-receiver.js';
import { WebhookReceiver } from './webhook-receiver.js';

/**
 * What a worker under test delivers to: a redis-server, a webhook and an SMTP receiver of the test's own, and a
 * delivery config pointing at them (`env` puts them in a process's environment).
 */
export class DeliveryReceivers {
  private constructor(
    readonly redis: TestRedisServer,
    readonly webhooks: WebhookReceiver,
    readonly smtp: SmtpReceiver,
    readonly configFile: string,
  ) {}

  static async start(
    timings: Omit<TestDeliveryConfigOptions, 'webhookBase' | 'smtpPort'> = {},
  ): Promise<DeliveryReceivers> {
    const [redis, webhooks, smtp] = await Promise.all([
      TestRedisServer.start(),
      WebhookReceiver.start(),
      SmtpReceiver.start(),
    ]);
    const configFile = await writeDeliveryConfig({
      webhookBase: webhooks.url('/hooks'),
      smtpPort: smtp.port,
      ...timings,
    });
    return new DeliveryReceivers(redis, webhooks, smtp, configFile);
  }

  get env(): { REDIS_URL: string; NOTIFICATION_DELIVERY_FILE: string } {
    return { REDIS_URL: this.redis.url, NOTIFICATION_DELIVERY_FILE: this.configFile };
  }

  async stop(): Promise<void> {
    await Promise.all([this.redis.stop(), this.webhooks.stop(), this.smtp.stop()]);
  }
}
