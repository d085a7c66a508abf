import { describe, expect, it } from '@jest/globals';
import type { SessionUser } from '../api/types';
import { canAudit, canReadIncidentHistory } from './session';

const as = (role: SessionUser['role']): SessionUser => ({
  username: role,
  displayName: role,
  agency: 'CBP',
  country: 'US',
  role,
});

describe('who audits', () => {
  it('auditors and admins read the whole record; officers an incident’s history; planners neither', () => {
    expect((['auditor', 'admin', 'officer', 'planner'] as const).map((role) => canAudit(as(role)))).toEqual([
      true,
      true,
      false,
      false,
    ]);
    expect(
      (['auditor', 'admin', 'officer', 'planner'] as const).map((role) => canReadIncidentHistory(as(role))),
    ).toEqual([true, true, true, false]);
  });
});
