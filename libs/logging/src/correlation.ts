import { AsyncLocalStorage } from 'node:async_hooks';
import { randomUUID } from 'node:crypto';

/**
 * The correlation id that follows one command: from the client's `X-Correlation-Id` (or a new one) through the events
 * it appends, the jobs those events cause, the records those jobs make and every log line written on the way.
 */
export const CORRELATION_HEADER = 'X-Correlation-Id';

/** What a client may send: 1–128 letters, digits or `. _ : -` (nothing a log line or a header could be forged with). */
export const CORRELATION_ID_PATTERN = /^[A-Za-z0-9._:-]{1,128}$/;

export function isCorrelationId(value: unknown): value is string {
  return typeof value === 'string' && CORRELATION_ID_PATTERN.test(value);
}

/** The client's id when it is one, a new UUID otherwise: arbitrary bytes are never echoed nor logged. */
export function correlationIdFrom(header: string | readonly string[] | undefined): string {
  const value = typeof header === 'string' ? header : header?.[0];
  return isCorrelationId(value) ? value : randomUUID();
}

const scope = new AsyncLocalStorage<string>();

/** Runs `work` with `correlationId` as the current one: log lines and the events it appends carry it. */
export function withCorrelation<T>(correlationId: string, work: () => T): T {
  return scope.run(correlationId, work);
}

/** The correlation id of the request or job being handled, if any. */
export function currentCorrelationId(): string | undefined {
  return scope.getStore();
}
