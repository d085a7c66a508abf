import { uuidFromName } from '@enlace/application';
import type { Clock } from '@enlace/clock';
import {
  type Actor,
  AUDIT_JOURNAL_STREAM,
  type AuditExportKind,
  type AuditExportRecordedData,
  auditExportRecorded,
  type ExportFilter,
  schemaVersionOf,
} from '@enlace/domain';
import type { EventStore } from '@enlace/event-store';
import { randomUUID } from 'node:crypto';

export interface ExportRequest {
  kind: AuditExportKind;
  filter: ExportFilter;
  actor: Actor;
  correlationId: string;
  /** The request's `Idempotency-Key`: a retry of the same export with it is recorded once. */
  idempotencyKey?: string;
  /** When it was asked for (now, when absent). */
  at?: string;
  events?: number;
  upTo?: string;
}

/** The same filter whatever order its parameters came in (for an export's idempotent id). */
function canonical(filter: ExportFilter): string {
  return JSON.stringify(Object.entries(filter).sort(([a], [b]) => a.localeCompare(b)));
}

/**
 * The audit journal (`audit-journal`): each export recorded before it is written, appended with any expected
 * revision (records never conflict). With an `Idempotency-Key`, the record's id comes from the caller, the key and what
 * was asked for, so a retried export adds nothing; the same key for another export is another record.
 */
export class AuditJournal {
  constructor(
    private readonly store: EventStore,
    private readonly clock: Clock,
  ) {}

  async recordExport(request: ExportRequest): Promise<AuditExportRecordedData> {
    const { kind, filter, actor, idempotencyKey } = request;
    const exportId =
      idempotencyKey === undefined
        ? randomUUID()
        : uuidFromName(`${AUDIT_JOURNAL_STREAM}\n${actor.id}\n${idempotencyKey}\n${kind}\n${canonical(filter)}`);
    const event = auditExportRecorded({
      exportId,
      kind,
      filter,
      actor,
      at: request.at ?? this.clock.now().toISOString(),
      ...(request.events !== undefined ? { events: request.events } : {}),
      ...(request.upTo !== undefined ? { upTo: request.upTo } : {}),
    });
    await this.store.append(
      AUDIT_JOURNAL_STREAM,
      [
        {
          id: exportId,
          type: event.type,
          data: event.data,
          metadata: {
            actor: actor.id,
            agency: actor.agency,
            country: actor.country,
            role: actor.role,
            correlationId: request.correlationId,
            causationId: null,
            mode: 'actual',
            schemaVersion: schemaVersionOf('audit', event.type),
          },
        },
      ],
      'any',
    );
    return event.data;
  }
}
