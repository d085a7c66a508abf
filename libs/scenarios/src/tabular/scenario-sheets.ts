import { isoDuration } from '../duration.js';
import type { CellLocation, FieldPath, ScenarioProblem } from '../scenario-problem.js';
import type { PlayerSelector, Scenario } from '../scenario.types.js';
import type { Sheet, SheetName } from './sheet.js';

/** How one column holds a field: as text, as minutes (written ISO-8601), as JSON, or as player selectors. */
type ColumnKind = 'text' | 'minutes' | 'json' | 'selectors';

interface Column {
  header: string;
  /** The field's path inside one row's entity (an inject, an objective, a player) or the scenario. */
  path: readonly string[];
  kind: ColumnKind;
}

const text = (header: string, ...path: string[]): Column => ({ header, path, kind: 'text' });
const minutes = (header: string, ...path: string[]): Column => ({ header, path, kind: 'minutes' });
const bilingualColumns = (prefix: string, ...path: string[]): Column[] => [
  text(`${prefix}_en`, ...path, 'en'),
  text(`${prefix}_es`, ...path, 'es'),
];
const matchColumns = (prefix: string, ...path: string[]): Column[] => [
  text(`${prefix}_event`, ...path, 'event'),
  text(`${prefix}_side`, ...path, 'side'),
  text(`${prefix}_item`, ...path, 'itemId'),
];

/** The scenario's own fields, one `field,value` row each: planners read them top to bottom like a cover sheet. */
const SCENARIO_COLUMNS: readonly Column[] = [
  text('id', 'id'),
  ...bilingualColumns('title', 'title'),
  ...bilingualColumns('narrative', 'narrative'),
  text('port', 'portId'),
  text('blm', 'blmId'),
  text('sister_city_plan', 'sisterCityPlanId'),
  text('un_number', 'hazard', 'unNumber'),
  text('erg_guide', 'hazard', 'ergGuide'),
  text('shutdown_kind', 'shutdownKind'),
  text('time_zone', 'timeZone'),
];

const PLAYER_COLUMNS: readonly Column[] = [text('role', 'role'), text('side', 'side'), text('agency', 'agency')];

const OBJECTIVE_COLUMNS: readonly Column[] = [
  text('id', 'id'),
  ...bilingualColumns('text', 'text'),
  text('capability', 'capability'),
  ...bilingualColumns('measure', 'measure', 'text'),
  ...matchColumns('from', 'measure', 'from'),
  ...matchColumns('to', 'measure', 'to'),
  minutes('target', 'measure', 'targetMinutes'),
];

/** One MSEL row per inject, in the order of HSEEP's MSEL columns. */
const INJECT_COLUMNS: readonly Column[] = [
  text('id', 'id'),
  minutes('offset', 'offsetMinutes'),
  ...bilingualColumns('synopsis', 'synopsis'),
  text('delivery', 'delivery'),
  text('from', 'from'),
  { header: 'to', path: ['to'], kind: 'selectors' },
  ...bilingualColumns('message', 'message'),
  ...bilingualColumns('expected_action', 'expectedAction', 'text'),
  ...matchColumns('evidence', 'expectedAction', 'evidence'),
  minutes('within', 'expectedAction', 'withinMinutes'),
  text('objective', 'objectiveId'),
  text('capability', 'capability'),
  ...bilingualColumns('controller_notes', 'controllerNotes'),
  text('contingency_for', 'contingencyFor'),
  { header: 'commands', path: ['commands'], kind: 'json' },
];

const TABLES: Record<
  Exclude<SheetName, 'Scenario'>,
  { list: 'players' | 'objectives' | 'injects'; columns: readonly Column[] }
> = {
  Players: { list: 'players', columns: PLAYER_COLUMNS },
  Objectives: { list: 'objectives', columns: OBJECTIVE_COLUMNS },
  MSEL: { list: 'injects', columns: INJECT_COLUMNS },
};

