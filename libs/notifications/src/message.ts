import { uuidFromName } from '@enlace/application';
import {
  type BilingualText,
  type BorderLiaisonMechanism,
  EXERCISE_MARK,
  type ExistingNotification,
  type Recipient,
  type Severity,
  withoutUnsafeCharacters,
} from '@enlace/domain';
import { createHmac } from 'node:crypto';
import type { EscalationTier } from './delivery-config.js';
import { deliveryJobId, type DeliveryTarget } from './jobs.js';

/** What a receiver gets, over any channel: the notification, or an escalation of it. Pure: no clock, no I/O. */
export interface DeliveryMessage {
  deliveryId: string;
  kind: 'notification' | 'escalation';
  to: { agency: string; side: Recipient['side'] };
  notification: {
    id: string;
    blm: { id: string; name: { en: string; es: string } | null };
    title: BilingualText;
    body: BilingualText;
    severity: Severity;
    acknowledgmentDeadline: string;
    subject: ExistingNotification['subject'];
    issuedBy: ExistingNotification['issuedBy'];
  };
  escalation?: { tier: number; name: Required<BilingualText>; pending: Recipient[]; deadline: string };
  /** Present only for a drill's message, whose title and body carry the EXERCISE marking too. */
  exercise?: { drillId: string };
}

/**
 * The api refuses bidirectional overrides and control characters in what officers type; a notification recorded
 * before that rule (or appended by another writer) loses them here, before any e-mail or webhook carries them.
 */
function safeText(text: BilingualText, multiline: boolean): BilingualText {
  const clean = (value: string | undefined) =>
    value === undefined ? undefined : withoutUnsafeCharacters(value, { multiline });
  const en = clean(text.en);
  const es = clean(text.es);
  return { ...(en !== undefined ? { en } : {}), ...(es !== undefined ? { es } : {}) };
}

/** The same id on every attempt of one message, so a receiver can drop a duplicate. */
export function deliveryIdOf(target: DeliveryTarget): string {
  return uuidFromName(`enlace-delivery\n${deliveryJobId(target)}`);
}

export function buildMessage(
  state: ExistingNotification,
  target: DeliveryTarget,
  blm: BorderLiaisonMechanism | undefined,
  tier: EscalationTier | undefined,
): DeliveryMessage {
  const escalation = target.tier === undefined ? undefined : state.escalations.find((e) => e.tier === target.tier);
  const drill = target.drillId;
  const title = safeText(state.title, false);
  const body = safeText(state.body, true);
  return {
    deliveryId: deliveryIdOf(target),
    kind: escalation ? 'escalation' : 'notification',
    to: { agency: target.agency, side: target.side },
    notification: {
      id: state.notificationId,
      blm: { id: state.blmId, name: blm?.name ?? null },
      title: drill === undefined ? title : marked(title, (mark, text) => `${mark}: ${text}`),
      body: drill === undefined ? body : marked(body, (mark, text) => `${mark}\n${text}\n${mark}`),
      severity: state.severity,
      acknowledgmentDeadline: state.acknowledgmentDeadline,
      subject: state.subject,
      issuedBy: state.issuedBy,
    },
    ...(escalation
      ? {
          escalation: {
            tier: escalation.tier,
            name: tier?.name ?? { en: `Tier ${escalation.tier}`, es: `Nivel ${escalation.tier}` },
            pending: escalation.pending,
            deadline: escalation.deadline,
          },
        }
      : {}),
    ...(drill === undefined ? {} : { exercise: { drillId: drill } }),
  };
}

/** A drill's text with the HSEEP marking in each language it has (and in both when a translation is pending). */
function marked(text: BilingualText, mark: (mark: string, text: string) => string): BilingualText {
  return {
    en: mark(EXERCISE_MARK.en, text.en ?? '(English translation pending)'),
    es: mark(EXERCISE_MARK.es, text.es ?? '(traducción al español pendiente)'),
  };
}

/** `sha256=<hex HMAC-SHA256 of "<timestamp>.<body>">`: the timestamp is signed too, so a replay cannot refresh it. */
export function webhookSignature(secret: string, timestamp: number, body: string): string {
  return `sha256=${createHmac('sha256', secret).update(`${timestamp}.${body}`).digest('hex')}`;
}

const en = (text: BilingualText): string => text.en ?? '(English translation pending)';
const es = (text: BilingualText): string => text.es ?? '(traducción al español pendiente)';

/** A bilingual e-mail: English first, then Spanish, in one plain-text body. */
export function emailContent(message: DeliveryMessage): { subject: string; text: string } {
  const { notification: n, escalation } = message;
  const blmEn = n.blm.name?.en ?? n.blm.id;
  const blmEs = n.blm.name?.es ?? n.blm.id;
  const prefixEn = escalation ? `[ESCALATION tier ${escalation.tier}] ` : '';
  const prefixEs = escalation ? `[ESCALAMIENTO nivel ${escalation.tier}] ` : '';
  const pending = escalation?.pending.map((p) => `${p.agency} (${p.side})`).join(', ') ?? '';
  const text = [
    `${prefixEn}${blmEn} — ${n.severity.toUpperCase()}`,
    en(n.title),
    '',
    en(n.body),
    '',
    `Acknowledge by ${n.acknowledgmentDeadline} in Enlace.`,
    ...(escalation
      ? [`${escalation.name.en}: no acknowledgment by ${escalation.deadline} from ${pending}. Please follow up.`]
      : []),
    '',
    '————',
    '',
    `${prefixEs}${blmEs} — ${n.severity.toUpperCase()}`,
    es(n.title),
    '',
    es(n.body),
    '',
    `Acuse recibo antes de ${n.acknowledgmentDeadline} en Enlace.`,
    ...(escalation
      ? [`${escalation.name.es}: sin acuse antes de ${escalation.deadline} de ${pending}. Favor de dar seguimiento.`]
      : []),
    '',
    `Notification / Notificación: ${n.id} · Delivery / Entrega: ${message.deliveryId}`,
  ].join('\n');
  return { subject: `${prefixEn}${en(n.title)} / ${prefixEs}${es(n.title)}`, text };
}
