import type { Severity } from '../incident/incident.events.js';
import type { Side } from '../shared/side.js';
import type { BilingualText, Language } from '../shared/text.js';

export interface NotificationSubject {
  incidentId?: string;
  portId?: string;
  shutdownId?: string;
}

export interface Recipient {
  agency: string;
  side: Side;
}

export const DELIVERY_CHANNELS = ['console', 'webhook', 'email'] as const;

/** How an officer heard an agency's acknowledgment that it could not give in Enlace itself (no account). */
export const ON_BEHALF_CHANNELS = ['phone', 'radio', 'in-person'] as const;
export type OnBehalfChannel = (typeof ON_BEHALF_CHANNELS)[number];

/** The officer who recorded an acknowledgment on another agency's behalf. */
export interface RecordedBy {
  side: Side;
  agency: string;
  officer: string;
}
export type DeliveryChannel = (typeof DELIVERY_CHANNELS)[number];

/** Someone told of a notification: a member agency, or one reached by escalation. */
export interface Addressee extends Recipient {
  name?: BilingualText;
}

/** The notice an officer issues to a BLM: what the command says, its event records and the state keeps. */
export interface BlmNotice {
  notificationId: string;
  blmId: string;
  subject: NotificationSubject;
  title: BilingualText;
  body: BilingualText;
  severity: Severity;
  acknowledgmentDeadline: string;
}

/** What an update may change of a notice. */
export type NoticeChanges = Partial<Pick<BlmNotice, 'title' | 'body' | 'severity' | 'acknowledgmentDeadline'>>;

/** The officer who issued a notification, of which side and agency. */
export interface Issuer {
  side: Side;
  agency: string;
  officer: string;
}

/** The message to one addressee over one channel that a delivery outcome is about. */
interface DeliveryOf {
  notificationId: string;
  agency: string;
  side: Side;
  channel: DeliveryChannel;
}

export type NotificationEvent =
  | { type: 'BlmNotificationIssued'; data: BlmNotice & { recipients: Recipient[]; issuedBy: Issuer } }
  | { type: 'BlmNotificationUpdated'; data: { notificationId: string } & NoticeChanges }
  | {
      type: 'BlmNotificationAcknowledged';
      data: { notificationId: string; agency: string; side: Side; officer: string; readIn?: Language };
    }
  | {
      /**
       * An agency without an account acknowledged outside Enlace (by phone, radio…) and an officer recorded it: who
       * recorded it, how it was heard, and when it happened (`acknowledgedAt`; the event's own time is when recorded).
       */
      type: 'BlmNotificationAcknowledgedOnBehalf';
      data: {
        notificationId: string;
        agency: string;
        side: Side;
        channel: OnBehalfChannel;
        acknowledgedAt: string;
        recordedBy: RecordedBy;
      };
    }
  | { type: 'BlmNotificationCancelled'; data: { notificationId: string; reason: BilingualText } }
  | {
      type: 'BlmNotificationDelivered';
      data: DeliveryOf & {
        attempt: number;
        /** Set when this delivered escalation tier N (a message of its own), absent for the notification itself. */
        tier?: number;
      };
    }
  | {
      type: 'BlmNotificationDeliveryFailed';
      data: DeliveryOf & {
        attempt: number;
        reason: string;
        /** When the next attempt is due; `null` when this was the last one. */
        nextAttemptAt: string | null;
        tier?: number;
      };
    }
  | {
      type: 'BlmNotificationDeliveryAbandoned';
      data: DeliveryOf & {
        attempts: number;
        reason: string;
        tier?: number;
      };
    }
  | {
      type: 'BlmNotificationEscalated';
      data: {
        notificationId: string;
        /** 1 for the first tier of the BLM's escalation chain, 2 for the next… */
        tier: number;
        escalatedTo: Addressee[];
        /** The recipients that had not acknowledged when the deadline passed. */
        pending: Recipient[];
        deadline: string;
      };
    };

export type NotificationEventType = NotificationEvent['type'];
