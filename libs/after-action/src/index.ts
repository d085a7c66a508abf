export * from './evaluation.types.js';
export { evaluateDrill } from './evaluate-drill.js';
export { DrillNotPlannedError } from './drill-record.js';
export { DEFAULT_IMPROVEMENT_DUE_DAYS, improvementItemId } from './improvement-plan.js';
export { SOME_CHALLENGES_LIMIT } from './evaluate-objectives.js';
