import { randomUUID } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { openPostgresEventStore, type PostgresEventStore } from '@enlace/event-store';
import { dropSchema, newEvent, testDatabaseUrl, uniqueSchemaName } from '@enlace/event-store/testing';
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import { ApiProcess, buildApi } from './support/api-process.js';
import { launchChromium } from './support/browser.js';

/**
 * The browser console as two liaison officers use it, in real headless Chromium against the api built and started
 * as an operator runs it: a U.S. officer (English) and a Mexican officer (Spanish) coordinate a chlorine release at
 * Otay Mesa — incident, a shutdown that each side widens and joins with its own lanes, BLM notification and
 * acknowledgment, the binational checklist and sign-offs (one withdrawn and renewed), a refused and then a phased
 * reopening, each side its own lanes — and each sees the other's actions live, without reloading. Along the way:
 * no request leaves the origin, no error reaches the browser console, and a dropped connection resumes from where it
 * stood and says so.
 */
const SCREENSHOTS = 'artifacts/screenshots/console';
const PORT = 'otay-mesa';
/** "The Mexican officer's console shows it within a second." */
const LIVE_MS = 1_000;
/** Each step's limit (the whole file runs in well under a minute). */
const STEP_MS = 30_000;

const schema = uniqueSchemaName('console_browser');
let api: ApiProcess;
let store: PostgresEventStore;
let browser: Browser;
const contexts: Record<'us' | 'mx', BrowserContext> = {} as never;
const pages: Record<'us' | 'mx', Page> = {} as never;
/** Every request and WebSocket each page opened, and every error its console printed (with when). */
const requests: { page: string; url: string }[] = [];
const consoleErrors: { page: string; text: string; at: number }[] = [];
/**
 * Chromium logs network failures itself: while the Mexican officer is deliberately offline (its failed connection
 * attempts), and for the reopening the api deliberately refuses (422). Those, and only those, are expected.
 */
let offlineWindow: { from: number; to: number } | undefined;
let refusalWindow: { from: number; to: number } | undefined;

let incidentId = '';
let notificationId = '';

interface ChecklistItemView {
  id: string;
  owner: 'US' | 'MX' | 'JOINT';
  critical: boolean;
  text: { en: string; es: string };
}

function watch(name: 'us' | 'mx', page: Page): void {
  page.on('request', (request) => requests.push({ page: name, url: request.url() }));
  page.on('websocket', (socket) => requests.push({ page: name, url: socket.url() }));
  page.on('console', (message) => {
    if (message.type() === 'error') consoleErrors.push({ page: name, text: message.text(), at: Date.now() });
  });
  page.on('pageerror', (error) => consoleErrors.push({ page: name, text: String(error), at: Date.now() }));
}

async function signIn(page: Page, username: string, labels: { user: string; password: string; submit: string }) {
  const form = page.getByTestId('login-form');
  await form.getByLabel(labels.user).fill(username);
  await form.getByLabel(labels.password).fill('demo');
  await form.getByRole('button', { name: labels.submit }).click();
  await expectState(page.getByTestId('connection-status'), 'connected', 10_000);
}

async function expectState(locator: Locator, state: string, timeout = 5_000, attribute = 'data-state') {
  await locator.and(locator.page().locator(`[${attribute}="${state}"]`)).waitFor({ timeout });
}

/** Mexico signs the resumption again (after its sign-off was withdrawn); the U.S. console sees it live. */
async function signAgainAsMexico(mx: Page, us: Page) {
  await mx.getByTestId('sign-off-MX').getByRole('button', { name: 'Firmar de nuevo por el lado de México' }).click();
  await expectState(mx.getByTestId('sign-off-MX'), 'signed');
  await expectState(us.getByTestId('sign-off-MX'), 'signed', LIVE_MS);
}

async function shot(page: Page, name: string) {
  await page.screenshot({ path: `${SCREENSHOTS}/${name}.png`, fullPage: true });
}

