import type { DecodedEvent } from '@enlace/consumers';
import type { World } from '@enlace/domain';
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
  auditCollections,
  checkpointWrite,
  joinHashes,
  type LeafTile,
  leafTileKey,
  leafTileWrite,
  nodeTileKey,
  nodeTileWrite,
  type NodeTile,
  splitHashes,
  TILE_WIDTH,
} from './tree-store.js';

/** What a tree's writer must keep to go on after a restart (the tiles it reads back). */
export interface TreeState {
  frontier: Frontier;
  lastPosition?: Position;
  lastCheckpoint?: { size: number; atMs: number };
}

export const EMPTY_TREE: TreeState = { frontier: EMPTY_FRONTIER };

export interface CheckpointPolicy {
  /** Cut a signed checkpoint this long after the last one when the tree grew… */
  checkpointMs: number;
  /** …or as soon as it grew by this many leaves. */
  checkpointEvents: number;
}

/** The rightmost tile of one level, being filled. */
interface OpenTile {
  tile: number;
  hashes: Hash[];
  /** Level 0 only: the positions of its leaves' events. */
  positions: Position[];
}

/**
 * One world's tree as its single writer grows it: each event is the next leaf; the aligned nodes it completes go into
 * the open tile of their level; full tiles, changed open tiles and due checkpoints come out as document writes, to be
 * committed with the writer's own progress. Memory is the frontier and one open tile per level.
 */
export class TreeWriter {
  private readonly open = new Map<number, OpenTile>();
  private readonly dirty = new Set<number>();
  /** Full tiles not written yet (a full tile is final). */
  private finished: DocumentWrite[] = [];
  private pendingCheckpoint: DocumentWrite | undefined;
  private loaded: Promise<void> | undefined;

  constructor(
    readonly world: World,
    private state: TreeState,
    private readonly documents: CheckpointStore,
  ) {}

  get current(): TreeState {
    return this.state;
  }

  get size(): number {
    return this.state.frontier.size;
  }

  /** Every leaf is in a signed checkpoint (nothing would be lost from memory by forgetting this writer). */
  get settled(): boolean {
    return this.size === (this.state.lastCheckpoint?.size ?? 0) && this.dirty.size === 0 && this.finished.length === 0;
  }

  async seal(event: DecodedEvent): Promise<void> {
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

  /** Cuts a signed checkpoint when one is due (kept for `writes`); answers the state to save with it. */
  checkpointIfDue(key: AuditKey, policy: CheckpointPolicy, nowMs: number): TreeState {
    const { frontier, lastCheckpoint } = this.state;
    const grown = frontier.size - (lastCheckpoint?.size ?? 0);
    const due =
      grown > 0 &&
      (lastCheckpoint === undefined ||
        grown >= policy.checkpointEvents ||
        nowMs - lastCheckpoint.atMs >= policy.checkpointMs);
    if (!due) return this.state;
    const at = new Date(nowMs).toISOString();
    const root = frontierRoot(frontier);
    const note = signNote(
      checkpointBody({
        origin: worldOrigin(key.origin, this.world),
        size: frontier.size,
        root,
        extensions: [`time ${at}`],
      }),
      [key.signer],
    );
    this.pendingCheckpoint = checkpointWrite(this.world, {
      size: frontier.size,
      root: toHex(root),
      at,
      note,
      ...(this.state.lastPosition ? { lastPosition: this.state.lastPosition } : {}),
    });
    this.state = { ...this.state, lastCheckpoint: { size: frontier.size, atMs: nowMs } };
    return this.state;
  }

  /** The tiles changed since the last call, and the checkpoint cut, if any. */
  writes(): DocumentWrite[] {
    const writes = this.finished;
    this.finished = [];
    for (const level of this.dirty) writes.push(this.tileWrite(level, this.open.get(level)!));
    this.dirty.clear();
    if (this.pendingCheckpoint) writes.push(this.pendingCheckpoint);
    this.pendingCheckpoint = undefined;
    return writes;
  }

  /** The open tile of every level, read back (they were written with the state this writer started from). */
  private load(): Promise<void> {
    this.loaded ??= (async () => {
      const size = this.state.frontier.size;
      const collections = auditCollections(this.world);
      for (let level = 0; size >> level > 0; level += 1) {
        const count = Math.floor(size / 2 ** level);
        if (count % TILE_WIDTH === 0) continue;
        const tile = Math.floor(count / TILE_WIDTH);
        if (level === 0) {
          const stored = (await this.documents.document(collections.leaves, leafTileKey(tile)))?.doc as
            LeafTile | undefined;
          if (!stored) throw new Error(`The audit tree's leaf tile ${tile} is missing: the sealer cannot go on`);
          this.open.set(0, { tile, hashes: splitHashes(stored.hashes), positions: [...stored.positions] });
        } else {
          const stored = (await this.documents.document(collections.nodes, nodeTileKey(level, tile)))?.doc as
            NodeTile | undefined;
          if (!stored) throw new Error(`The audit tree's tile ${level}/${tile} is missing: the sealer cannot go on`);
          this.open.set(level, { tile, hashes: splitHashes(stored.hashes), positions: [] });
        }
      }
    })();
    return this.loaded;
  }

  private tileWrite(level: number, open: OpenTile): DocumentWrite {
    const hashes = joinHashes(open.hashes);
    return level === 0
      ? leafTileWrite(this.world, { tile: open.tile, hashes, positions: [...open.positions] })
      : nodeTileWrite(this.world, { level, tile: open.tile, hashes });
  }
}
