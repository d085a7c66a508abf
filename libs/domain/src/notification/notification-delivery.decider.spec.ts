import type { Actor } from '../shared/decider.js';
import { blmNotificationIssued, deciderSpecification, mxOfficer, NOW, testContext } from '../testing/index.js';
import { type NotificationCommand, notificationDecider } from './notification.decider.js';
import type { NotificationEvent } from './notification.events.js';

/** The worker's side of a BLM notification: delivery outcomes and escalations, recorded exactly once. */
const worker: Actor = { id: 'system:worker', agency: 'ENLACE', country: null, role: 'system' };
const spec = deciderSpecification(notificationDecider, () => testContext(worker));
const ID = 'notification-1';
const PAST_DEADLINE = '2026-11-23T17:30:00.000Z';
const FUTURE_DEADLINE = '2026-11-23T20:00:00.000Z';

const issued = (deadline = FUTURE_DEADLINE): NotificationEvent =>
  blmNotificationIssued({ notificationId: ID, acknowledgmentDeadline: deadline });

const outcome = (
  agency: string,
  side: 'US' | 'MX',
  attempt: number,
  result: 'delivered' | 'failed' | 'abandoned',
  reason?: string,
) =>
  ({
    type: 'RecordDeliveryOutcome',
    data: { agency, side, channel: 'webhook', attempt, outcome: result, ...(reason ? { reason } : {}) },
  }) as const;

const escalate = (tier: number): NotificationCommand => ({
  type: 'EscalateBlmNotification',
  data: { tier, escalateTo: [{ agency: 'DOS', side: 'US', name: { en: 'U.S. Consulate General' } }] },
});

/** What the first escalation records: the deadline passed with both agencies pending. */
const escalatedToTierOne = (): NotificationEvent[] =>
  spec
    .given([issued(PAST_DEADLINE)])
    .when(escalate(1))
    .events();

describe('delivery outcomes', () => {
  it('records a delivery, a failure with its next attempt, and giving up', () => {
    spec
      .given([issued()])
      .when(outcome('CBP', 'US', 1, 'delivered'))
      .then([
        {
          type: 'BlmNotificationDelivered',
          data: { notificationId: ID, agency: 'CBP', side: 'US', channel: 'webhook', attempt: 1 },
        },
      ]);
    spec
      .given([issued()])
      .when({
        type: 'RecordDeliveryOutcome',
        data: {
          agency: 'ANAM',
          side: 'MX',
          channel: 'email',
          attempt: 2,
          outcome: 'failed',
          reason: '421 busy',
          nextAttemptAt: NOW,
        },
      })
      .then([
        {
          type: 'BlmNotificationDeliveryFailed',
          data: {
            notificationId: ID,
            agency: 'ANAM',
            side: 'MX',
            channel: 'email',
            attempt: 2,
            reason: '421 busy',
            nextAttemptAt: NOW,
          },
        },
      ]);
    spec
      .given([issued()])
      .when(outcome('ANAM', 'MX', 5, 'abandoned', 'HTTP 500'))
      .then([
        {
          type: 'BlmNotificationDeliveryAbandoned',
          data: { notificationId: ID, agency: 'ANAM', side: 'MX', channel: 'webhook', attempts: 5, reason: 'HTTP 500' },
        },
      ]);
  });

  it('records nothing for a repeated or stale outcome (a retried job)', () => {
    const delivered = spec
      .given([issued()])
      .when(outcome('CBP', 'US', 1, 'delivered'))
      .events();
    spec
      .given([issued(), ...delivered])
      .when(outcome('CBP', 'US', 1, 'delivered'))
      .then([]);
    spec
      .given([issued(), ...delivered])
      .when(outcome('CBP', 'US', 2, 'failed', 'late'))
      .then([]);
    const failed = spec
      .given([issued()])
      .when(outcome('ANAM', 'MX', 2, 'failed', 'timeout'))
      .events();
    spec
      .given([issued(), ...failed])
      .when(outcome('ANAM', 'MX', 1, 'failed', 'timeout'))
      .then([]);
    spec
      .given([issued(), ...failed])
      .when(outcome('ANAM', 'MX', 3, 'delivered'))
      .events();
  });

  it('refuses an outcome for an agency the notification never went to', () => {
    spec
      .given([issued()])
      .when(outcome('FBI', 'US', 1, 'delivered'))
      .thenFails('NOTIFICATION.NOT_ADDRESSED', { agency: 'FBI' });
  });

  it('is reserved to the system role', () => {
    spec
      .given([issued()])
      .when(outcome('CBP', 'US', 1, 'delivered'), { actor: mxOfficer })
      .thenFails('AUTH.ROLE');
    spec
      .given([issued(PAST_DEADLINE)])
      .when(escalate(1), { actor: mxOfficer })
      .thenFails('AUTH.ROLE');
  });
});

