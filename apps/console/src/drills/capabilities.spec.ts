import { describe, expect, it } from '@jest/globals';
import { capabilitiesFirst, capabilityName, CORE_CAPABILITY_IDS } from './capabilities';

describe('core capabilities', () => {
  it('are named in both languages, an unknown id as it is', () => {
    expect(capabilityName('operational-coordination', 'en')).toBe('Operational Coordination');
    expect(capabilityName('operational-coordination', 'es')).toBe('Coordinación operativa');
    expect(capabilityName('made-up', 'es')).toBe('made-up');
  });

  it("put a scenario's capabilities first, each once", () => {
    const list = capabilitiesFirst(['situational-assessment', 'planning', 'situational-assessment']);
    expect(list.slice(0, 2)).toEqual(['situational-assessment', 'planning']);
    expect(list).toHaveLength(CORE_CAPABILITY_IDS.length);
  });
});
