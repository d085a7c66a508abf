import type { DecodedEvent } from '@enlace/consumers';
import {
  describeWorld,
  evolveIncident,
  evolvePort,
  type OpenIncident,
  primaryPortOf,
  type ShutdownState,
  type World,
} from '@enlace/domain';
import { type DocumentWrite, occurredAt, type Position } from '@enlace/event-store';
import type { ArchivedIncident, PastShutdown } from './read-model.types.js';

/** The history's collections of one world (`…@live`, or `…@drill <id>`). */
export function historyCollections(world: World) {
  const key = describeWorld(world);
  return { incidents: `incident-history@${key}`, shutdowns: `shutdown-history@${key}` } as const;
}

/** Lower case, accents dropped, spaces collapsed: how the history stores searchable text and how a search is read. */
export function searchable(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase().replace(/\s+/g, ' ').trim();
}

/** A material as typed in a search: `UN1017`, `un 1017` and `1017` are the same number. */
export function searchableMaterial(text: string): string {
  const plain = searchable(text);
  const number = /^un ?(\d{4})$/.exec(plain);
  return number ? number[1]! : plain;
}

/** An incident as the history stores it: its archive line, what a search reads, and its state (to go on folding). */
export interface IncidentHistoryDoc {
  entry: ArchivedIncident;
  /** Every port it affects (a search by port finds it under any of them). */
  ports: string[];
  /** Title, location, situation reports and closing summary, both languages (see `searchable`). */
  text: string;
  /** The material's UN number and name (see `searchable`). */
  material: string;
  state: OpenIncident;
  revision: number;
}

/** When an incident happened, as its history sorts and a date range reads it: its observation time, in UTC. */
export function incidentHistorySort(incident: Pick<OpenIncident, 'observedAt' | 'incidentId'>): string {
  const at = Date.parse(incident.observedAt);
  return `${Number.isNaN(at) ? incident.observedAt : new Date(at).toISOString()}|${incident.incidentId}`;
}

export function archivedIncident(incident: OpenIncident, revision: number): ArchivedIncident {
  return {
    incidentId: incident.incidentId,
    status: incident.status,
    kind: incident.kind,
    title: incident.title,
    severity: incident.severity,
    material: incident.material ?? null,
    primaryPortId: primaryPortOf(incident) ?? null,
    affectedPortIds: incident.affectedPortIds,
    location: incident.location,
    reportedBy: incident.reportedBy,
    observedAt: incident.observedAt,
    reportedAt: incident.reportedAt,
    closedAt: incident.status === 'closed' ? incident.updatedAt : null,
    closingSummary: incident.closingSummary ?? null,
    situationReports: incident.situationReports.length,
    revision,
  };
}

const bilingual = (text: { en?: string; es?: string } | undefined) => [text?.en ?? '', text?.es ?? ''];

export function incidentHistoryDoc(incident: OpenIncident, revision: number): IncidentHistoryDoc {
  const text = [
    ...bilingual(incident.title),
    ...bilingual(incident.location.description),
    ...incident.situationReports.flatMap((report) => bilingual(report.summary)),
    ...bilingual(incident.closingSummary),
  ];
  const material = incident.material ? `${incident.material.unNumber ?? ''} ${incident.material.name}` : '';
  return {
    entry: archivedIncident(incident, revision),
    ports: incident.affectedPortIds,
    text: searchable(text.filter(Boolean).join(' \u2022 ')),
    material: searchable(material),
    state: incident,
    revision,
  };
}

interface ResidentIncident {
  state: OpenIncident;
  revision: number;
}

interface ResidentPort {
  portId: string;
  revision: number;
  activeShutdown: ShutdownState | undefined;
  /** The shutdown in progress as last written (what it has been: full once, it stays full in its history). */
  written: PastShutdown | undefined;
}

export interface IncidentHistorySnapshot {
  position: Position | undefined;
  incidents: ResidentIncident[];
  ports: ResidentPort[];
}

/**
 * The history of a world: every incident (a search finds the closed ones) and every port's shutdowns, as documents
 * committed with its consumer's checkpoint. In memory it holds the open incidents and each port's shutdown in progress
 * (open work, never the past): a closed incident leaves once written, and comes back from its document if a later
 * event touches it (a translation after closing). It folds the domain's own `evolve`, so it reads as the aggregates do.
 */
export class IncidentHistoryModel {
  readonly collections: ReturnType<typeof historyCollections>;
  private readonly incidents = new Map<string, ResidentIncident>();
  private readonly ports = new Map<string, ResidentPort>();
  private readonly changedIncidents = new Set<string>();
  private readonly pendingShutdowns = new Map<string, PastShutdown>();
  private lastPosition: Position | undefined;

  constructor(readonly world: World) {
    this.collections = historyCollections(world);
  }

  get position(): Position | undefined {
    return this.lastPosition;
  }

  /** How many incidents and ports it holds (open work). */
  get resident(): number {
    return this.incidents.size + this.ports.size;
  }

