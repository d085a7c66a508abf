import type { ReferenceCatalog } from '@enlace/domain';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseScenario } from './parse-scenario.js';
import { type ScenarioProblem, ScenarioValidationError } from './scenario-problem.js';
import type { Scenario } from './scenario.types.js';

const SCENARIO_FILE = /\.(ya?ml|json)$/;

/** The scenario files of a directory: YAML or JSON, the schema itself excepted. */
export function scenarioFilesIn(dir: string): string[] {
  return readdirSync(dir)
    .filter((name) => SCENARIO_FILE.test(name) && !name.endsWith('.schema.json'))
    .sort();
}

/**
 * Every scenario of `dir` (config/scenarios), checked against the reference data: what the api loads at start, so
 * no drill can begin from a scenario with a problem. Throws one error listing the problems of every file.
 */
export function loadScenarios(dir: string, reference: ReferenceCatalog): Scenario[] {
  const scenarios: Scenario[] = [];
  const problems: ScenarioProblem[] = [];
  const fileOfId = new Map<string, string>();
  for (const file of scenarioFilesIn(dir)) {
    try {
      const scenario = parseScenario(readFileSync(join(dir, file), 'utf8'), file, reference);
      const earlier = fileOfId.get(scenario.id);
      if (earlier !== undefined) problems.push(duplicateScenario(file, scenario.id, earlier));
      fileOfId.set(scenario.id, earlier ?? file);
      scenarios.push(scenario);
    } catch (error) {
      if (!(error instanceof ScenarioValidationError)) throw error;
      problems.push(...error.problems);
    }
  }
  if (problems.length > 0) throw new ScenarioValidationError(problems);
  return scenarios;
}

function duplicateScenario(file: string, id: string, earlierFile: string): ScenarioProblem {
  return {
    file,
    field: 'id',
    path: ['id'],
    rule: 'duplicateScenario',
    message: {
      en: `scenario id ${id} is already used by ${earlierFile}`,
      es: `el id de escenario ${id} ya lo usa ${earlierFile}`,
    },
  };
}
