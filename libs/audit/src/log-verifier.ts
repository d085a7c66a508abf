import type { World } from '@enlace/domain';
import type { EventStore, Position } from '@enlace/event-store';
import { eventLeafHash, HASH_SIZE, type NoteKey, NoteError, openNote, toHex, TreeBuilder } from '@enlace/transparency';
import { worldOrigin } from './audit-key.js';
import { eventLeafFields } from './event-leaf-fields.js';
import { sealedPrefixes } from './sealer.js';
import { hashInTile, type LeafTile, type StoredCheckpoint, TILE_WIDTH, TreeStore } from './tree-store.js';

/**
 * What is wrong at the first bad place:
 * - `data-changed`: the event stored at that position is not the one sealed there (its content, type, time or link);
 * - `event-missing`: a sealed event is no longer in the store (the newest of a stream included);
 * - `event-inserted`: the store has an event the log never sealed, between sealed ones;
 * - `order-changed`: the event at that position was sealed at another place of the log;
 * - `checkpoint-forged`: a checkpoint's signature does not verify with the log's key, or its note says other than it;
 * - `checkpoint-mismatch`: the events as stored do not make the tree a signed checkpoint vouches for.
 */
export type LogProblemKind =
  'data-changed' | 'event-missing' | 'event-inserted' | 'order-changed' | 'checkpoint-forged' | 'checkpoint-mismatch';

export interface LogProblem {
  kind: LogProblemKind;
  position?: Position;
  leafIndex?: number;
  streamId?: string;
  revision?: number;
  /** The checkpoint concerned (its tree size). */
  checkpointSize?: number;
  message: { en: string; es: string };
}

export interface LogVerdict {
  ok: boolean;
  world: World;
  eventsChecked: number;
  checkpointsChecked: number;
  /** Leaves sealed (tiles) and the last signed checkpoint's size. */
  sealedLeaves: number;
  lastCheckpoint?: { size: number; root: string; at: string; signers: string[] };
  /** The first problem found (verification stops there: what follows it cannot be placed). */
  problem?: LogProblem;
}

export interface VerifyProgress {
  eventsChecked: number;
  /** Events the store holds in this world, as far as known (the sealed leaves, or more). */
  total: number;
}

const describe = (position: Position | undefined) => position ?? '?';

/**
 * Checks one world's log against its sealed tree and signed checkpoints, streaming (never the whole history in
 * memory): every event as stored now is hashed into its leaf and compared, in order, with the leaf sealed for it; the
 * tree they make is compared with every signed checkpoint's root, and every checkpoint's signature is checked with the
 * log's key. The first bad place is named with what is wrong.
 */
