export { type AuditKey, GENERATED_AUDIT_KEY_FILE, loadAuditKey, worldOrigin } from './audit-key.js';
export { AuditLog, type ConsistencyProofView, type InclusionProofView } from './audit-log.js';
export { AUDIT_KEY, AuditModule } from './audit.module.js';
export { eventLeafFields, type SealedEventView } from './event-leaf-fields.js';
export {
  type LogProblem,
  type LogProblemKind,
  type LogVerdict,
  verifyLog,
  type VerifyProgress,
} from './log-verifier.js';
export { Sealer, SEALER_CONSUMER, sealedPrefixes } from './sealer.js';
export { auditCollections, type StoredCheckpoint, TILE_WIDTH, TreeStore } from './tree-store.js';
export {
  AS_OF_AGGREGATES,
  AsOf,
  type AsOfAggregate,
  type AsOfView,
  type BoardAsOf,
  type BoardSource,
  type DiffView,
  type EventLine,
  type Moment,
} from './as-of.js';
export { type Change, changesBetween } from './changes.js';
export { LIVE_READ_MODELS_KEY, replayReadModels, type ReplayDifference, type ReplayReport } from './replay.js';
export {
  BUNDLE_FORMAT,
  BUNDLE_PROBLEM_KINDS,
  type BundleManifest,
  type BundleProblem,
  type BundleProblemKind,
  type BundleScope,
  type BundleSigner,
  type BundleVerdict,
  type EventLine as BundleEventLine,
  keyFingerprint,
} from './bundle/bundle-format.js';
export {
  BundleExportError,
  type BundleKeyInfo,
  bundleKeyInfo,
  type BundleSummary,
  type ExportScope,
  writeBundle,
  type WriteBundleOptions,
} from './bundle/bundle-writer.js';
export { BundleArgumentError, verifyBundle, type VerifyBundleOptions } from './bundle/bundle-verifier.js';
export { DRILL_TREES_COLLECTION, DrillSealer } from './drill-sealer.js';
export { type CheckpointPolicy, EMPTY_TREE, type TreeState, TreeWriter } from './tree-writer.js';
export {
  HISTORY_AGGREGATES,
  type HistoryAggregate,
  type HistoryItem,
  type HistoryPage,
  type PortTimes,
  type ZonedTime,
} from './history.types.js';
