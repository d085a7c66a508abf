import { appendFile, mkdir, readFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import type { Clock } from '@enlace/clock';
import { type DeliveryMessage, emailContent } from '../message.js';
import type { DeliveryChannels } from './delivery-channels.js';
import { DeliveryFailure } from './delivery-failure.js';
import type { OutboxMessage, OutboxPage } from './outbox.types.js';
import type { WebhookEndpoint } from './webhook.channel.js';

/** The file of the local outbox, beside the store's other files: `<DATA_DIR>/local-outbox.jsonl`. */
export function localOutboxFile(env: { DATA_DIR: string }): string {
  return join(env.DATA_DIR, 'local-outbox.jsonl');
}

/**
 * The local outbox: a mail catcher and webhook sink on this machine, for the embedded default (`"outbox": "local"` in
 * the delivery config), where no SMTP relay or webhook receiver exists. The worker appends each message as one JSON
 * line (mode 0600) and never changes one; the api reads them for admins. Processes that share DATA_DIR share it.
 */
export class LocalOutbox implements DeliveryChannels {
  /** Appends of this process, one after the other (each is one line). */
  private appending: Promise<unknown> = Promise.resolve();

  constructor(
    readonly file: string,
    private readonly clock: Clock,
  ) {}

  email(address: string, message: DeliveryMessage): Promise<void> {
    const { subject, text } = emailContent(message);
    return this.keep({ ...this.about(message), channel: 'email', recipient: address, subject, body: text });
  }

  webhook(endpoint: WebhookEndpoint, message: DeliveryMessage): Promise<void> {
    const payload = JSON.parse(JSON.stringify(message)) as Record<string, unknown>;
    return this.keep({ ...this.about(message), channel: 'webhook', recipient: endpoint.url, payload });
  }

  close(): void {}

  /** A page of the outbox, newest first. A line cut short (a crash while writing) is left out. */
  async page(offset: number, limit: number, channel?: OutboxMessage['channel']): Promise<OutboxPage> {
    let text: string;
    try {
      text = await readFile(this.file, 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { total: 0, offset, limit, items: [] };
      throw error;
    }
    const messages: OutboxMessage[] = [];
    for (const line of text.split('\n')) {
      if (line.length === 0) continue;
      try {
        const message = JSON.parse(line) as OutboxMessage;
        if (channel === undefined || message.channel === channel) messages.push(message);
      } catch {
        // a partial last line
      }
    }
    messages.reverse();
    return { total: messages.length, offset, limit, items: messages.slice(offset, offset + limit) };
  }

  private about(message: DeliveryMessage) {
    return {
      deliveryId: message.deliveryId,
      agency: message.to.agency,
      side: message.to.side,
      notificationId: message.notification.id,
      kind: message.kind,
      ...(message.exercise ? { drillId: message.exercise.drillId } : {}),
    };
  }

  private keep(entry: Omit<OutboxMessage, 'receivedAt'>): Promise<void> {
    const line = `${JSON.stringify({ ...entry, receivedAt: this.clock.now().toISOString() })}\n`;
    const appended = this.appending.then(async () => {
      try {
        await mkdir(dirname(this.file), { recursive: true, mode: 0o700 });
        await appendFile(this.file, line, { mode: 0o600 });
      } catch (error) {
        throw new DeliveryFailure(`local outbox: ${error instanceof Error ? error.message : String(error)}`);
      }
    });
    this.appending = appended.catch(() => undefined);
    return appended;
  }
}
