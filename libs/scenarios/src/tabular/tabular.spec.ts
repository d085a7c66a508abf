import { testCatalog } from '@enlace/domain/testing';
import ExcelJS from 'exceljs';
import { validateScenario } from '../parse-scenario.js';
import type { ScenarioProblem, ScenarioValidationError } from '../scenario-problem.js';
import { validScenarioData } from '../testing/index.js';
import { readCsv } from './csv-format.js';
import { scenarioFromCsv, scenarioToCsv } from './csv-scenario.js';
import { scenarioFromXlsx, scenarioToXlsx } from './xlsx-scenario.js';

const scenario = validateScenario(validScenarioData(), 'otay.yaml', testCatalog);

function refusal(read: () => unknown): ScenarioProblem[] {
  try {
    read();
  } catch (error) {
    return [...(error as ScenarioValidationError).problems];
  }
  throw new Error('accepted');
}

async function asyncRefusal(read: () => Promise<unknown>): Promise<ScenarioProblem[]> {
  try {
    await read();
  } catch (error) {
    return [...(error as ScenarioValidationError).problems];
  }
  throw new Error('accepted');
}

describe('a scenario as CSV', () => {
  it('comes back deep-equal after export and import', () => {
    expect(scenarioFromCsv(scenarioToCsv(scenario), 'otay.csv', testCatalog)).toEqual(scenario);
  });

  it('neutralises cells that a spreadsheet would run as formulas, and reads them back as written', () => {
    const csv = scenarioToCsv(scenario);
    const cells = readCsv(csv.replaceAll("'", '’')).flatMap((record) => record.cells);
    expect(cells.some((cell) => /^[=+\-@]/.test(cell))).toBe(false);
    expect(csv).toContain(`"'=HYPERLINK(""x"") - a text that starts like a formula"`);
    expect(csv).toContain("'+ un texto que empieza como una fórmula");
    expect(csv).toContain("'@controller: play the driver");
    expect(csv).toContain(",''Controlador: interprete al chofer,");
    const back = scenarioFromCsv(csv, 'otay.csv', testCatalog);
    expect(back.injects[0]!.message).toEqual(scenario.injects[0]!.message);
    expect(back.injects[0]!.controllerNotes).toEqual(scenario.injects[0]!.controllerNotes);
  });

  it('refuses a bad row naming its line and column', () => {
    const lines = scenarioToCsv(scenario).split('\r\n');
    const row = lines.findIndex((line) => line.startsWith('OTM-02,'));
    lines[row] = lines[row]!.replace('OTM-02,PT5M,', 'OTM-02,-PT5M,').replace(',system,', ',fax,');
    const problems = refusal(() => scenarioFromCsv(lines.join('\r\n'), 'otay.csv', testCatalog));
    expect(problems.map(({ cell, injectId, field, rule }) => ({ cell, injectId, field, rule }))).toEqual([
      {
        cell: { sheet: 'MSEL', row: row + 1, column: 'offset' },
        injectId: 'OTM-02',
        field: 'offset',
        rule: 'duration',
      },
      {
        cell: { sheet: 'MSEL', row: row + 1, column: 'delivery' },
        injectId: 'OTM-02',
        field: 'delivery',
        rule: 'enum',
      },
    ]);
  });

  it('names the cell of a missing translation, an unknown column and bad JSON', () => {
    const csv = scenarioToCsv(scenario)
      .replace('Air reading near the booths', '')
      .replace('contingency_for,commands', 'contingency_for,commands,priority')
      .replace('[{""type"":""FileSituationReport""', '[{""type"":""FileSituationReport"" oops');
    const problems = refusal(() => scenarioFromCsv(csv, 'otay.csv', testCatalog));
    expect(problems.map(({ cell, rule }) => ({ column: cell?.column, rule }))).toEqual([
      { column: 'priority', rule: 'unknownColumn' },
      { column: 'commands', rule: 'json' },
      { column: 'message_en', rule: 'content' }, // the unreadable commands leave the inject with nothing to deliver
      { column: 'synopsis_en', rule: 'bilingual' },
    ]);
  });
});

describe('a scenario as XLSX', () => {
  it('comes back deep-equal after export and import', async () => {
    const workbook = await scenarioToXlsx(scenario);
    expect(await scenarioFromXlsx(workbook, 'otay.xlsx', testCatalog)).toEqual(scenario);
  });

  it('refuses a bad cell naming its sheet, row and column', async () => {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(Buffer.from(await scenarioToXlsx(scenario)) as unknown as ExcelJS.Buffer);
    const msel = workbook.getWorksheet('MSEL')!;
    msel.getCell('B3').value = 'PT1H';
    msel.getCell('A4').value = { formula: '1+1', result: 2 };
    const edited = new Uint8Array(await workbook.xlsx.writeBuffer());
    const problems = await asyncRefusal(() => scenarioFromXlsx(edited, 'otay.xlsx', testCatalog));
    expect(problems.map(({ cell, rule }) => ({ cell, rule }))).toEqual(
      expect.arrayContaining([
        { cell: { sheet: 'MSEL', row: 4, column: 'id' }, rule: 'formula' },
        { cell: { sheet: 'MSEL', row: 4, column: 'offset' }, rule: 'ordered' },
      ]),
    );
  });
});
