import type { ReferenceCatalog } from '@enlace/domain';
import type { Scenario } from '../scenario.types.js';
import { readCsv, writeCsv } from './csv-format.js';
import type { ScenarioProblem } from '../scenario-problem.js';
import { scenarioFromSheets } from './import-sheets.js';
import { SHEET_NAMES, type Sheet, type SheetName } from './sheet.js';
import { scenarioToSheets } from './scenario-sheets.js';

const SECTION_MARK = '#';

/**
 * One CSV file, four sections, each a `#Name` line, a header line and its rows: `#Scenario` (field,value),
 * `#Players`, `#Objectives` and `#MSEL` (one row per inject). One file, so a scenario travels as one attachment.
 */
export function scenarioToCsv(scenario: Scenario): string {
  const records: string[][] = [];
  for (const sheet of scenarioToSheets(scenario)) {
    if (records.length > 0) records.push([]);
    records.push([`${SECTION_MARK}${sheet.name}`]);
    records.push(sheet.header);
    for (const { cells } of sheet.rows) records.push(sheet.header.map((header) => cells[header] ?? ''));
  }
  return writeCsv(records.filter((record) => record.length > 0));
}

/** The scenario a CSV holds, checked as a scenario file is; problems name the line (row) and column. */
export function scenarioFromCsv(text: string, file: string, reference: ReferenceCatalog): Scenario {
  const { sheets, problems } = csvSheets(text, file);
  return scenarioFromSheets(sheets, file, reference, problems);
}

function csvSheets(text: string, file: string): { sheets: Sheet[]; problems: ScenarioProblem[] } {
  const sheets: Sheet[] = [];
  const problems: ScenarioProblem[] = [];
  let current: Sheet | undefined;
  for (const { line, cells } of readCsv(text)) {
    const first = cells[0] ?? '';
    if (first.startsWith(SECTION_MARK)) {
      const name = first.slice(SECTION_MARK.length).trim();
      current = (SHEET_NAMES as readonly string[]).includes(name)
        ? { name: name as SheetName, header: [], headerRow: line, rows: [] }
        : undefined;
      if (current) sheets.push(current);
      else problems.push(unknownSection(file, line, name));
      continue;
    }
    if (!current) continue;
    if (current.header.length === 0) {
      current.header = cells;
      current.headerRow = line;
      continue;
    }
    const header = current.header;
    current.rows.push({
      row: line,
      cells: Object.fromEntries(header.map((name, index) => [name, cells[index] ?? ''])),
    });
  }
  return { sheets, problems };
}

function unknownSection(file: string, line: number, name: string): ScenarioProblem {
  return {
    file,
    field: name,
    path: [],
    rule: 'unknownSection',
    message: {
      en: `#${name} is not a section (sections: ${SHEET_NAMES.map((sheet) => `#${sheet}`).join(', ')})`,
      es: `#${name} no es una sección (secciones: ${SHEET_NAMES.map((sheet) => `#${sheet}`).join(', ')})`,
    },
    cell: { row: line, column: SECTION_MARK },
  };
}
