import type { ChecklistTemplateItem, LaneId, ShutdownKind } from '../reference/reference.js';
import type { Side } from '../shared/side.js';
import type { BilingualText } from '../shared/text.js';

/** A checklist item as recorded when the shutdown was declared (copied from its template, so history never moves). */
export type ChecklistItem = ChecklistTemplateItem;

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
        reason: BilingualText;
        incidentId?: string;
        declaredBy: { side: Side; agency: string };
        checklist: { templateId: string; templateVersion: number; items: ChecklistItem[] };
      };
    }
  | {
      type: 'ChecklistItemCompleted';
      data: { portId: string; shutdownId: string; itemId: string; side: Side; agency: string; note?: BilingualText };
    }
  | {
      type: 'ChecklistItemWaived';
      data: { portId: string; shutdownId: string; itemId: string; side: Side; agency: string; reason: BilingualText };
    }
  | {
      type: 'ResumptionSignedOff';
      data: { portId: string; shutdownId: string; side: Side; agency: string; officer: string };
    }
  | {
      type: 'PortLanesReopened';
      data: { portId: string; shutdownId: string; phase: number; lanes: LaneId[]; stillClosed: LaneId[] };
    }
  | { type: 'PortReopened'; data: { portId: string; shutdownId: string } };

export type PortEventType = PortEvent['type'];
