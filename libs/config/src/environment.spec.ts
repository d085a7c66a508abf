import {
  apiDocsAccess,
  InvalidEnvironmentError,
  nestLogLevels,
  validateEnvironment,
  workerEmbedded,
} from './environment.js';

describe('validateEnvironment', () => {
  it('applies defaults and converts numbers', () => {
    const env = validateEnvironment({ PORT: '8080' });
    expect(env.PORT).toBe(8080);
    expect(env.EVENT_STORE).toBe('postgres');
    expect(env.DATABASE_URL).toBeUndefined();
    expect(env.PGLITE_DATA_DIR).toBe('./data/pglite');
  });

  it('treats an empty DATABASE_URL as unset (the embedded store)', () => {
    expect(validateEnvironment({ DATABASE_URL: '' }).DATABASE_URL).toBeUndefined();
  });

  it('names every bad variable in one error', () => {
    let error: unknown;
    try {
      validateEnvironment({
        PORT: '99999',
        NODE_ENV: 'staging',
        DATABASE_SCHEMA: 'Bad-Schema',
        EVENT_STORE: 'kurrentdb',
      });
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(InvalidEnvironmentError);
    const problems = (error as InvalidEnvironmentError).problems.join('\n');
    expect(problems).toMatch(/^PORT="99999": /m);
    expect(problems).toMatch(/^NODE_ENV="staging": /m);
    expect(problems).toMatch(/^DATABASE_SCHEMA="Bad-Schema": must be a lower-case SQL identifier/m);
    expect(problems).toMatch(/^KURRENTDB_CONNECTION_STRING=\(unset\): .*required when EVENT_STORE=kurrentdb/m);
  });

  it('ignores unrelated variables', () => {
    expect(() => validateEnvironment({ PATH: '/bin', SOMETHING_ELSE: 'x' })).not.toThrow();
  });
});

describe('nestLogLevels', () => {
  it('includes the level and everything more severe', () => {
    expect(nestLogLevels('warn')).toEqual(['fatal', 'error', 'warn']);
  });
});

describe('JWT_SECRET', () => {
  it('is optional outside production (a generated secret then) and kept when set', () => {
    expect(validateEnvironment({}).JWT_SECRET).toBeUndefined();
    expect(validateEnvironment({ JWT_SECRET: 'x'.repeat(32) }).JWT_SECRET).toBe('x'.repeat(32));
  });

  it('is required in production, and secrets shorter than 32 bytes are refused', () => {
    expect(() => validateEnvironment({ NODE_ENV: 'production' })).toThrow(
      /JWT_SECRET=\(unset\): .*must be set in production/,
    );
    expect(() => validateEnvironment({ JWT_SECRET: 'short' })).toThrow(/JWT_SECRET="short": must be at least 32 bytes/);
    // Counted in bytes: 16 two-byte characters are 32 bytes.
    expect(validateEnvironment({ JWT_SECRET: 'ñ'.repeat(16) }).JWT_SECRET).toBe('ñ'.repeat(16));
    expect(() => validateEnvironment({ JWT_SECRET: 'ñ'.repeat(15) })).toThrow(/must be at least 32 bytes/);
  });
});

describe('tokens, sessions and sign-in limits', () => {
  it('defaults to 15-minute access tokens, 30-minute idle and 12-hour sessions', () => {
    const env = validateEnvironment({});
    expect(env).toMatchObject({
      ACCESS_TOKEN_TTL_SECONDS: 900,
      REFRESH_TOKEN_TTL_SECONDS: 1800,
      SESSION_MAX_SECONDS: 43_200,
      JWT_ISSUER: 'enlace',
      JWT_AUDIENCE: 'enlace-api',
      LOGIN_MAX_FAILURES: 5,
      PASSWORD_HASH_CONCURRENCY: 2,
      TRUST_PROXY: 'false',
      DATA_DIR: './data',
    });
  });

  it('names bad lifetimes, limits and proxy settings', () => {
    expect(() =>
      validateEnvironment({
        ACCESS_TOKEN_TTL_SECONDS: '0',
        LOGIN_MAX_FAILURES: 'many',
        TRUST_PROXY: 'everyone please',
        JWT_ISSUER: 'has space',
      }),
    ).toThrow(/ACCESS_TOKEN_TTL_SECONDS="0"[\s\S]*LOGIN_MAX_FAILURES="many"[\s\S]*TRUST_PROXY="everyone please"/);
    expect(validateEnvironment({ TRUST_PROXY: 'loopback, 10.0.0.0/8' }).TRUST_PROXY).toBe('loopback, 10.0.0.0/8');
  });
});

describe('Redis and the embedded worker', () => {
  it('defaults to the local Redis and runs the worker in the api only with the embedded store', () => {
    const env = validateEnvironment({});
    expect(env.REDIS_URL).toBe('redis://127.0.0.1:6379');
    expect(workerEmbedded(env)).toBe(true);
    expect(workerEmbedded(validateEnvironment({ DATABASE_URL: 'postgres://x@h/db' }))).toBe(false);
    expect(workerEmbedded(validateEnvironment({ DATABASE_URL: 'postgres://x@h/db', WORKER_EMBEDDED: 'true' }))).toBe(
      true,
    );
  });

  it('names a bad Redis URL and embedding mode', () => {
    expect(() => validateEnvironment({ REDIS_URL: 'http://x', WORKER_EMBEDDED: 'yes' })).toThrow(
      /REDIS_URL="http:\/\/x": must be a redis:\/\/ or rediss:\/\/ URL[\s\S]*WORKER_EMBEDDED="yes"/,
    );
  });
});

describe('ALLOWED_ORIGINS', () => {
  it('is empty by default (same-origin only) and reads a comma-separated list', () => {
    expect(validateEnvironment({}).ALLOWED_ORIGINS).toEqual([]);
    expect(validateEnvironment({ ALLOWED_ORIGINS: '' }).ALLOWED_ORIGINS).toEqual([]);
    expect(
      validateEnvironment({ ALLOWED_ORIGINS: 'https://enlace.example.gov, http://127.0.0.1:5173' }).ALLOWED_ORIGINS,
    ).toEqual(['https://enlace.example.gov', 'http://127.0.0.1:5173']);
  });

  it('refuses anything but bare origins', () => {
    for (const bad of ['*', 'enlace.example.gov', 'https://enlace.example.gov/', 'https://x.gov/path', 'ftp://x.gov']) {
      expect(() => validateEnvironment({ ALLOWED_ORIGINS: bad })).toThrow(
        /ALLOWED_ORIGINS=.*must be comma-separated origins such as https:\/\/enlace\.example\.gov/,
      );
    }
  });
});

describe('AUDIT_SIGNING_KEY_FILE', () => {
  it('is optional outside production (a key generated under DATA_DIR then), required in production', () => {
    expect(validateEnvironment({}).AUDIT_SIGNING_KEY_FILE).toBeUndefined();
    expect(() => validateEnvironment({ NODE_ENV: 'production', JWT_SECRET: 'x'.repeat(32) })).toThrow(
      /AUDIT_SIGNING_KEY_FILE=\(unset\): .*must be set in production/,
    );
    expect(
      validateEnvironment({
        NODE_ENV: 'production',
        JWT_SECRET: 'x'.repeat(32),
        AUDIT_SIGNING_KEY_FILE: '/k.pem',
        METRICS_TOKEN_FILE: '/run/secrets/metrics_token',
      }).AUDIT_SIGNING_KEY_FILE,
    ).toBe('/k.pem');
  });

  it('takes witnesses as C2SP verifier keys and refuses anything else, naming the variable', () => {
    const vkey = `inspector.example+1a2b3c4d+${Buffer.alloc(33, 1).toString('base64')}`;
    expect(validateEnvironment({ AUDIT_WITNESS_KEYS: vkey }).AUDIT_WITNESS_KEYS).toEqual([vkey]);
    expect(() => validateEnvironment({ AUDIT_WITNESS_KEYS: 'not-a-key' })).toThrow(/AUDIT_WITNESS_KEYS="not-a-key"/);
  });
});

describe('API_DOCS', () => {
  it('auto: public outside production, off in production', () => {
    expect(apiDocsAccess(validateEnvironment({}))).toBe('public');
    expect(apiDocsAccess({ API_DOCS: 'auto', NODE_ENV: 'production' })).toBe('off');
    expect(apiDocsAccess({ API_DOCS: 'admin', NODE_ENV: 'production' })).toBe('admin');
  });

  it('refuses public docs in production and unknown modes', () => {
    const production = {
      NODE_ENV: 'production',
      JWT_SECRET: 'x'.repeat(32),
      AUDIT_SIGNING_KEY_FILE: '/etc/enlace/audit.pem',
      METRICS_TOKEN: 'm'.repeat(32),
    };
    expect(validateEnvironment({ ...production, API_DOCS: 'admin' }).API_DOCS).toBe('admin');
    expect(() => validateEnvironment({ ...production, API_DOCS: 'public' })).toThrow(
      /API_DOCS="public": must be auto, public, admin or off \(not public in production\)/,
    );
    expect(() => validateEnvironment({ API_DOCS: 'yes' })).toThrow(/API_DOCS="yes"/);
  });
});

describe('METRICS_TOKEN', () => {
  const production = { NODE_ENV: 'production', JWT_SECRET: 'x'.repeat(32), AUDIT_SIGNING_KEY_FILE: '/k.pem' };

  it('is optional outside production (a token generated under DATA_DIR then)', () => {
    expect(validateEnvironment({}).METRICS_TOKEN).toBeUndefined();
    expect(validateEnvironment({}).METRICS_PORT).toBeUndefined();
  });

  it('is required in production unless METRICS_TOKEN_FILE names a file holding it', () => {
    expect(() => validateEnvironment(production)).toThrow(/METRICS_TOKEN=\(unset\): .*must be set in production/);
    expect(validateEnvironment({ ...production, METRICS_TOKEN_FILE: '/run/secrets/m' }).METRICS_TOKEN_FILE).toBe(
      '/run/secrets/m',
    );
    expect(validateEnvironment({ ...production, METRICS_TOKEN: 't'.repeat(32) }).METRICS_TOKEN).toBe('t'.repeat(32));
  });

  it('refuses a short token anywhere, and a demo one in production', () => {
    expect(() => validateEnvironment({ METRICS_TOKEN: 'short' })).toThrow(
      /METRICS_TOKEN="short": must be at least 32 bytes/,
    );
    const demo = `demo-${'d'.repeat(32)}`;
    expect(validateEnvironment({ METRICS_TOKEN: demo }).METRICS_TOKEN).toBe(demo);
    expect(() => validateEnvironment({ ...production, METRICS_TOKEN: demo })).toThrow(
      /METRICS_TOKEN=".*": is a demo token \(it starts with "demo-"\), refused in production/,
    );
  });

  it('takes METRICS_PORT as a port number', () => {
    expect(validateEnvironment({ METRICS_PORT: '9464' }).METRICS_PORT).toBe(9464);
    expect(() => validateEnvironment({ METRICS_PORT: 'nine' })).toThrow(/METRICS_PORT="nine"/);
  });
});
