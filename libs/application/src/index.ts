export { ApplicationModule } from './application.module.js';
export {
  CommandPipeline,
  fingerprint,
  RevisionConflictError,
  type CommandOutcome,
  type CommandRequest,
} from './command-pipeline.js';
export { idSource, uuidFromName } from './deterministic-id.js';
