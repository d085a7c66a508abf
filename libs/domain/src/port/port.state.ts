import type { LaneId, ShutdownKind } from '../reference/reference.js';
import { assertNever } from '../shared/decider.js';
import type { Side } from '../shared/side.js';
import type { BilingualText } from '../shared/text.js';
import type { ChecklistItem, PortEvent, SignOffWithdrawalCause } from './port.events.js';

export interface ChecklistItemState extends ChecklistItem {
  status: 'open' | 'completed' | 'waived';
  resolvedBy?: { side: Side; agency: string };
  resolvedAt?: string;
  note?: BilingualText;
  /** Why it was waived. */
  reason?: BilingualText;
  /** Set on items added to the running checklist (absent on the template's). */
  addedBy?: { side: Side; agency: string; at: string };
  /** The last time a completion or waiver of this item was undone, and why. */
  reopened?: { side: Side; agency: string; at: string; reason: BilingualText; previousStatus: 'completed' | 'waived' };
}

export interface SignOff {
  side: Side;
  agency: string;
  officer: string;
  at: string;
}

/** A sign-off that no longer counts: the side must sign off again. */
export interface WithdrawnSignOff extends SignOff {
  withdrawnAt: string;
  cause: SignOffWithdrawalCause;
  itemId?: string;
  reason: Required<BilingualText>;
}

export interface ShutdownState {
  shutdownId: string;
  kind: ShutdownKind;
  /** `full` while every lane of the port is closed, `partial` otherwise (follows the lanes closed now). */
  scope: 'full' | 'partial';
  /** Every lane this shutdown has closed (declared, widened or joined), in the order they closed. */
  lanes: LaneId[];
  /** Lanes still closed. */
  closedLanes: LaneId[];
  reason: BilingualText;
  incidentId?: string;
  declaredBy: { side: Side; agency: string };
  declaredAt: string;
  /** The other side, once it closed its own lanes as part of this shutdown. */
  joinedBy?: { side: Side; agency: string; at: string; reason: BilingualText };
  checklist: { templateId: string; templateVersion: number; items: ChecklistItemState[] };
  /** Sign-offs in force. */
  signOffs: Partial<Record<Side, SignOff>>;
  /** Sign-offs withdrawn by a later change and not given again: they need renewal. */
  signOffsToRenew: Partial<Record<Side, WithdrawnSignOff>>;
  phases: number;
}

export interface PortState {
  portId: string | undefined;
  activeShutdown: ShutdownState | undefined;
  pastShutdowns: {
    shutdownId: string;
    kind: ShutdownKind;
    declaredAt: string;
    reopenedAt: string;
    /** The incident it was declared for, if any. */
    incidentId?: string;
  }[];
}

export const initialPortState = (): PortState => ({ portId: undefined, activeShutdown: undefined, pastShutdowns: [] });

/** The sides that closed lanes in this shutdown: the declaring side, and the other once it joined. */
export function partiesOf(shutdown: ShutdownState): Side[] {
  return shutdown.joinedBy ? [shutdown.declaredBy.side, shutdown.joinedBy.side] : [shutdown.declaredBy.side];
}

function withShutdown(state: PortState, update: (shutdown: ShutdownState) => ShutdownState): PortState {
  return state.activeShutdown ? { ...state, activeShutdown: update(state.activeShutdown) } : state;
}

function updateItem(
  shutdown: ShutdownState,
  itemId: string,
  update: (item: ChecklistItemState) => ChecklistItemState,
): ShutdownState {
  const items = shutdown.checklist.items.map((item) => (item.id === itemId ? update(item) : item));
  return { ...shutdown, checklist: { ...shutdown.checklist, items } };
}

function closeLanes(shutdown: ShutdownState, data: Extract<PortEvent, { type: 'PortShutdownWidened' }>['data']) {
  return {
    ...shutdown,
    lanes: [...shutdown.lanes, ...data.lanes.filter((lane) => !shutdown.lanes.includes(lane))],
    closedLanes: data.closedLanes,
    scope: data.scope,
  };
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
          closedLanes: [...shutdown.closedLanes],
          declaredAt: recordedAt,
          checklist: { ...checklist, items: checklist.items.map((item) => ({ ...item, status: 'open' })) },
          signOffs: {},
          signOffsToRenew: {},
          phases: 0,
        },
      };
    }
    case 'PortShutdownWidened':
      return withShutdown(state, (shutdown) => closeLanes(shutdown, event.data));
    case 'PortShutdownJoined': {
      const { side, agency, reason } = event.data;
      return withShutdown(state, (shutdown) => ({
        ...closeLanes(shutdown, event.data),
        joinedBy: { side, agency, at: recordedAt, reason },
      }));
    }
    case 'ChecklistItemCompleted': {
      const { itemId, side, agency, note } = event.data;
      return withShutdown(state, (shutdown) =>
        updateItem(shutdown, itemId, ({ note: _note, reason: _reason, ...item }) => ({
          ...item,
          status: 'completed',
          resolvedBy: { side, agency },
          resolvedAt: recordedAt,
          ...(note ? { note } : {}),
        })),
      );
    }
    case 'ChecklistItemWaived': {
      const { itemId, side, agency, reason } = event.data;
      return withShutdown(state, (shutdown) =>
        updateItem(shutdown, itemId, ({ note: _note, ...item }) => ({
          ...item,
          status: 'waived',
          resolvedBy: { side, agency },
          resolvedAt: recordedAt,
          reason,
        })),
      );
    }
    case 'ChecklistItemReopened': {
      const { itemId, side, agency, reason, previousStatus } = event.data;
      return withShutdown(state, (shutdown) =>
        updateItem(shutdown, itemId, ({ resolvedBy: _by, resolvedAt: _at, note: _note, reason: _waiver, ...item }) => ({
          ...item,
          status: 'open',
          reopened: { side, agency, at: recordedAt, reason, previousStatus },
        })),
      );
    }
    case 'ChecklistItemAdded': {
      const { item, side, agency } = event.data;
      return withShutdown(state, (shutdown) => ({
        ...shutdown,
        checklist: {
          ...shutdown.checklist,
          items: [...shutdown.checklist.items, { ...item, status: 'open', addedBy: { side, agency, at: recordedAt } }],
        },
      }));
    }
    case 'ResumptionSignedOff': {
      const { side, agency, officer } = event.data;
      return withShutdown(state, (shutdown) => {
        const { [side]: _renewed, ...toRenew } = shutdown.signOffsToRenew;
        return {
          ...shutdown,
          signOffs: { ...shutdown.signOffs, [side]: { side, agency, officer, at: recordedAt } },
          signOffsToRenew: toRenew,
        };
      });
    }
    case 'ResumptionSignOffWithdrawn': {
      const { side, cause, itemId, reason } = event.data;
      return withShutdown(state, (shutdown) => {
        const { [side]: withdrawn, ...inForce } = shutdown.signOffs;
        if (!withdrawn) return shutdown;
        return {
          ...shutdown,
          signOffs: inForce,
          signOffsToRenew: {
            ...shutdown.signOffsToRenew,
            [side]: { ...withdrawn, withdrawnAt: recordedAt, cause, ...(itemId ? { itemId } : {}), reason },
          },
        };
      });
    }
    case 'PortLanesReopened':
      return withShutdown(state, (shutdown) => ({
        ...shutdown,
        closedLanes: event.data.stillClosed,
        // Some lane is open now, so whatever is still closed is part of the port.
        scope: 'partial',
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
            ...(shutdown.incidentId ? { incidentId: shutdown.incidentId } : {}),
          },
        ],
      };
    }
    default:
      return assertNever(event);
  }
}
