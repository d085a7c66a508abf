import type { OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import type { Clock } from '@enlace/clock';
import {
  CheckpointedConsumer,
  type ConsumerTimings,
  DEFAULT_CONSUMER_TIMINGS,
  type EventFeed,
  LIVE_FEED_PREFIXES,
} from '@enlace/consumers';
import { LIVE, type World, worldStreamPrefix } from '@enlace/domain';
import type { CheckpointStore, Position } from '@enlace/event-store';
import type { AuditKey } from './audit-key.js';
import { TreeStore } from './tree-store.js';
import { type CheckpointPolicy, EMPTY_TREE, type TreeState, TreeWriter } from './tree-writer.js';

export const SEALER_CONSUMER = 'audit-sealer';

/** The streams a world's tree seals: every stream of the world (a drill's: its own prefix). */
export function sealedPrefixes(world: World): readonly string[] {
  return world.kind === 'live' ? LIVE_FEED_PREFIXES : [worldStreamPrefix(world)];
}

export interface SealerOptions extends CheckpointPolicy {
  world?: World;
  leaseMs?: number;
}

/** The timings of a sealer's consumer: a save (tiles and, when due, a checkpoint) every so many events, or each second. */
export function sealerTimings(options: SealerOptions): ConsumerTimings {
  return {
    ...DEFAULT_CONSUMER_TIMINGS,
    ...(options.leaseMs ? { leaseMs: options.leaseMs, renewMs: Math.max(250, Math.floor(options.leaseMs / 3)) } : {}),
    saveEveryEvents: options.checkpointEvents,
    saveEveryMs: 1_000,
  };
}

/**
 * The single sealer of one world's Merkle log (RFC 9162): every event of the world, in the store's global order, is
 * the next leaf (contiguous leaf numbers: 0, 1, 2, …). It keeps the tree as tiles and cuts a checkpoint (tree size,
 * root hash, time) signed with the log's Ed25519 key every `checkpointMs` or `checkpointEvents`, all committed with
 * its consumer checkpoint, so the tiles, the checkpoints and the position it stands at never disagree. One owner at a
 * time (a checkpointed consumer, owner-only): two sealers never number the same leaves.
 *
 * Memory is the frontier (one hash per level) and the open tile of each level; a restart reads them back.
 */
export class Sealer implements OnApplicationBootstrap, OnApplicationShutdown {
  readonly world: World;
  readonly tree: TreeStore;
  private readonly consumer: CheckpointedConsumer;
  private writer: TreeWriter;

  constructor(
    feed: EventFeed,
    private readonly documents: CheckpointStore,
    private readonly key: AuditKey,
    private readonly clock: Clock,
    private readonly options: SealerOptions,
  ) {
    this.world = options.world ?? LIVE;
    this.tree = new TreeStore(documents, this.world);
    this.writer = new TreeWriter(this.world, EMPTY_TREE, documents);
    this.consumer = new CheckpointedConsumer(
      feed,
      documents,
      {
        name: SEALER_CONSUMER,
        world: this.world,
        prefixes: sealedPrefixes(this.world),
        ownership: 'owner-only',
        handle: (event) => this.writer.seal(event),
        checkpointState: () => {
          this.writer.checkpointIfDue(this.key, this.options, this.clock.nowMs());
          return this.writer.current;
        },
        restore: (state) => {
          this.writer = new TreeWriter(this.world, (state as TreeState | undefined) ?? EMPTY_TREE, this.documents);
        },
        pendingWrites: () => this.writer.writes(),
      },
      sealerTimings(options),
    );
  }

  /** How many leaves the tree has now (in this process, if it owns the sealer). */
  get size(): number {
    return this.writer.size;
  }

  get isOwner(): boolean {
    return this.consumer.isOwner;
  }

  onApplicationBootstrap(): void {
    void this.consumer.start();
  }

  async onApplicationShutdown(): Promise<void> {
    await this.consumer.stop();
  }

  /** Resolves once this process's sealer has sealed the event at `position` (for tests and the CLI). */
  async reached(position: Position): Promise<void> {
    await this.consumer.reached(position);
  }
}
