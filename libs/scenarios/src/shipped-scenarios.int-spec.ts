import { loadReferenceCatalog } from '@enlace/reference-data';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { SCENARIO_AGENCIES } from './agencies.js';
import { CORE_CAPABILITY_IDS } from './core-capabilities.js';
import { loadScenarios, scenarioFilesIn } from './load-scenarios.js';
import { OBSERVABLE_EVENT_TYPES } from './observable-events.js';
import { validScenarioData } from './testing/index.js';
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

describe('config/scenarios/scenario.schema.json', () => {
  const schema = JSON.parse(readFileSync(join(configDir, 'scenarios', 'scenario.schema.json'), 'utf8')) as {
    $defs: Record<string, { enum?: string[] }>;
  };
  const validate = new Ajv2020({ allErrors: true, strict: false }).compile(schema);

  it.each(scenarioFilesIn(join(configDir, 'scenarios')))('accepts %s, as the scenario check does', (file) => {
    const valid = validate(parse(readFileSync(join(configDir, 'scenarios', file), 'utf8')));
    expect(validate.errors ?? []).toEqual([]);
    expect(valid).toBe(true);
  });

  it('lists the same agencies, core capabilities and events as the check, so editors offer what the check accepts', () => {
    expect(schema.$defs.agency!.enum).toEqual(Object.keys(SCENARIO_AGENCIES));
    expect(schema.$defs.capability!.enum).toEqual(CORE_CAPABILITY_IDS);
    expect((schema.$defs.eventMatch as { properties: { event: { enum: string[] } } }).properties.event.enum).toEqual(
      OBSERVABLE_EVENT_TYPES,
    );
  });

  it('refuses what the check refuses for its shape: a text missing a language, a negative offset', () => {
    const data = validScenarioData() as { injects: { synopsis: { es?: string }; offset: unknown }[] };
    delete data.injects[1]!.synopsis.es;
    data.injects[2]!.offset = -5;
    expect(validate(data)).toBe(false);
    expect(validate.errors!.map((error) => error.instancePath)).toEqual(
      expect.arrayContaining(['/injects/1/synopsis', '/injects/2/offset']),
    );
  });
});