export async function verifyLog(
  store: EventStore,
  options: {
    world: World;
    origin: string;
    key: NoteKey;
    /** The log's retired keys (same name) and the witnesses: their signatures are checked when present. */
    witnesses?: readonly NoteKey[];
    onProgress?: (progress: VerifyProgress) => void;
  },
): Promise<LogVerdict> {
  const tree = new TreeStore(store.checkpoints, options.world);
  const verdict: LogVerdict = {
    ok: true,
    world: options.world,
    eventsChecked: 0,
    checkpointsChecked: 0,
    sealedLeaves: 0,
  };
  const fail = (problem: LogProblem): LogVerdict => ({ ...verdict, ok: false, problem });

  // Checkpoints, in size order, a page at a time; each one's signature first.
  const checkpoints = checkpointPages(tree);
  let nextCheckpoint = await following(checkpoints);
  const openCheckpoint = (checkpoint: StoredCheckpoint): LogProblem | { signers: string[] } => {
    try {
      const opened = openNote(checkpoint.note, [options.key, ...(options.witnesses ?? [])], [options.key.name]);
      const { origin, size, root } = opened.checkpoint;
      if (
        origin !== worldOrigin(options.origin, options.world) ||
        size !== checkpoint.size ||
        toHex(root) !== checkpoint.root
      ) {
        return forged(checkpoint, 'its note names another log, size or root');
      }
      return { signers: opened.signatures.map((signature) => signature.name) };
    } catch (error) {
      return forged(checkpoint, error instanceof NoteError ? error.code : String(error));
    }
  };

  // The sealed leaves, tile by tile.
  const tiles = tree.leafTiles();
  let tile = await following(tiles);
  // The tile's hashes decoded once, not once per event.
  let tileBytes = tile ? Buffer.from(tile.hashes, 'base64') : Buffer.alloc(0);
  let offset = 0;
  const sealedAt = (): { position: Position; hash: Buffer; index: number } | undefined => {
    if (!tile || offset >= tile.positions.length) return undefined;
    return {
      position: tile.positions[offset]!,
      hash: tileBytes.subarray(offset * HASH_SIZE, (offset + 1) * HASH_SIZE),
      index: tile.tile * TILE_WIDTH + offset,
    };
  };
  const advanceSealed = async () => {
    offset += 1;
    if (tile && offset >= TILE_WIDTH) {
      tile = await following(tiles);
      tileBytes = tile ? Buffer.from(tile.hashes, 'base64') : Buffer.alloc(0);
      offset = 0;
    }
  };

  // The tree the events as stored make (bytes all along: this runs once per event).
  const frontier = new TreeBuilder();
  /** A checkpoint the tree has just reached: its signature, and its root against the tree the events make. */
  const checkCheckpoint = (checkpoint: StoredCheckpoint): LogProblem | undefined => {
    const opened = openCheckpoint(checkpoint);
    if ('kind' in opened) return opened;
    if (toHex(frontier.root()) !== checkpoint.root) {
      return {
        kind: 'checkpoint-mismatch',
        checkpointSize: checkpoint.size,
        message: {
          en: `The events as stored do not make the tree of ${checkpoint.size} leaves signed at ${checkpoint.at}`,
          es: `Los eventos almacenados no forman el árbol de ${checkpoint.size} hojas firmado el ${checkpoint.at}`,
        },
      };
    }
    verdict.checkpointsChecked += 1;
    verdict.lastCheckpoint = {
      size: checkpoint.size,
      root: checkpoint.root,
      at: checkpoint.at,
      signers: opened.signers,
    };
    return undefined;
  };

  for await (const event of store.readAll({ filter: { streamPrefixes: sealedPrefixes(options.world) } })) {
    const sealed = sealedAt();
    if (!sealed) break; // not sealed yet: nothing to compare it with
    const leafHash = eventLeafHash(eventLeafFields(event));
    const here = {
      position: event.position,
      leafIndex: sealed.index,
      streamId: event.streamId,
      revision: event.revision,
    };
    if (event.position < sealed.position) {
      return fail({
        kind: 'event-inserted',
        ...here,
        message: {
          en: `${event.streamId}@${event.revision} at ${event.position} was never sealed: inserted after the fact`,
          es: `${event.streamId}@${event.revision} en ${event.position} nunca se selló: insertado después`,
        },
      });
    }
    if (event.position > sealed.position) {
      return fail({
        kind: 'event-missing',
        position: sealed.position,
        leafIndex: sealed.index,
        message: {
          en: `The event sealed at ${sealed.position} (leaf ${sealed.index}) is no longer in the store`,
          es: `El evento sellado en ${sealed.position} (hoja ${sealed.index}) ya no está en el almacén`,
        },
      });
    }
    if (!sealed.hash.equals(leafHash)) {
      const moved = tile ? findLeaf(tile, toHex(leafHash)) : undefined;
      return fail(
        moved !== undefined
          ? {
              kind: 'order-changed',
              ...here,
              message: {
                en: `${event.streamId}@${event.revision} at ${event.position} was sealed at ${moved}: the order changed`,
                es: `${event.streamId}@${event.revision} en ${event.position} se selló en ${moved}: cambió el orden`,
              },
            }
          : {
              kind: 'data-changed',
              ...here,
              message: {
                en: `${event.streamId}@${event.revision} at ${event.position} is not what was sealed there: altered`,
                es: `${event.streamId}@${event.revision} en ${event.position} no es lo que se selló ahí: alterado`,
              },
            },
      );
    }
    frontier.appendLeaf(leafHash);
    verdict.eventsChecked += 1;
    await advanceSealed();
    // The checkpoint of this size, if there is one (sizes only grow, one checkpoint each).
    while (nextCheckpoint && nextCheckpoint.size <= frontier.size) {
      if (nextCheckpoint.size === frontier.size) {
        const problem = checkCheckpoint(nextCheckpoint);
        if (problem) return fail(problem);
      }
      nextCheckpoint = await following(checkpoints);
    }
    if (verdict.eventsChecked % 1000 === 0) options.onProgress?.({ eventsChecked: verdict.eventsChecked, total: 0 });
  }
  verdict.sealedLeaves = frontier.size;
  // Sealed leaves the store no longer has (the newest events of a stream, removed).
  const left = sealedAt();
  if (left) {
    return fail({
      kind: 'event-missing',
      position: left.position,
      leafIndex: left.index,
      message: {
        en: `The event sealed at ${describe(left.position)} (leaf ${left.index}) and those after it are no longer in the store`,
        es: `El evento sellado en ${describe(left.position)} (hoja ${left.index}) y los posteriores ya no están en el almacén`,
      },
    });
  }
  // A checkpoint beyond what the store and the tiles hold: its leaves were removed, tiles and all.
  if (nextCheckpoint) {
    const checkpoint = nextCheckpoint;
    const opened = openCheckpoint(checkpoint);
    if ('kind' in opened) return fail(opened);
    return fail({
      kind: 'event-missing',
      checkpointSize: checkpoint.size,
      leafIndex: frontier.size,
      message: {
        en: `The checkpoint signed at ${checkpoint.at} vouches for ${checkpoint.size} events; the store has ${frontier.size}`,
        es: `El punto de control firmado el ${checkpoint.at} avala ${checkpoint.size} eventos; el almacén tiene ${frontier.size}`,
      },
    });
  }
  options.onProgress?.({ eventsChecked: verdict.eventsChecked, total: verdict.eventsChecked });
  // Who vouched for the last checkpoint: the log, and the witnesses whose cosignatures it carries (each verified).
  if (verdict.lastCheckpoint) {
    const served = await tree.checkpoint(verdict.lastCheckpoint.size);
    if (served && served.note !== undefined) {
      try {
        const opened = openNote(served.note, [options.key, ...(options.witnesses ?? [])], [options.key.name]);
        verdict.lastCheckpoint.signers = opened.signatures.map((signature) => signature.name);
      } catch (error) {
        return fail(forged(served, error instanceof NoteError ? error.code : String(error)));
      }
    }
  }
  return verdict;
}