/** The typed path used by the scenario reader for a column's field (durations are read from `offset`, `within`, `target`). */
const READER_KEYS: Record<string, string> = {
  offsetMinutes: 'offset',
  withinMinutes: 'within',
  targetMinutes: 'target',
};
const readerPath = (path: readonly string[]): string[] => path.map((part) => READER_KEYS[part] ?? part);

function valueAt(entity: unknown, path: readonly string[]): unknown {
  return path.reduce<unknown>((value, key) => (value as Record<string, unknown> | undefined)?.[key], entity);
}

function setAt(target: Record<string, unknown>, path: readonly string[], value: unknown): void {
  let node = target;
  path.slice(0, -1).forEach((key) => {
    node[key] ??= {};
    node = node[key] as Record<string, unknown>;
  });
  node[path[path.length - 1]!] = value;
}

export function selectorText(selector: PlayerSelector): string {
  return [selector.role ?? '*', selector.side ?? '*', selector.agency ?? '*'].join('/').replace(/(\/\*)+$/, '');
}

/** `officer/US/CBP; officer/MX; officer` → selectors; a `*` or an empty part leaves that part open. */
function selectorsOf(cell: string): Record<string, string>[] {
  return cell
    .split(';')
    .map((entry) => entry.trim())
    .filter(Boolean)
    .map((entry) => {
      const [role, side, agency] = entry.split('/').map((part) => part.trim());
      return Object.fromEntries(
        Object.entries({ role, side, agency }).filter(([, part]) => part !== undefined && part !== '' && part !== '*'),
      ) as Record<string, string>;
    });
}

function cellOf(column: Column, entity: unknown): string {
  const value = valueAt(entity, column.path);
  if (value === undefined) return '';
  switch (column.kind) {
    case 'minutes':
      return isoDuration(value as number);
    case 'json':
      return (value as unknown[]).length === 0 ? '' : JSON.stringify(value);
    case 'selectors':
      return (value as PlayerSelector[]).map(selectorText).join('; ');
    case 'text':
      return value as string;
  }
}

/** A scenario as the four tables planners edit: its own fields, its players, its objectives, its MSEL. */
export function scenarioToSheets(scenario: Scenario): Sheet[] {
  const cover: Sheet = {
    name: 'Scenario',
    header: ['field', 'value'],
    headerRow: 1,
    rows: SCENARIO_COLUMNS.map((column, index) => ({
      row: index + 2,
      cells: { field: column.header, value: cellOf(column, scenario) },
    })),
  };
  const tables = (Object.keys(TABLES) as (keyof typeof TABLES)[]).map((name): Sheet => {
    const { list, columns } = TABLES[name];
    return {
      name,
      header: columns.map((column) => column.header),
      headerRow: 1,
      rows: (scenario[list] as unknown[]).map((entity, index) => ({
        row: index + 2,
        cells: Object.fromEntries(columns.map((column) => [column.header, cellOf(column, entity)])),
      })),
    };
  });
  return [cover, ...tables];
}

/** A scenario's data read back from its tables, and where each field came from, for problems to name the cell. */
export interface SheetsReading {
  raw: Record<string, unknown>;
  problems: ScenarioProblem[];
  locate: (path: FieldPath) => CellLocation | undefined;
}

function cellProblem(file: string, cell: CellLocation, rule: string, en: string, es: string): ScenarioProblem {
  return { file, field: cell.column, path: [], rule, message: { en, es }, cell };
}

