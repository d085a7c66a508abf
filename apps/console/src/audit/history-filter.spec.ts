import { describe, expect, it } from '@jest/globals';
import { exportFileName, exportPath, historyPath, isFiltered, NO_FILTER } from './history-filter';

const INCIDENT = '5b3c1a2e-7d4f-4a8b-9c0d-1e2f3a4b5c6d';

describe('history filters', () => {
  it('ask for the first page with no filter', () => {
    expect(historyPath(NO_FILTER, 'UTC')).toBe('/api/audit/history?limit=50');
    expect(isFiltered(NO_FILTER)).toBe(false);
  });

  it('send what was typed, trimmed, and the time range as instants read in the given zone', () => {
    const filter = {
      ...NO_FILTER,
      aggregate: 'incident' as const,
      id: ` ${INCIDENT} `,
      from: '2026-12-06T14:00',
      to: '2026-12-06T15:30',
      actor: 'officer.us',
      side: 'US' as const,
      type: 'PortShutdownDeclared',
    };
    const query = new URL(historyPath(filter, 'America/Tijuana'), 'http://console').searchParams;
    expect(Object.fromEntries(query)).toEqual({
      aggregate: 'incident',
      id: INCIDENT,
      // Tijuana keeps UTC−8 in December.
      from: '2026-12-06T22:00:00.000Z',
      to: '2026-12-06T23:30:00.000Z',
      actor: 'officer.us',
      side: 'US',
      type: 'PortShutdownDeclared',
      limit: '50',
    });
    expect(isFiltered(filter)).toBe(true);
  });

  it('send an instant as it is, and a time that does not read as typed, for the api to name', () => {
    const query = (from: string) =>
      new URL(historyPath({ ...NO_FILTER, from }, 'America/Tijuana'), 'http://console').searchParams.get('from');
    expect(query('2026-12-06T22:00:00.000Z')).toBe('2026-12-06T22:00:00.000Z');
    expect(query('yesterday')).toBe('yesterday');
  });

  it('continue after the last position of the page before', () => {
    const path = historyPath({ ...NO_FILTER, side: 'MX' }, 'UTC', {
      after: '00000000000000000001:00000000000000000009',
    });
    expect(path).toBe('/api/audit/history?side=MX&after=00000000000000000001%3A00000000000000000009&limit=50');
  });

  it('export what the filters select, named after it and when', () => {
    const filter = { ...NO_FILTER, aggregate: 'incident' as const, id: INCIDENT };
    expect(exportPath(filter, 'UTC', 'csv')).toBe(
      `/api/audit/history/export?aggregate=incident&id=${INCIDENT}&format=csv`,
    );
    const now = new Date('2026-12-06T21:05:07.123Z');
    expect(exportFileName(filter, 'csv', now)).toBe('enlace-history-incident-5b3c1a2e-20261206T210507Z.csv');
    expect(exportFileName(NO_FILTER, 'jsonl', now)).toBe('enlace-history-20261206T210507Z.jsonl');
    expect(exportFileName({ ...NO_FILTER, id: '../../etc' }, 'csv', now)).toBe(
      'enlace-history-etc-20261206T210507Z.csv',
    );
  });
});
