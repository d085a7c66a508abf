// BLM notification cards as both officers read and work them, in Debian's Chromium against the api built and started
// as an operator runs it, with the worker embedded on delivery receivers of the test's own (DOS's webhook down, so its
// delivery is given up): the Mexican officer (Spanish) issues a notification about a Laredo incident (the form picks
// the Laredo BLM), each recipient's channel, delivery state and attempts show, ANAM (the issuer) is never pending, the
// U.S. officer (English) acknowledges and the card says by whom and in which language, the Mexican officer records
// SRE's acknowledgment by phone (a refusal first, in Spanish), edits the notification while acknowledgments arrive
// and cancels it with a reason; a second notification goes overdue and escalates, which the side that acknowledged
// still sees, with whom it went to; the overview's recent activity names the right centres, in one clock, without
// delivery attempts.
import { mkdirSync } from 'node:fs';
import { dropSchema, testDatabaseUrl, uniqueSchemaName } from '@enlace/event-store/testing';
import { DeliveryReceivers } from '@enlace/notifications/testing';
import type { Browser, Locator, Page } from 'playwright-core';
import { expectNoSeriousAxeViolations } from './support/axe.js';
import { ApiProcess, buildApi } from './support/api-process.js';
import { launchChromium } from './support/browser.js';
import { SCREENSHOTS, shot, signIn } from './support/console-pages.js';

const schema = uniqueSchemaName('console_ncards');
const PORT = 'laredo-world-trade';
const BLM = 'blm-laredo-nuevolaredo';
/** Live updates reach the other console within this (they take well under a second). */
const LIVE_MS = 3_000;
/** The worker's deliveries: 4 attempts 200 ms apart, doubling, give up on DOS within a few seconds. */
const DELIVERY_MS = 15_000;

let receivers: DeliveryReceivers;
let api: ApiProcess;
let browser: Browser;
let us: Page;
let mx: Page;
const errors: string[] = [];
let incidentId = '';
let notificationId = '';

async function open(locale: string, timezoneId: string): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale, timezoneId });
  const page = await context.newPage();
  page.setDefaultTimeout(8_000);
  page.on('pageerror', (error) => errors.push(String(error)));
  await page.goto(api.url);
  return page;
}

async function expectAttribute(locator: Locator, attribute: string, value: string, timeout = LIVE_MS) {
  await locator.and(locator.page().locator(`[${attribute}="${value}"]`)).waitFor({ timeout });
}

const text = async (locator: Locator): Promise<string> => (await locator.textContent()) ?? '';

beforeAll(async () => {
  buildApi({ console: true });
  mkdirSync(SCREENSHOTS, { recursive: true });
  // A short retry schedule so that a dead endpoint is given up on in seconds.
  receivers = await DeliveryReceivers.start({ attempts: 3, backoffBaseMs: 150, escalationIntervalSeconds: 60 });
  receivers.webhooks.failFirst((hook) => hook.path.includes('/dos'), 1_000);
  [api, browser] = await Promise.all([
    ApiProcess.start({
      databaseUrl: testDatabaseUrl(),
      schema,
      env: { ...receivers.env, WORKER_EMBEDDED: 'true', CONSUMER_LEASE_SECONDS: '3' },
    }),
    launchChromium(),
  ]);
  [us, mx] = await Promise.all([open('en-US', 'America/Chicago'), open('es-MX', 'America/Monterrey')]);
  incidentId = (
    await api.write('POST', '/api/incidents', 'officer.mx', {
      kind: 'hazmat-release',
      title: { en: 'Chlorine tank car leaking on the bridge', es: 'Carro tanque de cloro con fuga en el puente' },
      severity: 'severe',
      location: { lat: 27.598, lon: -99.539, description: { es: 'Carril de carga 3' } },
      affectedPortIds: [PORT],
    })
  ).id;
}, 90_000);

afterAll(async () => {
  await browser?.close();
  await api?.stop();
  await receivers?.stop();
  await dropSchema(schema);
}, 30_000);

