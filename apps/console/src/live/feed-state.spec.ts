import { describe, expect, it } from '@jest/globals';
import { type ConsoleEvent, START_POSITION } from '@enlace/console-protocol';
import {
  acceptsAfter,
  caughtUp,
  connectionLost,
  initialFeedState,
  matchesResource,
  receiveEvents,
  resubscribeDelayMs,
  staleResources,
  subscribeRequest,
  writtenResources,
} from './feed-state';
import { describeEvent } from './describe';

const INCIDENT = '3f6c2d1e-0000-4000-8000-000000000001';
const NOTIFICATION = '3f6c2d1e-0000-4000-8000-0000000000aa';

function pos(n: number): string {
  return `${String(n).padStart(20, '0')}:${String(n).padStart(20, '0')}`;
}

function event(
  n: number,
  streamId: string,
  type: string,
  data: Record<string, unknown> = {},
  mode: 'actual' | 'exercise' = 'actual',
): ConsoleEvent {
  return {
    position: pos(n),
    streamId,
    revision: 0,
    type,
    data,
    metadata: {
      actor: 'officer.us',
      agency: 'CBP',
      country: 'US',
      role: 'officer',
      correlationId: 'c',
      causationId: null,
      mode,
      recordedAt: '2026-07-15T19:30:00.000Z',
    },
  };
}

describe('feed positions', () => {
  it('subscribes from the start, then from the last position seen', () => {
    expect(subscribeRequest(initialFeedState)).toEqual({ rooms: ['board'], after: START_POSITION, batch: true });
    const { state } = receiveEvents(initialFeedState, [event(7, 'port-otay-mesa', 'PortReopened')]);
    expect(subscribeRequest(state).after).toBe(pos(7));
  });

  it('ignores events at or before the last position (a resume may resend), and keeps global order', () => {
    let { state, fresh } = receiveEvents(initialFeedState, [
      event(2, 'port-a', 'X'),
      event(1, 'port-a', 'X'),
      event(3, 'port-a', 'X'),
    ]);
    expect(fresh.map((e) => e.position)).toEqual([pos(1), pos(2), pos(3)]);
    ({ state, fresh } = receiveEvents(state, [
      event(3, 'port-a', 'X'),
      event(2, 'port-a', 'X'),
      event(4, 'port-a', 'X'),
    ]));
    expect(fresh.map((e) => e.position)).toEqual([pos(4)]);
    expect(state.lastPosition).toBe(pos(4));
    const again = receiveEvents(state, [event(4, 'port-a', 'X')]);
    expect(again.fresh).toEqual([]);
    expect(again.state).toBe(state);
  });

  it('moves to the caught-up position, never back', () => {
    const { state } = receiveEvents(initialFeedState, [event(5, 'port-a', 'X')]);
    expect(caughtUp(state, pos(9)).state.lastPosition).toBe(pos(9));
    expect(caughtUp(state, pos(3)).state.lastPosition).toBe(pos(5));
    expect(caughtUp(initialFeedState, START_POSITION).state.lastPosition).toBe(START_POSITION);
  });

  it('reports a resume: from when, and how many events the replay brought', () => {
    let state = receiveEvents(initialFeedState, [event(1, 'port-a', 'X')]).state;
    state = connectionLost(state, 1_000);
    state = connectionLost(state, 2_000); // a second drop while still away keeps the first time
    state = receiveEvents(state, [event(1, 'port-a', 'X'), event(2, 'port-a', 'X'), event(3, 'port-a', 'X')]).state;
    const { state: after, resumed } = caughtUp(state, pos(3));
    expect(resumed).toEqual({ since: 1_000, count: 2 });
    expect(caughtUp(after, pos(3)).resumed).toBeUndefined();
  });

  it('does not call the first subscription a resume', () => {
    const state = connectionLost(initialFeedState, 1_000);
    expect(caughtUp(state, pos(1)).resumed).toBeUndefined();
  });

  it('remembers which streams carry exercise data', () => {
    const { state } = receiveEvents(initialFeedState, [
      event(1, `incident-${INCIDENT}`, 'IncidentReported', {}, 'exercise'),
      event(2, 'port-otay-mesa', 'PortShutdownDeclared', {}, 'actual'),
    ]);
    expect([...state.exerciseStreams]).toEqual([`incident-${INCIDENT}`]);
  });
});

