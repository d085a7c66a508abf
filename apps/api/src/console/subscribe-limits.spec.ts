import {
  ConcurrencyLimit,
  replaysBusy,
  REPLAY_QUEUE_RETRY_MS,
  SocketLimits,
  SUBSCRIBE_LIMITS,
  TokenBucket,
} from './subscribe-limits.js';

describe('TokenBucket', () => {
  it('gives its burst, then one token per interval', () => {
    const bucket = new TokenBucket(2, 1_000, 0);
    expect(bucket.waitMs(0)).toBe(0);
    bucket.take(0);
    bucket.take(0);
    expect(bucket.waitMs(0)).toBe(1_000);
    expect(bucket.waitMs(600)).toBe(400);
    expect(bucket.waitMs(1_000)).toBe(0);
    bucket.take(1_000);
    expect(bucket.waitMs(1_000)).toBe(1_000);
  });

  it('never holds more than its burst, however long it waits', () => {
    const bucket = new TokenBucket(3, 100, 0);
    for (let i = 0; i < 3; i += 1) bucket.take(1_000_000);
    expect(bucket.waitMs(1_000_000)).toBe(100);
  });
});

describe('SocketLimits', () => {
  const { subscribes, replays } = SUBSCRIBE_LIMITS;

  it(`admits ${subscribes.burst} subscribes at once, then refuses with a bilingual error and when to retry`, () => {
    const limits = new SocketLimits(0);
    for (let i = 0; i < subscribes.burst; i += 1) expect(limits.admit(false, 0)).toBeUndefined();
    expect(limits.admit(false, 0)).toEqual({
      ok: false,
      error: {
        code: 'CONSOLE.RATE_LIMITED',
        message: {
          en: `Too many subscribes on this connection (${subscribes.burst} at once, then one every 1 s): retry in 1 s`,
          es: `Demasiadas suscripciones en esta conexión (${subscribes.burst} seguidas, luego una cada 1 s): reintente en 1 s`,
        },
        details: { retryAfterMs: subscribes.refillEveryMs },
      },
    });
    expect(limits.admit(false, subscribes.refillEveryMs)).toBeUndefined();
  });

  it(`admits ${replays.burst} replays at once; a refused replay costs no subscribe`, () => {
    const limits = new SocketLimits(0);
    for (let i = 0; i < replays.burst; i += 1) expect(limits.admit(true, 0)).toBeUndefined();
    const refused = limits.admit(true, 0);
    expect(refused).toMatchObject({ ok: false, error: { code: 'CONSOLE.RATE_LIMITED' } });
    expect(refused?.ok === false && refused.error.message.en).toMatch(/^Too many replays on this connection/);
    expect(refused?.ok === false && refused.error.details?.retryAfterMs).toBe(replays.refillEveryMs);
    // Subscribes without a replay still pass: the refused replays took nothing.
    for (let i = replays.burst; i < subscribes.burst; i += 1) expect(limits.admit(false, 0)).toBeUndefined();
    expect(limits.admit(false, 0)).toMatchObject({ ok: false });
  });

  it('300 replay-from-start subscribes in a row: three admitted, the rest refused', () => {
    const limits = new SocketLimits(0);
    const answers = Array.from({ length: 300 }, () => limits.admit(true, 0));
    expect(answers.filter((answer) => answer === undefined)).toHaveLength(replays.burst);
  });
});

describe('ConcurrencyLimit', () => {
  it('runs at most its limit at once and the others in order', async () => {
    const limit = new ConcurrencyLimit(2);
    const releases: (() => void)[] = [];
    const started: number[] = [];
    const tasks = [0, 1, 2, 3].map((n) =>
      limit.run(async () => {
        started.push(n);
        await new Promise<void>((resolve) => releases.push(resolve));
        return n;
      }),
    );
    await Promise.resolve();
    expect(started).toEqual([0, 1]);
    expect(limit.load).toEqual({ running: 2, waiting: 2 });
    releases[0]!();
    await new Promise((resolve) => setImmediate(resolve));
    expect(started).toEqual([0, 1, 2]);
    releases[1]!();
    releases[2]!();
    await new Promise((resolve) => setImmediate(resolve));
    releases[3]!();
    expect(await Promise.all(tasks)).toEqual([0, 1, 2, 3]);
    expect(limit.load).toEqual({ running: 0, waiting: 0 });
  });

  it('frees the slot when a task fails', async () => {
    const limit = new ConcurrencyLimit(1);
    await expect(limit.run(() => Promise.reject(new Error('store down')))).rejects.toThrow('store down');
    expect(await limit.run(() => Promise.resolve('next'))).toBe('next');
  });

  it('has room while a slot is free or the queue is short, and none once both are full', async () => {
    const limit = new ConcurrencyLimit(1, 2);
    const releases: (() => void)[] = [];
    const hold = () => new Promise<void>((resolve) => releases.push(resolve));
    expect(limit.hasRoom()).toBe(true);
    const tasks = [limit.run(hold)];
    expect(limit.hasRoom()).toBe(true);
    tasks.push(limit.run(hold), limit.run(hold));
    await Promise.resolve();
    expect(limit.load).toEqual({ running: 1, waiting: 2 });
    expect(limit.hasRoom()).toBe(false);
    releases[0]!();
    await new Promise((resolve) => setImmediate(resolve));
    expect(limit.hasRoom()).toBe(true);
    releases[1]!();
    await new Promise((resolve) => setImmediate(resolve));
    releases[2]!();
    await Promise.all(tasks);
  });
});

describe('replaysBusy', () => {
  it('refuses in both languages and says when to retry', () => {
    const ack = replaysBusy();
    expect(ack.ok).toBe(false);
    if (ack.ok) return;
    expect(ack.error.code).toBe('CONSOLE.BUSY');
    expect(ack.error.details).toEqual({ retryAfterMs: REPLAY_QUEUE_RETRY_MS });
    expect(ack.error.message.en).toMatch(/retry in 2 s/);
    expect(ack.error.message.es).toMatch(/reintente en 2 s/);
  });
});
