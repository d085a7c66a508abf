import { occurredAt } from '@enlace/event-store';
import type { DecodedEvent } from '@enlace/consumers';
import {
  evolvePort,
  type PortOfEntry,
  type PortState,
  type ReferenceCatalog,
  reopeningBlockers,
  type ShutdownState,
} from '@enlace/domain';
import type { Projection } from './projection.js';
import type { ChecklistProgress, PortStatus } from './read-model.types.js';

export function checklistProgress(portId: string, shutdown: ShutdownState): ChecklistProgress {
  const items = shutdown.checklist.items;
  const blockers = reopeningBlockers(shutdown);
  return {
    portId,
    shutdownId: shutdown.shutdownId,
    total: items.length,
    completed: items.filter((item) => item.status === 'completed').length,
    waived: items.filter((item) => item.status === 'waived').length,
    open: items.filter((item) => item.status === 'open').length,
    criticalOpen: blockers.openCriticalItems.length,
    criticalOpenByOwner: {
      US: blockers.openCriticalItems.filter((item) => item.owner === 'US').length,
      MX: blockers.openCriticalItems.filter((item) => item.owner === 'MX').length,
      JOINT: blockers.openCriticalItems.filter((item) => item.owner === 'JOINT').length,
    },
    signOffs: { US: Boolean(shutdown.signOffs.US), MX: Boolean(shutdown.signOffs.MX) },
    signOffsToRenew: blockers.signOffsToRenew,
    readyToReopen: blockers.openCriticalItems.length === 0 && blockers.missingSignOffs.length === 0,
  };
}

/** How many of a port's past shutdowns its status shows (the most recent; a busy port has thousands). */
export const RECENT_PAST_SHUTDOWNS = 10;

export function portStatus(port: PortOfEntry, state: PortState, revision: number): PortStatus {
  const shutdown = state.activeShutdown;
  const closed = new Set(shutdown?.closedLanes ?? []);
  const allClosed = port.lanes.every((lane) => closed.has(lane.id));
  return {
    ...port,
    // Both the status and the shutdown's scope say what is closed now, so they cannot disagree.
    status: closed.size === 0 ? 'open' : allClosed ? 'closed' : 'partially-closed',
    laneStatus: port.lanes.map((lane) => ({ ...lane, status: closed.has(lane.id) ? 'closed' : 'open' })),
    revision,
    closedSince: shutdown?.declaredAt ?? null,
    linkedIncidentId: shutdown?.incidentId ?? null,
    activeShutdown: shutdown
      ? { ...shutdown, scope: allClosed ? 'full' : 'partial', blockers: reopeningBlockers(shutdown) }
      : null,
    checklistProgress: shutdown ? checklistProgress(port.id, shutdown) : null,
    pastShutdowns: state.pastShutdowns.slice(-RECENT_PAST_SHUTDOWNS),
    pastShutdownsTotal: state.pastShutdowns.length,
  };
}

interface Resident {
  state: PortState;
  revision: number;
}

export interface PortStatusSnapshot {
  ports: Resident[];
}

/**
 * Every port of entry with its lanes' status, the shutdown in progress, its checklist progress and sign-offs; and
 * which incident each shutdown was declared for (console rooms and incident logs follow a shutdown to its incident).
 */
export class PortStatusProjection implements Projection<Record<string, PortStatus>> {
  readonly name = 'port-status';
  private readonly ports = new Map<string, Resident>();
  private readonly shutdownIncident = new Map<string, string>();

  constructor(private readonly reference: ReferenceCatalog) {}

  apply(event: DecodedEvent): void {
    if (event.aggregate !== 'port') return;
    const id = event.aggregateId;
    const current = this.ports.get(id);
    if (current && event.revision <= current.revision) return;
    if (event.type === 'PortShutdownDeclared' && event.data.incidentId) {
      this.shutdownIncident.set(event.data.shutdownId, event.data.incidentId);
    }
    const state = evolvePort(
      current?.state ?? { portId: undefined, activeShutdown: undefined, pastShutdowns: [] },
      event,
      occurredAt(event.metadata),
    );
    this.ports.set(id, { state, revision: event.revision });
  }

  /** The incident a shutdown was declared for, if any. */
  incidentOf(shutdownId: string): string | undefined {
    return this.shutdownIncident.get(shutdownId);
  }

  /** The shutdown in progress at a port, if it is `shutdownId`. */
  activeShutdown(portId: string, shutdownId: string): ShutdownState | undefined {
    const shutdown = this.ports.get(portId)?.state.activeShutdown;
    return shutdown?.shutdownId === shutdownId ? shutdown : undefined;
  }

  port(portId: string): PortStatus | undefined {
    const port = this.reference.port(portId);
    if (!port) return undefined;
    const entry = this.ports.get(portId);
    return portStatus(
      port,
      entry?.state ?? { portId, activeShutdown: undefined, pastShutdowns: [] },
      entry?.revision ?? -1,
    );
  }

  board(): PortStatus[] {
    return this.reference.ports().map((port) => this.port(port.id)!);
  }

  /** Checklist progress of every shutdown in progress. */
  checklists(): ChecklistProgress[] {
    return this.board().flatMap((port) => (port.checklistProgress ? [port.checklistProgress] : []));
  }

  snapshot(): PortStatusSnapshot {
    return { ports: [...this.ports.values()] };
  }

  restore(snapshot: PortStatusSnapshot | undefined): void {
    this.ports.clear();
    this.shutdownIncident.clear();
    for (const entry of snapshot?.ports ?? []) {
      if (!entry.state.portId) continue;
      this.ports.set(entry.state.portId, entry);
      for (const past of entry.state.pastShutdowns) {
        if (past.incidentId) this.shutdownIncident.set(past.shutdownId, past.incidentId);
      }
      const active = entry.state.activeShutdown;
      if (active?.incidentId) this.shutdownIncident.set(active.shutdownId, active.incidentId);
    }
  }

  toJSON(): Record<string, PortStatus> {
    return Object.fromEntries([...this.ports.keys()].sort().map((id) => [id, this.port(id)!]));
  }
}
