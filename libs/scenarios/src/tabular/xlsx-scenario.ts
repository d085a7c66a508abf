import type { ReferenceCatalog } from '@enlace/domain';
import ExcelJS from 'exceljs';
import { type ScenarioProblem, ScenarioValidationError } from '../scenario-problem.js';
import type { Scenario } from '../scenario.types.js';
import { scenarioFromSheets } from './import-sheets.js';
import { scenarioToSheets } from './scenario-sheets.js';
import { SHEET_NAMES, type Sheet, type SheetName } from './sheet.js';

/** Wide enough to read a synopsis without resizing; texts wrap. */
const COLUMN_WIDTH: Record<string, number> = { id: 12, offset: 10, field: 20, value: 80 };
const TEXT_WIDTH = 40;

/** A workbook of four worksheets (Scenario, Players, Objectives, MSEL), every cell written as text. */
export async function scenarioToXlsx(scenario: Scenario): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Enlace';
  for (const sheet of scenarioToSheets(scenario)) {
    const worksheet = workbook.addWorksheet(sheet.name, { views: [{ state: 'frozen', ySplit: 1 }] });
    worksheet.columns = sheet.header.map((header) => ({
      header,
      key: header,
      width: COLUMN_WIDTH[header] ?? TEXT_WIDTH,
      style: { alignment: { wrapText: true, vertical: 'top' } },
    }));
    worksheet.getRow(1).font = { bold: true };
    for (const { cells } of sheet.rows) worksheet.addRow(sheet.header.map((header) => cells[header] ?? ''));
  }
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}

/** The scenario a workbook holds, checked as a scenario file is; problems name the sheet, row and column. */
export async function scenarioFromXlsx(
  content: Uint8Array,
  file: string,
  reference: ReferenceCatalog,
): Promise<Scenario> {
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(Buffer.from(content) as unknown as ExcelJS.Buffer);
  } catch {
    // Not a workbook at all (a broken file, another format): said as a problem of the file, like any other.
    throw new ScenarioValidationError([
      {
        file,
        field: 'file',
        path: [],
        rule: 'xlsx',
        message: {
          en: `${file} is not an Excel workbook (.xlsx) that can be read`,
          es: `${file} no es un libro de Excel (.xlsx) legible`,
        },
      },
    ]);
  }
  const problems: ScenarioProblem[] = [];
  const sheets = SHEET_NAMES.flatMap((name) => {
    const worksheet = workbook.getWorksheet(name);
    return worksheet ? [readWorksheet(worksheet, name, file, problems)] : [];
  });
  return scenarioFromSheets(sheets, file, reference, problems);
}

function readWorksheet(
  worksheet: ExcelJS.Worksheet,
  name: SheetName,
  file: string,
  problems: ScenarioProblem[],
): Sheet {
  const header: string[] = [];
  worksheet.getRow(1).eachCell({ includeEmpty: true }, (cell, column) => {
    header[column - 1] = cellText(cell, name, file, problems);
  });
  const sheet: Sheet = { name, header, headerRow: 1, rows: [] };
  worksheet.eachRow((row, rowNumber) => {
    if (rowNumber === 1) return;
    const cells: Record<string, string> = {};
    header.forEach((columnName, index) => {
      cells[columnName] = cellText(row.getCell(index + 1), name, file, problems, columnName);
    });
    if (Object.values(cells).some((value) => value !== '')) sheet.rows.push({ row: rowNumber, cells });
  });
  return sheet;
}

/**
 * A cell's text whatever a spreadsheet made of it: numbers and dates a planner typed become text again; a formula
 * is refused, since what it computes is not what the scenario file would say.
 */
function cellText(
  cell: ExcelJS.Cell,
  sheet: SheetName,
  file: string,
  problems: ScenarioProblem[],
  column = '',
): string {
  const value = cell.value;
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (value instanceof Date) return value.toISOString();
  if ('richText' in value) return value.richText.map((run) => run.text).join('');
  if ('text' in value && typeof value.text === 'string') return value.text;
  problems.push({
    file,
    field: column,
    path: [],
    rule: 'formula',
    message: {
      en: 'holds a formula or an error value: type the value itself',
      es: 'contiene una fórmula o un valor de error: escriba el valor mismo',
    },
    cell: { sheet, row: Number(cell.row), column: column || cell.address },
  });
  return '';
}
