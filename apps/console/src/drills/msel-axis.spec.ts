import { describe, expect, it } from '@jest/globals';
import { layoutMselAxis, tickStep } from './msel-axis';

describe('the MSEL time axis', () => {
  const injects = [
    { id: 'A-01', offsetMinutes: 0 },
    { id: 'A-02', offsetMinutes: 1 },
    { id: 'A-03', offsetMinutes: 30 },
    { id: 'A-04', offsetMinutes: 55, contingencyFor: 'A-02' },
    { id: 'A-05', offsetMinutes: 90 },
  ];

  it('places injects by offset between the margins, the last tick at or after the last inject', () => {
    const layout = layoutMselAxis(injects, { width: 500, margin: 50 });
    const x = (id: string) => layout.marks.find((mark) => mark.id === id)!.x;
    expect(x('A-01')).toBe(50);
    expect(x('A-03')).toBeLessThan(x('A-05'));
    expect(layout.ticks[0]).toEqual({ minute: 0, x: 50 });
    expect(layout.ticks.at(-1)!.minute).toBeGreaterThanOrEqual(90);
    expect(layout.ticks.at(-1)!.x).toBe(450);
  });

  it('puts close injects on separate rows above the axis and contingencies below, linked to what they watch', () => {
    const layout = layoutMselAxis(injects, { width: 500, labelWidth: 60 });
    const mark = (id: string) => layout.marks.find((m) => m.id === id)!;
    expect(mark('A-01').y).not.toBe(mark('A-02').y);
    expect(mark('A-01').y).toBeLessThan(layout.axisY);
    expect(mark('A-03').y).toBe(mark('A-01').y);
    expect(mark('A-04')).toMatchObject({ contingency: true });
    expect(mark('A-04').y).toBeGreaterThan(layout.axisY);
    expect(layout.links).toEqual([
      { from: 'A-04', to: 'A-02', x1: mark('A-04').x, y1: mark('A-04').y, x2: mark('A-02').x, y2: mark('A-02').y },
    ]);
    expect(layout.height).toBeGreaterThan(mark('A-04').y);
  });

  it('chooses readable tick steps', () => {
    expect(tickStep(40)).toBe(5);
    expect(tickStep(90)).toBe(15);
    expect(tickStep(240)).toBe(30);
    expect(layoutMselAxis([]).ticks.length).toBeGreaterThan(0);
  });
});
