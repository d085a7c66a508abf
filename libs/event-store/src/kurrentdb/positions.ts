import type { Position as KurrentPosition } from '@kurrent/kurrentdb-client';
import { InvalidInputError } from '../errors.js';
import type { Position } from '../event-store.port.js';

/**
 * Our positions are KurrentDB's (commit, prepare) pair, each zero-padded to 20 digits (2^64 - 1 has 20), so that
 * comparing the strings compares the pairs.
 */
const POSITION = /^(\d{20}):(\d{20})$/;
const MAX_U64 = 2n ** 64n - 1n;

export function formatPosition(position: KurrentPosition): Position {
  return `${position.commit.toString().padStart(20, '0')}:${position.prepare.toString().padStart(20, '0')}` as Position;
}

export function parsePosition(position: unknown, field: string): KurrentPosition {
  const match = typeof position === 'string' ? POSITION.exec(position) : null;
  const commit = match ? BigInt(match[1]!) : -1n;
  const prepare = match ? BigInt(match[2]!) : -1n;
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