describe('stale read models', () => {
  it('an incident event makes the board, the incident and its log stale', () => {
    expect(staleResources(initialFeedState, event(1, `incident-${INCIDENT}`, 'SituationReportFiled'))).toEqual([
      '/api/incidents',
      `/api/incidents/${INCIDENT}`,
      `/api/incidents/${INCIDENT}/timeline`,
      `/api/incidents/${INCIDENT}/events`,
    ]);
  });

  it("a drill's incident event, in its world's stream, makes the same read models stale (the console is in the drill)", () => {
    const drillStream = `exercise-0d7a2c1e-5b3f-4e8a-9c6d-7f1e2a3b4c5d.incident-${INCIDENT}`;
    expect(staleResources(initialFeedState, event(1, drillStream, 'IncidentReported', {}, 'exercise'))).toEqual([
      '/api/incidents',
      `/api/incidents/${INCIDENT}`,
      `/api/incidents/${INCIDENT}/timeline`,
      `/api/incidents/${INCIDENT}/events`,
    ]);
  });

  it("a drill's own fact (room `drill`) makes the drill list and that drill's view stale", () => {
    const drillId = '0d7a2c1e-5b3f-4e8a-9c6d-7f1e2a3b4c5d';
    const halted = event(1, `exercise-${drillId}.drill-${drillId}`, 'DrillHalted', { drillId }, 'exercise');
    expect(staleResources(initialFeedState, halted)).toEqual(['/api/drills', `/api/drills/${drillId}`]);
  });

  it('a port event of a shutdown linked to an incident also makes that incident’s log stale', () => {
    const declared = event(1, 'port-otay-mesa', 'PortShutdownDeclared', { shutdownId: 's1', incidentId: INCIDENT });
    const { state } = receiveEvents(initialFeedState, [declared]);
    const signed = event(2, 'port-otay-mesa', 'ResumptionSignedOff', { shutdownId: 's1', side: 'MX' });
    expect(staleResources(state, signed)).toEqual([
      '/api/ports',
      '/api/ports/otay-mesa',
      '/api/ports/checklists',
      `/api/incidents/${INCIDENT}/timeline`,
    ]);
    expect(staleResources(initialFeedState, signed)).not.toContain(`/api/incidents/${INCIDENT}/timeline`);
  });

  it('a notification acknowledged later still reaches the log of the incident it is about', () => {
    const issued = event(1, `notification-${NOTIFICATION}`, 'BlmNotificationIssued', {
      subject: { incidentId: INCIDENT },
    });
    const { state } = receiveEvents(initialFeedState, [issued]);
    const acknowledged = event(2, `notification-${NOTIFICATION}`, 'BlmNotificationAcknowledged', { agency: 'ANAM' });
    expect(staleResources(state, acknowledged)).toEqual(['/api/notifications', `/api/incidents/${INCIDENT}/timeline`]);
  });

  it('matches paths segment by segment, ignoring the query', () => {
    expect(matchesResource('/api/incidents/*/timeline', `/api/incidents/${INCIDENT}/timeline`)).toBe(true);
    expect(matchesResource('/api/ports', '/api/ports?after=x')).toBe(true);
    expect(matchesResource('/api/ports', '/api/ports/otay-mesa')).toBe(false);
  });

  it('a write of one’s own makes stale what it changed', () => {
    expect(writtenResources('/api/ports/otay-mesa/sign-offs')).toEqual([
      '/api/ports',
      '/api/ports/otay-mesa',
      '/api/ports/checklists',
      '/api/incidents/*/timeline',
    ]);
    expect(writtenResources('/api/incidents')).toEqual(['/api/incidents']);
    expect(writtenResources(`/api/drills/${NOTIFICATION}/pause`)).toEqual([
      '/api/drills',
      `/api/drills/${NOTIFICATION}`,
    ]);
    expect(writtenResources(`/api/notifications/${NOTIFICATION}/acknowledgments`)).toContain('/api/notifications');
  });

  it('asks for ?after only where the api waits for it', () => {
    expect(acceptsAfter('/api/ports')).toBe(true);
    expect(acceptsAfter(`/api/incidents/${INCIDENT}/timeline`)).toBe(true);
    expect(acceptsAfter('/api/ports/otay-mesa')).toBe(false);
    expect(acceptsAfter(`/api/incidents/${INCIDENT}`)).toBe(false);
  });
});

