import { describe, expect, it } from '@jest/globals';
import { sideClocks } from './clocks';

describe('sideClocks', () => {
  const instant = '2026-12-06T21:05:07Z';

  it('read the U.S. and Mexican halves of a port on their own clocks', () => {
    // A zone an hour ahead stands for a Mexican half on another clock.
    const clocks = sideClocks(instant, { us: 'America/Denver', mx: 'America/Chicago' }, 'en', { seconds: true });
    expect(clocks.map((clock) => [clock.sides, clock.text])).toEqual([
      [['US'], 'Dec 6, 14:05:07 MST'],
      [['MX'], 'Dec 6, 15:05:07 CST'],
    ]);
  });

  it('give one line when both halves read the same', () => {
    const clocks = sideClocks(instant, { us: 'America/Phoenix', mx: 'America/Hermosillo' }, 'es');
    expect(clocks).toEqual([
      { sides: ['US', 'MX'], zone: 'America/Phoenix', dateTime: '2026-12-06T21:05:07.000Z', text: '6 dic, 14:05 MST' },
    ]);
  });

  it('give nothing for a time that does not read', () => {
    expect(sideClocks('not a time', { us: 'UTC', mx: 'UTC' }, 'en')).toEqual([]);
  });
});
