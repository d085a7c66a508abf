import type { Actor } from '../shared/decider.js';
import { deciderSpecification, mxOfficer, NOW, testContext, usOfficer } from '../testing/index.js';
import {
  evolveNotification,
  initialNotificationState,
  notificationDecider,
  pendingRecipients,
  type NotificationCommand,
  type NotificationState,
} from './notification.decider.js';
import type { NotificationEvent, OnBehalfChannel } from './notification.events.js';

/**
 * Agencies without an account (the consulates, Civil Protection) acknowledge by phone or radio; an officer of their
 * side records it, kept distinct from an agency's own acknowledgment.
 */
const spec = deciderSpecification(notificationDecider, () => testContext(mxOfficer));
const ID = 'notification-2026-0002';
const ISSUED_AT = NOW; // the spec folds the given events at NOW
const FIVE_MINUTES_AGO = new Date(Date.parse(NOW) - 5 * 60_000).toISOString();
const TEN_MINUTES_AFTER = new Date(Date.parse(NOW) + 10 * 60_000).toISOString();
const LATER = new Date(Date.parse(NOW) + 20 * 60_000).toISOString();

const issued: NotificationEvent = {
  type: 'BlmNotificationIssued',
  data: {
    notificationId: ID,
    blmId: 'blm-sandiego-tijuana',
    subject: { portId: 'otay-mesa' },
    title: { en: 'Lanes closed', es: 'Carriles cerrados' },
    body: { en: 'Chlorine release', es: 'Fuga de cloro' },
    severity: 'severe',
    acknowledgmentDeadline: '2026-11-23T20:00:00.000Z',
    recipients: [
      { agency: 'CBP', side: 'US' },
      { agency: 'DOS', side: 'US' },
      { agency: 'ANAM', side: 'MX' },
      { agency: 'SRE', side: 'MX' },
      { agency: 'PC', side: 'MX' },
    ],
    issuedBy: { side: 'US', agency: 'CBP', officer: 'officer.us' },
  },
};

const onBehalf = (
  agency: string,
  side: 'US' | 'MX',
  acknowledgedAt: string,
  channel: OnBehalfChannel = 'phone',
): NotificationCommand => ({ type: 'RecordAcknowledgmentOnBehalf', data: { agency, side, channel, acknowledgedAt } });

const acknowledgedOnBehalf = (
  agency: string,
  side: 'US' | 'MX',
  acknowledgedAt: string,
  by: Actor,
  channel: OnBehalfChannel = 'phone',
): NotificationEvent => ({
  type: 'BlmNotificationAcknowledgedOnBehalf',
  data: {
    notificationId: ID,
    agency,
    side,
    channel,
    acknowledgedAt,
    recordedBy: { side: by.country!, agency: by.agency, officer: by.id },
  },
});

const selfAcknowledged = (actor: Actor): NotificationEvent => ({
  type: 'BlmNotificationAcknowledged',
  data: { notificationId: ID, agency: actor.agency, side: actor.country!, officer: actor.id, readIn: 'es' },
});

