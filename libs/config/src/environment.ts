import 'reflect-metadata';
import { plainToInstance, Transform, Type } from 'class-transformer';
import {
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  Matches,
  Max,
  Min,
  MinLength,
  ValidateBy,
  ValidateIf,
  validateSync,
  type ValidationError,
  type ValidationOptions,
} from 'class-validator';

export const NODE_ENVS = ['development', 'production', 'test'] as const;
export const LOG_LEVELS = ['fatal', 'error', 'warn', 'log', 'debug', 'verbose'] as const;
export const LOG_FORMATS = ['auto', 'json', 'pretty'] as const;
export const EVENT_STORE_KINDS = ['postgres', 'kurrentdb'] as const;
export const WORKER_EMBEDDED_MODES = ['auto', 'true', 'false'] as const;
export const API_DOCS_MODES = ['auto', 'public', 'admin', 'off'] as const;

/** A browser origin: scheme, host and optional port, nothing after. */
const ORIGIN = /^https?:\/\/[A-Za-z0-9.-]+(:\d{1,5})?$|^https?:\/\/\[[0-9A-Fa-f:.]+\](:\d{1,5})?$/;
const splitList = (value: string): string[] =>
  value
    .split(',')
    .map((item) => item.trim())
    .filter((item) => item.length > 0);

/** At least `bytes` bytes of UTF-8 (a secret's strength is in bytes, not characters). */
function MinByteLength(bytes: number, options: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    {
      name: 'minByteLength',
      validator: { validate: (value: unknown) => typeof value === 'string' && Buffer.byteLength(value) >= bytes },
    },
    options,
  );
}

const emptyToUndefined = ({ value }: { value: unknown }): unknown => (value === '' ? undefined : value);

/** Every environment variable an Enlace process reads, validated once at boot. */
export class EnvironmentVariables {
  @IsIn(NODE_ENVS)
  NODE_ENV: (typeof NODE_ENVS)[number] = 'development';

  @IsString()
  @MinLength(1)
  HOST = '127.0.0.1';

  @Type(() => Number)
  @IsInt()
  @Min(0)
  @Max(65_535)
  PORT = 3000;

  @IsIn(LOG_LEVELS)
  LOG_LEVEL: (typeof LOG_LEVELS)[number] = 'log';

  /** `auto`: JSON lines in production, pino-pretty's text otherwise. */
  @IsIn(LOG_FORMATS)
  LOG_FORMAT: (typeof LOG_FORMATS)[number] = 'auto';

  @IsIn(EVENT_STORE_KINDS)
  EVENT_STORE: (typeof EVENT_STORE_KINDS)[number] = 'postgres';

  /** Unset: the embedded PGlite store under PGLITE_DATA_DIR. */
  @Transform(emptyToUndefined)
  @IsOptional()
  @Matches(/^postgres(ql)?:\/\/\S+$/, { message: 'must be a postgres:// connection string' })
  DATABASE_URL?: string;

  @Matches(/^[a-z_][a-z0-9_]{0,62}$/, { message: 'must be a lower-case SQL identifier' })
  DATABASE_SCHEMA = 'public';

  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(200)
  DATABASE_POOL_SIZE = 10;

  @IsString()
  @MinLength(1)
  PGLITE_DATA_DIR = './data/pglite';

  @Transform(emptyToUndefined)
  @ValidateIf(
    (env: EnvironmentVariables) => env.EVENT_STORE === 'kurrentdb' || env.KURRENTDB_CONNECTION_STRING !== undefined,
  )
  @Matches(/^(kurrentdb|kdb|esdb|eventstoredb)(\+discover)?:\/\/\S+$/, {
    message: 'must be a kurrentdb:// connection string (required when EVENT_STORE=kurrentdb)',
  })
  KURRENTDB_CONNECTION_STRING?: string;

  @Type(() => Number)
  @IsInt()
  @Min(1024)
  @Max(16 * 1024 * 1024)
  EVENT_STORE_MAX_PAYLOAD_BYTES = 256 * 1024;

  @Type(() => Number)
  @IsInt()
  @Min(10)
  @Max(60_000)
  EVENT_STORE_POLL_INTERVAL_MS = 500;

  /**
   * The longest a live event waits for the console feed's next send. After a send the feed waits four times as long
   * as that send took to write (a few consoles: next to nothing), up to this; events arriving meanwhile go out
   * together. 0 sends on every turn of the event loop. Under load, fewer and larger messages cost the server one
   * write per console per send instead of per event.
   */
  @Type(() => Number)
  @IsInt()
  @Min(0)
  @Max(1_000)
  CONSOLE_FLUSH_INTERVAL_MS = 40;

