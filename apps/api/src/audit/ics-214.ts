import { type DecodedEvent, decodeRecorded } from '@enlace/consumers';
import {
  type Actor,
  type BilingualText,
  incidentDecider,
  incidentStreamId,
  noSuchIncident,
  notificationStreamId,
  portStreamId,
  type ReferenceCatalog,
  type Side,
} from '@enlace/domain';
import { collect, comparePositions, type EventStore, type RecordedEvent } from '@enlace/event-store';
import { type ActivityEntry, activityEntry, BARE, type DescribeContext } from '@enlace/projections';
import type { Period } from './history-filter.js';

/** Someone on the form: an account, the name the directory gives it, its agency and role. */
export interface FormPerson {
  username: string;
  name: string;
  agency: string;
  role: string;
}

export interface FormActivity {
  position: string;
  /** ISO-8601, UTC. */
  at: string;
  type: string;
  /** The activity log's sentence (the same the console's timeline shows), in both languages. */
  summary: { en: string; es: string };
  person: FormPerson;
}

/**
 * An ICS 214 Activity Log of one side on one incident: 1. the incident's name, 2. the operational period, 3–5. the
 * side's first person to act (name, ICS position, home agency and unit), 6. every account of the side that acted,
 * 7. the side's actions, 8. who prepared it and when.
 */
export interface Ics214Form {
  incidentId: string;
  incidentName: BilingualText;
  side: Side;
  /** The incident's port (its first affected port as reported) and that side's zone there; null: times in UTC. */
  port: { id: string; name: { en: string; es: string }; zone: string } | null;
  period: { from: string; to: string };
  lead: FormPerson | null;
  resources: (FormPerson & { activities: number })[];
  activities: FormActivity[];
  preparedBy: FormPerson & { at: string };
}

/** Who a username is, as the directory says (the account may have gone from it since). */
export type PeopleDirectory = (username: string) => { displayName: string } | undefined;

function decoded(recorded: readonly RecordedEvent[]): DecodedEvent[] {
  return recorded.flatMap((event) => {
    const result = decodeRecorded(event);
    return result.ok ? [result.event] : [];
  });
}

function bilingual(text: { en?: string; es?: string }): { en: string; es: string } {
  return { en: text.en ?? text.es ?? '', es: text.es ?? text.en ?? '' };
}

/**
 * Builds the ICS 214 of one side from the record itself (the store): the incident's stream, the shutdowns declared
 * for it (and every later event of them) and the BLM notifications about it, each described by the activity log's own
 * sentences.
 */
export class Ics214Builder {
  constructor(
    private readonly store: EventStore,
    private readonly reference: ReferenceCatalog,
    private readonly people: PeopleDirectory,
  ) {}

  async build(incidentId: string, side: Side, period: Period, preparer: Actor, now: string): Promise<Ics214Form> {
    const incidentEvents = decoded(await collect(this.store.readStream(incidentStreamId(incidentId))));
    let state = incidentDecider.initialState();
    let reportedPort: string | undefined;
    for (const event of incidentEvents) {
      if (event.aggregate !== 'incident') continue;
      if (event.type === 'IncidentReported') reportedPort ??= event.data.affectedPortIds[0];
      state = incidentDecider.evolve(state, event, event.metadata.recordedAt);
    }
    if (state.status === 'none') throw noSuchIncident();

    const portEvents = await this.linkedShutdownEvents(incidentId);
    const notificationEvents = await this.linkedNotificationEvents(incidentId);
    const events = [...incidentEvents, ...portEvents, ...notificationEvents].sort((a, b) =>
      comparePositions(a.position, b.position),
    );
    const context = this.describeContext(portEvents);
    const entries = events.map((event) => ({ entry: activityEntry(event, context), role: event.metadata.role }));

    const from = period.from ?? entries[0]!.entry.at;
    const to = period.to ?? entries[entries.length - 1]!.entry.at;
    const within = (at: string) => Date.parse(at) >= Date.parse(from) && Date.parse(at) <= Date.parse(to);
    const activities = entries
      .filter(({ entry }) => entry.side === side && within(entry.at))
      .map(({ entry, role }) => this.activity(entry, role));

    const resources = new Map<string, FormPerson & { activities: number }>();
    for (const { person } of activities) {
      const known = resources.get(person.username);
      if (known) known.activities += 1;
      else resources.set(person.username, { ...person, activities: 1 });
    }

    const portId = reportedPort ?? state.affectedPortIds[0] ?? portEvents[0]?.aggregateId;
    const port = portId === undefined ? undefined : this.reference.port(portId);
    return {
      incidentId,
      incidentName: state.title,
      side,
      port: port
        ? {
            id: port.id,
            name: { en: port.name.us, es: port.name.mx },
            zone: side === 'US' ? port.timeZones.us : port.timeZones.mx,
          }
        : null,
      period: { from, to },
      lead: activities[0]?.person ?? null,
      resources: [...resources.values()],
      activities,
      preparedBy: { ...this.person(preparer.id, preparer.agency, preparer.role), at: now },
    };
  }

