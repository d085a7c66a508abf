import type { Clock } from '@enlace/clock';
import { LIVE } from '@enlace/domain';
import { type EventStore, GENESIS_HASH, isPosition, type Position, type RecordedEvent } from '@enlace/event-store';
import {
  consistencyProof,
  eventLeafHash,
  frontierFromReader,
  type Hash,
  inclusionProof,
  subtreeCover,
  toHex,
  verifierKey,
} from '@enlace/transparency';
import { createHash } from 'node:crypto';
import { once } from 'node:events';
import type { Writable } from 'node:stream';
import type { AuditKey } from '../audit-key.js';
import { eventLeafFields } from '../event-leaf-fields.js';
import { sealedPrefixes } from '../sealer.js';
import { splitHashes, type StoredCheckpoint, TILE_WIDTH, TreeStore } from '../tree-store.js';
import {
  BUNDLE_FORMAT,
  type BundleManifest,
  type BundleScope,
  type CheckpointLine,
  type ConsistencyLine,
  type EventLine,
  type RangeProofLine,
  type TrailerLine,
} from './bundle-format.js';
import { IncidentLinks, incidentIdOf } from './incident-links.js';

/** What to export: everything sealed, one incident, or a contiguous range (by recording time, leaf or position). */
export type ExportScope =
  | { kind: 'all' }
  | { kind: 'incident'; incidentId: string }
  | {
      kind: 'range';
      /** Recording time, ISO-8601: from the first event recorded at or after `from` to the first at or after `to`. */
      from?: string;
      to?: string;
      /** Leaves [fromLeaf, toLeaf). */
      fromLeaf?: number;
      toLeaf?: number;
      /** Positions, both included. */
      fromPosition?: string;
      toPosition?: string;
    };

/** The log's public identity, as the manifest carries it (never the private key). */
export interface BundleKeyInfo {
  origin: string;
  verifierKey: string;
  publicKeyPem: string;
  previousKeys?: readonly string[];
  witnesses?: readonly string[];
}

/** The public half of the log's key, its retired keys and its witnesses, as a bundle's manifest carries them. */
export function bundleKeyInfo(key: AuditKey): BundleKeyInfo {
  return {
    origin: key.origin,
    verifierKey: key.verifierKey,
    publicKeyPem: key.publicKeyPem,
    previousKeys: key.previous.map((previous) => verifierKey(previous)),
    witnesses: key.witnesses.map((witness) => verifierKey(witness)),
  };
}

export interface WriteBundleOptions {
  scope: ExportScope;
  key: BundleKeyInfo;
  clock: Clock;
  /** Who exported it (a user, a host), written in the manifest. */
  createdBy: string;
  /** Also ship the checkpoint of this size and its consistency with the anchor (for `--after-checkpoint`). */
  sinceSize?: number;
  onProgress?: (progress: { events: number; total: number }) => void;
}

export interface BundleSummary {
  scope: BundleScope;
  events: number;
  checkpoints: number;
  anchor: StoredCheckpoint;
  bytes: number;
  sha256: string;
}

export type BundleExportErrorCode = 'no-checkpoint' | 'bad-scope' | 'since-size' | 'store-disagrees';

/** Why a bundle cannot be written, in English and Spanish. */
export class BundleExportError extends Error {
  constructor(
    readonly code: BundleExportErrorCode,
    readonly text: { en: string; es: string },
  ) {
    super(text.en);
    this.name = 'BundleExportError';
  }
}

const badScope = (en: string, es: string) => new BundleExportError('bad-scope', { en, es });

/** Lines to a Writable, a few hundred KB at a time, waiting when it is full; hashes every byte for the trailer. */
class LineSink {
  private readonly digest = createHash('sha256');
  private pending: string[] = [];
  private pendingLength = 0;
  bytes = 0;

  constructor(private readonly out: Writable) {}

