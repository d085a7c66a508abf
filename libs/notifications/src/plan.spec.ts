import {
  brokenTextRules,
  evolveNotification,
  initialNotificationState,
  type ExistingNotification,
  type NotificationEvent,
  drillWorld,
  LIVE,
} from '@enlace/domain';
import { blmNotificationIssued } from '@enlace/domain/testing';
import { createHmac } from 'node:crypto';
import { channelsOf, InvalidDeliveryConfigError, parseDeliveryConfig } from './delivery-config.js';
import { deadlineJobId, deliveryJobId } from './jobs.js';
import { deliveryIdOf, emailContent, buildMessage, webhookSignature } from './message.js';
import {
  deadlinesNeeded,
  deliveriesNeeded,
  earlierTierUnsent,
  escalationDueAt,
  retryDelayMs,
  skipReason,
} from './plan.js';
import { testDeliveryConfig } from './testing/delivery-config.fixture.js';

const config = parseDeliveryConfig(
  testDeliveryConfig({ webhookBase: 'http://127.0.0.1:9/hooks', smtpPort: 2525, escalationIntervalSeconds: 600 }),
);
const ID = '7d7f6f3e-8a43-4d6e-9d0a-2f1f3c4b5a69';
const DEADLINE = '2026-11-23T18:00:00.000Z';

function fold(events: NotificationEvent[]): ExistingNotification {
  const state = events.reduce(
    (current, event) => evolveNotification(current, event, '2026-11-23T17:00:00.000Z'),
    initialNotificationState(),
  );
  if (state.status === 'none') throw new Error('not issued');
  return state;
}

const issued = blmNotificationIssued({
  notificationId: ID,
  acknowledgmentDeadline: DEADLINE,
  body: { en: 'Closed', es: 'Cerrados' },
  recipients: [
    { agency: 'CBP', side: 'US' },
    { agency: 'ANAM', side: 'MX' },
    { agency: 'PC', side: 'MX' },
  ],
  // Civil Protection (reached through the console only) issued it: the members with channels are all addressed.
  issuedBy: { side: 'MX', agency: 'PC', officer: 'officer.pc' },
});
const ack = (agency: string, side: 'US' | 'MX'): NotificationEvent => ({
  type: 'BlmNotificationAcknowledged',
  data: { notificationId: ID, agency, side, officer: `officer.${agency}` },
});
const delivered = (agency: string, side: 'US' | 'MX', channel: 'webhook' | 'email'): NotificationEvent => ({
  type: 'BlmNotificationDelivered',
  data: { notificationId: ID, agency, side, channel, attempt: 1 },
});
const escalated: NotificationEvent = {
  type: 'BlmNotificationEscalated',
  data: { notificationId: ID, tier: 1, escalatedTo: [{ agency: 'DOS', side: 'US' }], pending: [], deadline: DEADLINE },
};

describe('what a notification still needs', () => {
  it('sends each member over its configured channels (console-only members need no job)', () => {
    const jobs = deliveriesNeeded(fold([issued]), config, LIVE).map(deliveryJobId);
    expect(jobs).toEqual([
      `deliver.${ID}.n.US.CBP.webhook`,
      `deliver.${ID}.n.US.CBP.email`,
      `deliver.${ID}.n.MX.ANAM.webhook`,
    ]);
    expect(jobs.every((id) => !id.includes(':'))).toBe(true);
  });

  it('sends nothing to the issuing agency: it wrote the notice', () => {
    const byCbp = fold([
      blmNotificationIssued({
        notificationId: ID,
        acknowledgmentDeadline: DEADLINE,
        issuedBy: { side: 'US', agency: 'CBP', officer: 'officer.us' },
      }),
    ]);
    expect(deliveriesNeeded(byCbp, config, LIVE).map(deliveryJobId)).toEqual([`deliver.${ID}.n.MX.ANAM.webhook`]);
  });

  it('skips what is delivered or acknowledged, and everything once cancelled', () => {
    const state = fold([issued, delivered('CBP', 'US', 'webhook'), ack('ANAM', 'MX')]);
    expect(deliveriesNeeded(state, config, LIVE).map(deliveryJobId)).toEqual([`deliver.${ID}.n.US.CBP.email`]);
    const cancelled = fold([
      issued,
      { type: 'BlmNotificationCancelled', data: { notificationId: ID, reason: { en: 'x' } } },
    ]);
    expect(deliveriesNeeded(cancelled, config, LIVE)).toEqual([]);
    expect(skipReason(cancelled, { notificationId: ID, agency: 'CBP', side: 'US', channel: 'email' })).toBe(
      'cancelled',
    );
    expect(deadlinesNeeded(cancelled, config, LIVE)).toEqual([]);
  });

  it('sends an escalation as its own message, even to an agency that had the notification', () => {
    const state = fold([issued, escalated]);
    expect(deliveriesNeeded(state, config, LIVE).map(deliveryJobId)).toContain(`deliver.${ID}.t1.US.DOS.webhook`);
  });

  it('schedules each tier at the deadline plus one interval per tier after the first, until all acknowledge', () => {
    const state = fold([issued]);
    expect(deadlinesNeeded(state, config, LIVE).map(deadlineJobId)).toEqual([
      `deadline.${ID}.t1.${Date.parse(DEADLINE)}`,
      `deadline.${ID}.t2.${Date.parse(DEADLINE)}`,
    ]);
    expect(escalationDueAt(state, 1, config)).toBe(Date.parse(DEADLINE));
    expect(escalationDueAt(state, 2, config)).toBe(Date.parse(DEADLINE) + 600_000);
    expect(deadlinesNeeded(fold([issued, escalated]), config, LIVE).map((job) => job.tier)).toEqual([2]);
    expect(deadlinesNeeded(fold([issued, ack('CBP', 'US'), ack('ANAM', 'MX'), ack('PC', 'MX')]), config, LIVE)).toEqual(
      [],
    );
  });

  it('backs off exponentially', () => {
    expect([1, 2, 3, 4].map((n) => retryDelayMs(n, 200))).toEqual([200, 400, 800, 1600]);
  });
});

