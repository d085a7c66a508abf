import type { Position } from '@enlace/event-store';

/**
 * The aggregates a read model holds in memory, by id, each with the position of the last event applied to it: which
 * may leave memory once the archive holds that position, and (for the archive's own instance, `trackChanges`) which
 * changed since the archive last wrote them.
 */
export class Residents<Entry extends { position: Position }> {
  private readonly entries = new Map<string, Entry>();
  private readonly changed: Set<string> | undefined;

  constructor(
    private readonly idOf: (entry: Entry) => string,
    trackChanges: boolean,
  ) {
    this.changed = trackChanges ? new Set() : undefined;
  }

  get size(): number {
    return this.entries.size;
  }

  has(id: string): boolean {
    return this.entries.has(id);
  }

  get(id: string): Entry | undefined {
    return this.entries.get(id);
  }

  ids(): IterableIterator<string> {
    return this.entries.keys();
  }

  /** `changed: false` for an entry loaded back from the archive as it is there. */
  set(entry: Entry, changed = true): void {
    const id = this.idOf(entry);
    this.entries.set(id, entry);
    if (changed) this.changed?.add(id);
  }

  /** The entries `done` says are finished whose last event is at or before `upTo` (the archive has them). */
  *evictable(upTo: Position, done: (entry: Entry) => boolean): Iterable<string> {
    for (const [id, entry] of this.entries) if (entry.position <= upTo && done(entry)) yield id;
  }

  evict(id: string): void {
    this.entries.delete(id);
    this.changed?.delete(id);
  }

  /** The ids changed since the last call (none unless tracking). */
  drainChanged(): string[] {
    const ids = [...(this.changed ?? [])];
    this.changed?.clear();
    return ids;
  }

  snapshot(): Entry[] {
    return [...this.entries.values()];
  }

  restore(entries: readonly Entry[] | undefined): void {
    this.entries.clear();
    this.changed?.clear();
    for (const entry of entries ?? []) this.entries.set(this.idOf(entry), entry);
  }
}
