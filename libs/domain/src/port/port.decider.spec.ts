import type { LaneId, ShutdownKind } from '../reference/reference.js';
import type { Side } from '../shared/side.js';
import type { BilingualText } from '../shared/text.js';
import {
  auditor,
  deciderSpecification,
  hazmatTemplate,
  mxOfficer,
  NOW,
  planner,
  testContext,
  usOfficer,
} from '../testing/index.js';
import {
  evolvePort,
  initialPortState,
  portDecider,
  reopeningBlockers,
  type PortCommand,
  type PortState,
  type ShutdownState,
} from './port.decider.js';
import type { ChecklistItem, PortEvent, SignOffWithdrawalCause } from './port.events.js';

const spec = deciderSpecification(portDecider, () => testContext());

const PORT_ID = 'otay-mesa';
const SHUTDOWN_ID = 'shutdown-1';
/** Otay Mesa's lanes in the test catalog, in the port's order. */
const ALL_LANES: LaneId[] = [
  'passenger:northbound',
  'passenger:southbound',
  'commercial:northbound',
  'commercial:southbound',
  'fast:northbound',
];
/** Northbound lanes enter the United States: the U.S. side's. */
const US_LANES: LaneId[] = ['passenger:northbound', 'commercial:northbound', 'fast:northbound'];
/** Southbound lanes enter Mexico: Mexico's. */
const MX_LANES: LaneId[] = ['passenger:southbound', 'commercial:southbound'];
const REASON: BilingualText = { en: 'Chlorine release near the commercial lot' };
const PLUME: BilingualText = { es: 'La nube se desplaza hacia los carriles de salida' };
const CRITICAL_ITEMS = ['scene-declared-safe', 'us-inspection-systems', 'mx-customs-ready'];

type EventData<Type extends PortEvent['type']> = Extract<PortEvent, { type: Type }>['data'];
type CommandData<Type extends PortCommand['type']> = Extract<PortCommand, { type: Type }>['data'];

const agencyOf = (side: Side) => (side === 'US' ? 'CBP' : 'ANAM');
const officerOf = (side: Side) => (side === 'US' ? usOfficer : mxOfficer);

// ---- commands ----

const declareShutdown = (data: Partial<CommandData<'DeclarePortShutdown'>> = {}): PortCommand => ({
  type: 'DeclarePortShutdown',
  data: { portId: PORT_ID, kind: 'hazmat-release', reason: REASON, incidentId: 'incident-1', ...data },
});

const widen = (lanes?: LaneId[], reason: BilingualText = PLUME): PortCommand => ({
  type: 'WidenPortShutdown',
  data: { portId: PORT_ID, reason, ...(lanes ? { lanes } : {}) },
});

const join = (lanes?: LaneId[], reason: BilingualText = PLUME): PortCommand => ({
  type: 'JoinPortShutdown',
  data: { portId: PORT_ID, reason, ...(lanes ? { lanes } : {}) },
});

const completeItem = (itemId: string, note?: BilingualText): PortCommand => ({
  type: 'CompleteChecklistItem',
  data: { portId: PORT_ID, itemId, ...(note ? { note } : {}) },
});

const waiveItem = (itemId: string, reason: BilingualText = { en: 'Not applicable' }): PortCommand => ({
  type: 'WaiveChecklistItem',
  data: { portId: PORT_ID, itemId, reason },
});

const NEW_READING: BilingualText = { en: 'Chlorine at 1.2 ppm at booth 3, over the action level' };

const reopenItem = (itemId: string, reason: BilingualText = NEW_READING): PortCommand => ({
  type: 'ReopenChecklistItem',
  data: { portId: PORT_ID, itemId, reason },
});

const DRAINS = {
  en: 'Storm drains under the commercial lot flushed and sampled',
  es: 'Drenajes pluviales bajo el patio comercial lavados y muestreados',
};

const addItem = (data: Partial<CommandData<'AddChecklistItem'>> = {}): PortCommand => ({
  type: 'AddChecklistItem',
  data: { portId: PORT_ID, owner: 'US', agency: 'EPA', critical: true, text: DRAINS, ...data },
});

const signOff = (side: Side): PortCommand => ({ type: 'SignOffResumption', data: { portId: PORT_ID, side } });

const reopenLanes = (lanes?: LaneId[]): PortCommand => ({
  type: 'ReopenPortLanes',
  data: { portId: PORT_ID, ...(lanes ? { lanes } : {}) },
});

// ---- events ----

/** The U.S. side's shutdown of its own (northbound) lanes. */
function declared(overrides: Partial<EventData<'PortShutdownDeclared'>> = {}): PortEvent {
  return {
    type: 'PortShutdownDeclared',
    data: {
      portId: PORT_ID,
      shutdownId: SHUTDOWN_ID,
      kind: 'hazmat-release',
      scope: 'partial',
      lanes: US_LANES,
      reason: REASON,
      incidentId: 'incident-1',
      declaredBy: { side: 'US', agency: 'CBP' },
      checklist: { templateId: 'hazmat-release', templateVersion: 1, items: hazmatTemplate.items },
      ...overrides,
      closedLanes: [...(overrides.lanes ?? US_LANES)],
    },
  };
}

function lanesClosed(
  type: 'PortShutdownWidened' | 'PortShutdownJoined',
  side: Side,
  lanes: LaneId[],
  closedLanes: LaneId[],
  reason: BilingualText = PLUME,
): PortEvent {
  return {
    type,
    data: {
      portId: PORT_ID,
      shutdownId: SHUTDOWN_ID,
      side,
      agency: agencyOf(side),
      lanes,
      closedLanes,
      scope: closedLanes.length === ALL_LANES.length ? 'full' : 'partial',
      reason,
    },
  };
}

/** Mexico closes its southbound lanes too: the shutdown is full. */
const joinedByMexico = (lanes: LaneId[] = MX_LANES): PortEvent =>
  lanesClosed(
    'PortShutdownJoined',
    'MX',
    lanes,
    ALL_LANES.filter((lane) => US_LANES.includes(lane) || lanes.includes(lane)),
  );

