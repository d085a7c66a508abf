import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort, trackChild } from '@enlace/event-store/testing';
import { Redis } from 'ioredis';

export { freePort };

/**
 * A `redis-server` of the test's own on a free port, without persistence: a test may FLUSHALL it or kill it
 * without touching anyone else's Redis. `stopServer()` and `resume()` take it away and bring it back on the same
 * port with the same data (an operator's restart), for the fault tests; its files live in a folder of its own,
 * removed by `stop()`.
 */
export class TestRedisServer {
  private child: ChildProcess;
  private exited: Promise<void>;

  private constructor(
    readonly port: number,
    private readonly dir: string,
  ) {
    [this.child, this.exited] = this.spawn();
  }

  static async start(): Promise<TestRedisServer> {
    const server = new TestRedisServer(await freePort(), mkdtempSync(join(tmpdir(), 'enlace-redis-')));
    if (!(await server.answering())) {
      await server.stop();
      throw new Error(`redis-server did not answer on port ${server.port}`);
    }
    return server;
  }

  private spawn(): [ChildProcess, Promise<void>] {
    const child = spawn(
      'redis-server',
      [
        ...['--port', String(this.port), '--bind', '127.0.0.1', '--dir', this.dir],
        ...['--save', '', '--appendonly', 'no', '--maxmemory-policy', 'noeviction'],
      ],
      { stdio: 'ignore' },
    );
    trackChild(child, `redis-server on port ${this.port}`);
    return [child, new Promise<void>((resolve) => child.once('exit', () => resolve()))];
  }

  /** Waits (up to 5 s) for the server to answer PING. */
  private async answering(): Promise<boolean> {
    for (let i = 0; i < 100; i += 1) {
      try {
        await this.command((redis) => redis.ping());
        return true;
      } catch {
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
    }
    return false;
  }

  /** Stops the server as an operator would (`SHUTDOWN SAVE`: its data is written to its folder first). */
  async stopServer(): Promise<void> {
    await this.command((redis) => redis.shutdown('SAVE')).catch(() => undefined);
    await this.exited;
  }

  /** Starts it again on the same port with the data it saved; resolves once it answers. */
  async resume(): Promise<void> {
    [this.child, this.exited] = this.spawn();
    if (!(await this.answering())) throw new Error(`redis-server did not answer again on port ${this.port}`);
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
    rmSync(this.dir, { recursive: true, force: true });
  }
}