  async line(value: object): Promise<void> {
    const text = `${JSON.stringify(value)}\n`;
    this.digest.update(text);
    this.pending.push(text);
    this.pendingLength += text.length;
    if (this.pendingLength >= 256 * 1024) await this.flush();
  }

  /** The digest of every line so far (the trailer's). */
  sha256(): string {
    return this.digest.copy().digest('hex');
  }

  async flush(): Promise<void> {
    if (this.pending.length === 0) return;
    const chunk = this.pending.join('');
    this.pending = [];
    this.pendingLength = 0;
    this.bytes += Buffer.byteLength(chunk);
    if (!this.out.write(chunk)) await once(this.out, 'drain');
  }
}

interface Selection {
  scope: BundleScope;
  /** The leaves exported: contiguous [start, end), or (incident) these. */
  start: number;
  end: number;
  included?: number[];
}

/**
 * Streams a bundle of the live world's sealed log to `out` (which it does not end): the manifest, the anchor (the
 * newest signed checkpoint) and the earlier checkpoints in the exported leaves with consistency proofs linking them,
 * then every exported event exactly as stored, each checked against its sealed leaf on the way (a store that
 * disagrees with its sealed log is refused: `npm run verify` names the place). Reads the events a page at a time and
 * the tree's tiles; memory is the last hash of each stream exported. Records nothing in the store.
 */
export async function writeBundle(
  store: EventStore,
  out: Writable,
  options: WriteBundleOptions,
): Promise<BundleSummary> {
  const tree = new TreeStore(store.checkpoints, LIVE);
  const anchor = await tree.latestCheckpoint();
  if (!anchor || anchor.size === 0) {
    throw new BundleExportError('no-checkpoint', {
      en: 'No signed checkpoint yet: the log is sealed within a minute of its first events',
      es: 'Aún no hay punto de control firmado: la bitácora se sella en menos de un minuto tras sus primeros eventos',
    });
  }
  const size = anchor.size;
  const selection = await select(store, tree, options.scope, size);
  const earlier = await earlierCheckpoints(tree, selection, size, options.sinceSize);
  const events = selection.included ? selection.included.length : selection.end - selection.start;
  const sink = new LineSink(out);

  const manifest: BundleManifest = {
    format: BUNDLE_FORMAT,
    origin: options.key.origin,
    verifierKey: options.key.verifierKey,
    publicKeyPem: options.key.publicKeyPem,
    ...(options.key.previousKeys?.length ? { previousKeys: [...options.key.previousKeys] } : {}),
    ...(options.key.witnesses?.length ? { witnesses: [...options.key.witnesses] } : {}),
    scope: selection.scope,
    events,
    createdAt: options.clock.now().toISOString(),
    createdBy: options.createdBy,
  };
  await sink.line(manifest);

  await sink.line({ kind: 'checkpoint', ...anchor } satisfies CheckpointLine);
  for (const checkpoint of earlier) await sink.line({ kind: 'checkpoint', ...checkpoint } satisfies CheckpointLine);
  const chain = [...earlier.map((checkpoint) => checkpoint.size), size];
  for (let i = 0; i + 1 < chain.length; i += 1) {
    const proof = await consistencyProof(tree.reader(), chain[i]!, chain[i + 1]!);
    await sink.line({
      kind: 'consistency',
      from: chain[i]!,
      to: chain[i + 1]!,
      proof: proof.map(toHex),
    } satisfies ConsistencyLine);
  }

  if (selection.scope.kind === 'range') {
    const reader = tree.reader();
    const left = await frontierFromReader(reader, selection.start);
    const right = await Promise.all(
      subtreeCover(selection.end, size).map(async ({ level, index }) => reader(level, index)),
    );
    await sink.line({
      kind: 'range-proof',
      start: selection.start,
      end: selection.end,
      left: left.nodes,
      right: right.map(toHex),
    } satisfies RangeProofLine);
  }

  let written = 0;
  if (events > 0) {
    const previous = new PreviousHashes(store);
    const included = selection.included;
    let next = 0;
    let reader = tree.reader();
    const first = included ? included[0]! : selection.start;
    const last = included ? included[included.length - 1]! : selection.end - 1;
    for await (const { event, index, sealed } of sealedEvents(store, tree, first, last + 1)) {
      if (included) {
        if (included[next] !== index) continue;
        next += 1;
      }
      const leaf = eventLeafHash(eventLeafFields(event));
      if (Buffer.compare(leaf, sealed) !== 0) throw disagrees(index, event.position, 'is not the event sealed there');
      const line: EventLine = {
        kind: 'event',
        leafIndex: index,
        position: event.position,
        streamId: event.streamId,
        revision: event.revision,
        id: event.id,
        type: event.type,
        data: event.data,
        metadata: event.metadata,
        hash: event.hash,
        previousHash: await previous.before(event),
      };
      if (included) {
        // A fresh reader now and then: each caches the tiles it read.
        if (written % 1_000 === 0) reader = tree.reader();
        line.inclusion = (await inclusionProof(reader, index, size)).map(toHex);
      }
      await sink.line(line);
      written += 1;
      if (written % 1_000 === 0) options.onProgress?.({ events: written, total: events });
    }
  }
  options.onProgress?.({ events: written, total: events });

  const sha256 = sink.sha256();
  await sink.line({ kind: 'trailer', events: written, checkpoints: earlier.length + 1, sha256 } satisfies TrailerLine);
  await sink.flush();
  return {
    scope: selection.scope,
    events: written,
    checkpoints: earlier.length + 1,
    anchor,
    bytes: sink.bytes,
    sha256,
  };
}

