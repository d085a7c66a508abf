import type { CheckpointStore, ConsumerCheckpoint, Position } from '../event-store.port.js';
import { isPosition } from '../event-store.port.js';
import type { SqlDriver } from './sql-driver.js';

/**
 * Checkpoints and leases in `es_consumers`, one row per consumer. The lease is a row a process renews before it
 * lapses (database time); a process that dies stops renewing and another claims the row once `lease_until` passes.
 * Every save names its owner, so a process that lost the lease (paused too long, then woke) cannot overwrite the
 * new owner's checkpoint.
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

  async save(consumer: string, owner: string, checkpoint: ConsumerCheckpoint): Promise<boolean> {
    const rows = await this.driver.query(
      `UPDATE es_consumers SET position = $3, state = $4::jsonb, saved_at = clock_timestamp()
        WHERE consumer = $1 AND owner = $2 AND lease_until > clock_timestamp()
        RETURNING 1`,
      [consumer, owner, checkpoint.position ?? null, JSON.stringify(checkpoint.state ?? null)],
    );
    return rows.length === 1;
  }
}
