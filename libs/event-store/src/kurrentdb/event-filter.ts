import { eventTypeFilter, excludeSystemEvents, type Filter, streamNameFilter } from '@kurrent/kurrentdb-client';
import type { EventFilter } from '../event-store.port.js';
import { assertEventType, assertStreamPrefix } from '../validation.js';
import { isSystemEvent } from './stored-event.js';

/**
 * A port filter split between KurrentDB and Node. KurrentDB filters a read of `$all` on stream names or on event
 * types, not both, so the server narrows by one and `matches` applies the whole filter (and drops system events).
 */
export interface CompiledFilter {
  /** An empty list of prefixes or types matches nothing (as in the PostgreSQL adapter): skip the read. */
  matchesNothing: boolean;
  server: Filter;
  matches(streamId: string, type: string): boolean;
}

/** Validates like the PostgreSQL adapter, so both refuse the same filters with the same errors. */
export function compileFilter(filter: EventFilter | undefined): CompiledFilter {
  const prefixes = filter?.streamPrefixes ? [...filter.streamPrefixes] : null;
  const types = filter?.eventTypes ? [...filter.eventTypes] : null;
  prefixes?.forEach((prefix, i) => assertStreamPrefix(prefix, `filter.streamPrefixes[${i}]`));
  types?.forEach((type, i) => assertEventType(type, `filter.eventTypes[${i}]`));
  const typeSet = types === null ? null : new Set(types);
  return {
    matchesNothing: prefixes?.length === 0 || types?.length === 0,
    server: serverFilter(prefixes, types),
    matches: (streamId, type) =>
      !isSystemEvent(streamId, type) &&
      (prefixes === null || prefixes.some((prefix) => streamId.startsWith(prefix))) &&
      (typeSet === null || typeSet.has(type)),
  };
}

/** Stream prefixes are the usual narrower cut (a category); without any filter, at least skip system events. */
function serverFilter(prefixes: string[] | null, types: string[] | null): Filter {
  if (prefixes !== null && prefixes.length > 0) return streamNameFilter({ prefixes });
  if (types !== null && types.length > 0) {
    return eventTypeFilter({ regex: `^(?:${types.map(escapeRegex).join('|')})$` });
  }
  return excludeSystemEvents();
}

function escapeRegex(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Every non-system event. */
export const ALL_EVENTS: CompiledFilter = compileFilter(undefined);
