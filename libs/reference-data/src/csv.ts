/** Parses RFC 4180 CSV (quoted fields, doubled quotes, commas and newlines inside quotes) into rows keyed by header. */
export function parseCsv(text: string): { line: number; row: Record<string, string> }[] {
  const records: { line: number; cells: string[] }[] = [];
  let cells: string[] = [];
  let cell = '';
  let quoted = false;
  let line = 1;
  let recordLine = 1;
  for (let i = 0; i < text.length; i += 1) {
    const char = text[i]!;
    if (quoted) {
      if (char === '"' && text[i + 1] === '"') {
        cell += '"';
        i += 1;
      } else if (char === '"') {
        quoted = false;
      } else {
        if (char === '\n') line += 1;
        cell += char;
      }
    } else if (char === '"') {
      quoted = true;
    } else if (char === ',') {
      cells.push(cell);
      cell = '';
    } else if (char === '\n' || char === '\r') {
      if (char === '\r' && text[i + 1] === '\n') i += 1;
      cells.push(cell);
      if (cells.some((value) => value !== '')) records.push({ line: recordLine, cells });
      cells = [];
      cell = '';
      line += 1;
      recordLine = line;
    } else {
      cell += char;
    }
  }
  cells.push(cell);
  if (cells.some((value) => value !== '')) records.push({ line: recordLine, cells });
  const [header, ...body] = records;
  if (!header) return [];
  return body.map(({ line: at, cells: values }) => ({
    line: at,
    row: Object.fromEntries(header.cells.map((name, index) => [name.trim(), (values[index] ?? '').trim()])),
  }));
}