function forged(checkpoint: StoredCheckpoint, why: string): LogProblem {
  return {
    kind: 'checkpoint-forged',
    checkpointSize: checkpoint.size,
    message: {
      en: `The checkpoint of ${checkpoint.size} leaves (${checkpoint.at}) is not the log's signed checkpoint: ${why}`,
      es: `El punto de control de ${checkpoint.size} hojas (${checkpoint.at}) no es el firmado por la bitácora: ${why}`,
    },
  };
}

function findLeaf(tile: LeafTile, leaf: string): Position | undefined {
  for (let index = 0; index < tile.positions.length; index += 1) {
    if (toHex(hashInTile(tile.hashes, index)!) === leaf) return tile.positions[index];
  }
  return undefined;
}

async function* checkpointPageIterator(tree: TreeStore): AsyncGenerator<StoredCheckpoint> {
  let after: number | undefined;
  for (;;) {
    const page = await tree.checkpoints({ limit: 500, ...(after === undefined ? {} : { afterSize: after }) });
    for (const checkpoint of page) yield checkpoint;
    if (page.length < 500) return;
    after = page[page.length - 1]!.size;
  }
}

function checkpointPages(tree: TreeStore): AsyncIterator<StoredCheckpoint> {
  return checkpointPageIterator(tree);
}

/** The next item of an iterator, or undefined at its end. */
async function following<T>(iterator: AsyncIterator<T>): Promise<T | undefined> {
  const next = await iterator.next();
  return next.done ? undefined : next.value;
}
