import type { ReferenceCatalog } from '@enlace/domain';
import { parse as parseYaml, YAMLParseError } from 'yaml';
import { FieldReader } from './field-reader.js';
import { checkInjectSequence } from './inject-sequence.js';
import { ScenarioReader } from './read-scenario.js';
import { ProblemList, type ScenarioProblem, ScenarioValidationError } from './scenario-problem.js';
import type { Scenario } from './scenario.types.js';

export type ScenarioCheck =
  { scenario: Scenario; problems: [] } | { scenario?: undefined; problems: ScenarioProblem[] };

/** The id an inject is named by in problems: its own, or its position when it has none. */
function injectIdsOf(raw: unknown): (index: number) => string {
  const injects = (raw as { injects?: unknown } | null)?.injects;
  return (index) => {
    const id = Array.isArray(injects) ? (injects[index] as { id?: unknown } | null)?.id : undefined;
    return typeof id === 'string' && id !== '' ? id : `#${index + 1}`;
  };
}

/** Every problem of one scenario's data, read from any format; the typed scenario only when there is none. */
export function checkScenario(raw: unknown, file: string, reference: ReferenceCatalog): ScenarioCheck {
  const problems = new ProblemList(file, injectIdsOf(raw));
  const scenario = new ScenarioReader(new FieldReader(problems), reference).scenario(raw);
  checkInjectSequence(scenario, problems);
  return problems.problems.length === 0 ? { scenario, problems: [] } : { problems: problems.problems };
}

/** One scenario's data (already parsed from YAML, JSON or a spreadsheet); throws listing every problem. */
export function validateScenario(raw: unknown, file: string, reference: ReferenceCatalog): Scenario {
  const check = checkScenario(raw, file, reference);
  if (!check.scenario) throw new ScenarioValidationError(check.problems);
  return check.scenario;
}

/** A scenario file's text (YAML, or JSON, which YAML reads too); throws listing every problem. */
export function parseScenario(text: string, file: string, reference: ReferenceCatalog): Scenario {
  let raw: unknown;
  try {
    raw = parseYaml(text, { prettyErrors: true, uniqueKeys: true });
  } catch (error) {
    if (!(error instanceof YAMLParseError)) throw error;
    const [line, column] = error.linePos?.[0] ? [error.linePos[0].line, error.linePos[0].col] : [0, 0];
    const reason = error.message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '');
    throw new ScenarioValidationError([
      {
        file,
        field: '',
        path: [],
        rule: 'syntax',
        message: {
          en: `not valid YAML at line ${line}, column ${column}: ${reason}`,
          es: `no es YAML válido en la línea ${line}, columna ${column}: ${reason}`,
        },
      },
    ]);
  }
  return validateScenario(raw, file, reference);
}
