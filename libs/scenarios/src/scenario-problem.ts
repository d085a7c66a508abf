import type { Bilingual } from './bilingual.js';

/** A path into a scenario as read: `['injects', 3, 'synopsis', 'es']`. */
export type FieldPath = readonly (string | number)[];

/** Where a problem sits in a spreadsheet: its sheet (XLSX), 1-based row and column header. */
export interface CellLocation {
  sheet?: string;
  row: number;
  column: string;
}

/**
 * One thing wrong with a scenario, named as a planner can find it: the file, the inject (when inside one), the field
 * (relative to the inject, else to the scenario), the rule broken, and what to do, in English and Spanish.
 */
export interface ScenarioProblem {
  file: string;
  injectId?: string;
  field: string;
  path: FieldPath;
  rule: string;
  message: Bilingual;
  cell?: CellLocation;
}

/** A scenario (or a set of them) that cannot be played: every problem found, not only the first. */
export class ScenarioValidationError extends Error {
  constructor(readonly problems: readonly ScenarioProblem[]) {
    super(`Invalid scenario:\n${problems.map((problem) => `  - ${describeProblem(problem)}`).join('\n')}`);
    this.name = 'ScenarioValidationError';
  }
}

/** `chlorine.yaml · row 14, column synopsis_es · inject LRD-04 · synopsis.es (bilingual): … / …` */
export function describeProblem(problem: ScenarioProblem): string {
  const where = [
    problem.file,
    problem.cell ? cellName(problem.cell) : undefined,
    problem.injectId ? `inject ${problem.injectId}` : undefined,
    `${problem.field || '(scenario)'} (${problem.rule})`,
  ].filter(Boolean);
  return `${where.join(' · ')}: ${problem.message.en} / ${problem.message.es}`;
}

function cellName({ sheet, row, column }: CellLocation): string {
  return `${sheet ? `sheet ${sheet}, ` : ''}row ${row}, column ${column}`;
}

export function fieldName(path: FieldPath): string {
  return path.reduce<string>(
    (name, part) => (typeof part === 'number' ? `${name}[${part}]` : name ? `${name}.${part}` : part),
    '',
  );
}

/** Collects problems while a scenario is read, so one pass reports them all. */
export class ProblemList {
  readonly problems: ScenarioProblem[] = [];

  constructor(
    private readonly file: string,
    private readonly injectIdAt: (index: number) => string | undefined = () => undefined,
  ) {}

  add(path: FieldPath, rule: string, en: string, es: string): void {
    const injectIndex = path[0] === 'injects' && typeof path[1] === 'number' ? path[1] : undefined;
    const injectId = injectIndex === undefined ? undefined : this.injectIdAt(injectIndex);
    const relative = injectId !== undefined && path.length > 2 ? path.slice(2) : path;
    this.problems.push({
      file: this.file,
      ...(injectId !== undefined ? { injectId } : {}),
      field: fieldName(relative),
      path,
      rule,
      message: { en, es },
    });
  }
}
