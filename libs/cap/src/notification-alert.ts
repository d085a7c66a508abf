import {
  type BilingualText,
  type ExistingNotification,
  evolveNotification,
  initialNotificationState,
  LANGUAGES,
  type NotificationEvent,
  type NotificationEventType,
} from '@enlace/domain';
import { type RecordedEvent, occurredAt } from '@enlace/event-store';
import {
  CAP_LANGUAGES,
  type CapAlert,
  type CapArea,
  type CapCategory,
  type CapInfo,
  type CapMsgType,
  type CapOptions,
  type CapValuePair,
  checkSender,
  circle,
  EXERCISE_MARK,
  exerciseNote,
  referenceTriplet,
  renderCapAlert,
  statusOf,
  truncate,
  tryCapDateTime,
  versionOf,
} from './alert.js';
import { capSeverity, dedupe, instantText, withoutOther } from './common.js';
import { Localizer, senderNameFor } from './text.js';

export interface NotificationCapOptions extends CapOptions {
  /** The BLM's name in both languages (from the reference data); without it the BLM id is shown. */
  blmName?: BilingualText;
  /** The subject incident's area (see `incidentSubject`); without it the area is the BLM, with no geometry. */
  area?: CapArea;
  /** The subject incident's categories (see `incidentSubject`); without them `Safety`. */
  categories?: CapCategory[];
}

/**
 * The events that make a new alert version, and its msgType. Acknowledgments change nothing for the receivers of
 * the alert, so they make no new version (the export does not change when an agency acknowledges).
 */
const VERSION_MSG_TYPES: Partial<Record<NotificationEventType, CapMsgType>> = {
  BlmNotificationIssued: 'Alert',
  BlmNotificationUpdated: 'Update',
  BlmNotificationCancelled: 'Cancel',
};

export function notificationVersions(events: readonly RecordedEvent[]): RecordedEvent[] {
  return events.filter((event) => event.type in VERSION_MSG_TYPES);
}

/** The notification as of the given events. */
export function foldNotification(events: readonly RecordedEvent[]): ExistingNotification {
  const state = events.reduce(
    (current, event) =>
      evolveNotification(
        current,
        { type: event.type, data: event.data } as NotificationEvent,
        occurredAt(event.metadata),
      ),
    initialNotificationState(),
  );
  if (state.status === 'none') throw new Error('The events do not contain an issued notification');
  return state;
}

function describe(notification: ExistingNotification, blm: BilingualText, text: Localizer): string {
  const lines: string[] = [];
  if (notification.cancellation) {
    const reason = text.text('cancellation.reason', notification.cancellation.reason);
    lines.push(
      text.pick({
        en: `CANCELLED${reason ? `: ${reason}` : '.'}`,
        es: `CANCELADA${reason ? `: ${reason}` : '.'}`,
      }),
    );
  }
  const body = text.text('body', notification.body);
  if (body) lines.push(body);
  const by = `${notification.issuedBy.agency} (${notification.issuedBy.side})`;
  const to = text.pick({ en: blm.en ?? notification.blmId, es: blm.es ?? notification.blmId });
  lines.push(
    text.pick({
      en: `Issued by ${by} to the member agencies of the ${to}.`,
      es: `Emitida por ${by} a las agencias miembro del ${to}.`,
    }),
  );
  return lines.join('\n');
}

function parametersOf(notification: ExistingNotification): CapValuePair[] {
  const parameters: CapValuePair[] = [{ valueName: 'BorderLiaisonMechanism', value: notification.blmId }];
  const { portId, shutdownId } = notification.subject;
  if (portId) parameters.push({ valueName: 'PortOfEntry', value: portId });
  if (shutdownId) parameters.push({ valueName: 'PortShutdown', value: shutdownId });
  const deadline = tryCapDateTime(notification.acknowledgmentDeadline);
  if (deadline && notification.status === 'active') {
    parameters.push({ valueName: 'AcknowledgmentDeadline', value: deadline });
  }
  return parameters;
}

/**
 * The CAP 1.2 alert for a Border Liaison Mechanism notification stream, as of its latest version: `Alert` when
 * issued, `Update` after `BlmNotificationUpdated`, `Cancel` when cancelled; acknowledgments make no new version.
 * Update and Cancel reference every earlier version.
 */
