import type { LoggerService } from '@nestjs/common';
import { pino, type Level, type Logger as Pino } from 'pino';
import { PinoPretty } from 'pino-pretty';
import { currentCorrelationId } from './correlation.js';
import { REDACTED, REDACTED_PATHS, scrubSecrets } from './redaction.js';

/** The levels of LOG_LEVEL (Nest's names), most severe first. */
export type NestLevel = 'fatal' | 'error' | 'warn' | 'log' | 'debug' | 'verbose';
export type LogFormat = 'json' | 'pretty';

const PINO_LEVEL: Record<NestLevel, Level> = {
  fatal: 'fatal',
  error: 'error',
  warn: 'warn',
  log: 'info',
  debug: 'debug',
  verbose: 'trace',
};

export interface LogSettings {
  level: NestLevel;
  format: LogFormat;
  /** `api` or `worker`: on every line, so one stream can hold both. */
  service: string;
  /** Where lines go (stdout by default); tests pass a stream to read them. */
  destination?: NodeJS.WritableStream;
}

/**
 * The process's one pino logger: JSON lines (one object a line, `time` in epoch ms, `level` as a number, `msg`), or
 * pino-pretty's text for a person at a terminal. Every line written while a request or a job is handled carries its
 * `correlationId`; credentials are redacted by key, and JWT-looking strings are scrubbed from messages.
 */
export function createLogger(settings: LogSettings): Pino {
  const destination =
    settings.format === 'pretty'
      ? PinoPretty({
          sync: true,
          colorize: process.stdout.isTTY,
          translateTime: 'SYS:HH:MM:ss.l',
          ignore: 'pid,hostname,service',
          messageFormat: '{if context}[{context}] {end}{msg}',
          ...(settings.destination ? { destination: settings.destination } : {}),
        })
      : (settings.destination ?? pino.destination({ dest: 1, sync: true }));
  return pino(
    {
      level: PINO_LEVEL[settings.level],
      base: { service: settings.service, pid: process.pid },
      redact: { paths: [...REDACTED_PATHS], censor: REDACTED },
      mixin: () => {
        const correlationId = currentCorrelationId();
        return correlationId === undefined ? {} : { correlationId };
      },
      hooks: {
        logMethod(args, method) {
          method.apply(
            this,
            args.map((arg: unknown) => (typeof arg === 'string' ? scrubSecrets(arg) : arg)) as Parameters<
              typeof method
            >,
          );
        },
      },
    },
    destination,
  );
}

/**
 * Nest's logger, written through pino: every `new Logger(context)` of the api, the worker and the libs lands here,
 * with its context as a field. Nest passes `(message, ...params, context)`, and for errors `(message, stack, context)`.
 */
export class PinoLoggerService implements LoggerService {
  constructor(readonly pino: Pino) {}

  fatal(message: unknown, ...params: unknown[]): void {
    this.write('fatal', message, params);
  }

  error(message: unknown, ...params: unknown[]): void {
    this.write('error', message, params);
  }

  warn(message: unknown, ...params: unknown[]): void {
    this.write('warn', message, params);
  }

  log(message: unknown, ...params: unknown[]): void {
    this.write('info', message, params);
  }

  debug(message: unknown, ...params: unknown[]): void {
    this.write('debug', message, params);
  }

  verbose(message: unknown, ...params: unknown[]): void {
    this.write('trace', message, params);
  }

  private write(level: Level, message: unknown, params: unknown[]): void {
    if (!this.pino.isLevelEnabled(level)) return;
    const rest = [...params];
    const context = rest.length > 0 && typeof rest.at(-1) === 'string' ? (rest.pop() as string) : undefined;
    const fields: Record<string, unknown> = context === undefined ? {} : { context };
    if (level === 'error' || level === 'fatal') {
      const stack = rest.find((param): param is string => typeof param === 'string' && param.includes('\n    at '));
      if (stack !== undefined) fields.stack = scrubSecrets(stack);
    }
    if (message instanceof Error) {
      this.pino[level]({ ...fields, err: message }, scrubSecrets(message.message));
    } else if (typeof message === 'object' && message !== null) {
      this.pino[level]({ ...fields, ...(message as Record<string, unknown>) });
    } else {
      this.pino[level](fields, String(message));
    }
  }
}

/** The logger of a process (`api`, `worker`) as LOG_LEVEL and LOG_FORMAT say. */
export function processLogger(
  settings: Pick<LogSettings, 'level' | 'format' | 'service'>,
  destination?: NodeJS.WritableStream,
): PinoLoggerService {
  return new PinoLoggerService(createLogger({ ...settings, ...(destination ? { destination } : {}) }));
}
