import type { BilingualText } from '@enlace/domain';
import type { RecordedEvent } from '@enlace/event-store';
import { categoryOf, idOf, type Projection } from './projection.js';

/** One line of the ICS-214-style activity log: who did what, when, on which side. */
export interface ActivityEntry {
  position: string;
  at: string;
  streamId: string;
  type: string;
  actor: string;
  agency: string;
  side: 'US' | 'MX' | null;
  summary: { en: string; es: string };
}

type Data = Record<string, unknown>;

function text(value: unknown): string {
  const bilingual = value as BilingualText | undefined;
  return bilingual?.en ?? bilingual?.es ?? '';
}

function texto(value: unknown): string {
  const bilingual = value as BilingualText | undefined;
  return bilingual?.es ?? bilingual?.en ?? '';
}

function list(value: unknown): string {
  return Array.isArray(value) ? value.join(', ') : '';
}

/** A sentence per event type in English and Spanish (the log reads in either language). */
const DESCRIBE: Record<string, (data: Data) => { en: string; es: string }> = {
  IncidentReported: (d) => ({
    en: `Incident reported: ${text(d.title)} (severity ${String(d.severity)})`,
    es: `Incidente reportado: ${texto(d.title)} (severidad ${String(d.severity)})`,
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
  NationalCenterNotified: (d) => ({ en: `${String(d.center)} notified`, es: `${String(d.center)} notificado` }),
  CounterpartCenterNotified: (d) => ({
    en: `Counterpart centre ${String(d.center)} notified`,
    es: `Centro homólogo ${String(d.center)} notificado`,
  }),
  JointResponseTeamActivated: () => ({
    en: 'Joint Response Team activated',
    es: 'Equipo Conjunto de Respuesta activado',
  }),
  JointResponseTeamDeactivated: () => ({
    en: 'Joint Response Team deactivated',
    es: 'Equipo Conjunto de Respuesta desactivado',
  }),
  OnSceneCoordinatorAssigned: (d) => ({
    en: `${String(d.side)} on-scene coordinator: ${String(d.name)} (${String(d.agency)})`,
    es: `Coordinador en escena ${String(d.side)}: ${String(d.name)} (${String(d.agency)})`,
  }),
  IncidentTextTranslated: (d) => ({
    en: `Translation added (${String(d.field)}, ${String(d.language)})`,
    es: `Traducción agregada (${String(d.field)}, ${String(d.language)})`,
  }),
  IncidentClosed: (d) => ({ en: `Incident closed: ${text(d.summary)}`, es: `Incidente cerrado: ${texto(d.summary)}` }),
  PortShutdownDeclared: (d) => ({
    en: `${d.scope === 'full' ? 'Full' : 'Partial'} shutdown of ${String(d.portId)}: ${list(d.lanes)}`,
    es: `Cierre ${d.scope === 'full' ? 'total' : 'parcial'} de ${String(d.portId)}: ${list(d.lanes)}`,
  }),
  ChecklistItemCompleted: (d) => ({
    en: `Checklist item completed: ${String(d.itemId)}`,
    es: `Elemento de la lista completado: ${String(d.itemId)}`,
  }),
  ChecklistItemWaived: (d) => ({
    en: `Checklist item waived: ${String(d.itemId)} (${text(d.reason)})`,
    es: `Elemento de la lista dispensado: ${String(d.itemId)} (${texto(d.reason)})`,
  }),
  ResumptionSignedOff: (d) => ({
    en: `${String(d.side)} signed off the resumption`,
    es: `${String(d.side)} firmó la reanudación`,
  }),
  PortLanesReopened: (d) => ({
    en: `Reopening phase ${String(d.phase)}: ${list(d.lanes)}`,
    es: `Fase de reapertura ${String(d.phase)}: ${list(d.lanes)}`,
  }),
  PortReopened: (d) => ({ en: `${String(d.portId)} fully reopened`, es: `${String(d.portId)} reabierto por completo` }),
  BlmNotificationIssued: (d) => ({
    en: `BLM notified (${String(d.blmId)}): ${text(d.title)}`,
    es: `MEF notificado (${String(d.blmId)}): ${texto(d.title)}`,
  }),
  BlmNotificationUpdated: () => ({ en: 'BLM notification updated', es: 'Notificación al MEF actualizada' }),
  BlmNotificationAcknowledged: (d) => ({
    en: `${String(d.agency)} (${String(d.side)}) acknowledged the BLM notification`,
    es: `${String(d.agency)} (${String(d.side)}) acusó recibo de la notificación al MEF`,
  }),
  BlmNotificationDelivered: (d) => ({
    en: `BLM notification delivered to ${String(d.agency)} (${String(d.side)}) by ${String(d.channel)}`,
    es: `Notificación al MEF entregada a ${String(d.agency)} (${String(d.side)}) por ${String(d.channel)}`,
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

export function describeEvent(type: string, data: Data): { en: string; es: string } {
  return DESCRIBE[type]?.(data) ?? { en: type, es: type };
}

/**
 * The activity log of each incident: its own events, the shutdowns linked to it (and every later event of those
 * shutdowns) and the BLM notifications about it.
 */
export class IncidentTimelineProjection implements Projection<Record<string, ActivityEntry[]>> {
  readonly name = 'incident-timeline';
  private readonly timelines = new Map<string, ActivityEntry[]>();
  private readonly shutdownIncident = new Map<string, string>();
  private readonly notificationIncident = new Map<string, string>();
  private readonly lastRevision = new Map<string, number>();

  apply(event: RecordedEvent): void {
    if ((this.lastRevision.get(event.streamId) ?? -1) >= event.revision) return;
    this.lastRevision.set(event.streamId, event.revision);
    const data = (event.data ?? {}) as Data;
    const incidentId = this.incidentOf(event, data);
    if (!incidentId) return;
    const entries = this.timelines.get(incidentId) ?? [];
    entries.push({
      position: event.position,
      at: event.metadata.recordedAt,
      streamId: event.streamId,
      type: event.type,
      actor: event.metadata.actor,
      agency: event.metadata.agency,
      side: event.metadata.country,
      summary: describeEvent(event.type, data),
    });
    this.timelines.set(incidentId, entries);
  }

  timeline(incidentId: string): ActivityEntry[] | undefined {
    return this.timelines.get(incidentId);
  }

  toJSON(): Record<string, ActivityEntry[]> {
    return Object.fromEntries([...this.timelines.entries()].sort(([a], [b]) => a.localeCompare(b)));
  }

  private incidentOf(event: RecordedEvent, data: Data): string | undefined {
    switch (categoryOf(event.streamId)) {
      case 'incident':
        return idOf(event.streamId);
      case 'port': {
        const shutdownId = typeof data.shutdownId === 'string' ? data.shutdownId : undefined;
        if (event.type === 'PortShutdownDeclared' && shutdownId && typeof data.incidentId === 'string') {
          this.shutdownIncident.set(shutdownId, data.incidentId);
        }
        return shutdownId ? this.shutdownIncident.get(shutdownId) : undefined;
      }
      case 'notification': {
        const id = idOf(event.streamId);
        const subject = data.subject as { incidentId?: unknown } | undefined;
        if (event.type === 'BlmNotificationIssued' && typeof subject?.incidentId === 'string') {
          this.notificationIncident.set(id, subject.incidentId);
        }
        return this.notificationIncident.get(id);
      }
      default:
        return undefined;
    }
  }
}
