import { occurredAt } from '@enlace/event-store';
import type { BilingualText } from '@enlace/domain';
import type { DecodedEvent } from '@enlace/consumers';
import type { Projection } from './projection.js';
import type { ActivityEntry } from './read-model.types.js';

type Data = Record<string, unknown>;

function text(value: unknown): string {
  const bilingual = value as BilingualText | undefined;
  return bilingual?.en ?? bilingual?.es ?? '';
}

function texto(value: unknown): string {
  const bilingual = value as BilingualText | undefined;
  return bilingual?.es ?? bilingual?.en ?? '';
}

type Words = Record<string, { en: string; es: string }>;

const SEVERITY: Words = {
  minor: { en: 'minor', es: 'menor' },
  moderate: { en: 'moderate', es: 'moderada' },
  severe: { en: 'severe', es: 'grave' },
  extreme: { en: 'extreme', es: 'extrema' },
};
const SIDE: Words = { US: { en: 'U.S.', es: 'EE. UU.' }, MX: { en: 'Mexico', es: 'México' } };
const MODE: Words = {
  passenger: { en: 'passenger vehicles', es: 'vehículos de pasajeros' },
  pedestrian: { en: 'pedestrians', es: 'peatones' },
  commercial: { en: 'commercial', es: 'carga' },
  rail: { en: 'rail', es: 'ferrocarril' },
  sentri: { en: 'SENTRI', es: 'SENTRI' },
  fast: { en: 'FAST', es: 'FAST' },
  ready: { en: 'Ready Lane', es: 'Carril Ready' },
};
const ON_BEHALF_CHANNEL: Words = {
  phone: { en: 'by phone', es: 'por teléfono' },
  radio: { en: 'by radio', es: 'por radio' },
  'in-person': { en: 'in person', es: 'en persona' },
};
const DIRECTION: Words = {
  northbound: { en: 'northbound', es: 'hacia el norte' },
  southbound: { en: 'southbound', es: 'hacia el sur' },
};

function word(words: Words, value: unknown, language: 'en' | 'es'): string {
  return words[String(value)]?.[language] ?? String(value);
}

/** `passenger:northbound, …` as words: "passenger vehicles northbound, …". */
function lanes(value: unknown, language: 'en' | 'es'): string {
  if (!Array.isArray(value)) return '';
  return value
    .map((lane) => {
      const [mode, direction] = String(lane).split(':');
      return `${word(MODE, mode, language)} ${word(DIRECTION, direction, language)}`;
    })
    .join(', ');
}

/** `, report number 1380012` (NRC) or `, folio 1380012` (CENACOM), when the centre gave one. */
function reportNumber(data: Data, language: 'en' | 'es'): string {
  if (typeof data.reportNumber !== 'string') return '';
  const label = data.center === 'CENACOM' ? 'folio' : language === 'en' ? 'report number' : 'número de reporte';
  return `, ${label} ${data.reportNumber}`;
}

/** What a sentence needs besides the event: port names and the texts of the checklist items it names. */
export interface DescribeContext {
  port(portId: unknown): { en: string; es: string };
  item(shutdownId: unknown, itemId: unknown): { en: string; es: string };
}

export const BARE: DescribeContext = {
  port: (portId) => ({ en: String(portId), es: String(portId) }),
  item: (_shutdownId, itemId) => ({ en: String(itemId), es: String(itemId) }),
};

