import { deciderOf, streamIdOf } from '../shared/aggregate.js';
import { requireOfficer } from '../shared/officer.js';
import type { LaneId, PortOfEntry, ShutdownKind } from '../reference/reference.js';
import { assertNever, type DecisionContext, type Decider } from '../shared/decider.js';
import { broken, forbidden, notFound } from '../shared/domain-error.js';
import { capitalized, counterpartOf, ofTheSide, sideAdjective, type Side, theSide } from '../shared/side.js';
import type { BilingualText } from '../shared/text.js';
import { type NewChecklistItem, newChecklistItem, requireOpenItem, requireResolvedItem } from './port.checklist.js';
import type { PortEvent } from './port.events.js';
import { describeLanes, lanesOfSide, requireKnownLanes, requireOwnLanes, scopeOf } from './port.lanes.js';
import { requireReopeningAllowed, requireSignOffAllowed, signOffWithdrawals } from './port.sign-offs.js';
import { evolvePort, initialPortState, partiesOf, type PortState, type ShutdownState } from './port.state.js';

export * from './port.state.js';
export { reopeningBlockers, openCriticalItemsOf, type ReopeningBlockers } from './port.sign-offs.js';
export type { NewChecklistItem } from './port.checklist.js';

export type PortCommand =
  | {
      type: 'DeclarePortShutdown';
      /** `lanes` omitted: every lane of the officer's side. */
      data: { portId: string; kind: ShutdownKind; lanes?: LaneId[]; reason: BilingualText; incidentId?: string };
    }
  /** The side that declared closes more of its own lanes (`lanes` omitted: all of them). */
  | { type: 'WidenPortShutdown'; data: { portId: string; lanes?: LaneId[]; reason: BilingualText } }
  /** The other side closes its own lanes as part of the shutdown in progress (`lanes` omitted: all of them). */
  | { type: 'JoinPortShutdown'; data: { portId: string; lanes?: LaneId[]; reason: BilingualText } }
  | { type: 'CompleteChecklistItem'; data: { portId: string; itemId: string; note?: BilingualText } }
  | { type: 'WaiveChecklistItem'; data: { portId: string; itemId: string; reason: BilingualText } }
  | { type: 'ReopenChecklistItem'; data: { portId: string; itemId: string; reason: BilingualText } }
  | { type: 'AddChecklistItem'; data: { portId: string } & NewChecklistItem }
  | { type: 'SignOffResumption'; data: { portId: string; side: Side } }
  /** A reopening phase, which narrows the shutdown (`lanes` omitted: every closed lane of the officer's side). */
  | { type: 'ReopenPortLanes'; data: { portId: string; lanes?: LaneId[] } };

