import { mkdirSync } from 'node:fs';
import type { Browser, Locator, Page } from 'playwright-core';

/** Where the browser tests' screenshots land (kept by CI). */
export const SCREENSHOTS = 'artifacts/screenshots/console';

/** The console's pages of one browser test: each a context of its own (a person), errors on any page collected. */
export class ConsolePages {
  /** Uncaught errors of any page opened here: a test ends by expecting none. */
  readonly errors: string[] = [];

  constructor(
    private readonly browser: Browser,
    private readonly url: () => string,
  ) {
    mkdirSync(SCREENSHOTS, { recursive: true });
  }

  async open(locale: string): Promise<Page> {
    const context = await this.browser.newContext({
      viewport: { width: 1280, height: 900 },
      locale,
      acceptDownloads: true,
    });
    const page = await context.newPage();
    page.setDefaultTimeout(8_000);
    page.on('pageerror', (error) => this.errors.push(String(error)));
    await page.goto(this.url());
    return page;
  }
}

/** Signs a demo account in (password `demo`) through the form, in the page's language, and waits for the feed. */
export async function signIn(page: Page, username: string, labels: { user: string; password: string; submit: string }) {
  const form = page.getByTestId('login-form');
  await form.getByLabel(labels.user).fill(username);
  await form.getByLabel(labels.password).fill('demo');
  await form.getByRole('button', { name: labels.submit }).click();
  await page
    .getByTestId('connection-status')
    .and(page.locator('[data-state="connected"]'))
    .waitFor({ timeout: 10_000 });
}

/** Waits until `locator` carries `attribute="value"` (a status the page follows), up to `timeout`. */
export async function expectAttribute(locator: Locator, attribute: string, value: string, timeout: number) {
  await locator
    .and(locator.page().locator(`[${attribute}="${value}"]`))
    .first()
    .waitFor({ timeout });
}

export async function shot(page: Page, name: string) {
  await page.screenshot({ path: `${SCREENSHOTS}/${name}.png`, fullPage: true });
}
