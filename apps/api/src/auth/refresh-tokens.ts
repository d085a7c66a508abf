import { createHash, randomBytes, randomUUID } from 'node:crypto';

const REFRESH_TOKEN = /^([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})\.([A-Za-z0-9_-]{43})$/;

/**
 * A refresh token is `<sessionId>.<256 random bits>`: opaque to clients, and only its SHA-256 is recorded (in the
 * session's events), so a copy of the store does not let anyone refresh.
 */
export interface RefreshToken {
  sessionId: string;
  token: string;
  hash: string;
}

export const hashRefreshSecret = (secret: string): string => createHash('sha256').update(secret).digest('hex');

export function newRefreshToken(sessionId: string = randomUUID()): RefreshToken {
  const secret = randomBytes(32).toString('base64url');
  return { sessionId, token: `${sessionId}.${secret}`, hash: hashRefreshSecret(secret) };
}

/** The session and the hash of a presented refresh token, or undefined when it is not one. */
export function readRefreshToken(token: unknown): Omit<RefreshToken, 'token'> | undefined {
  const match = typeof token === 'string' ? REFRESH_TOKEN.exec(token) : null;
  if (!match) return undefined;
  return { sessionId: match[1]!, hash: hashRefreshSecret(match[2]!) };
}
