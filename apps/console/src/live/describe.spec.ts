import { describe, expect, it } from '@jest/globals';
import type { ConsoleEvent } from '@enlace/console-protocol';
import { activityOf, describeEvent, isAnnounced } from './describe';

const names = { port: (id: string) => id };
const pos = (n: number): string => `${String(n).padStart(20, '0')}:${String(n).padStart(20, '0')}`;

function event(n: number, type: string, data: Record<string, unknown>, country: 'US' | 'MX' = 'MX'): ConsoleEvent {
  return {
    position: pos(n),
    streamId: 'incident-1',
    revision: n,
    type,
    data,
    metadata: {
      actor: 'officer.mx',
      agency: 'ANAM',
      country,
      role: 'officer',
      correlationId: 'c',
      causationId: null,
      mode: 'actual',
      recordedAt: '2026-07-15T19:00:00.000Z',
    },
  };
}

describe('recent activity wording', () => {
  it('names the centre that notified and the one notified, with their sides (CENACOM notified NRC, not the reverse)', () => {
    const counterpart = event(1, 'CounterpartCenterNotified', { incidentId: 'i', side: 'MX', center: 'NRC' });
    expect(describeEvent(counterpart, 'en', names)).toBe('CENACOM (Mexico) notified NRC (U.S.)');
    expect(describeEvent(counterpart, 'es', names)).toBe('El CENACOM (México) notificó al NRC (EE. UU.)');
    const fromUs = event(2, 'CounterpartCenterNotified', { incidentId: 'i', side: 'US', center: 'CENACOM' }, 'US');
    expect(describeEvent(fromUs, 'en', names)).toBe('NRC (U.S.) notified CENACOM (Mexico)');
  });

  it('says which side notified its own national centre', () => {
    const own = event(1, 'NationalCenterNotified', { incidentId: 'i', side: 'MX', center: 'CENACOM' });
    expect(describeEvent(own, 'en', names)).toBe('Mexico notified its national centre, CENACOM');
    expect(describeEvent(own, 'es', names)).toBe('México notificó a su centro nacional, CENACOM');
  });

  it('says to whom an escalation went', () => {
    const escalated = event(1, 'BlmNotificationEscalated', {
      tier: 1,
      escalatedTo: [
        {
          agency: 'DOS',
          side: 'US',
          name: { en: 'U.S. Consulate General (co-chair)', es: 'Consulado General de EE. UU.' },
        },
        { agency: 'SRE', side: 'MX' },
      ],
    });
    expect(describeEvent(escalated, 'en', names)).toBe(
      'Not acknowledged in time: escalated to tier 1, U.S. Consulate General (co-chair) — DOS, U.S.; SRE, Mexico',
    );
    expect(describeEvent(escalated, 'es', names)).toBe(
      'Sin acuse a tiempo: escalada al nivel 1, Consulado General de EE. UU. — DOS, EE. UU.; SRE, México',
    );
  });

  it('tells an acknowledgment on behalf apart from an agency’s own', () => {
    const onBehalf = event(1, 'BlmNotificationAcknowledgedOnBehalf', { agency: 'SRE', side: 'MX', channel: 'phone' });
    expect(describeEvent(onBehalf, 'en', names)).toBe(
      'SRE acknowledged a BLM notification by phone (recorded on its behalf)',
    );
    expect(describeEvent(onBehalf, 'es', names)).toBe(
      'SRE acusó recibo de una notificación al MEF por teléfono (registrado a su nombre)',
    );
  });
});

describe('what the recent activity lists', () => {
  it('leaves out delivery attempts (shown on the card) and puts the newest first, by position', () => {
    const events = [
      event(3, 'BlmNotificationIssued', { title: { en: 'x' } }),
      ...Array.from({ length: 30 }, (_, i) =>
        event(4 + i, i % 2 ? 'BlmNotificationDeliveryFailed' : 'BlmNotificationDeliveryAbandoned', { agency: 'DOS' }),
      ),
      event(40, 'BlmNotificationDelivered', { agency: 'CBP' }),
      event(2, 'IncidentUpdated', {}),
      event(41, 'BlmNotificationAcknowledged', { agency: 'ANAM' }),
    ];
    expect(activityOf(events).map((e) => e.type)).toEqual([
      'BlmNotificationAcknowledged',
      'BlmNotificationIssued',
      'IncidentUpdated',
    ]);
    expect(events.filter(isAnnounced).length).toBe(3);
  });
});
