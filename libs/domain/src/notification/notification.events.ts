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

export type NotificationEvent =
  | {
      type: 'BlmNotificationIssued';
      data: {
        notificationId: string;
        blmId: string;
        subject: NotificationSubject;
        title: BilingualText;
        body: BilingualText;
        severity: Severity;
        acknowledgmentDeadline: string;
        recipients: Recipient[];
        issuedBy: { side: Side; agency: string; officer: string };
      };
    }
  | {
      type: 'BlmNotificationUpdated';
      data: {
        notificationId: string;
        title?: BilingualText;
        body?: BilingualText;
        severity?: Severity;
        acknowledgmentDeadline?: string;
      };
    }
  | {
      type: 'BlmNotificationAcknowledged';
      data: { notificationId: string; agency: string; side: Side; officer: string; readIn?: Language };
    }
  | { type: 'BlmNotificationCancelled'; data: { notificationId: string; reason: BilingualText } };

export type NotificationEventType = NotificationEvent['type'];