describe('acknowledgment on behalf of an agency without an account', () => {
  it('given an issued notification, when an MX officer records later that SRE acknowledged by phone, then it is recorded at the time it happened, with who recorded it', () => {
    spec
      .given([issued])
      .when(onBehalf('SRE', 'MX', TEN_MINUTES_AFTER), { now: LATER })
      .then([acknowledgedOnBehalf('SRE', 'MX', TEN_MINUTES_AFTER, mxOfficer)]);
  });

  it('records radio and in-person too, and normalises the time to UTC', () => {
    spec
      .given([issued])
      .when(onBehalf('PC', 'MX', '2026-11-23T12:10:00.000-06:00', 'radio'), { now: LATER })
      .then([acknowledgedOnBehalf('PC', 'MX', '2026-11-23T18:10:00.000Z', mxOfficer, 'radio')]);
    spec
      .given([issued])
      .when(onBehalf('DOS', 'US', NOW, 'in-person'), { actor: usOfficer })
      .then([acknowledgedOnBehalf('DOS', 'US', NOW, usOfficer, 'in-person')]);
  });

  it('folds into an acknowledgment of its own shape: when it happened, when it was recorded, by whom, how', () => {
    const recordedAt = LATER;
    let state: NotificationState = evolveNotification(initialNotificationState(), issued, ISSUED_AT);
    state = evolveNotification(state, acknowledgedOnBehalf('SRE', 'MX', TEN_MINUTES_AFTER, mxOfficer), recordedAt);
    if (state.status === 'none') throw new Error('expected a notification');
    expect(state.acknowledgments).toEqual([
      {
        agency: 'SRE',
        side: 'MX',
        officer: 'officer.mx',
        at: TEN_MINUTES_AFTER,
        onBehalf: {
          channel: 'phone',
          recordedBy: { side: 'MX', agency: 'ANAM', officer: 'officer.mx' },
          recordedAt,
        },
      },
    ]);
    expect(pendingRecipients(state).map((r) => r.agency)).toEqual(['DOS', 'ANAM', 'PC']);
  });

  it('refuses a recipient already acknowledged, by itself or on its behalf', () => {
    spec
      .given([issued, acknowledgedOnBehalf('SRE', 'MX', NOW, mxOfficer)])
      .when(onBehalf('SRE', 'MX', NOW))
      .thenFails('NOTIFICATION.ALREADY_ACKNOWLEDGED');
    spec
      .given([issued, selfAcknowledged(mxOfficer)])
      .when(onBehalf('ANAM', 'MX', NOW), {
        actor: { id: 'officer.sre', agency: 'SRE', country: 'MX', role: 'officer' },
      })
      .thenFails('NOTIFICATION.ALREADY_ACKNOWLEDGED');
  });

  it('refuses a time in the future', () => {
    spec
      .given([issued])
      .when(onBehalf('SRE', 'MX', LATER))
      .thenFails('NOTIFICATION.ACKNOWLEDGED_IN_FUTURE', { acknowledgedAt: LATER, now: NOW });
    spec
      .given([issued])
      .when(onBehalf('SRE', 'MX', 'yesterday'))
      .thenFails('NOTIFICATION.ACKNOWLEDGED_IN_FUTURE');
  });

  it('refuses a time before the notification was issued', () => {
    spec
      .given([issued])
      .when(onBehalf('SRE', 'MX', FIVE_MINUTES_AGO))
      .thenFails('NOTIFICATION.ACKNOWLEDGED_BEFORE_ISSUED', { acknowledgedAt: FIVE_MINUTES_AGO, issuedAt: ISSUED_AT });
  });

  it('refuses an agency that is not a recipient, the issuing agency, and the officer’s own agency', () => {
    spec
      .given([issued])
      .when(onBehalf('SEMAR', 'MX', NOW))
      .thenFails('NOTIFICATION.NOT_A_RECIPIENT');
    spec
      .given([issued])
      .when(onBehalf('CBP', 'US', NOW), { actor: { id: 'officer.dos', agency: 'DOS', country: 'US', role: 'officer' } })
      .thenFails('NOTIFICATION.ISSUER_NEEDS_NO_ACKNOWLEDGMENT');
    spec
      .given([issued])
      .when(onBehalf('ANAM', 'MX', NOW))
      .thenFails('NOTIFICATION.ACKNOWLEDGE_YOURSELF');
  });

  it('refuses an officer of the other side, and an unknown channel', () => {
    spec
      .given([issued])
      .when(onBehalf('DOS', 'US', NOW))
      .thenFails('AUTH.WRONG_SIDE', { recipientSide: 'US', actorSide: 'MX' });
    spec
      .given([issued])
      .when(onBehalf('SRE', 'MX', NOW, 'carrier-pigeon' as OnBehalfChannel))
      .thenFails('NOTIFICATION.UNKNOWN_CHANNEL');
  });

  it('refuses once the notification is cancelled', () => {
    spec
      .given([issued, { type: 'BlmNotificationCancelled', data: { notificationId: ID, reason: { en: 'Error' } } }])
      .when(onBehalf('SRE', 'MX', NOW))
      .thenFails('NOTIFICATION.CANCELLED');
  });
});

describe('the language an acknowledgment was read in', () => {
  it('is recorded with the acknowledgment, and only en or es', () => {
    spec
      .given([issued])
      .when({ type: 'AcknowledgeBlmNotification', data: { readIn: 'es' } })
      .then([selfAcknowledged(mxOfficer)]);
    spec
      .given([issued])
      .when({ type: 'AcknowledgeBlmNotification', data: { readIn: 'fr' as 'en' } })
      .thenFails('NOTIFICATION.UNKNOWN_LANGUAGE', { readIn: 'fr' });
  });
});
