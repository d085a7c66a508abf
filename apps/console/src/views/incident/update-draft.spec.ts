import { describe, expect, it } from '@jest/globals';
import {
  changedFields,
  conflictsOf,
  draftOf,
  followIncident,
  settle,
  updateRequest,
  withConflicts,
  type UpdateValues,
} from './update-draft';

const READ: UpdateValues = { severity: 'severe', casualties: { injured: 0, fatalities: 0 } };

describe('incident update draft, per field', () => {
  it('sends only the fields changed, each with the value it started from', () => {
    const draft = { ...draftOf(READ), injured: '2' };
    expect(changedFields(draft)).toEqual(['casualties']);
    expect(updateRequest(draft)).toEqual({
      ok: true,
      body: { casualties: { injured: 2, fatalities: 0 }, startedFrom: { casualties: { injured: 0, fatalities: 0 } } },
    });
  });

  it('says when nothing changed or a count is not a whole number', () => {
    expect(updateRequest(draftOf(READ))).toEqual({ ok: false, problem: 'nothing-changed' });
    expect(updateRequest({ ...draftOf(READ), injured: '1.5' })).toEqual({ ok: false, problem: 'bad-count' });
    expect(updateRequest({ ...draftOf(READ), fatalities: '' })).toEqual({ ok: false, problem: 'bad-count' });
  });

  it('lets untouched fields follow the incident live and keeps what the officer typed', () => {
    const typing = { ...draftOf(READ), injured: '3' };
    const followed = followIncident(typing, { severity: 'extreme', casualties: { injured: 1, fatalities: 0 } });
    expect(followed.severity).toBe('extreme');
    expect(followed.startedFrom.severity).toBe('extreme');
    expect(followed.injured).toBe('3');
    expect(followed.startedFrom.casualties).toEqual({ injured: 0, fatalities: 0 });
    expect(changedFields(followed)).toEqual(['casualties']);
  });

  it('keeps the input on a conflict and waits for a choice per field before saving again', () => {
    const draft = { ...draftOf(READ), severity: 'moderate' as const };
    const error = {
      code: 'INCIDENT.UPDATE_CONFLICT',
      details: { conflicts: [{ field: 'severity', yours: 'moderate', theirs: 'extreme', startedFrom: 'severe' }] },
    };
    const refused = withConflicts(draft, conflictsOf(error));
    expect(refused.severity).toBe('moderate');
    expect(updateRequest(refused)).toEqual({ ok: false, problem: 'choose', fields: ['severity'] });

    const mine = settle(refused, 'severity', 'mine');
    expect(mine.kept).toEqual(['severity']);
    expect(updateRequest(mine)).toEqual({
      ok: true,
      body: { severity: 'moderate', startedFrom: { severity: 'extreme' } },
    });

    const theirs = settle(refused, 'severity', 'theirs');
    expect(theirs.severity).toBe('extreme');
    expect(updateRequest(theirs)).toEqual({ ok: false, problem: 'nothing-changed' });
  });

  it('takes the current casualties when the officer chooses them', () => {
    const draft = withConflicts({ ...draftOf(READ), injured: '2' }, [
      { field: 'casualties', yours: { injured: 2, fatalities: 0 }, theirs: { injured: 5, fatalities: 1 } },
    ]);
    const theirs = settle(draft, 'casualties', 'theirs');
    expect([theirs.injured, theirs.fatalities]).toEqual(['5', '1']);
    expect(changedFields(theirs)).toEqual([]);
  });

  it('reads no conflict from any other refusal', () => {
    expect(conflictsOf({ code: 'REVISION_CONFLICT', details: {} })).toEqual([]);
    expect(conflictsOf(undefined)).toEqual([]);
  });
});
