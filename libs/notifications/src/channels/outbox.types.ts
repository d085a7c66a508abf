// The local outbox's messages as the api answers them and the console reads them: types only, declared once for both
// (the console imports this file through the `@enlace/outbox-types` alias, nothing else of libs/notifications).

/** One message the worker put in the local outbox instead of sending it. */
export interface OutboxMessage {
  /** The delivery's id, the same on every attempt (what a receiver would get in X-Enlace-Delivery). */
  deliveryId: string;
  channel: 'email' | 'webhook';
  /** The e-mail address, or the webhook's URL, the message would have gone to. */
  recipient: string;
  agency: string;
  side: 'US' | 'MX';
  notificationId: string;
  kind: 'notification' | 'escalation';
  /** The drill of an exercise's message. */
  drillId?: string;
  /** E-mail: the subject and the text body, as the SMTP channel would send them. */
  subject?: string;
  body?: string;
  /** Webhook: the JSON body, as the webhook channel would POST it. */
  payload?: Record<string, unknown>;
  /** When the worker put it there (the one clock). */
  receivedAt: string;
}

/** A page of the local outbox, newest first. */
export interface OutboxPage {
  /** Messages in the outbox (of that channel, when one was asked for). */
  total: number;
  offset: number;
  limit: number;
  items: OutboxMessage[];
}
