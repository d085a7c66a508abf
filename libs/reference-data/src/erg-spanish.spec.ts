import { describe, expect, it } from '@jest/globals';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadReferenceCatalog, loadReferenceData } from './load-reference-data.js';

// Reads the shipped configuration files (no server, no database): the promise that a Spanish-speaking officer reads
// every ERG entry Enlace uses in Spanish, as the GRE 2024 names it.
const configDir = join(process.cwd(), 'config');
const catalog = loadReferenceCatalog(configDir);
const { materials } = loadReferenceData(configDir);

/** The UN numbers the drill scenarios use (their hazard and their injects' materials). */
function scenarioUnNumbers(): string[] {
  const dir = join(configDir, 'scenarios');
  return readdirSync(dir)
    .filter((file) => file.endsWith('.yaml'))
    .flatMap((file) =>
      [...readFileSync(join(dir, file), 'utf8').matchAll(/unNumber:\s*'?(\d{4})'?/g)].map((m) => m[1]!),
    );
}

describe('the ERG entries in Spanish (GRE 2024)', () => {
  it('names every material of the table in Spanish, not in English', () => {
    expect(materials.length).toBeGreaterThan(40);
    const untranslated = materials.filter(({ names }) => !names.es.trim() || names.es === names.en);
    expect(untranslated.map(({ unNumber, name }) => `${unNumber} ${name}`)).toEqual([]);
  });

  it('titles every guide a material refers to in both editions', () => {
    const untitled = materials.filter(
      ({ guideTitle }) => !guideTitle.en.trim() || !guideTitle.es.trim() || guideTitle.es === guideTitle.en,
    );
    expect(untitled.map(({ unNumber, ergGuide }) => `${unNumber} guide ${ergGuide}`)).toEqual([]);
  });

  it('knows, in Spanish, every material the drill scenarios use', () => {
    const used = [...new Set(scenarioUnNumbers())];
    expect(used.length).toBeGreaterThan(0);
    const missing = used.filter((unNumber) => !catalog.material(unNumber)?.names.es);
    expect(missing).toEqual([]);
    expect(catalog.material('1017')).toMatchObject({
      names: { en: 'Chlorine', es: 'Cloro' },
      guideTitle: { es: 'Gases - Tóxicos y/o corrosivos - Oxidantes' },
    });
  });
});