describe('escalation tiers go out in order', () => {
  const tier2: NotificationEvent = {
    type: 'BlmNotificationEscalated',
    data: {
      notificationId: ID,
      tier: 2,
      escalatedTo: [{ agency: 'NRC', side: 'US' }],
      pending: [],
      deadline: DEADLINE,
    },
  };
  const toNrc = { notificationId: ID, agency: 'NRC', side: 'US' as const, channel: 'webhook' as const, tier: 2 };
  const dosTier1 = (outcome: 'BlmNotificationDelivered' | 'BlmNotificationDeliveryFailed'): NotificationEvent =>
    outcome === 'BlmNotificationDelivered'
      ? {
          type: outcome,
          data: { notificationId: ID, agency: 'DOS', side: 'US', channel: 'webhook', attempt: 1, tier: 1 },
        }
      : {
          type: outcome,
          data: {
            notificationId: ID,
            ...{ agency: 'DOS', side: 'US', channel: 'webhook', attempt: 1, tier: 1 },
            ...{ reason: 'HTTP 503', nextAttemptAt: DEADLINE },
          },
        };

  it('holds tier 2 until every tier-1 message was attempted once', () => {
    expect(earlierTierUnsent(fold([issued, escalated, tier2]), toNrc, config)).toMatchObject({
      agency: 'DOS',
      tier: 1,
    });
  });

  it('lets tier 2 go once tier 1 was delivered, or tried and failed (a receiver down does not hold it up)', () => {
    expect(
      earlierTierUnsent(fold([issued, escalated, tier2, dosTier1('BlmNotificationDelivered')]), toNrc, config),
    ).toBeUndefined();
    expect(
      earlierTierUnsent(fold([issued, escalated, tier2, dosTier1('BlmNotificationDeliveryFailed')]), toNrc, config),
    ).toBeUndefined();
  });

  it('never holds the notification itself or tier 1', () => {
    const state = fold([issued, escalated, tier2]);
    expect(earlierTierUnsent(state, { ...toNrc, tier: undefined }, config)).toBeUndefined();
    expect(earlierTierUnsent(state, { ...toNrc, agency: 'DOS', tier: 1 }, config)).toBeUndefined();
  });
});

describe('messages', () => {
  const target = { notificationId: ID, agency: 'CBP', side: 'US' as const, channel: 'webhook' as const };

  it('signs "<timestamp>.<body>" with HMAC-SHA256 and keeps one delivery id across attempts', () => {
    const body = '{"a":1}';
    expect(webhookSignature('secret-secret-secret', 1_800_000_000, body)).toBe(
      `sha256=${createHmac('sha256', 'secret-secret-secret').update(`1800000000.${body}`).digest('hex')}`,
    );
    expect(deliveryIdOf(target)).toBe(deliveryIdOf({ ...target }));
    expect(deliveryIdOf(target)).not.toBe(deliveryIdOf({ ...target, tier: 1 }));
  });

  it('writes e-mail in English and Spanish, saying which translation is missing', () => {
    const message = buildMessage(fold([issued]), target, undefined, undefined);
    const { subject, text } = emailContent(message);
    expect(subject).toBe('Lanes closed / (traducción al español pendiente)');
    expect(text).toContain('Acknowledge by 2026-11-23T18:00:00.000Z');
    expect(text).toContain('Acuse recibo antes de 2026-11-23T18:00:00.000Z');
  });

  it('carries no bidirectional override or control character into e-mails and webhooks, even from old events', () => {
    const tampered: NotificationEvent = {
      ...issued,
      data: {
        ...(issued.data as object),
        title: { en: 'Lanes \u202Edesolc\u202C closed\u001B[2J', es: 'Carriles\u0007 cerrados' },
        body: { en: 'Line one\nline two\u2066', es: 'Cerrados\u009B' },
      },
    } as NotificationEvent;
    const message = buildMessage(fold([tampered]), target, undefined, undefined);
    expect(message.notification.title).toEqual({ en: 'Lanes desolc closed[2J', es: 'Carriles cerrados' });
    expect(message.notification.body).toEqual({ en: 'Line one\nline two', es: 'Cerrados' });
    const { subject, text } = emailContent(message);
    expect(brokenTextRules(subject, { multiline: false })).toEqual([]);
    expect(brokenTextRules(text, { multiline: true })).toEqual([]);
  });
});

