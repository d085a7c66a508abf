export interface CsvRecord {
  /** The line the record starts on (1-based): what an editor shows. */
  line: number;
  cells: string[];
}

/**
 * RFC 4180 records (quoted fields, doubled quotes, commas and line breaks inside quotes; CRLF or LF) with the line
 * each starts on; cells as written, not trimmed; a leading byte-order mark ignored; blank records skipped.
 */
export function readCsvRecords(text: string): CsvRecord[] {
  const records: CsvRecord[] = [];
  let cells: string[] = [];
  let cell = '';
  let quoted = false;
  let line = 1;
  let recordLine = 1;
  const endRecord = () => {
    cells.push(cell);
    cell = '';
    if (cells.some((value) => value !== '')) records.push({ line: recordLine, cells });
    cells = [];
  };
  const source = text.startsWith('\uFEFF') ? text.slice(1) : text;
  for (let i = 0; i < source.length; i += 1) {
    const char = source[i]!;
    if (quoted) {
      if (char === '"' && source[i + 1] === '"') {
        cell += '"';
        i += 1;
      } else if (char === '"') {
        quoted = false;
      } else {
        if (char === '\n') line += 1;
        cell += char;
      }
    } else if (char === '"' && cell === '') {
      quoted = true;
    } else if (char === ',') {
      cells.push(cell);
      cell = '';
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

/** CSV with a header row, as rows keyed by header (names and values trimmed), each with the line it starts on. */
export function parseCsv(text: string): { line: number; row: Record<string, string> }[] {
  const [header, ...body] = readCsvRecords(text);
  if (!header) return [];
  return body.map(({ line, cells }) => ({
    line,
    row: Object.fromEntries(header.cells.map((name, index) => [name.trim(), (cells[index] ?? '').trim()])),
  }));
}