  private person(username: string, agency: string, role: string): FormPerson {
    return { username, name: this.people(username)?.displayName ?? username, agency, role };
  }

  private activity(entry: ActivityEntry, role: string): FormActivity {
    return {
      position: entry.position,
      at: entry.at,
      type: entry.type,
      summary: entry.summary,
      person: this.person(entry.actor, entry.agency, role),
    };
  }

  /** Every event of the shutdowns declared for the incident, from their ports' streams. */
  private async linkedShutdownEvents(incidentId: string): Promise<DecodedEvent[]> {
    const shutdowns = new Map<string, Set<string>>();
    const declarations = this.store.readAll({
      filter: { streamPrefixes: [portStreamId('')], eventTypes: ['PortShutdownDeclared'] },
    });
    for await (const recorded of declarations) {
      const result = decodeRecorded(recorded);
      if (!result.ok) continue;
      const { event } = result;
      if (event.aggregate !== 'port' || event.type !== 'PortShutdownDeclared') continue;
      if (event.data.incidentId !== incidentId || event.world.kind !== 'live') continue;
      const ids = shutdowns.get(event.aggregateId) ?? new Set<string>();
      shutdowns.set(event.aggregateId, ids.add(event.data.shutdownId));
    }
    const linked: DecodedEvent[] = [];
    for (const [portId, ids] of shutdowns) {
      for (const event of decoded(await collect(this.store.readStream(portStreamId(portId))))) {
        if (event.aggregate === 'port' && ids.has(event.data.shutdownId)) linked.push(event);
      }
    }
    return linked;
  }

  /** Every event of the BLM notifications about the incident. */
  private async linkedNotificationEvents(incidentId: string): Promise<DecodedEvent[]> {
    const notificationIds: string[] = [];
    const issued = this.store.readAll({
      filter: { streamPrefixes: [notificationStreamId('')], eventTypes: ['BlmNotificationIssued'] },
    });
    for await (const recorded of issued) {
      const result = decodeRecorded(recorded);
      if (!result.ok) continue;
      const { event } = result;
      if (event.aggregate !== 'notification' || event.type !== 'BlmNotificationIssued') continue;
      if (event.data.subject.incidentId === incidentId && event.world.kind === 'live') {
        notificationIds.push(event.aggregateId);
      }
    }
    const linked: DecodedEvent[] = [];
    for (const notificationId of notificationIds) {
      linked.push(...decoded(await collect(this.store.readStream(notificationStreamId(notificationId)))));
    }
    return linked;
  }

  /** Port names from the reference data; checklist items' texts as their shutdown recorded them. */
  private describeContext(portEvents: readonly DecodedEvent[]): DescribeContext {
    const items = new Map<string, { en: string; es: string }>();
    for (const event of portEvents) {
      if (event.aggregate !== 'port') continue;
      if (event.type === 'PortShutdownDeclared') {
        for (const item of event.data.checklist.items) {
          items.set(`${event.data.shutdownId}\n${item.id}`, bilingual(item.text));
        }
      } else if (event.type === 'ChecklistItemAdded') {
        items.set(`${event.data.shutdownId}\n${event.data.item.id}`, bilingual(event.data.item.text));
      }
    }
    return {
      port: (portId) => {
        const port = this.reference.port(String(portId));
        return port ? { en: port.name.us, es: port.name.mx } : BARE.port(portId);
      },
      item: (shutdownId, itemId) =>
        items.get(`${String(shutdownId)}\n${String(itemId)}`) ?? BARE.item(shutdownId, itemId),
    };
  }
}
