import type {
  CheckpointStore,
  ConsumerCheckpoint,
  DocumentQuery,
  DocumentWrite,
  Position,
  StoredDocument,
} from '../event-store.port.js';
import { isPosition } from '../event-store.port.js';
import type { SqlDriver } from './sql-driver.js';

/**
 * Checkpoints and leases in `es_consumers`, one row per consumer. The lease is a row a process renews before it
 * lapses (database time); a process that dies stops renewing and another claims the row once `lease_until` passes.
 * Every save names its owner, so a process that lost the lease to another (paused too long, then woke) cannot
 * overwrite the new owner's checkpoint: the owner column is the fencing token.
 */
export class SqlCheckpointStore implements CheckpointStore {
  constructor(private readonly driver: SqlDriver) {}

  async claim(consumer: string, owner: string, leaseMs: number): Promise<boolean> {
    const rows = await this.driver.query<{ owner: string }>(
      `INSERT INTO es_consumers AS c (consumer, owner, lease_until)
         VALUES ($1, $2, clock_timestamp() + make_interval(secs => $3::double precision / 1000))
       ON CONFLICT (consumer) DO UPDATE
         SET owner = EXCLUDED.owner, lease_until = EXCLUDED.lease_until
         WHERE c.owner IS NULL OR c.owner = EXCLUDED.owner OR c.lease_until < clock_timestamp()
       RETURNING c.owner`,
      [consumer, owner, leaseMs],
    );
    return rows[0]?.owner === owner;
  }

  async release(consumer: string, owner: string): Promise<void> {
    await this.driver.query(
      `UPDATE es_consumers SET owner = NULL, lease_until = NULL WHERE consumer = $1 AND owner = $2`,
      [consumer, owner],
    );
  }

  async load(consumer: string): Promise<ConsumerCheckpoint | undefined> {
    const [row] = await this.driver.query<{ position: string | null; state: unknown; saved: boolean }>(
      `SELECT position, state, saved_at IS NOT NULL AS saved FROM es_consumers WHERE consumer = $1`,
      [consumer],
    );
    if (!row?.saved) return undefined;
    const position: Position | undefined = isPosition(row.position) ? row.position : undefined;
    return { position, state: row.state };
  }

  async position(consumer: string): Promise<Position | undefined> {
    const [row] = await this.driver.query<{ position: string | null }>(
      `SELECT position FROM es_consumers WHERE consumer = $1 AND saved_at IS NOT NULL`,
      [consumer],
    );
    return isPosition(row?.position) ? row.position : undefined;
  }

  async save(
    consumer: string,
    owner: string,
    checkpoint: ConsumerCheckpoint,
    writes: readonly DocumentWrite[] = [],
  ): Promise<boolean> {
    // One statement, so the documents and the checkpoint commit together, and only while the row is still this
    // owner's. A lease that lapsed without anyone claiming it (a save that took longer than the lease, while the renewal
    // waited behind it) still fences nobody: refusing the save then would only make the next one larger.
    const rows = await this.driver.query(
      `WITH fence AS (
         UPDATE es_consumers SET position = $3, state = $4::jsonb, saved_at = clock_timestamp()
          WHERE consumer = $1 AND owner = $2
          RETURNING 1
       ), written AS (
         INSERT INTO rm_documents AS d (collection, key, grp, status, sort, doc)
         SELECT w.collection, w.key, w.grp, w.status, w.sort, w.doc
           FROM jsonb_to_recordset($5::jsonb)
                AS w(collection text, key text, grp text, status text, sort text, doc jsonb)
          WHERE EXISTS (SELECT 1 FROM fence)
         ON CONFLICT (collection, key) DO UPDATE
           SET grp = EXCLUDED.grp, status = EXCLUDED.status, sort = EXCLUDED.sort, doc = EXCLUDED.doc
         RETURNING 1
       )
       SELECT (SELECT count(*) FROM fence) AS fenced, (SELECT count(*) FROM written) AS written`,
      [
        consumer,
        owner,
        checkpoint.position ?? null,
        JSON.stringify(checkpoint.state ?? null),
        JSON.stringify(lastWriteOfEachKey(writes)),
      ],
    );
    return Number((rows[0] as { fenced: string | number } | undefined)?.fenced ?? 0) === 1;
  }