/** The Otay Mesa walk-around's starting point: every lane closed, by each side for its own. */
const fullShutdown: PortEvent[] = [declared(), joinedByMexico()];

const completed = (itemId: string, side: Side = 'US', note?: BilingualText): PortEvent => ({
  type: 'ChecklistItemCompleted',
  data: { portId: PORT_ID, shutdownId: SHUTDOWN_ID, itemId, side, agency: agencyOf(side), ...(note ? { note } : {}) },
});

const waived = (itemId: string, side: Side = 'US', reason: BilingualText = { en: 'Not applicable' }): PortEvent => ({
  type: 'ChecklistItemWaived',
  data: { portId: PORT_ID, shutdownId: SHUTDOWN_ID, itemId, side, agency: agencyOf(side), reason },
});

const itemReopened = (
  itemId: string,
  side: Side = 'US',
  previousStatus: 'completed' | 'waived' = 'completed',
  reason: BilingualText = NEW_READING,
): PortEvent => ({
  type: 'ChecklistItemReopened',
  data: { portId: PORT_ID, shutdownId: SHUTDOWN_ID, itemId, side, agency: agencyOf(side), reason, previousStatus },
});

const itemAdded = (item: ChecklistItem, side: Side = 'US'): PortEvent => ({
  type: 'ChecklistItemAdded',
  data: { portId: PORT_ID, shutdownId: SHUTDOWN_ID, item, side, agency: agencyOf(side) },
});

const signedOff = (side: Side): PortEvent => ({
  type: 'ResumptionSignedOff',
  data: { portId: PORT_ID, shutdownId: SHUTDOWN_ID, side, agency: agencyOf(side), officer: officerOf(side).id },
});

const WITHDRAWN_BECAUSE: Record<SignOffWithdrawalCause, [string, string]> = {
  'item-reopened': ['was reopened', 'Se reabrió'],
  'item-added': ['was added', 'Se agregó'],
  'item-waived': ['was waived', 'Se dispensó'],
  'joint-item-completed': ['', ''],
  'lanes-closed': ['', ''],
};

/** How a withdrawal's reason names the side whose sign-off it was. */
const SIGN_OFF_OF: Record<Side, { en: string; es: string }> = {
  US: { en: 'the U.S. sign-off', es: 'la firma del lado estadounidense' },
  MX: { en: 'the Mexican sign-off', es: 'la firma del lado mexicano' },
};

function withdrawn(side: Side, cause: SignOffWithdrawalCause, itemId?: string): PortEvent {
  const [en, es] = WITHDRAWN_BECAUSE[cause];
  const signOff = SIGN_OFF_OF[side];
  return {
    type: 'ResumptionSignOffWithdrawn',
    data: {
      portId: PORT_ID,
      shutdownId: SHUTDOWN_ID,
      side,
      cause,
      ...(itemId ? { itemId } : {}),
      reason:
        cause === 'joint-item-completed'
          ? {
              en: `Joint checklist item ${itemId} was completed by the other side after ${signOff.en}`,
              es: `El otro lado completó el elemento conjunto ${itemId} de la lista después de ${signOff.es}`,
            }
          : itemId
            ? {
                en: `Checklist item ${itemId} ${en} after ${signOff.en}`,
                es: `${es} el elemento ${itemId} ${cause === 'item-added' ? 'a' : 'de'} la lista después de ${signOff.es}`,
              }
            : {
                en: `More lanes were closed after ${signOff.en}`,
                es: `Se cerraron más carriles después de ${signOff.es}`,
              },
    },
  };
}

const lanesReopened = (phase: number, lanes: LaneId[], stillClosed: LaneId[]): PortEvent => ({
  type: 'PortLanesReopened',
  data: { portId: PORT_ID, shutdownId: SHUTDOWN_ID, phase, lanes, stillClosed },
});

const portReopened = (shutdownId = SHUTDOWN_ID): PortEvent => ({
  type: 'PortReopened',
  data: { portId: PORT_ID, shutdownId },
});

/** Each side's own critical item resolved, the joint one too (one of them waived). */
const criticalItemsResolved: PortEvent[] = [
  completed('scene-declared-safe', 'MX'),
  completed('us-inspection-systems', 'US'),
  waived('mx-customs-ready', 'MX', { es: 'Aduana operando en carril alterno' }),
];

/** Every critical item completed or waived and both sides signed off. */
const readyToReopen: PortEvent[] = [...criticalItemsResolved, signedOff('US'), signedOff('MX')];

const commandsDuringShutdown: [string, PortCommand][] = [
  ['WidenPortShutdown', widen()],
  ['JoinPortShutdown', join()],
  ['CompleteChecklistItem', completeItem('scene-declared-safe')],
  ['WaiveChecklistItem', waiveItem('scene-declared-safe')],
  ['ReopenChecklistItem', reopenItem('scene-declared-safe')],
  ['AddChecklistItem', addItem()],
  ['SignOffResumption', signOff('US')],
  ['ReopenPortLanes', reopenLanes()],
];

function fold(events: [PortEvent, string][]): PortState {
  return events.reduce((state, [event, at]) => evolvePort(state, event, at), initialPortState());
}

function activeShutdown(events: PortEvent[]): ShutdownState {
  const shutdown = fold(events.map((event) => [event, NOW])).activeShutdown;
  expect(shutdown).toBeDefined();
  return shutdown!;
}

