import type { Clock } from '@enlace/clock';
import type {
  CheckpointStore,
  ConsumerCheckpoint,
  DocumentQuery,
  DocumentWrite,
  Position,
  StoredDocument,
} from './event-store.port.js';
import { documentMatches } from './event-store.port.js';

/**
 * Checkpoints, leases and read-model documents held by this process only: for an adapter whose database has no place for them (KurrentDB,
 * see docs/decisions/0015-checkpointed-consumers.md). Nothing survives a restart (consumers fold from the start) and
 * every process owns its own consumers, so side effects must stay idempotent there, as they are.
 */
export class ProcessCheckpointStore implements CheckpointStore {
  private readonly rows = new Map<
    string,
    { owner: string | null; leaseUntil: number; checkpoint?: ConsumerCheckpoint }
  >();

  private readonly collections = new Map<string, Map<string, StoredDocument>>();

  constructor(private readonly clock: Clock) {}

  claim(consumer: string, owner: string, leaseMs: number): Promise<boolean> {
    const now = this.clock.nowMs();
    const row = this.rows.get(consumer);
    if (row && row.owner !== null && row.owner !== owner && row.leaseUntil >= now) return Promise.resolve(false);
    this.rows.set(consumer, { ...row, owner, leaseUntil: now + leaseMs });
    return Promise.resolve(true);
  }

  release(consumer: string, owner: string): Promise<void> {
    const row = this.rows.get(consumer);
    if (row?.owner === owner) this.rows.set(consumer, { ...row, owner: null, leaseUntil: 0 });
    return Promise.resolve();
  }

  load(consumer: string): Promise<ConsumerCheckpoint | undefined> {
    return Promise.resolve(structuredClone(this.rows.get(consumer)?.checkpoint));
  }

  position(consumer: string): Promise<Position | undefined> {
    return Promise.resolve(this.rows.get(consumer)?.checkpoint?.position);
  }

  save(
    consumer: string,
    owner: string,
    checkpoint: ConsumerCheckpoint,
    writes: readonly DocumentWrite[] = [],
  ): Promise<boolean> {
    const row = this.rows.get(consumer);
    // The owner is the fencing token: only another's claim (after a lapse) makes this save land nowhere.
    if (!row || row.owner !== owner) return Promise.resolve(false);
    row.checkpoint = structuredClone(checkpoint);
    for (const write of writes) this.put(write);
    return Promise.resolve(true);
  }

  putNewer(write: DocumentWrite): Promise<void> {
    const stored = this.collections.get(write.collection)?.get(write.key);
    if (!stored || stored.sort < write.sort) this.put(write);
    return Promise.resolve();
  }

  private put(write: DocumentWrite): void {
    let collection = this.collections.get(write.collection);
    if (!collection) this.collections.set(write.collection, (collection = new Map<string, StoredDocument>()));
    collection.set(write.key, {
      key: write.key,
      group: write.group ?? null,
      status: write.status ?? null,
      sort: write.sort,
      doc: structuredClone(write.doc),
    });
  }

  document(collection: string, key: string): Promise<StoredDocument | undefined> {
    return Promise.resolve(structuredClone(this.collections.get(collection)?.get(key)));
  }

  documents(collection: string, query: DocumentQuery): Promise<StoredDocument[]> {
    const descending = query.order === 'desc';
    const after = query.after;
    const rows = [...(this.collections.get(collection)?.values() ?? [])].filter(
      (row) =>
        (query.group === undefined || row.group === query.group) &&
        (query.status === undefined ||
          (typeof query.status === 'string' ? [query.status] : query.status).includes(row.status ?? '')) &&
        (after === undefined || (descending ? row.sort < after : row.sort > after)) &&
        (query.sortFrom === undefined || row.sort >= query.sortFrom) &&
        (query.sortTo === undefined || row.sort <= query.sortTo) &&
        documentMatches(row.doc, query),
    );
    rows.sort((a, b) => (a.sort < b.sort ? -1 : a.sort > b.sort ? 1 : 0) * (descending ? -1 : 1));
    return Promise.resolve(structuredClone(rows.slice(0, Math.max(0, Math.floor(query.limit)))));
  }
}
