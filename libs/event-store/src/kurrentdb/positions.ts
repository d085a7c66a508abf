import type { Position as KurrentPosition } from '@kurrent/kurrentdb-client';
import { InvalidInputError } from '../errors.js';
import { formatPosition, type Position, splitPosition } from '../event-store.port.js';

/** Our positions are KurrentDB's (commit, prepare) pair, spelled as every adapter spells them (event-store.port.ts). */
const MAX_U64 = 2n ** 64n - 1n;

export function fromKurrentPosition(position: KurrentPosition): Position {
  return formatPosition(position.commit, position.prepare);
}

export function parsePosition(position: unknown, field: string): KurrentPosition {
  const [commit, prepare] = splitPosition(position) ?? [-1n, -1n];
  // 20 digits also spell numbers above 2^64 - 1, which no KurrentDB log position can be.
  if (commit < 0n || prepare < 0n || commit > MAX_U64 || prepare > MAX_U64) {
    throw new InvalidInputError(field, 'is not a position of this event store');
  }
  return { commit, prepare };
}

export function compareKurrentPositions(a: KurrentPosition, b: KurrentPosition): number {
  if (a.commit !== b.commit) return a.commit < b.commit ? -1 : 1;
  if (a.prepare !== b.prepare) return a.prepare < b.prepare ? -1 : 1;
  return 0;
}
