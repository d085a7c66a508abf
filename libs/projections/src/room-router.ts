import type { DecodedEvent } from '@enlace/consumers';

/** `board`, `incident:<id>`, `port:<id>`, `blm:<id>` (the console protocol's rooms). */
export type RoomName = string;

/**
 * Which console rooms an event belongs to. Notification events after the first carry neither the BLM nor the
 * subject, so the router remembers them per stream; port events of a shutdown linked to an incident also go to that
 * incident's room. Fed in global order, it routes every event the same way live and on replay.
 */
export class RoomRouter {
  private readonly notificationRooms = new Map<string, RoomName[]>();
  private readonly shutdownIncident = new Map<string, string>();

  route(event: DecodedEvent): RoomName[] {
    const id = event.aggregateId;
    switch (event.aggregate) {
      case 'incident':
        return ['board', `incident:${id}`];
      case 'port': {
        const { shutdownId } = event.data;
        if (event.type === 'PortShutdownDeclared' && event.data.incidentId) {
          this.shutdownIncident.set(shutdownId, event.data.incidentId);
        }
        const incidentId = this.shutdownIncident.get(shutdownId);
        return ['board', `port:${id}`, ...(incidentId ? [`incident:${incidentId}`] : [])];
      }
      case 'notification': {
        if (event.type === 'BlmNotificationIssued') {
          const { blmId, subject } = event.data;
          this.notificationRooms.set(id, [
            `blm:${blmId}`,
            ...(subject.incidentId ? [`incident:${subject.incidentId}`] : []),
            ...(subject.portId ? [`port:${subject.portId}`] : []),
          ]);
        }
        return ['board', ...(this.notificationRooms.get(id) ?? [])];
      }
      default:
        return [];
    }
  }
}
