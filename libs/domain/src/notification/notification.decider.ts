import { deciderOf, streamIdOf } from '../shared/aggregate.js';
import { requireOfficer } from '../shared/officer.js';
import { assertNever, type DecisionContext, type Decider } from '../shared/decider.js';
import { broken, forbidden, notFound } from '../shared/domain-error.js';
import { countryName, ofTheSide, type Side } from '../shared/side.js';
import { LANGUAGES, type BilingualText, type Language } from '../shared/text.js';
import {
  ON_BEHALF_CHANNELS,
  type Addressee,
  type BlmNotice,
  type DeliveryChannel,
  type Issuer,
  type NoticeChanges,
  type NotificationEvent,
  type OnBehalfChannel,
  type Recipient,
  type RecordedBy,
} from './notification.events.js';

export interface Acknowledgment extends Recipient {
  /** Who acknowledged: the agency's own officer, or (on behalf) the officer who recorded it. */
  officer: string;
  /** When the agency acknowledged (on behalf: when it happened, not when it was recorded). */
  at: string;
  readIn?: Language;
  /** Set when the agency acknowledged outside Enlace and an officer recorded it. */
  onBehalf?: { channel: OnBehalfChannel; recordedBy: RecordedBy; recordedAt: string };
}

/** The last known outcome of delivering to one addressee over one channel. */
export interface Delivery {
  agency: string;
  side: Side;
  channel: DeliveryChannel;
  status: 'delivered' | 'failed' | 'abandoned';
  attempts: number;
  at: string;
  reason?: string;
  nextAttemptAt?: string | null;
  /** The escalation tier this delivery carried; absent for the notification itself. */
  tier?: number;
}

export interface Escalation {
  tier: number;
  escalatedTo: Addressee[];
  pending: Recipient[];
  deadline: string;
  at: string;
}

/**
 * One message to one addressee over one channel. An escalation is a message of its own (tier N), so an agency that
 * got the notification (a co-chair is often both a member and the first tier) is still told of the escalation.
 */
export const deliveryKey = (agency: string, side: Side, channel: DeliveryChannel, tier?: number): string =>
  tier === undefined ? `${side}:${agency}:${channel}` : `${side}:${agency}:${channel}:tier-${tier}`;

export type NotificationState =
  | { status: 'none' }
  | (BlmNotice & {
      status: 'active' | 'cancelled';
      recipients: Recipient[];
      acknowledgments: Acknowledgment[];
      issuedBy: Issuer;
      issuedAt: string;
      updatedAt: string;
      cancellation?: { reason: BilingualText; at: string };
      /** By `deliveryKey`. */
      deliveries: Record<string, Delivery>;
      escalations: Escalation[];
    });

export type ExistingNotification = Exclude<NotificationState, { status: 'none' }>;

export type NotificationCommand =
  | { type: 'IssueBlmNotification'; data: BlmNotice }
  | { type: 'UpdateBlmNotification'; data: NoticeChanges }
  | { type: 'AcknowledgeBlmNotification'; data: { readIn?: Language } }
  /** An officer records that an agency (without an account) acknowledged by phone, radio or in person at `acknowledgedAt`. */
  | {
      type: 'RecordAcknowledgmentOnBehalf';
      data: { agency: string; side: Side; channel: OnBehalfChannel; acknowledgedAt: string };
    }
  | { type: 'CancelBlmNotification'; data: { reason: BilingualText } }
  /** System: the outcome of one delivery attempt (the worker). */
  | {
      type: 'RecordDeliveryOutcome';
      data: {
        agency: string;
        side: Side;
        channel: DeliveryChannel;
        attempt: number;
        outcome: 'delivered' | 'failed' | 'abandoned';
        reason?: string;
        nextAttemptAt?: string | null;
        /** The escalation tier delivered; omitted for the notification itself. */
        tier?: number;
      };
    }
  /** System: the acknowledgment deadline passed with recipients pending; tell the next tier of the chain. */
  | { type: 'EscalateBlmNotification'; data: { tier: number; escalateTo: Addressee[] } };

export const initialNotificationState = (): NotificationState => ({ status: 'none' });