describe('event lines', () => {
  const names = { port: (id: string) => (id === 'otay-mesa' ? 'Otay Mesa' : id) };
  it('describe an event in the chosen language', () => {
    const declared = event(1, 'port-otay-mesa', 'PortShutdownDeclared', {
      portId: 'otay-mesa',
      scope: 'full',
      lanes: ['a', 'b'],
    });
    expect(describeEvent(declared, 'en', names)).toBe('Full shutdown declared at Otay Mesa (2 lanes)');
    expect(describeEvent(declared, 'es', names)).toBe('Cierre total declarado en Otay Mesa (2 carriles)');
  });

  it('count lanes in the singular and the plural, in both languages', () => {
    const one = (type: string, data: Record<string, unknown>) =>
      event(1, 'port-otay-mesa', type, { portId: 'otay-mesa', lanes: ['a'], ...data });
    const declared = one('PortShutdownDeclared', { scope: 'partial' });
    expect(describeEvent(declared, 'en', names)).toBe('Partial shutdown declared at Otay Mesa (1 lane)');
    expect(describeEvent(declared, 'es', names)).toBe('Cierre parcial declarado en Otay Mesa (1 carril)');
    const widened = one('PortShutdownWidened', { side: 'MX' });
    expect(describeEvent(widened, 'en', names)).toBe('Mexico widened the shutdown of Otay Mesa (1 more lane)');
    expect(describeEvent(widened, 'es', names)).toBe('México amplió el cierre de Otay Mesa (1 carril más)');
    const reopened = one('PortLanesReopened', { phase: 2, lanes: ['a', 'b', 'c'] });
    expect(describeEvent(reopened, 'es', names)).toBe('Otay Mesa: fase de reapertura 2 (3 carriles)');
  });

  it('make the Spanish participle agree with the protective action', () => {
    const ordered = (kind: string) =>
      event(1, `incident-${INCIDENT}`, 'ProtectiveActionOrdered', { kind, radiusMeters: 800 });
    expect(describeEvent(ordered('evacuation'), 'es', names)).toBe('Evacuación ordenada (800 m)');
    expect(describeEvent(ordered('shelter-in-place'), 'es', names)).toBe('Resguardo en el lugar ordenado (800 m)');
  });

  it('show a bilingual title in the chosen language', () => {
    const reported = event(1, `incident-${INCIDENT}`, 'IncidentReported', { title: { en: 'Leak', es: 'Fuga' } });
    expect(describeEvent(reported, 'es', names)).toBe('Incidente reportado: Fuga');
  });
});

describe('subscribing again after a refusal', () => {
  const middle = () => 0.5;

  it('waits what the server asked for (its store is away), with jitter so consoles do not return together', () => {
    expect(resubscribeDelayMs(1, 5_000, middle)).toBe(5_000);
    expect(resubscribeDelayMs(7, 5_000, middle)).toBe(5_000);
    expect(resubscribeDelayMs(1, 5_000, () => 0)).toBe(4_000);
    expect(resubscribeDelayMs(1, 5_000, () => 1)).toBe(6_000);
  });

  it('without a hint (no answer at all), waits 1 s, doubling up to 30 s', () => {
    expect([1, 2, 3, 4, 5, 6, 7, 20].map((failures) => resubscribeDelayMs(failures, undefined, middle))).toEqual([
      1_000, 2_000, 4_000, 8_000, 16_000, 30_000, 30_000, 30_000,
    ]);
  });

  it('resumes from the last position seen, so the retry neither skips nor repeats', () => {
    const { state } = receiveEvents(initialFeedState, [event(7, `incident-${INCIDENT}`, 'IncidentReported')]);
    expect(subscribeRequest(state)).toEqual({ rooms: ['board'], after: pos(7), batch: true });
  });
});
