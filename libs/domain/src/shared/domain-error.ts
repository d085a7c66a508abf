import type { BilingualText } from './text.js';

/**
 * How a broken rule is answered at the edge: `not-found` (404), `forbidden` (403), `conflict` (409),
 * `rule` (422, a business rule), `unauthenticated` (401: who is asking cannot be established, e.g. an ended session).
 * Business code never knows HTTP.
 */
export type DomainErrorKind = 'not-found' | 'forbidden' | 'conflict' | 'rule' | 'unauthenticated';

/** A command the rules refuse. The message exists in English and Spanish; `details` says exactly what is missing. */
export class DomainError extends Error {
  constructor(
    readonly code: string,
    readonly kind: DomainErrorKind,
    readonly messages: Required<BilingualText>,
    readonly details: Record<string, unknown> = {},
  ) {
    super(messages.en);
  }

  override get name(): string {
    return 'DomainError';
  }
}

export const notFound = (code: string, en: string, es: string, details?: Record<string, unknown>): DomainError =>
  new DomainError(code, 'not-found', { en, es }, details);
export const forbidden = (code: string, en: string, es: string, details?: Record<string, unknown>): DomainError =>
  new DomainError(code, 'forbidden', { en, es }, details);
export const conflict = (code: string, en: string, es: string, details?: Record<string, unknown>): DomainError =>
  new DomainError(code, 'conflict', { en, es }, details);
export const broken = (code: string, en: string, es: string, details?: Record<string, unknown>): DomainError =>
  new DomainError(code, 'rule', { en, es }, details);
export const unauthenticated = (code: string, en: string, es: string, details?: Record<string, unknown>): DomainError =>
  new DomainError(code, 'unauthenticated', { en, es }, details);