beforeAll(async () => {
  buildApi({ console: true });
  mkdirSync(SCREENSHOTS, { recursive: true });
  store = await openPostgresEventStore({ connectionString: testDatabaseUrl(), schema, poolSize: 2 });
  [api, browser] = await Promise.all([ApiProcess.start({ databaseUrl: testDatabaseUrl(), schema }), launchChromium()]);
  for (const side of ['us', 'mx'] as const) {
    contexts[side] = await browser.newContext({ viewport: { width: 1280, height: 800 }, locale: 'en-US' });
    pages[side] = await contexts[side].newPage();
    pages[side].setDefaultTimeout(5_000);
    watch(side, pages[side]);
  }
}, 60_000);

afterAll(async () => {
  await browser?.close();
  await api?.stop();
  await store?.close();
  await dropSchema(schema);
}, 30_000);

describe('browser console: two officers, one emergency', () => {
  it(
    'signs both officers in; the Mexican officer switches to Spanish, which survives a reload with the session',
    async () => {
      const { us, mx } = pages;
      await us.goto(`${api.url}/`);
      await signIn(us, 'officer.us', { user: 'Username', password: 'Password', submit: 'Sign in' });
      await expect(us.locator('html').getAttribute('lang')).resolves.toBe('en');

      await mx.goto(`${api.url}/`);
      await mx.getByTestId('language-switch').click();
      await expect(mx.locator('html').getAttribute('lang')).resolves.toBe('es-MX');
      await signIn(mx, 'officer.mx', { user: 'Usuario', password: 'Contraseña', submit: 'Iniciar sesión' });
      await mx.reload();
      await expectState(mx.getByTestId('connection-status'), 'connected', 10_000);
      await expect(mx.locator('html').getAttribute('lang')).resolves.toBe('es-MX');
      await expect(mx.getByTestId('user-menu').textContent()).resolves.toContain('Mariana Treviño');
      await expect(mx.getByRole('link', { name: 'Panorama de la frontera' }).isVisible()).resolves.toBe(true);
      // Landmarks and the skip link, which leads to the main content.
      await mx.keyboard.press('Tab');
      await expect(mx.evaluate('document.activeElement?.textContent')).resolves.toBe('Saltar al contenido principal');
      await expect(mx.locator('header').count()).resolves.toBe(1);
      await expect(mx.locator('nav').count()).resolves.toBe(1);
      await expect(mx.locator('main#main').count()).resolves.toBe(1);
    },
    STEP_MS,
  );

  it(
    'the U.S. officer reports an incident; the Mexican console shows it in Spanish within a second',
    async () => {
      const { us, mx } = pages;
      await us.getByRole('link', { name: 'Report an incident' }).click();
      const form = us.getByTestId('report-incident-form');
      await form.getByLabel('Kind').selectOption('hazmat-release');
      await form.getByLabel('Severity').selectOption('severe');
      const title = form.getByRole('group', { name: /^Title/ });
      await title.getByLabel('English').fill('Chlorine release at the commercial lot');
      await title.getByLabel('Spanish').fill('Fuga de cloro en el patio comercial');
      await form.getByLabel(/Port where it happened/).selectOption(PORT);
      const place = form.getByRole('group', { name: /^Location description/ });
      await place.getByLabel('English').fill('Commercial inspection lot, dock 4');
      await place.getByLabel('Spanish').fill('Patio de revisión comercial, andén 4');
      await form.getByLabel('UN number').fill('1017');
      await form.getByText('Chlorine: class 2.3, ERG guide 124').waitFor();
      await form.getByRole('button', { name: 'Report incident' }).click();

      await us.waitForURL(/\/incidents\/[0-9a-f-]{36}$/);
      incidentId = us.url().split('/').pop()!;
      await us.getByRole('heading', { level: 1, name: 'Chlorine release at the commercial lot' }).waitFor();
      await expect(us.getByText('Guide 124').isVisible()).resolves.toBe(true);

      const item = mx.getByTestId(`incident-item-${incidentId}`);
      await item.waitFor({ timeout: LIVE_MS });
      await expect(item.textContent()).resolves.toContain('Fuga de cloro en el patio comercial');
      await expect(item.textContent()).resolves.toContain('Grave');
    },
    STEP_MS,
  );

  it(
    'the U.S. officer closes a lane and widens the shutdown; Mexico joins and widens it in Spanish; both see it closed',
    async () => {
      const { us, mx } = pages;
      await us.getByRole('link', { name: 'Declare a shutdown' }).click();
      await us.waitForURL(new RegExp(`/ports/${PORT}\\?incident=${incidentId}$`));
      const form = us.getByTestId('shutdown-form');
      await form.locator(`#shutdown-incident option[value="${incidentId}"]`).waitFor({ state: 'attached' });
      await expect(form.getByLabel('Incident').inputValue()).resolves.toBe(incidentId);
      // A side closes only its own lanes: the U.S. officer is offered the northbound ones.
      const inputs = await form.locator('input[name="close-lane"]').all();
      const offered = await Promise.all(inputs.map((input) => input.getAttribute('value')));
      expect(offered.length).toBeGreaterThan(1);
      expect(offered.every((lane) => lane?.endsWith(':northbound'))).toBe(true);
      await form.getByLabel('All lanes').uncheck();
      await form.getByLabel('Commercial (trucks) — Northbound').check();
      // Only English: the Mexican console marks the Spanish as pending.
      await form
        .getByRole('group', { name: /^Reason/ })
        .getByLabel('English')
        .fill('Chlorine cloud over the lanes');
      await form.getByRole('button', { name: 'Declare shutdown' }).click();
      await expectState(us.getByTestId(`port-status-${PORT}`), 'partially-closed', 5_000, 'data-status');
      await expectState(mx.getByTestId(`port-marker-${PORT}`), 'partially-closed', LIVE_MS, 'data-status');

      // The plume moves: the U.S. officer widens the shutdown to every northbound lane.
      const widen = us.getByTestId('widen-form');
      await widen
        .getByRole('group', { name: /^Reason/ })
        .getByLabel('English')
        .fill('The plume moved over the passenger lanes');
      await widen.getByRole('button', { name: 'Close these lanes too' }).click();
      await expectState(us.locator('[data-lane="passenger:northbound"]'), 'closed', 5_000, 'data-status');
      await expect(us.getByTestId('shutdown-scope').textContent()).resolves.toBe('Partial shutdown');

      // The marker is a keyboard control: Enter opens the port.
      await mx.getByTestId(`port-marker-${PORT}`).focus();
      await mx.keyboard.press('Enter');
      await mx.waitForURL(new RegExp(`/ports/${PORT}$`));
      await mx.getByText('Chlorine cloud over the lanes').waitFor();
      await expect(mx.getByText('traducción pendiente').first().isVisible()).resolves.toBe(true);
      await expect(mx.getByRole('heading', { level: 1 }).textContent()).resolves.toBe(
        'Tijuana – Mesa de Otay (Garita de Otay)',
      );
      // Times are on the Mexican officer's clock of the port: Tijuana, with its zone.
      await expect(mx.getByText(/\((America\/Tijuana)\)/).isVisible()).resolves.toBe(true);

      // Mexico joins the shutdown with one southbound lane, then widens it to all of them, in Spanish.
      const join = mx.getByTestId('join-form');
      await join.getByLabel('Todos los carriles').uncheck();
      await join.getByLabel('Carga (camiones) — Hacia el sur').check();
      await join
        .getByRole('group', { name: /^Motivo/ })
        .getByLabel('Español')
        .fill('La nube avanza hacia la salida');
      await join.getByRole('button', { name: 'Sumarse con estos carriles' }).click();
      await mx.getByTestId('joined-by').waitFor();
      const widenMx = mx.getByTestId('widen-form');
      await widenMx
        .getByRole('group', { name: /^Motivo/ })
        .getByLabel('Español')
        .fill('Humo en los carriles de pasajeros');
      await widenMx.getByRole('button', { name: 'Cerrar también estos carriles' }).click();
      const status = mx.getByTestId(`port-status-${PORT}`);
      await expectState(status, 'closed', 5_000, 'data-status');
      await expect(status.textContent()).resolves.toBe('Cerrado');
      await expect(mx.getByTestId('shutdown-scope').textContent()).resolves.toBe('Cierre total');
      // The U.S. console follows: the port is closed, and the shutdown says so too.
      await expectState(us.getByTestId(`port-status-${PORT}`), 'closed', LIVE_MS, 'data-status');
      await expect(us.getByTestId('shutdown-scope').textContent()).resolves.toBe('Full shutdown');
      await expect(us.getByTestId('joined-by').textContent()).resolves.toContain('ANAM (Mexico)');

      await us.goto(`${api.url}/`);
      await expectState(us.getByTestId(`port-marker-${PORT}`), 'closed', 5_000, 'data-status');
      await us.getByTestId(`incident-item-${incidentId}`).waitFor();
      await shot(us, 'overview-en');
      await mx.getByRole('link', { name: 'Panorama de la frontera' }).click();
      await expect(mx.getByTestId(`port-row-${PORT}`).textContent()).resolves.toContain('Mesa de Otay');
      await mx.getByTestId(`incident-item-${incidentId}`).waitFor();
      await shot(mx, 'overview-es');
    },
    STEP_MS,
  );

  it(
    'the U.S. officer issues a BLM notification; the Mexican officer acknowledges it in one click; the U.S. officer sees it',
    async () => {
      const { us, mx } = pages;
      await us.getByRole('link', { name: /^Notifications/ }).click();
      const form = us.getByTestId('issue-notification-form');
      await form.getByLabel('Mechanism').selectOption('blm-sandiego-tijuana');
      await form.getByLabel('About the incident').selectOption(incidentId);
      await form.getByLabel('About the port of entry').selectOption(PORT);
      const title = form.getByRole('group', { name: /^Title/ });
      await title.getByLabel('English').fill('Otay Mesa closed: chlorine release');
      await title.getByLabel('Spanish').fill('Mesa de Otay cerrada: fuga de cloro');
      const body = form.getByRole('group', { name: /^Message/ });
      await body.getByLabel('English').fill('All lanes closed. Shelter in place within 800 m.');
      await body.getByLabel('Spanish').fill('Todos los carriles cerrados. Resguardo en el lugar en 800 m.');
      await form.getByLabel('Acknowledge within').selectOption('30');
      await form.getByRole('button', { name: 'Issue notification' }).click();
      const issued = us.locator('li[data-testid^="notification-"]').filter({ hasText: 'Otay Mesa closed' });
      await issued.waitFor();
      notificationId = (await issued.getAttribute('data-testid'))!.replace('notification-', '');

      await mx.getByRole('link', { name: /^Notificaciones/ }).click();
      const card = mx.getByTestId(`notification-${notificationId}`);
      await expectState(card, 'pending');
      await expect(card.textContent()).resolves.toContain('Mesa de Otay cerrada: fuga de cloro');
      await expect(card.textContent()).resolves.toMatch(/vence en \d+ min \d\d s/);
      await shot(mx, 'inbox-es');
      await mx.getByTestId(`acknowledge-${notificationId}`).click();
      await expectState(card, 'acknowledged');

      const mxRecipient = us.getByTestId(`notification-${notificationId}`).getByTestId('recipient-MX-ANAM');
      await expectState(mxRecipient, 'true', 2_000, 'data-acknowledged');
      await expect(mxRecipient.textContent()).resolves.toContain('ANAM (Mexico) acknowledged');
      await shot(us, 'inbox-en');
    },
    STEP_MS,
  );

  it(
    'a reopening before the checklist and the sign-offs is refused, in either language, with the blocking reasons shown',
    async () => {
      const { us, mx } = pages;
      await us.goto(`${api.url}/ports/${PORT}`);
      await mx.goto(`${api.url}/ports/${PORT}`);
      const readiness = us.getByTestId('reopen-readiness');
      await expect(readiness.getAttribute('data-ready')).resolves.toBe('false');
      await expect(readiness.textContent()).resolves.toContain('What still blocks reopening phase 1');
      refusalWindow = { from: Date.now(), to: Infinity };
      await us.getByTestId('reopen-form').getByRole('button', { name: 'Reopen selected lanes' }).click();
      const blockers = us.getByTestId('reopen-blockers');
      await blockers.waitFor();
      const text = (await blockers.textContent())!;
      expect(text).toContain('Reopening refused');
      expect(text).toContain('Critical item open: Air monitoring');
      expect(text).toContain('Sign-off missing: U.S.');
      expect(text).toContain('Sign-off missing: Mexico');
      expect(text).toContain('Mexican side: 3 critical items open');

      await mx.getByTestId('reopen-form').getByRole('button', { name: 'Reabrir los carriles elegidos' }).click();
      const bloqueos = mx.getByTestId('reopen-blockers');
      await bloqueos.waitFor();
      refusalWindow.to = Date.now();
      const texto = (await bloqueos.textContent())!;
      expect(texto).toContain('Reapertura rechazada');
      expect(texto).toContain('Falta la firma: EE. UU.');
      expect(texto).toContain('Falta la firma: México');
      await expectState(us.getByTestId(`port-status-${PORT}`), 'closed', 1_000, 'data-status');
      await expectState(mx.getByTestId(`port-status-${PORT}`), 'closed', 1_000, 'data-status');
    },
    STEP_MS,
  );

  it(
    'both sides work the checklist (each its own items, joint ones by either); the other side sees each step',
    async () => {
      const { us, mx } = pages;
      await mx.goto(`${api.url}/ports/${PORT}`);
      const { body } = await api.request<{ activeShutdown: { checklist: { items: ChecklistItemView[] } } }>(
        'GET',
        `/api/ports/${PORT}`,
        { as: 'auditor' },
      );
      const items = body.activeShutdown.checklist.items;
      const joint = items.filter((item) => item.owner === 'JOINT');
      expect(items.filter((item) => item.owner === 'US').length).toBeGreaterThan(0);
      expect(items.filter((item) => item.owner === 'MX').length).toBeGreaterThan(0);
      expect(joint.length).toBeGreaterThan(1);

      // Each side sees the other side's items without controls, and why.
      const usItem = items.find((item) => item.owner === 'US')!;
      await expect(mx.getByTestId(`checklist-item-${usItem.id}`).getByRole('button').count()).resolves.toBe(0);
      await expect(mx.getByTestId(`checklist-item-${usItem.id}`).textContent()).resolves.toContain(
        'Solo el lado estadounidense puede resolver este elemento.',
      );

      // The last joint item stays open for the dropped-connection test below.
      const waived = items.find((item) => item.owner === 'US' && !item.critical);
      const work = items.filter((item) => item !== joint.at(-1));
      let turn = 0;
      for (const item of work) {
        const page = item.owner === 'US' ? us : item.owner === 'MX' ? mx : turn++ % 2 === 0 ? us : mx;
        const row = page.getByTestId(`checklist-item-${item.id}`);
        if (item === waived) {
          await row.getByRole('button', { name: 'Waive…' }).click();
          await row.getByLabel('Reason for waiving (required)').fill('Not applicable: no rail traffic today');
          await row.getByRole('button', { name: 'Waive item' }).click();
          await expectState(row, 'waived');
        } else {
          await row.getByRole('button', { name: page === us ? 'Mark done' : 'Marcar como hecho' }).click();
          await expectState(row, 'completed');
        }
      }
      // The other side's console followed.
      const last = work.at(-1)!;
      await expectState(us.getByTestId(`checklist-item-${last.id}`), 'completed', LIVE_MS);
      await expectState(mx.getByTestId(`checklist-item-${waived!.id}`), 'waived', LIVE_MS);
      await expect(mx.getByTestId(`checklist-item-${waived!.id}`).textContent()).resolves.toContain('Dispensado');

      // Real checklists change: the U.S. officer adds a critical item, in both languages; Mexico sees it in Spanish.
      await us.getByRole('button', { name: 'Add an item' }).click();
      const add = us.getByTestId('add-item-form');
      // Nothing is chosen for the officer: not the agency, not "critical".
      await expect(add.getByLabel('Lead agency').inputValue()).resolves.toBe('');
      await expect(add.getByLabel(/^Critical/).isChecked()).resolves.toBe(false);
      await add.getByLabel('Lead agency').selectOption('EPA');
      await add.getByLabel(/^Critical/).check();
      const itemText = add.getByRole('group', { name: /^Item text/ });
      await itemText.getByLabel('English').fill('Storm drains under the commercial lot sampled');
      await itemText.getByLabel('Spanish').fill('Drenajes pluviales bajo el patio comercial muestreados');
      await add.getByRole('button', { name: 'Add item' }).click();
      const added = us.getByTestId('checklist-item-us-added-1');
      await expectState(added, 'open');
      await expect(added.textContent()).resolves.toContain('Added during the shutdown by CBP (U.S.)');
      await expect(us.getByTestId('sign-off-US').textContent()).resolves.toContain(
        'One critical item of your side is still open',
      );
      await expect(mx.getByTestId('checklist-item-us-added-1').textContent()).resolves.toContain(
        'Drenajes pluviales bajo el patio comercial muestreados',
      );
      await added.getByRole('button', { name: 'Mark done' }).click();
      await expectState(added, 'completed');

      await us.getByTestId('sign-off-US').getByRole('button', { name: 'Sign off for the U.S. side' }).click();
      await expectState(us.getByTestId('sign-off-US'), 'signed');
      await expectState(mx.getByTestId('sign-off-US'), 'signed', LIVE_MS);
      await expect(mx.getByTestId('sign-off-MX').getByRole('button').count()).resolves.toBe(1);
      await expect(us.getByTestId('sign-off-MX').getByRole('button').count()).resolves.toBe(0);
      await mx.getByTestId('sign-off-MX').getByRole('button', { name: 'Firmar por el lado de México' }).click();
      await expectState(mx.getByTestId('sign-off-MX'), 'signed');
      await expectState(us.getByTestId('sign-off-MX'), 'signed', LIVE_MS);

      // A new reading: Mexico undoes one of its critical items. Its sign-off is withdrawn and must be renewed.
      const undone = items.find((item) => item.owner === 'MX' && item.critical)!;
      const row = mx.getByTestId(`checklist-item-${undone.id}`);
      await row.getByRole('button', { name: 'Deshacer…' }).click();
      await row.getByLabel(/^Por qué ya no se cumple/).fill('El sistema de rayos X volvió a fallar');
      await row.getByRole('button', { name: 'Marcar como no hecho' }).click();
      await expectState(row, 'open');
      await expectState(mx.getByTestId('sign-off-MX'), 'renew');
      await expectState(us.getByTestId('sign-off-MX'), 'renew', LIVE_MS);
      // Said as officers read it: the item's text and the side, not their codes.
      await expect(us.getByTestId('sign-off-withdrawn-MX').textContent()).resolves.toContain(
        `“${undone.text.en.slice(0, 40)}`,
      );
      await expect(us.getByTestId('sign-off-withdrawn-MX').textContent()).resolves.toContain(
        "was marked as not done after the Mexican side's sign-off",
      );
      await expect(us.getByTestId('sign-off-US').getAttribute('data-state')).resolves.toBe('signed');
      await expect(us.getByTestId('reopen-readiness').textContent()).resolves.toContain(
        'Sign-off withdrawn, to renew: Mexico',
      );
      // Mexico cannot sign again while the item is open; once it is done, it signs again.
      await expect(mx.getByTestId('sign-off-MX').getByRole('button').count()).resolves.toBe(0);
      await row.getByRole('button', { name: 'Marcar como hecho' }).click();
      await expectState(row, 'completed');
      await signAgainAsMexico(mx, us);
      await shot(us, 'port-en');
      await shot(mx, 'port-es');
    },
    STEP_MS,
  );

  it(
    'a dropped connection shows it, then resumes from the last position and receives what happened meanwhile',
    async () => {
      const { us, mx } = pages;
      const states = 'window.__connectionStates';
      // Every state the indicator goes through from now on.
      await mx.evaluate(`(() => {
      const log = (window.__connectionStates = []);
      const target = document.querySelector('[data-testid="connection-status"]');
      new MutationObserver(() => log.push(target.getAttribute('data-state'))).observe(target, {
        attributes: true,
        attributeFilter: ['data-state'],
      });
    })()`);
      const { body } = await api.request<{ activeShutdown: { checklist: { items: ChecklistItemView[] } } }>(
        'GET',
        `/api/ports/${PORT}`,
        { as: 'auditor' },
      );
      const openJoint = body.activeShutdown.checklist.items.find(
        (item) => item.owner === 'JOINT' && (item as unknown as { status: string }).status === 'open',
      )!;

      offlineWindow = { from: Date.now(), to: Infinity };
      await contexts.mx.setOffline(true);
      await mx.locator('[data-testid="connection-status"]:not([data-state="connected"])').waitFor({ timeout: 5_000 });
      // While the Mexican officer is away, the U.S. officer completes the last joint item: a joint item is both sides'
      // word, so Mexico's sign-off, given before, is withdrawn until Mexico signs again.
      const row = us.getByTestId(`checklist-item-${openJoint.id}`);
      await row.getByRole('button', { name: 'Mark done' }).click();
      await expectState(row, 'completed');
      await expectState(mx.getByTestId(`checklist-item-${openJoint.id}`), 'open', 100);

      await contexts.mx.setOffline(false);
      await expectState(mx.getByTestId('connection-status'), 'connected', 10_000);
      offlineWindow.to = Date.now();
      const notice = mx.getByTestId('resume-notice');
      await notice.waitFor({ timeout: 2_000 });
      await expect(notice.textContent()).resolves.toMatch(
        /^↻ Reconectado: se recuperó lo ocurrido desde \d\d:\d\d:\d\d \S+; se recibieron 2 actualizaciones\.Cerrar$/,
      );
      await expectState(mx.getByTestId(`checklist-item-${openJoint.id}`), 'completed', 2_000);
      await expectState(mx.getByTestId('sign-off-MX'), 'renew', 2_000);
      await expect(mx.getByTestId('sign-off-withdrawn-MX').textContent()).resolves.toContain(
        `El otro lado completó el elemento conjunto «${openJoint.text.es.slice(0, 40)}`,
      );
      await expect(mx.getByTestId('live-region').textContent()).resolves.toContain('Reconectado');
      const seen = await mx.evaluate(states);
      expect(seen).toEqual(expect.arrayContaining(['offline', 'reconnecting']));
      expect((seen as string[]).at(-1)).toBe('connected');
      expect((seen as string[]).indexOf('offline')).toBeLessThan((seen as string[]).lastIndexOf('reconnecting'));

      // Back online, Mexico agrees with the joint item and signs again.
      await signAgainAsMexico(mx, us);
    },
    STEP_MS,
  );

  it(
    'the port reopens in phases once both sides signed off, each side its own lanes; the markers turn open',
    async () => {
      const { us, mx } = pages;
      await us.getByTestId('reopen-readiness').and(us.locator('[data-ready="true"]')).waitFor();
      await expect(us.getByTestId('reopen-readiness').textContent()).resolves.toContain('Nothing blocks phase 1');
      // The refusal shown earlier described the port before the checklist was done: it is gone, not left to mislead.
      await expect(us.getByTestId('reopen-blockers').count()).resolves.toBe(0);
      // Each side reopens only its own lanes: the southbound ones are Mexico's.
      await expect(us.getByTestId('other-side-lanes').textContent()).resolves.toContain('Closed by the Mexico side');

      // Phase 1: the U.S. officer reopens the FAST lane only.
      const form = us.getByTestId('reopen-form');
      await form.getByLabel('All lanes').uncheck();
      await form.getByLabel('FAST — Northbound').check();
      await form.getByRole('button', { name: 'Reopen selected lanes' }).click();
      await expectState(us.getByTestId(`port-status-${PORT}`), 'partially-closed', 5_000, 'data-status');
      await expect(us.getByTestId('shutdown-scope').textContent()).resolves.toBe('Partial shutdown');
      await expectState(mx.locator('[data-lane="fast:northbound"]'), 'open', LIVE_MS, 'data-status');

      // Phase 2: Mexico reopens its lanes, in Spanish.
      await mx.getByTestId('reopen-readiness').and(mx.locator('[data-phase="2"]')).waitFor();
      await expect(mx.getByTestId('reopen-readiness').textContent()).resolves.toContain('Nada impide la fase 2');
      await mx.getByTestId('reopen-form').getByRole('button', { name: 'Reabrir los carriles elegidos' }).click();
      await expectState(mx.locator('[data-lane="commercial:southbound"]'), 'open', 5_000, 'data-status');
      await expectState(mx.getByTestId(`port-status-${PORT}`), 'partially-closed', 1_000, 'data-status');

      // Phase 3: the U.S. officer reopens the rest, and the port is open.
      await mx.getByRole('link', { name: 'Panorama de la frontera' }).click();
      await expectState(mx.getByTestId(`port-marker-${PORT}`), 'partially-closed', 2_000, 'data-status');
      await us.getByTestId('reopen-readiness').and(us.locator('[data-phase="3"]')).waitFor();
      await us.getByTestId('reopen-form').getByRole('button', { name: 'Reopen selected lanes' }).click();
      await expectState(us.getByTestId(`port-status-${PORT}`), 'open', 5_000, 'data-status');

      await expectState(mx.getByTestId(`port-marker-${PORT}`), 'open', LIVE_MS, 'data-status');
      await expect(mx.getByTestId(`port-row-${PORT}`).count()).resolves.toBe(0);
      await us.getByRole('link', { name: 'Border overview' }).click();
      await expectState(us.getByTestId(`port-marker-${PORT}`), 'open', 2_000, 'data-status');

      // The incident as each side sees it now: its timeline holds the steps above, on each side's clock.
      for (const [page, name] of [
        [us, 'incident-en'],
        [mx, 'incident-es'],
      ] as const) {
        await page.goto(`${api.url}/incidents/${incidentId}`);
        await expectState(page.getByTestId('connection-status'), 'connected', 10_000);
        await page.getByRole('heading', { level: 1 }).waitFor();
        await shot(page, name);
        await page.goto(`${api.url}/`);
        await expectState(page.getByTestId(`port-marker-${PORT}`), 'open', 10_000, 'data-status');
      }
    },
    STEP_MS,
  );

  it(
    'marks drill data: an exercise-mode incident brings the EXERCISE banner',
    async () => {
      const { us, mx } = pages;
      await expect(us.getByTestId('exercise-banner').count()).resolves.toBe(0);
      const drillId = randomUUID();
      await store.append(
        `incident-${drillId}`,
        [
          newEvent(
            'IncidentReported',
            {
              incidentId: drillId,
              kind: 'fire',
              title: { en: 'Drill: tanker fire at the southbound lanes', es: 'Simulacro: incendio de pipa' },
              severity: 'moderate',
              location: { lat: 32.549, lon: -116.938, description: { en: 'Southbound lanes' } },
              affectedPortIds: ['tecate'],
              casualties: { injured: 0, fatalities: 0 },
              reportedBy: { side: 'US', agency: 'CBP' },
              observedAt: new Date().toISOString(),
            },
            {
              metadata: {
                actor: 'planner',
                agency: 'EPA',
                country: 'US',
                role: 'planner',
                correlationId: randomUUID(),
                causationId: null,
                mode: 'exercise',
              },
            },
          ),
        ],
        'no_stream',
      );
      await us.getByTestId('exercise-banner').waitFor({ timeout: 2_000 });
      await expect(us.getByTestId('exercise-banner').textContent()).resolves.toContain('EXERCISE');
      await mx.getByTestId('exercise-banner').waitFor({ timeout: 2_000 });
      await expect(mx.getByTestId(`incident-item-${drillId}`).textContent()).resolves.toContain('EJERCICIO');
    },
    STEP_MS,
  );

  it(
    'signs out',
    async () => {
      const { us } = pages;
      await us.getByTestId('sign-out').click();
      await us.getByTestId('login-form').waitFor();
      await us.reload();
      await us.getByTestId('login-form').waitFor();
    },
    STEP_MS,
  );

  it(
    'kept every request on the origin, and printed no error to the browser console',
    () => {
      const origin = new URL(api.url);
      const foreign = requests.filter(({ url }) => {
        const parsed = new URL(url);
        if (parsed.protocol === 'data:' || parsed.protocol === 'blob:') return false;
        return parsed.host !== origin.host || !['http:', 'ws:'].includes(parsed.protocol);
      });
      expect(foreign).toEqual([]);
      expect(requests.some(({ url }) => url.startsWith(`ws://${origin.host}/socket.io/`))).toBe(true);

      const within = (window: { from: number; to: number } | undefined, at: number) =>
        window !== undefined && at >= window.from && at <= window.to;
      const unexpected = consoleErrors.filter(
        ({ page, text, at }) =>
          !(
            (page === 'mx' &&
              within(offlineWindow, at) &&
              /ERR_INTERNET_DISCONNECTED|ERR_NETWORK_CHANGED|WebSocket connection/.test(text)) ||
            (within(refusalWindow, at) && /status of 422 \(Unprocessable Entity\)/.test(text))
          ),
      );
      // The two deliberate failures were really seen and really excused (the filter is not a blanket one).
      expect(consoleErrors.length - unexpected.length).toBeGreaterThanOrEqual(1);
      expect(unexpected).toEqual([]);
    },
    STEP_MS,
  );
});
