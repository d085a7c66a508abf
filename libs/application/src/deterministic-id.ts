import { createHash, randomUUID } from 'node:crypto';

const NAMESPACE = Buffer.from('6f1c2b7e4d0a4e8f9b3c5a7d1e2f3a4b', 'hex');

/** A name-based UUID (RFC 9562 version 5): the same name always gives the same id. */
export function uuidFromName(name: string): string {
  const hash = createHash('sha1').update(NAMESPACE).update(name, 'utf8').digest();
  hash[6] = (hash[6]! & 0x0f) | 0x50;
  hash[8] = (hash[8]! & 0x3f) | 0x80;
  const hex = hash.subarray(0, 16).toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/**
 * Ids for one request: derived from the caller and its Idempotency-Key when there is one (so a retried request
 * decides and appends exactly the same ids), random otherwise.
 */
export function idSource(scope: string | undefined): (purpose: string) => string {
  const counters = new Map<string, number>();
  return (purpose) => {
    if (scope === undefined) return randomUUID();
    const n = (counters.get(purpose) ?? 0) + 1;
    counters.set(purpose, n);
    return uuidFromName(`${scope}\n${purpose}\n${n}`);
  };
}
