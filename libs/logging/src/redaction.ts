/**
 * What never reaches a log line: credentials in headers and bodies (pino's `redact` removes the values at these
 * paths), and, in free text, anything shaped like a JWT or a bearer token (`scrubSecrets`).
 */
const SECRET_KEYS = [
  'authorization',
  'cookie',
  'set-cookie',
  'password',
  'passwordHash',
  'newPassword',
  'currentPassword',
  'token',
  'accessToken',
  'refreshToken',
  'secret',
  'webhookSecret',
  'signingSecret',
  'apiKey',
];

const key = (name: string): string => (/^[A-Za-z_$][\w$]*$/.test(name) ? `.${name}` : `["${name}"]`);

/** The key itself, and the key one and two levels down (`req.headers.authorization`, `body.password`). */
export const REDACTED_PATHS: readonly string[] = SECRET_KEYS.flatMap((name) => [
  key(name).replace(/^\./, ''),
  `*${key(name)}`,
  `*.*${key(name)}`,
]);

export const REDACTED = '[redacted]';

const JWT = /\beyJ[A-Za-z0-9_-]{2,}\.[A-Za-z0-9_-]{2,}\.[A-Za-z0-9_-]*/g;
const BEARER = /\b(Bearer|Basic)\s+[A-Za-z0-9._~+/=-]+/gi;

/** Free text with every JWT-looking string and bearer or basic credential replaced by `[redacted]`. */
export function scrubSecrets(text: string): string {
  return text.replace(JWT, REDACTED).replace(BEARER, `$1 ${REDACTED}`);
}