export function notificationAlert(events: readonly RecordedEvent[], options: NotificationCapOptions): string {
  return renderCapAlert(buildNotificationAlert(events, options));
}

export function buildNotificationAlert(events: readonly RecordedEvent[], options: NotificationCapOptions): CapAlert {
  checkSender(options.sender);
  const versions = notificationVersions(events);
  const last = versions.at(-1);
  if (!last) throw new Error('A notification alert needs a BlmNotificationIssued event');
  const notification = foldNotification(events.slice(0, events.indexOf(last) + 1));
  const current = versionOf(last);
  const msgType = VERSION_MSG_TYPES[last.type as NotificationEventType] ?? 'Update';
  const status = statusOf(events);
  const exercise = status === 'Exercise';
  const cancelled = notification.status === 'cancelled';
  const blm: BilingualText = options.blmName ?? {};
  const { portId, shutdownId, incidentId } = notification.subject;
  const categories = withoutOther(
    dedupe<CapCategory>([
      ...(options.categories ?? ['Safety']),
      ...(portId || shutdownId ? ['Transport' as const] : []),
    ]),
  );
  const severe = notification.severity === 'severe' || notification.severity === 'extreme';

  const infos = LANGUAGES.map((language): CapInfo => {
    const text = new Localizer(language);
    const event = text.pick({
      en: 'Border Liaison Mechanism notification',
      es: 'Notificación del Mecanismo de Enlace Fronterizo',
    });
    const title = text.text('title', notification.title) ?? event;
    const prefixes = [
      exercise ? `${text.pick(EXERCISE_MARK)}: ` : '',
      cancelled ? text.pick({ en: 'Cancelled: ', es: 'Cancelada: ' }) : '',
    ].join('');
    const body = describe(notification, blm, text);
    const description = exercise ? `${text.pick(EXERCISE_MARK)}\n${body}\n${text.pick(EXERCISE_MARK)}` : body;
    const deadline = instantText(notification.acknowledgmentDeadline);
    const instruction = cancelled
      ? text.pick({
          en: 'This notification is cancelled: disregard it; no acknowledgment is needed.',
          es: 'Esta notificación fue cancelada: no la tome en cuenta; no se requiere acuse.',
        })
      : text.pick({
          en: `Acknowledge receipt in Enlace by ${deadline}.`,
          es: `Acuse recibo en Enlace antes de ${deadline}.`,
        });
    const blmName = text.pick({ en: blm.en ?? notification.blmId, es: blm.es ?? notification.blmId });
    const area = options.area;
    const areaDesc = (area && text.text('area.description', area.description)) ?? blmName;
    return {
      language: CAP_LANGUAGES[language],
      categories,
      event,
      responseTypes: cancelled ? ['None'] : ['Monitor'],
      urgency: cancelled ? 'Past' : severe ? 'Immediate' : 'Expected',
      severity: capSeverity(notification.severity),
      certainty: 'Observed',
      eventCodes: [],
      effective: current.sent,
      senderName: senderNameFor(text, options.senderName),
      headline: truncate(`${prefixes}${title}`),
      description,
      instruction,
      parameters: [...parametersOf(notification), ...text.missingTranslations()],
      areas: [{ areaDesc, circles: area ? [circle(area.lat, area.lon, area.radiusKm)] : [] }],
    };
  });

  const restrictedTo = {
    en: blm.en ?? notification.blmId,
    es: blm.es ?? notification.blmId,
  };
  return {
    identifier: current.identifier,
    sender: options.sender,
    sent: current.sent,
    status,
    msgType,
    source: `${notification.issuedBy.agency} (${notification.issuedBy.side})`,
    scope: 'Restricted',
    restriction:
      `Member agencies of the ${restrictedTo.en} and the Joint Response Team / ` +
      `Agencias miembro del ${restrictedTo.es} y Equipo Conjunto de Respuesta`,
    ...(exercise ? { note: exerciseNote(events, options) } : {}),
    references: versions.slice(0, -1).map((event) => referenceTriplet(options.sender, versionOf(event))),
    incidents: incidentId ? [incidentId] : [],
    infos,
  };
}
