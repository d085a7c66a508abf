import { describe, expect, it } from '@jest/globals';
import { problemsOf, spreadsheetType } from './imported-scenario';

describe('an imported scenario', () => {
  it('is sent with the content type of its spreadsheet, and nothing else is', () => {
    expect(spreadsheetType('MSEL Laredo.CSV')).toBe('text/csv');
    expect(spreadsheetType('msel.xlsx')).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    expect(spreadsheetType('msel.xls')).toBeUndefined();
    expect(spreadsheetType('msel.yaml')).toBeUndefined();
  });

  it("reads the api's problems from a refusal's details, and none from anything else", () => {
    const problem = {
      file: 'a.csv',
      field: 'offset',
      rule: 'duration',
      message: { en: 'e', es: 'e' },
      cell: { row: 3, column: 'offset' },
    };
    expect(problemsOf({ problems: [problem] })).toEqual([problem]);
    expect(problemsOf({})).toEqual([]);
    expect(problemsOf(undefined)).toEqual([]);
  });
});
