// Every string field of every request body (DTO) of the api keeps the human-text rules, unless it is a pattern, a choice
// or a credential: a field added later without them fails here. Loads every module of apps/api/src (not main.ts
// nor the *.cli.ts commands, which run when loaded) and reads class-validator's metadata.
import { readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { HUMAN_TEXT_RULES } from '@enlace/domain';
import { getMetadataStorage } from 'class-validator';

interface Rule {
  propertyName: string;
  name?: string;
}

/** Rules that pin a string to a pattern or a list: such a field is an identifier, not a text a person writes. */
const SHAPED = new Set(['matches', 'isIn', 'isEnum', 'isUuid', 'isIso8601', 'isEmail', 'isUrl']);
/** Credentials are compared, never shown: any character may be part of one. */
const CREDENTIAL = /password|token|secret|^username$/i;

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === 'testing' ? [] : sources(path);
    return /\.ts$/.test(entry.name) && !/\.(spec|int-spec|d|cli)\.ts$/.test(entry.name) && entry.name !== 'main.ts'
      ? [path]
      : [];
  });
}

it('every string field people type keeps the human-text rules', async () => {
  const root = join(process.cwd(), 'apps/api/src');
  const classes = new Set<unknown>();
  for (const file of sources(root)) {
    const module = (await import(`./${relative(join(root, 'common'), file)}`)) as Record<string, unknown>;
    for (const exported of Object.values(module)) if (typeof exported === 'function') classes.add(exported);
  }
  const storage = getMetadataStorage() as unknown as { validationMetadatas: Map<unknown, Rule[]> };
  const missing: string[] = [];
  let checked = 0;
  for (const [target, rules] of storage.validationMetadatas) {
    // The api's request bodies, not the environment's or another lib's classes.
    if (!classes.has(target)) continue;
    const byField = new Map<string, Set<string>>();
    for (const rule of rules) {
      byField.set(rule.propertyName, (byField.get(rule.propertyName) ?? new Set()).add(rule.name ?? ''));
    }
    for (const [field, names] of byField) {
      const text = names.has('isString') || names.has('bilingualText');
      if (!text || CREDENTIAL.test(field) || [...names].some((name) => SHAPED.has(name))) continue;
      checked += 1;
      const absent = HUMAN_TEXT_RULES.filter((rule) => !names.has(rule));
      if (absent.length > 0) missing.push(`${(target as { name: string }).name}.${field}: ${absent.join(', ')}`);
    }
  }
  expect(missing).toEqual([]);
  // The fields known today (titles, descriptions, reasons, notes, reports, names, references, translations).
  expect(checked).toBeGreaterThanOrEqual(18);
});
