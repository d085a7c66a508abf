import { Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import {
  CheckpointedConsumer,
  type DecodedEvent,
  DEFAULT_CONSUMER_TIMINGS,
  decodeOrThrow,
  EventFeed,
  EVERY_DRILL,
} from '@enlace/consumers';
import {
  type DrillState,
  drillStreamId,
  evolveDrill,
  EXERCISE_STREAM_PREFIX,
  initialDrillState,
  type PlannedDrill,
  streamInWorld,
  drillWorld,
} from '@enlace/domain';
import type { DocumentWrite, EventStore, StoredDocument } from '@enlace/event-store';
import type { DrillSummary } from './read-model.types.js';

export const DRILLS_COLLECTION = 'drills';
const DIRECTORY_POLL_MS = 1_000;

export type { DrillSummary } from './read-model.types.js';

function summaryOf(state: PlannedDrill, plannedAt: string, revision: number): DrillSummary {
  const { plan } = state;
  return {
    drillId: state.drillId,
    kind: plan.kind,
    title: plan.title,
    scenarioId: plan.kind === 'scenario' ? plan.scenario.id : null,
    status: state.status,
    plannedAt,
    plannedBy: state.plannedBy,
    startsAt: plan.startsAt,
    timeZone: plan.timeZone,
    participants: plan.participants.map((participant) => participant.username),
    injectsReleased: Object.keys(state.released).length,
    injects: plan.kind === 'scenario' ? plan.scenario.injects.length : 0,
    endedAt: state.endedAt ?? null,
    revision,
  };
}

interface Tracked {
  state: DrillState;
  plannedAt: string;
}

/**
 * The directory of drills: one document per drill (newest planned first, by status), written by one process with its
 * checkpoint. It follows every drill's own stream and nothing else of any world: the one consumer that is not bound to
 * a single world, because its subject is the worlds themselves; no live output reads it. Drills not ended are kept in
 * memory (open work); a fact about one that left (an observation after its end) folds its stream again.
 */
export class DrillDirectory implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('DrillDirectory');
  private readonly feed: EventFeed;
  private readonly consumer: CheckpointedConsumer;
  private readonly drills = new Map<string, Tracked>();
  private writes = new Map<string, DocumentWrite>();

  constructor(private readonly store: EventStore) {
    // Polled each second rather than woken by every append: drills' facts are rare, the live traffic is not.
    this.feed = new EventFeed(store, { prefixes: [EXERCISE_STREAM_PREFIX], pollOnlyMs: DIRECTORY_POLL_MS });
    this.consumer = new CheckpointedConsumer(
      this.feed,
      store.checkpoints,
      {
        name: 'drill-directory',
        world: EVERY_DRILL,
        prefixes: [EXERCISE_STREAM_PREFIX],
        ownership: 'owner-only',
        handle: (event) => this.handle(event),
        checkpointState: () => Object.fromEntries(this.drills),
        restore: (state) => {
          this.drills.clear();
          for (const [id, tracked] of Object.entries((state ?? {}) as Record<string, Tracked>)) {
            this.drills.set(id, tracked);
          }
        },
        pendingWrites: () => {
          const writes = [...this.writes.values()];
          this.writes = new Map();
          return writes;
        },
        onSaved: () => {
          for (const [id, tracked] of this.drills) if (tracked.state.status === 'ended') this.drills.delete(id);
        },
      },
      // Drills' facts are few and a planner looks for the drill just planned: each one is saved at once.
      { ...DEFAULT_CONSUMER_TIMINGS, saveEveryEvents: 1, saveEveryMs: 250 },
    );
  }

  onApplicationBootstrap(): void {
    void this.consumer.start();
  }

  async onApplicationShutdown(): Promise<void> {
    await this.consumer.stop();
    await this.feed.stop();
  }

  /** A page of drills, newest planned first; `status` narrows it. */
  async list(query: { status?: string; limit: number; after?: string }): Promise<StoredDocument<DrillSummary>[]> {
    return (await this.store.checkpoints.documents(DRILLS_COLLECTION, {
      ...query,
      order: 'desc',
    })) as StoredDocument<DrillSummary>[];
  }

  private async handle(event: DecodedEvent): Promise<void> {
    if (event.aggregate !== 'drill' || event.world.kind !== 'drill') return;
    const drillId = event.world.drillId;
    const tracked = this.drills.get(drillId) ?? (await this.refold(drillId, event.revision - 1));
    const state = evolveDrill(tracked.state, event);
    if (state.status === 'none') return;
    const plannedAt = event.type === 'DrillPlanned' ? (event.metadata.recordedAt ?? '') : tracked.plannedAt;
    this.drills.set(drillId, { state, plannedAt });
    this.writes.set(drillId, {
      collection: DRILLS_COLLECTION,
      key: drillId,
      status: state.status,
      sort: `${plannedAt}|${drillId}`,
      doc: summaryOf(state, plannedAt, event.revision),
    });
  }

  /** A drill that left memory (it had ended), folded from its stream up to `revision`. */
  private async refold(drillId: string, revision: number): Promise<Tracked> {
    let tracked: Tracked = { state: initialDrillState(), plannedAt: '' };
    if (revision < 0) return tracked;
    const streamId = streamInWorld(drillWorld(drillId), drillStreamId(drillId));
    for await (const recorded of this.store.readStream(streamId, { maxCount: revision + 1 })) {
      const event = decodeOrThrow(recorded);
      if (event.aggregate !== 'drill') continue;
      tracked = {
        state: evolveDrill(tracked.state, event),
        plannedAt: event.type === 'DrillPlanned' ? (event.metadata.recordedAt ?? '') : tracked.plannedAt,
      };
    }
    this.logger.debug(`Folded drill ${drillId} again (${revision + 1} events)`);
    return tracked;
  }
}
