// The archive's search as the officer fills it in, read into the api's query: dates are calendar days of the
// officer's own clock (from the start of the first to the end of the last), sent as instants.

export interface ArchiveSearchForm {
  port: string;
  material: string;
  /** `YYYY-MM-DD` (an `<input type="date">`), or blank. */
  from: string;
  to: string;
  text: string;
}

export const EMPTY_SEARCH: ArchiveSearchForm = { port: '', material: '', from: '', to: '', text: '' };

const DAY = /^\d{4}-\d{2}-\d{2}$/;

/** The instant a calendar day starts (or ends) on this browser's clock. */
export function dayBoundary(day: string, end: 'start' | 'end'): string | undefined {
  if (!DAY.test(day)) return undefined;
  const at = new Date(`${day}T${end === 'start' ? '00:00:00.000' : '23:59:59.999'}`);
  return Number.isNaN(at.getTime()) ? undefined : at.toISOString();
}

/** What is wrong with the search (the last day before the first), by field; empty when nothing is. */
export function searchProblems(form: ArchiveSearchForm, toBeforeFrom: string): Map<'to', string> {
  const problems = new Map<'to', string>();
  const from = dayBoundary(form.from, 'start');
  const to = dayBoundary(form.to, 'end');
  if (from !== undefined && to !== undefined && to < from) problems.set('to', toBeforeFrom);
  return problems;
}

/** GET /api/incidents/archive with the criteria given (blank ones left out), a page of `limit`, from `cursor`. */
export function archivePath(form: ArchiveSearchForm, limit: number, cursor?: string): string {
  const query = new URLSearchParams();
  if (form.port) query.set('port', form.port);
  if (form.material.trim()) query.set('material', form.material.trim());
  const from = dayBoundary(form.from, 'start');
  const to = dayBoundary(form.to, 'end');
  if (from) query.set('from', from);
  if (to) query.set('to', to);
  if (form.text.trim()) query.set('q', form.text.trim());
  query.set('limit', String(limit));
  if (cursor) query.set('cursor', cursor);
  return `/api/incidents/archive?${query.toString()}`;
}
