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
import type { PortEvent } from './port.events.js';

const spec = deciderSpecification(portDecider, () => testContext());

const PORT_ID = 'otay-mesa';
const SHUTDOWN_ID = 'shutdown-1';
/** Otay Mesa's lanes, in the port's order. */
const ALL_LANES: LaneId[] = [
  'passenger:northbound',
  'passenger:southbound',
  'commercial:northbound',
  'commercial:southbound',
  'fast:northbound',
];
const REASON: BilingualText = { en: 'Chlorine release near the commercial lot' };
const CRITICAL_ITEMS = ['scene-declared-safe', 'us-inspection-systems', 'mx-customs-ready'];

type EventData<Type extends PortEvent['type']> = Extract<PortEvent, { type: Type }>['data'];

const agencyOf = (side: Side) => (side === 'US' ? 'CBP' : 'ANAM');
const officerOf = (side: Side) => (side === 'US' ? usOfficer : mxOfficer);

// ---- commands ----

const declareShutdown = (
  data: Partial<Extract<PortCommand, { type: 'DeclarePortShutdown' }>['data']> = {},
): PortCommand => ({
  type: 'DeclarePortShutdown',
  data: { portId: PORT_ID, kind: 'hazmat-release', reason: REASON, incidentId: 'incident-1', ...data },
});

const completeItem = (itemId: string, note?: BilingualText): PortCommand => ({
  type: 'CompleteChecklistItem',
  data: { portId: PORT_ID, itemId, ...(note ? { note } : {}) },
});

const waiveItem = (itemId: string, reason: BilingualText = { en: 'Not applicable' }): PortCommand => ({
  type: 'WaiveChecklistItem',
  data: { portId: PORT_ID, itemId, reason },
});

const signOff = (side: Side): PortCommand => ({ type: 'SignOffResumption', data: { portId: PORT_ID, side } });

const reopenLanes = (lanes?: LaneId[]): PortCommand => ({
  type: 'ReopenPortLanes',
  data: { portId: PORT_ID, ...(lanes ? { lanes } : {}) },
});

// ---- events ----

function declared(overrides: Partial<EventData<'PortShutdownDeclared'>> = {}): PortEvent {
  return {
    type: 'PortShutdownDeclared',
    data: {
      portId: PORT_ID,
      shutdownId: SHUTDOWN_ID,
      kind: 'hazmat-release',
      scope: 'full',
      lanes: ALL_LANES,
      reason: REASON,
      incidentId: 'incident-1',
      declaredBy: { side: 'US', agency: 'CBP' },
      checklist: { templateId: 'hazmat-release', templateVersion: 1, items: hazmatTemplate.items },
      ...overrides,
    },
  };
}

const completed = (itemId: string, side: Side = 'US', note?: BilingualText): PortEvent => ({
  type: 'ChecklistItemCompleted',
  data: { portId: PORT_ID, shutdownId: SHUTDOWN_ID, itemId, side, agency: agencyOf(side), ...(note ? { note } : {}) },
});

const waived = (itemId: string, side: Side = 'US', reason: BilingualText = { en: 'Not applicable' }): PortEvent => ({
  type: 'ChecklistItemWaived',
  data: { portId: PORT_ID, shutdownId: SHUTDOWN_ID, itemId, side, agency: agencyOf(side), reason },
});

const signedOff = (side: Side): PortEvent => ({
  type: 'ResumptionSignedOff',
  data: { portId: PORT_ID, shutdownId: SHUTDOWN_ID, side, agency: agencyOf(side), officer: officerOf(side).id },
});

const lanesReopened = (phase: number, lanes: LaneId[], stillClosed: LaneId[]): PortEvent => ({
  type: 'PortLanesReopened',
  data: { portId: PORT_ID, shutdownId: SHUTDOWN_ID, phase, lanes, stillClosed },
});

const portReopened = (shutdownId = SHUTDOWN_ID): PortEvent => ({
  type: 'PortReopened',
  data: { portId: PORT_ID, shutdownId },
});

