import type { EventCodec } from '@enlace/domain';
import { collect, type EventStore, type RecordedEvent } from '@enlace/event-store';

interface Folded<State> {
  state: State;
  /** The revision of the last event folded (-1: the stream does not exist yet). */
  revision: number;
}

interface Loading<State> {
  promise: Promise<Folded<State>>;
  /** An event of this stream arrived while it was being read: the read may predate it, so read again. */
  stale: boolean;
}

/**
 * Small streams folded on first use and kept current by the events a subscription brings: each process reads a
 * session or an account once, then follows it. Only what is asked for is held (at most `limit` streams, least recently
 * used dropped first), so memory grows with the sessions in use, never with the history.
 */
export class StreamCache<State, Event> {
  private readonly folded = new Map<string, Folded<State>>();
  private readonly loading = new Map<string, Loading<State>>();

  constructor(
    private readonly store: EventStore,
    private readonly streamId: (id: string) => string,
    private readonly initialState: () => State,
    private readonly evolve: (state: State, event: Event, recordedAt: string) => State,
    private readonly codec: EventCodec<Event>,
    private readonly limit: number,
  ) {}

  get size(): number {
    return this.folded.size;
  }

  async get(id: string): Promise<State> {
    const hit = this.folded.get(id);
    if (hit) {
      this.folded.delete(id);
      this.folded.set(id, hit);
      return hit.state;
    }
    return (await this.load(id)).state;
  }

  /** A followed event of stream `id`: folded in order; anything out of order makes the next `get` read again. */
  apply(id: string, event: Event & { revision: number; metadata: { recordedAt: string } }): void {
    const loading = this.loading.get(id);
    if (loading) loading.stale = true;
    const cached = this.folded.get(id);
    if (!cached) {
      // A stream followed from its first event (a session just started, on any process) is known without a read: the
      // first request that needs it does not depend on the store answering then.
      if (event.revision === 0 && !loading) {
        this.keep(id, { state: this.evolve(this.initialState(), event, event.metadata.recordedAt), revision: 0 });
      }
      return;
    }
    if (event.revision <= cached.revision) return;
    if (event.revision !== cached.revision + 1) {
      this.folded.delete(id);
      return;
    }
    this.folded.set(id, {
      state: this.evolve(cached.state, event, event.metadata.recordedAt),
      revision: event.revision,
    });
  }

  /** Read again on next use (this process appended to the stream and knows it changed). */
  forget(id: string): void {
    this.folded.delete(id);
    const loading = this.loading.get(id);
    if (loading) loading.stale = true;
  }

  /** Drops the streams whose state no longer matters. */
  sweep(obsolete: (state: State) => boolean): void {
    for (const [id, { state }] of this.folded) if (obsolete(state)) this.folded.delete(id);
  }

  /** A stream read from the store: each event decoded (validated, upcast) as it is folded. */
  private fold(state: State, event: RecordedEvent): State {
    const { schemaVersion } = event.metadata as { schemaVersion?: number };
    return this.evolve(state, this.codec.decode(event.type, event.data, schemaVersion), event.metadata.recordedAt);
  }

  private keep(id: string, folded: Folded<State>): void {
    this.folded.set(id, folded);
    if (this.folded.size > this.limit) this.folded.delete(this.folded.keys().next().value!);
  }

  private load(id: string): Promise<Folded<State>> {
    const pending = this.loading.get(id);
    if (pending) return pending.promise;
    const loading: Loading<State> = { promise: undefined as unknown as Promise<Folded<State>>, stale: false };
    loading.promise = (async () => {
      try {
        for (;;) {
          loading.stale = false;
          const events = await collect(this.store.readStream(this.streamId(id)));
          if (!loading.stale) {
            const folded = events.reduce<Folded<State>>(
              (current, event) => ({ state: this.fold(current.state, event), revision: event.revision }),
              { state: this.initialState(), revision: -1 },
            );
            this.keep(id, folded);
            return folded;
          }
        }
      } finally {
        this.loading.delete(id);
      }
    })();
    this.loading.set(id, loading);
    return loading.promise;
  }
}