/** A sentence per event type in English and Spanish (the log reads in either language). */
const DESCRIBE: Record<string, (data: Data, context: DescribeContext) => { en: string; es: string }> = {
  IncidentReported: (d) => ({
    en: `Incident reported: ${text(d.title)} (severity ${word(SEVERITY, d.severity, 'en')})`,
    es: `Incidente reportado: ${texto(d.title)} (severidad ${word(SEVERITY, d.severity, 'es')})`,
  }),
  IncidentUpdated: (d) => ({
    en: `Incident updated: ${Object.keys((d.changes as Data | undefined) ?? {}).join(', ')}`,
    es: `Incidente actualizado: ${Object.keys((d.changes as Data | undefined) ?? {}).join(', ')}`,
  }),
  ProtectiveActionOrdered: (d) => ({
    en: `${d.kind === 'evacuation' ? 'Evacuation' : 'Shelter-in-place'} ordered, radius ${String(d.radiusMeters)} m`,
    es: `${d.kind === 'evacuation' ? 'Evacuación' : 'Resguardo en el lugar'} ordenado, radio ${String(d.radiusMeters)} m`,
  }),
  ProtectiveActionLifted: () => ({ en: 'Protective action lifted', es: 'Acción de protección levantada' }),
  SituationReportFiled: (d) => ({
    en: `Situation report ${String(d.number)}: ${text(d.summary)}`,
    es: `Reporte de situación ${String(d.number)}: ${texto(d.summary)}`,
  }),
  NationalCenterNotified: (d) => ({
    en: `${String(d.center)} notified${reportNumber(d, 'en')}`,
    es: `${String(d.center)} notificado${reportNumber(d, 'es')}`,
  }),
  CounterpartCenterNotified: (d) => ({
    en: `Counterpart centre ${String(d.center)} notified${reportNumber(d, 'en')}`,
    es: `Centro homólogo ${String(d.center)} notificado${reportNumber(d, 'es')}`,
  }),
  JointResponseTeamActivated: () => ({
    en: 'Joint Response Team activated',
    es: 'Equipo Conjunto de Respuesta activado',
  }),
  JointResponseTeamStandDownAgreed: (d) => ({
    en: `${word(SIDE, d.side, 'en')} agreed to stand the Joint Response Team down`,
    es: `${word(SIDE, d.side, 'es')} acordó desactivar el Equipo Conjunto de Respuesta`,
  }),
  JointResponseTeamDeactivated: () => ({
    en: 'Joint Response Team deactivated',
    es: 'Equipo Conjunto de Respuesta desactivado',
  }),
  OnSceneCoordinatorAssigned: (d) => ({
    en: `${word(SIDE, d.side, 'en')} on-scene coordinator: ${String(d.name)} (${String(d.agency)})`,
    es: `Coordinador en escena de ${word(SIDE, d.side, 'es')}: ${String(d.name)} (${String(d.agency)})`,
  }),
  IncidentTextTranslated: (d) => ({
    en: `Translation added (${String(d.field)}, ${String(d.language)})`,
    es: `Traducción agregada (${String(d.field)}, ${String(d.language)})`,
  }),
  IncidentClosed: (d) => ({ en: `Incident closed: ${text(d.summary)}`, es: `Incidente cerrado: ${texto(d.summary)}` }),
  PortShutdownDeclared: (d, c) =>
    d.scope === 'full'
      ? { en: `Full shutdown of ${c.port(d.portId).en}`, es: `Cierre total de ${c.port(d.portId).es}` }
      : {
          en: `Partial shutdown of ${c.port(d.portId).en}: ${lanes(d.lanes, 'en')}`,
          es: `Cierre parcial de ${c.port(d.portId).es}: ${lanes(d.lanes, 'es')}`,
        },
  PortShutdownWidened: (d, c) => ({
    en: `${word(SIDE, d.side, 'en')} widened the shutdown of ${c.port(d.portId).en}: ${lanes(d.lanes, 'en')}`,
    es: `${word(SIDE, d.side, 'es')} amplió el cierre de ${c.port(d.portId).es}: ${lanes(d.lanes, 'es')}`,
  }),
  PortShutdownJoined: (d, c) => ({
    en: `${word(SIDE, d.side, 'en')} joined the shutdown of ${c.port(d.portId).en}: ${lanes(d.lanes, 'en')}`,
    es: `${word(SIDE, d.side, 'es')} se sumó al cierre de ${c.port(d.portId).es}: ${lanes(d.lanes, 'es')}`,
  }),
  ChecklistItemCompleted: (d, c) => ({
    en: `Checklist item completed: ${c.item(d.shutdownId, d.itemId).en}`,
    es: `Elemento de la lista completado: ${c.item(d.shutdownId, d.itemId).es}`,
  }),
  ChecklistItemWaived: (d, c) => ({
    en: `Checklist item waived: ${c.item(d.shutdownId, d.itemId).en} (${text(d.reason)})`,
    es: `Elemento de la lista dispensado: ${c.item(d.shutdownId, d.itemId).es} (${texto(d.reason)})`,
  }),
  ChecklistItemReopened: (d, c) => ({
    en: `Checklist item reopened: ${c.item(d.shutdownId, d.itemId).en} (${text(d.reason)})`,
    es: `Elemento de la lista reabierto: ${c.item(d.shutdownId, d.itemId).es} (${texto(d.reason)})`,
  }),
  ChecklistItemAdded: (d) => {
    const item = (d.item ?? {}) as { text?: BilingualText; critical?: unknown };
    return {
      en: `Checklist item added${item.critical === true ? ' (critical)' : ''}: ${text(item.text)}`,
      es: `Elemento agregado a la lista${item.critical === true ? ' (crítico)' : ''}: ${texto(item.text)}`,
    };
  },
  ResumptionSignOffWithdrawn: (d) => ({
    en: `${word(SIDE, d.side, 'en')} sign-off withdrawn, to be renewed: ${text(d.reason)}`,
    es: `Firma de ${word(SIDE, d.side, 'es')} retirada, por renovar: ${texto(d.reason)}`,
  }),
  ResumptionSignedOff: (d) => ({
    en: `${word(SIDE, d.side, 'en')} signed off the resumption`,
    es: `${word(SIDE, d.side, 'es')} firmó la reanudación`,
  }),
  PortLanesReopened: (d) => ({
    en: `Reopening phase ${String(d.phase)}: ${lanes(d.lanes, 'en')}`,
    es: `Fase de reapertura ${String(d.phase)}: ${lanes(d.lanes, 'es')}`,
  }),
  PortReopened: (d, c) => ({
    en: `${c.port(d.portId).en} fully reopened`,
    es: `${c.port(d.portId).es} reabierto por completo`,
  }),
  BlmNotificationIssued: (d) => ({
    en: `BLM notified (${String(d.blmId)}): ${text(d.title)}`,
    es: `MEF notificado (${String(d.blmId)}): ${texto(d.title)}`,
  }),
  BlmNotificationUpdated: () => ({ en: 'BLM notification updated', es: 'Notificación al MEF actualizada' }),
  BlmNotificationAcknowledged: (d) => ({
    en: `${String(d.agency)} (${word(SIDE, d.side, 'en')}) acknowledged the BLM notification`,
    es: `${String(d.agency)} (${word(SIDE, d.side, 'es')}) acusó recibo de la notificación al MEF`,
  }),
  BlmNotificationAcknowledgedOnBehalf: (d) => {
    const by = d.recordedBy as { officer?: unknown; agency?: unknown } | undefined;
    const channel = word(ON_BEHALF_CHANNEL, d.channel, 'en');
    const canal = word(ON_BEHALF_CHANNEL, d.channel, 'es');
    return {
      en: `${String(d.agency)} (${word(SIDE, d.side, 'en')}) acknowledged the BLM notification ${channel} at ${String(d.acknowledgedAt)}, recorded by ${String(by?.officer)} (${String(by?.agency)})`,
      es: `${String(d.agency)} (${word(SIDE, d.side, 'es')}) acusó recibo de la notificación al MEF ${canal} a las ${String(d.acknowledgedAt)}, registrado por ${String(by?.officer)} (${String(by?.agency)})`,
    };
  },
  BlmNotificationDelivered: (d) => ({
    en: `BLM notification delivered to ${String(d.agency)} (${word(SIDE, d.side, 'en')}) by ${String(d.channel)}`,
    es: `Notificación al MEF entregada a ${String(d.agency)} (${word(SIDE, d.side, 'es')}) por ${String(d.channel)}`,
  }),
  BlmNotificationDeliveryFailed: (d) => ({
    en: `Delivery to ${String(d.agency)} by ${String(d.channel)} failed (attempt ${String(d.attempt)}): ${String(d.reason)}`,
    es: `Falló la entrega a ${String(d.agency)} por ${String(d.channel)} (intento ${String(d.attempt)}): ${String(d.reason)}`,
  }),
  BlmNotificationDeliveryAbandoned: (d) => ({
    en: `Gave up delivering to ${String(d.agency)} by ${String(d.channel)} after ${String(d.attempts)} attempts`,
    es: `Se abandonó la entrega a ${String(d.agency)} por ${String(d.channel)} tras ${String(d.attempts)} intentos`,
  }),
  BlmNotificationEscalated: (d) => ({
    en: `No acknowledgment by the deadline: escalated to tier ${String(d.tier)}`,
    es: `Sin acuse en el plazo: escalado al nivel ${String(d.tier)}`,
  }),
  BlmNotificationCancelled: (d) => ({
    en: `BLM notification cancelled: ${text(d.reason)}`,
    es: `Notificación al MEF cancelada: ${texto(d.reason)}`,
  }),
};

