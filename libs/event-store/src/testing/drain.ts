import type { RecordedEvent, Subscription } from '../event-store.port.js';

/** Reads from a subscription until `count` events arrived or `timeoutMs` passed; closes it either way. */
export async function drain(subscription: Subscription, count: number, timeoutMs = 10_000): Promise<RecordedEvent[]> {
  const received: RecordedEvent[] = [];
  const timer = setTimeout(() => void subscription.close(), timeoutMs);
  try {
    for await (const event of subscription) {
      received.push(event);
      if (received.length >= count) break;
    }
  } finally {
    clearTimeout(timer);
    await subscription.close();
  }
  return received;
}
