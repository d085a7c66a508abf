export type * from './read-model.types.js';
export * from './incident-board.projection.js';
export * from './incident-timeline.projection.js';
export * from './notification-tracker.projection.js';
export * from './port-status.projection.js';
export { categoryOf, idOf, type Projection } from './projection.js';
export { ProjectionRunner, ReadModelsCatchingUpError, type EventListener } from './projection-runner.js';
export { ProjectionsModule } from './projections.module.js';
export {
  archiveCollections,
  LIVE_STREAM_PREFIXES,
  readModelPrefixes,
  consolePrefixes,
  ReadModels,
  type Need,
  type ReadModelsSnapshot,
  type RoomName,
} from './read-models.js';
export { ReadModelQueries, type Page, type PageRequest } from './read-model-queries.js';
export { ARCHIVE_CONSUMER, ARCHIVE_KEY, ARCHIVE_TIMINGS, archiveKey, ReadModelArchive } from './read-model-archive.js';
export { type WorldModels, WorldReadModels } from './world-read-models.js';
export { DRILLS_COLLECTION, DrillDirectory, type DrillSummary } from './drill-directory.js';
export {
  archivedIncident,
  historyCollections,
  incidentHistoryDoc,
  IncidentHistoryModel,
  searchable,
  searchableMaterial,
} from './incident-history.js';
export { type ArchiveSearch, HISTORY_CONSUMER, IncidentHistory } from './incident-history-consumer.js';
