import type { Scenario, ScenarioSummary } from './scenario.types.js';

export function scenarioSummary(scenario: Scenario): ScenarioSummary {
  return {
    id: scenario.id,
    title: scenario.title,
    portId: scenario.portId,
    blmId: scenario.blmId,
    hazard: scenario.hazard,
    timeZone: scenario.timeZone,
    injects: scenario.injects.length,
    objectives: scenario.objectives.length,
    durationMinutes: Math.max(0, ...scenario.injects.map((inject) => inject.offsetMinutes)),
  };
}
