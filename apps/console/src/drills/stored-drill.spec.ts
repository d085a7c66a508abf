import { describe, expect, it } from '@jest/globals';
import { readStoredDrill, storedDrillValue } from './stored-drill';

const DRILL = '5b3c1a2e-7d4f-4a8b-9c0d-1e2f3a4b5c6d';

describe('the stored drill', () => {
  it("is the session's own", () => {
    expect(readStoredDrill(storedDrillValue('session-1', DRILL), 'session-1')).toBe(DRILL);
    expect(readStoredDrill(storedDrillValue('session-1', DRILL), 'session-2')).toBeUndefined();
  });

  it('is nothing when absent or malformed', () => {
    expect(readStoredDrill(null, 'session-1')).toBeUndefined();
    expect(readStoredDrill('{not json', 'session-1')).toBeUndefined();
    expect(readStoredDrill(storedDrillValue('session-1', '../x'), 'session-1')).toBeUndefined();
  });
});
