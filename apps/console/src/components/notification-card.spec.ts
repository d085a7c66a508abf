import { describe, expect, it } from '@jest/globals';
import type { Delivery, NotificationStatus } from '../api/types';
import {
  blmOfIncident,
  cardSummary,
  editConflicts,
  memberName,
  fromLocalInput,
  noticeChanges,
  noticeOf,
  onBehalfCandidates,
  portOfIncident,
  recipientRows,
  toLocalInput,
} from './notification-card';

const ISSUED = '2026-07-15T19:00:00.000Z';
const DEADLINE = '2026-07-15T19:30:00.000Z';
const BEFORE = Date.parse('2026-07-15T19:10:00Z');
const AFTER = Date.parse('2026-07-15T19:45:00Z');

const RECIPIENTS = [
  { agency: 'CBP', side: 'US' as const },
  { agency: 'DOS', side: 'US' as const },
  { agency: 'ANAM', side: 'MX' as const },
  { agency: 'SRE', side: 'MX' as const },
  { agency: 'PC', side: 'MX' as const },
];

function delivery(
  agency: string,
  side: 'US' | 'MX',
  channel: 'webhook' | 'email',
  status: Delivery['status'],
  attempts: number,
  tier?: number,
): [string, Delivery] {
  return [
    `${side}:${agency}:${channel}${tier ? `:tier-${tier}` : ''}`,
    { agency, side, channel, status, attempts, at: ISSUED, ...(tier ? { tier } : {}) },
  ];
}

function notification(overrides: Partial<NotificationStatus> = {}): NotificationStatus {
  return {
    status: 'active',
    notificationId: 'n-1',
    blmId: 'blm-laredo-nuevolaredo',
    subject: { portId: 'laredo-rail' },
    title: { en: 'Rail bridge closed', es: 'Puente ferroviario cerrado' },
    body: { en: 'Chlorine', es: 'Cloro' },
    severity: 'severe',
    acknowledgmentDeadline: DEADLINE,
    recipients: RECIPIENTS,
    acknowledgments: [],
    issuedBy: { side: 'MX', agency: 'ANAM', officer: 'officer.mx' },
    issuedAt: ISSUED,
    updatedAt: ISSUED,
    deliveries: {},
    escalations: [],
    revision: 3,
    pending: RECIPIENTS.filter((r) => r.agency !== 'ANAM'),
    overdue: false,
    ...overrides,
  };
}

describe('a notification card’s recipients', () => {
  it('leaves the issuing agency out', () => {
    expect(recipientRows(notification(), BEFORE).map((row) => row.agency)).toEqual(['CBP', 'DOS', 'SRE', 'PC']);
  });

  it('says who acknowledged, in which language, and who was acknowledged on behalf (by phone, recorded by whom)', () => {
    const rows = recipientRows(
      notification({
        acknowledgments: [
          { agency: 'CBP', side: 'US', officer: 'officer.us', at: '2026-07-15T19:05:00Z', readIn: 'es' },
          {
            agency: 'SRE',
            side: 'MX',
            officer: 'officer.mx',
            at: '2026-07-15T19:06:00Z',
            onBehalf: {
              channel: 'phone',
              recordedBy: { side: 'MX', agency: 'ANAM', officer: 'officer.mx' },
              recordedAt: '2026-07-15T19:09:00Z',
            },
          },
        ],
      }),
      BEFORE,
    );
    expect(rows.map((row) => [row.agency, row.state])).toEqual([
      ['CBP', 'acknowledged'],
      ['DOS', 'awaiting'],
      ['SRE', 'acknowledged-on-behalf'],
      ['PC', 'awaiting'],
    ]);
    expect(rows[0]!.acknowledgment).toMatchObject({ officer: 'officer.us', readIn: 'es' });
    expect(rows[2]!.acknowledgment?.onBehalf).toMatchObject({ channel: 'phone', recordedAt: '2026-07-15T19:09:00Z' });
  });

  it('shows a recipient whose every message was given up as not reached, not pending; a failure still retrying is not', () => {
    const rows = recipientRows(
      notification({
        deliveries: Object.fromEntries([
          delivery('DOS', 'US', 'email', 'abandoned', 5),
          delivery('CBP', 'US', 'webhook', 'abandoned', 5),
          delivery('CBP', 'US', 'email', 'failed', 2),
          delivery('SRE', 'MX', 'email', 'delivered', 1),
          // A message of an escalation tier is not the notification to the recipient.
          delivery('PC', 'MX', 'email', 'abandoned', 5, 1),
        ]),
      }),
      AFTER,
    );
    expect(rows.map((row) => [row.agency, row.state])).toEqual([
      ['CBP', 'overdue'],
      ['DOS', 'unreachable'],
      ['SRE', 'overdue'],
      ['PC', 'overdue'],
    ]);
    expect(rows[0]!.channels).toEqual([
      { channel: 'webhook', status: 'abandoned', attempts: 5 },
      { channel: 'email', status: 'failed', attempts: 2 },
    ]);
    expect(rows[3]!.channels).toEqual([]);
  });

  it('stays overdue for everyone, the agencies that acknowledged included, with the tier escalated', () => {
    const late = notification({
      acknowledgments: [{ agency: 'CBP', side: 'US', officer: 'officer.us', at: '2026-07-15T19:05:00Z' }],
      escalations: [
        { tier: 1, escalatedTo: [{ agency: 'DOS', side: 'US' }], pending: [], deadline: DEADLINE, at: DEADLINE },
      ],
    });
    expect(cardSummary(late, AFTER)).toEqual({
      total: 4,
      acknowledged: 1,
      overdue: true,
      unreachable: 0,
      escalatedTier: 1,
    });
    expect(cardSummary(late, BEFORE).overdue).toBe(false);
    expect(cardSummary({ ...late, status: 'cancelled' }, AFTER).overdue).toBe(false);
  });

  it('offers an officer the pending agencies of its side, its own agency aside, to acknowledge on their behalf', () => {
    const n = notification({
      acknowledgments: [{ agency: 'PC', side: 'MX', officer: 'officer.mx', at: '2026-07-15T19:05:00Z' }],
    });
    expect(onBehalfCandidates(n, { agency: 'ANAM', country: 'MX' }, BEFORE).map((row) => row.agency)).toEqual(['SRE']);
    expect(onBehalfCandidates(n, { agency: 'CBP', country: 'US' }, BEFORE).map((row) => row.agency)).toEqual(['DOS']);
    expect(onBehalfCandidates({ ...n, status: 'cancelled' }, { agency: 'CBP', country: 'US' }, BEFORE)).toEqual([]);
  });
});