function requirePort(context: DecisionContext, portId: string): PortOfEntry {
  const port = context.reference.port(portId);
  if (!port) {
    throw notFound('PORT.NOT_FOUND', `Port of entry ${portId} not found`, `Puerto de entrada ${portId} no encontrado`);
  }
  return port;
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

const given = (lanes: readonly LaneId[] | undefined): lanes is LaneId[] => lanes !== undefined && lanes.length > 0;

function declare(
  command: Extract<PortCommand, { type: 'DeclarePortShutdown' }>['data'],
  state: PortState,
  port: PortOfEntry,
  side: Side,
  context: DecisionContext,
): PortEvent[] {
  const { portId } = command;
  if (state.activeShutdown) {
    const { shutdownId, declaredBy } = state.activeShutdown;
    throw broken(
      'PORT.SHUTDOWN_IN_PROGRESS',
      `Port ${portId} already has a shutdown in progress, declared by ${theSide(declaredBy.side, 'en')}: widen it or join it with your side's lanes`,
      `El puerto ${portId} ya tiene un cierre en curso, declarado por ${theSide(declaredBy.side, 'es')}: amplíelo o súmese a él con los carriles de su lado`,
      { shutdownId, declaredBy: declaredBy.side, parties: partiesOf(state.activeShutdown) },
    );
  }
  const portLanes = port.lanes.map((lane) => lane.id);
  const lanes = requireKnownLanes(port, given(command.lanes) ? command.lanes : lanesOfSide(portLanes, side));
  requireOwnLanes(lanes, side);
  if (lanes.length === 0) throw noLanesToClose(portId, side, []);
  const template = context.reference.checklistTemplate(command.kind);
  if (!template) {
    throw broken(
      'PORT.NO_CHECKLIST_TEMPLATE',
      `No resumption checklist for ${command.kind}`,
      `No hay lista de reanudación para ${command.kind}`,
      { kind: command.kind },
    );
  }
  return [
    {
      type: 'PortShutdownDeclared',
      data: {
        portId,
        shutdownId: context.newId('shutdown'),
        kind: command.kind,
        scope: scopeOf(port, lanes),
        lanes,
        closedLanes: [...lanes],
        reason: command.reason,
        ...(command.incidentId ? { incidentId: command.incidentId } : {}),
        declaredBy: { side, agency: context.actor.agency },
        checklist: {
          templateId: template.id,
          templateVersion: template.version,
          items: structuredClone(template.items),
        },
      },
    },
  ];
}

function noLanesToClose(portId: string, side: Side, closedLanes: readonly LaneId[]) {
  return broken(
    'PORT.NO_LANES_TO_CLOSE',
    `Port ${portId} has no open lane ${ofTheSide(side, 'en')} to close`,
    `El puerto ${portId} no tiene carriles abiertos ${ofTheSide(side, 'es')} que cerrar`,
    { side, closedLanes },
  );
}

/** Widening and joining: the acting side closes more of its own lanes in the shutdown in progress. */
function closeMoreLanes(
  command: { portId: string; lanes?: LaneId[]; reason: BilingualText },
  how: 'PortShutdownWidened' | 'PortShutdownJoined',
  state: PortState,
  port: PortOfEntry,
  side: Side,
  agency: string,
): PortEvent[] {
  const { portId } = command;
  const shutdown = requireShutdown(state, portId);
  const parties = partiesOf(shutdown);
  if (how === 'PortShutdownWidened' && !parties.includes(side)) {
    throw broken(
      'PORT.NOT_A_PARTY',
      `${capitalized(theSide(side, 'en'))} has no lanes in this shutdown yet: join it with your side's lanes`,
      `${capitalized(theSide(side, 'es'))} aún no tiene carriles en este cierre: súmese a él con los carriles de su lado`,
      { side, parties },
    );
  }
  if (how === 'PortShutdownJoined' && parties.includes(side)) {
    throw broken(
      'PORT.ALREADY_A_PARTY',
      `${capitalized(theSide(side, 'en'))} already takes part in this shutdown: widen it instead`,
      `${capitalized(theSide(side, 'es'))} ya forma parte de este cierre: amplíelo en su lugar`,
      { side, parties },
    );
  }
  const portLanes = port.lanes.map((lane) => lane.id);
  const requested = given(command.lanes)
    ? requireKnownLanes(port, command.lanes)
    : lanesOfSide(portLanes, side).filter((lane) => !shutdown.closedLanes.includes(lane));
  requireOwnLanes(requested, side);
  const alreadyClosed = requested.filter((lane) => shutdown.closedLanes.includes(lane));
  if (alreadyClosed.length > 0) {
    throw broken(
      'PORT.LANE_ALREADY_CLOSED',
      `Lanes ${describeLanes(alreadyClosed)} are already closed`,
      `Los carriles ${describeLanes(alreadyClosed)} ya están cerrados`,
      { lanes: alreadyClosed, closedLanes: shutdown.closedLanes },
    );
  }
  if (requested.length === 0) throw noLanesToClose(portId, side, shutdown.closedLanes);
  const closedLanes = portLanes.filter((lane) => shutdown.closedLanes.includes(lane) || requested.includes(lane));
  return [
    {
      type: how,
      data: {
        portId,
        shutdownId: shutdown.shutdownId,
        side,
        agency,
        lanes: requested,
        closedLanes,
        scope: scopeOf(port, closedLanes),
        reason: command.reason,
      },
    },
    ...signOffWithdrawals(shutdown, portId, 'JOINT', 'lanes-closed'),
  ];
}

function reopenLanes(
  command: Extract<PortCommand, { type: 'ReopenPortLanes' }>['data'],
  state: PortState,
  side: Side,
): PortEvent[] {
  const { portId } = command;
  const shutdown = requireShutdown(state, portId);
  const requested = given(command.lanes) ? [...new Set(command.lanes)] : lanesOfSide(shutdown.closedLanes, side);
  const notClosed = requested.filter((lane) => !shutdown.closedLanes.includes(lane));
  if (notClosed.length > 0) {
    throw broken(
      'PORT.LANE_NOT_CLOSED',
      `Lanes ${describeLanes(notClosed)} are not closed`,
      `Los carriles ${describeLanes(notClosed)} no están cerrados`,
      { lanes: notClosed, closedLanes: shutdown.closedLanes },
    );
  }
  if (requested.length === 0) {
    throw broken(
      'PORT.NO_LANES_TO_REOPEN',
      `No lane ${ofTheSide(side, 'en')} is closed at port ${portId}; the lanes still closed are the other side's to reopen`,
      `Ningún carril ${ofTheSide(side, 'es')} está cerrado en el puerto ${portId}; los carriles aún cerrados los reabre el otro lado`,
      { side, closedLanes: shutdown.closedLanes },
    );
  }
  // The binational gate first: it is what a one-sided reopening most needs to hear, whatever lanes it names.
  requireReopeningAllowed(shutdown, portId);
  requireOwnLanes(requested, side);
  const stillClosed = shutdown.closedLanes.filter((lane) => !requested.includes(lane));
  const reopened = shutdown.closedLanes.filter((lane) => requested.includes(lane));
  const events: PortEvent[] = [
    {
      type: 'PortLanesReopened',
      data: { portId, shutdownId: shutdown.shutdownId, phase: shutdown.phases + 1, lanes: reopened, stillClosed },
    },
  ];
  return stillClosed.length > 0
    ? events
    : [...events, { type: 'PortReopened', data: { portId, shutdownId: shutdown.shutdownId } }];
}

export function decidePort(command: PortCommand, state: PortState, context: DecisionContext): PortEvent[] {
  const side = requireOfficer(context);
  const { portId } = command.data;
  const port = requirePort(context, portId);
  const agency = context.actor.agency;
  switch (command.type) {
    case 'DeclarePortShutdown':
      return declare(command.data, state, port, side, context);
    case 'WidenPortShutdown':
      return closeMoreLanes(command.data, 'PortShutdownWidened', state, port, side, agency);
    case 'JoinPortShutdown':
      return closeMoreLanes(command.data, 'PortShutdownJoined', state, port, side, agency);
    case 'CompleteChecklistItem': {
      const shutdown = requireShutdown(state, portId);
      const item = requireOpenItem(shutdown, command.data.itemId, side);
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
        // "Recorded by both sides; neither side reopens on its own": one side ticking a joint item does not stand for
        // the other, whose sign-off in force (given before) is withdrawn, to be renewed once it agrees.
        ...(item.owner === 'JOINT'
          ? signOffWithdrawals(shutdown, portId, counterpartOf(side), 'joint-item-completed', item.id)
          : []),
      ];
    }
    case 'WaiveChecklistItem': {
      const shutdown = requireShutdown(state, portId);
      const item = requireOpenItem(shutdown, command.data.itemId, side);
      return [
        {
          type: 'ChecklistItemWaived',
          data: { portId, shutdownId: shutdown.shutdownId, itemId: item.id, side, agency, reason: command.data.reason },
        },
        ...signOffWithdrawals(shutdown, portId, item.owner, 'item-waived', item.id),
      ];
    }
    case 'ReopenChecklistItem': {
      const shutdown = requireShutdown(state, portId);
      const item = requireResolvedItem(shutdown, command.data.itemId, side);
      return [
        {
          type: 'ChecklistItemReopened',
          data: {
            portId,
            shutdownId: shutdown.shutdownId,
            itemId: item.id,
            side,
            agency,
            reason: command.data.reason,
            previousStatus: item.status,
          },
        },
        ...signOffWithdrawals(shutdown, portId, item.owner, 'item-reopened', item.id),
      ];
    }
    case 'AddChecklistItem': {
      const shutdown = requireShutdown(state, portId);
      const { portId: _portId, ...input } = command.data;
      const item = newChecklistItem(shutdown, input, side);
      return [
        { type: 'ChecklistItemAdded', data: { portId, shutdownId: shutdown.shutdownId, item, side, agency } },
        ...signOffWithdrawals(shutdown, portId, item.owner, 'item-added', item.id),
      ];
    }
    case 'SignOffResumption': {
      const shutdown = requireShutdown(state, portId);
      if (command.data.side !== side) {
        throw forbidden(
          'AUTH.WRONG_SIDE',
          `Only a ${sideAdjective(command.data.side, 'en')} officer may sign off for ${theSide(command.data.side, 'en')}`,
          `Solo un oficial ${sideAdjective(command.data.side, 'es')} puede firmar por ${theSide(command.data.side, 'es')}`,
          { side: command.data.side, actorSide: side },
        );
      }
      if (shutdown.signOffs[side]) {
        throw broken(
          'PORT.ALREADY_SIGNED_OFF',
          `${capitalized(theSide(side, 'en'))} has already signed off`,
          `${capitalized(theSide(side, 'es'))} ya firmó`,
          {
            side,
            signOff: shutdown.signOffs[side],
          },
        );
      }
      requireSignOffAllowed(shutdown, side);
      return [
        {
          type: 'ResumptionSignedOff',
          data: { portId, shutdownId: shutdown.shutdownId, side, agency, officer: context.actor.id },
        },
      ];
    }
    case 'ReopenPortLanes':
      return reopenLanes(command.data, state, side);
    default:
      return assertNever(command);
  }
}

export const portDecider: Decider<PortState, PortCommand, PortEvent> = deciderOf('port', {
  initialState: initialPortState,
  evolve: evolvePort,
  decide: decidePort,
  snapshot: { version: 1, every: 500 },
});

export const portStreamId = streamIdOf('port');
