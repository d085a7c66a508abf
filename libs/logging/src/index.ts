export {
  CORRELATION_HEADER,
  CORRELATION_ID_PATTERN,
  correlationIdFrom,
  currentCorrelationId,
  isCorrelationId,
  withCorrelation,
} from './correlation.js';
export {
  createLogger,
  type LogFormat,
  type LogSettings,
  type NestLevel,
  PinoLoggerService,
  processLogger,
} from './logger.js';
export { REDACTED, REDACTED_PATHS, scrubSecrets } from './redaction.js';
export { type LogEnvironment, loggerFor } from './process-logger.js';
