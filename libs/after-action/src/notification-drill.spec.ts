import type { DrillEvent } from '@enlace/domain';
import {
  evaluateNotificationDrill,
  type NotificationFact,
  renderNotificationDrillHtml,
  renderNotificationDrillMarkdown,
} from './notification-drill.js';

const ISSUED = '2026-05-04T16:00:00.000Z';
const at = (minutes: number) => new Date(Date.parse(ISSUED) + minutes * 60_000).toISOString();
const N = 'notification-1';

const facts: NotificationFact[] = [
  {
    type: 'BlmNotificationIssued',
    occurredAt: ISSUED,
    data: {
      notificationId: N,
      blmId: 'blm-nogales',
      subject: {},
      title: { en: 'Notification drill', es: 'Simulacro de notificación' },
      body: { en: 'Acknowledge', es: 'Acuse' },
      severity: 'moderate',
      acknowledgmentDeadline: at(30),
      recipients: [
        { agency: 'CBP', side: 'US' },
        { agency: 'ANAM', side: 'MX' },
        { agency: 'PC', side: 'MX' },
      ],
      issuedBy: { side: 'US', agency: 'EPA', officer: 'exercise-control/EPA' },
    },
  },
  {
    type: 'BlmNotificationDelivered',
    occurredAt: at(0.5),
    data: { notificationId: N, agency: 'ANAM', side: 'MX', channel: 'webhook', attempt: 1 },
  },
  {
    type: 'BlmNotificationDeliveryFailed',
    occurredAt: at(0.5),
    data: {
      notificationId: N,
      agency: 'PC',
      side: 'MX',
      channel: 'email',
      attempt: 1,
      reason: 'refused',
      nextAttemptAt: at(1),
    },
  },
  {
    type: 'BlmNotificationAcknowledged',
    occurredAt: at(4),
    data: { notificationId: N, agency: 'CBP', side: 'US', officer: 'officer.us', readIn: 'en' },
  },
  {
    type: 'BlmNotificationEscalated',
    occurredAt: at(30),
    data: {
      notificationId: N,
      tier: 1,
      escalatedTo: [{ agency: 'DOS', side: 'US' }],
      pending: [
        { agency: 'ANAM', side: 'MX' },
        { agency: 'PC', side: 'MX' },
      ],
      deadline: at(30),
    },
  },
  {
    type: 'BlmNotificationAcknowledged',
    occurredAt: at(41),
    data: { notificationId: N, agency: 'ANAM', side: 'MX', officer: 'officer.mx', readIn: 'es' },
  },
];

const drillEvents: DrillEvent[] = [
  {
    type: 'DrillEnded',
    data: { drillId: 'd', at: at(60), drillTime: at(60), by: { username: 'planner', side: 'US', agency: 'EPA' } },
  },
];

const input = {
  drillId: 'd',
  title: { en: 'Nogales notification drill', es: 'Simulacro de notificación de Nogales' },
  timeZone: 'America/Hermosillo',
  drillEvents,
  notificationEvents: facts,
  blmNames: { 'blm-nogales': { en: 'Nogales–Nogales BLM', es: 'MEF Nogales–Nogales' } },
};

describe('a notification drill report', () => {
  it('lists who acknowledged in time, who late and who never, how fast, by which channel, and whom silence escalated to', () => {
    const evaluation = evaluateNotificationDrill(input);
    expect(evaluation.ended).toBe(true);
    const [result] = evaluation.results;
    expect(result!.summary).toEqual({ recipients: 3, inTime: 1, late: 1, never: 1, medianMinutes: 22.5 });
    expect(result!.recipients).toEqual([
      expect.objectContaining({
        agency: 'CBP',
        outcome: 'in-time',
        acknowledgedAfterMinutes: 4,
        acknowledgedBy: 'officer.us',
        escalatedTiers: [],
      }),
      expect.objectContaining({
        agency: 'ANAM',
        outcome: 'late',
        acknowledgedAfterMinutes: 41,
        readIn: 'es',
        escalatedTiers: [1],
        channels: [{ channel: 'webhook', deliveredAfterMinutes: 0.5, failedAttempts: 0, abandoned: false }],
      }),
      expect.objectContaining({
        agency: 'PC',
        outcome: 'never',
        escalatedTiers: [1],
        channels: [{ channel: 'email', failedAttempts: 1, abandoned: false }],
      }),
    ]);
    expect(result!.escalations).toEqual([
      {
        tier: 1,
        afterMinutes: 30,
        escalatedTo: [{ agency: 'DOS', side: 'US' }],
        pending: [
          { agency: 'ANAM', side: 'MX' },
          { agency: 'PC', side: 'MX' },
        ],
      },
    ]);
  });

  it('says the three outcomes in English and in Spanish, in Markdown and in a standalone page, times in the zone', () => {
    const evaluation = evaluateNotificationDrill(input);
    const en = renderNotificationDrillMarkdown(evaluation, 'en');
    for (const text of ['Acknowledged in time', 'Acknowledged late', 'Never acknowledged', 'Tier 1 after 30 min']) {
      expect(en).toContain(text);
    }
    const es = renderNotificationDrillHtml(evaluation, 'es');
    for (const text of [
      'Acuse a tiempo',
      'Acuse tardío',
      'Sin acuse',
      'lang="es-MX"',
      'EJERCICIO',
      'Nivel 1 a los 30 min',
    ]) {
      expect(es).toContain(text);
    }
    expect(es).not.toMatch(/Acknowledged|Never|Tier \d/);
    // 16:00 UTC is 09:00 in Sonora, which keeps no daylight saving time.
    expect(es).toContain('09:00');
  });

  it('escapes what people typed, and says so when nothing was issued', () => {
    const hostile = evaluateNotificationDrill({ ...input, title: { en: '<script>alert(1)</script>', es: '<b>x</b>' } });
    expect(renderNotificationDrillHtml(hostile, 'en')).not.toContain('<script>');
    const empty = evaluateNotificationDrill({ ...input, notificationEvents: [], drillEvents: [] });
    expect(empty.ended).toBe(false);
    expect(renderNotificationDrillMarkdown(empty, 'es')).toContain('No se emitió ninguna notificación.');
  });
});
