import { StoreUnavailableError } from '@enlace/event-store';
import { DEFAULT_RETRY_AFTER_SECONDS, toApiError } from './api-error.filter.js';

describe('a store outage at the edge', () => {
  it('is a 503 STORE_UNAVAILABLE in English and Spanish, saying when to retry and not how the store failed', () => {
    const error = new StoreUnavailableError('ECONNREFUSED (connect ECONNREFUSED 10.0.0.7:5432)');
    const answer = toApiError(error);
    expect(answer).toEqual({
      statusCode: 503,
      code: 'STORE_UNAVAILABLE',
      message: {
        en: expect.stringContaining('Retry in 5 seconds') as unknown,
        es: expect.stringContaining('Reintente en 5 segundos') as unknown,
      },
      details: { retryAfterSeconds: 5 },
    });
    expect(answer!.message.en).toContain('nothing was recorded');
    expect(answer!.message.es).toContain('no se registró nada');
    // The driver's words (addresses, SQLSTATEs) are for the operators' log only.
    expect(JSON.stringify(answer)).not.toContain('10.0.0.7');
    expect(JSON.stringify(answer)).not.toContain('ECONNREFUSED');
  });

  it('asks for the wait the store layer gives', () => {
    expect(new StoreUnavailableError('x').retryAfterSeconds).toBe(DEFAULT_RETRY_AFTER_SECONDS);
  });
});
