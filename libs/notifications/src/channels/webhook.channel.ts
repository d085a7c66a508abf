import type { DeliveryMessage } from '../message.js';
import { webhookSignature } from '../message.js';
import { DeliveryFailure } from './delivery-failure.js';

export interface WebhookEndpoint {
  url: string;
  secret: string;
}

/**
 * HTTP POST of the message as JSON, signed with the agency's secret over "<timestamp>.<body>". Anything but a 2xx
 * within the timeout is a failure, to be retried.
 */
export async function sendWebhook(
  endpoint: WebhookEndpoint,
  message: DeliveryMessage,
  timeoutMs: number,
  /** The signature's timestamp: the receiver refuses one too far from its own time. */
  now: Date,
): Promise<void> {
  const body = JSON.stringify(message);
  const timestamp = Math.floor(now.getTime() / 1000);
  let response: Response;
  try {
    response = await fetch(endpoint.url, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'user-agent': 'Enlace-Webhook/1',
        'x-enlace-timestamp': String(timestamp),
        'x-enlace-signature': webhookSignature(endpoint.secret, timestamp, body),
        'x-enlace-delivery': message.deliveryId,
      },
      body,
      signal: AbortSignal.timeout(timeoutMs),
    });
  } catch (error) {
    const name = error instanceof Error ? error.name : '';
    if (name === 'TimeoutError' || name === 'AbortError') throw new DeliveryFailure(`no answer within ${timeoutMs} ms`);
    const cause = error instanceof Error && error.cause instanceof Error ? error.cause.message : String(error);
    throw new DeliveryFailure(`connection failed: ${cause}`);
  }
  // Drain the body so the connection can be reused; its content does not matter.
  await response.arrayBuffer().catch(() => undefined);
  if (response.status < 200 || response.status >= 300) throw new DeliveryFailure(`HTTP ${response.status}`);
}
