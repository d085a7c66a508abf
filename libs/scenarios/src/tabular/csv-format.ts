import { type CsvRecord, readCsvRecords } from '@enlace/reference-data';

/**
 * A spreadsheet opens a cell starting with `=`, `+`, `-` or `@` (or a tab or carriage return before one) as a
 * formula, so a text from a scenario could run as one on a planner's machine (CSV injection). Such a cell is written
 * with a leading apostrophe, which spreadsheets read as "this is text" and do not show. A cell that starts with an
 * apostrophe itself gets one too, so reading back only ever removes one, and every text comes back as it was.
 */
const FORMULA_START = /^[=+\-@\t\r']/;

export function neutraliseFormula(cell: string): string {
  return FORMULA_START.test(cell) ? `'${cell}` : cell;
}

export function restoreNeutralised(cell: string): string {
  return cell.startsWith("'") ? cell.slice(1) : cell;
}

function quoted(cell: string): string {
  return /[",\r\n]/.test(cell) || cell !== cell.trim() ? `"${cell.replaceAll('"', '""')}"` : cell;
}

/** RFC 4180: CRLF between records, fields quoted when they hold a comma, a quote, a line break or edge spaces. */
export function writeCsv(records: readonly (readonly string[])[]): string {
  return records.map((cells) => cells.map((cell) => quoted(neutraliseFormula(cell))).join(',')).join('\r\n') + '\r\n';
}

export type { CsvRecord } from '@enlace/reference-data';

/** RFC 4180 records with the line each starts on; cells as written (no trimming), apostrophe guards removed. */
export function readCsv(text: string): CsvRecord[] {
  return readCsvRecords(text).map(({ line, cells }) => ({ line, cells: cells.map(restoreNeutralised) }));
}