  async putNewer(write: DocumentWrite): Promise<void> {
    await this.driver.query(
      `INSERT INTO rm_documents AS d (collection, key, grp, status, sort, doc) VALUES ($1, $2, $3, $4, $5, $6::jsonb)
       ON CONFLICT (collection, key) DO UPDATE
         SET grp = EXCLUDED.grp, status = EXCLUDED.status, sort = EXCLUDED.sort, doc = EXCLUDED.doc
         WHERE d.sort < EXCLUDED.sort`,
      [write.collection, write.key, write.group ?? null, write.status ?? null, write.sort, JSON.stringify(write.doc)],
    );
  }

  async document(collection: string, key: string): Promise<StoredDocument | undefined> {
    const [row] = await this.driver.query<StoredDocument>(
      `SELECT key, grp AS "group", status, sort, doc FROM rm_documents WHERE collection = $1 AND key = $2`,
      [collection, key],
    );
    return row;
  }

  async documents(collection: string, query: DocumentQuery): Promise<StoredDocument[]> {
    const statuses = typeof query.status === 'string' ? [query.status] : query.status;
    if (statuses && statuses.length > 1) {
      // One ordered index scan per status, merged: `status = ANY(…)` would read and sort every matching row.
      const pages = await Promise.all(statuses.map((status) => this.documents(collection, { ...query, status })));
      const descending = query.order === 'desc';
      return pages
        .flat()
        .sort((a, b) => (a.sort < b.sort ? -1 : a.sort > b.sort ? 1 : 0) * (descending ? -1 : 1))
        .slice(0, Math.max(0, Math.floor(query.limit)));
    }
    const descending = query.order === 'desc';
    const params: unknown[] = [collection, Math.max(0, Math.floor(query.limit))];
    const where = ['collection = $1'];
    if (query.group !== undefined) where.push(`grp = $${params.push(query.group)}`);
    if (statuses !== undefined) where.push(`status = $${params.push(statuses[0] ?? null)}`);
    if (query.after !== undefined) where.push(`sort ${descending ? '<' : '>'} $${params.push(query.after)}`);
    if (query.sortFrom !== undefined) where.push(`sort >= $${params.push(query.sortFrom)}`);
    if (query.sortTo !== undefined) where.push(`sort <= $${params.push(query.sortTo)}`);
    if (query.contains !== undefined) where.push(`doc @> $${params.push(JSON.stringify(query.contains))}::jsonb`);
    for (const { field, text } of query.matches ?? []) {
      where.push(`strpos(doc->>$${params.push(field)}, $${params.push(text)}) > 0`);
    }
    return this.driver.query<StoredDocument>(
      `SELECT key, grp AS "group", status, sort, doc FROM rm_documents
        WHERE ${where.join(' AND ')} ORDER BY sort ${descending ? 'DESC' : 'ASC'} LIMIT $2`,
      params,
    );
  }
}

/** A document written twice in one save keeps its last version (one row may be inserted once per statement). */
export function lastWriteOfEachKey(writes: readonly DocumentWrite[]): {
  collection: string;
  key: string;
  grp: string | null;
  status: string | null;
  sort: string;
  doc: unknown;
}[] {
  const last = new Map<string, DocumentWrite>();
  for (const write of writes) last.set(`${write.collection}\u0000${write.key}`, write);
  return [...last.values()].map((write) => ({
    collection: write.collection,
    key: write.key,
    grp: write.group ?? null,
    status: write.status ?? null,
    sort: write.sort,
    doc: write.doc,
  }));
}
