import { describe, expect, it } from '@jest/globals';
import type { ActivityEntry } from '../../api/types';
import { timelineView } from './timeline-entries';

const entry = (position: number, type: string): ActivityEntry => ({
  position: String(position),
  at: `2026-12-07T10:${String(position).padStart(2, '0')}:00Z`,
  streamId: 'incident-1',
  type,
  actor: 'officer.us',
  agency: 'CBP',
  side: 'US',
  summary: { en: type, es: type },
});

const log = [
  entry(1, 'IncidentReported'),
  entry(2, 'BlmNotificationIssued'),
  entry(3, 'BlmNotificationDelivered'),
  entry(4, 'BlmNotificationDeliveryFailed'),
  entry(5, 'BlmNotificationDeliveryFailed'),
  entry(6, 'BlmNotificationDeliveryAbandoned'),
  entry(7, 'NationalCenterNotified'),
];

describe('the incident activity log', () => {
  it('shows what people did, newest first, and counts the delivery attempts it folds away', () => {
    const { shown, deliveries } = timelineView(log, false);
    expect(shown.map((e) => e.type)).toEqual(['NationalCenterNotified', 'BlmNotificationIssued', 'IncidentReported']);
    expect(deliveries).toBe(4);
  });

  it('shows every entry, newest first, when the officer asks for the delivery attempts', () => {
    const { shown, deliveries } = timelineView(log, true);
    expect(shown.map((e) => e.position)).toEqual(['7', '6', '5', '4', '3', '2', '1']);
    expect(deliveries).toBe(4);
  });

  it('has nothing to fold in a log without deliveries', () => {
    expect(timelineView([entry(1, 'IncidentReported')], false)).toMatchObject({ deliveries: 0 });
  });
});
