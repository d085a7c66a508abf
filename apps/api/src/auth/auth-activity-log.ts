import { currentCorrelationId } from '@enlace/logging';
import { Inject, Injectable } from '@nestjs/common';
import { uuidFromName } from '@enlace/application';
import {
  type Actor,
  AUTH_LOG_STREAM,
  type AuthActivityData,
  type AuthActivityEntry,
  type AuthActivityPage,
  type AuthActivityType,
  schemaVersionOf,
} from '@enlace/domain';
import { collect, EVENT_STORE, type EventStore, type RecordedEvent } from '@enlace/event-store';
import { randomUUID } from 'node:crypto';

/** Enlace's sign-in service, the actor of what happened before anyone was authenticated. */
export const AUTH_SERVICE_ACTOR: Actor = { id: 'system:auth', agency: 'ENLACE', country: null, role: 'system' };

export type { AuthActivityEntry, AuthActivityPage } from '@enlace/domain';

const EMPTY: AuthActivityData = {
  username: null,
  address: null,
  userAgent: null,
  reason: null,
  sessionId: null,
  until: null,
};

/**
 * The sign-in journal (`auth-log`): appended to with any expected revision (entries never conflict), read newest
 * first a page at a time. An entry that records a decision of a session or account stream takes its id from that
 * decision's, so writing it again (a retried logout) adds nothing.
 */
@Injectable()
export class AuthActivityLog {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  async record(
    type: AuthActivityType,
    data: Partial<AuthActivityData>,
    actor: Actor,
    options: { correlationId?: string; decisionId?: string } = {},
  ): Promise<void> {
    await this.store.append(
      AUTH_LOG_STREAM,
      [
        {
          id: options.decisionId ? uuidFromName(`auth-log\n${options.decisionId}`) : randomUUID(),
          type,
          data: { ...EMPTY, ...data },
          metadata: {
            actor: actor.id,
            agency: actor.agency,
            country: actor.country,
            role: actor.role,
            correlationId: options.correlationId ?? currentCorrelationId() ?? randomUUID(),
            causationId: options.decisionId ?? null,
            mode: 'actual',
            schemaVersion: schemaVersionOf('auth-log', type),
          },
        },
      ],
      'any',
    );
  }

  /** Up to `limit` entries older than revision `before` (the newest when omitted), newest first. */
  async page(limit: number, before?: number): Promise<AuthActivityPage> {
    if (before !== undefined && before <= 0) return { entries: [], next: null };
    const events = await collect(
      this.store.readStream(AUTH_LOG_STREAM, {
        direction: 'backwards',
        ...(before === undefined ? {} : { fromRevision: before - 1 }),
        maxCount: limit,
      }),
    );
    const entries = events.map(toEntry);
    const oldest = entries.at(-1)?.revision;
    return { entries, next: entries.length === limit && oldest !== undefined && oldest > 0 ? oldest : null };
  }
}

function toEntry(event: RecordedEvent): AuthActivityEntry {
  return {
    ...EMPTY,
    ...(event.data as Partial<AuthActivityData>),
    revision: event.revision,
    type: event.type as AuthActivityType,
    recordedAt: event.metadata.recordedAt,
    actor: event.metadata.actor,
    actorRole: event.metadata.role,
  };
}
