import { describeWorld, type World } from '@enlace/domain';
import type { CheckpointStore, DocumentWrite, Position } from '@enlace/event-store';
import { type Hash, HASH_SIZE, type HashReader } from '@enlace/transparency';

/**
 * The sealed tree of one world, kept as tiles in the store's documents (as C2SP tlog-tiles serve a log): each level's
 * hashes in tiles of TILE_WIDTH. Level 0 holds the leaves with the positions of their events; level k the roots of the
 * aligned complete subtrees of 2^k leaves. A proof reads a few tiles; nothing grows with the log but the tiles.
 */
export const TILE_WIDTH = 256;

export function auditCollections(world: World) {
  const key = describeWorld(world);
  return {
    leaves: `audit-leaves@${key}`,
    nodes: `audit-nodes@${key}`,
    checkpoints: `audit-checkpoints@${key}`,
    cosignatures: `audit-cosignatures@${key}`,
  } as const;
}

/** A tile of leaves: their hashes (base64 of 32-byte hashes end to end) and their events' positions. */
export interface LeafTile {
  tile: number;
  hashes: string;
  positions: Position[];
}

export interface NodeTile {
  level: number;
  tile: number;
  hashes: string;
}

/** A signed checkpoint of a world's tree (C2SP tlog-checkpoint note), with what it covers. */
export interface StoredCheckpoint {
  size: number;
  /** Root hash, hex. */
  root: string;
  /** When it was cut (ISO-8601, also signed in the note). */
  at: string;
  /** The signed note, with the witnesses' cosignatures added since. */
  note: string;
  /** The position of its last leaf's event (absent for an empty tree). */
  lastPosition?: Position;
}

const pad = (value: number, width: number) => String(value).padStart(width, '0');
export const leafTileKey = (tile: number) => pad(tile, 12);
export const nodeTileKey = (level: number, tile: number) => `${pad(level, 2)}:${pad(tile, 12)}`;
export const checkpointKey = (size: number) => pad(size, 16);

export function leafTileWrite(world: World, tile: LeafTile): DocumentWrite {
  return {
    collection: auditCollections(world).leaves,
    key: leafTileKey(tile.tile),
    // Ordered by their first event's position: the tile holding a position is the last one starting at or before it.
    sort: tile.positions[0]!,
    doc: tile,
  };
}

export function nodeTileWrite(world: World, tile: NodeTile): DocumentWrite {
  const key = nodeTileKey(tile.level, tile.tile);
  return { collection: auditCollections(world).nodes, key, sort: key, doc: tile };
}

export function checkpointWrite(world: World, checkpoint: StoredCheckpoint): DocumentWrite {
  const key = checkpointKey(checkpoint.size);
  return { collection: auditCollections(world).checkpoints, key, sort: key, doc: checkpoint };
}

/** A witness's cosignature line of the checkpoint of `size` (kept apart: the sealer's note is never rewritten). */
export function cosignatureWrite(world: World, size: number, keyId: string, line: string): DocumentWrite {
  const key = `${checkpointKey(size)}:${keyId}`;
  return {
    collection: auditCollections(world).cosignatures,
    key,
    group: checkpointKey(size),
    sort: key,
    doc: { size, line },
  };
}

/** The `index`-th hash of a tile's hashes (undefined past its end). */
export function hashInTile(hashes: string, index: number): Hash | undefined {
  const bytes = Buffer.from(hashes, 'base64');
  if ((index + 1) * HASH_SIZE > bytes.length) return undefined;
  return new Uint8Array(bytes.subarray(index * HASH_SIZE, (index + 1) * HASH_SIZE));
}

export function joinHashes(hashes: readonly Hash[]): string {
  return Buffer.concat(hashes.map((hash) => Buffer.from(hash))).toString('base64');
}

export function splitHashes(hashes: string): Hash[] {
  const bytes = Buffer.from(hashes, 'base64');
  const out: Hash[] = [];
  for (let at = 0; at + HASH_SIZE <= bytes.length; at += HASH_SIZE) {
    out.push(new Uint8Array(bytes.subarray(at, at + HASH_SIZE)));
  }
  return out;
}

