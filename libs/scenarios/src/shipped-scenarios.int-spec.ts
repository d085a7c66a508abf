import { loadReferenceCatalog } from '@enlace/reference-data';
import { join } from 'node:path';
import { loadScenarios } from './load-scenarios.js';
import { scenarioFromCsv, scenarioToCsv } from './tabular/csv-scenario.js';
import { scenarioFromXlsx, scenarioToXlsx } from './tabular/xlsx-scenario.js';

const configDir = join(process.cwd(), 'config');
const reference = loadReferenceCatalog(configDir);
const scenarios = loadScenarios(join(configDir, 'scenarios'), reference);

describe('the scenarios shipped in config/scenarios', () => {
  it('are three or more, each with at least 12 injects and 5 objectives', () => {
    expect(scenarios.length).toBeGreaterThanOrEqual(3);
    for (const scenario of scenarios) {
      expect(scenario.injects.length).toBeGreaterThanOrEqual(12);
      expect(scenario.objectives.length).toBeGreaterThanOrEqual(5);
    }
  });

  it.each(scenarios.map((scenario) => [scenario.id, scenario] as const))(
    '%s exercises the JCP centres, the BLM, the shutdown and the resumption checklist',
    (_id, scenario) => {
      const measured = new Set(scenario.objectives.flatMap(({ measure }) => [measure.from.event, measure.to.event]));
      for (const event of ['NationalCenterNotified', 'BlmNotificationAcknowledged', 'ChecklistItemCompleted']) {
        expect(measured.has(event as never)).toBe(true);
      }
      expect([...measured].some((event) => event.startsWith('PortShutdown'))).toBe(true);
      expect(scenario.injects.some((inject) => inject.contingencyFor !== undefined)).toBe(true);
    },
  );

  it.each(scenarios.map((scenario) => [scenario.id, scenario] as const))(
    '%s comes back deep-equal from CSV and from XLSX',
    async (id, scenario) => {
      expect(scenarioFromCsv(scenarioToCsv(scenario), `${id}.csv`, reference)).toEqual(scenario);
      expect(await scenarioFromXlsx(await scenarioToXlsx(scenario), `${id}.xlsx`, reference)).toEqual(scenario);
    },
  );

  it('keeps the Ambos Nogales drill on Sonora time, which has no daylight saving', () => {
    const nogales = scenarios.find((scenario) => scenario.portId.startsWith('nogales-'))!;
    expect(nogales.timeZone).toBe('America/Hermosillo');
  });
});
