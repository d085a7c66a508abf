import type { BilingualText, DeliveryChannel, DrillEvent, Language, NotificationEvent, Side } from '@enlace/domain';
import { agencyName, dateTime, duration, LOCALES, textIn } from './format.js';
import { markup, type SafeHtml, trusted } from './safe-html.js';

/**
 * A notification drill's report (Border 2025 counts dozens a year per country): for each BLM, who answered the
 * EXERCISE notification, how fast, by which channel it reached them, who never did, and whom the silence escalated
 * to. Pure: computed from the drill's stream and its world's notification events.
 */

export const NOTIFICATION_DRILL_REPORT_KIND = 'enlace.notification-drill-report';
export const NOTIFICATION_DRILL_SCHEMA_VERSION = 1;

/** A notification event of the drill's world, with the drill time it happened at. */
export type NotificationFact = NotificationEvent & { occurredAt: string };

export interface NotificationDrillInput {
  drillId: string;
  title: BilingualText;
  timeZone: string;
  drillEvents: readonly DrillEvent[];
  notificationEvents: readonly NotificationFact[];
  /** The BLMs' names by id (the reference data). */
  blmNames: Readonly<Record<string, { en: string; es: string }>>;
}

/** In time: by the acknowledgment deadline; late: after it; never: not by the end of the drill (or yet). */
export type AcknowledgmentOutcome = 'in-time' | 'late' | 'never';

export interface ChannelResult {
  channel: DeliveryChannel;
  /** Minutes from the issue to the first successful delivery on this channel. */
  deliveredAfterMinutes?: number;
  failedAttempts: number;
  abandoned: boolean;
}

export interface RecipientResult {
  agency: string;
  side: Side;
  outcome: AcknowledgmentOutcome;
  /** Minutes from the issue to the acknowledgment. */
  acknowledgedAfterMinutes?: number;
  acknowledgedBy?: string;
  /** The language the acknowledgment was read in, when the console said. */
  readIn?: Language;
  channels: ChannelResult[];
  /** Escalation tiers raised while this recipient was still silent. */
  escalatedTiers: number[];
}

export interface EscalationResult {
  tier: number;
  afterMinutes: number;
  escalatedTo: { agency: string; side: Side }[];
  pending: { agency: string; side: Side }[];
}

export interface BlmResult {
  blmId: string;
  blmName: { en: string; es: string };
  notificationId: string;
  issuedAt: string;
  deadline: string;
  recipients: RecipientResult[];
  escalations: EscalationResult[];
  summary: { recipients: number; inTime: number; late: number; never: number; medianMinutes?: number };
}

export interface NotificationDrillEvaluation {
  schemaVersion: number;
  kind: typeof NOTIFICATION_DRILL_REPORT_KIND;
  drillId: string;
  title: BilingualText;
  timeZone: string;
  ended: boolean;
  results: BlmResult[];
}

const minutesBetween = (from: string, to: string): number => (Date.parse(to) - Date.parse(from)) / 60_000;
const keyOf = (agency: string, side: Side): string => `${side}/${agency}`;

export function median(values: readonly number[]): number | undefined {
  if (values.length === 0) return undefined;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle] : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

