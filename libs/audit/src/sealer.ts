import { Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import type { Clock } from '@enlace/clock';
import {
  CheckpointedConsumer,
  DEFAULT_CONSUMER_TIMINGS,
  type DecodedEvent,
  type EventFeed,
  LIVE_FEED_PREFIXES,
} from '@enlace/consumers';
import { LIVE, type World, worldStreamPrefix } from '@enlace/domain';
import type { CheckpointStore, DocumentWrite, Position } from '@enlace/event-store';
import {
  appendLeaf,
  checkpointBody,
  EMPTY_FRONTIER,
  eventLeafHash,
  type Frontier,
  frontierRoot,
  type Hash,
  signNote,
  toHex,
} from '@enlace/transparency';
import { type AuditKey, worldOrigin } from './audit-key.js';
import { eventLeafFields } from './event-leaf-fields.js';
import {
  checkpointWrite,
  type LeafTile,
  leafTileKey,
  leafTileWrite,
  joinHashes,
  nodeTileKey,
  nodeTileWrite,
  type NodeTile,
  splitHashes,
  TILE_WIDTH,
  TreeStore,
} from './tree-store.js';

export const SEALER_CONSUMER = 'audit-sealer';

/** The streams a world's tree seals: every stream of the world (a drill's: its own prefix). */
export function sealedPrefixes(world: World): readonly string[] {
  return world.kind === 'live' ? LIVE_FEED_PREFIXES : [worldStreamPrefix(world)];
}

export interface SealerOptions {
  world?: World;
  /** Cut a signed checkpoint this long after the last one when the tree grew… */
  checkpointMs: number;
  /** …or as soon as it grew by this many leaves. */
  checkpointEvents: number;
  leaseMs?: number;
}

interface SealerState {
  frontier: Frontier;
  lastPosition?: Position;
  lastCheckpoint?: { size: number; atMs: number };
}

/** The rightmost tile of one level, being filled. */
interface OpenTile {
  tile: number;
  hashes: Hash[];
  /** Level 0 only: the positions of its leaves' events. */
  positions: Position[];
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
  private readonly logger: Logger;
  private readonly consumer: CheckpointedConsumer;
  private state: SealerState = { frontier: EMPTY_FRONTIER };
  private readonly open = new Map<number, OpenTile>();
  private readonly dirty = new Set<number>();
  /** Full tiles not written yet (a full tile is final). */
  private finished: DocumentWrite[] = [];
  private pendingCheckpoint: DocumentWrite | undefined;
  private loaded: Promise<void> | undefined;

  constructor(
    feed: EventFeed,
    private readonly documents: CheckpointStore,
    private readonly key: AuditKey,
    private readonly clock: Clock,
    private readonly options: SealerOptions,
  ) {
    this.world = options.world ?? LIVE;
    this.tree = new TreeStore(documents, this.world);
    this.logger = new Logger(`Sealer ${this.world.kind === 'live' ? 'live' : this.world.drillId}`);
    this.consumer = new CheckpointedConsumer(
      feed,
      documents,
      {
        name: SEALER_CONSUMER,
        world: this.world,
        prefixes: sealedPrefixes(this.world),
        ownership: 'owner-only',
        handle: (event) => this.seal(event),
        checkpointState: () => this.checkpointState(),
        restore: (state) => this.restore(state as SealerState | undefined),
        pendingWrites: () => this.pendingWrites(),
      },
      {
        ...DEFAULT_CONSUMER_TIMINGS,
        ...(options.leaseMs
          ? { leaseMs: options.leaseMs, renewMs: Math.max(250, Math.floor(options.leaseMs / 3)) }
          : {}),
        // Saves (tiles and, when due, a checkpoint) at least every so many events, and each second otherwise.
        saveEveryEvents: options.checkpointEvents,
        saveEveryMs: 1_000,
      },
    );
  }

  /** How many leaves the tree has now (in this process, if it owns the sealer). */
  get size(): number {
    return this.state.frontier.size;
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

  private restore(state: SealerState | undefined): void {
    this.state = state ?? { frontier: EMPTY_FRONTIER };
    this.open.clear();
    this.dirty.clear();
    this.finished = [];
    this.pendingCheckpoint = undefined;
    this.loaded = undefined;
  }

  /** After a restore: the open tile of every level, read back (they were written with the checkpoint restored). */
  private load(): Promise<void> {
    this.loaded ??= (async () => {
      const size = this.state.frontier.size;
      for (let level = 0; size >> level > 0; level += 1) {
        const count = Math.floor(size / 2 ** level);
        if (count % TILE_WIDTH === 0) continue;
        const tile = Math.floor(count / TILE_WIDTH);
        if (level === 0) {
          const stored = (await this.documents.document(this.tree.collections.leaves, leafTileKey(tile)))?.doc as
            LeafTile | undefined;
          if (!stored) throw new Error(`The audit tree's leaf tile ${tile} is missing: the sealer cannot go on`);
          this.open.set(0, { tile, hashes: splitHashes(stored.hashes), positions: [...stored.positions] });
        } else {
          const stored = (await this.documents.document(this.tree.collections.nodes, nodeTileKey(level, tile)))?.doc as
            NodeTile | undefined;
          if (!stored) throw new Error(`The audit tree's tile ${level}/${tile} is missing: the sealer cannot go on`);
          this.open.set(level, { tile, hashes: splitHashes(stored.hashes), positions: [] });
        }
      }
    })();
    return this.loaded;
  }

  private async seal(event: DecodedEvent): Promise<void> {
    await this.load();
    if (this.state.lastPosition !== undefined && event.position <= this.state.lastPosition) return;
    const leaf = eventLeafHash(
      eventLeafFields({
        streamId: event.streamId,
        revision: event.revision,
        id: event.id,
        type: event.storedType,
        data: event.storedData,
        metadata: event.metadata,
        hash: event.hash,
      }),
    );
    const { frontier, completed } = appendLeaf(this.state.frontier, leaf);
    for (const node of completed) {
      const tile = Math.floor(node.index / TILE_WIDTH);
      let open = this.open.get(node.level);
      if (!open || open.tile !== tile) {
        open = { tile, hashes: [], positions: [] };
        this.open.set(node.level, open);
      }
      open.hashes.push(node.hash);
      if (node.level === 0) open.positions.push(event.position);
      if (open.hashes.length === TILE_WIDTH) {
        this.finished.push(this.tileWrite(node.level, open));
        this.dirty.delete(node.level);
      } else {
        this.dirty.add(node.level);
      }
    }
    this.state = { ...this.state, frontier, lastPosition: event.position };
  }

  /** Called between two events at every save: cuts a signed checkpoint when one is due. */
  private checkpointState(): SealerState {
    const { frontier, lastCheckpoint } = this.state;
    const nowMs = this.clock.nowMs();
    const grown = frontier.size - (lastCheckpoint?.size ?? 0);
    const due =
      grown > 0 &&
      (lastCheckpoint === undefined ||
        grown >= this.options.checkpointEvents ||
        nowMs - lastCheckpoint.atMs >= this.options.checkpointMs);
    if (due) {
      const at = new Date(nowMs).toISOString();
      const root = frontierRoot(frontier);
      const note = signNote(
        checkpointBody({
          origin: worldOrigin(this.key.origin, this.world),
          size: frontier.size,
          root,
          extensions: [`time ${at}`],
        }),
        [this.key.signer],
      );
      this.pendingCheckpoint = checkpointWrite(this.world, {
        size: frontier.size,
        root: toHex(root),
        at,
        note,
        ...(this.state.lastPosition ? { lastPosition: this.state.lastPosition } : {}),
      });
      this.state = { ...this.state, lastCheckpoint: { size: frontier.size, atMs: nowMs } };
    }
    return this.state;
  }

  private pendingWrites(): DocumentWrite[] {
    const writes = this.finished;
    this.finished = [];
    for (const level of this.dirty) writes.push(this.tileWrite(level, this.open.get(level)!));
    this.dirty.clear();
    if (this.pendingCheckpoint) writes.push(this.pendingCheckpoint);
    this.pendingCheckpoint = undefined;
    return writes;
  }

  private tileWrite(level: number, open: OpenTile): DocumentWrite {
    const hashes = joinHashes(open.hashes);
    return level === 0
      ? leafTileWrite(this.world, { tile: open.tile, hashes, positions: [...open.positions] })
      : nodeTileWrite(this.world, { level, tile: open.tile, hashes });
  }
}