  /**
   * Console connections one account may hold open in one api process: a console per screen and a few tabs, with room
   * to spare. A site whose wall displays share one account raises it.
   */
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(100_000)
  CONSOLE_MAX_CONNECTIONS_PER_ACCOUNT = 20;

  /** Reference data, checklist templates and the user directory. */
  @IsString()
  @MinLength(1)
  CONFIG_DIR = './config';

  /**
   * Files this process keeps beside the event store: the generated token-signing secret (when JWT_SECRET is unset) and
   * re-hashed passwords. Processes that share this directory share them.
   */
  @IsString()
  @MinLength(1)
  DATA_DIR = './data';

  /**
   * Signs access tokens (HS256). Unset outside production: a random secret generated on first start and kept in
   * `<DATA_DIR>/jwt-secret` (mode 0600). Required in production, at least 32 bytes.
   */
  @Transform(emptyToUndefined)
  @ValidateIf((env: EnvironmentVariables) => env.NODE_ENV === 'production' || env.JWT_SECRET !== undefined)
  @IsString({ message: 'must be set in production (at least 32 bytes)' })
  @MinByteLength(32, { message: 'must be at least 32 bytes' })
  JWT_SECRET?: string;

  /** The `iss` claim of access tokens: tokens from another issuer are refused. */
  @Matches(/^[\x21-\x7e]{1,100}$/, { message: 'must be 1–100 printable characters without spaces' })
  JWT_ISSUER = 'enlace';

  /** The `aud` claim of access tokens: tokens for another audience are refused. */
  @Matches(/^[\x21-\x7e]{1,100}$/, { message: 'must be 1–100 printable characters without spaces' })
  JWT_AUDIENCE = 'enlace-api';

  /** How long an access token lives (decision 0009: 15 minutes). */
  @Type(() => Number)
  @IsInt()
  @Min(5)
  @Max(3600)
  ACCESS_TOKEN_TTL_SECONDS = 900;

  /** A refresh token unused this long expires (the session's idle timeout); each refresh starts it again. */
  @Type(() => Number)
  @IsInt()
  @Min(60)
  @Max(7 * 24 * 3600)
  REFRESH_TOKEN_TTL_SECONDS = 1800;

  /** A session ends this long after its sign-in however active it is (then sign in again). */
  @Type(() => Number)
  @IsInt()
  @Min(60)
  @Max(7 * 24 * 3600)
  SESSION_MAX_SECONDS = 12 * 3600;

  /**
   * Failed sign-ins of one account name from one client address within LOGIN_FAILURE_WINDOW_SECONDS before that
   * address is locked out of that account (other addresses are not).
   */
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(100)
  LOGIN_MAX_FAILURES = 5;

  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(24 * 3600)
  LOGIN_FAILURE_WINDOW_SECONDS = 3600;

  /** The first lockout of an account; each further lockout within 24 h doubles it, up to LOGIN_LOCKOUT_MAX_SECONDS. */
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(24 * 3600)
  LOGIN_LOCKOUT_SECONDS = 60;

  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(7 * 24 * 3600)
  LOGIN_LOCKOUT_MAX_SECONDS = 1800;

  /** Failed sign-ins from one client address within LOGIN_ADDRESS_WINDOW_SECONDS before it must wait that long. */
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(10_000)
  LOGIN_ADDRESS_MAX_FAILURES = 30;

  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(24 * 3600)
  LOGIN_ADDRESS_WINDOW_SECONDS = 900;

  /**
   * Failed sign-ins of one account name from every address within an hour before it is locked for every address it
   * has not signed in from lately, until the hour is over (OWASP ASVS V2.2.1: at most 100 an hour).
   */
  @Type(() => Number)
  @IsInt()
  @Min(10)
  @Max(100)
  LOGIN_ACCOUNT_MAX_FAILURES_PER_HOUR = 100;

  /** An address an account signed in from within this many days passes that account's hourly ceiling. */
  @Type(() => Number)
  @IsInt()
  @Min(0)
  @Max(365)
  LOGIN_KNOWN_ADDRESS_DAYS = 30;

