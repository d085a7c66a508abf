import { type DecodedEvent, decodeRecorded } from '@enlace/consumers';
import { incidentStreamId, notificationStreamId, type PortOfEntry, type ReferenceCatalog } from '@enlace/domain';
import { collect, type EventStore, type RecordedEvent } from '@enlace/event-store';

/** How many incidents' and notifications' ports are remembered (each is one stream's first event: it never changes). */
const REMEMBERED = 10_000;

function remember(cache: Map<string, string | null>, key: string, portId: string | null): string | null {
  if (cache.size >= REMEMBERED) cache.delete(cache.keys().next().value!);
  cache.set(key, portId);
  return portId;
}

/**
 * The port an event of the live world concerns, whose zones its local times are shown in: a port's own events; an
 * incident's first affected port (as reported); a notification's subject port (or its incident's). Each incident's and
 * notification's port is read once, from the first event of its stream, and remembered.
 */
export class EventPlaces {
  private readonly incidents = new Map<string, string | null>();
  private readonly notifications = new Map<string, string | null>();

  constructor(
    private readonly store: EventStore,
    private readonly reference: ReferenceCatalog,
  ) {}

  async portOf(recorded: RecordedEvent): Promise<PortOfEntry | undefined> {
    const decoded = decodeRecorded(recorded);
    if (!decoded.ok || decoded.event.world.kind !== 'live') return undefined;
    const portId = await this.portIdOf(decoded.event);
    return portId === null ? undefined : this.reference.port(portId);
  }

  private async portIdOf(event: DecodedEvent): Promise<string | null> {
    switch (event.aggregate) {
      case 'port':
        return event.aggregateId;
      case 'incident':
        return event.type === 'IncidentReported'
          ? remember(this.incidents, event.aggregateId, event.data.affectedPortIds[0] ?? null)
          : this.incidentPort(event.aggregateId);
      case 'notification':
        return event.type === 'BlmNotificationIssued'
          ? remember(this.notifications, event.aggregateId, await this.subjectPort(event.data.subject))
          : this.notificationPort(event.aggregateId);
      default:
        return null;
    }
  }

  private async incidentPort(incidentId: string): Promise<string | null> {
    const known = this.incidents.get(incidentId);
    if (known !== undefined) return known;
    const first = await this.firstEvent(incidentStreamId(incidentId));
    const portId =
      first?.aggregate === 'incident' && first.type === 'IncidentReported'
        ? (first.data.affectedPortIds[0] ?? null)
        : null;
    return remember(this.incidents, incidentId, portId);
  }

  private async notificationPort(notificationId: string): Promise<string | null> {
    const known = this.notifications.get(notificationId);
    if (known !== undefined) return known;
    const first = await this.firstEvent(notificationStreamId(notificationId));
    const portId =
      first?.aggregate === 'notification' && first.type === 'BlmNotificationIssued'
        ? await this.subjectPort(first.data.subject)
        : null;
    return remember(this.notifications, notificationId, portId);
  }

  private async subjectPort(subject: { portId?: string; incidentId?: string }): Promise<string | null> {
    if (subject.portId !== undefined) return subject.portId;
    return subject.incidentId !== undefined ? this.incidentPort(subject.incidentId) : null;
  }

  private async firstEvent(streamId: string): Promise<DecodedEvent | undefined> {
    const [first] = await collect(this.store.readStream(streamId, { maxCount: 1 }));
    if (!first) return undefined;
    const decoded = decodeRecorded(first);
    return decoded.ok ? decoded.event : undefined;
  }
}
