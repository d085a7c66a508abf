import { OwnerShareExceededError, PasswordCheckPool, PasswordCheckPoolFullError } from './password-check-pool.js';

function deferred() {
  let resolve!: () => void;
  const promise = new Promise<void>((done) => (resolve = done));
  return { promise, resolve };
}

describe('PasswordCheckPool', () => {
  it('runs at most `concurrency` checks at once, queues up to the limit and refuses beyond it', async () => {
    const pool = new PasswordCheckPool(2, 1);
    const gates = [deferred(), deferred(), deferred()];
    const started: number[] = [];
    const runs = gates.map((gate, i) =>
      pool.run(async () => {
        started.push(i);
        await gate.promise;
        return i;
      }),
    );
    await Promise.resolve();
    expect(started).toEqual([0, 1]);
    expect(pool.busy).toEqual({ running: 2, waiting: 1 });
    await expect(pool.run(() => Promise.resolve('too many'))).rejects.toBeInstanceOf(PasswordCheckPoolFullError);

    gates[0]!.resolve();
    await runs[0];
    await new Promise((resolve) => setImmediate(resolve));
    expect(started).toEqual([0, 1, 2]);
    expect(pool.busy).toEqual({ running: 2, waiting: 0 });
    gates[1]!.resolve();
    gates[2]!.resolve();
    expect(await Promise.all(runs)).toEqual([0, 1, 2]);
    expect(pool.busy).toEqual({ running: 0, waiting: 0 });
  });

  it('frees the slot of a check that failed', async () => {
    const pool = new PasswordCheckPool(1, 0);
    await expect(pool.run(() => Promise.reject(new Error('scrypt failed')))).rejects.toThrow('scrypt failed');
    expect(await pool.run(() => Promise.resolve('next'))).toBe('next');
  });

  it('tells a refused caller when to come back, at least a second', async () => {
    const pool = new PasswordCheckPool(1, 0);
    const gate = deferred();
    const first = pool.run(() => gate.promise);
    const refusal = await pool.run(() => Promise.resolve()).catch((error: unknown) => error);
    expect(refusal).toBeInstanceOf(PasswordCheckPoolFullError);
    expect((refusal as PasswordCheckPoolFullError).retryAfterSeconds).toBeGreaterThanOrEqual(1);
    gate.resolve();
    await first;
  });
});

describe('PasswordCheckPool: one owner’s share', () => {
  it('gives one owner at most its places, lines up its next checks on their own, and refuses beyond that line', async () => {
    const pool = new PasswordCheckPool(2, 16, { places: 2, queue: 1 });
    const gates = [deferred(), deferred(), deferred()];
    const started: string[] = [];
    const flood = gates.map((gate, i) =>
      pool.run(async () => {
        started.push(`flood-${i}`);
        await gate.promise;
      }, '10.0.0.50'),
    );
    await Promise.resolve();
    expect(started).toEqual(['flood-0', 'flood-1']);
    expect(pool.held('10.0.0.50')).toEqual({ holding: 2, waiting: 1 });
    const refusal = await pool.run(() => Promise.resolve(), '10.0.0.50').catch((error: unknown) => error);
    expect(refusal).toBeInstanceOf(OwnerShareExceededError);
    expect((refusal as OwnerShareExceededError).retryAfterSeconds).toBeGreaterThanOrEqual(1);

    // Someone else is next in the pool, ahead of the flood's own line.
    const other = pool.run(() => {
      started.push('other');
      return Promise.resolve();
    }, '10.0.0.60');
    await Promise.resolve();
    expect(pool.busy).toEqual({ running: 2, waiting: 1 });
    gates[0]!.resolve();
    await other;
    await new Promise((resolve) => setImmediate(resolve));
    expect(started).toEqual(['flood-0', 'flood-1', 'other', 'flood-2']);
    gates[1]!.resolve();
    gates[2]!.resolve();
    await Promise.all(flood);
    expect(pool.held('10.0.0.50')).toEqual({ holding: 0, waiting: 0 });
    expect(pool.busy).toEqual({ running: 0, waiting: 0 });
  });

  it('gives its place back when a check fails or the pool refuses it', async () => {
    const pool = new PasswordCheckPool(1, 0, { places: 1, queue: 0 });
    await expect(pool.run(() => Promise.reject(new Error('scrypt failed')), 'a')).rejects.toThrow('scrypt failed');
    expect(pool.held('a')).toEqual({ holding: 0, waiting: 0 });
    const gate = deferred();
    const first = pool.run(() => gate.promise, 'b');
    await expect(pool.run(() => Promise.resolve(), 'a')).rejects.toBeInstanceOf(PasswordCheckPoolFullError);
    expect(pool.held('a')).toEqual({ holding: 0, waiting: 0 });
    gate.resolve();
    await first;
    expect(await pool.run(() => Promise.resolve('a again'), 'a')).toBe('a again');
  });
});
