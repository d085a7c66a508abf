import type { RecordedEvent } from '@enlace/event-store';
import { categoryOf, idOf } from './projection.js';

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

  route(event: RecordedEvent): RoomName[] {
    const data = (event.data ?? {}) as Record<string, unknown>;
    const id = idOf(event.streamId);
    switch (categoryOf(event.streamId)) {
      case 'incident':
        return ['board', `incident:${id}`];
      case 'port': {
        const shutdownId = typeof data.shutdownId === 'string' ? data.shutdownId : undefined;
        if (event.type === 'PortShutdownDeclared' && shutdownId && typeof data.incidentId === 'string') {
          this.shutdownIncident.set(shutdownId, data.incidentId);
        }
        const incidentId = shutdownId ? this.shutdownIncident.get(shutdownId) : undefined;
        return ['board', `port:${id}`, ...(incidentId ? [`incident:${incidentId}`] : [])];
      }
      case 'notification': {
        if (event.type === 'BlmNotificationIssued') {
          const subject = (data.subject ?? {}) as { incidentId?: unknown; portId?: unknown };
          this.notificationRooms.set(id, [
            ...(typeof data.blmId === 'string' ? [`blm:${data.blmId}`] : []),
            ...(typeof subject.incidentId === 'string' ? [`incident:${subject.incidentId}`] : []),
            ...(typeof subject.portId === 'string' ? [`port:${subject.portId}`] : []),
          ]);
        }
        return ['board', ...(this.notificationRooms.get(id) ?? [])];
      }
      default:
        return [];
    }
  }
}