/** Each exported event's stream's previous hash: the last one exported, else read from the store. */
class PreviousHashes {
  private readonly last = new Map<string, { revision: number; hash: string }>();

  constructor(private readonly store: EventStore) {}

  async before(event: RecordedEvent): Promise<string> {
    const known = this.last.get(event.streamId);
    this.last.set(event.streamId, { revision: event.revision, hash: event.hash });
    if (event.revision === 0) return GENESIS_HASH;
    if (known?.revision === event.revision - 1) return known.hash;
    for await (const before of this.store.readStream(event.streamId, {
      fromRevision: event.revision - 1,
      maxCount: 1,
    })) {
      return before.hash;
    }
    throw new BundleExportError('store-disagrees', {
      en: `${event.streamId} has no revision ${event.revision - 1} in the store: run npm run verify`,
      es: `${event.streamId} no tiene la revisión ${event.revision - 1} en el almacén: ejecute npm run verify`,
    });
  }
}

function disagrees(index: number, position: Position | undefined, en: string): BundleExportError {
  const at = position ? ` (${position})` : '';
  return new BundleExportError('store-disagrees', {
    en: `The store disagrees with its sealed log at leaf ${index}${at}: the event ${en}. Run npm run verify`,
    es: `El almacén no coincide con su bitácora sellada en la hoja ${index}${at}. Ejecute npm run verify`,
  });
}

/**
 * The sealed events of leaves [from, to) in the log's order, each with its leaf index and sealed hash, read beside the
 * leaf tiles: an event the tiles do not have at that place stops the export.
 */
async function* sealedEvents(
  store: EventStore,
  tree: TreeStore,
  from: number,
  to: number,
): AsyncGenerator<{ event: RecordedEvent; index: number; sealed: Hash }> {
  const tiles = tree.leafTiles(Math.floor(from / TILE_WIDTH));
  let tile = await tiles.next();
  let hashes = tile.done ? [] : splitHashes(tile.value.hashes);
  const fromPosition = from > 0 ? await leafPosition(tree, from - 1) : undefined;
  let index = from;
  if (index >= to) return;
  for await (const event of store.readAll({
    filter: { streamPrefixes: sealedPrefixes(LIVE) },
    ...(fromPosition ? { fromPosition } : {}),
  })) {
    const offset = index % TILE_WIDTH;
    if (offset === 0 && index !== from) {
      tile = await tiles.next();
      hashes = tile.done ? [] : splitHashes(tile.value.hashes);
    }
    const position = tile.done ? undefined : tile.value.positions[offset];
    if (position !== event.position) {
      throw disagrees(index, position, `at ${event.position} is not the one sealed there`);
    }
    yield { event, index, sealed: hashes[offset]! };
    index += 1;
    if (index >= to) return;
  }
  throw disagrees(index, undefined, 'sealed there is no longer in the store');
}

