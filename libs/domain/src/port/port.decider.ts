import type { LaneId, PortOfEntry, ShutdownKind } from '../reference/reference.js';
import { assertNever, type DecisionContext, type Decider } from '../shared/decider.js';
import { broken, forbidden, notFound } from '../shared/domain-error.js';
import { SIDES, type Side } from '../shared/side.js';
import type { BilingualText } from '../shared/text.js';
import type { ChecklistItem, PortEvent } from './port.events.js';

export interface ChecklistItemState extends ChecklistItem {
  status: 'open' | 'completed' | 'waived';
  resolvedBy?: { side: Side; agency: string };
  resolvedAt?: string;
  note?: BilingualText;
  reason?: BilingualText;
}

export interface SignOff {
  side: Side;
  agency: string;
  officer: string;
  at: string;
}

export interface ShutdownState {
  shutdownId: string;
  kind: ShutdownKind;
  scope: 'full' | 'partial';
  /** Lanes closed when the shutdown was declared. */
  lanes: LaneId[];
  /** Lanes still closed. */
  closedLanes: LaneId[];
  reason: BilingualText;
  incidentId?: string;
  declaredBy: { side: Side; agency: string };
  declaredAt: string;
  checklist: { templateId: string; templateVersion: number; items: ChecklistItemState[] };
  signOffs: Partial<Record<Side, SignOff>>;
  phases: number;
}

export interface PortState {
  portId: string | undefined;
  activeShutdown: ShutdownState | undefined;
  pastShutdowns: { shutdownId: string; kind: ShutdownKind; declaredAt: string; reopenedAt: string }[];
}

export type PortCommand =
  | {
      type: 'DeclarePortShutdown';
      data: { portId: string; kind: ShutdownKind; lanes?: LaneId[]; reason: BilingualText; incidentId?: string };
    }
  | { type: 'CompleteChecklistItem'; data: { portId: string; itemId: string; note?: BilingualText } }
  | { type: 'WaiveChecklistItem'; data: { portId: string; itemId: string; reason: BilingualText } }
  | { type: 'SignOffResumption'; data: { portId: string; side: Side } }
  | { type: 'ReopenPortLanes'; data: { portId: string; lanes?: LaneId[] } };

export const initialPortState = (): PortState => ({ portId: undefined, activeShutdown: undefined, pastShutdowns: [] });

function withShutdown(state: PortState, update: (shutdown: ShutdownState) => ShutdownState): PortState {
  return state.activeShutdown ? { ...state, activeShutdown: update(state.activeShutdown) } : state;
}

function resolveItem(
  shutdown: ShutdownState,
  itemId: string,
  resolution: Pick<ChecklistItemState, 'status' | 'resolvedBy' | 'resolvedAt' | 'note' | 'reason'>,
): ShutdownState {
  const items = shutdown.checklist.items.map((item) => (item.id === itemId ? { ...item, ...resolution } : item));
  return { ...shutdown, checklist: { ...shutdown.checklist, items } };
}

export function evolvePort(state: PortState, event: PortEvent, recordedAt = ''): PortState {
  switch (event.type) {
    case 'PortShutdownDeclared': {
      const { portId, checklist, ...shutdown } = event.data;
      return {
        ...state,
        portId,
        activeShutdown: {
          ...shutdown,
          closedLanes: [...shutdown.lanes],
          declaredAt: recordedAt,
          checklist: { ...checklist, items: checklist.items.map((item) => ({ ...item, status: 'open' })) },
          signOffs: {},
          phases: 0,
        },
      };
    }
    case 'ChecklistItemCompleted': {
      const { itemId, side, agency, note } = event.data;
      return withShutdown(state, (shutdown) =>
        resolveItem(shutdown, itemId, {
          status: 'completed',
          resolvedBy: { side, agency },
          resolvedAt: recordedAt,
          ...(note ? { note } : {}),
        }),
      );
    }
    case 'ChecklistItemWaived': {
      const { itemId, side, agency, reason } = event.data;
      return withShutdown(state, (shutdown) =>
        resolveItem(shutdown, itemId, {
          status: 'waived',
          resolvedBy: { side, agency },
          resolvedAt: recordedAt,
          reason,
        }),
      );
    }
    case 'ResumptionSignedOff': {
      const { side, agency, officer } = event.data;
      return withShutdown(state, (shutdown) => ({
        ...shutdown,
        signOffs: { ...shutdown.signOffs, [side]: { side, agency, officer, at: recordedAt } },
      }));
    }
    case 'PortLanesReopened':
      return withShutdown(state, (shutdown) => ({
        ...shutdown,
        closedLanes: event.data.stillClosed,
        phases: event.data.phase,
      }));
    case 'PortReopened': {
      const shutdown = state.activeShutdown;
      if (!shutdown) return state;
      return {
        ...state,
        activeShutdown: undefined,
        pastShutdowns: [
          ...state.pastShutdowns,
          {
            shutdownId: shutdown.shutdownId,
            kind: shutdown.kind,
            declaredAt: shutdown.declaredAt,
            reopenedAt: recordedAt,
          },
        ],
      };
    }
    default:
      return assertNever(event);
  }
}

