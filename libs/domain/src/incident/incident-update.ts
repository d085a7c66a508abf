import type { Side } from '../shared/side.js';
import type { IncidentDetails, ProtectiveActionKind } from './incident.events.js';

/** The fields an update may change, each replaced whole (`IncidentDetails`). */
export const UPDATABLE_INCIDENT_FIELDS = [
  'title',
  'severity',
  'material',
  'quantity',
  'location',
  'affectedPortIds',
  'sisterCityPlanId',
  'casualties',
] as const satisfies readonly (keyof IncidentDetails)[];
export type UpdatableIncidentField = (typeof UPDATABLE_INCIDENT_FIELDS)[number];

/** An update's new values: only the fields it changes. */
export type IncidentChanges = Partial<Pick<IncidentDetails, UpdatableIncidentField>>;

/**
 * Per field an update changes, the value the officer's form started from (`null`: the field had no value). A field
 * changed without one is written whatever its value now (the last writer wins on it).
 */
export type UpdateStartingValues = Partial<Record<UpdatableIncidentField, unknown>>;

/** A field someone else changed since the officer's form read it: the three values, for the officer to choose. */
export interface UpdateConflict {
  field: UpdatableIncidentField;
  /** What the officer wants it to be. */
  yours: unknown;
  /** What it is now (`null`: no value). */
  theirs: unknown;
  /** What it was when the officer's form read it (`null`: no value). */
  startedFrom: unknown;
}

/**
 * The fields' names in words, for messages ("Someone else changed the severity and the casualties"); in Spanish
 * with their article, and casualties as the console names them (víctimas: heridos y fallecidos).
 */
export const INCIDENT_FIELD_NAMES: Record<UpdatableIncidentField, { en: string; es: string }> = {
  title: { en: 'the title', es: 'el título' },
  severity: { en: 'the severity', es: 'la severidad' },
  material: { en: 'the material', es: 'la sustancia' },
  quantity: { en: 'the quantity', es: 'la cantidad' },
  location: { en: 'the location', es: 'la ubicación' },
  affectedPortIds: { en: 'the affected ports', es: 'los puertos afectados' },
  sisterCityPlanId: { en: 'the sister-city plan', es: 'el plan de ciudades hermanas' },
  casualties: { en: 'the casualties', es: 'las víctimas' },
};

/** Words as a sentence lists them: "a", "a and b", "a, b and c" ("y" in Spanish). */
export function wordList(words: readonly string[], language: 'en' | 'es'): string {
  const and = language === 'es' ? ' y ' : ' and ';
  return words.length <= 1 ? (words[0] ?? '') : `${words.slice(0, -1).join(', ')}${and}${words.at(-1)}`;
}

/** A value as canonical JSON (object keys sorted; absent and `null` alike), to compare values as the officer sees them. */
function canonical(value: unknown): string {
  if (value === undefined || value === null) return 'null';
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, inner]) => inner !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([key, inner]) => `${JSON.stringify(key)}:${canonical(inner)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

export const sameValue = (a: unknown, b: unknown): boolean => canonical(a) === canonical(b);

/**
 * The fields of an update that someone else changed since the officer's form read them: decided per field on the
 * incident as it is now, so that a change elsewhere (a situation report, a JCP step, another field) refuses nothing.
 * A field now holding the value it started from, or already the value the officer wants, is no conflict.
 */
export function updateConflicts(
  current: IncidentChanges,
  changes: IncidentChanges,
  startedFrom: UpdateStartingValues | undefined,
): UpdateConflict[] {
  if (!startedFrom) return [];
  return UPDATABLE_INCIDENT_FIELDS.flatMap((field): UpdateConflict[] => {
    const yours = changes[field];
    if (yours === undefined || !Object.hasOwn(startedFrom, field)) return [];
    const theirs = current[field] ?? null;
    const from = startedFrom[field] ?? null;
    if (sameValue(theirs, from) || sameValue(theirs, yours)) return [];
    return [{ field, yours, theirs, startedFrom: from }];
  });
}

/** What keeps an incident from closing, as facts (the decider and the console put them in words). */
export interface ClosingBlockers {
  /** The Joint Response Team is still active: both sides must stand it down. */
  jointResponseTeamActive: boolean;
  /** While it is active, the sides that already agreed to stand it down. */
  standDownAgreedBy: Side[];
  /** Every protective action still in force, with the side that must lift it. */
  protectiveActionsInForce: { actionId: string; side: Side; kind: ProtectiveActionKind }[];
}

export function closingBlockersOf(incident: {
  jcp: { jointResponseTeam: string; jointResponseTeamStandDown: Partial<Record<Side, unknown>> };
  protectiveActions: { actionId: string; side: Side; kind: ProtectiveActionKind; liftedAt?: string }[];
}): ClosingBlockers {
  const active = incident.jcp.jointResponseTeam === 'active';
  return {
    jointResponseTeamActive: active,
    standDownAgreedBy: active
      ? (['US', 'MX'] as const).filter((side) => incident.jcp.jointResponseTeamStandDown[side])
      : [],
    protectiveActionsInForce: incident.protectiveActions
      .filter((action) => !action.liftedAt)
      .map(({ actionId, side, kind }) => ({ actionId, side, kind })),
  };
}

export const canClose = (blockers: ClosingBlockers): boolean =>
  !blockers.jointResponseTeamActive && blockers.protectiveActionsInForce.length === 0;
