export { type Mismatch, type OpenApiDocument, ResponseChecker } from './response-checker.js';
export { writeReportSection } from './report.js';
export { minimalBody } from './minimal-body.js';
