import { unauthenticated } from '@enlace/domain';

/**
 * Why a token or a socket is refused (401). A client refreshes on `AUTH.TOKEN_EXPIRED` and signs in again on the
 * others. The reasons are told only to whoever holds a token that was once valid; a sign-in refusal says nothing.
 */
export const authErrors = {
  tokenInvalid: () => unauthenticated('AUTH.TOKEN_INVALID', 'The token is invalid', 'El token no es válido'),
  tokenExpired: () =>
    unauthenticated(
      'AUTH.TOKEN_EXPIRED',
      'The access token has expired: refresh it (POST /api/auth/refresh)',
      'El token de acceso expiró: renuévelo (POST /api/auth/refresh)',
    ),
  sessionEnded: () =>
    unauthenticated(
      'AUTH.SESSION_ENDED',
      'The session has ended (signed out, or expired): sign in again',
      'La sesión terminó (se cerró o expiró): inicie sesión de nuevo',
    ),
  accountDisabled: () =>
    unauthenticated(
      'AUTH.ACCOUNT_DISABLED',
      'The account is disabled: ask an administrator',
      'La cuenta está desactivada: consulte a un administrador',
    ),
  accountChanged: () =>
    unauthenticated(
      'AUTH.ACCOUNT_CHANGED',
      'The account was removed or changed since this token was issued: sign in again',
      'La cuenta se eliminó o cambió desde que se emitió este token: inicie sesión de nuevo',
    ),
  refreshTokenReused: () =>
    unauthenticated(
      'AUTH.REFRESH_TOKEN_REUSED',
      'This refresh token was already used: the session has been ended for safety; sign in again',
      'Este token de renovación ya se había usado: la sesión se terminó por seguridad; inicie sesión de nuevo',
    ),
  refreshTokenInvalid: () =>
    unauthenticated(
      'AUTH.REFRESH_TOKEN_INVALID',
      'The refresh token is invalid',
      'El token de renovación no es válido',
    ),
};
