// The integration tier's test environment: Node's, plus the clean-up of every child process a test file started
// (api, worker, redis-server, PostgreSQL cluster, Chromium). The harnesses register each child when they spawn it
// (`trackChild` in @enlace/event-store/testing); after the file's own afterAll hooks have run, whatever is still
// alive — a test failed before it stopped its children, or an afterAll hook threw — is stopped here, so Jest ends;
// and if the Jest process itself exits first, its 'exit' event kills them on the way out.
import { TestEnvironment } from 'jest-environment-node';

const REGISTRY = Symbol.for('enlace.test.children');

export default class ChildReapingEnvironment extends TestEnvironment {
  constructor(config, context) {
    super(config, context);
    this.testPath = context.testPath;
    /** @type {Map<object, { name: string, stop: () => Promise<void> | void, stopNow: () => void }>} */
    this.children = new Map();
    this.global[REGISTRY] = this.children;
    this.onExit = () => {
      for (const child of this.children.values()) child.stopNow();
    };
    process.once('exit', this.onExit);
  }

  async teardown() {
    const left = [...this.children.values()];
    if (left.length > 0) {
      process.stderr.write(
        `[test environment] ${this.testPath} left ${left.map((c) => c.name).join(', ')} running: stopping them\n`,
      );
    }
    await Promise.all(
      left.map((child) =>
        Promise.race([
          Promise.resolve()
            .then(() => child.stop())
            .catch(() => child.stopNow()),
          new Promise((resolve) => setTimeout(resolve, 10_000).unref()),
        ]).then(() => child.stopNow()),
      ),
    );
    this.children.clear();
    process.removeListener('exit', this.onExit);
    await super.teardown();
  }
}
