import { LIVE_FEED_PREFIXES } from '@enlace/consumers';
import {
  type Actor,
  type Aggregate,
  eventTypesOf,
  EXERCISE_STREAM_PREFIX,
  type ExportFilter,
  forbidden,
  type Side,
} from '@enlace/domain';
import type { EventFilter, RecordedEvent } from '@enlace/event-store';
import { type FieldProblem, FieldValidationError } from '../common/validation.js';

// What the history may be narrowed to: one live aggregate's streams, or drills' own streams.
export { HISTORY_AGGREGATES, type HistoryAggregate } from '@enlace/audit';
import { HISTORY_AGGREGATES, type HistoryAggregate } from '@enlace/audit';

function isHistoryAggregate(value: unknown): value is HistoryAggregate {
  return HISTORY_AGGREGATES.some((aggregate) => aggregate === value);
}

/** The aggregates whose streams make the live world's history (`LIVE_FEED_PREFIXES`). */
const LIVE_AGGREGATES: readonly Aggregate[] = [
  'incident',
  'port',
  'notification',
  'session',
  'account',
  'auth-log',
  'audit',
];

/** Every event type the live world's streams hold. */
export const LIVE_EVENT_TYPES: readonly string[] = [
  ...new Set(LIVE_AGGREGATES.flatMap((aggregate) => eventTypesOf(aggregate))),
].sort();

/** Every type `type` may name: the live world's, and the drills' own. */
export const HISTORY_EVENT_TYPES: readonly string[] = [
  ...new Set([...LIVE_EVENT_TYPES, ...eventTypesOf('drill')]),
].sort();

const MAX_TYPES = 50;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const SLUG = /^[a-z0-9]+(-[a-z0-9]+)*$/;
/** A person (`officer.us`) or one of Enlace's services (`system:worker`). */
const ACTOR = /^[A-Za-z0-9][A-Za-z0-9._:@-]{0,99}$/;
/** ISO-8601 date and time with its zone (`Z` or an offset): a time without one would mean a different instant per reader. */
const INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/;

/** A time range: `from` and `to` inclusive, on the time the store recorded each event. */
export interface Period {
  from?: string;
  to?: string;
}

export interface HistoryFilter extends Period {
  aggregate?: HistoryAggregate;
  id?: string;
  actor?: string;
  side?: Side;
  types?: string[];
}

/** The query parameters a history (or its export) was asked with, as Express hands them over. */
export interface HistoryQuery {
  aggregate?: unknown;
  id?: unknown;
  from?: unknown;
  to?: unknown;
  actor?: unknown;
  side?: unknown;
  type?: unknown;
}

function problem(field: string, rule: string, en: string, es: string): FieldProblem {
  return { field, rule, message: { en: `${field} ${en}`, es: `${field} ${es}` } };
}

/** A single value: a repeated parameter (`?side=US&side=MX`) is none. */
function single(value: unknown): string | undefined {
  return typeof value === 'string' ? value : undefined;
}

function instant(field: string, value: unknown, problems: FieldProblem[]): string | undefined {
  if (value === undefined) return undefined;
  const text = single(value);
  const ms = text !== undefined && INSTANT.test(text) ? Date.parse(text) : Number.NaN;
  if (!Number.isFinite(ms)) {
    problems.push(
      problem(
        field,
        'isISO8601',
        'must be an ISO-8601 date and time with its zone, e.g. 2025-03-01T00:00:00Z or 2025-03-01T00:00:00-07:00',
        'debe ser una fecha y hora ISO 8601 con su zona, p. ej. 2025-03-01T00:00:00Z o 2025-03-01T00:00:00-07:00',
      ),
    );
    return undefined;
  }
  return new Date(ms).toISOString();
}

/** One calendar year after `iso` (UTC). */
function yearAfter(iso: string): number {
  const date = new Date(iso);
  date.setUTCFullYear(date.getUTCFullYear() + 1);
  return date.getTime();
}

/**
 * `from` and `to`: each an instant with its zone, `to` not before `from`, and no more than one year apart (an
 * oversized range is refused: export it a year at a time). Problems are added to `problems`.
 */
export function readPeriod(query: { from?: unknown; to?: unknown }, problems: FieldProblem[]): Period {
  const from = instant('from', query.from, problems);
  const to = instant('to', query.to, problems);
  if (from !== undefined && to !== undefined) {
    if (Date.parse(to) < Date.parse(from)) {
      problems.push(problem('to', 'notBeforeFrom', 'must not be before from', 'no debe ser anterior a from'));
    } else if (Date.parse(to) > yearAfter(from)) {
      problems.push(
        problem(
          'to',
          'maxRange',
          'must be at most one year after from (oversized range): ask for one year at a time',
          'debe ser como máximo un año posterior a from (rango excesivo): solicite un año a la vez',
        ),
      );
    }
  }
  return { ...(from !== undefined ? { from } : {}), ...(to !== undefined ? { to } : {}) };
}