  /** Sign-in attempts (right or wrong) from one client address within LOGIN_ADDRESS_ATTEMPT_WINDOW_SECONDS. */
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(100_000)
  LOGIN_ADDRESS_MAX_ATTEMPTS = 100;

  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(24 * 3600)
  LOGIN_ADDRESS_ATTEMPT_WINDOW_SECONDS = 300;

  /** Sign-ins (sessions started) of one account within LOGIN_ACCOUNT_SIGN_IN_WINDOW_SECONDS. */
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(10_000)
  LOGIN_ACCOUNT_MAX_SIGN_INS = 30;

  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(24 * 3600)
  LOGIN_ACCOUNT_SIGN_IN_WINDOW_SECONDS = 600;

  /** Password checks one client address may hold in the shared pool (running or waiting) at once. */
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(32)
  LOGIN_ADDRESS_CONCURRENCY = 2;

  /** Further checks of that address wait in a line of its own this long; beyond it, 429 with Retry-After. */
  @Type(() => Number)
  @IsInt()
  @Min(0)
  @Max(1_000)
  LOGIN_ADDRESS_QUEUE = 8;

  /** Password checks (scrypt, ~0.3 s of a core each) running at once; more wait in a queue. */
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(32)
  PASSWORD_HASH_CONCURRENCY = 2;

  /** Password checks waiting for a slot; beyond this a sign-in is answered 503 with Retry-After. */
  @Type(() => Number)
  @IsInt()
  @Min(0)
  @Max(10_000)
  PASSWORD_HASH_QUEUE = 16;

  /**
   * How long a process holds a consumer's lease (the delivery reconciler) without renewing it: when the owner dies,
   * another process takes over within this plus a third of it.
   */
  @Type(() => Number)
  @IsInt()
  @Min(2)
  @Max(300)
  CONSUMER_LEASE_SECONDS = 15;

  /**
   * Which proxies' X-Forwarded-For to believe for the client address (throttling, sign-in records): `false` (none,
   * the default), `true`, a hop count, or a comma-separated list of addresses/subnets (Express's `trust proxy`).
   */
  @Matches(/^(false|true|\d{1,2}|[A-Za-z0-9.:/]+(\s*,\s*[A-Za-z0-9.:/]+)*)$/, {
    message: 'must be false, true, a hop count, or a comma-separated list of addresses or subnets',
  })
  TRUST_PROXY = 'false';

  /** Redis for the worker's queues (BullMQ). It holds nothing the store cannot rebuild. */
  @Matches(/^rediss?:\/\/\S+$/, { message: 'must be a redis:// or rediss:// URL' })
  REDIS_URL = 'redis://127.0.0.1:6379';

  /** Namespaces our keys in Redis (BullMQ queues and the worker's sentinel), so several sites can share one. */
  @Matches(/^[A-Za-z0-9_-]{1,40}$/, { message: 'must be 1–40 letters, digits, _ or -' })
  REDIS_PREFIX = 'enlace';

  /**
   * Whether the api process also runs the worker (deliveries, deadlines, escalations). `auto`: only with the
   * embedded PGlite store, whose files one process owns; with a server, run `apps/worker` as its own process.
   */
  @IsIn(WORKER_EMBEDDED_MODES)
  WORKER_EMBEDDED: (typeof WORKER_EMBEDDED_MODES)[number] = 'auto';

  /** Retries, channels and escalation chains; unset: `<CONFIG_DIR>/notification-delivery.json`. */
  @Transform(emptyToUndefined)
  @IsOptional()
  @IsString()
  @MinLength(1)
  NOTIFICATION_DELIVERY_FILE?: string;

  /** CAP `sender` of exported alerts: globally unique, no spaces, commas, `<` or `&` (e.g. an address of the site). */
  @Matches(/^[^\s,<&]{3,200}$/, { message: 'must be 3–200 characters without spaces, commas, < or &' })
  CAP_SENDER = 'enlace@border.example';

  /**
   * Browser origins allowed besides the api's own (comma-separated, e.g. `https://enlace.example.gov`): for the
   * console feed's socket and for HTTP CORS. Empty: same-origin only. A console page served from the api itself
   * always works; list the public origin when a proxy rewrites the Host header.
   */
  @Transform(({ value }: { value: unknown }) => (typeof value === 'string' ? splitList(value) : value))
  @Matches(ORIGIN, { each: true, message: 'must be comma-separated origins such as https://enlace.example.gov' })
  ALLOWED_ORIGINS: string[] = [];

