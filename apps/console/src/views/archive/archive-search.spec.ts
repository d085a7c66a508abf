import { describe, expect, it } from '@jest/globals';
import { archivePath, dayBoundary, EMPTY_SEARCH, searchProblems } from './archive-search';

describe('the archive search', () => {
  it('sends only the criteria given, trimmed, with the page and its cursor', () => {
    expect(archivePath(EMPTY_SEARCH, 20)).toBe('/api/incidents/archive?limit=20');
    const path = archivePath(
      { ...EMPTY_SEARCH, port: 'otay-mesa', material: ' UN1017 ', text: ' fuga  patio ' },
      20,
      'c|1',
    );
    const query = new URL(path, 'http://x').searchParams;
    expect(Object.fromEntries(query)).toEqual({
      port: 'otay-mesa',
      material: 'UN1017',
      q: 'fuga  patio',
      limit: '20',
      cursor: 'c|1',
    });
  });

  it("reads dates as whole days of the officer's clock: from the start of the first to the end of the last", () => {
    const from = dayBoundary('2026-03-01', 'start')!;
    const to = dayBoundary('2026-03-01', 'end')!;
    expect(new Date(from).getDate()).toBe(1);
    expect(new Date(from).getHours()).toBe(0);
    expect(Date.parse(to) - Date.parse(from)).toBe(86_400_000 - 1);
    expect(dayBoundary('March 1', 'start')).toBeUndefined();
    const query = new URL(archivePath({ ...EMPTY_SEARCH, from: '2026-03-01', to: '2026-03-01' }, 5), 'http://x');
    expect(query.searchParams.get('from')).toBe(from);
    expect(query.searchParams.get('to')).toBe(to);
  });

  it('says so, under "to", when the last day is before the first', () => {
    expect(searchProblems({ ...EMPTY_SEARCH, from: '2026-03-02', to: '2026-03-01' }, 'until before from')).toEqual(
      new Map([['to', 'until before from']]),
    );
    expect(searchProblems({ ...EMPTY_SEARCH, from: '2026-03-01', to: '2026-03-01' }, 'x').size).toBe(0);
    expect(searchProblems({ ...EMPTY_SEARCH, to: '2026-03-01' }, 'x').size).toBe(0);
  });
});
