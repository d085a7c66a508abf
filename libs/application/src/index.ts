export { type Created, createdBy } from './created.js';
export { ApplicationModule } from './application.module.js';
export { platformImports } from './platform.js';
export {
  CommandPipeline,
  fingerprint,
  RevisionConflictError,
  type CommandOutcome,
  type CommandRequest,
} from './command-pipeline.js';
export { idSource, uuidFromName } from './deterministic-id.js';
export { type Current, GetDrill, GetIncident, GetNotification, GetPort, GetSession } from './aggregate-queries.js';
export {
  ActOnAccount,
  ActOnDrill,
  PlanDrill,
  ActOnIncident,
  ActOnNotification,
  ActOnSession,
  ActOnPort,
  IssueNotification,
  ReportIncident,
  requirePort,
  type RequestContext,
  type Written,
} from './use-cases.js';
export {
  GetIncidentTimeline,
  ListChecklists,
  ListIncidents,
  ListNotifications,
  ListPorts,
  ListPortShutdowns,
  QueriesModule,
  SearchIncidentArchive,
} from './queries.js';
export { type DrillRecord, type DrillWorldEvent, GetDrillRecord, GetDrillRecordHandler } from './drill-record.js';
