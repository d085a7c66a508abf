import { PasswordCheckPool, PasswordCheckPoolFullError } from './password-check-pool.js';

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
