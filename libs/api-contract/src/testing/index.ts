export { type Mismatch, ResponseChecker } from './response-checker.js';
export { writeReportSection } from './report.js';
