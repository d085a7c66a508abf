// The console's side of sign-in, in Debian's Chromium against a real api whose access tokens live 20 s: the session
// renews its token silently (the officer stays signed in, the live feed connected), a sign-out revokes the session on
// the server, an admin unlocks a locked account and disables one, and an auditor reads the sign-in activity — in
// English and Spanish.
import { dropSchema, testDatabaseUrl, uniqueSchemaName } from '@enlace/event-store/testing';
import { mkdirSync } from 'node:fs';
import type { Browser, Locator, Page } from 'playwright-core';
import { ApiProcess, buildApi } from './support/api-process.js';
import { launchChromium } from './support/browser.js';

const SCREENSHOTS = 'artifacts/screenshots/console';
const schema = uniqueSchemaName('console_auth');
let api: ApiProcess;
let browser: Browser;

async function signIn(
  page: Page,
  username: string,
  labels = { user: 'Username', password: 'Password', submit: 'Sign in' },
) {
  const form = page.getByTestId('login-form');
  await form.getByLabel(labels.user).fill(username);
  await form.getByLabel(labels.password).fill('demo');
  await form.getByRole('button', { name: labels.submit }).click();
  await connected(page);
}

async function connected(page: Page, timeout = 10_000) {
  const status = page.getByTestId('connection-status');
  await status.and(page.locator('[data-state="connected"]')).waitFor({ timeout });
}

async function newPage(locale = 'en-US'): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, locale });
  const page = await context.newPage();
  page.setDefaultTimeout(8_000);
  await page.goto(api.url);
  return page;
}

function storedSession(page: Page): Promise<{ token: string; refreshToken: string } | null> {
  return page.evaluate(() => {
    const storage = (globalThis as unknown as { localStorage: { getItem(key: string): string | null } }).localStorage;
    return JSON.parse(storage.getItem('enlace.session') ?? 'null') as never;
  });
}

