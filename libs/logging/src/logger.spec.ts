import { PassThrough } from 'node:stream';
import { correlationIdFrom, withCorrelation } from './correlation.js';
import { processLogger } from './logger.js';
import { scrubSecrets } from './redaction.js';

const JWT = 'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJvZmZpY2VyLnVzIn0.c2lnbmF0dXJlLWJ5dGVz';

function capture(level: 'log' | 'debug' = 'log') {
  const sink = new PassThrough();
  const chunks: string[] = [];
  sink.on('data', (chunk: Buffer) => chunks.push(chunk.toString()));
  const logger = processLogger({ level, format: 'json', service: 'api' }, sink);
  const lines = () =>
    chunks
      .join('')
      .split('\n')
      .filter((line) => line !== '')
      .map((line) => JSON.parse(line) as Record<string, unknown>);
  return { logger, lines };
}

describe('correlation ids', () => {
  it.each(['abc-123', 'a', 'x'.repeat(128), 'svc.node-1:req_42'])('keeps a valid client id %j', (id) => {
    expect(correlationIdFrom(id)).toBe(id);
  });

  it.each(['', 'x'.repeat(129), 'two words', 'a/b', 'évènement', 'line\nbreak', '<script>'])(
    'replaces %j with a new UUID',
    (id) => {
      const replaced = correlationIdFrom(id);
      expect(replaced).not.toBe(id);
      expect(replaced).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
    },
  );

  it('takes the first of repeated headers, and makes one when there is none', () => {
    expect(correlationIdFrom(['first', 'second'])).toBe('first');
    expect(correlationIdFrom(undefined)).toMatch(/^[0-9a-f-]{36}$/);
  });
});

describe('the JSON logger', () => {
  it("writes Nest's calls as one JSON object a line, context and correlation id as fields", () => {
    const { logger, lines } = capture();
    withCorrelation('abc-123', () => logger.log('Delivered', 'DeliveryWorker'));
    logger.warn('Outside any request', 'Reconciler');
    logger.debug('Not at this level', 'Reconciler');
    expect(lines()).toEqual([
      expect.objectContaining({
        level: 30,
        service: 'api',
        context: 'DeliveryWorker',
        msg: 'Delivered',
        correlationId: 'abc-123',
      }),
      expect.not.objectContaining({ correlationId: expect.anything() as unknown }),
    ]);
    expect(lines()[1]).toMatchObject({ level: 40, context: 'Reconciler', msg: 'Outside any request' });
  });

  it('keeps the stack of an error apart from its message', () => {
    const { logger, lines } = capture();
    const error = new Error('boom');
    logger.error(error.message, error.stack, 'ApiError');
    expect(lines()[0]).toMatchObject({ level: 50, context: 'ApiError', msg: 'boom' });
    expect(String(lines()[0]!.stack)).toContain('logger.spec');
  });

  it('redacts credentials by name and scrubs JWT- and bearer-shaped text from messages and stacks', () => {
    const { logger, lines } = capture();
    logger.log({ msg: 'login', password: 'hunter2', headers: { authorization: `Bearer ${JWT}`, cookie: 'sid=1' } });
    logger.log({ request: { body: { refreshToken: 'r-123', username: 'officer.us' } } }, 'Auth');
    logger.warn(`token refused: ${JWT}`, 'Auth');
    logger.error('failed', `Error: Authorization: Bearer abc.def\n    at handler (${JWT})`, 'Auth');
    const text = lines()
      .map((line) => JSON.stringify(line))
      .join('\n');
    for (const secret of ['hunter2', JWT, 'sid=1', 'r-123', 'abc.def']) expect(text).not.toContain(secret);
    expect(text).toContain('officer.us');
    expect(lines()[0]).toMatchObject({ password: '[redacted]', headers: { authorization: '[redacted]' } });
  });

  it('scrubs only what looks like a secret', () => {
    expect(scrubSecrets(`Bearer ${JWT} and ${JWT}`)).toBe('Bearer [redacted] and [redacted]');
    expect(scrubSecrets('Incident 42 reported by officer.us at 10:05')).toBe(
      'Incident 42 reported by officer.us at 10:05',
    );
  });
});