  /** The incident to load (from its document or its stream) before `event` can be applied, if it is not resident. */
  needs(event: DecodedEvent): string | undefined {
    if (this.lastPosition !== undefined && event.position <= this.lastPosition) return undefined;
    if (event.aggregate !== 'incident' || event.type === 'IncidentReported') return undefined;
    return this.incidents.has(event.aggregateId) ? undefined : event.aggregateId;
  }

  /** Makes an incident resident again, as its document or its stream had it. */
  adopt(state: OpenIncident, revision: number): void {
    if (!this.incidents.has(state.incidentId)) this.incidents.set(state.incidentId, { state, revision });
  }

  apply(event: DecodedEvent): void {
    if (this.lastPosition !== undefined && event.position <= this.lastPosition) return;
    if (event.aggregate === 'incident') this.applyIncident(event);
    else if (event.aggregate === 'port') this.applyPort(event);
    this.lastPosition = event.position;
  }

  private applyIncident(event: Extract<DecodedEvent, { aggregate: 'incident' }>): void {
    const id = event.aggregateId;
    const current = this.incidents.get(id);
    if (!current && event.type !== 'IncidentReported') return;
    if (current && event.revision <= current.revision) return;
    const state = evolveIncident(current?.state ?? { status: 'none' }, event, occurredAt(event.metadata));
    if (state.status === 'none') return;
    this.incidents.set(id, { state, revision: event.revision });
    this.changedIncidents.add(id);
  }

  private applyPort(event: Extract<DecodedEvent, { aggregate: 'port' }>): void {
    const portId = event.aggregateId;
    const current = this.ports.get(portId);
    if (current && event.revision <= current.revision) return;
    const before = current?.activeShutdown;
    const after = evolvePort(
      { portId, activeShutdown: before, pastShutdowns: [] },
      event,
      occurredAt(event.metadata),
    ).activeShutdown;
    let written = current?.written;
    if (after) {
      written = this.shutdownEntry(portId, after, written, null);
      this.pendingShutdowns.set(after.shutdownId, written);
    } else if (before && event.type === 'PortReopened') {
      this.pendingShutdowns.set(
        before.shutdownId,
        this.shutdownEntry(portId, before, written, occurredAt(event.metadata)),
      );
      written = undefined;
    }
    this.ports.set(portId, { portId, revision: event.revision, activeShutdown: after, written });
  }

  private shutdownEntry(
    portId: string,
    shutdown: ShutdownState,
    written: PastShutdown | undefined,
    reopenedAt: string | null,
  ): PastShutdown {
    const incident = shutdown.incidentId ? this.incidents.get(shutdown.incidentId)?.state : undefined;
    const earlier = written?.shutdownId === shutdown.shutdownId ? written : undefined;
    return {
      shutdownId: shutdown.shutdownId,
      portId,
      kind: shutdown.kind,
      scope: earlier?.scope === 'full' || shutdown.scope === 'full' ? 'full' : 'partial',
      lanes: shutdown.lanes,
      declaredAt: shutdown.declaredAt,
      declaredBy: shutdown.declaredBy,
      joinedBy: shutdown.joinedBy ? { side: shutdown.joinedBy.side, agency: shutdown.joinedBy.agency } : null,
      reason: shutdown.reason,
      reopenedAt,
      incidentId: shutdown.incidentId ?? null,
      incidentTitle: incident?.title ?? earlier?.incidentTitle ?? null,
    };
  }

  /** What changed since the last call, as documents (they commit with the checkpoint). */
  drainWrites(): DocumentWrite[] {
    const writes: DocumentWrite[] = [];
    for (const id of this.changedIncidents) {
      const resident = this.incidents.get(id);
      if (!resident) continue;
      writes.push({
        collection: this.collections.incidents,
        key: id,
        status: resident.state.status,
        sort: incidentHistorySort(resident.state),
        doc: incidentHistoryDoc(resident.state, resident.revision),
      });
    }
    this.changedIncidents.clear();
    for (const shutdown of this.pendingShutdowns.values()) {
      writes.push({
        collection: this.collections.shutdowns,
        key: shutdown.shutdownId,
        group: shutdown.portId,
        status: shutdown.reopenedAt === null ? 'active' : 'ended',
        sort: `${shutdown.declaredAt}|${shutdown.shutdownId}`,
        doc: shutdown,
      });
    }
    this.pendingShutdowns.clear();
    return writes;
  }

  /** Closed incidents leave memory once their documents are saved (nothing of them waits to be written). */
  prune(): void {
    for (const [id, resident] of this.incidents) {
      if (resident.state.status === 'closed' && !this.changedIncidents.has(id)) this.incidents.delete(id);
    }
  }

  snapshot(): IncidentHistorySnapshot {
    return {
      position: this.lastPosition,
      incidents: [...this.incidents.values()].filter((resident) => resident.state.status === 'open'),
      ports: [...this.ports.values()],
    };
  }

  restore(snapshot: IncidentHistorySnapshot | undefined): void {
    this.incidents.clear();
    this.ports.clear();
    this.changedIncidents.clear();
    this.pendingShutdowns.clear();
    for (const resident of snapshot?.incidents ?? []) this.incidents.set(resident.state.incidentId, resident);
    for (const port of snapshot?.ports ?? []) this.ports.set(port.portId, port);
    this.lastPosition = snapshot?.position;
  }
}
