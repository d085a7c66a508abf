import { deciderOf, streamIdOf, streamPrefixOf } from '../shared/aggregate.js';
import { assertNever, type Decider, type DecisionContext } from '../shared/decider.js';
import { conflict, forbidden, unauthenticated } from '../shared/domain-error.js';
import type { SessionHolder } from './person.js';
import type { SessionEvent, SessionRevocationReason } from './session.events.js';

/** A session may be refreshed this many times; then its holder signs in again (bounds the stream and its state). */
export const MAX_REFRESHES = 500;

export type SessionCommand =
  | {
      type: 'StartSession';
      data: SessionHolder & {
        sessionId: string;
        refreshTokenHash: string;
        idleSeconds: number;
        maxSeconds: number;
        address: string | null;
        userAgent: string | null;
      };
    }
  | { type: 'RefreshSession'; data: { presentedTokenHash: string; nextTokenHash: string; idleSeconds: number } }
  | { type: 'EndSession'; data: { reason: Extract<SessionRevocationReason, 'logout'> } };

export type SessionState =
  | { status: 'none' }
  | (SessionHolder & {
      status: 'active' | 'revoked';
      sessionId: string;
      startedAt: string;
      expiresAt: string;
      refreshTokenHash: string;
      refreshExpiresAt: string;
      /** Every refresh token this session has replaced: presenting one again means it was copied. */
      rotatedTokenHashes: readonly string[];
      revocation: { reason: SessionRevocationReason; at: string } | undefined;
    });

export type ExistingSession = Exclude<SessionState, { status: 'none' }>;

export const initialSessionState = (): SessionState => ({ status: 'none' });

export function evolveSession(state: SessionState, event: SessionEvent, recordedAt: string): SessionState {
  switch (event.type) {
    case 'SessionStarted': {
      const { address: _address, userAgent: _userAgent, ...started } = event.data;
      return { ...started, status: 'active', rotatedTokenHashes: [], revocation: undefined };
    }
    case 'SessionRefreshed':
      if (state.status === 'none') return state;
      return {
        ...state,
        rotatedTokenHashes: [...state.rotatedTokenHashes, state.refreshTokenHash],
        refreshTokenHash: event.data.refreshTokenHash,
        refreshExpiresAt: event.data.refreshExpiresAt,
      };
    case 'SessionRevoked':
      if (state.status === 'none') return state;
      return { ...state, status: 'revoked', revocation: { reason: event.data.reason, at: recordedAt } };
    default:
      return assertNever(event);
  }
}

const plusSeconds = (iso: string, seconds: number): string => new Date(Date.parse(iso) + seconds * 1000).toISOString();
const earliest = (a: string, b: string): string => (a <= b ? a : b);

function ended(code: string, en: string, es: string, state: ExistingSession) {
  return unauthenticated(code, en, es, { sessionId: state.sessionId });
}

/** Whether the session may still be used at `now`: not revoked, not past its end. Refresh-token idleness aside. */
export function sessionInForce(state: SessionState, now: string): state is ExistingSession {
  return state.status === 'active' && now < state.expiresAt;
}

export function decideSession(command: SessionCommand, state: SessionState, context: DecisionContext): SessionEvent[] {
  const { now, actor } = context;
  switch (command.type) {
    case 'StartSession': {
      if (state.status !== 'none') {
        throw conflict('SESSION.EXISTS', 'This session already exists', 'Esta sesión ya existe', {
          sessionId: state.sessionId,
        });
      }
      const { idleSeconds, maxSeconds, ...data } = command.data;
      const expiresAt = plusSeconds(now, maxSeconds);
      return [
        {
          type: 'SessionStarted',
          data: {
            ...data,
            startedAt: now,
            expiresAt,
            refreshExpiresAt: earliest(plusSeconds(now, idleSeconds), expiresAt),
          },
        },
      ];
    }
    case 'RefreshSession': {
      const { presentedTokenHash, nextTokenHash, idleSeconds } = command.data;
      if (state.status === 'none') {
        throw unauthenticated(
          'SESSION.NOT_FOUND',
          'No such session: sign in again',
          'No existe esa sesión: inicie sesión de nuevo',
        );
      }
      if (state.status === 'revoked') {
        throw ended(
          'SESSION.REVOKED',
          'The session has ended: sign in again',
          'La sesión terminó: inicie sesión de nuevo',
          state,
        );
      }
      // A refresh token that was already exchanged, presented again: one of the two holders copied it. Neither can be
      // told apart, so the whole session ends (RFC 9700 §4.14.2).
      if (state.rotatedTokenHashes.includes(presentedTokenHash)) {
        return [{ type: 'SessionRevoked', data: { sessionId: state.sessionId, reason: 'refresh-token-reused' } }];
      }
      if (presentedTokenHash !== state.refreshTokenHash) {
        throw ended(
          'SESSION.BAD_REFRESH_TOKEN',
          'This refresh token was not issued for this session',
          'Este token de renovación no se emitió para esta sesión',
          state,
        );
      }
      if (now >= state.expiresAt || now >= state.refreshExpiresAt) {
        throw ended(
          'SESSION.EXPIRED',
          'The session has expired: sign in again',
          'La sesión expiró: inicie sesión de nuevo',
          state,
        );
      }
      if (state.rotatedTokenHashes.length >= MAX_REFRESHES) {
        throw ended(
          'SESSION.TOO_MANY_REFRESHES',
          'The session was refreshed too many times: sign in again',
          'La sesión se renovó demasiadas veces: inicie sesión de nuevo',
          state,
        );
      }
      return [
        {
          type: 'SessionRefreshed',
          data: {
            sessionId: state.sessionId,
            refreshTokenHash: nextTokenHash,
            refreshExpiresAt: earliest(plusSeconds(now, idleSeconds), state.expiresAt),
          },
        },
      ];
    }
    case 'EndSession': {
      if (state.status === 'none') {
        throw unauthenticated(
          'SESSION.NOT_FOUND',
          'No such session: sign in again',
          'No existe esa sesión: inicie sesión de nuevo',
        );
      }
      if (actor.id !== state.username) {
        throw forbidden(
          'SESSION.NOT_YOURS',
          'Only its holder may end a session',
          'Solo su titular puede terminar una sesión',
          {
            sessionId: state.sessionId,
          },
        );
      }
      // Ending an ended session changes nothing: a retried logout succeeds.
      if (state.status === 'revoked') return [];
      return [{ type: 'SessionRevoked', data: { sessionId: state.sessionId, reason: command.data.reason } }];
    }
    default:
      return assertNever(command);
  }
}

export const sessionDecider: Decider<SessionState, SessionCommand, SessionEvent> = deciderOf('session', {
  initialState: initialSessionState,
  evolve: evolveSession,
  decide: decideSession,
});

export const SESSION_STREAM_PREFIX = streamPrefixOf('session');
export const sessionStreamId = streamIdOf('session');