describe('port decider', () => {
  describe('declaring a shutdown', () => {
    it("closes every lane of the officer's own side when no lanes are given, with the checklist of its kind", () => {
      spec.given([]).when(declareShutdown(), { actor: usOfficer }).then([declared()]);
      spec
        .given([])
        .when(declareShutdown({ lanes: [] }))
        .then([declared()]);
    });

    it('lets a Mexican officer close the southbound lanes, recording the side and leaving out a missing incident', () => {
      const [event] = spec
        .given([])
        .when(declareShutdown({ incidentId: undefined }), { actor: mxOfficer })
        .events();
      expect(event).toEqual({
        type: 'PortShutdownDeclared',
        data: {
          portId: PORT_ID,
          shutdownId: SHUTDOWN_ID,
          kind: 'hazmat-release',
          scope: 'partial',
          lanes: MX_LANES,
          closedLanes: MX_LANES,
          reason: REASON,
          declaredBy: { side: 'MX', agency: 'ANAM' },
          checklist: { templateId: 'hazmat-release', templateVersion: 1, items: hazmatTemplate.items },
        },
      });
      expect(event!.data).not.toHaveProperty('incidentId');
    });

    it('closes only the lanes given, once each and in the port order', () => {
      spec
        .given([])
        .when(declareShutdown({ lanes: ['fast:northbound', 'commercial:northbound', 'fast:northbound'] }))
        .then([declared({ lanes: ['commercial:northbound', 'fast:northbound'] })]);
    });

    it("refuses to close the other side's lanes: southbound is Mexico's to close, northbound the U.S.'s", () => {
      const error = spec
        .given([])
        .when(declareShutdown({ lanes: ALL_LANES }), { actor: usOfficer })
        .thenFails('AUTH.WRONG_SIDE', { lanes: MX_LANES, owner: 'MX', actorSide: 'US' });
      expect(error.kind).toBe('forbidden');
      expect(error.messages.en).toContain('only a Mexican officer may close or reopen them');
      spec
        .given([])
        .when(declareShutdown({ lanes: ['fast:northbound'] }), { actor: mxOfficer })
        .thenFails('AUTH.WRONG_SIDE', { lanes: ['fast:northbound'], owner: 'US', actorSide: 'MX' });
    });

    it('refuses an unknown port', () => {
      spec
        .given([])
        .when(declareShutdown({ portId: 'atlantis' }))
        .thenFails('PORT.NOT_FOUND');
    });

    it('refuses a lane the port does not have, naming it', () => {
      spec
        .given([])
        .when(declareShutdown({ lanes: ['commercial:northbound', 'rail:northbound', 'fast:southbound'] }))
        .thenFails('PORT.UNKNOWN_LANE', { lanes: ['rail:northbound', 'fast:southbound'], portLanes: ALL_LANES });
    });

    it('refuses a kind of shutdown without a resumption checklist', () => {
      spec
        .given([])
        .when(declareShutdown({ kind: 'fire' satisfies ShutdownKind }))
        .thenFails('PORT.NO_CHECKLIST_TEMPLATE', { kind: 'fire' });
    });

    it('refuses a second shutdown while one is in progress, pointing to widening or joining it', () => {
      const error = spec
        .given([declared()])
        .when(declareShutdown(), { actor: mxOfficer })
        .thenFails('PORT.SHUTDOWN_IN_PROGRESS', { shutdownId: SHUTDOWN_ID, declaredBy: 'US', parties: ['US'] });
      expect(error.messages.en).toContain('join it');
      expect(error.messages.es).toContain('súmese');
      spec
        .given([...fullShutdown, ...readyToReopen, lanesReopened(1, ['passenger:northbound'], ALL_LANES.slice(1))])
        .when(declareShutdown())
        .thenFails('PORT.SHUTDOWN_IN_PROGRESS', { parties: ['US', 'MX'] });
    });

    it('declares a new shutdown once the port has reopened', () => {
      spec
        .given([declared({ shutdownId: 'shutdown-0' }), lanesReopened(1, US_LANES, []), portReopened('shutdown-0')])
        .when(declareShutdown({ lanes: ['passenger:southbound'] }), { actor: mxOfficer })
        .then([declared({ lanes: ['passenger:southbound'], declaredBy: { side: 'MX', agency: 'ANAM' } })]);
    });
  });

  describe('widening a shutdown in progress', () => {
    it('closes more lanes of the declaring side, as an event with the lanes closed now', () => {
      spec
        .given([declared({ lanes: ['commercial:northbound'] })])
        .when(widen(['fast:northbound', 'passenger:northbound']), { actor: usOfficer })
        .then([lanesClosed('PortShutdownWidened', 'US', ['passenger:northbound', 'fast:northbound'], US_LANES)]);
    });

    it('closes every lane of the side still open when no lanes are given, and turns partial into full', () => {
      spec
        .given([declared(), joinedByMexico(['commercial:southbound'])])
        .when(widen(), { actor: mxOfficer })
        .then([lanesClosed('PortShutdownWidened', 'MX', ['passenger:southbound'], ALL_LANES)]);
    });

    it('closes again a lane reopened in an earlier phase (the plume came back), withdrawing the sign-offs', () => {
      spec
        .given([...fullShutdown, ...readyToReopen, lanesReopened(1, ['passenger:northbound'], ALL_LANES.slice(1))])
        .when(widen(['passenger:northbound']))
        .then([
          lanesClosed('PortShutdownWidened', 'US', ['passenger:northbound'], ALL_LANES),
          withdrawn('US', 'lanes-closed'),
          withdrawn('MX', 'lanes-closed'),
        ]);
    });

    it('withdraws every sign-off in force: the shutdown they agreed to reopen has grown', () => {
      spec
        .given([declared({ lanes: ['commercial:northbound'] }), ...readyToReopen])
        .when(widen(['fast:northbound']))
        .then([
          lanesClosed('PortShutdownWidened', 'US', ['fast:northbound'], ['commercial:northbound', 'fast:northbound']),
          withdrawn('US', 'lanes-closed'),
          withdrawn('MX', 'lanes-closed'),
        ]);
    });

    it("refuses the other side's lanes", () => {
      spec
        .given([declared({ lanes: ['commercial:northbound'] })])
        .when(widen(['commercial:southbound']), { actor: usOfficer })
        .thenFails('AUTH.WRONG_SIDE', { lanes: ['commercial:southbound'], owner: 'MX', actorSide: 'US' });
    });

    it('refuses lanes already closed, and a side with nothing left to close', () => {
      spec
        .given([declared({ lanes: ['commercial:northbound'] })])
        .when(widen(['commercial:northbound', 'fast:northbound']))
        .thenFails('PORT.LANE_ALREADY_CLOSED', {
          lanes: ['commercial:northbound'],
          closedLanes: ['commercial:northbound'],
        });
      spec.given([declared()]).when(widen()).thenFails('PORT.NO_LANES_TO_CLOSE', { side: 'US', closedLanes: US_LANES });
    });

    it('refuses a side that has no lanes in the shutdown yet: it joins instead', () => {
      spec
        .given([declared()])
        .when(widen(MX_LANES), { actor: mxOfficer })
        .thenFails('PORT.NOT_A_PARTY', { side: 'MX', parties: ['US'] });
    });
  });

  describe('joining a shutdown in progress', () => {
    it('lets the other side close its own lanes in the same shutdown instead of being refused', () => {
      spec.given([declared()]).when(join(), { actor: mxOfficer }).then([joinedByMexico()]);
      spec
        .given([declared()])
        .when(join(['commercial:southbound']), { actor: mxOfficer })
        .then([joinedByMexico(['commercial:southbound'])]);
    });

    it('withdraws every sign-off in force', () => {
      spec
        .given([declared(), ...criticalItemsResolved, signedOff('US')])
        .when(join(), { actor: mxOfficer })
        .then([joinedByMexico(), withdrawn('US', 'lanes-closed')]);
    });

    it('refuses a side already in the shutdown (it widens instead), and joining twice', () => {
      spec
        .given([declared()])
        .when(join(), { actor: usOfficer })
        .thenFails('PORT.ALREADY_A_PARTY', { side: 'US', parties: ['US'] });
      spec
        .given(fullShutdown)
        .when(join(), { actor: mxOfficer })
        .thenFails('PORT.ALREADY_A_PARTY', { side: 'MX', parties: ['US', 'MX'] });
    });

    it("refuses the joining side the other side's lanes, and lanes the port does not have", () => {
      spec
        .given([declared({ lanes: ['commercial:northbound'] })])
        .when(join(['fast:northbound']), { actor: mxOfficer })
        .thenFails('AUTH.WRONG_SIDE', { lanes: ['fast:northbound'], owner: 'US', actorSide: 'MX' });
      spec
        .given([declared()])
        .when(join(['rail:southbound']), { actor: mxOfficer })
        .thenFails('PORT.UNKNOWN_LANE', { lanes: ['rail:southbound'] });
    });
  });

  describe('the resumption checklist', () => {
    it('completes an item of the own side, keeping the note', () => {
      spec
        .given([declared()])
        .when(completeItem('us-inspection-systems', { en: 'Scanners rebooted' }), { actor: usOfficer })
        .then([completed('us-inspection-systems', 'US', { en: 'Scanners rebooted' })]);
      spec
        .given([declared()])
        .when(completeItem('mx-customs-ready'), { actor: mxOfficer })
        .then([completed('mx-customs-ready', 'MX')]);
    });

    it('waives an item of the own side with a reason', () => {
      spec
        .given([declared()])
        .when(waiveItem('trade-notified', { en: 'Trade notified by the BLM' }), { actor: usOfficer })
        .then([waived('trade-notified', 'US', { en: 'Trade notified by the BLM' })]);
    });

    it('refuses an item that belongs to the other side', () => {
      spec
        .given([declared()])
        .when(completeItem('us-inspection-systems'), { actor: mxOfficer })
        .thenFails('AUTH.WRONG_SIDE', { itemId: 'us-inspection-systems', owner: 'US', actorSide: 'MX' });
      spec
        .given([declared()])
        .when(waiveItem('mx-customs-ready'), { actor: usOfficer })
        .thenFails('AUTH.WRONG_SIDE', { itemId: 'mx-customs-ready', owner: 'MX', actorSide: 'US' });
    });

    it.each(['US', 'MX'] as const)('lets a %s officer complete or waive a JOINT item', (side) => {
      spec
        .given([declared()])
        .when(completeItem('scene-declared-safe'), { actor: officerOf(side) })
        .then([completed('scene-declared-safe', side)]);
      spec
        .given([declared()])
        .when(waiveItem('scene-declared-safe'), { actor: officerOf(side) })
        .then([waived('scene-declared-safe', side)]);
    });

    it('refuses to resolve an item twice', () => {
      spec
        .given([declared(), completed('scene-declared-safe', 'MX')])
        .when(completeItem('scene-declared-safe'))
        .thenFails('PORT.CHECKLIST_ITEM_RESOLVED', { itemId: 'scene-declared-safe', status: 'completed' });
      spec
        .given([declared(), waived('scene-declared-safe')])
        .when(completeItem('scene-declared-safe'))
        .thenFails('PORT.CHECKLIST_ITEM_RESOLVED', { itemId: 'scene-declared-safe', status: 'waived' });
      spec
        .given([declared(), completed('us-inspection-systems')])
        .when(waiveItem('us-inspection-systems'))
        .thenFails('PORT.CHECKLIST_ITEM_RESOLVED', { itemId: 'us-inspection-systems', status: 'completed' });
    });

    it('refuses an unknown item', () => {
      for (const command of [completeItem('coffee-brewed'), waiveItem('coffee-brewed'), reopenItem('coffee-brewed')]) {
        spec.given([declared()]).when(command).thenFails('PORT.UNKNOWN_CHECKLIST_ITEM', { itemId: 'coffee-brewed' });
      }
    });

    it('completing an item of its own side after a sign-off withdraws nothing (it only moves towards reopening)', () => {
      spec
        .given([declared(), ...readyToReopen])
        .when(completeItem('trade-notified'))
        .then([completed('trade-notified')]);
    });

    it("a joint item completed by one side alone withdraws the other side's sign-off: neither reopens on its own", () => {
      const jointOpen = [completed('us-inspection-systems', 'US'), waived('mx-customs-ready', 'MX')];
      // Mexico signed while the joint item was open; the U.S. ticks it alone: Mexico must sign again.
      spec
        .given([declared(), ...jointOpen, signedOff('MX')])
        .when(completeItem('scene-declared-safe'), { actor: usOfficer })
        .then([completed('scene-declared-safe', 'US'), withdrawn('MX', 'joint-item-completed', 'scene-declared-safe')]);
      // The completing side's own sign-off stands; so does a sign-off given after the joint item was done.
      spec
        .given([declared(), ...jointOpen, signedOff('US')])
        .when(completeItem('scene-declared-safe'), { actor: usOfficer })
        .then([completed('scene-declared-safe', 'US')]);
      // The walk-around a tester found: Mexico signs, the U.S. completes the joint items alone, signs, and reopens.
      spec
        .given([
          declared(),
          ...jointOpen,
          signedOff('MX'),
          completed('scene-declared-safe', 'US'),
          withdrawn('MX', 'joint-item-completed', 'scene-declared-safe'),
          signedOff('US'),
        ])
        .when(reopenLanes(), { actor: usOfficer })
        .thenFails('PORT.REOPENING_BLOCKED', { missingSignOffs: ['MX'], signOffsToRenew: ['MX'] });
    });
  });

  describe('undoing a completion or a waiver', () => {
    it('opens a completed or waived item again, with the reason and what it was', () => {
      spec
        .given([declared(), completed('scene-declared-safe', 'MX')])
        .when(reopenItem('scene-declared-safe'), { actor: usOfficer })
        .then([itemReopened('scene-declared-safe', 'US', 'completed')]);
      spec
        .given([declared(), waived('mx-customs-ready', 'MX')])
        .when(reopenItem('mx-customs-ready', { es: 'El sistema volvió a fallar' }), { actor: mxOfficer })
        .then([itemReopened('mx-customs-ready', 'MX', 'waived', { es: 'El sistema volvió a fallar' })]);
    });

    it('refuses an item that is open, and an item of the other side', () => {
      spec
        .given([declared()])
        .when(reopenItem('scene-declared-safe'))
        .thenFails('PORT.CHECKLIST_ITEM_OPEN', { itemId: 'scene-declared-safe', status: 'open' });
      spec
        .given([declared(), completed('us-inspection-systems')])
        .when(reopenItem('us-inspection-systems'), { actor: mxOfficer })
        .thenFails('AUTH.WRONG_SIDE', { itemId: 'us-inspection-systems', owner: 'US', actorSide: 'MX' });
    });

    it("withdraws the owner side's sign-off, and leaves the other side's in force", () => {
      spec
        .given([declared(), ...readyToReopen])
        .when(reopenItem('us-inspection-systems'), { actor: usOfficer })
        .then([itemReopened('us-inspection-systems', 'US'), withdrawn('US', 'item-reopened', 'us-inspection-systems')]);
      spec
        .given([declared(), ...readyToReopen])
        .when(reopenItem('mx-customs-ready'), { actor: mxOfficer })
        .then([itemReopened('mx-customs-ready', 'MX', 'waived'), withdrawn('MX', 'item-reopened', 'mx-customs-ready')]);
    });

    it('withdraws both sign-offs when a joint item is undone', () => {
      spec
        .given([declared(), ...readyToReopen])
        .when(reopenItem('scene-declared-safe'), { actor: usOfficer })
        .then([
          itemReopened('scene-declared-safe'),
          withdrawn('US', 'item-reopened', 'scene-declared-safe'),
          withdrawn('MX', 'item-reopened', 'scene-declared-safe'),
        ]);
    });
  });

  describe('a waiver after a sign-off', () => {
    it("withdraws the owner side's sign-off (a non-critical item too), or both for a joint item", () => {
      spec
        .given([declared(), ...readyToReopen])
        .when(waiveItem('trade-notified', { en: 'BLM told the trade' }), { actor: usOfficer })
        .then([
          waived('trade-notified', 'US', { en: 'BLM told the trade' }),
          withdrawn('US', 'item-waived', 'trade-notified'),
        ]);
      spec
        .given([declared(), completed('us-inspection-systems'), waived('mx-customs-ready', 'MX'), signedOff('US')])
        .when(waiveItem('scene-declared-safe'), { actor: mxOfficer })
        .then([waived('scene-declared-safe', 'MX'), withdrawn('US', 'item-waived', 'scene-declared-safe')]);
    });

    it('leaves a withdrawn sign-off to be given again, and counts it only once given again', () => {
      const afterWaiver = [
        declared(),
        ...readyToReopen,
        waived('trade-notified'),
        withdrawn('US', 'item-waived', 'trade-notified'),
      ];
      spec
        .given(afterWaiver)
        .when(reopenLanes(['fast:northbound']))
        .thenFails('PORT.REOPENING_BLOCKED', { missingSignOffs: ['US'], signOffsToRenew: ['US'] });
      spec
        .given(afterWaiver)
        .when(signOff('US'))
        .then([signedOff('US')]);
      spec
        .given([...afterWaiver, signedOff('US')])
        .when(reopenLanes(['fast:northbound']))
        .then([lanesReopened(1, ['fast:northbound'], ['passenger:northbound', 'commercial:northbound'])]);
    });
  });

  describe('adding an item to the running checklist', () => {
    const drains = (id = 'us-added-1', critical = true): ChecklistItem => ({
      id,
      text: DRAINS,
      owner: 'US',
      agency: 'EPA',
      critical,
    });

    it('adds an item of the own side with its owner, agency, critical flag and both languages', () => {
      spec
        .given([declared()])
        .when(addItem(), { actor: usOfficer })
        .then([itemAdded(drains())]);
    });

    it('adds a joint item from either side, numbering added items', () => {
      const joint: ChecklistItem = {
        id: 'joint-added-2',
        text: { en: 'Second air sampling round', es: 'Segunda ronda de muestreo del aire' },
        owner: 'JOINT',
        agency: 'JRT',
        critical: false,
      };
      spec
        .given([declared(), itemAdded(drains())])
        .when(addItem({ owner: 'JOINT', agency: 'JRT', critical: false, text: joint.text }), { actor: mxOfficer })
        .then([itemAdded(joint, 'MX')]);
    });

    it('refuses an item for the other side, an agency not of its owner, and a text in one language only', () => {
      spec
        .given([declared()])
        .when(addItem({ owner: 'MX', agency: 'PROFEPA' }), { actor: usOfficer })
        .thenFails('AUTH.WRONG_SIDE', { owner: 'MX', actorSide: 'US' });
      spec
        .given([declared()])
        .when(addItem({ agency: 'PROFEPA' }), { actor: usOfficer })
        .thenFails('PORT.UNKNOWN_AGENCY', { agency: 'PROFEPA', owner: 'US' });
      const error = spec
        .given([declared()])
        .when(addItem({ text: { en: 'Drains sampled', es: '  ' } }))
        .thenFails('PORT.CHECKLIST_ITEM_NOT_BILINGUAL', { field: 'text', missing: ['es'] });
      expect(error.messages.es).toContain('inglés y en español');
    });

    it("withdraws the owner side's sign-off, or both for a joint item", () => {
      spec
        .given([declared(), ...readyToReopen])
        .when(addItem())
        .then([itemAdded(drains()), withdrawn('US', 'item-added', 'us-added-1')]);
      const [, ...withdrawals] = spec
        .given([declared(), ...readyToReopen])
        .when(addItem({ owner: 'JOINT', agency: 'BLM', critical: false }), { actor: mxOfficer })
        .events();
      expect(withdrawals).toEqual([
        withdrawn('US', 'item-added', 'joint-added-1'),
        withdrawn('MX', 'item-added', 'joint-added-1'),
      ]);
    });

    it('blocks the sign-off of its side and every reopening while it is open and critical', () => {
      const given = [declared(), ...criticalItemsResolved, itemAdded(drains())];
      spec
        .given(given)
        .when(signOff('US'))
        .thenFails('PORT.SIGN_OFF_BLOCKED', { side: 'US', openCriticalItems: [{ id: 'us-added-1' }] });
      spec
        .given(given)
        .when(signOff('MX'), { actor: mxOfficer })
        .then([signedOff('MX')]);
      spec
        .given([...given, completed('us-added-1'), signedOff('US'), signedOff('MX')])
        .when(reopenLanes())
        .then([lanesReopened(1, US_LANES, []), portReopened()]);
    });
  });

  describe('signing off the resumption', () => {
    it("records the sign-off of the own side once that side's critical items are completed or waived", () => {
      spec
        .given([declared(), ...criticalItemsResolved])
        .when(signOff('US'), { actor: usOfficer })
        .then([signedOff('US')]);
      spec
        .given([declared(), completed('mx-customs-ready', 'MX'), signedOff('US')])
        .when(signOff('MX'), { actor: mxOfficer })
        .then([signedOff('MX')]);
    });

    it("refuses a side's sign-off while its own critical items are open, naming them in both languages", () => {
      const error = spec
        .given([declared(), completed('mx-customs-ready', 'MX')])
        .when(signOff('US'), { actor: usOfficer })
        .thenFails('PORT.SIGN_OFF_BLOCKED');
      expect(error.details).toEqual({
        side: 'US',
        openCriticalItems: [
          { id: 'us-inspection-systems', text: hazmatTemplate.items[1]!.text, owner: 'US', agency: 'CBP' },
        ],
      });
      expect(error.messages.en).toContain('us-inspection-systems (Inspection systems back online)');
      expect(error.messages.es).toContain('us-inspection-systems (Sistemas de inspección en línea)');
    });

    it('refuses to sign off for the other side', () => {
      spec
        .given([declared()])
        .when(signOff('MX'), { actor: usOfficer })
        .thenFails('AUTH.WRONG_SIDE', { side: 'MX', actorSide: 'US' });
    });

    it('refuses to sign off twice', () => {
      spec
        .given([declared(), ...criticalItemsResolved, signedOff('US')])
        .when(signOff('US'), { actor: usOfficer })
        .thenFails('PORT.ALREADY_SIGNED_OFF', {
          side: 'US',
          signOff: { side: 'US', agency: 'CBP', officer: 'officer.us', at: NOW },
        });
    });
  });

  describe('reopening lanes: two-sided at every phase', () => {
    it('refuses a first phase of one lane without both sign-offs, even with every critical item done', () => {
      spec
        .given([declared(), ...criticalItemsResolved])
        .when(reopenLanes(['fast:northbound']))
        .thenFails('PORT.REOPENING_BLOCKED', { phase: 1, openCriticalItems: [], missingSignOffs: ['US', 'MX'] });
      spec
        .given([declared(), ...criticalItemsResolved, signedOff('US')])
        .when(reopenLanes(['fast:northbound']))
        .thenFails('PORT.REOPENING_BLOCKED', { missingSignOffs: ['MX'], signOffsToRenew: [] });
    });

    it('refuses the Otay Mesa walk-around: full shutdown, nothing done, no sign-off, one officer, all but one lane', () => {
      const error = spec
        .given(fullShutdown)
        .when(reopenLanes(ALL_LANES.slice(0, -1)), { actor: usOfficer })
        .thenFails('PORT.REOPENING_BLOCKED');
      expect(error.details).toEqual({
        phase: 1,
        openCriticalItems: hazmatTemplate.items
          .filter((item) => item.critical)
          .map(({ id, text, owner, agency }) => ({ id, text, owner, agency })),
        missingSignOffs: ['US', 'MX'],
        signOffsToRenew: [],
      });
      expect((error.details.openCriticalItems as { id: string }[]).map((item) => item.id)).toEqual(CRITICAL_ITEMS);
      expect(error.messages.en).toContain('neither side reopens on its own');
      expect(error.messages.en).toContain('mx-customs-ready');
      expect(error.messages.es).toContain('ningún lado reabre por su cuenta');
      expect(error.messages.es).toContain('falta la firma de: US, MX');
    });

    it('refuses a later phase the same way: a sign-off withdrawn after the first phase blocks the second', () => {
      const given = [
        ...fullShutdown,
        ...readyToReopen,
        lanesReopened(1, ['passenger:northbound'], ALL_LANES.slice(1)),
        itemReopened('scene-declared-safe', 'MX'),
        withdrawn('US', 'item-reopened', 'scene-declared-safe'),
        withdrawn('MX', 'item-reopened', 'scene-declared-safe'),
      ];
      const error = spec
        .given(given)
        .when(reopenLanes(['fast:northbound']))
        .thenFails('PORT.REOPENING_BLOCKED', {
          phase: 2,
          openCriticalItems: [{ id: 'scene-declared-safe' }],
          missingSignOffs: ['US', 'MX'],
          signOffsToRenew: ['US', 'MX'],
        });
      expect(error.messages.en).toContain('withdrawn, to be renewed: US, MX');
      expect(error.messages.es).toContain('retirada, por renovar: US, MX');
    });

    it('names exactly what blocks: open critical items without sign-offs, or sign-offs without the items', () => {
      spec
        .given([declared(), completed('scene-declared-safe'), waived('us-inspection-systems'), signedOff('US')])
        .when(reopenLanes())
        .thenFails('PORT.REOPENING_BLOCKED', {
          openCriticalItems: [{ id: 'mx-customs-ready' }],
          missingSignOffs: ['MX'],
        });
    });

    it('reopens lanes in phases once both sign-offs are in force, numbering the phases', () => {
      spec
        .given([...fullShutdown, ...readyToReopen])
        .when(reopenLanes(['fast:northbound', 'passenger:northbound']), { actor: usOfficer })
        .then([
          lanesReopened(
            1,
            ['passenger:northbound', 'fast:northbound'],
            ['passenger:southbound', 'commercial:northbound', 'commercial:southbound'],
          ),
        ]);
      spec
        .given([...fullShutdown, ...readyToReopen, lanesReopened(1, ['passenger:northbound'], ALL_LANES.slice(1))])
        .when(reopenLanes(['commercial:southbound']), { actor: mxOfficer })
        .then([
          lanesReopened(
            2,
            ['commercial:southbound'],
            ['passenger:southbound', 'commercial:northbound', 'fast:northbound'],
          ),
        ]);
    });

    it("reopens only the officer's own lanes: each side reopens what it closed", () => {
      spec
        .given([...fullShutdown, ...readyToReopen])
        .when(reopenLanes(ALL_LANES), { actor: usOfficer })
        .thenFails('AUTH.WRONG_SIDE', { lanes: MX_LANES, owner: 'MX', actorSide: 'US' });
      spec
        .given([...fullShutdown, ...readyToReopen])
        .when(reopenLanes(), { actor: usOfficer })
        .then([lanesReopened(1, US_LANES, MX_LANES)]);
      spec
        .given([...fullShutdown, ...readyToReopen, lanesReopened(1, US_LANES, MX_LANES)])
        .when(reopenLanes(), { actor: mxOfficer })
        .then([lanesReopened(2, MX_LANES, []), portReopened()]);
    });

    it('refuses a side with no closed lane, and a lane that is not closed', () => {
      spec
        .given([declared(), ...readyToReopen])
        .when(reopenLanes(), { actor: mxOfficer })
        .thenFails('PORT.NO_LANES_TO_REOPEN', { side: 'MX', closedLanes: US_LANES });
      spec
        .given([...fullShutdown, ...readyToReopen, lanesReopened(1, ['passenger:northbound'], ALL_LANES.slice(1))])
        .when(reopenLanes(['passenger:northbound', 'commercial:northbound']))
        .thenFails('PORT.LANE_NOT_CLOSED', { lanes: ['passenger:northbound'], closedLanes: ALL_LANES.slice(1) });
    });

    it('narrowing is a reopening phase: gated like any other, and it narrows the scope', () => {
      spec
        .given([...fullShutdown])
        .when(reopenLanes(['passenger:southbound']), { actor: mxOfficer })
        .thenFails('PORT.REOPENING_BLOCKED');
      const narrowed = activeShutdown([
        ...fullShutdown,
        ...readyToReopen,
        lanesReopened(
          1,
          ['passenger:southbound'],
          ALL_LANES.filter((lane) => lane !== 'passenger:southbound'),
        ),
      ]);
      expect(narrowed).toMatchObject({ scope: 'partial', phases: 1 });
    });

    it('does not wait for a non-critical item', () => {
      const shutdown = activeShutdown([declared(), ...readyToReopen]);
      expect(shutdown.checklist.items.find((item) => item.id === 'trade-notified')).toMatchObject({
        critical: false,
        status: 'open',
      });
      spec
        .given([declared(), ...readyToReopen])
        .when(reopenLanes(US_LANES))
        .then([lanesReopened(1, US_LANES, []), portReopened()]);
    });
  });

  describe('a port without a shutdown in progress', () => {
    it.each(commandsDuringShutdown)('refuses %s with PORT.NO_ACTIVE_SHUTDOWN', (_name, command) => {
      spec.given([]).when(command).thenFails('PORT.NO_ACTIVE_SHUTDOWN', { portId: PORT_ID });
      spec
        .given([declared(), ...readyToReopen, lanesReopened(1, US_LANES, []), portReopened()])
        .when(command)
        .thenFails('PORT.NO_ACTIVE_SHUTDOWN', { portId: PORT_ID });
    });

    it.each(commandsDuringShutdown)('refuses %s on an unknown port with PORT.NOT_FOUND', (_name, command) => {
      spec
        .given([declared()])
        .when({ ...command, data: { ...command.data, portId: 'atlantis' } } as PortCommand)
        .thenFails('PORT.NOT_FOUND');
    });
  });

  describe('who may act', () => {
    it.each([['DeclarePortShutdown', declareShutdown()] as [string, PortCommand], ...commandsDuringShutdown])(
      'refuses an auditor or planner to %s',
      (_name, command) => {
        spec.given([declared()]).when(command, { actor: auditor }).thenFails('AUTH.ROLE');
        spec.given([declared()]).when(command, { actor: planner }).thenFails('AUTH.ROLE');
      },
    );
  });

  describe('reopeningBlockers', () => {
    it('lists the open critical items, the missing sign-offs and those to renew', () => {
      const blockers = reopeningBlockers(
        activeShutdown([
          declared(),
          completed('scene-declared-safe'),
          completed('mx-customs-ready', 'MX'),
          signedOff('MX'),
          itemReopened('mx-customs-ready', 'MX'),
          withdrawn('MX', 'item-reopened', 'mx-customs-ready'),
        ]),
      );
      expect(blockers.openCriticalItems.map((item) => item.id)).toEqual(['us-inspection-systems', 'mx-customs-ready']);
      expect(blockers.missingSignOffs).toEqual(['US', 'MX']);
      expect(blockers.signOffsToRenew).toEqual(['MX']);
    });

    it('is empty once the shutdown is ready to reopen, whatever the non-critical items', () => {
      expect(reopeningBlockers(activeShutdown([declared(), ...readyToReopen]))).toEqual({
        openCriticalItems: [],
        missingSignOffs: [],
        signOffsToRenew: [],
      });
    });
  });

  describe('state', () => {
    const T1 = '2026-11-23T18:01:00.000Z';
    const T2 = '2026-11-23T18:02:00.000Z';
    const T3 = '2026-11-23T18:03:00.000Z';
    const T4 = '2026-11-23T18:04:00.000Z';

    it('starts with no port and no shutdown, and ignores checklist events without a shutdown', () => {
      expect(initialPortState()).toEqual({ portId: undefined, activeShutdown: undefined, pastShutdowns: [] });
      expect(evolvePort(initialPortState(), completed('scene-declared-safe'), T1)).toEqual(initialPortState());
      expect(evolvePort(initialPortState(), portReopened(), T1)).toEqual(initialPortState());
    });

    it('folds the lanes, the checklist, the sign-offs and the lanes still closed', () => {
      const state = fold([
        [declared({ lanes: ['commercial:northbound'] }), T1],
        [
          lanesClosed('PortShutdownWidened', 'US', US_LANES.slice(0, 1), [
            'passenger:northbound',
            'commercial:northbound',
          ]),
          T1,
        ],
        [completed('scene-declared-safe', 'MX', { es: 'Escena segura' }), T2],
        [waived('us-inspection-systems', 'US', { en: 'Manual inspection' }), T2],
        [signedOff('MX'), T3],
        [lanesReopened(1, ['passenger:northbound'], ['commercial:northbound']), T3],
        [lanesReopened(2, ['commercial:northbound'], []), T4],
      ]);
      const [safe, inspection, customs, trade] = hazmatTemplate.items;
      expect(state).toEqual({
        portId: PORT_ID,
        pastShutdowns: [],
        activeShutdown: {
          shutdownId: SHUTDOWN_ID,
          kind: 'hazmat-release',
          scope: 'partial',
          lanes: ['commercial:northbound', 'passenger:northbound'],
          closedLanes: [],
          reason: REASON,
          incidentId: 'incident-1',
          declaredBy: { side: 'US', agency: 'CBP' },
          declaredAt: T1,
          checklist: {
            templateId: 'hazmat-release',
            templateVersion: 1,
            items: [
              {
                ...safe,
                status: 'completed',
                resolvedBy: { side: 'MX', agency: 'ANAM' },
                resolvedAt: T2,
                note: { es: 'Escena segura' },
              },
              {
                ...inspection,
                status: 'waived',
                resolvedBy: { side: 'US', agency: 'CBP' },
                resolvedAt: T2,
                reason: { en: 'Manual inspection' },
              },
              { ...customs, status: 'open' },
              { ...trade, status: 'open' },
            ],
          },
          signOffs: { MX: { side: 'MX', agency: 'ANAM', officer: 'officer.mx', at: T3 } },
          signOffsToRenew: {},
          phases: 2,
        },
      });
    });

    it('follows the scope of the lanes closed now: full once the other side joins, partial after a phase', () => {
      expect(activeShutdown([declared()]).scope).toBe('partial');
      expect(activeShutdown(fullShutdown)).toMatchObject({ scope: 'full', closedLanes: ALL_LANES });
      expect(
        activeShutdown([
          ...fullShutdown,
          ...readyToReopen,
          lanesReopened(1, ['fast:northbound'], ALL_LANES.slice(0, -1)),
        ]).scope,
      ).toBe('partial');
    });

    it('records who joined, items reopened and added, and sign-offs withdrawn then renewed', () => {
      const drains: ChecklistItem = { id: 'us-added-1', text: DRAINS, owner: 'US', agency: 'EPA', critical: true };
      const joined = fold([
        [declared(), T1],
        [joinedByMexico(), T2],
        ...readyToReopen.map((event): [PortEvent, string] => [event, T2]),
        [itemReopened('scene-declared-safe', 'MX'), T3],
        [withdrawn('US', 'item-reopened', 'scene-declared-safe'), T3],
        [withdrawn('MX', 'item-reopened', 'scene-declared-safe'), T3],
        [itemAdded(drains), T3],
        [signedOff('MX'), T4],
      ]).activeShutdown!;
      expect(joined.joinedBy).toEqual({ side: 'MX', agency: 'ANAM', at: T2, reason: PLUME });
      expect(joined.checklist.items.find((item) => item.id === 'scene-declared-safe')).toEqual({
        ...hazmatTemplate.items[0],
        status: 'open',
        reopened: { side: 'MX', agency: 'ANAM', at: T3, reason: NEW_READING, previousStatus: 'completed' },
      });
      expect(joined.checklist.items.at(-1)).toEqual({
        ...drains,
        status: 'open',
        addedBy: { side: 'US', agency: 'CBP', at: T3 },
      });
      expect(joined.signOffs).toEqual({ MX: { side: 'MX', agency: 'ANAM', officer: 'officer.mx', at: T4 } });
      expect(joined.signOffsToRenew).toEqual({
        US: {
          side: 'US',
          agency: 'CBP',
          officer: 'officer.us',
          at: T2,
          withdrawnAt: T3,
          cause: 'item-reopened',
          itemId: 'scene-declared-safe',
          reason: {
            en: 'Checklist item scene-declared-safe was reopened after the U.S. sign-off',
            es: 'Se reabrió el elemento scene-declared-safe de la lista después de la firma del lado estadounidense',
          },
        },
      });
    });

    it('moves a reopened shutdown to the past shutdowns', () => {
      const state = fold([
        [declared(), T1],
        ...readyToReopen.map((event): [PortEvent, string] => [event, T2]),
        [lanesReopened(1, US_LANES, []), T3],
        [portReopened(), T3],
      ]);
      expect(state).toEqual({
        portId: PORT_ID,
        activeShutdown: undefined,
        pastShutdowns: [
          { shutdownId: SHUTDOWN_ID, kind: 'hazmat-release', declaredAt: T1, reopenedAt: T3, incidentId: 'incident-1' },
        ],
      });
    });
  });
});
