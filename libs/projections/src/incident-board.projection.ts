import type { DecodedEvent } from '@enlace/consumers';
import { evolveIncident, missingLanguages, type OpenIncident } from '@enlace/domain';
import { type Position, occurredAt } from '@enlace/event-store';
import type { Projection } from './projection.js';
import { Residents } from './residents.js';
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
    ...incident.protectiveActions.map((action): [string, OpenIncident['title']] => [
      `protectiveAction:${action.actionId}`,
      action.instructions,
    ]),
    ...(incident.closingSummary
      ? [['closingSummary', incident.closingSummary] as [string, OpenIncident['title']]]
      : []),
  ];
  return fields.flatMap(([field, text]) => missingLanguages(text).map((language) => `${field}:${language}`));
}

/** The board's line of an incident. */
export function boardEntry(incident: IncidentDetail): IncidentBoardEntry {
  return {
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
  };
}

/** Newest change first (the board's order), then by id; the same order as the archive's `sort` descending. */
export function incidentSortKey(incident: { updatedAt: string; incidentId: string }): string {
  return `${incident.updatedAt}|${incident.incidentId}`;
}

interface Resident {
  state: OpenIncident;
  revision: number;
  lastEventType: string;
  /** The last event applied to it: it may leave memory once the archive holds everything up to here. */
  position: Position;
}

export interface IncidentBoardSnapshot {
  incidents: (Omit<Resident, 'state'> & { state: OpenIncident })[];
}

/**
 * The incidents resident in memory: every open one, and a closed one until the archive holds it (then it is read from
 * there). An event on an incident that is not resident is applied once the incident was loaded back (`adopt`).
 */
export class IncidentBoardProjection implements Projection<Record<string, IncidentDetail>> {
  readonly name = 'incident-board';
  private readonly incidents: Residents<Resident>;

  /** `trackChanges`: the archive's instance, which writes what changed. */
  constructor(trackChanges = false) {
    this.incidents = new Residents((entry) => entry.state.incidentId, trackChanges);
  }

  get size(): number {
    return this.incidents.size;
  }

  /** The incident to load before `event` can be applied, if it is not resident. */
  needs(event: DecodedEvent): string | undefined {
    if (event.aggregate !== 'incident' || event.type === 'IncidentReported') return undefined;
    return this.incidents.has(event.aggregateId) ? undefined : event.aggregateId;
  }

  has(incidentId: string): boolean {
    return this.incidents.has(incidentId);
  }

  apply(event: DecodedEvent): void {
    if (event.aggregate !== 'incident') return;
    const id = event.aggregateId;
    const current = this.incidents.get(id);
    if (!current && event.type !== 'IncidentReported') return;
    if (current && event.revision <= current.revision) return;
    const state = evolveIncident(current?.state ?? { status: 'none' }, event, occurredAt(event.metadata));
    if (state.status === 'none') return;
    this.incidents.set({ state, revision: event.revision, lastEventType: event.type, position: event.position });
  }

  /** Makes an archived incident resident again, as of `position` (the event about to be applied). */
  adopt(detail: IncidentDetail, position: Position): void {
    if (this.incidents.has(detail.incidentId)) return;
    const { revision, lastEventType, missingTranslations: _missing, ...state } = detail;
    this.incidents.set({ state, revision, lastEventType, position }, false);
  }

  detail(incidentId: string): IncidentDetail | undefined {
    const entry = this.incidents.get(incidentId);
    if (!entry) return undefined;
    return {
      ...entry.state,
      revision: entry.revision,
      lastEventType: entry.lastEventType,
      missingTranslations: missingTranslations(entry.state),
    };
  }

  /** The resident incidents of a status (every open one), newest change first. */
  board(status: 'open' | 'closed' | 'all' = 'open'): IncidentBoardEntry[] {
    const entries: IncidentBoardEntry[] = [];
    for (const entry of this.incidents.snapshot()) {
      if (status !== 'all' && entry.state.status !== status) continue;
      entries.push(boardEntry(this.detail(entry.state.incidentId)!));
    }
    return entries.sort((a, b) => b.lastUpdate.localeCompare(a.lastUpdate) || a.incidentId.localeCompare(b.incidentId));
  }

  /** Closed incidents whose last event is at or before `upTo` (the archive has them): they may leave memory. */
  evictable(upTo: Position): Iterable<string> {
    return this.incidents.evictable(upTo, (entry) => entry.state.status === 'closed');
  }

  evict(incidentId: string): void {
    this.incidents.evict(incidentId);
  }

  /** The incidents changed since the last call (the archive's instance). */
  drainChanged(): IncidentDetail[] {
    return this.incidents.drainChanged().flatMap((id) => this.detail(id) ?? []);
  }

  snapshot(): IncidentBoardSnapshot {
    return { incidents: this.incidents.snapshot() };
  }

  restore(snapshot: IncidentBoardSnapshot | undefined): void {
    this.incidents.restore(snapshot?.incidents);
  }

  toJSON(): Record<string, IncidentDetail> {
    return Object.fromEntries(
      [...this.incidents.ids()].sort().flatMap((id) => {
        const detail = this.detail(id);
        return detail ? [[id, detail]] : [];
      }),
    );
  }
}
