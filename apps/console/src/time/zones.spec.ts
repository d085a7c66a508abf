import { describe, expect, it } from '@jest/globals';
import { nearestPort, Zones, type ZonedPort } from './zones';

const ports: ZonedPort[] = [
  {
    id: 'otay-mesa',
    blmId: 'blm-sandiego-tijuana',
    location: { lat: 32.549, lon: -116.938 },
    timeZones: { us: 'America/Los_Angeles', mx: 'America/Tijuana' },
  },
  {
    id: 'nogales-mariposa',
    blmId: 'blm-nogales',
    location: { lat: 31.335, lon: -110.974 },
    timeZones: { us: 'America/Phoenix', mx: 'America/Hermosillo' },
  },
  {
    id: 'laredo-rail',
    blmId: 'blm-laredo',
    location: null,
    timeZones: { us: 'America/Chicago', mx: 'America/Matamoros' },
  },
];

describe('zones', () => {
  it('reads a port on the officer’s side', () => {
    expect(new Zones(ports, 'MX', 'UTC').port('nogales-mariposa')).toBe('America/Hermosillo');
    expect(new Zones(ports, 'US', 'UTC').port('nogales-mariposa')).toBe('America/Phoenix');
    expect(new Zones(ports, 'US', 'UTC').port('nowhere')).toBe('UTC');
  });

  it('reads an incident at its first affected port, else at the port nearest to it', () => {
    const zones = new Zones(ports, 'US', 'UTC');
    expect(zones.incident({ affectedPortIds: ['laredo-rail', 'otay-mesa'] })).toBe('America/Chicago');
    expect(zones.incident({ affectedPortIds: [], location: { lat: 31.4, lon: -111.1 } })).toBe('America/Phoenix');
    expect(zones.incident({ affectedPortIds: [] })).toBe('UTC');
  });

  it('finds the nearest port with coordinates', () => {
    expect(nearestPort(ports, 32.5, -117)?.id).toBe('otay-mesa');
  });

  it('reads a mechanism at its ports', () => {
    expect(new Zones(ports, 'MX', 'UTC').blm('blm-sandiego-tijuana')).toBe('America/Tijuana');
  });
});