describe('browser console: notification cards that tell the truth', () => {
  it('signs in the U.S. officer (English) and the Mexican officer (Spanish)', async () => {
    await signIn(us, 'officer.us', { user: 'Username', password: 'Password', submit: 'Sign in' });
    await signIn(mx, 'officer.mx', { user: 'Usuario', password: 'Contraseña', submit: 'Iniciar sesión' });
    await expect(mx.locator('html').getAttribute('lang')).resolves.toBe('es-MX');
  }, 30_000);

  it('issues from the incident page, whose form takes the BLM and port of the Laredo incident; the issuer is never pending', async () => {
    await mx.goto(`${api.url}/incidents/${incidentId}`);
    await mx.getByRole('link', { name: 'Emitir una notificación al MEF sobre este incidente' }).click();
    const form = mx.getByTestId('issue-notification-form');
    await form.locator(`option[value="${incidentId}"]`).waitFor({ state: 'attached' });
    await expect(form.getByLabel('Sobre el incidente').inputValue()).resolves.toBe(incidentId);
    await expect(form.getByLabel('Mecanismo').inputValue()).resolves.toBe(BLM);
    await expect(form.getByLabel('Sobre el puerto de entrada').inputValue()).resolves.toBe(PORT);
    const title = form.getByRole('group', { name: /^Título/ });
    await title.getByLabel('Español').fill('Puente World Trade cerrado: fuga de cloro');
    await title.getByLabel('Inglés').fill('World Trade Bridge closed: chlorine leak');
    const body = form.getByRole('group', { name: /^Mensaje/ });
    await body.getByLabel('Español').fill('Carga cerrada en ambos sentidos.');
    await body.getByLabel('Inglés').fill('Cargo closed both ways.');
    await form.getByRole('button', { name: 'Emitir notificación' }).click();
    const card = mx.locator('li[data-testid^="notification-"]').filter({ hasText: 'Puente World Trade cerrado' });
    await card.waitFor();
    notificationId = (await card.getAttribute('data-testid'))!.replace('notification-', '');
    await expectAttribute(card, 'data-state', 'issued');
    await expect(card.getByTestId('recipient-MX-ANAM').count()).resolves.toBe(0);
    await expect(text(card.getByTestId('issuing-agency'))).resolves.toContain('ANAM (México) la emitió');
    await expect(text(card.locator('summary'))).resolves.toContain('Destinatarios: 0 de 5 acusaron recibo');
  }, 30_000);

  it('shows each recipient’s channel, delivery state and attempts: DOS not reached (given up), not “pending”', async () => {
    await us.getByRole('link', { name: /^Notifications/ }).click();
    const card = us.getByTestId(`notification-${notificationId}`);
    await expectAttribute(card, 'data-state', 'pending');
    await card.locator('summary').click();
    const dos = card.getByTestId('recipient-US-DOS');
    await expectAttribute(dos, 'data-state', 'unreachable', DELIVERY_MS);
    await expect(text(dos)).resolves.toContain('DOS (U.S.) not reached: delivery given up');
    await expect(text(dos)).resolves.toContain('Webhook given up (3 attempts)');
    const cbp = card.getByTestId('delivery-US-CBP');
    await expectAttribute(cbp.locator('[data-channel="webhook"]'), 'data-status', 'delivered', DELIVERY_MS);
    await expectAttribute(cbp.locator('[data-channel="email"]'), 'data-status', 'delivered', DELIVERY_MS);
    await expect(text(cbp)).resolves.toContain('Webhook delivered (1 attempt)');
    await expect(text(card.getByTestId('delivery-MX-SRE'))).resolves.toContain('Console only');
    await shot(us, 'notification-card-deliveries-en');
  }, 30_000);

  it('the U.S. officer acknowledges; the Mexican card says by whom and in which language it was read', async () => {
    await us.getByTestId(`acknowledge-${notificationId}`).click();
    await expectAttribute(us.getByTestId(`notification-${notificationId}`), 'data-state', 'acknowledged');
    const cbp = mx.getByTestId(`notification-${notificationId}`).getByTestId('recipient-US-CBP');
    await expectAttribute(cbp, 'data-state', 'acknowledged');
    await expect(text(cbp)).resolves.toContain('CBP (EE. UU.) acusó recibo');
    await expect(text(cbp)).resolves.toContain('por officer.us · leída en inglés');
  }, 30_000);

  it('records SRE’s acknowledgment by phone on its behalf (a future time refused first, in Spanish), shown apart', async () => {
    const card = mx.getByTestId(`notification-${notificationId}`);
    await card.getByTestId(`open-on-behalf-${notificationId}`).click();
    const form = card.getByTestId(`on-behalf-${notificationId}`);
    // Agencies without accounts by the names their mechanism gives them, codes beside.
    await expect(text(form.locator('option[value="PC"]'))).resolves.toBe('Protección Civil — PC (México)');
    await form.getByLabel('Dependencia que acusó recibo').selectOption('SRE');
    await form.getByLabel('Medio').selectOption('phone');
    const when = form.getByLabel(/^Hora del acuse \(su hora local, /);
    await when.fill('2099-01-01T10:00');
    await form.getByRole('button', { name: 'Registrar acuse' }).click();
    await expect(text(form.getByRole('alert'))).resolves.toContain('no en el futuro');
    // Now, in the officer's own clock (the field's), to the second: after the issue, not in the future.
    await when.fill(
      await mx.evaluate(() => {
        const d = new Date();
        const pad = (n: number) => String(n).padStart(2, '0');
        return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}:${pad(d.getSeconds())}`;
      }),
    );
    await form.getByRole('button', { name: 'Registrar acuse' }).click();
    const sre = card.getByTestId('recipient-MX-SRE');
    await expectAttribute(sre, 'data-state', 'acknowledged-on-behalf').catch(async (error: unknown) => {
      throw new Error(`${String(error)}: ${await text(card)}`);
    });
    await expect(text(sre)).resolves.toContain('SRE (México) acusó recibo por teléfono');
    await expect(text(sre)).resolves.toContain('a su nombre');
    await expect(text(sre)).resolves.toContain('registrado por officer.mx (ANAM)');
    const inEnglish = us.getByTestId(`notification-${notificationId}`).getByTestId('recipient-MX-SRE');
    await expectAttribute(inEnglish, 'data-state', 'acknowledged-on-behalf');
    await expect(text(inEnglish)).resolves.toContain('SRE (Mexico) acknowledged by phone');
    await expect(text(inEnglish)).resolves.toContain('recorded by officer.mx (ANAM)');
    await shot(mx, 'notification-card-on-behalf-es');
  }, 30_000);

  it('edits the notification (prefilled) while acknowledgments arrive: only its fields, saved without a conflict', async () => {
    const card = mx.getByTestId(`notification-${notificationId}`);
    await card.getByTestId(`open-edit-${notificationId}`).click();
    const form = card.getByTestId(`edit-notification-${notificationId}`);
    const title = form.getByRole('group', { name: /^Título/ });
    await expect(title.getByLabel('Español').inputValue()).resolves.toBe('Puente World Trade cerrado: fuga de cloro');
    await title.getByLabel('Inglés').fill('World Trade Bridge closed both ways: chlorine leak');
    await form.getByLabel('Severidad').selectOption('extreme');
    // Meanwhile the U.S. side records DOS's acknowledgment by radio: it changes none of the edited fields.
    await api.write('POST', `/api/notifications/${notificationId}/acknowledgments-on-behalf`, 'officer.us', {
      agency: 'DOS',
      side: 'US',
      channel: 'radio',
      acknowledgedAt: new Date().toISOString(),
    });
    await expectAttribute(card.getByTestId('recipient-US-DOS'), 'data-state', 'acknowledged-on-behalf');
    await form.getByRole('button', { name: 'Guardar cambios' }).click();
    await form.waitFor({ state: 'detached' });
    const inEnglish = us.getByTestId(`notification-${notificationId}`);
    await inEnglish.getByText('World Trade Bridge closed both ways: chlorine leak').waitFor({ timeout: LIVE_MS });
    await expect(text(inEnglish)).resolves.toContain('Extreme');
    // The U.S. side did not issue it: no edit or cancel there.
    await expect(inEnglish.getByTestId(`open-edit-${notificationId}`).count()).resolves.toBe(0);
  }, 30_000);

  it('cancels it with a reason; both cards say so', async () => {
    const card = mx.getByTestId(`notification-${notificationId}`);
    await card.getByTestId(`open-cancel-${notificationId}`).click();
    const form = card.getByTestId(`cancel-notification-${notificationId}`);
    await form.getByRole('button', { name: 'Cancelar notificación' }).click();
    await expect(text(form.getByRole('alert'))).resolves.toContain('Motivo de la cancelación');
    const reason = form.getByRole('group', { name: /^Motivo de la cancelación/ });
    await reason.getByLabel('Español').fill('Fuga controlada; el puente reabre');
    await reason.getByLabel('Inglés').fill('Leak contained; the bridge reopens');
    await form.getByRole('button', { name: 'Cancelar notificación' }).click();
    await expectAttribute(card, 'data-state', 'cancelled');
    await expect(text(card.getByTestId('cancellation'))).resolves.toContain('Fuga controlada; el puente reabre');
    const inEnglish = us.getByTestId(`notification-${notificationId}`);
    await expectAttribute(inEnglish, 'data-state', 'cancelled');
    await expect(text(inEnglish.getByTestId('cancellation'))).resolves.toContain('Leak contained');
    await expect(text(inEnglish.getByTestId('recipient-US-LOCAL-US'))).resolves.toContain(
      'had not acknowledged when it was cancelled',
    );
  }, 30_000);

  it('after acknowledging, the U.S. side still sees a notification go overdue and escalate, and to whom', async () => {
    const late = await api.write('POST', '/api/notifications', 'officer.mx', {
      blmId: BLM,
      subject: { incidentId, portId: PORT },
      title: { es: 'Humo visible desde el puente', en: 'Smoke visible from the bridge' },
      body: { es: 'Eviten la zona.', en: 'Avoid the area.' },
      severity: 'severe',
      acknowledgmentDeadline: new Date(Date.now() + 3_000).toISOString(),
    });
    const card = us.getByTestId(`notification-${late.id}`);
    await us.getByTestId(`acknowledge-${late.id}`).click();
    await expectAttribute(card, 'data-state', 'acknowledged');
    await expectAttribute(card, 'data-overdue', 'true', 8_000);
    await expect(text(card.getByTestId('overdue-for-all'))).resolves.toMatch(/OVERDUE: 4 of 5 recipients/);
    const escalation = card.getByTestId('escalation-1');
    await escalation.waitFor({ timeout: DELIVERY_MS });
    await expect(text(escalation)).resolves.toContain('Escalated to tier 1: BLM co-chairs, DOS (U.S.)');
    await expect(text(mx.getByTestId(`notification-${late.id}`).getByTestId('escalation-1'))).resolves.toContain(
      'Escalada al nivel 1: Copresidencia del MEF, DOS (EE. UU.)',
    );
    await shot(us, 'notification-card-overdue-en');
  }, 30_000);

  it('recent activity names the right centres, reads one clock newest first, and lists no delivery attempts', async () => {
    await api.write('POST', `/api/incidents/${incidentId}/national-center-notifications`, 'officer.mx');
    await api.write('POST', `/api/incidents/${incidentId}/counterpart-center-notifications`, 'officer.mx');
    const check = async (page: Page, home: string, line: string, zone: RegExp) => {
      await page.getByRole('link', { name: home }).click();
      const list = page.getByTestId('recent-activity');
      await list.getByText(line).waitFor({ timeout: LIVE_MS });
      await expect(text(page.getByTestId('activity-zone'))).resolves.toMatch(zone);
      await expect(list.locator('li[data-type^="BlmNotificationDeliver"]').count()).resolves.toBe(0);
      const times: string[] = [];
      for (const time of await list.locator('time').all()) times.push((await time.getAttribute('datetime')) ?? '');
      expect(times.length).toBeGreaterThan(5);
      expect([...times].sort().reverse()).toEqual(times);
    };
    await check(us, 'Border overview', 'CENACOM (Mexico) notified NRC (U.S.)', /CDT|CST/);
    await check(mx, 'Panorama de la frontera', 'El CENACOM (México) notificó al NRC (EE. UU.)', /CST|UTC−6/);
    await shot(mx, 'recent-activity-es');
    expect(errors).toEqual([]);
  }, 30_000);

  it("the incident's activity log folds the delivery attempts away, counted, until the officer shows them", async () => {
    await mx.goto(`${api.url}/incidents/${incidentId}`);
    const log = mx.getByTestId('timeline');
    await log.locator('tr[data-type="CounterpartCenterNotified"]').waitFor({ timeout: LIVE_MS });
    await expect(log.locator('tr[data-type^="BlmNotificationDeliver"]').count()).resolves.toBe(0);
    const folded = mx.getByTestId('timeline-deliveries');
    await expect(text(folded)).resolves.toMatch(/^No se listan \d+ intentos de entrega/);
    await folded.getByRole('button', { name: 'Mostrarlos' }).click();
    await expect(log.locator('tr[data-type^="BlmNotificationDeliver"]').count()).resolves.toBeGreaterThan(1);
    await expectNoSeriousAxeViolations(mx, undefined, 'incident with its deliveries shown (es)');
  }, 30_000);
});