/** What still blocks a full reopening: open critical items and missing sign-offs. */
export function reopeningBlockers(shutdown: ShutdownState): {
  openCriticalItems: ChecklistItemState[];
  missingSignOffs: Side[];
} {
  return {
    openCriticalItems: shutdown.checklist.items.filter((item) => item.critical && item.status === 'open'),
    missingSignOffs: SIDES.filter((side) => !shutdown.signOffs[side]),
  };
}

function requirePort(context: DecisionContext, portId: string): PortOfEntry {
  const port = context.reference.port(portId);
  if (!port) {
    throw notFound('PORT.NOT_FOUND', `Port of entry ${portId} not found`, `Puerto de entrada ${portId} no encontrado`);
  }
  return port;
}

function requireOfficer(context: DecisionContext): Side {
  const { role, country } = context.actor;
  if (role !== 'officer' || country === null) {
    throw forbidden('AUTH.ROLE', 'Only liaison officers may do this', 'Solo los oficiales de enlace pueden hacer esto');
  }
  return country;
}

function requireShutdown(state: PortState, portId: string): ShutdownState {
  if (!state.activeShutdown) {
    throw broken(
      'PORT.NO_ACTIVE_SHUTDOWN',
      `Port ${portId} has no shutdown in progress`,
      `El puerto ${portId} no tiene un cierre en curso`,
      { portId },
    );
  }
  return state.activeShutdown;
}

function requireItem(shutdown: ShutdownState, itemId: string, side: Side): ChecklistItemState {
  const item = shutdown.checklist.items.find((candidate) => candidate.id === itemId);
  if (!item) {
    throw notFound(
      'PORT.UNKNOWN_CHECKLIST_ITEM',
      `Checklist item ${itemId} not found`,
      `Elemento de la lista ${itemId} no encontrado`,
      { itemId },
    );
  }
  if (item.owner !== 'JOINT' && item.owner !== side) {
    throw forbidden(
      'AUTH.WRONG_SIDE',
      `Item ${itemId} belongs to the ${item.owner} side`,
      `El elemento ${itemId} corresponde al lado ${item.owner}`,
      { itemId, owner: item.owner, actorSide: side },
    );
  }
  if (item.status !== 'open') {
    throw broken(
      'PORT.CHECKLIST_ITEM_RESOLVED',
      `Item ${itemId} is already ${item.status}`,
      `El elemento ${itemId} ya está ${item.status === 'completed' ? 'completado' : 'dispensado'}`,
      { itemId, status: item.status },
    );
  }
  return item;
}

function describeLanes(lanes: readonly string[]): string {
  return lanes.join(', ');
}

