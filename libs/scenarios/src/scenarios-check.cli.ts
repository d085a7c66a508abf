// Checks every scenario in config/scenarios against the reference data in config/, as the api will at start, and
// lists every problem (file, inject, field, rule, in English and Spanish); exits 1 if there is any:
//   npm run scenarios:check            (CONFIG_DIR overrides config/)
import { loadReferenceCatalog } from '@enlace/reference-data';
import { resolve } from 'node:path';
import { argv, env, exit, stderr, stdout } from 'node:process';
import { loadScenarios } from './load-scenarios.js';
import { describeProblem, ScenarioValidationError } from './scenario-problem.js';

const configDir = resolve(argv[2] ?? env.CONFIG_DIR ?? 'config');
try {
  const scenarios = loadScenarios(resolve(configDir, 'scenarios'), loadReferenceCatalog(configDir));
  for (const scenario of scenarios) {
    stdout.write(`ok ${scenario.id}: ${scenario.injects.length} injects, ${scenario.objectives.length} objectives\n`);
  }
} catch (error) {
  if (!(error instanceof ScenarioValidationError)) throw error;
  for (const problem of error.problems) stderr.write(`${describeProblem(problem)}\n`);
  stderr.write(`${error.problems.length} problem(s) / ${error.problems.length} problema(s)\n`);
  exit(1);
}