export function evolveNotification(
  state: NotificationState,
  event: NotificationEvent,
  recordedAt = '',
): NotificationState {
  if (event.type === 'BlmNotificationIssued') {
    return {
      ...event.data,
      status: 'active',
      acknowledgments: [],
      issuedAt: recordedAt,
      updatedAt: recordedAt,
      deliveries: {},
      escalations: [],
    };
  }
  if (state.status === 'none') return state;
  switch (event.type) {
    case 'BlmNotificationUpdated': {
      const { notificationId: _notificationId, ...changes } = event.data;
      return { ...state, ...changes, updatedAt: recordedAt };
    }
    case 'BlmNotificationAcknowledged': {
      const { notificationId: _notificationId, ...acknowledgment } = event.data;
      return {
        ...state,
        acknowledgments: [...state.acknowledgments, { ...acknowledgment, at: recordedAt }],
        updatedAt: recordedAt,
      };
    }
    case 'BlmNotificationAcknowledgedOnBehalf': {
      const { agency, side, channel, acknowledgedAt, recordedBy } = event.data;
      const acknowledgment: Acknowledgment = {
        agency,
        side,
        officer: recordedBy.officer,
        at: acknowledgedAt,
        onBehalf: { channel, recordedBy, recordedAt },
      };
      return { ...state, acknowledgments: [...state.acknowledgments, acknowledgment], updatedAt: recordedAt };
    }
    case 'BlmNotificationCancelled':
      return {
        ...state,
        status: 'cancelled',
        cancellation: { reason: event.data.reason, at: recordedAt },
        updatedAt: recordedAt,
      };
    case 'BlmNotificationDelivered':
    case 'BlmNotificationDeliveryFailed':
    case 'BlmNotificationDeliveryAbandoned': {
      const { agency, side, channel, tier } = event.data;
      const which = { agency, side, channel, ...(tier === undefined ? {} : { tier }) };
      const delivery: Delivery =
        event.type === 'BlmNotificationDelivered'
          ? { ...which, status: 'delivered', attempts: event.data.attempt, at: recordedAt }
          : event.type === 'BlmNotificationDeliveryFailed'
            ? {
                ...which,
                status: 'failed',
                attempts: event.data.attempt,
                at: recordedAt,
                reason: event.data.reason,
                nextAttemptAt: event.data.nextAttemptAt,
              }
            : {
                ...which,
                status: 'abandoned',
                attempts: event.data.attempts,
                at: recordedAt,
                reason: event.data.reason,
              };
      return { ...state, deliveries: { ...state.deliveries, [deliveryKey(agency, side, channel, tier)]: delivery } };
    }
    case 'BlmNotificationEscalated': {
      const { notificationId: _notificationId, ...escalation } = event.data;
      return { ...state, escalations: [...state.escalations, { ...escalation, at: recordedAt }] };
    }
    default:
      return assertNever(event);
  }
}

/** The agency that issued the notification: a member of its BLM, but it wrote the notice and owes no acknowledgment. */
export function isIssuingAgency(state: Pick<ExistingNotification, 'issuedBy'>, recipient: Recipient): boolean {
  return state.issuedBy.agency === recipient.agency && state.issuedBy.side === recipient.side;
}

/** Recipients that have not acknowledged yet (never the issuing agency). */
export function pendingRecipients(state: ExistingNotification): Recipient[] {
  return state.recipients.filter(
    (recipient) =>
      !isIssuingAgency(state, recipient) &&
      !state.acknowledgments.some((ack) => ack.agency === recipient.agency && ack.side === recipient.side),
  );
}

function requireActive(state: NotificationState): ExistingNotification {
  if (state.status === 'none') {
    throw notFound('NOTIFICATION.NOT_FOUND', 'Notification not found', 'Notificación no encontrada');
  }
  if (state.status === 'cancelled') {
    throw broken('NOTIFICATION.CANCELLED', 'The notification was cancelled', 'La notificación fue cancelada', {
      notificationId: state.notificationId,
    });
  }
  return state;
}

function requireFutureDeadline(deadline: string, context: DecisionContext): void {
  if (!(Date.parse(deadline) > Date.parse(context.now))) {
    throw broken(
      'NOTIFICATION.DEADLINE_PASSED',
      'The acknowledgment deadline must be a valid time in the future',
      'El plazo de acuse debe ser una hora válida en el futuro',
      { acknowledgmentDeadline: deadline, now: context.now },
    );
  }
}

