/**
 * CSV as the audit exports write it: RFC 4180 (CRLF between records; a field quoted when it holds a comma, a quote or
 * a line break, its quotes doubled), UTF-8 with a byte-order mark so that Excel reads Spanish text right.
 *
 * A spreadsheet runs a cell that starts with `=`, `+`, `-` or `@` (or a tab or carriage return) as a formula, so a
 * title typed by anyone could run on an auditor's machine (CSV injection, OWASP). Every such cell is written with a
 * leading apostrophe, which spreadsheets take as "this is text" and do not show.
 */
export const UTF8_BOM = '\uFEFF';

const FORMULA_START = /^[=+\-@\t\r]/;

export function neutralised(cell: string): string {
  return FORMULA_START.test(cell) ? `'${cell}` : cell;
}

function quoted(cell: string): string {
  return /[",\r\n]/.test(cell) ? `"${cell.replaceAll('"', '""')}"` : cell;
}

/** One record, neutralised and quoted, with its CRLF. */
export function csvRecord(cells: readonly string[]): string {
  return `${cells.map((cell) => quoted(neutralised(cell))).join(',')}\r\n`;
}