describe("a drill's notifications", () => {
  const DRILL = '0d7a2c1e-5b3f-4e8a-9c6d-7f1e2a3b4c5d';
  const drill = drillWorld(DRILL);

  it('go only to endpoints marked for exercises, as jobs that name the drill', () => {
    const state = fold([issued]);
    expect(deliveriesNeeded(state, config, drill).map(deliveryJobId)).toEqual([
      `deliver.x${DRILL}.${ID}.n.MX.ANAM.webhook`,
    ]);
    // The same notification id in the live world is other jobs, over every configured channel.
    expect(deliveriesNeeded(state, config, LIVE).map(deliveryJobId)).toEqual([
      `deliver.${ID}.n.US.CBP.webhook`,
      `deliver.${ID}.n.US.CBP.email`,
      `deliver.${ID}.n.MX.ANAM.webhook`,
    ]);
    // Escalations run on in the drill, to no real endpoint (DOS and NRC are not marked).
    expect(deadlinesNeeded(state, config, drill).map(deadlineJobId)).toEqual([
      `deadline.x${DRILL}.${ID}.t1.${Date.parse(DEADLINE)}`,
      `deadline.x${DRILL}.${ID}.t2.${Date.parse(DEADLINE)}`,
    ]);
    expect(deliveriesNeeded(fold([issued, escalated]), config, drill).filter((job) => job.tier)).toEqual([]);
  });

  it('reach no endpoint at all unless the config marks one', () => {
    const unmarked = parseDeliveryConfig(
      testDeliveryConfig({ webhookBase: 'http://127.0.0.1:9/hooks', smtpPort: 2525 }),
    );
    for (const agency of unmarked.agencies) {
      if (agency.webhook) agency.webhook.exercise = false;
    }
    expect(deliveriesNeeded(fold([issued]), unmarked, drill)).toEqual([]);
    expect(channelsOf(unmarked, 'CBP', 'US', drill)).toEqual({ agency: 'CBP', side: 'US' });
    expect(channelsOf(unmarked, 'CBP', 'US', LIVE)?.webhook?.url).toBe('http://127.0.0.1:9/hooks/cbp');
  });

  it('say EXERCISE in both languages, in the title, at both ends of the body, and in the e-mail subject', () => {
    const target = { notificationId: ID, agency: 'ANAM', side: 'MX' as const, channel: 'webhook' as const };
    const message = buildMessage(fold([issued]), { ...target, drillId: DRILL }, undefined, undefined);
    expect(message.exercise).toEqual({ drillId: DRILL });
    expect(message.notification.title).toEqual({
      en: 'EXERCISE EXERCISE EXERCISE: Lanes closed',
      es: 'EJERCICIO EJERCICIO EJERCICIO: (traducción al español pendiente)',
    });
    expect(message.notification.body).toEqual({
      en: 'EXERCISE EXERCISE EXERCISE\nClosed\nEXERCISE EXERCISE EXERCISE',
      es: 'EJERCICIO EJERCICIO EJERCICIO\nCerrados\nEJERCICIO EJERCICIO EJERCICIO',
    });
    expect(emailContent(message).subject).toMatch(/^EXERCISE EXERCISE EXERCISE: .* \/ EJERCICIO EJERCICIO EJERCICIO: /);
    // A live message says nothing of the kind, and its delivery id differs from the drill's.
    const live = buildMessage(fold([issued]), target, undefined, undefined);
    expect(live.exercise).toBeUndefined();
    expect(JSON.stringify(live)).not.toMatch(/EXERCISE|EJERCICIO/);
    expect(live.deliveryId).not.toBe(message.deliveryId);
  });

  it('the config refuses an exercise mark that is not true or false, naming the field', () => {
    const raw = testDeliveryConfig({ webhookBase: 'http://127.0.0.1:9/hooks', smtpPort: 2525 });
    (raw.agencies as { email?: Record<string, unknown> }[])[0]!.email!.exercise = 'yes';
    expect(() => parseDeliveryConfig(raw)).toThrow(InvalidDeliveryConfigError);
    expect(() => parseDeliveryConfig(raw)).toThrow('agencies[0].email.exercise: must be true or false');
  });
});