export function decideNotification(
  command: NotificationCommand,
  state: NotificationState,
  context: DecisionContext,
): NotificationEvent[] {
  if (command.type === 'RecordDeliveryOutcome' || command.type === 'EscalateBlmNotification') {
    return decideAsSystem(command, state, context);
  }
  const side = requireOfficer(context);
  const { actor } = context;
  if (command.type === 'IssueBlmNotification') {
    if (state.status !== 'none') {
      throw broken(
        'NOTIFICATION.ALREADY_ISSUED',
        'This notification was already issued',
        'Esta notificación ya fue emitida',
      );
    }
    const blm = context.reference.blm(command.data.blmId);
    if (!blm) {
      throw broken(
        'NOTIFICATION.UNKNOWN_BLM',
        `Unknown Border Liaison Mechanism: ${command.data.blmId}`,
        `Mecanismo de Enlace Fronterizo desconocido: ${command.data.blmId}`,
        { blmId: command.data.blmId },
      );
    }
    const { portId } = command.data.subject;
    if (portId !== undefined && !context.reference.port(portId)) {
      throw broken(
        'NOTIFICATION.UNKNOWN_PORT',
        `Unknown port of entry: ${portId}`,
        `Puerto de entrada desconocido: ${portId}`,
        { portId },
      );
    }
    requireFutureDeadline(command.data.acknowledgmentDeadline, context);
    return [
      {
        type: 'BlmNotificationIssued',
        data: {
          ...command.data,
          recipients: blm.members.map(({ agency, side: memberSide }) => ({ agency, side: memberSide })),
          issuedBy: { side, agency: actor.agency, officer: actor.id },
        },
      },
    ];
  }

  const notification = requireActive(state);
  const { notificationId } = notification;
  if (
    (command.type === 'UpdateBlmNotification' || command.type === 'CancelBlmNotification') &&
    side !== notification.issuedBy.side
  ) {
    throw forbidden(
      'AUTH.WRONG_SIDE',
      `Only the issuing side (${countryName(notification.issuedBy.side, 'en')}) may change or cancel this notification`,
      `Solo el lado emisor (${countryName(notification.issuedBy.side, 'es')}) puede modificar o cancelar esta notificación`,
      { issuingSide: notification.issuedBy.side, actorSide: side },
    );
  }
  switch (command.type) {
    case 'UpdateBlmNotification': {
      const changes = Object.fromEntries(Object.entries(command.data).filter(([, value]) => value !== undefined));
      if (Object.keys(changes).length === 0) {
        throw broken('NOTIFICATION.NOTHING_TO_UPDATE', 'The update changes nothing', 'La actualización no cambia nada');
      }
      if (command.data.acknowledgmentDeadline !== undefined) {
        requireFutureDeadline(command.data.acknowledgmentDeadline, context);
      }
      return [{ type: 'BlmNotificationUpdated', data: { notificationId, ...changes } }];
    }
    case 'AcknowledgeBlmNotification': {
      const { readIn } = command.data;
      if (readIn !== undefined && !LANGUAGES.includes(readIn)) {
        throw broken(
          'NOTIFICATION.UNKNOWN_LANGUAGE',
          `readIn must be one of ${LANGUAGES.join(', ')}`,
          `readIn debe ser uno de ${LANGUAGES.join(', ')}`,
          { readIn },
        );
      }
      const isRecipient = notification.recipients.some(
        (recipient) => recipient.agency === actor.agency && recipient.side === side,
      );
      if (!isRecipient) {
        throw forbidden(
          'NOTIFICATION.NOT_A_RECIPIENT',
          `${actor.agency} (${countryName(side, 'en')}) is not a recipient of this notification`,
          `${actor.agency} (${countryName(side, 'es')}) no es destinatario de esta notificación`,
          { agency: actor.agency, side },
        );
      }
      const previous = notification.acknowledgments.find((ack) => ack.agency === actor.agency && ack.side === side);
      if (previous) {
        throw broken(
          'NOTIFICATION.ALREADY_ACKNOWLEDGED',
          `${actor.agency} (${countryName(side, 'en')}) already acknowledged`,
          `${actor.agency} (${countryName(side, 'es')}) ya acusó recibo`,
          { acknowledgment: previous },
        );
      }
      return [
        {
          type: 'BlmNotificationAcknowledged',
          data: {
            notificationId,
            agency: actor.agency,
            side,
            officer: actor.id,
            ...(command.data.readIn ? { readIn: command.data.readIn } : {}),
          },
        },
      ];
    }
    case 'RecordAcknowledgmentOnBehalf':
      return decideOnBehalf(command.data, notification, context, side);
    case 'CancelBlmNotification':
      return [{ type: 'BlmNotificationCancelled', data: { notificationId, reason: command.data.reason } }];
    default:
      return assertNever(command);
  }
}

