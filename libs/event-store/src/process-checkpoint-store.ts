import type { Clock } from '@enlace/clock';
import type { CheckpointStore, ConsumerCheckpoint } from './event-store.port.js';

/**
 * Checkpoints and leases held by this process only: for an adapter whose database has no place for them (KurrentDB,
 * see docs/decisions/0015-checkpointed-consumers.md). Nothing survives a restart (consumers fold from the start) and
 * every process owns its own consumers, so side effects must stay idempotent there, as they are.
 */
export class ProcessCheckpointStore implements CheckpointStore {
  private readonly rows = new Map<
    string,
    { owner: string | null; leaseUntil: number; checkpoint?: ConsumerCheckpoint }
  >();

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

  save(consumer: string, owner: string, checkpoint: ConsumerCheckpoint): Promise<boolean> {
    const row = this.rows.get(consumer);
    if (!row || row.owner !== owner || row.leaseUntil < this.clock.nowMs()) return Promise.resolve(false);
    row.checkpoint = structuredClone(checkpoint);
    return Promise.resolve(true);
  }
}
