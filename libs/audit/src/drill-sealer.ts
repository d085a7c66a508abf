import type { OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import type { Clock } from '@enlace/clock';
import { CheckpointedConsumer, type DecodedEvent, EventFeed, EVERY_DRILL } from '@enlace/consumers';
import { drillWorld, EXERCISE_STREAM_PREFIX } from '@enlace/domain';
import type { CheckpointStore, DocumentWrite, EventStore, Position } from '@enlace/event-store';
import type { AuditKey } from './audit-key.js';
import { SEALER_CONSUMER, type SealerOptions, sealerTimings } from './sealer.js';
import { EMPTY_TREE, type TreeState, TreeWriter } from './tree-writer.js';

/** Each drill world's tree state, one document per drill, committed with the drill sealer's checkpoint. */
export const DRILL_TREES_COLLECTION = 'audit-trees@every drill';
const POLL_MS = 1_000;
/** A drill's tree leaves memory after this many saves without an event, once every leaf is in a checkpoint. */
const IDLE_SAVES = 3;

const treeKey = (drillId: string) => `drill ${drillId}`;

/**
 * The sealer of every drill's own tree: drill worlds are sealed apart from the live world (a drill's record never
 * mixes with the real one, and each drill's log verifies on its own), by one consumer over the drills' streams, one
 * owner at a time. Each drill's tree state is a document of its own, read when one of its events comes and dropped
 * from memory once idle and checkpointed: memory grows with the drills in play, not with every drill ever held.
 */
export class DrillSealer implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly feed: EventFeed;
  private readonly consumer: CheckpointedConsumer;
  /** Per drill in memory: its writer, saves since its last event, and the batch of writes its last ones went in. */
  private readonly writers = new Map<string, { writer: TreeWriter; idle: number; batch: number }>();
  private readonly touched = new Set<string>();
  /** Batches of writes handed to the consumer, and the last one known saved. */
  private batch = 0;
  private savedBatch = 0;

  constructor(
    store: EventStore,
    private readonly documents: CheckpointStore,
    private readonly key: AuditKey,
    private readonly clock: Clock,
    private readonly options: SealerOptions,
  ) {
    // Polled each second, as the directory of drills is: drills' facts are few beside the live traffic.
    this.feed = new EventFeed(store, { prefixes: [EXERCISE_STREAM_PREFIX], pollOnlyMs: POLL_MS });
    this.consumer = new CheckpointedConsumer(
      this.feed,
      documents,
      {
        name: SEALER_CONSUMER,
        world: EVERY_DRILL,
        prefixes: [EXERCISE_STREAM_PREFIX],
        ownership: 'owner-only',
        handle: (event) => this.seal(event),
        checkpointState: () => this.checkpointState(),
        restore: () => {
          this.writers.clear();
          this.touched.clear();
        },
        pendingWrites: () => this.pendingWrites(),
        onSaved: () => {
          // A save carries every batch handed out before it (a failed one's writes are sent again with it).
          this.savedBatch = this.batch;
        },
      },
      sealerTimings(options),
    );
  }

  /** The drills whose trees are in memory now. */
  get resident(): number {
    return this.writers.size;
  }

  onApplicationBootstrap(): void {
    void this.consumer.start();
  }

  async onApplicationShutdown(): Promise<void> {
    await this.consumer.stop();
    await this.feed.stop();
  }

  async reached(position: Position): Promise<void> {
    await this.consumer.reached(position);
  }

  private async seal(event: DecodedEvent): Promise<void> {
    if (event.world.kind !== 'drill') return;
    const { drillId } = event.world;
    let entry = this.writers.get(drillId);
    if (!entry) {
      const stored = await this.documents.document(DRILL_TREES_COLLECTION, treeKey(drillId));
      const state = (stored?.doc as TreeState | undefined) ?? EMPTY_TREE;
      entry = { writer: new TreeWriter(drillWorld(drillId), state, this.documents), idle: 0, batch: 0 };
      this.writers.set(drillId, entry);
    }
    entry.idle = 0;
    await entry.writer.seal(event);
    this.touched.add(drillId);
  }

  /** At every save: cuts the checkpoints due, and forgets drills idle, checkpointed and saved. */
  private checkpointState(): { drills: number } {
    const nowMs = this.clock.nowMs();
    for (const [drillId, entry] of this.writers) {
      if (entry.writer.checkpointIfDue(this.key, this.options, nowMs)) this.touched.add(drillId);
      entry.idle += 1;
      const saved = entry.batch <= this.savedBatch;
      if (entry.idle > IDLE_SAVES && saved && entry.writer.settled && !this.touched.has(drillId)) {
        this.writers.delete(drillId);
      }
    }
    return { drills: this.writers.size };
  }

  private pendingWrites(): DocumentWrite[] {
    const writes: DocumentWrite[] = [];
    if (this.touched.size > 0) this.batch += 1;
    for (const drillId of this.touched) {
      const entry = this.writers.get(drillId)!;
      entry.batch = this.batch;
      const { writer } = entry;
      writes.push(...writer.writes(), {
        collection: DRILL_TREES_COLLECTION,
        key: treeKey(drillId),
        sort: treeKey(drillId),
        doc: writer.current,
      });
    }
    this.touched.clear();
    return writes;
  }
}
