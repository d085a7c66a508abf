import { describe, expect, it } from '@jest/globals';
import { affectedPortIds, indexAt, linkedPortEvents, portAt, scrubberMoments, step, stepForKey } from './scrubber';

const INCIDENT = '5b3c1a2e-7d4f-4a8b-9c0d-1e2f3a4b5c6d';
const OTHER = '0e9d8c7b-6a5f-4e3d-8c2b-1a0f9e8d7c6b';
const at = (n: number) => `${String(1).padStart(20, '0')}:${String(n).padStart(20, '0')}`;

function event(n: number, stream: string, type: string, data: Record<string, unknown> = {}) {
  return {
    position: at(n),
    recordedAt: new Date(Date.UTC(2026, 11, 6, 21, n)).toISOString(),
    stream,
    type,
    actor: 'officer.us',
    agency: 'CBP',
    side: 'US' as const,
    data,
  };
}

const incident = [
  event(1, `incident-${INCIDENT}`, 'IncidentReported', { affectedPortIds: ['otay-mesa'] }),
  event(4, `incident-${INCIDENT}`, 'NationalCenterNotified'),
  event(9, `incident-${INCIDENT}`, 'IncidentUpdated', { changes: { affectedPortIds: ['otay-mesa', 'tecate'] } }),
];
const port = [
  // An earlier shutdown for another incident, then the one for this incident, then one with no incident.
  event(2, 'port-otay-mesa', 'PortShutdownDeclared', { shutdownId: 's0', incidentId: OTHER }),
  event(3, 'port-otay-mesa', 'PortReopened', { shutdownId: 's0' }),
  event(5, 'port-otay-mesa', 'PortShutdownDeclared', { shutdownId: 's1', incidentId: INCIDENT }),
  event(6, 'port-otay-mesa', 'ResumptionSignedOff', { shutdownId: 's1' }),
  event(7, 'port-otay-mesa', 'PortReopened', { shutdownId: 's1' }),
  event(8, 'port-otay-mesa', 'PortShutdownDeclared', { shutdownId: 's2' }),
];

describe('the scrubber’s stops', () => {
  it("take the port's events of the shutdowns declared for the incident only", () => {
    expect(linkedPortEvents(port, INCIDENT).map((e) => e.position)).toEqual([at(5), at(6), at(7)]);
  });

  it('merge the incident and its shutdowns in log order, each position once', () => {
    const moments = scrubberMoments(INCIDENT, [...incident, ...linkedPortEvents(port, INCIDENT), incident[0]!]);
    expect(moments.map((moment) => `${moment.type}${moment.portId ? `@${moment.portId}` : ''}`)).toEqual([
      'IncidentReported',
      'NationalCenterNotified',
      'PortShutdownDeclared@otay-mesa',
      'ResumptionSignedOff@otay-mesa',
      'PortReopened@otay-mesa',
      'IncidentUpdated',
    ]);
    // Another incident's events are not stops.
    expect(scrubberMoments(OTHER, incident)).toEqual([]);
  });

  it('list every port the incident affected, in order', () => {
    expect(affectedPortIds(incident)).toEqual(['otay-mesa', 'tecate']);
  });

  it('show the port of the last shutdown event up to the stop, else the first affected port', () => {
    const moments = scrubberMoments(INCIDENT, [...incident, ...linkedPortEvents(port, INCIDENT)]);
    expect(portAt(moments, 0, ['tecate'])).toBe('tecate');
    expect(portAt(moments, 3, ['tecate'])).toBe('otay-mesa');
    expect(portAt(moments, 0, [])).toBe('otay-mesa');
  });
});

describe('stepping', () => {
  it('moves one event at a time and stops at the ends', () => {
    expect(step(0, -1, 5)).toBe(0);
    expect(step(3, 1, 5)).toBe(4);
    expect(step(4, 1, 5)).toBe(4);
    expect(step(0, 1, 0)).toBe(0);
  });

  it('reads the keys of a slider', () => {
    expect(stepForKey('ArrowRight', 2, 30)).toBe(3);
    expect(stepForKey('ArrowUp', 2, 30)).toBe(3);
    expect(stepForKey('ArrowLeft', 2, 30)).toBe(1);
    expect(stepForKey('ArrowDown', 0, 30)).toBe(0);
    expect(stepForKey('PageUp', 2, 30)).toBe(5);
    expect(stepForKey('PageDown', 2, 30)).toBe(0);
    expect(stepForKey('Home', 7, 30)).toBe(0);
    expect(stepForKey('End', 7, 30)).toBe(29);
    expect(stepForKey('Enter', 7, 30)).toBeUndefined();
  });

  it('starts at the last stop at or before a position', () => {
    const moments = scrubberMoments(INCIDENT, [...incident, ...linkedPortEvents(port, INCIDENT)]);
    expect(indexAt(moments, at(6))).toBe(3);
    expect(indexAt(moments, at(8))).toBe(4);
    expect(indexAt(moments, at(0))).toBe(0);
    expect(indexAt(moments, undefined)).toBe(0);
  });
});