/**
 * An agency without an account acknowledged outside Enlace and an officer of its side records it: only for a recipient
 * still pending, at a time between the issue and now.
 */
function decideOnBehalf(
  data: Extract<NotificationCommand, { type: 'RecordAcknowledgmentOnBehalf' }>['data'],
  notification: ExistingNotification,
  context: DecisionContext,
  side: Side,
): NotificationEvent[] {
  const { agency, channel, acknowledgedAt } = data;
  const { actor } = context;
  const recipient = { agency, side: data.side };
  if (!ON_BEHALF_CHANNELS.includes(channel)) {
    throw broken(
      'NOTIFICATION.UNKNOWN_CHANNEL',
      `channel must be one of ${ON_BEHALF_CHANNELS.join(', ')}`,
      `channel debe ser uno de ${ON_BEHALF_CHANNELS.join(', ')}`,
      { channel },
    );
  }
  if (data.side !== side) {
    throw forbidden(
      'AUTH.WRONG_SIDE',
      `Only an officer ${ofTheSide(data.side, 'en')} may record ${agency}'s acknowledgment`,
      `Solo un oficial ${ofTheSide(data.side, 'es')} puede registrar el acuse de ${agency}`,
      { recipientSide: data.side, actorSide: side },
    );
  }
  if (agency === actor.agency) {
    throw broken(
      'NOTIFICATION.ACKNOWLEDGE_YOURSELF',
      `${agency} is your own agency: acknowledge the notification yourself`,
      `${agency} es su propia dependencia: acuse recibo usted mismo`,
      { agency },
    );
  }
  if (!notification.recipients.some((r) => r.agency === agency && r.side === data.side)) {
    throw broken(
      'NOTIFICATION.NOT_A_RECIPIENT',
      `${agency} (${data.side}) is not a recipient of this notification`,
      `${agency} (${data.side}) no es destinatario de esta notificación`,
      { agency, side: data.side },
    );
  }
  if (isIssuingAgency(notification, recipient)) {
    throw broken(
      'NOTIFICATION.ISSUER_NEEDS_NO_ACKNOWLEDGMENT',
      `${agency} issued this notification: it has nothing to acknowledge`,
      `${agency} emitió esta notificación: no tiene nada que acusar`,
      { agency, side: data.side },
    );
  }
  const previous = notification.acknowledgments.find((ack) => ack.agency === agency && ack.side === data.side);
  if (previous) {
    throw broken(
      'NOTIFICATION.ALREADY_ACKNOWLEDGED',
      `${agency} (${data.side}) already acknowledged`,
      `${agency} (${data.side}) ya acusó recibo`,
      { acknowledgment: previous },
    );
  }
  const at = Date.parse(acknowledgedAt);
  if (Number.isNaN(at) || at > Date.parse(context.now)) {
    throw broken(
      'NOTIFICATION.ACKNOWLEDGED_IN_FUTURE',
      'acknowledgedAt must be a valid time, not in the future',
      'acknowledgedAt debe ser una hora válida, no en el futuro',
      { acknowledgedAt, now: context.now },
    );
  }
  if (notification.issuedAt && at < Date.parse(notification.issuedAt)) {
    throw broken(
      'NOTIFICATION.ACKNOWLEDGED_BEFORE_ISSUED',
      'acknowledgedAt cannot be before the notification was issued',
      'acknowledgedAt no puede ser anterior a la emisión de la notificación',
      { acknowledgedAt, issuedAt: notification.issuedAt },
    );
  }
  return [
    {
      type: 'BlmNotificationAcknowledgedOnBehalf',
      data: {
        notificationId: notification.notificationId,
        agency,
        side: data.side,
        channel,
        acknowledgedAt: new Date(at).toISOString(),
        recordedBy: { side, agency: actor.agency, officer: actor.id },
      },
    },
  ];
}