async function leafPosition(tree: TreeStore, index: number): Promise<Position> {
  const tile = await tree.leafTiles(Math.floor(index / TILE_WIDTH)).next();
  const position = tile.done ? undefined : tile.value.positions[index % TILE_WIDTH];
  if (!position) throw disagrees(index, undefined, 'sealed there has no tile');
  return position;
}

async function select(store: EventStore, tree: TreeStore, scope: ExportScope, size: number): Promise<Selection> {
  switch (scope.kind) {
    case 'all':
      return { scope: { kind: 'all', start: 0, end: size }, start: 0, end: size };
    case 'incident':
      return selectIncident(store, incidentIdOf(scope.incidentId), size);
    case 'range':
      return selectRange(store, tree, scope, size);
  }
}

async function selectIncident(store: EventStore, incidentId: string, size: number): Promise<Selection> {
  if (incidentId === '' || incidentId.includes('\n')) {
    throw badScope('--incident: an incident id is required', '--incident: se requiere el id de un incidente');
  }
  const links = new IncidentLinks(incidentId);
  const included: number[] = [];
  let index = 0;
  for await (const event of store.readAll({ filter: { streamPrefixes: sealedPrefixes(LIVE) } })) {
    if (index >= size) break;
    if (links.includes(event)) included.push(index);
    index += 1;
  }
  if (included.length === 0) {
    throw badScope(
      `--incident ${incidentId}: no sealed event of that incident (not an incident of this log, or not sealed yet)`,
      `--incident ${incidentId}: ningún evento sellado de ese incidente (no es de esta bitácora, o aún no se selló)`,
    );
  }
  return { scope: { kind: 'incident', incidentId }, start: included[0]!, end: included.at(-1)! + 1, included };
}

