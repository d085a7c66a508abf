import type { ReferenceCatalog } from '@enlace/domain';
import { notFound } from '@enlace/domain';
import { loadScenarios, type Scenario } from '@enlace/scenarios';
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';

/**
 * The scenarios of `<CONFIG_DIR>/scenarios`, checked against the reference data when the api starts: a scenario
 * with a problem stops the start with every problem named (file, inject, field), so no drill begins from one.
 */
export class ScenarioCatalog {
  private readonly byId: Map<string, Scenario>;

  constructor(scenarios: readonly Scenario[]) {
    this.byId = new Map(scenarios.map((scenario) => [scenario.id, scenario]));
  }

  static fromConfig(configDir: string, reference: ReferenceCatalog): ScenarioCatalog {
    const dir = join(resolve(configDir), 'scenarios');
    return new ScenarioCatalog(existsSync(dir) ? loadScenarios(dir, reference) : []);
  }

  list(): Scenario[] {
    return [...this.byId.values()].sort((a, b) => a.id.localeCompare(b.id));
  }

  /** The scenario, or 404 `SCENARIO.NOT_FOUND`. */
  get(id: string): Scenario {
    const scenario = this.byId.get(id);
    if (!scenario) {
      throw notFound('SCENARIO.NOT_FOUND', `No scenario ${id}`, `No existe el escenario ${id}`, {
        field: 'scenarioId',
      });
    }
    return scenario;
  }
}