type SystemCommand = Extract<NotificationCommand, { type: 'RecordDeliveryOutcome' | 'EscalateBlmNotification' }>;

/**
 * The worker's facts: delivery outcomes and escalations. Repeats decide nothing (a retried job, a deadline job run
 * twice), so the worker can be at-least-once and the record exactly-once.
 */
function decideAsSystem(
  command: SystemCommand,
  state: NotificationState,
  context: DecisionContext,
): NotificationEvent[] {
  if (context.actor.role !== 'system') {
    throw forbidden(
      'AUTH.ROLE',
      'Only Enlace itself records deliveries and escalations',
      'Solo Enlace registra entregas y escalamientos',
    );
  }
  if (state.status === 'none') {
    throw notFound('NOTIFICATION.NOT_FOUND', 'Notification not found', 'Notificación no encontrada');
  }
  const { notificationId } = state;
  switch (command.type) {
    case 'RecordDeliveryOutcome': {
      const { agency, side, channel, attempt, outcome, tier } = command.data;
      const escalatedTo = (e: Escalation): boolean => e.escalatedTo.some((a) => a.agency === agency && a.side === side);
      const addressed =
        tier === undefined
          ? state.recipients.some((r) => r.agency === agency && r.side === side) || state.escalations.some(escalatedTo)
          : state.escalations.some((e) => e.tier === tier && escalatedTo(e));
      if (!addressed) {
        throw broken(
          'NOTIFICATION.NOT_ADDRESSED',
          `${agency} (${countryName(side, 'en')}) was not sent this notification`,
          `${agency} (${countryName(side, 'es')}) no recibió esta notificación`,
          { agency, side, ...(tier === undefined ? {} : { tier }) },
        );
      }
      const previous = state.deliveries[deliveryKey(agency, side, channel, tier)];
      if (previous?.status === 'delivered' || previous?.status === 'abandoned') return [];
      if (previous && attempt <= previous.attempts) return [];
      const reason = command.data.reason ?? 'unknown';
      const ofTier = tier === undefined ? {} : { tier };
      if (outcome === 'delivered') {
        return [
          { type: 'BlmNotificationDelivered', data: { notificationId, agency, side, channel, attempt, ...ofTier } },
        ];
      }
      if (outcome === 'failed') {
        return [
          {
            type: 'BlmNotificationDeliveryFailed',
            data: {
              notificationId,
              agency,
              side,
              channel,
              attempt,
              reason,
              nextAttemptAt: command.data.nextAttemptAt ?? null,
              ...ofTier,
            },
          },
        ];
      }
      return [
        {
          type: 'BlmNotificationDeliveryAbandoned',
          data: { notificationId, agency, side, channel, attempts: attempt, reason, ...ofTier },
        },
      ];
    }
    case 'EscalateBlmNotification': {
      const pending = pendingRecipients(state);
      const done = state.escalations.some((escalation) => escalation.tier >= command.data.tier);
      const due = Date.parse(state.acknowledgmentDeadline) <= Date.parse(context.now);
      if (state.status === 'cancelled' || pending.length === 0 || done || !due) return [];
      // Tiers are told in order, each once: a later tier recorded first would count an earlier one as done (its
      // `done` check), and that tier's addressees would never be told.
      const earlier = command.data.tier - 1;
      if (earlier >= 1 && !state.escalations.some((escalation) => escalation.tier === earlier)) {
        throw broken(
          'NOTIFICATION.ESCALATION_OUT_OF_ORDER',
          `Escalation tier ${command.data.tier} cannot come before tier ${earlier}`,
          `El escalamiento de nivel ${command.data.tier} no puede preceder al de nivel ${earlier}`,
          { tier: command.data.tier, missingTier: earlier },
        );
      }
      return [
        {
          type: 'BlmNotificationEscalated',
          data: {
            notificationId,
            tier: command.data.tier,
            escalatedTo: command.data.escalateTo,
            pending,
            deadline: state.acknowledgmentDeadline,
          },
        },
      ];
    }
    default:
      return assertNever(command);
  }
}

export const notificationDecider: Decider<NotificationState, NotificationCommand, NotificationEvent> = deciderOf(
  'notification',
  {
    initialState: initialNotificationState,
    evolve: evolveNotification,
    decide: decideNotification,
  },
);

export const notificationStreamId = streamIdOf('notification');
