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

export interface CsvRecord {
  /** The line the record starts on (1-based): what a planner's editor shows. */
  line: number;
  cells: string[];
}

/** RFC 4180 records with the line each starts on; cells as written (no trimming), apostrophe guards removed. */
export function readCsv(text: string): CsvRecord[] {
  const records: CsvRecord[] = [];
  let cells: string[] = [];
  let cell = '';
  let quotedCell = false;
  let line = 1;
  let recordLine = 1;
  const endCell = () => {
    cells.push(restoreNeutralised(cell));
    cell = '';
  };
  const endRecord = () => {
    endCell();
    if (cells.some((value) => value !== '')) records.push({ line: recordLine, cells });
    cells = [];
  };
  const source = text.startsWith('\uFEFF') ? text.slice(1) : text;
  for (let i = 0; i < source.length; i += 1) {
    const char = source[i]!;
    if (quotedCell) {
      if (char === '"' && source[i + 1] === '"') {
        cell += '"';
        i += 1;
      } else if (char === '"') {
        quotedCell = false;
      } else {
        if (char === '\n') line += 1;
        cell += char;
      }
    } else if (char === '"' && cell === '') {
      quotedCell = true;
    } else if (char === ',') {
      endCell();
    } else if (char === '\n' || char === '\r') {
      if (char === '\r' && source[i + 1] === '\n') i += 1;
      endRecord();
      line += 1;
      recordLine = line;
    } else {
      cell += char;
    }
  }
  endRecord();
  return records;
}
