import type { DecodedEvent } from '@enlace/consumers';
import { evolveIncident, type IncidentState, missingLanguages, type OpenIncident } from '@enlace/domain';
import type { Projection } from './projection.js';
import type { IncidentBoardEntry, IncidentDetail } from './read-model.types.js';

/** Every bilingual field of an incident that lacks a language, as `field:language`. */
export function missingTranslations(incident: OpenIncident): string[] {
  const fields: [string, OpenIncident['title'] | undefined][] = [
    ['title', incident.title],
    ['location.description', incident.location.description],
    ...incident.situationReports.map((report): [string, OpenIncident['title']] => [
      `situationReport:${report.reportId}`,
      report.summary,
    ]),
    ...(incident.closingSummary
      ? [['closingSummary', incident.closingSummary] as [string, OpenIncident['title']]]
      : []),
  ];
  return fields.flatMap(([field, text]) => missingLanguages(text).map((language) => `${field}:${language}`));
}

/** Incidents by id: the full state (for the incident view) and the board line (open incidents first). */
export class IncidentBoardProjection implements Projection<Record<string, IncidentDetail>> {
  readonly name = 'incident-board';
  private readonly incidents = new Map<string, { state: IncidentState; revision: number; lastEventType: string }>();
  /** The open incidents' ids: the default board costs what is open, not every incident ever reported. */
  private readonly open = new Set<string>();

  apply(event: DecodedEvent): void {
    if (event.aggregate !== 'incident') return;
    const id = event.aggregateId;
    const current = this.incidents.get(id);
    if (current && event.revision <= current.revision) return;
    const state = evolveIncident(current?.state ?? { status: 'none' }, event, event.metadata.recordedAt);
    this.incidents.set(id, { state, revision: event.revision, lastEventType: event.type });
    if (state.status === 'open') this.open.add(id);
    else this.open.delete(id);
  }

  detail(incidentId: string): IncidentDetail | undefined {
    const entry = this.incidents.get(incidentId);
    if (!entry || entry.state.status === 'none') return undefined;
    return {
      ...entry.state,
      revision: entry.revision,
      lastEventType: entry.lastEventType,
      missingTranslations: missingTranslations(entry.state),
    };
  }

  board(status: 'open' | 'closed' | 'all' = 'open'): IncidentBoardEntry[] {
    return [...(status === 'open' ? this.open : this.incidents.keys())]
      .map((id) => this.detail(id))
      .filter(
        (detail): detail is IncidentDetail => detail !== undefined && (status === 'all' || detail.status === status),
      )
      .map((incident) => ({
        incidentId: incident.incidentId,
        status: incident.status,
        kind: incident.kind,
        title: incident.title,
        severity: incident.severity,
        material: incident.material ?? null,
        affectedPortIds: incident.affectedPortIds,
        reportedBy: incident.reportedBy,
        reportedAt: incident.reportedAt,
        lastUpdate: incident.updatedAt,
        lastEventType: incident.lastEventType,
        missingTranslations: incident.missingTranslations,
        protectiveActionsInForce: incident.protectiveActions.filter((action) => !action.liftedAt).length,
        jointResponseTeam: incident.jcp.jointResponseTeam,
      }))
      .sort((a, b) => b.lastUpdate.localeCompare(a.lastUpdate) || a.incidentId.localeCompare(b.incidentId));
  }

  toJSON(): Record<string, IncidentDetail> {
    return Object.fromEntries(
      [...this.incidents.keys()].sort().flatMap((id) => {
        const detail = this.detail(id);
        return detail ? [[id, detail]] : [];
      }),
    );
  }
}