export function describeEvent(type: string, data: Data, context: DescribeContext = BARE): { en: string; es: string } {
  return DESCRIBE[type]?.(data, context) ?? { en: type, es: type };
}

/** The log line of one event. */
export function activityEntry(event: DecodedEvent, context: DescribeContext = BARE): ActivityEntry {
  const doneAt = (event.data as Data).occurredAt;
  return {
    position: event.position,
    at: occurredAt(event.metadata),
    ...(typeof doneAt === 'string' ? { occurredAt: doneAt } : {}),
    streamId: event.streamId,
    type: event.type,
    actor: event.metadata.actor,
    agency: event.metadata.agency,
    side: event.metadata.country,
    summary: describeEvent(event.type, event.data as Data, context),
  };
}

export interface IncidentTimelineSnapshot {
  timelines: { incidentId: string; complete: boolean; entries: ActivityEntry[] }[];
}

/**
 * The activity log of each resident incident: its own events, the shutdowns linked to it (and every later event of
 * those shutdowns) and the BLM notifications about it. `ReadModels` says which incident an event belongs to; a log is
 * `complete` when it holds every entry since the report (else the archive's entries come first).
 */
export class IncidentTimelineProjection implements Projection<Record<string, ActivityEntry[]>> {
  readonly name = 'incident-timeline';
  private readonly timelines = new Map<string, { complete: boolean; entries: ActivityEntry[] }>();

