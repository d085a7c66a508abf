import type { ChecklistTemplateItem, LaneId, ShutdownKind } from '../reference/reference.js';
import type { Side } from '../shared/side.js';
import type { BilingualText } from '../shared/text.js';

/** A checklist item as recorded when the shutdown was declared (copied from its template, so history never moves). */
export type ChecklistItem = ChecklistTemplateItem;

/** What withdrew a sign-off: a change, after it, to an item of that side or a joint item, or more lanes closed. */
export const SIGN_OFF_WITHDRAWAL_CAUSES = [
  'item-reopened',
  'item-added',
  'item-waived',
  'joint-item-completed',
  'lanes-closed',
] as const;
export type SignOffWithdrawalCause = (typeof SIGN_OFF_WITHDRAWAL_CAUSES)[number];

/** Lanes closed while a shutdown runs, and the port's scope once they are. */
interface LanesClosed {
  portId: string;
  shutdownId: string;
  side: Side;
  agency: string;
  /** The lanes this event closes. */
  lanes: LaneId[];
  /** Every lane closed once it has. */
  closedLanes: LaneId[];
  scope: 'full' | 'partial';
  reason: BilingualText;
}

export type PortEvent =
  | {
      type: 'PortShutdownDeclared';
      data: {
        portId: string;
        shutdownId: string;
        kind: ShutdownKind;
        /** `full` when every lane of the port closes. */
        scope: 'full' | 'partial';
        lanes: LaneId[];
        /** Every lane closed once it has: the lanes it closes (schema version 2; version 1 left it to the reader). */
        closedLanes: LaneId[];
        reason: BilingualText;
        incidentId?: string;
        declaredBy: { side: Side; agency: string };
        checklist: { templateId: string; templateVersion: number; items: ChecklistItem[] };
      };
    }
  /** The declaring side closed more of its own lanes. */
  | { type: 'PortShutdownWidened'; data: LanesClosed }
  /** The other side closed its own lanes as part of the same shutdown (one checklist, one reopening). */
  | { type: 'PortShutdownJoined'; data: LanesClosed }
  | {
      type: 'ChecklistItemCompleted';
      data: { portId: string; shutdownId: string; itemId: string; side: Side; agency: string; note?: BilingualText };
    }
  | {
      type: 'ChecklistItemWaived';
      data: { portId: string; shutdownId: string; itemId: string; side: Side; agency: string; reason: BilingualText };
    }
  /** A completed or waived item is open again (a new reading over the threshold, a waiver that no longer holds). */
  | {
      type: 'ChecklistItemReopened';
      data: {
        portId: string;
        shutdownId: string;
        itemId: string;
        side: Side;
        agency: string;
        reason: BilingualText;
        previousStatus: 'completed' | 'waived';
      };
    }
  /** An item added to the running checklist (real checklists change). */
  | {
      type: 'ChecklistItemAdded';
      data: { portId: string; shutdownId: string; item: ChecklistItem; side: Side; agency: string };
    }
  | {
      type: 'ResumptionSignedOff';
      data: { portId: string; shutdownId: string; side: Side; agency: string; officer: string };
    }
  /** A side's sign-off no longer counts: it must be given again. Decided with the change that caused it. */
  | {
      type: 'ResumptionSignOffWithdrawn';
      data: {
        portId: string;
        shutdownId: string;
        side: Side;
        cause: SignOffWithdrawalCause;
        itemId?: string;
        reason: Required<BilingualText>;
      };
    }
  | {
      type: 'PortLanesReopened';
      data: { portId: string; shutdownId: string; phase: number; lanes: LaneId[]; stillClosed: LaneId[] };
    }
  | { type: 'PortReopened'; data: { portId: string; shutdownId: string } };

export type PortEventType = PortEvent['type'];
