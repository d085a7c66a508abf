// One Idempotency-Key per user action: a fresh key for a new action, the same key when the officer retries the same
// action (same request) after it failed without an answer, so the api applies it at most once.

export interface PendingAction {
  key: string;
  /** The method, path and body the key was sent with. */
  fingerprint: string;
}

export function fingerprintOf(method: string, path: string, body: unknown): string {
  return `${method} ${path} ${JSON.stringify(body ?? null)}`;
}

/**
 * The key for this attempt: the pending one when the request is the same as the attempt that did not succeed, else a
 * new one (the api refuses one key for two different requests).
 */
export function keyForAttempt(
  pending: PendingAction | undefined,
  fingerprint: string,
  newKey: () => string,
): PendingAction {
  if (pending && pending.fingerprint === fingerprint) return pending;
  return { key: newKey(), fingerprint };
}
