import { describe, expect, it } from '@jest/globals';
import { injectProgress } from './injects';

describe('injectProgress', () => {
  it('splits released injects (in release order) from pending ones, with when each falls due', () => {
    const injects = [
      { id: 'A', offsetMinutes: 0 },
      { id: 'B', offsetMinutes: 15 },
      { id: 'C', offsetMinutes: 30, contingencyFor: 'B' },
    ];
    const progress = injectProgress(
      injects,
      { B: '2026-07-15T16:16:00.000Z', A: '2026-07-15T16:00:01.000Z' },
      '2026-07-15T16:00:00.000Z',
    );
    expect(progress.released.map((line) => line.inject.id)).toEqual(['A', 'B']);
    expect(progress.pending).toEqual([{ inject: injects[2], due: '2026-07-15T16:30:00.000Z', releasedAt: null }]);
  });
});
