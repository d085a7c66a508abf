import { canClose, closingBlockersOf, sameValue, updateConflicts } from './incident-update.js';

describe('incident update, per field', () => {
  const current = { severity: 'extreme' as const, casualties: { injured: 0, fatalities: 0 } };

  it('finds no conflict without starting values, or where each field still holds the value it started from', () => {
    expect(updateConflicts(current, { severity: 'minor' }, undefined)).toEqual([]);
    expect(updateConflicts(current, { severity: 'minor' }, { severity: 'extreme' })).toEqual([]);
  });

  it('names each field changed since, with the value wanted, the value now and the value started from', () => {
    expect(
      updateConflicts(
        current,
        { severity: 'minor', casualties: { injured: 1, fatalities: 0 } },
        { severity: 'severe', casualties: { injured: 0, fatalities: 0 } },
      ),
    ).toEqual([{ field: 'severity', yours: 'minor', theirs: 'extreme', startedFrom: 'severe' }]);
  });

  it('only looks at the fields the update changes', () => {
    expect(updateConflicts(current, { casualties: { injured: 2, fatalities: 0 } }, { severity: 'minor' })).toEqual([]);
  });

  it('compares values as JSON with sorted keys; absent, undefined and null alike', () => {
    expect(sameValue({ a: 1, b: [1, { c: 2 }] }, { b: [1, { c: 2 }], a: 1 })).toBe(true);
    expect(sameValue({ a: 1, b: undefined }, { a: 1 })).toBe(true);
    expect(sameValue(undefined, null)).toBe(true);
    expect(sameValue(['a', 'b'], ['b', 'a'])).toBe(false);
    expect(sameValue('1', 1)).toBe(false);
  });
});

describe('what blocks closing', () => {
  const action = (actionId: string, side: 'US' | 'MX', liftedAt?: string) => ({
    actionId,
    side,
    kind: 'evacuation' as const,
    ...(liftedAt ? { liftedAt } : {}),
  });

  it('lists the active JRT with who agreed to stand it down, and every action in force with its side', () => {
    const blockers = closingBlockersOf({
      jcp: { jointResponseTeam: 'active', jointResponseTeamStandDown: { MX: { at: 't' } } },
      protectiveActions: [action('a1', 'US'), action('a2', 'MX', 'lifted'), action('a3', 'MX')],
    });
    expect(blockers).toEqual({
      jointResponseTeamActive: true,
      standDownAgreedBy: ['MX'],
      protectiveActionsInForce: [
        { actionId: 'a1', side: 'US', kind: 'evacuation' },
        { actionId: 'a3', side: 'MX', kind: 'evacuation' },
      ],
    });
    expect(canClose(blockers)).toBe(false);
  });

  it('lets an incident close once the JRT is not active and every action is lifted', () => {
    const blockers = closingBlockersOf({
      jcp: { jointResponseTeam: 'deactivated', jointResponseTeamStandDown: {} },
      protectiveActions: [action('a1', 'US', 'lifted')],
    });
    expect(blockers).toEqual({ jointResponseTeamActive: false, standDownAgreedBy: [], protectiveActionsInForce: [] });
    expect(canClose(blockers)).toBe(true);
  });
});
