import { portDecider } from '../port/port.decider.js';
import { PORT_SHUTDOWN_DECLARED_V1 } from '../testing/fixtures.js';
import { codecOf, decodeEvent, schemaVersionOf } from './event-codec.js';

const VERSION_1 = PORT_SHUTDOWN_DECLARED_V1;

describe('event codec', () => {
  it('reads a version 1 PortShutdownDeclared as today’s shape: the lanes it closed are the lanes closed', () => {
    const decoded = decodeEvent('port', 'PortShutdownDeclared', VERSION_1, undefined);
    expect(decoded).toEqual({
      ok: true,
      upcastFrom: 1,
      event: {
        type: 'PortShutdownDeclared',
        data: { ...VERSION_1, closedLanes: ['commercial:northbound', 'fast:northbound'] },
      },
    });
    // The stored data is not touched: the upcast shape is a new object.
    expect(VERSION_1).not.toHaveProperty('closedLanes');
  });

  it('reads today’s version as stored, without upcasting', () => {
    const data = { ...VERSION_1, closedLanes: ['commercial:northbound'] };
    expect(decodeEvent('port', 'PortShutdownDeclared', data, 2)).toEqual({
      ok: true,
      event: { type: 'PortShutdownDeclared', data },
    });
  });

  it('refuses what it cannot read, naming why', () => {
    const reason = (result: ReturnType<typeof decodeEvent>) => (result.ok ? 'decoded' : result.reason);
    expect(reason(decodeEvent('port', 'IncidentReported', VERSION_1))).toBe(
      'IncidentReported is not one of the port events',
    );
    expect(reason(decodeEvent('port', 'PortShutdownDeclared', VERSION_1, 3))).toBe(
      'PortShutdownDeclared: schema version 3 is newer than this process knows (2)',
    );
    expect(reason(decodeEvent('port', 'PortShutdownDeclared', VERSION_1, 0))).toBe(
      'PortShutdownDeclared: schema version 0 is not a positive integer',
    );
    expect(reason(decodeEvent('port', 'PortReopened', { portId: 'otay-mesa' }))).toBe(
      'PortReopened: shutdownId is missing or malformed',
    );
    expect(reason(decodeEvent('incident', 'IncidentClosed', { incidentId: 'i', summary: {} }))).toBe(
      'IncidentClosed: summary is missing or malformed',
    );
    expect(reason(decodeEvent('incident', 'IncidentClosed', ['not', 'an', 'object']))).toBe(
      'IncidentClosed: data is not an object',
    );
    // `toString` is no event type, even though every object has one.
    expect(reason(decodeEvent('port', 'toString', {}))).toBe('toString is not one of the port events');
  });

  it('gives each aggregate’s decider the version it writes and a decode that throws on a foreign event', () => {
    expect(schemaVersionOf('port', 'PortShutdownDeclared')).toBe(2);
    expect(portDecider.codec.versionOf('PortReopened')).toBe(1);
    expect(() => codecOf('incident').decode('PortReopened', {}, 1)).toThrow(
      'Undecodable incident event: PortReopened is not one of the incident events',
    );
  });
  it('reads a version 1 JCP step’s `reference` as its report number; a step without one stays without', () => {
    const v1 = { incidentId: 'i-1', side: 'US', center: 'NRC', reference: '1380012' };
    expect(decodeEvent('incident', 'NationalCenterNotified', v1, 1)).toEqual({
      ok: true,
      upcastFrom: 1,
      event: {
        type: 'NationalCenterNotified',
        data: { incidentId: 'i-1', side: 'US', center: 'NRC', reportNumber: '1380012' },
      },
    });
    const bare = { incidentId: 'i-1', side: 'MX', center: 'NRC' };
    expect(decodeEvent('incident', 'CounterpartCenterNotified', bare, undefined)).toEqual({
      ok: true,
      upcastFrom: 1,
      event: { type: 'CounterpartCenterNotified', data: bare },
    });
    const v2 = { ...bare, reportNumber: 'F-7', occurredAt: '2026-11-23T17:40:00.000Z' };
    expect(decodeEvent('incident', 'CounterpartCenterNotified', v2, 2)).toEqual({
      ok: true,
      event: { type: 'CounterpartCenterNotified', data: v2 },
    });
  });
});
