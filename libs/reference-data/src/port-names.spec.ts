import { describe, expect, it } from '@jest/globals';
import { join } from 'node:path';
import { loadReferenceData } from './load-reference-data.js';

// Reads the shipped configuration (no server, no database): the Mexican name of each crossing is what a Spanish-
// speaking officer picks from every port list, so it must be Spanish and tell the crossings of one city apart.
const { ports } = loadReferenceData(join(process.cwd(), 'config'));

describe('the Mexican names of the ports of entry', () => {
  it('are all different, so that no two crossings read the same in a Spanish port list', () => {
    const names = ports.map((port) => port.name.mx);
    expect(names.filter((name, index) => names.indexOf(name) !== index)).toEqual([]);
  });

  it('are written in Spanish, without English words such as "municipality", "International" or "Airport"', () => {
    const english = ports.filter((port) => /\b(municipality|international|airport|bridge|rail)\b/i.test(port.name.mx));
    expect(english.map((port) => `${port.id}: ${port.name.mx}`)).toEqual([]);
  });
});
