import { HttpException, HttpStatus } from '@nestjs/common';
import type { Response } from 'express';
import { LoginThrottledError } from './login-throttle.js';
import { OwnerShareExceededError, PasswordCheckPoolFullError } from './password-check-pool.js';

/**
 * A sign-in that must wait becomes 429 (too many attempts, or too many at once from one address) or 503 (too many at
 * once from everyone), each with Retry-After and a message in both languages; anything else is passed on unchanged.
 */
export function answerThrottled(error: unknown, response: Response): unknown {
  if (error instanceof LoginThrottledError) {
    const seconds = error.retryAfterSeconds;
    response.setHeader('Retry-After', String(seconds));
    return new HttpException(
      {
        statusCode: HttpStatus.TOO_MANY_REQUESTS,
        code: 'AUTH.TOO_MANY_ATTEMPTS',
        message: {
          en: `Too many sign-in attempts: try again in ${seconds} s, or ask an administrator to unlock the account`,
          es: `Demasiados intentos de inicio de sesión: intente de nuevo en ${seconds} s, o pida a un administrador que desbloquee la cuenta`,
        },
        details: { retryAfterSeconds: seconds },
      },
      HttpStatus.TOO_MANY_REQUESTS,
    );
  }
  if (error instanceof OwnerShareExceededError) {
    const seconds = error.retryAfterSeconds;
    response.setHeader('Retry-After', String(seconds));
    return new HttpException(
      {
        statusCode: HttpStatus.TOO_MANY_REQUESTS,
        code: 'AUTH.TOO_MANY_AT_ONCE',
        message: {
          en: `Too many sign-ins at once from your address: try again in ${seconds} s`,
          es: `Demasiados inicios de sesión a la vez desde su dirección: intente de nuevo en ${seconds} s`,
        },
        details: { retryAfterSeconds: seconds },
      },
      HttpStatus.TOO_MANY_REQUESTS,
    );
  }
  if (error instanceof PasswordCheckPoolFullError) {
    const seconds = error.retryAfterSeconds;
    response.setHeader('Retry-After', String(seconds));
    return new HttpException(
      {
        statusCode: HttpStatus.SERVICE_UNAVAILABLE,
        code: 'AUTH.SIGN_IN_BUSY',
        message: {
          en: `Too many sign-ins at once: try again in ${seconds} s`,
          es: `Demasiados inicios de sesión a la vez: intente de nuevo en ${seconds} s`,
        },
        details: { retryAfterSeconds: seconds },
      },
      HttpStatus.SERVICE_UNAVAILABLE,
    );
  }
  return error;
}