async function selectRange(
  store: EventStore,
  tree: TreeStore,
  scope: Extract<ExportScope, { kind: 'range' }>,
  size: number,
): Promise<Selection> {
  const byTime = scope.from !== undefined || scope.to !== undefined;
  const byLeaf = scope.fromLeaf !== undefined || scope.toLeaf !== undefined;
  const byPosition = scope.fromPosition !== undefined || scope.toPosition !== undefined;
  if (Number(byTime) + Number(byLeaf) + Number(byPosition) !== 1) {
    throw badScope(
      'A range is by time (--from, --to), by leaf or by position: one of them',
      'Un rango es por tiempo (--from, --to), por hoja o por posición: uno de ellos',
    );
  }
  const echo = Object.fromEntries(Object.entries(scope).filter(([name]) => name !== 'kind'));
  const selected = (start: number, end: number): Selection => ({
    scope: { kind: 'range', ...echo, start, end },
    start,
    end,
  });
  if (byLeaf) {
    const start = scope.fromLeaf ?? 0;
    const end = Math.min(scope.toLeaf ?? size, size);
    for (const [name, value] of [
      ['--from-leaf', scope.fromLeaf],
      ['--to-leaf', scope.toLeaf],
    ] as const) {
      if (value !== undefined && (!Number.isSafeInteger(value) || value < 0)) {
        throw badScope(`${name}: a leaf number (0 or more)`, `${name}: un número de hoja (0 o más)`);
      }
    }
    if (start > end) {
      throw badScope(
        `--from-leaf ${start} is past the end of the range (${end}; the log has ${size} sealed leaves)`,
        `--from-leaf ${start} queda después del final del rango (${end}; la bitácora tiene ${size} hojas selladas)`,
      );
    }
    return selected(start, end);
  }
  if (byPosition) {
    for (const [name, value] of [
      ['--from', scope.fromPosition],
      ['--to', scope.toPosition],
    ] as const) {
      if (value !== undefined && !isPosition(value)) {
        throw badScope(
          `${name}: not a position (20 digits:20 digits)`,
          `${name}: no es una posición (20 dígitos:20 dígitos)`,
        );
      }
    }
    let start: number | undefined;
    let end = 0;
    let index = 0;
    scan: for await (const tile of tree.leafTiles()) {
      for (const position of tile.positions) {
        if (index >= size) break scan;
        if (scope.toPosition !== undefined && position > scope.toPosition) break scan;
        if (start === undefined && (scope.fromPosition === undefined || position >= scope.fromPosition)) start = index;
        index += 1;
        end = index;
      }
    }
    return start === undefined ? selected(end, end) : selected(start, end);
  }
  const fromMs = scope.from === undefined ? -Infinity : Date.parse(scope.from);
  const toMs = scope.to === undefined ? Infinity : Date.parse(scope.to);
  if (Number.isNaN(fromMs)) throw badScope('--from: not an ISO-8601 instant', '--from: no es un instante ISO-8601');
  if (Number.isNaN(toMs)) throw badScope('--to: not an ISO-8601 instant', '--to: no es un instante ISO-8601');
  if (fromMs > toMs) throw badScope('--from is after --to', '--from es posterior a --to');
  let start: number | undefined;
  let index = 0;
  for await (const event of store.readAll({ filter: { streamPrefixes: sealedPrefixes(LIVE) } })) {
    if (index >= size) break;
    const recordedMs = Date.parse((event.metadata as { recordedAt: string }).recordedAt);
    if (start === undefined && recordedMs >= fromMs) start = index;
    if (start !== undefined && recordedMs >= toMs) break;
    index += 1;
  }
  return selected(start ?? index, index);
}

/**
 * The checkpoints shipped besides the anchor, in size order: those within the exported leaves (every one for `all`),
 * and the one of `sinceSize` when asked for.
 */
async function earlierCheckpoints(
  tree: TreeStore,
  selection: Selection,
  size: number,
  sinceSize: number | undefined,
): Promise<StoredCheckpoint[]> {
  const lowest = Math.max(1, selection.scope.kind === 'incident' ? selection.start + 1 : selection.start);
  const highest = Math.min(size - 1, selection.end);
  const sizes: number[] = [];
  for (let after = lowest - 1; after < highest;) {
    const page = await tree.checkpoints({ afterSize: after, limit: 500 });
    for (const checkpoint of page) if (checkpoint.size <= highest) sizes.push(checkpoint.size);
    if (page.length < 500) break;
    after = page.at(-1)!.size;
  }
  if (sinceSize !== undefined) {
    if (!Number.isSafeInteger(sinceSize) || sinceSize < 1 || sinceSize > size) {
      throw new BundleExportError('since-size', {
        en: `--since-size ${sinceSize}: the size of a checkpoint of this log (1 to ${size})`,
        es: `--since-size ${sinceSize}: el tamaño de un punto de control de esta bitácora (1 a ${size})`,
      });
    }
    if (sinceSize < size && !sizes.includes(sinceSize)) {
      sizes.push(sinceSize);
      sizes.sort((a, b) => a - b);
    }
  }
  const checkpoints: StoredCheckpoint[] = [];
  for (const at of sizes) {
    const checkpoint = await tree.checkpoint(at);
    if (!checkpoint) {
      throw new BundleExportError('since-size', {
        en: `--since-size ${at}: this log has no signed checkpoint of that size`,
        es: `--since-size ${at}: esta bitácora no tiene un punto de control firmado de ese tamaño`,
      });
    }
    checkpoints.push(checkpoint);
  }
  return checkpoints;
}
