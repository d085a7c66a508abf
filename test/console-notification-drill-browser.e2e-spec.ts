// A notification drill as its planner and a U.S. officer run it in the browser console, in Debian's Chromium against
// the api built and started as an operator runs it, with the worker embedded (it issues the drill's notification when
// the clock starts, and escalates silence on the drill's clock) on a Redis of the test's own: the planner (English)
// plans one over San Diego–Tijuana at 120× (the api's refusal shown next to the BLMs first) and starts it; the U.S.
// officer (Spanish) joins it and acknowledges the EXERCISE notification from the inbox, in the drill's world; the
// planner ends it and reads the results (CBP in time, the other members never), and finds the BLM's count of the year.
import { uniqueSchemaName } from '@enlace/event-store/testing';
import type { Locator, Page } from 'playwright-core';
import { type ConsolePages, expectAttribute as expectAttributeWithin, shot, signIn } from './support/console-pages.js';
import type { ApiProcess } from './support/api-process.js';
import { ConsoleBed } from './support/console-bed.js';

/** The drill view and the drill bar read the drill again every 2 s. */
const FOLLOW_MS = 6_000;
const BLM = 'blm-sandiego-tijuana';

const schema = uniqueSchemaName('console_ndrill');
let api: ApiProcess;
let bed: ConsoleBed;
let planner: Page;
let officer: Page;
let pages: ConsolePages;
const expectAttribute = (locator: Locator, attribute: string, value: string, timeout = FOLLOW_MS) =>
  expectAttributeWithin(locator, attribute, value, timeout);
let drillId = '';

beforeAll(async () => {
  // The worker in the api process: it releases injects, issues notifications and escalates on the drill's clock.
  bed = await ConsoleBed.start({ schema, worker: true });
  ({ api, pages } = bed);
  planner = await pages.open('en-US');
  officer = await pages.open('es-MX');
}, 120_000);

afterAll(async () => {
  await bed?.stop();
}, 30_000);

