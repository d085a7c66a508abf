import type { DecodedEvent } from '@enlace/consumers';
import type { World } from '@enlace/domain';
import type { CheckpointStore, DocumentWrite, Position } from '@enlace/event-store';
import {
  checkpointBody,
  EMPTY_FRONTIER,
  eventLeafHash,
  type Frontier,
  fromHex,
  frontierRoot,
  type Hash,
  nodeHash,
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
  /** The frontier as bytes (one hash per complete subtree, largest first): hex only when saved. */
  private leaves: number;
  private readonly nodes: Hash[];
  private lastPosition: Position | undefined;
  private lastCheckpoint: { size: number; atMs: number } | undefined;

  constructor(
    readonly world: World,
    state: TreeState,
    private readonly documents: CheckpointStore,
  ) {
    this.leaves = state.frontier.size;
    this.nodes = state.frontier.nodes.map(fromHex);
    this.lastPosition = state.lastPosition;
    this.lastCheckpoint = state.lastCheckpoint;
  }

  /** What to save to go on from here. */
  get current(): TreeState {
    return {
      frontier: { size: this.leaves, nodes: this.nodes.map(toHex) },
      ...(this.lastPosition ? { lastPosition: this.lastPosition } : {}),
      ...(this.lastCheckpoint ? { lastCheckpoint: this.lastCheckpoint } : {}),
    };
  }

  get size(): number {
    return this.leaves;
  }

  /** Every leaf is in a signed checkpoint (nothing would be lost from memory by forgetting this writer). */
  get settled(): boolean {
    return this.size === (this.lastCheckpoint?.size ?? 0) && this.dirty.size === 0 && this.finished.length === 0;
  }

  async seal(event: DecodedEvent): Promise<void> {
    await this.load();
    if (this.lastPosition !== undefined && event.position <= this.lastPosition) return;
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
    // RFC 9162's tree grown by one leaf: each 1 bit of the size, from the lowest, is a complete subtree waiting for
    // its right sibling; merging them completes one aligned node per level, each going into its level's tile.
    let node = leaf;
    let level = 0;
    let index = this.leaves;
    this.place(0, index, node, event.position);
    for (let rest = this.leaves; rest % 2 === 1; rest = (rest - 1) / 2) {
      node = nodeHash(this.nodes.pop()!, node);
      level += 1;
      index = (index - 1) / 2;
      this.place(level, index, node);
    }
    this.nodes.push(node);
    this.leaves += 1;
    this.lastPosition = event.position;
  }

  /** Cuts a signed checkpoint when one is due (kept for `writes`); answers whether it did. */
  checkpointIfDue(key: AuditKey, policy: CheckpointPolicy, nowMs: number): boolean {
    const grown = this.leaves - (this.lastCheckpoint?.size ?? 0);
    const due =
      grown > 0 &&
      (this.lastCheckpoint === undefined ||
        grown >= policy.checkpointEvents ||
        nowMs - this.lastCheckpoint.atMs >= policy.checkpointMs);
    if (!due) return false;
    const at = new Date(nowMs).toISOString();
    const root = frontierRoot({ size: this.leaves, nodes: this.nodes.map(toHex) });
    const note = signNote(
      checkpointBody({
        origin: worldOrigin(key.origin, this.world),
        size: this.leaves,
        root,
        extensions: [`time ${at}`],
      }),
      [key.signer],
    );
    this.pendingCheckpoint = checkpointWrite(this.world, {
      size: this.leaves,
      root: toHex(root),
      at,
      note,
      ...(this.lastPosition ? { lastPosition: this.lastPosition } : {}),
    });
    this.lastCheckpoint = { size: this.leaves, atMs: nowMs };
    return true;
  }

  /** An aligned node completed: into its level's open tile (a full tile is written once, as final). */
  private place(level: number, index: number, hash: Hash, position?: Position): void {
    const tile = Math.floor(index / TILE_WIDTH);
    let open = this.open.get(level);
    if (!open || open.tile !== tile) {
      open = { tile, hashes: [], positions: [] };
      this.open.set(level, open);
    }
    open.hashes.push(hash);
    if (position !== undefined) open.positions.push(position);
    if (open.hashes.length === TILE_WIDTH) {
      this.finished.push(this.tileWrite(level, open));
      this.dirty.delete(level);
    } else {
      this.dirty.add(level);
    }
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
      const size = this.leaves;
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
