export * from './incident-board.projection.js';
export * from './incident-timeline.projection.js';
export * from './notification-tracker.projection.js';
export * from './port-status.projection.js';
export { categoryOf, idOf, type Projection } from './projection.js';
export { ProjectionRunner, type EventListener } from './projection-runner.js';
export { ProjectionsModule } from './projections.module.js';
export { LIVE_STREAM_PREFIXES, ReadModels } from './read-models.js';
export { RoomRouter, type RoomName } from './room-router.js';