function typesIn(
  value: unknown,
  aggregate: HistoryAggregate | undefined,
  problems: FieldProblem[],
): string[] | undefined {
  if (value === undefined) return undefined;
  const given = (Array.isArray(value) ? value : [value]).flatMap((entry: unknown) =>
    typeof entry === 'string' ? entry.split(',').map((type) => type.trim()) : [''],
  );
  const known = new Set(
    aggregate === undefined
      ? LIVE_EVENT_TYPES
      : aggregate === 'drill'
        ? eventTypesOf('drill')
        : eventTypesOf(aggregate),
  );
  const scope = aggregate === undefined ? 'the live world' : `the ${aggregate} aggregate`;
  const ambito = aggregate === undefined ? 'el mundo real' : `el agregado ${aggregate}`;
  if (given.length > MAX_TYPES) {
    problems.push(
      problem(
        'type',
        'arrayMaxSize',
        `must name at most ${MAX_TYPES} types`,
        `debe nombrar como máximo ${MAX_TYPES} tipos`,
      ),
    );
    return undefined;
  }
  const unknown = given.filter((type) => !known.has(type));
  if (unknown.length > 0) {
    // The names are echoed only when they look like event type names: a refusal repeats nothing else.
    const named = unknown.every((type) => /^[A-Za-z][A-Za-z0-9]{0,99}$/.test(type)) ? `: ${unknown.join(', ')}` : '';
    problems.push(
      problem(
        'type',
        'knownType',
        `must name event types of ${scope}${named ? ` (unknown${named})` : ''}`,
        `debe nombrar tipos de evento de ${ambito}${named ? ` (desconocidos${named})` : ''}`,
      ),
    );
    return undefined;
  }
  return [...new Set(given)];
}

/** The history's filters, every rule checked: a 400 names each bad field and the rule it breaks. */
export function readHistoryFilter(query: HistoryQuery): HistoryFilter {
  const problems: FieldProblem[] = [];
  const filter: HistoryFilter = {};

  let aggregate: HistoryAggregate | undefined;
  if (query.aggregate !== undefined) {
    const value = single(query.aggregate);
    if (isHistoryAggregate(value)) {
      aggregate = value;
      filter.aggregate = aggregate;
    } else {
      const list = HISTORY_AGGREGATES.join(', ');
      problems.push(problem('aggregate', 'isIn', `must be one of: ${list}`, `debe ser uno de: ${list}`));
    }
  }

  if (query.id !== undefined) {
    const id = single(query.id);
    if (query.aggregate === undefined) {
      problems.push(
        problem(
          'id',
          'requiresAggregate',
          'needs aggregate (whose id it is)',
          'requiere aggregate (de quién es el id)',
        ),
      );
    } else if (aggregate === 'port') {
      if (id !== undefined && SLUG.test(id) && id.length <= 100) {
        filter.id = id;
      } else {
        problems.push(
          problem('id', 'format', 'must be a port id such as otay-mesa', 'debe ser un id de puerto como otay-mesa'),
        );
      }
    } else if (aggregate !== undefined) {
      if (id !== undefined && UUID.test(id)) filter.id = id.toLowerCase();
      else problems.push(problem('id', 'isUuid', 'must be a UUID', 'debe ser un UUID'));
    }
  }

  Object.assign(filter, readPeriod(query, problems));

  if (query.actor !== undefined) {
    const actor = single(query.actor);
    if (actor !== undefined && ACTOR.test(actor)) {
      filter.actor = actor;
    } else {
      problems.push(
        problem(
          'actor',
          'format',
          'must be an account name such as officer.us (or a service such as system:worker)',
          'debe ser un nombre de cuenta como officer.us (o un servicio como system:worker)',
        ),
      );
    }
  }

  if (query.side !== undefined) {
    const side = single(query.side);
    if (side === 'US' || side === 'MX') filter.side = side;
    else problems.push(problem('side', 'isIn', 'must be one of: US, MX', 'debe ser uno de: US, MX'));
  }

  // Checked against the aggregate asked for, once that is known to be one.
  if (query.aggregate === undefined || aggregate !== undefined) {
    const types = typesIn(query.type, aggregate, problems);
    if (types) filter.types = types;
  }

  if (problems.length > 0) throw new FieldValidationError(problems);
  return filter;
}

