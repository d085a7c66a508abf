import { type EnvironmentVariables, logFormat } from '@enlace/config';
import { type PinoLoggerService, processLogger } from './logger.js';

/** LOG_LEVEL, and LOG_FORMAT with NODE_ENV (`auto` and `development` when absent). */
export type LogEnvironment = Pick<EnvironmentVariables, 'LOG_LEVEL'> &
  Partial<Pick<EnvironmentVariables, 'LOG_FORMAT' | 'NODE_ENV'>>;

/** The logger of the api or the worker: JSON lines in production, text in development (decision 0026). */
export function loggerFor(env: LogEnvironment, service: 'api' | 'worker'): PinoLoggerService {
  return processLogger({
    level: env.LOG_LEVEL,
    format: logFormat({ LOG_FORMAT: env.LOG_FORMAT ?? 'auto', NODE_ENV: env.NODE_ENV ?? 'development' }),
    service,
  });
}