  /** Not used: ReadModels calls `add` with the incident each event belongs to. */
  apply(): void {}

  add(incidentId: string, entry: ActivityEntry): void {
    const timeline = this.timelines.get(incidentId);
    if (timeline) {
      const last = timeline.entries.at(-1);
      if (!last || last.position < entry.position) timeline.entries.push(entry);
    } else {
      this.timelines.set(incidentId, { complete: entry.type === 'IncidentReported', entries: [entry] });
    }
  }

  /** Every entry of the incident, when this process holds them all. */
  timeline(incidentId: string): ActivityEntry[] | undefined {
    const timeline = this.timelines.get(incidentId);
    return timeline?.complete ? timeline.entries : undefined;
  }

  /** Whatever entries this process holds of the incident (the latest, when not complete). */
  held(incidentId: string): ActivityEntry[] {
    return this.timelines.get(incidentId)?.entries ?? [];
  }

  evict(incidentId: string): void {
    this.timelines.delete(incidentId);
  }

  snapshot(): IncidentTimelineSnapshot {
    return {
      timelines: [...this.timelines].map(([incidentId, timeline]) => ({ incidentId, ...timeline })),
    };
  }

  restore(snapshot: IncidentTimelineSnapshot | undefined): void {
    this.timelines.clear();
    for (const { incidentId, complete, entries } of snapshot?.timelines ?? []) {
      this.timelines.set(incidentId, { complete, entries });
    }
  }

  toJSON(): Record<string, ActivityEntry[]> {
    return Object.fromEntries(
      [...this.timelines.entries()]
        .sort(([a], [b]) => a.localeCompare(b))
        .map(([id, timeline]) => [id, timeline.entries]),
    );
  }
}
