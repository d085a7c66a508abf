import { StoreAvailability } from './availability.js';
import { StoreUnavailableError } from './errors.js';
import { classifyDatabaseError } from './postgres/connection-failure.js';

class RecordingLog {
  readonly errors: string[] = [];
  readonly logs: string[] = [];
  error(message: string): void {
    this.errors.push(message);
  }
  log(message: string): void {
    this.logs.push(message);
  }
}

const refused = (): Promise<never> =>
  Promise.reject(Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED' }));

describe('StoreAvailability', () => {
  it('logs an outage once, however many calls fail, and its end once, with its length and count', async () => {
    const log = new RecordingLog();
    let now = 1_000;
    const availability = new StoreAvailability('PostgreSQL db:5432/enlace', log, () => now);
    for (let i = 0; i < 2_700; i += 1) {
      await expect(availability.guard(refused, classifyDatabaseError)).rejects.toBeInstanceOf(StoreUnavailableError);
    }
    expect(availability.available).toBe(false);
    expect(log.errors).toHaveLength(1);
    expect(log.errors[0]).toContain('PostgreSQL db:5432/enlace is unavailable (ECONNREFUSED');
    now += 15_000;
    await expect(availability.guard(() => Promise.resolve(1), classifyDatabaseError)).resolves.toBe(1);
    await availability.guard(() => Promise.resolve(2), classifyDatabaseError);
    expect(availability.available).toBe(true);
    expect(log.logs).toEqual([
      'PostgreSQL db:5432/enlace is available again after 15.0 s (2700 calls failed meanwhile)',
    ]);
    // A second outage is a second pair of lines.
    await expect(availability.guard(refused, classifyDatabaseError)).rejects.toBeInstanceOf(StoreUnavailableError);
    expect(log.errors).toHaveLength(2);
  });

  it('an answer to a call made before the outage began does not end it', async () => {
    const log = new RecordingLog();
    const availability = new StoreAvailability('PostgreSQL', log);
    let answerLate: (value: string) => void = () => undefined;
    const late = availability.guard(
      () => new Promise<string>((resolve) => (answerLate = resolve)),
      classifyDatabaseError,
    );
    await expect(availability.guard(refused, classifyDatabaseError)).rejects.toBeInstanceOf(StoreUnavailableError);
    answerLate('answered just before the server went away');
    await late;
    expect(availability.available).toBe(false);
    expect(log.logs).toEqual([]);
    await availability.guard(() => Promise.resolve('after'), classifyDatabaseError);
    expect(availability.available).toBe(true);
    expect(log.errors).toHaveLength(1);
    expect(log.logs).toHaveLength(1);
  });

  it("a request's own failure (a refused append) is no outage", async () => {
    const log = new RecordingLog();
    const availability = new StoreAvailability('PostgreSQL', log);
    const conflict = Object.assign(new Error('wrong expected version'), { code: 'EN001' });
    await expect(availability.guard(() => Promise.reject(conflict), classifyDatabaseError)).rejects.toBe(conflict);
    expect(availability.available).toBe(true);
    expect(log.errors).toEqual([]);
  });
});
