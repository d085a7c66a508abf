/** An event as stored, as far as telling whether it belongs to an incident goes. */
export interface LinkedEvent {
  streamId: string;
  type: string;
  data: unknown;
}

const field = (value: unknown, name: string): unknown =>
  value !== null && typeof value === 'object' ? (value as Record<string, unknown>)[name] : undefined;

/** `incident-<id>` or `<id>`: the incident's id. */
export function incidentIdOf(value: string): string {
  return value.startsWith('incident-') ? value.slice('incident-'.length) : value;
}

/**
 * The events of one incident in the live log, read in the log's order: the incident's own stream; the port events of
 * the shutdowns declared for it (`PortShutdownDeclared` with its `incidentId`, then every later event naming that
 * `shutdownId`); the notifications about it (a notification stream whose events carry `subject.incidentId`, from its
 * first event on). Reads the stored data (never upcast), so the exporter and the verifier decide alike.
 */
export class IncidentLinks {
  readonly streamId: string;
  private readonly shutdowns = new Set<string>();
  private readonly notifications = new Set<string>();

  constructor(readonly incidentId: string) {
    this.streamId = `incident-${incidentId}`;
  }

  /** Whether the event belongs to the incident; learns the shutdowns and notifications it links. */
  includes(event: LinkedEvent): boolean {
    if (event.streamId === this.streamId) return true;
    if (event.streamId.startsWith('port-')) {
      const shutdownId = field(event.data, 'shutdownId');
      if (typeof shutdownId !== 'string') return false;
      if (event.type === 'PortShutdownDeclared' && field(event.data, 'incidentId') === this.incidentId) {
        this.shutdowns.add(shutdownId);
      }
      return this.shutdowns.has(shutdownId);
    }
    if (event.streamId.startsWith('notification-')) {
      if (this.notifications.has(event.streamId)) return true;
      if (field(field(event.data, 'subject'), 'incidentId') !== this.incidentId) return false;
      this.notifications.add(event.streamId);
      return true;
    }
    return false;
  }

  /**
   * Whether the event may follow its stream's previous event in the bundle with revisions skipped: only a shutdown's
   * declaration, in a port's stream (a port has one shutdown at a time, so each shutdown's events are consecutive
   * revisions of its stream, from its declaration on).
   */
  mayFollowGap(event: LinkedEvent): boolean {
    return event.streamId.startsWith('port-') && event.type === 'PortShutdownDeclared';
  }

  /**
   * Whether the bundle holds this stream whole (every revision from 0, none skipped): the incident's own and its
   * notifications'. A port's stream is held only in part (the events of the incident's shutdowns).
   */
  holdsWhole(streamId: string): boolean {
    return streamId === this.streamId || this.notifications.has(streamId);
  }
}
