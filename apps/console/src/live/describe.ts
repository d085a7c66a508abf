// One line per feed event, in the officer's language, for the activity list and the screen-reader announcements.
// (The api's activity log, GET /api/incidents/:id/timeline, has its own sentences; the feed carries raw events.)
import type { ConsoleEvent } from '@enlace/console-protocol';
import { type BilingualText, NATIONAL_CENTERS } from '../api/types';
import { pickText, type Lang } from '../i18n';

type Data = Record<string, unknown>;

/** How the line names a port (its name on the officer's side) and a BLM. */
export interface Names {
  port: (portId: string) => string;
}

const str = (value: unknown): string => (typeof value === 'string' || typeof value === 'number' ? String(value) : '');
const txt = (value: unknown, lang: Lang): string => pickText(value as BilingualText | undefined, lang).text;
const sideName = (side: unknown, lang: Lang): string =>
  side === 'MX'
    ? lang === 'es'
      ? 'México'
      : 'Mexico'
    : side === 'US'
      ? lang === 'es'
        ? 'EE. UU.'
        : 'U.S.'
      : str(side);
const otherSide = (side: unknown): string => (side === 'MX' ? 'US' : side === 'US' ? 'MX' : '');
const ownCenter = (side: unknown): string => (side === 'MX' || side === 'US' ? NATIONAL_CENTERS[side] : str(side));
/** Whom an escalation told: "U.S. Consulate General (co-chair) — DOS, U.S.; …". */
const addressees = (value: unknown, lang: Lang): string =>
  Array.isArray(value)
    ? value
        .map((entry) => {
          const { agency, side, name } = (entry ?? {}) as Data;
          const named = txt(name, lang);
          return `${named ? `${named} — ` : ''}${str(agency)}, ${sideName(side, lang)}`;
        })
        .join('; ')
    : '';
const ON_BEHALF: Record<string, { en: string; es: string }> = {
  phone: { en: 'by phone', es: 'por teléfono' },
  radio: { en: 'by radio', es: 'por radio' },
  'in-person': { en: 'in person', es: 'en persona' },
};
const count = (value: unknown): number => (Array.isArray(value) ? value.length : 0);
/** "1 lane", "3 lanes"; "1 carril", "3 carriles" (and "more": "1 more lane", "1 carril más"). */
const lanesEn = (value: unknown, more = false) =>
  `${count(value)} ${more ? 'more ' : ''}${count(value) === 1 ? 'lane' : 'lanes'}`;
const lanesEs = (value: unknown, more = false) =>
  `${count(value)} ${count(value) === 1 ? 'carril' : 'carriles'}${more ? ' más' : ''}`;