  /**
   * The OpenAPI docs (/api/docs, /api/docs-json): `auto` = public outside production, off in production; `admin` =
   * only with an admin's bearer token; `public` (refused in production) or `off`.
   */
  @ValidateBy({
    name: 'apiDocs',
    validator: {
      validate: (value: unknown, args) =>
        API_DOCS_MODES.includes(value as (typeof API_DOCS_MODES)[number]) &&
        !(value === 'public' && (args?.object as EnvironmentVariables).NODE_ENV === 'production'),
      defaultMessage: () => 'must be auto, public, admin or off (not public in production)',
    },
  })
  API_DOCS: (typeof API_DOCS_MODES)[number] = 'auto';

  /**
   * The file of the Ed25519 key that signs the audit log's checkpoints (PKCS#8 PEM), never kept in the database.
   * Unset outside production: `<DATA_DIR>/audit-signing-key.pem`, generated on first start (mode 0600). Required in
   * production, so the operator knows where the key is, backs it up and rotates it (README, "Auditing").
   */
  @Transform(emptyToUndefined)
  @ValidateIf((env: EnvironmentVariables) => env.NODE_ENV === 'production' || env.AUDIT_SIGNING_KEY_FILE !== undefined)
  @IsString({ message: 'must be set in production (the path of an Ed25519 private key, PKCS#8 PEM)' })
  @MinLength(1)
  AUDIT_SIGNING_KEY_FILE?: string;

  /**
   * The audit log's name (C2SP checkpoint origin, and the signing key's name): unique among the logs a witness
   * follows, e.g. `enlace.cbp.example/live`. Unset: `enlace/<the key's id>`, unique per key.
   */
  @Transform(emptyToUndefined)
  @IsOptional()
  @Matches(/^[\x21-\x7e]{1,200}$/, { message: 'must be 1–200 printable characters without spaces' })
  @Matches(/^[^+]*$/, { message: 'must not contain +' })
  AUDIT_LOG_ORIGIN?: string;

  /** A signed checkpoint is cut this long after the last one when the log grew… */
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(3600)
  AUDIT_CHECKPOINT_SECONDS = 60;

  /** …or as soon as it grew by this many events. */
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(1_000_000)
  AUDIT_CHECKPOINT_EVENTS = 1000;

  /**
   * Witnesses whose cosignatures the log accepts (C2SP verifier keys `<name>+<key id>+<key>`, comma-separated): the
   * other country's deployment, an inspector general.
   */
  @Transform(({ value }: { value: unknown }) => (typeof value === 'string' ? splitList(value) : value))
  @Matches(/^[\x21-\x2a\x2c-\x7e]{1,200}\+[0-9a-f]{8}\+[A-Za-z0-9+/=]{40,100}$/, {
    each: true,
    message: 'must be comma-separated verifier keys such as witness.example+1a2b3c4d+BASE64',
  })
  AUDIT_WITNESS_KEYS: string[] = [];

  /**
   * The log's retired signing keys (C2SP verifier keys, comma-separated), after a rotation: checkpoints they signed
   * still verify. Keep AUDIT_LOG_ORIGIN as it was, so the log keeps its name.
   */
  @Transform(({ value }: { value: unknown }) => (typeof value === 'string' ? splitList(value) : value))
  @Matches(/^[\x21-\x2a\x2c-\x7e]{1,200}\+[0-9a-f]{8}\+[A-Za-z0-9+/=]{40,100}$/, {
    each: true,
    message: 'must be comma-separated verifier keys such as enlace.example/live+1a2b3c4d+BASE64',
  })
  AUDIT_PREVIOUS_KEYS: string[] = [];

  /**
   * The bearer token Prometheus sends to `/metrics` (docs/decisions/0025-metrics.md), at least 32 bytes. Unset outside
   * production (with METRICS_TOKEN_FILE unset too): a random token generated on first start into
   * `<DATA_DIR>/metrics-token` (mode 0600). Production needs this or METRICS_TOKEN_FILE, and refuses a demo one.
   */
  @Transform(emptyToUndefined)
  @ValidateIf(
    (env: EnvironmentVariables) =>
      (env.NODE_ENV === 'production' && env.METRICS_TOKEN_FILE === undefined) || env.METRICS_TOKEN !== undefined,
  )
  @IsString({ message: 'must be set in production, or METRICS_TOKEN_FILE (at least 32 bytes)' })
  @MinByteLength(32, { message: 'must be at least 32 bytes' })
  @ValidateBy({
    name: 'notDemoToken',
    validator: {
      validate: (value: unknown, args) =>
        !(
          typeof value === 'string' &&
          /^demo-/i.test(value) &&
          (args?.object as EnvironmentVariables).NODE_ENV === 'production'
        ),
      defaultMessage: () => 'is a demo token (it starts with "demo-"), refused in production',
    },
  })
  METRICS_TOKEN?: string;

