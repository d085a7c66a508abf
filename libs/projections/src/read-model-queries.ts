import type { EventStore, Position, StoredDocument } from '@enlace/event-store';
import { boardEntry, incidentSortKey } from './incident-board.projection.js';
import {
  awaitsAcknowledgment,
  type NotificationFilter,
  notificationSortKey,
  notificationStatus,
} from './notification-tracker.projection.js';
import type { ProjectionRunner } from './projection-runner.js';
import type {
  ActivityEntry,
  IncidentBoardEntry,
  IncidentDetail,
  NotificationStatus,
  TrackedNotification,
} from './read-model.types.js';

export interface PageRequest {
  limit: number;
  /** The `next` cursor of the page before. */
  cursor?: string;
}

export interface Page<Item> {
  items: Item[];
  /** Pass as `cursor` for the page after this one; absent on the last page. */
  next?: string;
}

/** The most log lines one incident answers with (an incident's whole log, in practice). */
const TIMELINE_LIMIT = 10_000;

/**
 * The answers to read-model queries: open work from this process's memory, what is done from the archive, merged so
 * that a list never shows an item twice nor an older version of one this process holds.
 */
export class ReadModelQueries {
  constructor(
    private readonly runner: ProjectionRunner,
    private readonly store: EventStore,
  ) {}

  /** Open incidents from memory; closed ones a page at a time, newest change first. */
  async incidents(status: 'open' | 'closed' | 'all', page: PageRequest): Promise<Page<IncidentBoardEntry>> {
    const { models } = this.runner;
    const resident = models.incidents.board(status);
    if (status === 'open') return { items: resident };
    const archived = await this.store.checkpoints.documents(models.collections.incidents, {
      ...(status === 'closed' ? { status: 'closed' } : {}),
      ...(page.cursor !== undefined ? { after: page.cursor } : {}),
      limit: page.limit + 1,
      order: 'desc',
    });
    return mergePage(
      resident.map((entry) => ({
        key: entry.incidentId,
        sort: incidentSortKey({ updatedAt: entry.lastUpdate, incidentId: entry.incidentId }),
        item: entry,
      })),
      archived,
      (doc) => boardEntry(doc as IncidentDetail),
      page,
      'desc',
    );
  }

  /**
   * Every notification awaiting acknowledgment (first page only, from memory), then the others a page at a time,
   * newest deadline first.
   */
  async notifications(now: Date, filter: NotificationFilter, page: PageRequest): Promise<Page<NotificationStatus>> {
    const { models } = this.runner;
    const resident = models.notifications.list(now, filter);
    const awaiting = page.cursor === undefined ? resident.filter(awaitsAcknowledgment) : [];
    const settled = resident.filter((notification) => !awaitsAcknowledgment(notification));
    const stages =
      filter.status === 'cancelled'
        ? ['cancelled']
        : filter.status === 'active'
          ? ['answered']
          : ['answered', 'cancelled'];
    const archived = await this.store.checkpoints.documents(models.collections.notifications, {
      ...(filter.blmId !== undefined ? { group: filter.blmId } : {}),
      status: stages,
      ...(page.cursor !== undefined ? { after: page.cursor } : {}),
      limit: page.limit + 1,
      order: 'desc',
    });
    const rest = mergePage(
      settled.map((item) => ({ key: item.notificationId, sort: notificationSortKey(item), item })),
      archived,
      (doc) => notificationStatus(doc as TrackedNotification, now),
      page,
      'desc',
    );
    return { items: [...awaiting, ...rest.items], ...(rest.next !== undefined ? { next: rest.next } : {}) };
  }

  /** An incident's activity log, oldest first; undefined for an incident nobody reported. */
  async timeline(incidentId: string, after?: Position): Promise<ActivityEntry[] | undefined> {
    const { models } = this.runner;
    const held = models.timelines.timeline(incidentId);
    if (held) return held;
    if (after !== undefined) await this.runner.waitForArchive(after, 5_000);
    const archived = await this.store.checkpoints.documents(models.collections.timeline, {
      group: incidentId,
      limit: TIMELINE_LIMIT,
      order: 'asc',
    });
    const entries = archived.map((row) => row.doc as ActivityEntry);
    const last = entries.at(-1)?.position;
    for (const entry of models.timelines.held(incidentId)) {
      if (last === undefined || entry.position > last) entries.push(entry);
    }
    return entries.length > 0 ? entries : undefined;
  }
}

/**
 * One page of `resident` (held in memory: the truth where both have an item) and `archived` (one page past the
 * cursor, read with one row more than the page), in `sort` order.
 */
function mergePage<Item>(
  resident: { key: string; sort: string; item: Item }[],
  archived: StoredDocument[],
  fromDoc: (doc: unknown) => Item,
  page: PageRequest,
  order: 'asc' | 'desc',
): Page<Item> {
  const residentKeys = new Set(resident.map((entry) => entry.key));
  const before = (a: string, b: string) => (order === 'desc' ? a > b : a < b);
  const candidates = [
    ...resident.filter((entry) => page.cursor === undefined || before(page.cursor, entry.sort)),
    ...archived
      .filter((row) => !residentKeys.has(row.key))
      .map((row) => ({ key: row.key, sort: row.sort, item: fromDoc(row.doc) })),
  ].sort((a, b) => (a.sort === b.sort ? 0 : before(a.sort, b.sort) ? -1 : 1));
  // The archive's rows stop at its page: past the last one read, a resident item may be out of order.
  const archiveFull = archived.length > page.limit;
  const lastArchived = archiveFull ? archived.at(-1)!.sort : undefined;
  const inOrder =
    lastArchived === undefined ? candidates : candidates.filter((entry) => !before(lastArchived, entry.sort));
  const items = inOrder.slice(0, page.limit);
  const more = inOrder.length > page.limit || archiveFull;
  return { items: items.map((entry) => entry.item), ...(more && items.length > 0 ? { next: items.at(-1)!.sort } : {}) };
}