describe('browser console: a notification drill, planned, answered and counted', () => {
  it('signs in the planner (English) and the U.S. officer (Spanish)', async () => {
    await signIn(planner, 'planner', { user: 'Username', password: 'Password', submit: 'Sign in' });
    await signIn(officer, 'officer.us', { user: 'Usuario', password: 'Contraseña', submit: 'Iniciar sesión' });
  }, 30_000);

  it("plans a notification drill over one BLM at 120×; the api's refusal shows next to the BLMs first", async () => {
    await planner.getByRole('navigation').getByRole('link', { name: 'Drills' }).click();
    await planner.getByRole('link', { name: 'Plan a notification drill' }).click();
    const form = planner.getByTestId('plan-notification-drill-form');
    await form.getByLabel('Compression').fill('120');
    await form.getByLabel('Username (Participant 1)').fill('officer.us');
    // No BLM chosen: the api says so, next to the checklist.
    await form.getByRole('button', { name: 'Plan the notification drill' }).click();
    await planner.getByTestId('plan-blms-error').getByText(/BLM/).waitFor();
    await shot(planner, 'notification-drill-plan-errors-en');

    await form.getByTestId(`blm-choice-${BLM}`).getByRole('checkbox').check();
    await form.getByRole('button', { name: 'Plan the notification drill' }).click();
    await planner.getByTestId('drill-view').waitFor();
    drillId = new URL(planner.url()).pathname.split('/').pop()!;
    await expectAttribute(planner.getByTestId('drill-status'), 'data-status', 'planned');
    // The api's default title names the BLM; the view lists it, and has no injects (no scenario).
    await planner.getByRole('heading', { level: 1, name: /^Notification drill: / }).waitFor();
    await expect(planner.getByTestId('drill-blms').locator(`[data-blm="${BLM}"]`).count()).resolves.toBe(1);
    await expect(planner.getByTestId('injects-pending').count()).resolves.toBe(0);
    await expect(planner.getByRole('heading', { name: 'Injects' }).count()).resolves.toBe(0);
  }, 30_000);

  it('starts it; the officer joins and acknowledges the EXERCISE notification from the inbox, in the drill', async () => {
    // The officer waits on the drill's page, to join as soon as it runs (30 min of drill time is 15 s here).
    await officer.goto(`${api.url}/drills/${drillId}`);
    await officer.getByTestId('drill-view').waitFor();
    await planner.getByTestId('drill-controls').getByRole('button', { name: 'Start' }).click();
    await expectAttribute(planner.getByTestId('drill-status'), 'data-status', 'running');

    await officer.getByTestId('drill-view').getByRole('button', { name: 'Unirse al ejercicio' }).click();
    const bar = officer.getByTestId('drill-mode');
    await bar.getByText('EJERCICIO — EJERCICIO — EJERCICIO').waitFor();
    const acknowledge = officer.locator('[data-testid^="acknowledge-"]');
    const inDrill = officer.waitForRequest(
      (request) =>
        new URL(request.url()).pathname.startsWith('/api/notifications/') &&
        request.headers()['enlace-drill'] === drillId,
    );
    await officer.getByRole('navigation').getByRole('link', { name: 'Notificaciones' }).click();
    await acknowledge.first().waitFor({ timeout: 10_000 });
    await shot(officer, 'notification-drill-inbox-es');
    await acknowledge.first().click();
    await inDrill;
    await acknowledge.first().waitFor({ state: 'detached', timeout: FOLLOW_MS });
  }, 30_000);

  it('the planner ends it and reads the results: CBP in time, the other members never', async () => {
    const results = planner.getByTestId('notification-results');
    await results.getByTestId(`results-${BLM}`).waitFor({ timeout: FOLLOW_MS });
    await expectAttribute(results.getByTestId(`result-${BLM}-US-CBP`), 'data-outcome', 'in-time');

    planner.once('dialog', (confirm) => void confirm.accept());
    await planner.getByTestId('drill-controls').getByRole('button', { name: 'End the drill' }).click();
    await expectAttribute(planner.getByTestId('drill-status'), 'data-status', 'ended');
    await planner.getByTestId('drill-report').getByRole('heading', { name: 'Notification drill report' }).waitFor();

    const rows = results.getByTestId(`results-${BLM}`).locator('tbody tr');
    await expectAttribute(results.getByTestId(`result-${BLM}-US-CBP`), 'data-outcome', 'in-time');
    const outcomes: [string | null, string | null][] = [];
    for (const row of await rows.all()) {
      outcomes.push([await row.getAttribute('data-testid'), await row.getAttribute('data-outcome')]);
    }
    expect(outcomes.length).toBeGreaterThan(1);
    for (const [row, outcome] of outcomes) {
      expect([row, outcome]).toEqual([row, row === `result-${BLM}-US-CBP` ? 'in-time' : 'never']);
    }
    await results.getByTestId(`result-${BLM}-US-CBP`).getByText('officer.us').waitFor();
    await shot(planner, 'notification-drill-results-en');

    // The JSON saved from the report section is the notification drill's.
    const [json] = await Promise.all([
      planner.waitForEvent('download'),
      planner.getByTestId('drill-report').getByTestId('report-json').click(),
    ]);
    expect(json.suggestedFilename()).toMatch(/^notification-drill-[0-9a-f]{8}-en\.json$/);

    // The officer reads the same results in Spanish.
    await officer.goto(`${api.url}/drills/${drillId}`);
    await officer
      .getByTestId('drill-report')
      .getByRole('heading', { name: 'Informe del simulacro de notificación' })
      .waitFor();
    await officer.getByTestId(`result-${BLM}-US-CBP`).getByText('A tiempo').waitFor({ timeout: FOLLOW_MS });
  }, 40_000);

  it("counts it on the year's page of notification drills per BLM, linked to the drill", async () => {
    await planner.getByRole('navigation').getByRole('link', { name: 'Drills' }).click();
    await planner.getByRole('link', { name: 'Notification drills of the year, per BLM' }).click();
    await planner.getByRole('heading', { level: 1, name: 'Notification drills per BLM' }).waitFor();
    const line = planner.getByTestId(`blm-year-${BLM}`);
    // The worker's runner writes the year's line once the drill's events reach it: read the page again until then.
    const link = line.getByTestId(`year-drill-${BLM}-${drillId}`).getByRole('link');
    for (let attempt = 0; ; attempt += 1) {
      try {
        await link.waitFor({ timeout: 2_000 });
        break;
      } catch (error) {
        if (attempt >= 5) throw error;
        await planner.reload();
      }
    }
    const count = Number(await line.getAttribute('data-count'));
    expect(count).toBeGreaterThanOrEqual(1);
    await line.getByText(/^\d+ notification drills?$/).waitFor();
    await line.getByText(/Trend:/).waitFor();
    await shot(planner, 'notification-drill-year-en');
    await link.click();
    await expect(planner.getByTestId('drill-view').count()).resolves.toBe(1);
    expect(new URL(planner.url()).pathname).toBe(`/drills/${drillId}`);
    expect(pages.errors).toEqual([]);
  }, 30_000);
});
