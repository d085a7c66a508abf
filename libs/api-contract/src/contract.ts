import { lintFromString, loadConfig, type NormalizedProblem } from '@redocly/openapi-core';
import openapiTS, { astToString, type OpenAPI3 } from 'openapi-typescript';

/** The committed OpenAPI document: what /api/docs-json serves, written by `npm run openapi`. */
export const SPEC_FILE = 'docs/api/openapi.json';
/** The TypeScript types generated from it (imported as `@enlace/api-types`), written by `npm run openapi` too. */
export const TYPES_FILE = 'libs/api-contract/src/openapi.ts';
/** The lint's rules (Redocly's recommended set, and why any is changed). */
export const LINT_CONFIG_FILE = 'redocly.yaml';

/** A copy of `value` whose objects list their keys in code-point order, at every depth (arrays keep their order). */
export function sortedKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortedKeys);
  if (value === null || typeof value !== 'object') return value;
  return Object.fromEntries(
    Object.keys(value)
      .sort()
      .map((key) => [key, sortedKeys((value as Record<string, unknown>)[key])]),
  );
}

/** The document as the committed file holds it: keys sorted at every depth, two-space indents, a final newline. */
export function specText(document: object): string {
  return `${JSON.stringify(sortedKeys(document), null, 2)}\n`;
}

const TYPES_HEADER =
  '// Generated from docs/api/openapi.json by `npm run openapi` (openapi-typescript). Do not edit: change the api,\n' +
  '// run `npm run openapi`, and commit both files; a test fails when this file differs from what the spec generates.\n';

/** The TypeScript types of the document (its paths, operations and component schemas), as the committed file holds them. */
export async function typesText(document: object): Promise<string> {
  const ast = await openapiTS(document as OpenAPI3, { alphabetize: true, exportType: false });
  return `${TYPES_HEADER}${astToString(ast)}`;
}

export interface LintFinding {
  severity: 'error' | 'warn';
  rule: string;
  message: string;
  /** Where in the document, as a JSON pointer. */
  pointer: string;
}

/** Redocly's lint of the document with the rules of `configFile` (its recommended set unless the file says more). */
export async function lintSpec(document: object, configFile = LINT_CONFIG_FILE): Promise<LintFinding[]> {
  const config = await loadConfig({ configPath: configFile });
  const problems: NormalizedProblem[] = await lintFromString({
    source: JSON.stringify(document),
    absoluteRef: SPEC_FILE,
    config,
  });
  return problems.map((problem) => ({
    severity: problem.severity === 'error' ? 'error' : 'warn',
    rule: problem.ruleId,
    message: problem.message,
    pointer: problem.location[0]?.pointer ?? '#/',
  }));
}
