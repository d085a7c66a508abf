import { dropSchema, testDatabaseUrl } from '@enlace/event-store/testing';
import { DeliveryReceivers } from '@enlace/notifications/testing';
import type { Browser } from 'playwright-core';
import { ApiProcess, buildApi } from './api-process.js';
import { launchChromium } from './browser.js';
import { ConsolePages } from './console-pages.js';

/**
 * What a browser test of the console runs against: the api built and started as an operator runs it (on its own
 * schema), Debian's Chromium, and with `worker` the worker embedded on delivery receivers of the test's own (it
 * releases drills' injects and delivers their notifications).
 */
export class ConsoleBed {
  private constructor(
    readonly api: ApiProcess,
    readonly browser: Browser,
    readonly pages: ConsolePages,
    private readonly schema: string,
    private readonly receivers: DeliveryReceivers | undefined,
  ) {}

  /** `env`: the api's own settings for this test (e.g. a short audit checkpoint interval). */
  static async start(options: { schema: string; worker?: boolean; env?: Record<string, string> }): Promise<ConsoleBed> {
    buildApi({ console: true });
    const receivers = options.worker ? await DeliveryReceivers.start() : undefined;
    const [api, browser] = await Promise.all([
      ApiProcess.start({
        databaseUrl: testDatabaseUrl(),
        schema: options.schema,
        env: {
          ...(receivers ? { ...receivers.env, WORKER_EMBEDDED: 'true', CONSUMER_LEASE_SECONDS: '3' } : {}),
          ...options.env,
        },
      }),
      launchChromium(),
    ]);
    return new ConsoleBed(api, browser, new ConsolePages(browser, () => api.url), options.schema, receivers);
  }

  async stop(): Promise<void> {
    await this.browser.close();
    await this.api.stop();
    await this.receivers?.stop();
    await dropSchema(this.schema);
  }
}