function blmResult(
  issued: Extract<NotificationFact, { type: 'BlmNotificationIssued' }>,
  facts: readonly NotificationFact[],
  blmNames: NotificationDrillInput['blmNames'],
): BlmResult {
  const { notificationId, blmId, recipients, acknowledgmentDeadline } = issued.data;
  let deadline = acknowledgmentDeadline;
  const issuedAt = issued.occurredAt;
  const rows = new Map<string, RecipientResult>(
    recipients.map(({ agency, side }) => [
      keyOf(agency, side),
      { agency, side, outcome: 'never', channels: [], escalatedTiers: [] },
    ]),
  );
  const channelOf = (row: RecipientResult, channel: DeliveryChannel): ChannelResult => {
    let found = row.channels.find((entry) => entry.channel === channel);
    if (!found) {
      found = { channel, failedAttempts: 0, abandoned: false };
      row.channels.push(found);
    }
    return found;
  };
  const escalations: EscalationResult[] = [];
  for (const fact of facts) {
    if (fact.data.notificationId !== notificationId) continue;
    switch (fact.type) {
      case 'BlmNotificationUpdated':
        deadline = fact.data.acknowledgmentDeadline ?? deadline;
        break;
      case 'BlmNotificationAcknowledged': {
        const row = rows.get(keyOf(fact.data.agency, fact.data.side));
        if (!row || row.acknowledgedAfterMinutes !== undefined) break;
        row.acknowledgedAfterMinutes = minutesBetween(issuedAt, fact.occurredAt);
        row.acknowledgedBy = fact.data.officer;
        if (fact.data.readIn) row.readIn = fact.data.readIn;
        row.outcome = Date.parse(fact.occurredAt) <= Date.parse(deadline) ? 'in-time' : 'late';
        break;
      }
      case 'BlmNotificationAcknowledgedOnBehalf': {
        // Heard by phone or radio: it counts from when the agency acknowledged, not from when it was recorded.
        const row = rows.get(keyOf(fact.data.agency, fact.data.side));
        if (!row || row.acknowledgedAfterMinutes !== undefined) break;
        row.acknowledgedAfterMinutes = minutesBetween(issuedAt, fact.data.acknowledgedAt);
        row.acknowledgedBy = fact.data.recordedBy.officer;
        row.outcome = Date.parse(fact.data.acknowledgedAt) <= Date.parse(deadline) ? 'in-time' : 'late';
        break;
      }
      case 'BlmNotificationDelivered':
      case 'BlmNotificationDeliveryFailed':
      case 'BlmNotificationDeliveryAbandoned': {
        // Escalation tiers' own messages go to other addressees: the table is about the BLM's members.
        if (fact.data.tier !== undefined) break;
        const row = rows.get(keyOf(fact.data.agency, fact.data.side));
        if (!row) break;
        const channel = channelOf(row, fact.data.channel);
        if (fact.type === 'BlmNotificationDelivered') {
          channel.deliveredAfterMinutes ??= minutesBetween(issuedAt, fact.occurredAt);
        } else if (fact.type === 'BlmNotificationDeliveryFailed') {
          channel.failedAttempts += 1;
        } else {
          channel.abandoned = true;
        }
        break;
      }
      case 'BlmNotificationEscalated':
        escalations.push({
          tier: fact.data.tier,
          afterMinutes: minutesBetween(issuedAt, fact.occurredAt),
          escalatedTo: fact.data.escalatedTo.map(({ agency, side }) => ({ agency, side })),
          pending: fact.data.pending.map(({ agency, side }) => ({ agency, side })),
        });
        for (const { agency, side } of fact.data.pending) {
          rows.get(keyOf(agency, side))?.escalatedTiers.push(fact.data.tier);
        }
        break;
      default:
        break;
    }
  }
  const results = [...rows.values()];
  const answered = results.flatMap((row) =>
    row.acknowledgedAfterMinutes === undefined ? [] : [row.acknowledgedAfterMinutes],
  );
  const medianMinutes = median(answered);
  return {
    blmId,
    blmName: blmNames[blmId] ?? { en: blmId, es: blmId },
    notificationId,
    issuedAt,
    deadline,
    recipients: results,
    escalations,
    summary: {
      recipients: results.length,
      inTime: results.filter((row) => row.outcome === 'in-time').length,
      late: results.filter((row) => row.outcome === 'late').length,
      never: results.filter((row) => row.outcome === 'never').length,
      ...(medianMinutes === undefined ? {} : { medianMinutes }),
    },
  };
}

export function evaluateNotificationDrill(input: NotificationDrillInput): NotificationDrillEvaluation {
  const issued = input.notificationEvents.filter(
    (fact): fact is Extract<NotificationFact, { type: 'BlmNotificationIssued' }> =>
      fact.type === 'BlmNotificationIssued',
  );
  return {
    schemaVersion: NOTIFICATION_DRILL_SCHEMA_VERSION,
    kind: NOTIFICATION_DRILL_REPORT_KIND,
    drillId: input.drillId,
    title: input.title,
    timeZone: input.timeZone,
    ended: input.drillEvents.some((event) => event.type === 'DrillEnded'),
    results: issued.map((notice) => blmResult(notice, input.notificationEvents, input.blmNames)),
  };
}

