// The scenario a planner imported in this tab (read back and checked by the api): kept for the tab's life, so its
// preview and the drill planned from it survive a reload; a new import replaces it.
import type { Scenario } from '../api/types';

const KEY = 'enlace.importedScenario';

export function keepImportedScenario(scenario: Scenario): void {
  sessionStorage.setItem(KEY, JSON.stringify(scenario));
}

export function importedScenario(): Scenario | undefined {
  const stored = sessionStorage.getItem(KEY);
  if (!stored) return undefined;
  try {
    return JSON.parse(stored) as Scenario;
  } catch {
    return undefined;
  }
}

/** The content type the api reads a spreadsheet by, from its file name; undefined for anything else. */
export function spreadsheetType(fileName: string): string | undefined {
  const lower = fileName.toLowerCase();
  if (lower.endsWith('.csv')) return 'text/csv';
  if (lower.endsWith('.xlsx')) return 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
  return undefined;
}

/** Where a problem of an imported spreadsheet sits: "Sheet MSEL, row 14, column offset" or the field path. */
export interface ScenarioProblemView {
  file: string;
  injectId?: string;
  field: string;
  rule: string;
  message: { en: string; es: string };
  cell?: { sheet?: string; row: number; column: string };
}

export function problemsOf(details: unknown): ScenarioProblemView[] {
  const problems = (details as { problems?: unknown } | undefined)?.problems;
  return Array.isArray(problems) ? (problems as ScenarioProblemView[]) : [];
}
