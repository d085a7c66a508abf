import { type LaneId, type PortOfEntry, sideOfLane } from '../reference/reference.js';
import { broken, forbidden } from '../shared/domain-error.js';
import type { Side } from '../shared/side.js';

const SIDE_NAME = { US: { en: 'U.S.', es: 'estadounidense' }, MX: { en: 'Mexican', es: 'mexicano' } } as const;

export function describeLanes(lanes: readonly string[]): string {
  return lanes.join(', ');
}

/** The lanes asked for, once each and in the port's order; refuses a lane the port does not have. */
export function requireKnownLanes(port: PortOfEntry, requested: readonly LaneId[]): LaneId[] {
  const portLanes = port.lanes.map((lane) => lane.id);
  const unknown = [...new Set(requested)].filter((lane) => !portLanes.includes(lane));
  if (unknown.length > 0) {
    throw broken(
      'PORT.UNKNOWN_LANE',
      `Port ${port.id} has no lanes ${describeLanes(unknown)}`,
      `El puerto ${port.id} no tiene los carriles ${describeLanes(unknown)}`,
      { lanes: unknown, portLanes },
    );
  }
  return portLanes.filter((lane) => requested.includes(lane));
}

/** A side closes and reopens only its own lanes: the lanes that enter its country. */
export function requireOwnLanes(lanes: readonly LaneId[], side: Side): void {
  const others = lanes.filter((lane) => sideOfLane(lane) !== side);
  if (others.length === 0) return;
  const owner = sideOfLane(others[0]!);
  throw forbidden(
    'AUTH.WRONG_SIDE',
    `Lanes ${describeLanes(others)} enter ${owner === 'US' ? 'the United States' : 'Mexico'}: only a ${SIDE_NAME[owner].en} officer may close or reopen them`,
    `Los carriles ${describeLanes(others)} entran a ${owner === 'US' ? 'Estados Unidos' : 'México'}: solo un oficial ${SIDE_NAME[owner].es} puede cerrarlos o reabrirlos`,
    { lanes: others, owner, actorSide: side },
  );
}

export function lanesOfSide(lanes: readonly LaneId[], side: Side): LaneId[] {
  return lanes.filter((lane) => sideOfLane(lane) === side);
}

export function scopeOf(port: PortOfEntry, closedLanes: readonly LaneId[]): 'full' | 'partial' {
  return port.lanes.every((lane) => closedLanes.includes(lane.id)) ? 'full' : 'partial';
}
