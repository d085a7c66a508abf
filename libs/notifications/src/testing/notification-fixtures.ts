import { type CommandPipeline } from '@enlace/application';
import { type Actor, LIVE, notificationDecider, notificationStreamId, streamInWorld, type World } from '@enlace/domain';
import { collect, type EventStore, type RecordedEvent } from '@enlace/event-store';
import { randomUUID } from 'node:crypto';

export const US_OFFICER: Actor = { id: 'officer.us', agency: 'CBP', country: 'US', role: 'officer' };

/** The members of every BLM in config/reference/blm-members.json ("default"), as officers who may acknowledge. */
export const MEMBER_OFFICERS: Actor[] = [
  US_OFFICER,
  { id: 'officer.dos', agency: 'DOS', country: 'US', role: 'officer' },
  { id: 'officer.local', agency: 'LOCAL-US', country: 'US', role: 'officer' },
  { id: 'officer.mx', agency: 'ANAM', country: 'MX', role: 'officer' },
  { id: 'officer.sre', agency: 'SRE', country: 'MX', role: 'officer' },
  { id: 'officer.pc', agency: 'PC', country: 'MX', role: 'officer' },
];

/**
 * Who issues the fixtures' notifications: the county's emergency manager (LOCAL-US), reached by console only, so that
 * the members with channels (CBP, ANAM) are all addressed: the issuing agency is sent nothing and owes no
 * acknowledgment.
 */
export const ISSUING_OFFICER: Actor = MEMBER_OFFICERS.find((officer) => officer.agency === 'LOCAL-US')!;

/** Issues a BLM notification to the San Diego–Tijuana BLM, as the county's officer would through the api. */
export async function issueNotification(
  pipeline: CommandPipeline,
  options: { deadlineInMs: number; title?: string; world?: World; deadline?: string },
): Promise<string> {
  const notificationId = randomUUID();
  const title = options.title ?? `Commercial lanes closed ${notificationId.slice(0, 8)}`;
  const world = options.world ?? LIVE;
  await pipeline.execute(notificationDecider, {
    streamId: streamInWorld(world, notificationStreamId(notificationId)),
    world,
    command: {
      type: 'IssueBlmNotification',
      data: {
        notificationId,
        blmId: 'blm-sandiego-tijuana',
        subject: { portId: 'otay-mesa' },
        title: { en: title, es: `Carriles comerciales cerrados ${notificationId.slice(0, 8)}` },
        body: { en: 'Ammonia release near the cargo facility.', es: 'Fuga de amoniaco cerca de la aduana de carga.' },
        severity: 'severe',
        acknowledgmentDeadline: options.deadline ?? new Date(Date.now() + options.deadlineInMs).toISOString(),
      },
    },
    // In a drill's world only its players act: the U.S. officer of the fixtures' drills.
    actor: world === LIVE ? ISSUING_OFFICER : US_OFFICER,
    correlationId: randomUUID(),
  });
  return notificationId;
}

export async function acknowledge(pipeline: CommandPipeline, notificationId: string, actor: Actor): Promise<void> {
  await pipeline.execute(notificationDecider, {
    streamId: notificationStreamId(notificationId),
    command: { type: 'AcknowledgeBlmNotification', data: { readIn: 'es' } },
    actor,
    correlationId: randomUUID(),
  });
}

export async function eventsOf(
  store: EventStore,
  notificationId: string,
  type?: string,
  world: World = LIVE,
): Promise<RecordedEvent[]> {
  const events = await collect(store.readStream(streamInWorld(world, notificationStreamId(notificationId))));
  return type === undefined ? events : events.filter((event) => event.type === type);
}
