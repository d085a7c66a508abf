import type { ReferenceCatalog } from '@enlace/domain';
import { checkScenario } from '../parse-scenario.js';
import { type ScenarioProblem, ScenarioValidationError } from '../scenario-problem.js';
import type { Scenario } from '../scenario.types.js';
import { sheetsToScenarioData } from './scenario-sheets.js';
import type { Sheet } from './sheet.js';

/**
 * A scenario from its tables, through the same checks as a scenario file: each problem also names the sheet, row
 * and column it came from, so a planner fixes the cell rather than hunting for a field path.
 */
export function scenarioFromSheets(
  sheets: readonly Sheet[],
  file: string,
  reference: ReferenceCatalog,
  layoutProblems: readonly ScenarioProblem[] = [],
): Scenario {
  const reading = sheetsToScenarioData(sheets, file);
  const check = checkScenario(reading.raw, file, reference);
  const located = check.problems.map((problem) => {
    const cell = reading.locate(problem.path);
    return cell ? { ...problem, cell } : problem;
  });
  const problems = [...layoutProblems, ...reading.problems, ...located];
  if (problems.length > 0 || !check.scenario) throw new ScenarioValidationError(problems);
  return check.scenario;
}