describe('editing a notification', () => {
  const base = noticeOf(notification());

  it('sends only the fields the officer changed', () => {
    expect(
      noticeChanges(base, { ...base, title: { en: 'Rail bridge closed ', es: 'Puente ferroviario cerrado' } }),
    ).toEqual({});
    expect(noticeChanges(base, { ...base, severity: 'extreme' })).toEqual({ severity: 'extreme' });
  });

  it('saves over changes to other fields, and stops on a change to the same field', () => {
    const mine = { severity: 'extreme' as const };
    expect(editConflicts(base, { ...base, body: { en: 'Chlorine and ammonia' } }, mine)).toEqual([]);
    expect(editConflicts(base, { ...base, severity: 'minor' }, mine)).toEqual(['severity']);
    // The same change made by both is no conflict.
    expect(editConflicts(base, { ...base, severity: 'extreme' }, mine)).toEqual([]);
  });
});

describe('the issue form', () => {
  const ports = [
    { id: 'otay-mesa', blmId: 'blm-sandiego-tijuana' },
    { id: 'laredo-rail', blmId: 'blm-laredo-nuevolaredo' },
  ];
  const mine = new Set(['blm-sandiego-tijuana', 'blm-laredo-nuevolaredo']);

  it('defaults to the BLM of the incident’s port (Laredo for a Laredo incident), not the first in the list', () => {
    expect(blmOfIncident({ affectedPortIds: ['laredo-rail'] }, ports, mine)).toBe('blm-laredo-nuevolaredo');
    expect(blmOfIncident({ affectedPortIds: ['laredo-rail'] }, ports, new Set(['blm-sandiego-tijuana']))).toBe(
      undefined,
    );
    expect(blmOfIncident(undefined, ports, mine)).toBe(undefined);
  });

  it('defaults to the port where the incident happened, not the BLM’s first port among those also affected', () => {
    // The Laredo BLM lists its bridges west to east; the incident happened at the World Trade Bridge.
    const laredo = [
      { id: 'laredo-gateway-americas' },
      { id: 'laredo-juarez-lincoln' },
      { id: 'laredo-colombia' },
      { id: 'laredo-world-trade' },
    ];
    const affected = ['laredo-world-trade', 'laredo-colombia', 'laredo-juarez-lincoln'];
    expect(portOfIncident(affected, laredo)).toBe('laredo-world-trade');
    // A port of another BLM is passed over; no incident, or none of its ports in the BLM: no port.
    expect(portOfIncident(['otay-mesa', 'laredo-colombia'], laredo)).toBe('laredo-colombia');
    expect(portOfIncident(['otay-mesa'], laredo)).toBe(undefined);
    expect(portOfIncident(undefined, laredo)).toBe(undefined);
  });

  it('reads the on-behalf time in the viewer’s clock and sends it as an instant', () => {
    const ms = Date.parse('2026-07-15T19:07:09Z');
    expect(fromLocalInput(toLocalInput(ms))).toBe('2026-07-15T19:07:09.000Z');
    expect(fromLocalInput('')).toBe(undefined);
  });
});

describe('the names of the members', () => {
  const members = [
    { agency: 'PC', side: 'MX' as const, name: { en: 'Civil Protection', es: 'Protección Civil' } },
    { agency: 'DOS', side: 'US' as const, name: { en: 'U.S. Consulate General (co-chair)', es: '' } },
  ];
  it('names an agency in the reader’s language, the other when that one is missing, and nothing it does not know', () => {
    expect(memberName(members, 'PC', 'MX', 'es')).toBe('Protección Civil');
    expect(memberName(members, 'PC', 'MX', 'en')).toBe('Civil Protection');
    expect(memberName(members, 'DOS', 'US', 'es')).toBe('U.S. Consulate General (co-chair)');
    expect(memberName(members, 'PC', 'US', 'es')).toBeUndefined();
    expect(memberName(undefined, 'PC', 'MX', 'es')).toBeUndefined();
  });
});