const TEXT = {
  en: {
    title: 'Notification drill report',
    banner: 'EXERCISE EXERCISE EXERCISE',
    interim: 'Interim: the drill has not ended.',
    issued: 'Issued',
    deadline: 'Acknowledge by',
    agency: 'Agency',
    side: 'Side',
    outcome: 'Outcome',
    after: 'Acknowledged after',
    by: 'By',
    channels: 'Delivery',
    escalated: 'Escalated (tier)',
    outcomes: { 'in-time': 'Acknowledged in time', late: 'Acknowledged late', never: 'Never acknowledged' },
    summary: (s: BlmResult['summary'], median: string) =>
      `${s.inTime} of ${s.recipients} in time, ${s.late} late, ${s.never} never${median ? `; median ${median}` : ''}.`,
    escalations: 'Escalations',
    escalation: (tier: number, after: string, to: string) => `Tier ${tier} after ${after}: ${to}`,
    delivered: (after: string) => `delivered after ${after}`,
    failed: (n: number) => `${n} failed attempt${n === 1 ? '' : 's'}`,
    abandoned: 'given up',
    notDelivered: 'not delivered',
    none: 'No notification was issued.',
  },
  es: {
    title: 'Informe del simulacro de notificación',
    banner: 'EJERCICIO EJERCICIO EJERCICIO',
    interim: 'Provisional: el simulacro no ha terminado.',
    issued: 'Emitida',
    deadline: 'Acuse antes de',
    agency: 'Dependencia',
    side: 'Lado',
    outcome: 'Resultado',
    after: 'Acuse a los',
    by: 'Por',
    channels: 'Entrega',
    escalated: 'Escalada (nivel)',
    outcomes: { 'in-time': 'Acuse a tiempo', late: 'Acuse tardío', never: 'Sin acuse' },
    summary: (s: BlmResult['summary'], median: string) =>
      `${s.inTime} de ${s.recipients} a tiempo, ${s.late} tarde, ${s.never} sin acuse${median ? `; mediana ${median}` : ''}.`,
    escalations: 'Escalamientos',
    escalation: (tier: number, after: string, to: string) => `Nivel ${tier} a los ${after}: ${to}`,
    delivered: (after: string) => `entregada a los ${after}`,
    failed: (n: number) => `${n} intento${n === 1 ? '' : 's'} fallido${n === 1 ? '' : 's'}`,
    abandoned: 'abandonada',
    notDelivered: 'sin entrega',
    none: 'No se emitió ninguna notificación.',
  },
} as const;

const sideName = (side: Side, language: Language) =>
  language === 'en' ? (side === 'US' ? 'United States' : 'Mexico') : side === 'US' ? 'Estados Unidos' : 'México';

function channelsText(row: RecipientResult, language: Language): string {
  const t = TEXT[language];
  if (row.channels.length === 0) return t.notDelivered;
  return row.channels
    .map((channel) => {
      const parts = [
        channel.deliveredAfterMinutes === undefined
          ? t.notDelivered
          : t.delivered(duration(channel.deliveredAfterMinutes, language)),
        ...(channel.failedAttempts > 0 ? [t.failed(channel.failedAttempts)] : []),
        ...(channel.abandoned ? [t.abandoned] : []),
      ];
      return `${channel.channel}: ${parts.join(', ')}`;
    })
    .join('; ');
}

interface Row {
  agency: string;
  side: string;
  outcome: string;
  after: string;
  by: string;
  channels: string;
  escalated: string;
}

function rowsOf(result: BlmResult, language: Language): Row[] {
  const t = TEXT[language];
  return result.recipients.map((row) => ({
    agency: agencyName(row.agency, language),
    side: sideName(row.side, language),
    outcome: t.outcomes[row.outcome],
    after: row.acknowledgedAfterMinutes === undefined ? '—' : duration(row.acknowledgedAfterMinutes, language),
    by: row.acknowledgedBy ?? '—',
    channels: channelsText(row, language),
    escalated: row.escalatedTiers.length > 0 ? row.escalatedTiers.join(', ') : '—',
  }));
}

const COLUMNS: (keyof Row)[] = ['agency', 'side', 'outcome', 'after', 'by', 'channels', 'escalated'];

