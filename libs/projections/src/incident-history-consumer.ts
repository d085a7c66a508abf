import { Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { CheckpointedConsumer, consumerKey, type DecodedEvent, decodeOrThrow, type EventFeed } from '@enlace/consumers';
import { evolveIncident, type IncidentState, LIVE, type World } from '@enlace/domain';
import { collect, type EventStore, occurredAt, type Position, type StoredDocument } from '@enlace/event-store';
import {
  type IncidentHistoryDoc,
  IncidentHistoryModel,
  type IncidentHistorySnapshot,
  searchable,
  searchableMaterial,
} from './incident-history.js';
import { ARCHIVE_TIMINGS } from './read-model-archive.js';
import type { Page, PageRequest } from './read-model-queries.js';
import { readModelPrefixes } from './read-models.js';
import type { ArchivedIncident, PastShutdown } from './read-model.types.js';

export const HISTORY_CONSUMER = 'incident-history';

/** What the archive of closed incidents is searched by; every criterion given must hold. */
export interface ArchiveSearch {
  /** Any port the incident affected (primary or additional). */
  portId?: string;
  /** A UN number (`1017`, `UN1017`) or part of a material's name. */
  material?: string;
  /** Observed at or after this instant (ISO 8601). */
  from?: string;
  /** Observed at or before this instant (ISO 8601). */
  to?: string;
  /** Words that must all appear in the title, location, situation reports or closing summary (either language). */
  text?: string;
}

/**
 * The history of incidents and shutdowns in the store's database, searched there a page at a time (no process ever
 * holds the past): a checkpointed consumer of its own (one writer, `owner-only`), so a new deployment or a rebuild
 * folds it from the first event, and its documents commit with its checkpoint. Every process answers queries from
 * the documents.
 */
export class IncidentHistory implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('IncidentHistory');
  private readonly model: IncidentHistoryModel;
  private readonly consumer: CheckpointedConsumer;
  private readonly key: string;
  private stopped = false;

  /** `feed` must be `world`'s (the live one, or the drill's: `WorldFeeds.of(world)`). */
  constructor(
    feed: EventFeed,
    private readonly store: EventStore,
    readonly world: World = LIVE,
  ) {
    this.model = new IncidentHistoryModel(world);
    this.key = consumerKey(HISTORY_CONSUMER, world);
    this.consumer = new CheckpointedConsumer(
      feed,
      store.checkpoints,
      {
        name: HISTORY_CONSUMER,
        world,
        prefixes: readModelPrefixes(world).filter((prefix) => !prefix.endsWith('notification-')),
        ownership: 'owner-only',
        handle: (event) => this.handle(event),
        checkpointState: () => this.model.snapshot(),
        restore: (state) => this.model.restore(state as IncidentHistorySnapshot | undefined),
        pendingWrites: () => this.model.drainWrites(),
        onSaved: () => this.model.prune(),
      },
      // Saved (and so searchable) within about a second: the owner's turn comes every renewal.
      { ...ARCHIVE_TIMINGS, renewMs: 1_000 },
    );
  }

  get collections() {
    return this.model.collections;
  }

  /** How many incidents and ports it holds in memory (open work: never the past). */
  get resident(): number {
    return this.model.resident;
  }

  onApplicationBootstrap(): void {
    void this.consumer.start();
  }

  async onApplicationShutdown(): Promise<void> {
    this.stopped = true;
    await this.consumer.stop();
  }

  /** Resolves true once the history's saved documents include `position`, false after `timeoutMs`. */
  async waitFor(position: Position, timeoutMs = 5_000): Promise<boolean> {
    const deadline = performance.now() + timeoutMs;
    for (;;) {
      const saved = await this.store.checkpoints.position(this.key).catch(() => undefined);
      if (saved !== undefined && saved >= position) return true;
      if (performance.now() >= deadline || this.stopped) return false;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }

  /** Closed incidents matching `search`, a page at a time, the most recently observed first. */
  async closedIncidents(search: ArchiveSearch, page: PageRequest): Promise<Page<ArchivedIncident>> {
    const words = searchable(search.text ?? '')
      .split(' ')
      .filter(Boolean);
    const material = search.material === undefined ? '' : searchableMaterial(search.material);
    const rows = await this.store.checkpoints.documents(this.collections.incidents, {
      status: 'closed',
      order: 'desc',
      limit: page.limit + 1,
      ...(page.cursor !== undefined ? { after: page.cursor } : {}),
      ...(search.from !== undefined ? { sortFrom: new Date(search.from).toISOString() } : {}),
      // `~` sorts after every character of an id: the whole instant `to` is included.
      ...(search.to !== undefined ? { sortTo: `${new Date(search.to).toISOString()}|~` } : {}),
      ...(search.portId !== undefined ? { contains: { ports: [search.portId] } } : {}),
      matches: [
        ...words.map((word) => ({ field: 'text', text: word })),
        ...(material ? [{ field: 'material', text: material }] : []),
      ],
    });
    return pageOf(rows, page, (doc) => (doc as IncidentHistoryDoc).entry);
  }

  /** A port's shutdowns (the one in progress too), a page at a time, the most recent first. */
  async shutdowns(portId: string, page: PageRequest): Promise<Page<PastShutdown>> {
    const rows = await this.store.checkpoints.documents(this.collections.shutdowns, {
      group: portId,
      order: 'desc',
      limit: page.limit + 1,
      ...(page.cursor !== undefined ? { after: page.cursor } : {}),
    });
    return pageOf(rows, page, (doc) => doc as PastShutdown);
  }

  private handle(event: DecodedEvent): void | Promise<void> {
    const need = this.model.needs(event);
    if (!need) return this.model.apply(event);
    return this.load(need, event).then(() => this.model.apply(event));
  }

  /** An incident an event touches after it left memory: from its document, or (none yet) folded from its stream. */
  private async load(incidentId: string, event: DecodedEvent): Promise<void> {
    for (let attempt = 1; ; attempt += 1) {
      try {
        const stored = await this.store.checkpoints.document(this.collections.incidents, incidentId);
        if (stored) {
          const doc = stored.doc as IncidentHistoryDoc;
          return this.model.adopt(doc.state, doc.revision);
        }
        let state: IncidentState = { status: 'none' };
        let revision = -1;
        for (const recorded of await collect(this.store.readStream(event.streamId, { maxCount: event.revision }))) {
          const earlier = decodeOrThrow(recorded);
          if (earlier.aggregate !== 'incident' || earlier.revision >= event.revision) continue;
          state = evolveIncident(state, earlier, occurredAt(earlier.metadata));
          revision = earlier.revision;
        }
        if (state.status !== 'none') this.model.adopt(state, revision);
        return;
      } catch (error) {
        if (this.stopped) return;
        this.logger.warn(`Could not load incident ${incidentId} (${String(error)}); trying again`);
        await new Promise((resolve) => setTimeout(resolve, Math.min(250 * attempt, 2_000)));
      }
    }
  }
}

/** One page from rows read with one more than the page: the cursor is the last item's sort. */
function pageOf<Item>(rows: StoredDocument[], page: PageRequest, item: (doc: unknown) => Item): Page<Item> {
  const items = rows.slice(0, page.limit);
  const more = rows.length > page.limit && items.length > 0;
  return { items: items.map((row) => item(row.doc)), ...(more ? { next: items.at(-1)!.sort } : {}) };
}
