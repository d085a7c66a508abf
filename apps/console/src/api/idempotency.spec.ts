import { describe, expect, it } from '@jest/globals';
import { fingerprintOf, keyForAttempt } from './idempotency';
import { withAfter } from './client';

describe('idempotency keys', () => {
  let n = 0;
  const newKey = () => `key-${++n}`;

  it('retries the same request with the same key', () => {
    const fingerprint = fingerprintOf('POST', '/api/ports/otay-mesa/sign-offs', { side: 'US' });
    const first = keyForAttempt(undefined, fingerprint, newKey);
    const retry = keyForAttempt(first, fingerprintOf('POST', '/api/ports/otay-mesa/sign-offs', { side: 'US' }), newKey);
    expect(retry.key).toBe(first.key);
  });

  it('gives a changed request a new key', () => {
    const first = keyForAttempt(undefined, fingerprintOf('POST', '/api/x', { a: 1 }), newKey);
    const changed = keyForAttempt(first, fingerprintOf('POST', '/api/x', { a: 2 }), newKey);
    expect(changed.key).not.toBe(first.key);
  });
});

describe('withAfter', () => {
  it('adds the position to a path with or without a query', () => {
    expect(withAfter('/api/ports', '00000000000000000001:00000000000000000002')).toBe(
      '/api/ports?after=00000000000000000001%3A00000000000000000002',
    );
    expect(withAfter('/api/incidents?status=open', 'p')).toBe('/api/incidents?status=open&after=p');
    expect(withAfter('/api/ports', undefined)).toBe('/api/ports');
  });
});
