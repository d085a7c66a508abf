import { InvalidInputError, PayloadTooLargeError } from './errors.js';
import { newEvent } from './testing/fixtures.js';
import { prepareAppend } from './validation.js';

const limit = 256 * 1024;

function failure(run: () => unknown): InvalidInputError | PayloadTooLargeError {
  try {
    run();
  } catch (error) {
    if (error instanceof InvalidInputError || error instanceof PayloadTooLargeError) return error;
    throw error;
  }
  throw new Error('expected a validation error');
}

describe('prepareAppend', () => {
  it('lower-cases ids and serialises the payload as JSON once', () => {
    const event = newEvent('PortShutdownDeclared', { when: new Date(0) as unknown as string, lanes: [1] });
    const [prepared] = prepareAppend('port-otay-mesa', [{ ...event, id: event.id.toUpperCase() }], 'any', limit);
    expect(prepared!.id).toBe(event.id);
    expect(JSON.parse(prepared!.dataJson)).toEqual({ when: '1970-01-01T00:00:00.000Z', lanes: [1] });
  });

  it.each([
    ['streamId', () => prepareAppend('-incident', [newEvent('A', {})], 'any', limit)],
    ['streamId', () => prepareAppend(`incident-${'x'.repeat(200)}`, [newEvent('A', {})], 'any', limit)],
    ['expected', () => prepareAppend('incident-1', [newEvent('A', {})], 1.5, limit)],
    [
      'events',
      () =>
        prepareAppend(
          'incident-1',
          Array.from({ length: 1001 }, () => newEvent('A', {})),
          'any',
          limit,
        ),
    ],
    ['events[0].type', () => prepareAppend('incident-1', [newEvent('A b', {})], 'any', limit)],
    [
      'events[0].metadata',
      () => prepareAppend('incident-1', [newEvent('A', {}, { metadata: null as never })], 'any', limit),
    ],
    [
      'events[0].metadata.recordedAt',
      () =>
        prepareAppend(
          'incident-1',
          [newEvent('A', {}, { metadata: { ...newEvent('A', {}).metadata, recordedAt: 'x' } as never })],
          'any',
          limit,
        ),
    ],
    [
      'events[0].metadata.country',
      () =>
        prepareAppend(
          'incident-1',
          [newEvent('A', {}, { metadata: { ...newEvent('A', {}).metadata, country: null } })],
          'any',
          limit,
        ),
    ],
  ])('names %s when it breaks a rule', (field, run) => {
    const error = failure(run);
    expect(error.field).toBe(field);
  });

  it('allows a null country for the system role only', () => {
    const metadata = { ...newEvent('A', {}).metadata, country: null, role: 'system' };
    expect(() => prepareAppend('incident-1', [newEvent('A', {}, { metadata })], 'any', limit)).not.toThrow();
  });

  it('measures the payload in UTF-8 bytes of data and metadata', () => {
    const error = failure(() => prepareAppend('incident-1', [newEvent('A', { text: 'ñ'.repeat(600) })], 'any', 1024));
    expect(error).toBeInstanceOf(PayloadTooLargeError);
    expect((error as PayloadTooLargeError).bytes).toBeGreaterThan(1200);
  });
});
