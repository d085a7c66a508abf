import { consumerKey, decodeRecorded } from '@enlace/consumers';
import { LIVE, type ReferenceCatalog } from '@enlace/domain';
import { canonicalJson, type EventStore, type Position, type StoredDocument } from '@enlace/event-store';
import { ARCHIVE_KEY, ReadModels, readModelPrefixes, type ReadModelsSnapshot } from '@enlace/projections';
import { createHash } from 'node:crypto';
import { type Change, changesBetween } from './changes.js';

/** The live read models' own checkpoint (every api process restores it; the lease owner saves it). */
export const LIVE_READ_MODELS_KEY = consumerKey('read-models', LIVE);

export interface ReplayDifference {
  /** Which persisted copy disagrees with the rebuild: the read models' snapshot, or the archive's documents. */
  where: 'snapshot' | 'archive';
  model: 'incidents' | 'ports' | 'notifications' | 'timelines';
  id: string;
  changes: Change[];
}

export interface ReplayReport {
  eventsApplied: number;
  /** Events that did not decode (reported, skipped, as every consumer does). */
  undecodable: { position: Position; reason: string }[];
  /** Where the rebuild stopped. */
  position: Position | undefined;
  /** The positions of what it was compared with. */
  compared: { snapshot?: Position; archive?: Position };
  differences: ReplayDifference[];
  /** SHA-256 of the rebuilt models' canonical JSON: two rebuilds of the same log give the same digest. */
  digest: string;
}

export interface ReplayOptions {
  /** Rebuild up to this position (inclusive) instead of comparing with the live copies. */
  upTo?: Position;
  onProgress?: (eventsApplied: number) => void;
  /** Stop listing differences after this many (the count goes on). */
  maxDifferences?: number;
}

type Rebuilt = ReadModels;

/**
 * Rebuilds every live read model from the first event into fresh instances (nothing pruned: the rebuild is an
 * offline check, not a process serving consoles), and compares them with the copies the running system keeps: the
 * read models' saved snapshot (open work, at its position) and the archive's documents (closed incidents, settled
 * notifications, at the archive's position), each at its own position as the rebuild passes it. With `upTo`, it only
 * rebuilds to that position. Returns the differences and a digest of what it rebuilt.
 */
export async function replayReadModels(
  store: EventStore,
  reference: ReferenceCatalog,
  options: ReplayOptions = {},
): Promise<ReplayReport> {
  const models: Rebuilt = new ReadModels(reference, { world: LIVE });
  const report: ReplayReport = {
    eventsApplied: 0,
    undecodable: [],
    position: undefined,
    compared: {},
    differences: [],
    digest: '',
  };
  const max = options.maxDifferences ?? 1_000;
  const note = (difference: ReplayDifference) => {
    if (report.differences.length < max) report.differences.push(difference);
  };

  const targets: { position: Position; compare: () => Promise<void> }[] = [];
  if (options.upTo === undefined) {
    const snapshot = await store.checkpoints.load(LIVE_READ_MODELS_KEY);
    if (snapshot?.position) {
      const saved = snapshot.state as ReadModelsSnapshot;
      report.compared.snapshot = snapshot.position;
      targets.push({
        position: snapshot.position,
        compare: () => Promise.resolve(compareSnapshot(models, saved, note)),
      });
    }
    const archive = await store.checkpoints.position(ARCHIVE_KEY);
    if (archive) {
      report.compared.archive = archive;
      targets.push({ position: archive, compare: () => compareArchive(store, models, note) });
    }
    targets.sort((a, b) => (a.position < b.position ? -1 : 1));
  }
  const last = options.upTo ?? targets.at(-1)?.position;

  for await (const recorded of store.readAll({ filter: { streamPrefixes: readModelPrefixes(LIVE) } })) {
    if (last !== undefined && recorded.position > last) break;
    while (targets.length > 0 && recorded.position > targets[0]!.position) await targets.shift()!.compare();
    const decoded = decodeRecorded(recorded);
    if (!decoded.ok) {
      report.undecodable.push({ position: recorded.position, reason: decoded.reason });
      continue;
    }
    models.apply(decoded.event);
    report.eventsApplied += 1;
    report.position = recorded.position;
    if (report.eventsApplied % 1_000 === 0) options.onProgress?.(report.eventsApplied);
  }
  for (const target of targets) await target.compare();
  options.onProgress?.(report.eventsApplied);
  report.digest = createHash('sha256').update(canonicalJson(models.snapshot())).digest('hex');
  return report;
}

/** The saved snapshot holds the open work at its position: each of its items must be the rebuild's, and no more. */
function compareSnapshot(models: Rebuilt, saved: ReadModelsSnapshot, note: (difference: ReplayDifference) => void) {
  const rebuilt = JSON.parse(JSON.stringify(models.snapshot())) as ReadModelsSnapshot;
  const byId = <T>(items: T[], id: (item: T) => string) => new Map(items.map((item) => [id(item), item]));
  const pairs: [ReplayDifference['model'], Map<string, unknown>, Map<string, unknown>][] = [
    [
      'incidents',
      byId(saved.incidents.incidents, (item) => item.state.incidentId),
      byId(rebuilt.incidents.incidents, (item) => item.state.incidentId),
    ],
    [
      'ports',
      byId(saved.ports.ports, (item) => item.state.portId ?? ''),
      byId(rebuilt.ports.ports, (item) => item.state.portId ?? ''),
    ],
    [
      'notifications',
      byId(saved.notifications.notifications, (item) => item.state.notificationId),
      byId(rebuilt.notifications.notifications, (item) => item.state.notificationId),
    ],
  ];
  for (const [model, live, fresh] of pairs) {
    for (const [id, item] of live) {
      const changes = changesBetween(fresh.get(id), item);
      if (changes.length > 0) note({ where: 'snapshot', model, id, changes });
    }
    // Open work the live copy lacks (a closed incident may have left it for the archive: only open ones count).
    for (const [id, item] of fresh) {
      if (!live.has(id) && isOpen(item)) {
        note({ where: 'snapshot', model, id, changes: [{ path: '$', before: item, after: null }] });
      }
    }
  }
}

function isOpen(item: unknown): boolean {
  const state = (item as { state?: { status?: string; pending?: unknown } }).state;
  return state?.status === 'open';
}

/** Every archived incident and notification must be the rebuild's, as of the archive's position. */
async function compareArchive(store: EventStore, models: Rebuilt, note: (difference: ReplayDifference) => void) {
  const { collections } = models;
  const fresh = {
    incidents: (id: string) => models.incidents.detail(id),
    notifications: (id: string) => models.notifications.tracked(id),
  };
  for (const model of ['incidents', 'notifications'] as const) {
    for await (const document of pages(store, collections[model])) {
      const rebuilt = JSON.parse(JSON.stringify(fresh[model](document.key) ?? null)) as unknown;
      const changes = changesBetween(rebuilt, document.doc);
      if (changes.length > 0) note({ where: 'archive', model, id: document.key, changes });
    }
  }
}

async function* pages(store: EventStore, collection: string): AsyncGenerator<StoredDocument> {
  let after: string | undefined;
  for (;;) {
    const page = await store.checkpoints.documents(collection, {
      limit: 500,
      ...(after === undefined ? {} : { after }),
    });
    yield* page;
    if (page.length < 500) return;
    after = page[page.length - 1]!.sort;
  }
}