/** Every critical item resolved (one of them waived) and both sides signed off. */
const readyToReopen: PortEvent[] = [
  completed('scene-declared-safe', 'MX'),
  completed('us-inspection-systems', 'US'),
  waived('mx-customs-ready', 'MX', { es: 'Aduana operando en carril alterno' }),
  signedOff('US'),
  signedOff('MX'),
];

const commandsDuringShutdown: [string, PortCommand][] = [
  ['CompleteChecklistItem', completeItem('scene-declared-safe')],
  ['WaiveChecklistItem', waiveItem('scene-declared-safe')],
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
    it('closes every lane (scope full) when no lanes are given, with the checklist copied from its template', () => {
      spec.given([]).when(declareShutdown(), { actor: usOfficer }).then([declared()]);
      spec
        .given([])
        .when(declareShutdown({ lanes: [] }))
        .then([declared()]);
    });

    it('records the side and agency of the declaring officer and leaves out a missing incident', () => {
      spec
        .given([])
        .when(declareShutdown({ incidentId: undefined }), { actor: mxOfficer })
        .then([
          {
            type: 'PortShutdownDeclared',
            data: {
              portId: PORT_ID,
              shutdownId: SHUTDOWN_ID,
              kind: 'hazmat-release',
              scope: 'full',
              lanes: ALL_LANES,
              reason: REASON,
              declaredBy: { side: 'MX', agency: 'ANAM' },
              checklist: { templateId: 'hazmat-release', templateVersion: 1, items: hazmatTemplate.items },
            },
          },
        ]);
      const [event] = spec
        .given([])
        .when(declareShutdown({ incidentId: undefined }))
        .events();
      expect(event!.data).not.toHaveProperty('incidentId');
    });

    it('closes only the lanes given (scope partial), once each and in the port order', () => {
      spec
        .given([])
        .when(declareShutdown({ lanes: ['fast:northbound', 'commercial:northbound', 'fast:northbound'] }))
        .then([declared({ scope: 'partial', lanes: ['commercial:northbound', 'fast:northbound'] })]);
    });

    it('is full when every lane of the port is listed', () => {
      spec
        .given([])
        .when(declareShutdown({ lanes: [...ALL_LANES].reverse() }))
        .then([declared()]);
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

    it('refuses a second shutdown while one is in progress', () => {
      spec
        .given([declared()])
        .when(declareShutdown())
        .thenFails('PORT.SHUTDOWN_IN_PROGRESS', { shutdownId: SHUTDOWN_ID });
      spec
        .given([declared(), lanesReopened(1, ['passenger:northbound'], ALL_LANES.slice(1))])
        .when(declareShutdown())
        .thenFails('PORT.SHUTDOWN_IN_PROGRESS', { shutdownId: SHUTDOWN_ID });
    });

    it('declares a new shutdown once the port has reopened', () => {
      spec
        .given([declared({ shutdownId: 'shutdown-0' }), lanesReopened(1, ALL_LANES, []), portReopened('shutdown-0')])
        .when(declareShutdown({ kind: 'hazmat-release', lanes: ['passenger:southbound'] }))
        .then([declared({ scope: 'partial', lanes: ['passenger:southbound'] })]);
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
      spec
        .given([declared()])
        .when(completeItem('coffee-brewed'))
        .thenFails('PORT.UNKNOWN_CHECKLIST_ITEM', { itemId: 'coffee-brewed' });
      spec
        .given([declared()])
        .when(waiveItem('coffee-brewed'))
        .thenFails('PORT.UNKNOWN_CHECKLIST_ITEM', { itemId: 'coffee-brewed' });
    });
  });

  describe('signing off the resumption', () => {
    it('records the sign-off of the own side by the acting officer', () => {
      spec
        .given([declared()])
        .when(signOff('US'), { actor: usOfficer })
        .then([signedOff('US')]);
      spec
        .given([declared(), signedOff('US')])
        .when(signOff('MX'), { actor: mxOfficer })
        .then([signedOff('MX')]);
    });

    it('refuses to sign off for the other side', () => {
      spec
        .given([declared()])
        .when(signOff('MX'), { actor: usOfficer })
        .thenFails('AUTH.WRONG_SIDE', { side: 'MX', actorSide: 'US' });
    });

    it('refuses to sign off twice', () => {
      spec
        .given([declared(), signedOff('US')])
        .when(signOff('US'), { actor: usOfficer })
        .thenFails('PORT.ALREADY_SIGNED_OFF', {
          side: 'US',
          signOff: { side: 'US', agency: 'CBP', officer: 'officer.us', at: NOW },
        });
    });
  });

  describe('reopening lanes', () => {
    it('reopens lanes in phases, numbering the phases and listing the lanes still closed', () => {
      spec
        .given([declared()])
        .when(reopenLanes(['fast:northbound', 'passenger:northbound']))
        .then([
          lanesReopened(
            1,
            ['passenger:northbound', 'fast:northbound'],
            ['passenger:southbound', 'commercial:northbound', 'commercial:southbound'],
          ),
        ]);
      spec
        .given([declared(), lanesReopened(1, ['passenger:northbound'], ALL_LANES.slice(1))])
        .when(reopenLanes(['commercial:northbound']))
        .then([
          lanesReopened(
            2,
            ['commercial:northbound'],
            ['passenger:southbound', 'commercial:southbound', 'fast:northbound'],
          ),
        ]);
    });

    it('reopens some lanes before the checklist is done or signed off', () => {
      spec
        .given([declared()])
        .when(reopenLanes(['passenger:northbound']), { actor: mxOfficer })
        .then([lanesReopened(1, ['passenger:northbound'], ALL_LANES.slice(1))]);
    });

    it('refuses to reopen a lane that is not closed', () => {
      spec
        .given([declared(), lanesReopened(1, ['passenger:northbound'], ALL_LANES.slice(1))])
        .when(reopenLanes(['passenger:northbound', 'commercial:northbound']))
        .thenFails('PORT.LANE_NOT_CLOSED', { lanes: ['passenger:northbound'], closedLanes: ALL_LANES.slice(1) });
      spec
        .given([declared({ scope: 'partial', lanes: ['commercial:northbound'] })])
        .when(reopenLanes(['fast:northbound']))
        .thenFails('PORT.LANE_NOT_CLOSED', { lanes: ['fast:northbound'], closedLanes: ['commercial:northbound'] });
    });

    it('blocks the full reopening while critical items are open and sign-offs are missing, naming each', () => {
      const error = spec.given([declared()]).when(reopenLanes()).thenFails('PORT.REOPENING_BLOCKED');
      expect(error.details).toEqual({
        openCriticalItems: hazmatTemplate.items
          .filter((item) => item.critical)
          .map(({ id, text, owner, agency }) => ({ id, text, owner, agency })),
        missingSignOffs: ['US', 'MX'],
      });
      expect((error.details.openCriticalItems as { id: string }[]).map((item) => item.id)).toEqual(CRITICAL_ITEMS);
      expect(error.messages.en).toContain('mx-customs-ready');
      expect(error.messages.es).toContain('falta la firma de: US, MX');
    });

    it('lists exactly what still blocks the full reopening', () => {
      spec
        .given([declared(), completed('scene-declared-safe'), waived('us-inspection-systems'), signedOff('US')])
        .when(reopenLanes())
        .thenFails('PORT.REOPENING_BLOCKED', {
          openCriticalItems: [{ id: 'mx-customs-ready' }],
          missingSignOffs: ['MX'],
        });
      spec
        .given([declared(), ...readyToReopen.slice(0, 3)])
        .when(reopenLanes())
        .thenFails('PORT.REOPENING_BLOCKED', { openCriticalItems: [], missingSignOffs: ['US', 'MX'] });
      spec
        .given([declared(), ...readyToReopen.slice(3)])
        .when(reopenLanes())
        .thenFails('PORT.REOPENING_BLOCKED', {
          openCriticalItems: [
            { id: 'scene-declared-safe' },
            { id: 'us-inspection-systems' },
            { id: 'mx-customs-ready' },
          ],
          missingSignOffs: [],
        });
    });

    it('blocks the last phase of a phased reopening the same way', () => {
      spec
        .given([declared(), lanesReopened(1, ['passenger:northbound'], ALL_LANES.slice(1)), signedOff('US')])
        .when(reopenLanes(ALL_LANES.slice(1)))
        .thenFails('PORT.REOPENING_BLOCKED', { missingSignOffs: ['MX'] });
    });

    it('reopens the port once every critical item is completed or waived and both sides signed off', () => {
      spec
        .given([declared(), ...readyToReopen])
        .when(reopenLanes())
        .then([lanesReopened(1, ALL_LANES, []), portReopened()]);
    });

    it('does not wait for a non-critical item', () => {
      const shutdown = activeShutdown([declared(), ...readyToReopen]);
      expect(shutdown.checklist.items.find((item) => item.id === 'trade-notified')).toMatchObject({
        critical: false,
        status: 'open',
      });
      spec
        .given([declared(), ...readyToReopen])
        .when(reopenLanes(ALL_LANES))
        .then([lanesReopened(1, ALL_LANES, []), portReopened()]);
    });

    it('reopens the port when the last closed lanes reopen in a later phase', () => {
      spec
        .given([declared(), lanesReopened(1, ['passenger:northbound'], ALL_LANES.slice(1)), ...readyToReopen])
        .when(reopenLanes())
        .then([lanesReopened(2, ALL_LANES.slice(1), []), portReopened()]);
    });

    it('reopens a partial shutdown when its lanes reopen', () => {
      spec
        .given([declared({ scope: 'partial', lanes: ['commercial:northbound'] }), ...readyToReopen])
        .when(reopenLanes(['commercial:northbound']))
        .then([lanesReopened(1, ['commercial:northbound'], []), portReopened()]);
    });
  });

  describe('a port without a shutdown in progress', () => {
    it.each(commandsDuringShutdown)('refuses %s with PORT.NO_ACTIVE_SHUTDOWN', (_name, command) => {
      spec.given([]).when(command).thenFails('PORT.NO_ACTIVE_SHUTDOWN', { portId: PORT_ID });
      spec
        .given([declared(), ...readyToReopen, lanesReopened(1, ALL_LANES, []), portReopened()])
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
    it('lists the open critical items and missing sign-offs of a shutdown', () => {
      const blockers = reopeningBlockers(
        activeShutdown([declared(), completed('scene-declared-safe'), signedOff('MX')]),
      );
      expect(blockers.openCriticalItems.map((item) => item.id)).toEqual(['us-inspection-systems', 'mx-customs-ready']);
      expect(blockers.missingSignOffs).toEqual(['US']);
    });

    it('is empty once the shutdown is ready to reopen, whatever the non-critical items', () => {
      expect(reopeningBlockers(activeShutdown([declared(), ...readyToReopen]))).toEqual({
        openCriticalItems: [],
        missingSignOffs: [],
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

    it('folds the checklist, the sign-offs and the lanes still closed', () => {
      const state = fold([
        [declared(), T1],
        [completed('scene-declared-safe', 'MX', { es: 'Escena segura' }), T2],
        [waived('us-inspection-systems', 'US', { en: 'Manual inspection' }), T2],
        [signedOff('MX'), T3],
        [lanesReopened(1, ['passenger:northbound'], ALL_LANES.slice(1)), T3],
        [lanesReopened(2, ['passenger:southbound'], ALL_LANES.slice(2)), T4],
      ]);
      const [safe, inspection, customs, trade] = hazmatTemplate.items;
      expect(state).toEqual({
        portId: PORT_ID,
        pastShutdowns: [],
        activeShutdown: {
          shutdownId: SHUTDOWN_ID,
          kind: 'hazmat-release',
          scope: 'full',
          lanes: ALL_LANES,
          closedLanes: ALL_LANES.slice(2),
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
          phases: 2,
        },
      });
    });

    it('moves a reopened shutdown to the past shutdowns', () => {
      const state = fold([
        [declared(), T1],
        ...readyToReopen.map((event): [PortEvent, string] => [event, T2]),
        [lanesReopened(1, ALL_LANES, []), T3],
        [portReopened(), T3],
      ]);
      expect(state).toEqual({
        portId: PORT_ID,
        activeShutdown: undefined,
        pastShutdowns: [{ shutdownId: SHUTDOWN_ID, kind: 'hazmat-release', declaredAt: T1, reopenedAt: T3 }],
      });
    });
  });
});