export class MissingTileError extends Error {
  constructor(readonly what: string) {
    super(`The audit tree has no ${what}: not sealed yet, or removed`);
    this.name = 'MissingTileError';
  }
}

/** Reads one world's sealed tree and its checkpoints. */
export class TreeStore {
  readonly collections: ReturnType<typeof auditCollections>;

  constructor(
    private readonly documents: CheckpointStore,
    readonly world: World,
  ) {
    this.collections = auditCollections(world);
  }

  /** A reader of the tree's hashes for one computation (a proof): each tile is read once. */
  reader(): HashReader {
    const tiles = new Map<string, Promise<string | undefined>>();
    const tileHashes = (collection: string, key: string) => {
      let read = tiles.get(`${collection}|${key}`);
      if (!read) {
        read = this.documents
          .document(collection, key)
          .then((stored) => (stored?.doc as { hashes?: string } | undefined)?.hashes);
        tiles.set(`${collection}|${key}`, read);
      }
      return read;
    };
    return async (level, index) => {
      const tile = Math.floor(index / TILE_WIDTH);
      const hashes =
        level === 0
          ? await tileHashes(this.collections.leaves, leafTileKey(tile))
          : await tileHashes(this.collections.nodes, nodeTileKey(level, tile));
      const hash = hashes === undefined ? undefined : hashInTile(hashes, index % TILE_WIDTH);
      if (!hash) throw new MissingTileError(`hash at level ${level}, index ${index}`);
      return hash;
    };
  }

  /** The leaf of the event at `position`: its index and hash (undefined when no sealed leaf is that event). */
  async leafAt(position: Position): Promise<{ index: number; hash: Hash } | undefined> {
    // '~' sorts after every digit and ':': the last tile starting at or before `position`.
    const [stored] = await this.documents.documents(this.collections.leaves, {
      order: 'desc',
      after: `${position}~`,
      limit: 1,
    });
    const tile = stored?.doc as LeafTile | undefined;
    if (!tile) return undefined;
    const offset = tile.positions.indexOf(position);
    if (offset < 0) return undefined;
    const hash = hashInTile(tile.hashes, offset);
    return hash && { index: tile.tile * TILE_WIDTH + offset, hash };
  }

  /** The leaf tiles in order from `fromTile`, one read each, up to the first one missing. */
  async *leafTiles(fromTile = 0): AsyncGenerator<LeafTile> {
    for (let tile = fromTile; ; tile += 1) {
      const stored = await this.documents.document(this.collections.leaves, leafTileKey(tile));
      if (!stored) return;
      yield stored.doc as LeafTile;
    }
  }

  /** The newest checkpoint, its note with the witnesses' cosignatures. */
  async latestCheckpoint(): Promise<StoredCheckpoint | undefined> {
    const [latest] = await this.documents.documents(this.collections.checkpoints, { order: 'desc', limit: 1 });
    return latest && this.withCosignatures(latest.doc as StoredCheckpoint);
  }

  async checkpoint(size: number): Promise<StoredCheckpoint | undefined> {
    const stored = await this.documents.document(this.collections.checkpoints, checkpointKey(size));
    return stored && this.withCosignatures(stored.doc as StoredCheckpoint);
  }

  private async withCosignatures(checkpoint: StoredCheckpoint): Promise<StoredCheckpoint> {
    const lines = await this.documents.documents(this.collections.cosignatures, {
      group: checkpointKey(checkpoint.size),
      limit: 100,
    });
    if (lines.length === 0) return checkpoint;
    return {
      ...checkpoint,
      note: checkpoint.note + lines.map((line) => `${(line.doc as { line: string }).line}\n`).join(''),
    };
  }

  /** Checkpoints in size order after `afterSize` (a page). */
  async checkpoints(query: { afterSize?: number; limit: number; order?: 'asc' | 'desc' }): Promise<StoredCheckpoint[]> {
    const stored = await this.documents.documents(this.collections.checkpoints, {
      order: query.order ?? 'asc',
      limit: query.limit,
      ...(query.afterSize === undefined ? {} : { after: checkpointKey(query.afterSize) }),
    });
    return stored.map((document) => document.doc as StoredCheckpoint);
  }
}
