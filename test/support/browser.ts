import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { chromium, type Browser } from 'playwright-core';
import { track, untrack } from '@enlace/event-store/testing';

/**
 * Debian's Chromium, headless, for the browser tests: never a downloaded browser (the machines that run these tests
 * are offline, and CI installs the distribution's package).
 */
export function chromiumPath(): string {
  const candidates = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser'];
  for (const candidate of candidates) if (candidate && existsSync(candidate)) return candidate;
  try {
    const found = execFileSync('which', ['chromium'], { encoding: 'utf8' }).trim();
    if (found) return found;
  } catch {
    // not on the PATH
  }
  throw new Error(
    'Chromium is not installed: the browser tests need Debian’s package (`apt-get install chromium`), or CHROMIUM_PATH pointing at a Chromium binary.',
  );
}

export async function launchChromium(): Promise<Browser> {
  const browser = await chromium.launch({
    executablePath: chromiumPath(),
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'],
  });
  // Playwright kills the browsers it launched when this process exits; a failed test's browser is closed sooner.
  track(browser, { name: 'chromium', stop: () => browser.close(), stopNow: () => undefined });
  browser.once('disconnected', () => untrack(browser));
  return browser;
}
