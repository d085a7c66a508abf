import { describe, expect, it } from '@jest/globals';
import type { BorderLiaisonMechanism, NotificationStatus } from '../api/types';
import { myMechanisms, notificationState, sortInbox } from './inbox';

const NOW = Date.parse('2026-07-15T19:30:00Z');
const mx = { agency: 'ANAM', country: 'MX' as const };
const us = { agency: 'CBP', country: 'US' as const };

function notification(id: string, overrides: Partial<NotificationStatus> = {}): NotificationStatus {
  const recipients = [
    { agency: 'CBP', side: 'US' as const },
    { agency: 'ANAM', side: 'MX' as const },
  ];
  return {
    status: 'active',
    notificationId: id,
    blmId: 'blm-sandiego-tijuana',
    subject: {},
    title: { en: id },
    body: { en: id },
    severity: 'severe',
    acknowledgmentDeadline: '2026-07-15T20:00:00Z',
    recipients,
    acknowledgments: [],
    issuedBy: { side: 'US', agency: 'CBP', officer: 'officer.us' },
    issuedAt: '2026-07-15T19:00:00Z',
    updatedAt: '2026-07-15T19:00:00Z',
    deliveries: {},
    escalations: [],
    revision: 0,
    pending: recipients,
    overdue: false,
    ...overrides,
  };
}

describe('inbox', () => {
  it('finds the officer’s mechanisms by member agency and side', () => {
    const blms = [
      { id: 'a', members: [{ agency: 'ANAM', side: 'MX' }] },
      { id: 'b', members: [{ agency: 'ANAM', side: 'US' }] },
      { id: 'c', members: [{ agency: 'CBP', side: 'US' }] },
    ] as unknown as BorderLiaisonMechanism[];
    expect(myMechanisms(blms, mx).map((blm) => blm.id)).toEqual(['a']);
  });

  it('is pending for the agency until it acknowledges, whoever else has', () => {
    const n = notification('n', { pending: [{ agency: 'ANAM', side: 'MX' }] });
    expect(notificationState(n, mx, NOW)).toBe('pending');
    expect(notificationState({ ...n, issuedBy: { side: 'MX', agency: 'SRE', officer: 'o' } }, us, NOW)).toBe(
      'acknowledged',
    );
  });

  it('is the issuing agency’s own: no acknowledgment owed', () => {
    expect(notificationState(notification('n'), us, NOW)).toBe('issued');
  });

  it('is overdue once the deadline passed without the agency’s acknowledgment', () => {
    const n = notification('n', { acknowledgmentDeadline: '2026-07-15T19:29:59Z' });
    expect(notificationState(n, mx, NOW)).toBe('overdue');
    expect(notificationState({ ...n, pending: [] }, mx, NOW)).toBe('acknowledged');
    expect(notificationState({ ...n, status: 'cancelled' }, mx, NOW)).toBe('cancelled');
  });

  it('lists what awaits the officer first, soonest deadline first', () => {
    const done = notification('done', { pending: [], issuedAt: '2026-07-15T19:20:00Z' });
    const later = notification('later', { acknowledgmentDeadline: '2026-07-15T21:00:00Z' });
    const overdue = notification('overdue', { acknowledgmentDeadline: '2026-07-15T19:00:00Z' });
    const cancelled = notification('cancelled', { status: 'cancelled' });
    expect(sortInbox([done, cancelled, later, overdue], mx, NOW).map((n) => n.notificationId)).toEqual([
      'overdue',
      'later',
      'done',
      'cancelled',
    ]);
  });
});