describe('escalation', () => {
  it('escalates once the deadline passed with recipients pending, naming them (never the issuing agency, CBP)', () => {
    spec
      .given([issued(PAST_DEADLINE)])
      .when(escalate(1))
      .then([
        {
          type: 'BlmNotificationEscalated',
          data: {
            notificationId: ID,
            tier: 1,
            escalatedTo: [{ agency: 'DOS', side: 'US', name: { en: 'U.S. Consulate General' } }],
            pending: [{ agency: 'ANAM', side: 'MX' }],
            deadline: PAST_DEADLINE,
          },
        },
      ]);
  });

  it('does nothing before the deadline, twice for one tier, after every acknowledgment, or once cancelled', () => {
    spec
      .given([issued(FUTURE_DEADLINE)])
      .when(escalate(1))
      .then([]);
    const escalated = escalatedToTierOne();
    spec
      .given([issued(PAST_DEADLINE), ...escalated])
      .when(escalate(1))
      .then([]);
    const acks: NotificationEvent[] = [
      {
        type: 'BlmNotificationAcknowledged',
        data: { notificationId: ID, agency: 'CBP', side: 'US', officer: 'officer.us' },
      },
      {
        type: 'BlmNotificationAcknowledged',
        data: { notificationId: ID, agency: 'ANAM', side: 'MX', officer: 'officer.mx' },
      },
    ];
    spec
      .given([issued(PAST_DEADLINE), ...acks])
      .when(escalate(1))
      .then([]);
    spec
      .given([
        issued(PAST_DEADLINE),
        { type: 'BlmNotificationCancelled', data: { notificationId: ID, reason: { en: 'x' } } },
      ])
      .when(escalate(1))
      .then([]);
  });

  it('goes on to the next tier, and records deliveries to escalation addressees', () => {
    const first = escalatedToTierOne();
    const second = spec
      .given([issued(PAST_DEADLINE), ...first])
      .when(escalate(2))
      .events();
    expect(second.map((event) => event.type)).toEqual(['BlmNotificationEscalated']);
    spec
      .given([issued(PAST_DEADLINE), ...first])
      .when(outcome('DOS', 'US', 1, 'delivered'))
      .then([
        {
          type: 'BlmNotificationDelivered',
          data: { notificationId: ID, agency: 'DOS', side: 'US', channel: 'webhook', attempt: 1 },
        },
      ]);
  });
});

describe('escalation tiers in order', () => {
  it('refuses tier 2 before tier 1, so tier 1 is never counted as done untold', () => {
    spec
      .given([issued(PAST_DEADLINE)])
      .when(escalate(2))
      .thenFails('NOTIFICATION.ESCALATION_OUT_OF_ORDER', { tier: 2, missingTier: 1 });
  });

  it('refuses tier 3 after tier 1 only', () => {
    const first = escalatedToTierOne();
    spec
      .given([issued(PAST_DEADLINE), ...first])
      .when(escalate(3))
      .thenFails('NOTIFICATION.ESCALATION_OUT_OF_ORDER', { tier: 3, missingTier: 2 });
  });

  it('takes tier 2 once tier 1 is recorded, then neither again', () => {
    const first = escalatedToTierOne();
    const second = spec
      .given([issued(PAST_DEADLINE), ...first])
      .when(escalate(2))
      .events();
    expect(second).toMatchObject([{ type: 'BlmNotificationEscalated', data: { tier: 2 } }]);
    spec
      .given([issued(PAST_DEADLINE), ...first, ...second])
      .when(escalate(1))
      .then([]);
    spec
      .given([issued(PAST_DEADLINE), ...first, ...second])
      .when(escalate(2))
      .then([]);
  });

  it('an out-of-order tier with nothing to escalate (nobody pending, not due) decides nothing rather than refusing', () => {
    spec
      .given([issued(FUTURE_DEADLINE)])
      .when(escalate(2))
      .then([]);
  });
});

describe('deliveries of an escalation tier', () => {
  const toTier = (tier: number, result: 'delivered' | 'failed'): NotificationCommand => ({
    type: 'RecordDeliveryOutcome',
    data: { agency: 'DOS', side: 'US', channel: 'webhook', attempt: 1, outcome: result, tier },
  });

  it('records the escalation message apart from the notification, even for a member agency', () => {
    const first = escalatedToTierOne();
    const toMember = spec
      .given([issued(PAST_DEADLINE), ...first])
      .when(outcome('DOS', 'US', 1, 'delivered'))
      .events();
    spec
      .given([issued(PAST_DEADLINE), ...first, ...toMember])
      .when(toTier(1, 'delivered'))
      .then([
        {
          type: 'BlmNotificationDelivered',
          data: { notificationId: ID, agency: 'DOS', side: 'US', channel: 'webhook', attempt: 1, tier: 1 },
        },
      ]);
    const tierDelivered = spec
      .given([issued(PAST_DEADLINE), ...first])
      .when(toTier(1, 'delivered'))
      .events();
    spec
      .given([issued(PAST_DEADLINE), ...first, ...tierDelivered])
      .when(toTier(1, 'delivered'))
      .then([]);
  });

  it('refuses a tier that did not go to that agency', () => {
    spec
      .given([issued(PAST_DEADLINE)])
      .when(toTier(1, 'failed'))
      .thenFails('NOTIFICATION.NOT_ADDRESSED', { agency: 'DOS', tier: 1 });
  });
});
