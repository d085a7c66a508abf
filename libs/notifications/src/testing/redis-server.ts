import { type ChildProcess, spawn } from 'node:child_process';
import { freePort, trackChild } from '@enlace/event-store/testing';
import { Redis } from 'ioredis';

export { freePort };

/**
 * A `redis-server` of the test's own on a free port, without persistence: a test may FLUSHALL it or kill it
 * without touching anyone else's Redis.
 */
export class TestRedisServer {
  private constructor(
    readonly port: number,
    private readonly child: ChildProcess,
    private readonly exited: Promise<void>,
  ) {}

  static async start(): Promise<TestRedisServer> {
    const port = await freePort();
    const child = spawn(
      'redis-server',
      [
        '--port',
        String(port),
        '--bind',
        '127.0.0.1',
        '--save',
        '',
        '--appendonly',
        'no',
        '--maxmemory-policy',
        'noeviction',
      ],
      { stdio: 'ignore' },
    );
    trackChild(child, `redis-server on port ${port}`);
    const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
    const server = new TestRedisServer(port, child, exited);
    for (let i = 0; i < 100; i += 1) {
      try {
        await server.command((redis) => redis.ping());
        return server;
      } catch {
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
    }
    await server.stop();
    throw new Error(`redis-server did not answer on port ${port}`);
  }

  get url(): string {
    return `redis://127.0.0.1:${this.port}`;
  }

  /** Empties this server only (it is ours): the "Redis lost everything" of the recovery tests. */
  async flushAll(): Promise<void> {
    await this.command((redis) => redis.flushall());
  }

  async command<T>(run: (redis: Redis) => Promise<T>): Promise<T> {
    const redis = new Redis(this.url, { lazyConnect: true, maxRetriesPerRequest: 0, retryStrategy: () => null });
    redis.on('error', () => undefined);
    try {
      await redis.connect();
      const result = await run(redis);
      await redis.quit().catch(() => undefined);
      return result;
    } finally {
      redis.disconnect();
    }
  }

  async stop(): Promise<void> {
    if (this.child.exitCode === null) this.child.kill('SIGKILL');
    await this.exited;
  }
}
