// The ports of the read model as the border map draws them: those with a location, marked when an incident is on them.
import type { PortStatus } from '../api/types';
import type { MapPort } from './BorderMap';

export function mapPortsOf(ports: readonly PortStatus[], hasIncident: (port: PortStatus) => boolean): MapPort[] {
  return ports.flatMap((port) =>
    port.location
      ? [
          {
            id: port.id,
            usName: port.name.us,
            mxName: port.name.mx,
            latitude: port.location.lat,
            longitude: port.location.lon,
            status: port.status,
            hasIncident: hasIncident(port),
          },
        ]
      : [],
  );
}
