import type { AuditExportRecordedData, ExportFilter, Exporter } from '@enlace/domain';
import type { Response } from 'express';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { HistoryItem } from './audit-history.js';
import { csvRecord, UTF8_BOM } from './csv-cells.js';
import { zonedStamp } from './local-time.js';

export const HISTORY_FORMATS = ['jsonl', 'csv'] as const;
export type HistoryFormat = (typeof HISTORY_FORMATS)[number];

export const HISTORY_MEDIA_TYPES: Record<HistoryFormat, string> = {
  jsonl: 'application/x-ndjson',
  csv: 'text/csv',
};

/** The CSV's columns, in order (the JSON lines carry the same facts under the history's own names). */
export const HISTORY_CSV_COLUMNS = [
  'position',
  'recorded_at_utc',
  'local_time_us',
  'local_time_mx',
  'type',
  'stream',
  'revision',
  'actor',
  'agency',
  'side',
  'role',
  'correlation_id',
  'data',
] as const;

/** What an export says about itself first: what was asked, by whom, when, and how far the log was read. */
export interface ExportHeading {
  kind: 'export';
  exportId: string;
  format: HistoryFormat;
  filter: ExportFilter;
  exportedBy: Exporter;
  exportedAt: string;
  /** The last position of the global log the export reads up to (absent when the log was empty). */
  upTo?: string;
}

export function headingOf(format: HistoryFormat, record: AuditExportRecordedData): ExportHeading {
  return {
    kind: 'export',
    exportId: record.exportId,
    format,
    filter: record.filter,
    exportedBy: record.exportedBy,
    exportedAt: record.at,
    ...(record.upTo !== undefined ? { upTo: record.upTo } : {}),
  };
}

/** The filter as the query that asks for it again (`aggregate=incident&type=A&type=B`). */
export function filterQuery(filter: ExportFilter): string {
  const query = new URLSearchParams();
  for (const [name, value] of Object.entries(filter)) {
    for (const one of Array.isArray(value) ? value : [value]) query.append(name, one);
  }
  return query.toString();
}

function csvLine(item: HistoryItem): string {
  return csvRecord([
    item.position,
    item.recordedAt,
    item.local ? zonedStamp(item.recordedAt, item.local.us.zone) : '',
    item.local ? zonedStamp(item.recordedAt, item.local.mx.zone) : '',
    item.type,
    item.stream,
    String(item.revision),
    item.actor,
    item.agency,
    item.side ?? '',
    item.role,
    item.correlationId,
    JSON.stringify(item.data),
  ]);
}

/**
 * JSON lines: the heading (`{"kind":"export",…}`), then one history item per line. CSV: a byte-order mark, two lines
 * that say what the file is (`# filter: <the query>` and `# export: id, who, when, up to which position`; each one
 * cell), the header row, then one row per event.
 */
async function* linesOf(heading: ExportHeading, items: AsyncIterable<HistoryItem>): AsyncGenerator<string> {
  if (heading.format === 'jsonl') {
    yield `${JSON.stringify(heading)}\n`;
    for await (const item of items) yield `${JSON.stringify(item)}\n`;
    return;
  }
  const { exportedBy } = heading;
  const about = new URLSearchParams({
    exportId: heading.exportId,
    exportedBy: exportedBy.username,
    agency: exportedBy.agency,
    side: exportedBy.side ?? '',
    role: exportedBy.role,
    exportedAt: heading.exportedAt,
    upTo: heading.upTo ?? '',
  });
  yield (
    UTF8_BOM + csvRecord([`# filter: ${filterQuery(heading.filter)}`]) + csvRecord([`# export: ${about.toString()}`])
  );
  yield csvRecord(HISTORY_CSV_COLUMNS);
  for await (const item of items) yield csvLine(item);
}

/** Lines gathered into chunks of about this many characters: one write per event would be one TCP segment per event. */
const CHUNK = 64 * 1024;

/** The first chunk (what the file is) goes out at once; the rest in chunks, as the store is read. */
async function* chunked(lines: AsyncIterable<string>): AsyncGenerator<string> {
  let pending = '';
  let first = true;
  for await (const line of lines) {
    if (first) {
      first = false;
      yield line;
      continue;
    }
    pending += line;
    if (pending.length >= CHUNK) {
      yield pending;
      pending = '';
    }
  }
  if (pending) yield pending;
}

/**
 * Writes the export to the response as it is read from the store: `pipeline` waits whenever the client reads slower
 * than the store (backpressure), and stops reading the store when the client goes away.
 */
export async function sendExport(
  response: Response,
  heading: ExportHeading,
  items: AsyncIterable<HistoryItem>,
): Promise<void> {
  await pipeline(Readable.from(chunked(linesOf(heading, items))), response);
}
