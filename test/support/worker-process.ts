import { type ChildProcess, spawn } from 'node:child_process';
import { trackChild } from '@enlace/event-store/testing';

/** The worker as an operator runs it (`node dist/apps/worker/src/main.js`, built by `buildApi()`), for e2e tests. */
export class WorkerProcess {
  private log = '';
  readonly exited: Promise<void>;
  /** When it was spawned (ms since the epoch). */
  readonly startedAt = Date.now();

  private constructor(private readonly child: ChildProcess) {
    child.stdout?.on('data', (chunk: Buffer) => (this.log += chunk.toString()));
    child.stderr?.on('data', (chunk: Buffer) => (this.log += chunk.toString()));
    this.exited = new Promise((resolve) => child.once('exit', () => resolve()));
  }

  static start(env: Record<string, string>): WorkerProcess {
    const child = spawn(process.execPath, ['dist/apps/worker/src/main.js'], {
      cwd: process.cwd(),
      env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    trackChild(child, 'worker');
    return new WorkerProcess(child);
  }

  /** What it wrote to stdout and stderr so far. */
  output(): string {
    return this.log;
  }

  /** The reconciler scheduled what the store called for (needs LOG_LEVEL=log). */
  get ready(): boolean {
    return this.log.includes('Scheduled from the store (start)');
  }

  /** `SIGTERM`: a graceful stop; `SIGKILL`: it dies on the spot, jobs in flight and all. */
  async stop(signal: NodeJS.Signals = 'SIGTERM'): Promise<void> {
    if (this.child.exitCode === null && this.child.signalCode === null) this.child.kill(signal);
    await this.exited;
  }
}