  /** A file holding the `/metrics` token instead (a secret shared with Prometheus, e.g. /run/secrets/metrics_token). */
  @Transform(emptyToUndefined)
  @IsOptional()
  @IsString()
  @MinLength(1)
  METRICS_TOKEN_FILE?: string;

  /**
   * A listener of its own for `/metrics` (same token): how a worker process is scraped, and how an api can be scraped
   * off its public port. Unset: none (the api still serves `/metrics` on PORT).
   */
  @Transform(emptyToUndefined)
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(0)
  @Max(65_535)
  METRICS_PORT?: number;

  /** The address METRICS_PORT listens on; unset: HOST. */
  @Transform(emptyToUndefined)
  @IsOptional()
  @IsString()
  @MinLength(1)
  METRICS_HOST?: string;
}

/** Whether and to whom the api serves its OpenAPI docs (see `API_DOCS`). */
export function apiDocsAccess(env: Pick<EnvironmentVariables, 'API_DOCS' | 'NODE_ENV'>): 'public' | 'admin' | 'off' {
  if (env.API_DOCS === 'auto') return env.NODE_ENV === 'production' ? 'off' : 'public';
  return env.API_DOCS;
}

const OPTIONAL = [
  'DATABASE_URL',
  'KURRENTDB_CONNECTION_STRING',
  'JWT_SECRET',
  'NOTIFICATION_DELIVERY_FILE',
  'AUDIT_SIGNING_KEY_FILE',
  'AUDIT_LOG_ORIGIN',
  'METRICS_TOKEN',
  'METRICS_TOKEN_FILE',
  'METRICS_PORT',
  'METRICS_HOST',
];

export class InvalidEnvironmentError extends Error {
  constructor(readonly problems: readonly string[]) {
    super(`Invalid environment variables:\n${problems.map((problem) => `  - ${problem}`).join('\n')}`);
    this.name = 'InvalidEnvironmentError';
  }
}

function describeProblems(errors: readonly ValidationError[], raw: Record<string, unknown>): string[] {
  return errors.map((error) => {
    const value = raw[error.property];
    const shown =
      value === undefined ? '(unset)' : JSON.stringify(typeof value === 'string' ? value : JSON.stringify(value));
    const rules = Object.values(error.constraints ?? {}).join('; ');
    return `${error.property}=${shown}: ${rules}`;
  });
}

/** Validates the whole environment and throws one error naming every bad variable. */
export function validateEnvironment(raw: Record<string, unknown>): EnvironmentVariables {
  const known = Object.keys(new EnvironmentVariables());
  const relevant = Object.fromEntries(
    Object.entries(raw).filter(([key]) => known.includes(key) || OPTIONAL.includes(key)),
  );
  const env = plainToInstance(EnvironmentVariables, relevant, { exposeDefaultValues: true });
  const errors = validateSync(env, { skipMissingProperties: false, forbidUnknownValues: true });
  if (errors.length > 0) throw new InvalidEnvironmentError(describeProblems(errors, raw));
  return env;
}

/** Whether this api process runs the worker too (see `WORKER_EMBEDDED`). */
export function workerEmbedded(
  env: Pick<EnvironmentVariables, 'WORKER_EMBEDDED' | 'EVENT_STORE' | 'DATABASE_URL'>,
): boolean {
  switch (env.WORKER_EMBEDDED) {
    case 'true':
      return true;
    case 'false':
      return false;
    case 'auto':
      return env.EVENT_STORE === 'postgres' && !env.DATABASE_URL;
  }
}

/** The Nest logger levels at and above `level`. */
/** How log lines are written: JSON (one object a line) or text for a person. */
export function logFormat(env: Pick<EnvironmentVariables, 'LOG_FORMAT' | 'NODE_ENV'>): 'json' | 'pretty' {
  if (env.LOG_FORMAT !== 'auto') return env.LOG_FORMAT;
  return env.NODE_ENV === 'production' ? 'json' : 'pretty';
}

export function nestLogLevels(level: (typeof LOG_LEVELS)[number]): (typeof LOG_LEVELS)[number][] {
  return LOG_LEVELS.slice(0, LOG_LEVELS.indexOf(level) + 1);
}
