import { describe, expect, it } from '@jest/globals';
import { proofFileName, shortPosition } from './positions';

const POSITION = '00000000000000000757:00000000000000000012';

describe('positions', () => {
  it('are shown without their padding', () => {
    expect(shortPosition(POSITION)).toBe('757:12');
    expect(shortPosition('00000000000000000000:00000000000000000000')).toBe('0:0');
    expect(shortPosition('not a position')).toBe('not a position');
  });

  it("name an event's inclusion proof file, colon as a dash", () => {
    expect(proofFileName(POSITION)).toBe('inclusion-00000000000000000757-00000000000000000012.json');
  });
});