const LINES: Record<string, (d: Data, lang: Lang, names: Names, e: ConsoleEvent) => { en: string; es: string }> = {
  IncidentReported: (d, lang) => ({
    en: `Incident reported: ${txt(d.title, lang)}`,
    es: `Incidente reportado: ${txt(d.title, lang)}`,
  }),
  IncidentUpdated: () => ({ en: 'Incident updated', es: 'Incidente actualizado' }),
  ProtectiveActionOrdered: (d) => ({
    en: `${d.kind === 'evacuation' ? 'Evacuation' : 'Shelter in place'} ordered (${str(d.radiusMeters)} m)`,
    // Agreement: la evacuación ordenada, el resguardo en el lugar ordenado.
    es: `${d.kind === 'evacuation' ? 'Evacuación ordenada' : 'Resguardo en el lugar ordenado'} (${str(d.radiusMeters)} m)`,
  }),
  ProtectiveActionLifted: () => ({ en: 'Protective action lifted', es: 'Acción de protección levantada' }),
  SituationReportFiled: (d) => ({
    en: `Situation report ${str(d.number)} filed`,
    es: `Reporte de situación ${str(d.number)} presentado`,
  }),
  // `side` is the side that recorded the step; `center` the centre notified (its own, or the other country's).
  NationalCenterNotified: (d) => ({
    en: `${sideName(d.side, 'en')} notified its national centre, ${str(d.center)}`,
    es: `${sideName(d.side, 'es')} notificó a su centro nacional, ${str(d.center)}`,
  }),
  CounterpartCenterNotified: (d) => ({
    en: `${ownCenter(d.side)} (${sideName(d.side, 'en')}) notified ${str(d.center)} (${sideName(otherSide(d.side), 'en')})`,
    es: `El ${ownCenter(d.side)} (${sideName(d.side, 'es')}) notificó al ${str(d.center)} (${sideName(otherSide(d.side), 'es')})`,
  }),
  JointResponseTeamActivated: () => ({
    en: 'Joint Response Team activated',
    es: 'Equipo Conjunto de Respuesta activado',
  }),
  JointResponseTeamStandDownAgreed: (d) => ({
    en: `${d.side === 'MX' ? 'Mexico' : 'U.S.'} agreed to stand the Joint Response Team down`,
    es: `${d.side === 'MX' ? 'México' : 'EE. UU.'} acordó desactivar el Equipo Conjunto de Respuesta`,
  }),
  JointResponseTeamDeactivated: () => ({
    en: 'Joint Response Team deactivated',
    es: 'Equipo Conjunto de Respuesta desactivado',
  }),
  OnSceneCoordinatorAssigned: (d) => ({
    en: `On-scene coordinator assigned: ${str(d.name)}`,
    es: `Coordinador en escena asignado: ${str(d.name)}`,
  }),
  IncidentTextTranslated: () => ({ en: 'Translation added', es: 'Traducción agregada' }),
  IncidentClosed: () => ({ en: 'Incident closed', es: 'Incidente cerrado' }),
  PortShutdownDeclared: (d, _lang, names) => ({
    en: `${d.scope === 'full' ? 'Full' : 'Partial'} shutdown declared at ${names.port(str(d.portId))} (${lanesEn(d.lanes)})`,
    es: `Cierre ${d.scope === 'full' ? 'total' : 'parcial'} declarado en ${names.port(str(d.portId))} (${lanesEs(d.lanes)})`,
  }),
  PortShutdownWidened: (d, _lang, names) => ({
    en: `${d.side === 'MX' ? 'Mexico' : 'U.S.'} widened the shutdown of ${names.port(str(d.portId))} (${lanesEn(d.lanes, true)})`,
    es: `${d.side === 'MX' ? 'México' : 'EE. UU.'} amplió el cierre de ${names.port(str(d.portId))} (${lanesEs(d.lanes, true)})`,
  }),
  PortShutdownJoined: (d, _lang, names) => ({
    en: `${d.side === 'MX' ? 'Mexico' : 'U.S.'} joined the shutdown of ${names.port(str(d.portId))} (${lanesEn(d.lanes)})`,
    es: `${d.side === 'MX' ? 'México' : 'EE. UU.'} se sumó al cierre de ${names.port(str(d.portId))} (${lanesEs(d.lanes)})`,
  }),
  ChecklistItemReopened: (d, lang, names) => ({
    en: `Checklist item reopened at ${names.port(str(d.portId))}: ${txt(d.reason, lang)}`,
    es: `Elemento de la lista reabierto en ${names.port(str(d.portId))}: ${txt(d.reason, lang)}`,
  }),
  ChecklistItemAdded: (d, lang, names) => ({
    en: `Checklist item added at ${names.port(str(d.portId))}: ${txt((d.item as Data | undefined)?.text, lang)}`,
    es: `Elemento agregado a la lista en ${names.port(str(d.portId))}: ${txt((d.item as Data | undefined)?.text, lang)}`,
  }),
  ResumptionSignOffWithdrawn: (d, _lang, names) => ({
    en: `${d.side === 'MX' ? 'Mexico' : 'U.S.'} sign-off at ${names.port(str(d.portId))} withdrawn: to be renewed`,
    es: `Firma de ${d.side === 'MX' ? 'México' : 'EE. UU.'} en ${names.port(str(d.portId))} retirada: por renovar`,
  }),
  ChecklistItemCompleted: (d, _lang, names) => ({
    en: `Checklist item completed at ${names.port(str(d.portId))} by ${str(d.agency)}`,
    es: `Elemento de la lista completado en ${names.port(str(d.portId))} por ${str(d.agency)}`,
  }),
  ChecklistItemWaived: (d, _lang, names) => ({
    en: `Checklist item waived at ${names.port(str(d.portId))} by ${str(d.agency)}`,
    es: `Elemento de la lista dispensado en ${names.port(str(d.portId))} por ${str(d.agency)}`,
  }),
  ResumptionSignedOff: (d, _lang, names) => ({
    en: `${d.side === 'MX' ? 'Mexico' : 'U.S.'} signed off the resumption of ${names.port(str(d.portId))}`,
    es: `${d.side === 'MX' ? 'México' : 'EE. UU.'} firmó la reanudación de ${names.port(str(d.portId))}`,
  }),
  PortLanesReopened: (d, _lang, names) => ({
    en: `${names.port(str(d.portId))}: reopening phase ${str(d.phase)} (${lanesEn(d.lanes)})`,
    es: `${names.port(str(d.portId))}: fase de reapertura ${str(d.phase)} (${lanesEs(d.lanes)})`,
  }),
  PortReopened: (d, _lang, names) => ({
    en: `${names.port(str(d.portId))} fully reopened`,
    es: `${names.port(str(d.portId))} reabierto por completo`,
  }),
  DrillPlanned: () => ({ en: 'Drill planned', es: 'Ejercicio planeado' }),
  DrillParticipantJoined: (d) => ({
    en: `${str((d.participant as Data | undefined)?.username)} joined the drill`,
    es: `${str((d.participant as Data | undefined)?.username)} se unió al ejercicio`,
  }),
  DrillClockStarted: (d) => ({
    en: `Drill started at ${str(d.rate)}× time`,
    es: `Ejercicio iniciado a ${str(d.rate)}× de tiempo`,
  }),
  DrillClockPaused: () => ({ en: 'Drill paused', es: 'Ejercicio en pausa' }),
  DrillClockResumed: () => ({ en: 'Drill resumed', es: 'Ejercicio reanudado' }),
  DrillClockRateChanged: (d) => ({
    en: `Drill time now runs at ${str(d.rate)}×`,
    es: `El tiempo del ejercicio corre ahora a ${str(d.rate)}×`,
  }),
  DrillInjectReleased: (d) => ({
    en: `Inject ${str(d.injectId)} released`,
    es: `Inyección ${str(d.injectId)} liberada`,
  }),
  DrillHalted: (d, lang) => ({
    en: `DRILL HALTED: real-world emergency. ${txt(d.reason, lang)}`,
    es: `EJERCICIO DETENIDO: emergencia real. ${txt(d.reason, lang)}`,
  }),
  DrillEnded: () => ({ en: 'Drill ended', es: 'Ejercicio terminado' }),
  DrillObservationRecorded: () => ({
    en: 'Evaluator observation recorded',
    es: 'Observación del evaluador registrada',
  }),
  DrillImprovementItemEdited: (d) => ({
    en: `Improvement item ${str(d.itemId)} edited`,
    es: `Elemento de mejora ${str(d.itemId)} editado`,
  }),
  BlmNotificationIssued: (d, lang) => ({
    en: `BLM notification issued: ${txt(d.title, lang)}`,
    es: `Notificación al MEF emitida: ${txt(d.title, lang)}`,
  }),
  BlmNotificationUpdated: () => ({ en: 'BLM notification updated', es: 'Notificación al MEF actualizada' }),
  BlmNotificationAcknowledged: (d) => ({
    en: `${str(d.agency)} acknowledged a BLM notification`,
    es: `${str(d.agency)} acusó recibo de una notificación al MEF`,
  }),
  BlmNotificationAcknowledgedOnBehalf: (d) => ({
    en: `${str(d.agency)} acknowledged a BLM notification ${ON_BEHALF[str(d.channel)]?.en ?? str(d.channel)} (recorded on its behalf)`,
    es: `${str(d.agency)} acusó recibo de una notificación al MEF ${ON_BEHALF[str(d.channel)]?.es ?? str(d.channel)} (registrado a su nombre)`,
  }),
  BlmNotificationCancelled: () => ({ en: 'BLM notification cancelled', es: 'Notificación al MEF cancelada' }),
  BlmNotificationDelivered: (d) => ({
    en: `BLM notification delivered to ${str(d.agency)} (${str(d.channel)})`,
    es: `Notificación al MEF entregada a ${str(d.agency)} (${str(d.channel)})`,
  }),
  BlmNotificationDeliveryFailed: (d) => ({
    en: `Delivery to ${str(d.agency)} failed (${str(d.channel)})`,
    es: `Falló la entrega a ${str(d.agency)} (${str(d.channel)})`,
  }),
  BlmNotificationDeliveryAbandoned: (d) => ({
    en: `Gave up delivering to ${str(d.agency)} (${str(d.channel)})`,
    es: `Se abandonó la entrega a ${str(d.agency)} (${str(d.channel)})`,
  }),
  BlmNotificationEscalated: (d, lang) => ({
    en: `Not acknowledged in time: escalated to tier ${str(d.tier)}, ${addressees(d.escalatedTo, lang)}`,
    es: `Sin acuse a tiempo: escalada al nivel ${str(d.tier)}, ${addressees(d.escalatedTo, lang)}`,
  }),
};

export function describeEvent(event: ConsoleEvent, lang: Lang, names: Names): string {
  const line = LINES[event.type];
  return line ? line(event.data, lang, names, event)[lang] : event.type;
}

/** One attempt to deliver a message: bookkeeping that the notification's card shows per recipient. */
export function isDeliveryAttempt(event: Pick<ConsoleEvent, 'type'>): boolean {
  return event.type.startsWith('BlmNotificationDeliver');
}

/** Events an officer should hear about as they happen (deliveries are bookkeeping: on the card, not announced). */
export function isAnnounced(event: ConsoleEvent): boolean {
  return !isDeliveryAttempt(event);
}

/**
 * What the recent activity lists: everything but delivery attempts (one notification to unreachable endpoints makes
 * dozens; the notification's card shows each recipient's delivery state instead), newest first by position.
 */
export function activityOf(events: readonly ConsoleEvent[]): ConsoleEvent[] {
  return events
    .filter((event) => !isDeliveryAttempt(event))
    .sort((a, b) => (a.position < b.position ? 1 : a.position > b.position ? -1 : 0));
}