function summaryText(result: BlmResult, language: Language): string {
  const median = result.summary.medianMinutes === undefined ? '' : duration(result.summary.medianMinutes, language);
  return TEXT[language].summary(result.summary, median);
}

function escalationText(escalation: EscalationResult, language: Language): string {
  const to = escalation.escalatedTo.map((a) => agencyName(a.agency, language)).join(', ');
  return TEXT[language].escalation(escalation.tier, duration(escalation.afterMinutes, language), to);
}

const cell = (text: string) => text.replace(/\|/g, '\\|').replace(/\n/g, ' ');

export function renderNotificationDrillMarkdown(evaluation: NotificationDrillEvaluation, language: Language): string {
  const t = TEXT[language];
  const lines = [`# ${t.title}: ${cell(textIn(evaluation.title, language))}`, '', `**${t.banner}**`, ''];
  if (!evaluation.ended) lines.push(`_${t.interim}_`, '');
  if (evaluation.results.length === 0) lines.push(t.none, '');
  for (const result of evaluation.results) {
    lines.push(`## ${cell(result.blmName[language])}`, '');
    lines.push(
      `${t.issued}: ${dateTime(result.issuedAt, evaluation.timeZone, language)} · ${t.deadline}: ${dateTime(result.deadline, evaluation.timeZone, language)}`,
      '',
      summaryText(result, language),
      '',
      `| ${COLUMNS.map((column) => t[column]).join(' | ')} |`,
      `|${COLUMNS.map(() => '---').join('|')}|`,
      ...rowsOf(result, language).map((row) => `| ${COLUMNS.map((column) => cell(row[column])).join(' | ')} |`),
      '',
    );
    if (result.escalations.length > 0) {
      lines.push(`### ${t.escalations}`, '', ...result.escalations.map((e) => `- ${escalationText(e, language)}`), '');
    }
  }
  return `${lines.join('\n')}\n`;
}

const STYLE = trusted(`body{font-family:system-ui,sans-serif;margin:2rem;color:#1b1b1b}
.banner{background:#b50909;color:#fff;font-weight:700;text-align:center;padding:.4rem;letter-spacing:.1em}
table{border-collapse:collapse;width:100%;margin:1rem 0}th,td{border:1px solid #999;padding:.3rem .5rem;text-align:left}
th{background:#eee}.never{background:#fde2e2}.late{background:#fff3cd}`);

export function renderNotificationDrillHtml(evaluation: NotificationDrillEvaluation, language: Language): string {
  const t = TEXT[language];
  const sections: SafeHtml[] = evaluation.results.map((result) => {
    const rows = rowsOf(result, language);
    return markup`<section><h2>${result.blmName[language]}</h2>
<p>${t.issued}: ${dateTime(result.issuedAt, evaluation.timeZone, language)} · ${t.deadline}: ${dateTime(result.deadline, evaluation.timeZone, language)}</p>
<p>${summaryText(result, language)}</p>
<table><thead><tr>${COLUMNS.map((column) => markup`<th scope="col">${t[column]}</th>`)}</tr></thead>
<tbody>${rows.map(
      (row, i) =>
        markup`<tr class="${result.recipients[i]!.outcome}">${COLUMNS.map((column) => markup`<td>${row[column]}</td>`)}</tr>`,
    )}</tbody></table>
${
  result.escalations.length > 0
    ? markup`<h3>${t.escalations}</h3><ul>${result.escalations.map((e) => markup`<li>${escalationText(e, language)}</li>`)}</ul>`
    : ''
}</section>`;
  });
  const title = `${t.title}: ${textIn(evaluation.title, language)}`;
  return `<!doctype html>\n${
    markup`<html lang="${LOCALES[language]}"><head><meta charset="utf-8"><title>${title}</title><style>${STYLE}</style></head>
<body><p class="banner">${t.banner}</p><h1>${title}</h1>${evaluation.ended ? '' : markup`<p><em>${t.interim}</em></p>`}
${evaluation.results.length === 0 ? markup`<p>${t.none}</p>` : sections}
<p class="banner">${t.banner}</p></body></html>`.markup
  }\n`;
}

export function renderNotificationDrillJson(evaluation: NotificationDrillEvaluation): string {
  return `${JSON.stringify(evaluation, null, 2)}\n`;
}
