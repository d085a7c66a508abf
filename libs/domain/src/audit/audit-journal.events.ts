import type { Actor, Role } from '../shared/decider.js';
import type { Side } from '../shared/side.js';

/**
 * The audit journal: one stream, `audit-journal`, appended to (never decided on) each time someone takes a copy of
 * the record out of Enlace — a history export, an ICS-214 activity log — with who took it, what they asked for and
 * when. It is recorded before the copy is written, so an export that fails midway is on record too.
 */
export const AUDIT_JOURNAL_STREAM = 'audit-journal';

/** What was exported: the history as JSON lines or CSV, an ICS-214 as CSV or HTML, or a bundle of several. */
export const AUDIT_EXPORT_KINDS = ['history-jsonl', 'history-csv', 'ics-214-csv', 'ics-214-html', 'bundle'] as const;
export type AuditExportKind = (typeof AUDIT_EXPORT_KINDS)[number];

/** Who exported: the account, its agency, side and role, from the token. */
export interface Exporter {
  username: string;
  agency: string;
  /** `null` only for a system actor. */
  side: Side | null;
  role: Role;
}

/** What the export was asked for, as the request named it (parameter → value or values), so the record is exact. */
export type ExportFilter = Record<string, string | string[]>;

export interface AuditExportRecordedData {
  /** The export's id: in the file it wrote (the first line) and in the response's `X-Enlace-Export-Id`. */
  exportId: string;
  kind: AuditExportKind;
  filter: ExportFilter;
  exportedBy: Exporter;
  /** When it was asked for (ISO-8601, UTC). */
  at: string;
  /** How many events it holds, when that is known before it is written (a form); a streamed history leaves it out. */
  events?: number;
  /** The last position of the global log it reads up to (the store's head when it began), for a history. */
  upTo?: string;
}

export type AuditJournalEvent = { type: 'AuditExportRecorded'; data: AuditExportRecordedData };

export function exporterOf(actor: Actor): Exporter {
  return { username: actor.id, agency: actor.agency, side: actor.country, role: actor.role };
}

/** The journal's record of one export. */
export function auditExportRecorded(input: {
  exportId: string;
  kind: AuditExportKind;
  filter: ExportFilter;
  actor: Actor;
  at: string;
  events?: number;
  upTo?: string;
}): AuditJournalEvent {
  const { exportId, kind, filter, actor, at, events, upTo } = input;
  return {
    type: 'AuditExportRecorded',
    data: {
      exportId,
      kind,
      filter,
      exportedBy: exporterOf(actor),
      at,
      ...(events === undefined ? {} : { events }),
      ...(upTo === undefined ? {} : { upTo }),
    },
  };
}
