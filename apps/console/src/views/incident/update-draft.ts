// The incident update form's draft, decided per field: what the officer changed, the value each field started from,
// and the conflicts the api answered. Pure, so that the merge is tested without a browser.
import type { Severity } from '../../api/types';

export interface Casualties {
  injured: number;
  fatalities: number;
}

/** The fields the form edits, as the incident holds them. */
export interface UpdateValues {
  severity: Severity;
  casualties: Casualties;
}
export type UpdateField = keyof UpdateValues;
export const UPDATE_FIELDS: readonly UpdateField[] = ['severity', 'casualties'];

/** A field someone else changed since the form read it, as the api's 409 names it. */
export interface FieldConflict {
  field: UpdateField;
  yours: unknown;
  theirs: unknown;
}

export interface UpdateDraft {
  /** What the form shows (the casualty counts as typed). */
  severity: Severity;
  injured: string;
  fatalities: string;
  /** What each field held when the form read it: a field still equal to it is not the officer's change. */
  startedFrom: UpdateValues;
  /** Fields the api said changed since, until the officer chooses theirs or keeps theirs. */
  conflicts: FieldConflict[];
  /** The fields whose conflict the officer settled by keeping their own value. */
  kept: UpdateField[];
}

export function draftOf(incident: UpdateValues): UpdateDraft {
  return {
    severity: incident.severity,
    injured: String(incident.casualties.injured),
    fatalities: String(incident.casualties.fatalities),
    startedFrom: { severity: incident.severity, casualties: { ...incident.casualties } },
    conflicts: [],
    kept: [],
  };
}

function casualtiesOf(draft: UpdateDraft): Casualties | undefined {
  const injured = Number(draft.injured);
  const fatalities = Number(draft.fatalities);
  const whole = (value: number, text: string) => text.trim() !== '' && Number.isInteger(value) && value >= 0;
  return whole(injured, draft.injured) && whole(fatalities, draft.fatalities) ? { injured, fatalities } : undefined;
}

const sameCasualties = (a: Casualties, b: Casualties) => a.injured === b.injured && a.fatalities === b.fatalities;

/** The fields the officer changed from where the form started. */
export function changedFields(draft: UpdateDraft): UpdateField[] {
  const casualties = casualtiesOf(draft);
  return UPDATE_FIELDS.filter((field) =>
    field === 'severity'
      ? draft.severity !== draft.startedFrom.severity
      : !casualties || !sameCasualties(casualties, draft.startedFrom.casualties),
  );
}

/**
 * The incident changed on screen (the other side, a live event): the fields the officer has not changed follow it,
 * the ones they changed keep their input (the api will tell if someone changed those too).
 */
export function followIncident(draft: UpdateDraft, incident: UpdateValues): UpdateDraft {
  const changed = changedFields(draft);
  const next = { ...draft, startedFrom: { ...draft.startedFrom } };
  if (!changed.includes('severity')) {
    next.severity = incident.severity;
    next.startedFrom.severity = incident.severity;
  }
  if (!changed.includes('casualties')) {
    next.injured = String(incident.casualties.injured);
    next.fatalities = String(incident.casualties.fatalities);
    next.startedFrom.casualties = { ...incident.casualties };
  }
  return next;
}

export type UpdateRequest =
  | { ok: true; body: Partial<UpdateValues> & { startedFrom: Partial<UpdateValues> } }
  | { ok: false; problem: 'nothing-changed' | 'bad-count' | 'choose'; fields?: UpdateField[] };

/** What Save sends: only the changed fields, each with the value it started from; or why it cannot yet. */
export function updateRequest(draft: UpdateDraft): UpdateRequest {
  const casualties = casualtiesOf(draft);
  if (!casualties) return { ok: false, problem: 'bad-count' };
  const unsettled = draft.conflicts.map((conflict) => conflict.field);
  if (unsettled.length > 0) return { ok: false, problem: 'choose', fields: unsettled };
  const changed = changedFields(draft);
  if (changed.length === 0) return { ok: false, problem: 'nothing-changed' };
  const body: Partial<UpdateValues> & { startedFrom: Partial<UpdateValues> } = { startedFrom: {} };
  for (const field of changed) {
    if (field === 'severity') {
      body.severity = draft.severity;
      body.startedFrom.severity = draft.startedFrom.severity;
    } else {
      body.casualties = casualties;
      body.startedFrom.casualties = draft.startedFrom.casualties;
    }
  }
  return { ok: true, body };
}

/** The conflicts of a 409 `INCIDENT.UPDATE_CONFLICT` (only the fields this form edits), or none. */
export function conflictsOf(error: { code: string; details: Record<string, unknown> } | undefined): FieldConflict[] {
  if (error?.code !== 'INCIDENT.UPDATE_CONFLICT' || !Array.isArray(error.details.conflicts)) return [];
  return (error.details.conflicts as FieldConflict[]).filter((conflict) => UPDATE_FIELDS.includes(conflict.field));
}

/** The api refused: the input stays, and each conflicting field waits for the officer's choice. */
export function withConflicts(draft: UpdateDraft, conflicts: FieldConflict[]): UpdateDraft {
  return { ...draft, conflicts, kept: draft.kept.filter((field) => !conflicts.some((c) => c.field === field)) };
}

/**
 * The officer's choice for a conflicting field. `mine`: their value is saved over the current one (which becomes the
 * value it started from); `theirs`: the field takes the current value and is no longer changed.
 */
export function settle(draft: UpdateDraft, field: UpdateField, choice: 'mine' | 'theirs'): UpdateDraft {
  const conflict = draft.conflicts.find((candidate) => candidate.field === field);
  if (!conflict) return draft;
  const conflicts = draft.conflicts.filter((candidate) => candidate !== conflict);
  const startedFrom = { ...draft.startedFrom };
  const next: UpdateDraft = { ...draft, conflicts, startedFrom };
  if (field === 'severity') {
    startedFrom.severity = conflict.theirs as Severity;
    if (choice === 'theirs') next.severity = conflict.theirs as Severity;
  } else {
    const theirs = conflict.theirs as Casualties;
    startedFrom.casualties = { ...theirs };
    if (choice === 'theirs') {
      next.injured = String(theirs.injured);
      next.fatalities = String(theirs.fatalities);
    }
  }
  next.kept = choice === 'mine' ? [...draft.kept, field] : draft.kept.filter((kept) => kept !== field);
  return next;
}