export function decidePort(command: PortCommand, state: PortState, context: DecisionContext): PortEvent[] {
  const side = requireOfficer(context);
  const { portId } = command.data;
  const port = requirePort(context, portId);
  const agency = context.actor.agency;
  switch (command.type) {
    case 'DeclarePortShutdown': {
      if (state.activeShutdown) {
        throw broken(
          'PORT.SHUTDOWN_IN_PROGRESS',
          `Port ${portId} already has a shutdown in progress`,
          `El puerto ${portId} ya tiene un cierre en curso`,
          { shutdownId: state.activeShutdown.shutdownId },
        );
      }
      const portLanes = port.lanes.map((lane) => lane.id);
      const requested =
        command.data.lanes && command.data.lanes.length > 0 ? [...new Set(command.data.lanes)] : portLanes;
      const unknown = requested.filter((lane) => !portLanes.includes(lane));
      if (unknown.length > 0) {
        throw broken(
          'PORT.UNKNOWN_LANE',
          `Port ${portId} has no lanes ${describeLanes(unknown)}`,
          `El puerto ${portId} no tiene los carriles ${describeLanes(unknown)}`,
          { lanes: unknown, portLanes },
        );
      }
      const template = context.reference.checklistTemplate(command.data.kind);
      if (!template) {
        throw broken(
          'PORT.NO_CHECKLIST_TEMPLATE',
          `No resumption checklist for ${command.data.kind}`,
          `No hay lista de reanudación para ${command.data.kind}`,
          { kind: command.data.kind },
        );
      }
      const lanes = portLanes.filter((lane) => requested.includes(lane));
      return [
        {
          type: 'PortShutdownDeclared',
          data: {
            portId,
            shutdownId: context.newId('shutdown'),
            kind: command.data.kind,
            scope: lanes.length === portLanes.length ? 'full' : 'partial',
            lanes,
            reason: command.data.reason,
            ...(command.data.incidentId ? { incidentId: command.data.incidentId } : {}),
            declaredBy: { side, agency },
            checklist: {
              templateId: template.id,
              templateVersion: template.version,
              items: structuredClone(template.items),
            },
          },
        },
      ];
    }
    case 'CompleteChecklistItem': {
      const shutdown = requireShutdown(state, portId);
      const item = requireItem(shutdown, command.data.itemId, side);
      return [
        {
          type: 'ChecklistItemCompleted',
          data: {
            portId,
            shutdownId: shutdown.shutdownId,
            itemId: item.id,
            side,
            agency,
            ...(command.data.note ? { note: command.data.note } : {}),
          },
        },
      ];
    }
    case 'WaiveChecklistItem': {
      const shutdown = requireShutdown(state, portId);
      const item = requireItem(shutdown, command.data.itemId, side);
      return [
        {
          type: 'ChecklistItemWaived',
          data: { portId, shutdownId: shutdown.shutdownId, itemId: item.id, side, agency, reason: command.data.reason },
        },
      ];
    }
    case 'SignOffResumption': {
      const shutdown = requireShutdown(state, portId);
      if (command.data.side !== side) {
        throw forbidden(
          'AUTH.WRONG_SIDE',
          `Only a ${command.data.side} officer may sign off for the ${command.data.side} side`,
          `Solo un oficial de ${command.data.side} puede firmar por el lado ${command.data.side}`,
          { side: command.data.side, actorSide: side },
        );
      }
      if (shutdown.signOffs[side]) {
        throw broken('PORT.ALREADY_SIGNED_OFF', `The ${side} side has already signed off`, `El lado ${side} ya firmó`, {
          side,
          signOff: shutdown.signOffs[side],
        });
      }
      return [
        {
          type: 'ResumptionSignedOff',
          data: { portId, shutdownId: shutdown.shutdownId, side, agency, officer: context.actor.id },
        },
      ];
    }
    case 'ReopenPortLanes': {
      const shutdown = requireShutdown(state, portId);
      const requested =
        command.data.lanes && command.data.lanes.length > 0 ? [...new Set(command.data.lanes)] : shutdown.closedLanes;
      const notClosed = requested.filter((lane) => !shutdown.closedLanes.includes(lane));
      if (notClosed.length > 0) {
        throw broken(
          'PORT.LANE_NOT_CLOSED',
          `Lanes ${describeLanes(notClosed)} are not closed`,
          `Los carriles ${describeLanes(notClosed)} no están cerrados`,
          { lanes: notClosed, closedLanes: shutdown.closedLanes },
        );
      }
      const stillClosed = shutdown.closedLanes.filter((lane) => !requested.includes(lane));
      const reopened = shutdown.closedLanes.filter((lane) => requested.includes(lane));
      const events: PortEvent[] = [
        {
          type: 'PortLanesReopened',
          data: { portId, shutdownId: shutdown.shutdownId, phase: shutdown.phases + 1, lanes: reopened, stillClosed },
        },
      ];
      if (stillClosed.length > 0) return events;

      const { openCriticalItems, missingSignOffs } = reopeningBlockers(shutdown);
      if (openCriticalItems.length > 0 || missingSignOffs.length > 0) {
        const items = openCriticalItems.map((item) => item.id);
        const itemsEn = openCriticalItems.map((item) => `${item.id} (${item.text.en})`).join('; ');
        const itemsEs = openCriticalItems.map((item) => `${item.id} (${item.text.es})`).join('; ');
        const partsEn = [
          ...(items.length ? [`critical checklist items not completed or waived: ${itemsEn}`] : []),
          ...(missingSignOffs.length ? [`sign-off missing from: ${missingSignOffs.join(', ')}`] : []),
        ];
        const partsEs = [
          ...(items.length ? [`elementos críticos sin completar ni dispensar: ${itemsEs}`] : []),
          ...(missingSignOffs.length ? [`falta la firma de: ${missingSignOffs.join(', ')}`] : []),
        ];
        throw broken(
          'PORT.REOPENING_BLOCKED',
          `Port ${portId} cannot fully reopen: ${partsEn.join('; ')}`,
          `El puerto ${portId} no puede reabrir por completo: ${partsEs.join('; ')}`,
          {
            openCriticalItems: openCriticalItems.map((item) => ({
              id: item.id,
              text: item.text,
              owner: item.owner,
              agency: item.agency,
            })),
            missingSignOffs,
          },
        );
      }
      return [...events, { type: 'PortReopened', data: { portId, shutdownId: shutdown.shutdownId } }];
    }
    default:
      return assertNever(command);
  }
}

export const portDecider: Decider<PortState, PortCommand, PortEvent> = {
  initialState: initialPortState,
  evolve: evolvePort,
  decide: decidePort,
};

export const portStreamId = (portId: string): string => `port-${portId}`;
