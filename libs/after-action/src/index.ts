export * from './evaluation.types.js';
export { evaluateDrill } from './evaluate-drill.js';
export { DrillNotPlannedError } from './drill-record.js';
export { DEFAULT_IMPROVEMENT_DUE_DAYS, improvementItemId } from './improvement-plan.js';
export { SOME_CHALLENGES_LIMIT } from './evaluate-objectives.js';
export { renderAarHtml } from './render-html.js';
export { renderAarMarkdown } from './render-markdown.js';
export { AAR_DOCUMENT_KIND, AAR_SCHEMA_VERSION, type AarDocument, renderAarJson } from './render-json.js';
export { EVENT_NAMES, LABELS, type LabelKey } from './labels.js';
export {
  type AcknowledgmentOutcome,
  type BlmResult,
  evaluateNotificationDrill,
  median,
  NOTIFICATION_DRILL_REPORT_KIND,
  type NotificationDrillEvaluation,
  type NotificationDrillInput,
  type NotificationFact,
  type RecipientResult,
  renderNotificationDrillHtml,
  renderNotificationDrillJson,
  renderNotificationDrillMarkdown,
} from './notification-drill.js';
export { markup, SafeHtml, trusted } from './safe-html.js';
