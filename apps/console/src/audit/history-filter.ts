// The history's filters as the auditor types them, and the api paths they make: a page of the history, the next page
// (by position), and the export of everything they select. What the auditor typed is sent as typed (trimmed): the api
// judges it and names the field it refuses, which the screen shows next to that field.
import type { Side } from '../api/types';
import { zonedTimeToIso } from '../drills/clock';
import type { HistoryAggregate } from './types';

export interface HistoryFilter {
  aggregate: HistoryAggregate | '';
  id: string;
  /** Wall-clock times as `<input type="datetime-local">` gives them, read in the auditor's zone. */
  from: string;
  to: string;
  actor: string;
  side: Side | '';
  type: string;
}

export const NO_FILTER: HistoryFilter = { aggregate: '', id: '', from: '', to: '', actor: '', side: '', type: '' };

/** Events per page of the table. */
export const HISTORY_PAGE_SIZE = 50;

export type ExportFormat = 'jsonl' | 'csv';

/**
 * The filters as the api reads them: `from`/`to` typed as wall-clock times become instants; an instant already (ISO
 * with its zone, as the scrubber asks) or a time that does not read is sent as it is.
 */
export function historyQuery(filter: HistoryFilter, zone: string): URLSearchParams {
  const query = new URLSearchParams();
  const put = (name: string, value: string) => {
    if (value.trim()) query.set(name, value.trim());
  };
  put('aggregate', filter.aggregate);
  put('id', filter.id);
  put('from', filter.from.trim() ? (zonedTimeToIso(filter.from, zone) ?? filter.from) : '');
  put('to', filter.to.trim() ? (zonedTimeToIso(filter.to, zone) ?? filter.to) : '');
  put('actor', filter.actor);
  put('side', filter.side);
  put('type', filter.type);
  return query;
}

/** A page of the history: the first, or the one after `after` (the previous page's `next`). */
export function historyPath(
  filter: HistoryFilter,
  zone: string,
  page: { after?: string | null; limit?: number } = {},
): string {
  const query = historyQuery(filter, zone);
  if (page.after) query.set('after', page.after);
  query.set('limit', String(page.limit ?? HISTORY_PAGE_SIZE));
  return `/api/audit/history?${query.toString()}`;
}

/** Everything the filters select, as one file. */
export function exportPath(filter: HistoryFilter, zone: string, format: ExportFormat): string {
  const query = historyQuery(filter, zone);
  query.set('format', format);
  return `/api/audit/history/export?${query.toString()}`;
}

/** `enlace-history-incident-5b3c1a2e-20261206T210507Z.csv`: what was exported, and when (UTC). */
export function exportFileName(filter: HistoryFilter, format: ExportFormat, now: Date): string {
  const stamp = now.toISOString().slice(0, 19).replace(/[-:]/g, '').concat('Z');
  const id = filter.id.replace(/[^A-Za-z0-9-]/g, '').slice(0, 8);
  const what = [filter.aggregate, id].filter(Boolean).join('-');
  return `enlace-history${what ? `-${what}` : ''}-${stamp}.${format}`;
}

/** Whether any filter is set. */
export function isFiltered(filter: HistoryFilter): boolean {
  return (Object.keys(filter) as (keyof HistoryFilter)[]).some((key) => filter[key].trim() !== '');
}
