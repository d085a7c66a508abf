import type { ChildProcess } from 'node:child_process';

/**
 * What a test started outside its own process (a server, a browser), registered with the integration tier's test
 * environment (test/support/test-environment.mjs): whatever a test file leaves running after its afterAll hooks is
 * stopped there, and killed if the Jest process exits first. Outside that environment this registers nothing.
 */
export interface TrackedChild {
  name: string;
  /** The graceful stop, awaited with a time limit. */
  stop: () => Promise<void> | void;
  /** Synchronous and final, for the process's 'exit' event. */
  stopNow: () => void;
}

type Registry = Map<object, TrackedChild>;
const REGISTRY = Symbol.for('enlace.test.children');

function registry(): Registry | undefined {
  return (globalThis as Record<symbol, Registry | undefined>)[REGISTRY];
}

/** Registers `owner` until `untrack(owner)`. */
export function track(owner: object, child: TrackedChild): void {
  registry()?.set(owner, child);
}

export function untrack(owner: object): void {
  registry()?.delete(owner);
}

/** Registers a child process until it exits: SIGTERM, then SIGKILL if it is still there (or at once on exit). */
export function trackChild(child: ChildProcess, name: string): void {
  const running = () => child.exitCode === null && child.signalCode === null;
  const kill = () => {
    if (running()) child.kill('SIGKILL');
  };
  track(child, {
    name: `${name} (pid ${child.pid})`,
    stop: () =>
      new Promise<void>((resolve) => {
        if (!running()) return resolve();
        const timer = setTimeout(kill, 5_000);
        child.once('exit', () => {
          clearTimeout(timer);
          resolve();
        });
        child.kill('SIGTERM');
      }),
    stopNow: kill,
  });
  child.once('exit', () => untrack(child));
}
