import type { DrillEvaluation } from './evaluation.types.js';

/**
 * Version of the JSON report's shape (`DrillEvaluation`, documented field by field in evaluation.types.ts). Bump it
 * when a field is removed, renamed or changes meaning; adding an optional field keeps it.
 */
export const AAR_SCHEMA_VERSION = 1;
export const AAR_DOCUMENT_KIND = 'enlace.after-action-report';

export type AarDocument = {
  schemaVersion: typeof AAR_SCHEMA_VERSION;
  kind: typeof AAR_DOCUMENT_KIND;
} & DrillEvaluation;

/**
 * The report as JSON for other systems: language-neutral (every text carries both languages), times ISO-8601 (UTC),
 * durations in minutes and release errors in seconds; a field is absent when what it describes did not happen.
 * Keys come in the evaluation's own order, so the same drill always gives the same bytes.
 */
export function renderAarJson(evaluation: DrillEvaluation): string {
  const document: AarDocument = { schemaVersion: AAR_SCHEMA_VERSION, kind: AAR_DOCUMENT_KIND, ...evaluation };
  return `${JSON.stringify(document, null, 2)}\n`;
}