/** The filter as the export's first line and its journal record echo it (parameter → value, as a query would). */
export function echoOf(filter: HistoryFilter, after?: string): ExportFilter {
  const echo: ExportFilter = {};
  if (after !== undefined) echo.after = after;
  for (const key of ['aggregate', 'id', 'from', 'to', 'actor', 'side'] as const) {
    const value = filter[key];
    if (value !== undefined) echo[key] = value;
  }
  if (filter.types) echo.type = [...filter.types];
  return echo;
}

/** The stream one aggregate's id names (in its world): what `aggregate` + `id` keep, exactly. */
function streamOf(aggregate: HistoryAggregate, id: string): string {
  return aggregate === 'drill' ? `${EXERCISE_STREAM_PREFIX}${id}.drill-${id}` : `${aggregate}-${id}`;
}

/** What the store itself filters on: the streams' prefixes and the event types. */
export function storeFilterOf(filter: HistoryFilter): EventFilter {
  const { aggregate, id, types } = filter;
  const streamPrefixes =
    aggregate === undefined
      ? LIVE_FEED_PREFIXES
      : id !== undefined
        ? [streamOf(aggregate, id)]
        : [aggregate === 'drill' ? EXERCISE_STREAM_PREFIX : `${aggregate}-`];
  // Only a drill's own stream writes drill events: every other stream of a drill's world is passed over by the store.
  const eventTypes = types ?? (aggregate === 'drill' ? eventTypesOf('drill') : undefined);
  return { streamPrefixes, ...(eventTypes ? { eventTypes } : {}) };
}

const DRILL_STREAM = /^exercise-[0-9a-f-]{36}\.drill-[0-9a-f-]{36}$/;

/**
 * What the store cannot filter on: the exact stream (a prefix `port-san-ysidro` also reads `port-san-ysidro-pedwest`),
 * the time range, the actor and the side.
 */
export function matchesFilter(filter: HistoryFilter, event: RecordedEvent): boolean {
  const { aggregate, id } = filter;
  if (aggregate !== undefined && id !== undefined && event.streamId !== streamOf(aggregate, id)) return false;
  if (aggregate === 'drill' && !DRILL_STREAM.test(event.streamId)) return false;
  const { metadata } = event;
  if (filter.actor !== undefined && metadata.actor !== filter.actor) return false;
  if (filter.side !== undefined && metadata.country !== filter.side) return false;
  if (filter.from !== undefined || filter.to !== undefined) {
    const at = Date.parse(metadata.recordedAt);
    if (filter.from !== undefined && at < Date.parse(filter.from)) return false;
    if (filter.to !== undefined && at > Date.parse(filter.to)) return false;
  }
  return true;
}

/**
 * Who reads what of the history: auditors and admins all of it; officers one incident's or one port's history (never
 * the whole, nor sessions, accounts, the sign-in journal or the audit journal); planners drills only.
 */
export function requireHistoryScope(actor: Actor, filter: HistoryFilter): void {
  switch (actor.role) {
    case 'auditor':
    case 'admin':
      return;
    case 'officer':
      if ((filter.aggregate === 'incident' || filter.aggregate === 'port') && filter.id !== undefined) return;
      throw forbidden(
        'AUDIT.HISTORY_SCOPE',
        'Officers read the history of one incident or one port only (aggregate=incident or aggregate=port, with its id); ' +
          'the whole history, sessions, accounts, the sign-in journal and the audit journal are for auditors and administrators',
        'Los oficiales solo consultan el historial de un incidente o de un puerto (aggregate=incident o aggregate=port, con su id); ' +
          'el historial completo, las sesiones, las cuentas, la bitácora de inicios de sesión y la bitácora de auditoría ' +
          'son para auditores y administradores',
        { rule: 'officers: aggregate=incident|port with id', role: actor.role },
      );
    case 'planner':
      if (filter.aggregate === 'drill') return;
      throw forbidden(
        'AUDIT.HISTORY_SCOPE',
        'Planners read the history of drills only (aggregate=drill)',
        'Los planificadores solo consultan el historial de los ejercicios (aggregate=drill)',
        { rule: 'planners: aggregate=drill', role: actor.role },
      );
    default:
      throw forbidden(
        'AUDIT.HISTORY_SCOPE',
        'The history is read by auditors, administrators, officers (an incident or a port) and planners (drills)',
        'El historial lo consultan auditores, administradores, oficiales (un incidente o un puerto) y planificadores (ejercicios)',
        { role: actor.role },
      );
  }
}
