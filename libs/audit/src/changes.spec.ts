import { changesBetween } from './changes.js';

describe('changesBetween', () => {
  it('names every leaf that changed, by path, in a stable order', () => {
    expect(
      changesBetween(
        { status: 'open', lanes: [{ id: 'a', status: 'open' }], severity: 'severe', note: 'x' },
        {
          status: 'closed',
          lanes: [
            { id: 'a', status: 'closed' },
            { id: 'b', status: 'closed' },
          ],
          severity: 'severe',
        },
      ),
    ).toEqual([
      { path: 'lanes[0].status', before: 'open', after: 'closed' },
      { path: 'lanes[1]', before: null, after: { id: 'b', status: 'closed' } },
      { path: 'note', before: 'x', after: null },
      { path: 'status', before: 'open', after: 'closed' },
    ]);
  });

  it('finds nothing between equal values, and one change at the root when a value appears', () => {
    expect(changesBetween({ a: [1, { b: 2 }] }, { a: [1, { b: 2 }] })).toEqual([]);
    expect(changesBetween(undefined, { a: 1 })).toEqual([{ path: '$', before: null, after: { a: 1 } }]);
    expect(changesBetween({ a: undefined }, {})).toEqual([]);
  });
});
