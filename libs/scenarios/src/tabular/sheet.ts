/** One table of a scenario spreadsheet: a CSV section or an XLSX worksheet. */
export interface Sheet {
  name: SheetName;
  header: string[];
  /** `row`: where the row is in the file (CSV line or worksheet row, 1-based), for problems to name it. */
  rows: { row: number; cells: Record<string, string> }[];
  /** Where the header itself is, for problems about a column. */
  headerRow: number;
}

export const SHEET_NAMES = ['Scenario', 'Players', 'Objectives', 'MSEL'] as const;
export type SheetName = (typeof SHEET_NAMES)[number];