async function wrongPasswords(username: string, count: number) {
  for (let i = 0; i < count; i += 1) {
    await fetch(`${api.url}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username, password: `wrong-${i}` }),
    });
  }
}

const row = (page: Page, username: string): Locator => page.getByTestId(`account-${username}`);

beforeAll(async () => {
  buildApi({ console: true });
  mkdirSync(SCREENSHOTS, { recursive: true });
  [api, browser] = await Promise.all([
    ApiProcess.start({ databaseUrl: testDatabaseUrl(), schema, env: { ACCESS_TOKEN_TTL_SECONDS: '20' } }),
    launchChromium(),
  ]);
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await api?.stop();
  await dropSchema(schema);
}, 30_000);

describe('browser console: sessions', () => {
  it('renews the access token silently: past two expiries the officer is still signed in and the feed live', async () => {
    const page = await newPage();
    await signIn(page, 'officer.us');
    const first = await storedSession(page);
    // Two access-token lifetimes: the console renews before each expiry (and the server would close the feed at it).
    await page.waitForTimeout(45_000);
    const later = await storedSession(page);
    expect(later?.token).not.toBe(first?.token);
    expect(later?.refreshToken).not.toBe(first?.refreshToken);
    await connected(page, 2_000);
    await expect(page.getByTestId('login-form').count()).resolves.toBe(0);
    // Silently: the open connection took each renewed token, so it never dropped and nothing says "reconnected".
    await expect(page.getByTestId('resume-notice').count()).resolves.toBe(0);
    const stale = await page.evaluate(async (token) => {
      const response = await fetch('/api/auth/me', { headers: { authorization: `Bearer ${token}` } });
      return response.status;
    }, first!.token);
    expect(stale).toBe(401);
    await page.context().close();
  }, 90_000);

  it('signs out with the button: the session is revoked on the server', async () => {
    const page = await newPage();
    await signIn(page, 'planner');
    const session = await storedSession(page);
    await page.getByTestId('sign-out').click();
    await page.getByTestId('login-form').waitFor();
    const response = await fetch(`${api.url}/api/auth/me`, { headers: { authorization: `Bearer ${session!.token}` } });
    expect(response.status).toBe(401);
    const refreshed = await fetch(`${api.url}/api/auth/refresh`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ refreshToken: session!.refreshToken }),
    });
    expect(refreshed.status).toBe(401);
    await page.context().close();
  });
});

describe('browser console: accounts and sign-in activity', () => {
  it('an admin unlocks a locked account and disables one; the disabled officer is signed out', async () => {
    const officer = await newPage();
    await signIn(officer, 'officer.mx');
    await wrongPasswords('auditor', 6);

    const admin = await newPage();
    await signIn(admin, 'admin');
    await admin.getByRole('link', { name: 'Accounts' }).click();
    await row(admin, 'auditor').and(admin.locator('[data-locked="true"]')).waitFor();
    // Locked from this test's address only, not for everyone; said in both languages.
    await row(admin, 'auditor')
      .and(admin.locator('[data-locked-addresses="1"][data-locked-everywhere="false"]'))
      .waitFor();
    await row(admin, 'auditor').getByText('Locked from 1 address until').waitFor();
    await admin.screenshot({ path: `${SCREENSHOTS}/accounts-en.png`, fullPage: true });
    await admin.getByTestId('language-switch').click();
    await row(admin, 'auditor').getByText('Bloqueada desde 1 dirección hasta').waitFor();
    await admin.screenshot({ path: `${SCREENSHOTS}/accounts-es.png`, fullPage: true });
    await admin.getByTestId('language-switch').click();
    await row(admin, 'auditor').getByRole('button', { name: 'Unlock' }).click();
    await row(admin, 'auditor').and(admin.locator('[data-locked="false"]')).waitFor();

    admin.once('dialog', (dialog) => void dialog.accept());
    await row(admin, 'officer.mx').getByLabel('Reason (for the record)').fill('Badge lost');
    await row(admin, 'officer.mx').getByRole('button', { name: 'Disable' }).click();
    await row(admin, 'officer.mx').and(admin.locator('[data-status="disabled"]')).waitFor();
    // The officer's console is closed by the server and goes back to the sign-in page.
    await officer.getByTestId('login-form').waitFor({ timeout: 10_000 });
    // Told the truth: ended by an administrator (or elsewhere), not "expired".
    await expect(officer.getByTestId('signed-out-reason').textContent()).resolves.toMatch(
      /Su sesión terminó|Your session was ended/,
    );
    await row(admin, 'officer.mx').getByRole('button', { name: 'Enable' }).click();
    await row(admin, 'officer.mx').and(admin.locator('[data-status="enabled"]')).waitFor();
    // An admin cannot disable itself: no button on its own row.
    await expect(row(admin, 'admin').getByRole('button', { name: 'Disable' }).count()).resolves.toBe(0);
    await Promise.all([officer.context().close(), admin.context().close()]);
  }, 60_000);

  it('an auditor reads the sign-in activity, newest first, in Spanish too', async () => {
    const page = await newPage();
    await signIn(page, 'auditor');
    await page.getByTestId('language-switch').click();
    await page.getByRole('link', { name: 'Actividad de inicio de sesión' }).click();
    const entries = page.getByTestId('activity-entry');
    await entries.first().waitFor();
    await expect(entries.first().getAttribute('data-type')).resolves.toBe('LoginSucceeded');
    await page.getByText('Inicio de sesión rechazado').first().waitFor();
    await page.getByText('Cuenta desactivada').first().waitFor();
    await page.getByText('Desbloqueada').first().waitFor();
    await page.screenshot({ path: `${SCREENSHOTS}/sign-in-activity-es.png`, fullPage: true });
    // Auditors do not manage accounts.
    await expect(page.getByRole('link', { name: 'Cuentas' }).count()).resolves.toBe(0);
    await page.context().close();
  }, 60_000);
});
