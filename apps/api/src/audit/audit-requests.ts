import { type Actor, type Language, type Side } from '@enlace/domain';
import type { Position } from '@enlace/event-store';
import { LimitQuery, PositionQuery } from '../common/projections.js';
import { type FieldProblem, FieldValidationError } from '../common/validation.js';
import { type HistoryFilter, type HistoryQuery, type Period, readHistoryFilter, readPeriod } from './history-filter.js';
import { HISTORY_FORMATS, type HistoryFormat } from './history-export.js';

type Query = Record<string, unknown>;

const FILTER_PARAMETERS = ['aggregate', 'id', 'from', 'to', 'actor', 'side', 'type'];

/** Runs one of the api's query pipes, keeping its problems with the others' (one 400 names every bad field). */
function piped<T>(read: () => T, problems: FieldProblem[]): T | undefined {
  try {
    return read();
  } catch (error) {
    if (!(error instanceof FieldValidationError)) throw error;
    problems.push(...error.fields);
    return undefined;
  }
}

/** A parameter no route of the audit reads is refused rather than ignored: a misspelt filter must not widen a history. */
function unknownParameters(query: Query, allowed: readonly string[], problems: FieldProblem[]): void {
  for (const name of Object.keys(query)) {
    if (allowed.includes(name)) continue;
    const field = /^[A-Za-z0-9_.[\]-]{1,50}$/.test(name) ? name : 'query';
    problems.push({
      field,
      rule: 'whitelistValidation',
      message: {
        en: `${field} is not a parameter of this route (allowed: ${allowed.join(', ')})`,
        es: `${field} no es un parámetro de esta ruta (permitidos: ${allowed.join(', ')})`,
      },
    });
  }
}

function oneOf<T extends string>(
  query: Query,
  name: string,
  allowed: readonly T[],
  fallback: T | undefined,
  problems: FieldProblem[],
): T | undefined {
  const value = query[name];
  if (value === undefined) return fallback;
  const found = allowed.find((candidate) => candidate === value);
  if (found === undefined) {
    const list = allowed.join(', ');
    problems.push({
      field: name,
      rule: 'isIn',
      message: { en: `${name} must be one of: ${list}`, es: `${name} debe ser uno de: ${list}` },
    });
  }
  return found;
}

/** Merges the filter's own problems (it throws them together) with the others. */
function filterOf(query: HistoryQuery, problems: FieldProblem[]): HistoryFilter {
  return piped(() => readHistoryFilter(query), problems) ?? {};
}

function refuseIfAny(problems: FieldProblem[]): void {
  if (problems.length > 0) throw new FieldValidationError(problems);
}

export interface HistoryPageRequest {
  filter: HistoryFilter;
  after: Position | undefined;
  limit: number;
}

/** `GET /api/audit/history`: the filters, `after` (a position) and `limit` (1–500). */
export function readHistoryPageRequest(query: Query): HistoryPageRequest {
  const problems: FieldProblem[] = [];
  unknownParameters(query, [...FILTER_PARAMETERS, 'after', 'limit'], problems);
  const after = piped(() => new PositionQuery('after').transform(query.after), problems);
  const limit = piped(() => new LimitQuery().transform(query.limit), problems);
  const filter = filterOf(query, problems);
  refuseIfAny(problems);
  return { filter, after, limit: limit! };
}

export interface HistoryExportRequest {
  filter: HistoryFilter;
  after: Position | undefined;
  format: HistoryFormat;
}

/** `GET /api/audit/history/export`: the filters, `after`, and `format` (jsonl unless csv is asked for). */
export function readHistoryExportRequest(query: Query): HistoryExportRequest {
  const problems: FieldProblem[] = [];
  unknownParameters(query, [...FILTER_PARAMETERS, 'after', 'format'], problems);
  const after = piped(() => new PositionQuery('after').transform(query.after), problems);
  const format = oneOf(query, 'format', HISTORY_FORMATS, 'jsonl', problems);
  const filter = filterOf(query, problems);
  refuseIfAny(problems);
  return { filter, after, format: format! };
}

export const ICS_214_FORMATS = ['html', 'csv'] as const;
export type Ics214Format = (typeof ICS_214_FORMATS)[number];

export interface Ics214Request {
  side: Side;
  format: Ics214Format;
  language: Language;
  period: Period;
}

/**
 * `GET /api/audit/incidents/:id/ics-214`: `side` (the caller's own when absent), `format` (html), `lang` (the side's
 * language when absent: English for the U.S. side, Spanish for Mexico's), and an operational period (`from`, `to`).
 */
export function readIcs214Request(query: Query, actor: Actor): Ics214Request {
  const problems: FieldProblem[] = [];
  unknownParameters(query, ['side', 'format', 'lang', 'from', 'to'], problems);
  const side = oneOf<Side>(query, 'side', ['US', 'MX'], actor.country ?? undefined, problems);
  if (side === undefined && query.side === undefined) {
    problems.push({
      field: 'side',
      rule: 'isDefined',
      message: { en: 'side is required (US or MX)', es: 'side es obligatorio (US o MX)' },
    });
  }
  const format = oneOf(query, 'format', ICS_214_FORMATS, 'html', problems);
  const language = oneOf<Language>(query, 'lang', ['en', 'es'], side === 'MX' ? 'es' : 'en', problems);
  const period = readPeriod(query, problems);
  refuseIfAny(problems);
  return { side: side!, format: format!, language: language!, period };
}
