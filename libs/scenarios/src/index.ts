export * from './scenario.types.js';
export { CORE_CAPABILITIES, CORE_CAPABILITY_IDS, type CoreCapability } from './core-capabilities.js';
export { SCENARIO_AGENCIES, scenarioAgency, type ScenarioAgency, type ScenarioAgencyCode } from './agencies.js';
export { OBSERVABLE_EVENT_TYPES } from './observable-events.js';
export { isoDuration, minutesOf } from './duration.js';
export {
  type CellLocation,
  describeProblem,
  type FieldPath,
  type ScenarioProblem,
  ScenarioValidationError,
} from './scenario-problem.js';
export { checkScenario, parseScenario, type ScenarioCheck, validateScenario } from './parse-scenario.js';
export { selects } from './inject-sequence.js';
export { loadScenarios, scenarioFilesIn } from './load-scenarios.js';
export { scenarioFromCsv, scenarioToCsv } from './tabular/csv-scenario.js';
export { scenarioFromXlsx, scenarioToXlsx } from './tabular/xlsx-scenario.js';
export { scenarioDrillPlan } from './drill-plan.js';
export { scenarioFromSheets } from './tabular/import-sheets.js';
export { scenarioToSheets } from './tabular/scenario-sheets.js';
export { scenarioSummary } from './scenario-summary.js';
