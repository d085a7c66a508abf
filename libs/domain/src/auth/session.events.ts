import type { SessionHolder } from './person.js';

/** Why a session ended before its time. */
export type SessionRevocationReason = 'logout' | 'refresh-token-reused';

/**
 * One sign-in, stream `session-<sessionId>`. Refresh tokens are never recorded, only their SHA-256 (they are 256-bit
 * random values: a fast hash is enough, and whoever reads the store cannot use what it finds).
 */
export type SessionEvent =
  | {
      type: 'SessionStarted';
      data: SessionHolder & {
        sessionId: string;
        startedAt: string;
        /** The session ends then, however active (SESSION_MAX_SECONDS after the sign-in). */
        expiresAt: string;
        refreshTokenHash: string;
        /** The refresh token is refused after this unless used before (the idle timeout). */
        refreshExpiresAt: string;
        address: string | null;
        userAgent: string | null;
      };
    }
  | { type: 'SessionRefreshed'; data: { sessionId: string; refreshTokenHash: string; refreshExpiresAt: string } }
  | { type: 'SessionRevoked'; data: { sessionId: string; reason: SessionRevocationReason } };