/** The raw scenario the same reader checks as a YAML file, from the four tables; layout problems named by cell. */
export function sheetsToScenarioData(sheets: readonly Sheet[], file: string): SheetsReading {
  const raw: Record<string, unknown> = {};
  const problems: ScenarioProblem[] = [];
  const byName = new Map(sheets.map((sheet) => [sheet.name, sheet]));
  const rowOfField = new Map<string, number>();
  const cover = byName.get('Scenario');
  for (const { row, cells } of cover?.rows ?? []) {
    const field = cells.field ?? '';
    const column = SCENARIO_COLUMNS.find((candidate) => candidate.header === field);
    if (!column) {
      problems.push(
        cellProblem(
          file,
          { sheet: 'Scenario', row, column: 'field' },
          'unknownField',
          `${field} is not a scenario field`,
          `${field} no es un campo del escenario`,
        ),
      );
      continue;
    }
    rowOfField.set(field, row);
    if (cells.value) setAt(raw, readerPath(column.path), cells.value);
  }
  const rowsOfList: Record<string, number[]> = {};
  for (const [name, { list, columns }] of Object.entries(TABLES) as [
    keyof typeof TABLES,
    (typeof TABLES)[keyof typeof TABLES],
  ][]) {
    const sheet = byName.get(name);
    if (!sheet) {
      problems.push(
        cellProblem(
          file,
          { sheet: name, row: 1, column: columns[0]!.header },
          'missingSheet',
          `the ${name} table is missing`,
          `falta la tabla ${name}`,
        ),
      );
      continue;
    }
    for (const header of sheet.header) {
      if (header && !columns.some((column) => column.header === header)) {
        problems.push(
          cellProblem(
            file,
            { sheet: name, row: sheet.headerRow, column: header },
            'unknownColumn',
            `${header} is not a column of ${name} (columns: ${columns.map((column) => column.header).join(', ')})`,
            `${header} no es una columna de ${name} (columnas: ${columns.map((column) => column.header).join(', ')})`,
          ),
        );
      }
    }
    rowsOfList[list] = sheet.rows.map(({ row }) => row);
    raw[list] = sheet.rows.map(({ row, cells }) => {
      const entity: Record<string, unknown> = {};
      for (const column of columns) {
        const cell = cells[column.header] ?? '';
        if (cell === '') continue;
        const value = cellValue(column, cell);
        if (value === INVALID_JSON) {
          problems.push(
            cellProblem(
              file,
              { sheet: name, row, column: column.header },
              'json',
              'must be a JSON list of commands',
              'debe ser una lista JSON de comandos',
            ),
          );
          continue;
        }
        setAt(entity, readerPath(column.path), value);
      }
      return entity;
    });
  }
  const locate = (path: FieldPath): CellLocation | undefined => {
    const [first, index, ...rest] = path;
    const table = Object.entries(TABLES).find(([, { list }]) => list === first);
    if (table && typeof index === 'number') {
      const [name, { columns }] = table;
      const row = rowsOfList[table[1].list]?.[index];
      return row === undefined ? undefined : { sheet: name, row, column: columnFor(columns, rest.map(String)) };
    }
    const restOfScenario = path.map(String);
    const header = columnFor(SCENARIO_COLUMNS, restOfScenario);
    return { sheet: 'Scenario', row: rowOfField.get(header) ?? cover?.headerRow ?? 1, column: 'value' };
  };
  return { raw, problems, locate };
}

const INVALID_JSON = Symbol('invalid JSON');

function cellValue(column: Column, cell: string): unknown {
  switch (column.kind) {
    case 'json':
      try {
        return JSON.parse(cell) as unknown;
      } catch {
        return INVALID_JSON;
      }
    case 'selectors':
      return selectorsOf(cell);
    case 'minutes':
    case 'text':
      return cell;
  }
}

/** The column holding a field: the one whose path starts the field's, else the first one inside the field. */
function columnFor(columns: readonly Column[], path: readonly string[]): string {
  const fieldPath = path;
  const holding = columns.find((column) => {
    const columnPath = readerPath(column.path);
    return columnPath.every((part, index) => fieldPath[index] === part);
  });
  if (holding) return holding.header;
  const inside = columns.find((column) => {
    const columnPath = readerPath(column.path);
    return fieldPath.every((part, index) => columnPath[index] === part);
  });
  return (inside ?? columns[0]!).header;
}
