import { randomBytes, createHash, timingSafeEqual } from 'node:crypto';
import { join, resolve } from 'node:path';
import { readFileSync } from 'node:fs';
import { keepGeneratedFile } from '@enlace/config';

/** The file, under DATA_DIR, that keeps the token generated when neither METRICS_TOKEN nor METRICS_TOKEN_FILE is set. */
export const GENERATED_METRICS_TOKEN_FILE = 'metrics-token';
export const MIN_METRICS_TOKEN_BYTES = 32;
/** Tokens that ship with the repository's examples start with `demo-`, as its demo webhook secrets do. */
export const DEMO_METRICS_TOKEN = /^demo-/i;

export interface MetricsTokenSettings {
  NODE_ENV: string;
  DATA_DIR: string;
  METRICS_TOKEN?: string | undefined;
  METRICS_TOKEN_FILE?: string | undefined;
}

/** What is wrong with a token for this environment (`undefined`: nothing). */
export function metricsTokenProblem(token: string, production: boolean): string | undefined {
  if (Buffer.byteLength(token) < MIN_METRICS_TOKEN_BYTES) return `must be at least ${MIN_METRICS_TOKEN_BYTES} bytes`;
  if (production && DEMO_METRICS_TOKEN.test(token)) {
    return 'is a demo token (it starts with "demo-"), refused in production';
  }
  return undefined;
}

/**
 * The bearer token `/metrics` asks for: METRICS_TOKEN, or the text of METRICS_TOKEN_FILE (a secret file shared with
 * Prometheus); with neither (refused in production), a random token generated on the first start into
 * `<DATA_DIR>/metrics-token` (mode 0600), which processes sharing the directory share. `log` hears where it came from.
 */
export function loadMetricsToken(env: MetricsTokenSettings, log: (line: string) => void = () => undefined): string {
  const production = env.NODE_ENV === 'production';
  let token: string;
  let source: string;
  if (env.METRICS_TOKEN !== undefined) {
    token = env.METRICS_TOKEN;
    source = 'METRICS_TOKEN';
  } else if (env.METRICS_TOKEN_FILE !== undefined) {
    // Read as it is: the file is a secret shared with Prometheus (which must read it too), often on a read-only mount.
    token = readTokenFile(env.METRICS_TOKEN_FILE).trim();
    source = `METRICS_TOKEN_FILE ${env.METRICS_TOKEN_FILE}`;
  } else {
    if (production) throw new Error('METRICS_TOKEN or METRICS_TOKEN_FILE must be set in production');
    const file = join(resolve(env.DATA_DIR), GENERATED_METRICS_TOKEN_FILE);
    const kept = keepGeneratedFile(file, () => `${randomBytes(32).toString('base64url')}\n`);
    if (kept.created) log(`Generated the /metrics bearer token in ${file} (set METRICS_TOKEN to use your own)`);
    token = kept.text.trim();
    source = file;
  }
  const problem = metricsTokenProblem(token, production);
  if (problem) throw new Error(`${source}: the /metrics token ${problem}`);
  return token;
}

function readTokenFile(file: string): string {
  try {
    return readFileSync(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') {
      throw new Error(`METRICS_TOKEN_FILE ${file}: no such file`, { cause: error });
    }
    throw error;
  }
}

const digest = (value: string): Buffer => createHash('sha256').update(value).digest();

/** Whether an Authorization header carries `token` as a bearer token (compared in constant time). */
export function isMetricsScrapeAuthorized(authorization: string | undefined, token: string): boolean {
  const match = /^Bearer\s+(\S+)\s*$/i.exec(authorization ?? '');
  return match !== null && timingSafeEqual(digest(match[1]!), digest(token));
}

/** The answer to a scrape without the right token (the API's error shape, in English and Spanish). */
export const METRICS_UNAUTHORIZED = {
  statusCode: 401,
  code: 'METRICS.UNAUTHENTICATED',
  message: {
    en: 'Metrics need the bearer token of this site (METRICS_TOKEN)',
    es: 'Las métricas requieren el token bearer de este sitio (METRICS_TOKEN)',
  },
  details: {},
} as const;

export const METRICS_WWW_AUTHENTICATE = 'Bearer realm="enlace-metrics"';
