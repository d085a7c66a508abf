// Which port's clock a time is read on: the port itself, an incident's first affected port (or the port nearest to
// it), a notification's port, incident or mechanism. Always on the officer's side of that port.
import type { Side } from '../api/types';
import { portZone } from './format';

export interface ZonedPort {
  id: string;
  blmId: string;
  location: { lat: number; lon: number } | null;
  timeZones: { us: string; mx: string };
}

/** The port closest to a point (planar distance with longitudes scaled by latitude: enough along the border). */
export function nearestPort<P extends ZonedPort>(ports: readonly P[], lat: number, lon: number): P | undefined {
  const scale = Math.cos((lat * Math.PI) / 180);
  let best: P | undefined;
  let bestDistance = Infinity;
  for (const port of ports) {
    if (!port.location) continue;
    const distance = ((port.location.lon - lon) * scale) ** 2 + (port.location.lat - lat) ** 2;
    if (distance < bestDistance) {
      best = port;
      bestDistance = distance;
    }
  }
  return best;
}

export class Zones {
  private readonly byId: Map<string, ZonedPort>;

  constructor(
    private readonly ports: readonly ZonedPort[],
    private readonly side: Side,
    /** When no port is known: the browser's zone. */
    private readonly fallback: string,
  ) {
    this.byId = new Map(ports.map((port) => [port.id, port]));
  }

  port(portId: string | undefined): string {
    const port = portId ? this.byId.get(portId) : undefined;
    return port ? portZone(port, this.side) : this.fallback;
  }

  incident(incident: { affectedPortIds: string[]; location?: { lat: number; lon: number } } | undefined): string {
    if (!incident) return this.fallback;
    const first = incident.affectedPortIds.find((id) => this.byId.has(id));
    if (first) return this.port(first);
    if (incident.location) {
      const near = nearestPort(this.ports, incident.location.lat, incident.location.lon);
      if (near) return portZone(near, this.side);
    }
    return this.fallback;
  }

  /** A mechanism's ports share one clock on each side (a BLM covers one pair of sister cities). */
  blm(blmId: string): string {
    const port = this.ports.find((candidate) => candidate.blmId === blmId);
    return port ? portZone(port, this.side) : this.fallback;
  }
}
