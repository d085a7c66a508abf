// A drill as its planner and one of its players run it in the browser console, in Debian's Chromium against the api
// built and started as an operator runs it: the planner (English) reads the shortest scenario's MSEL, downloads it,
// plans a drill from it at high compression (the api's field errors shown next to the fields first), starts it; the
// Mexican officer (Spanish) joins it and works in its world (every request with the Enlace-Drill header, the EJERCICIO
// bar and the drill clock on every page, the live world's incidents still in sight); the planner pauses and changes
// the compression, the officer halts it for a real emergency, the planner ends it, and both consoles follow each
// change. Injects are not released here (the worker's scheduler is separate): they are shown pending.
import { uniqueSchemaName } from '@enlace/event-store/testing';
import { randomUUID } from 'node:crypto';
import type { Locator, Page } from 'playwright-core';
import { type ConsolePages, expectAttribute as expectAttributeWithin, shot, signIn } from './support/console-pages.js';
import type { ApiProcess } from './support/api-process.js';
import { ConsoleBed } from './support/console-bed.js';

/**
 * The drill view and the drill bar hear the drill's facts on the console feed (room `drill`) and read it again then;
 * they poll only every 10 s, so a change seen within this was pushed.
 */
const FOLLOW_MS = 4_000;
/** A real-world halt shows on every console of the drill within this (the 2 s). */
const HALT_SHOWN_MS = 2_000;

const schema = uniqueSchemaName('console_drills');
let api: ApiProcess;
let bed: ConsoleBed;
let planner: Page;
let officer: Page;
let pages: ConsolePages;
const expectAttribute = (locator: Locator, attribute: string, value: string, timeout = FOLLOW_MS) =>
  expectAttributeWithin(locator, attribute, value, timeout);
let drillId = '';
let shortest: { id: string; title: { en: string; es: string }; injects: number } | undefined;

beforeAll(async () => {
  bed = await ConsoleBed.start({ schema });
  ({ api, pages } = bed);
  planner = await pages.open('en-US');
  officer = await pages.open('es-MX');
}, 120_000);

afterAll(async () => {
  await bed?.stop();
}, 30_000);

describe('browser console: a drill, planned, played and stopped', () => {
  it('signs in the planner (English) and the Mexican officer (Spanish)', async () => {
    await signIn(planner, 'planner', { user: 'Username', password: 'Password', submit: 'Sign in' });
    // A browser asking for es-MX gets the console in Spanish.
    await signIn(officer, 'officer.mx', { user: 'Usuario', password: 'Contraseña', submit: 'Iniciar sesión' });
    await expect(officer.locator('html').getAttribute('lang')).resolves.toBe('es-MX');
  }, 30_000);

  it("shows the shortest scenario's MSEL as a table and on a time axis, and downloads it", async () => {
    const { body } = await api.request<
      { id: string; title: { en: string; es: string }; injects: number; durationMinutes: number }[]
    >('GET', '/api/scenarios', { as: 'planner' });
    shortest = [...body].sort((a, b) => a.durationMinutes - b.durationMinutes)[0]!;

    await planner.getByRole('navigation').getByRole('link', { name: 'Scenarios' }).click();
    await planner.getByTestId(`scenario-${shortest.id}`).getByRole('link', { name: shortest.title.en }).click();
    await planner.getByRole('heading', { level: 1, name: shortest.title.en }).waitFor();
    await expect(planner.getByTestId('msel-table').locator('tbody tr').count()).resolves.toBe(shortest.injects);
    await expect(planner.getByTestId('msel-axis').locator('[data-inject]').count()).resolves.toBe(shortest.injects);
    await planner.getByRole('img', { name: /Time axis of \d+ injects/ }).waitFor();
    await shot(planner, 'drill-scenario-en');

    const [download] = await Promise.all([
      planner.waitForEvent('download'),
      planner.getByTestId('download-csv').click(),
    ]);
    expect(download.suggestedFilename()).toBe(`${shortest.id}.csv`);
    const [workbook] = await Promise.all([
      planner.waitForEvent('download'),
      planner.getByTestId('download-xlsx').click(),
    ]);
    expect(workbook.suggestedFilename()).toBe(`${shortest.id}.xlsx`);
  }, 30_000);

  it("plans a drill at high compression; the api's refusals show next to their fields first", async () => {
    await planner.getByTestId('plan-drill').click();
    const form = planner.getByTestId('plan-drill-form');
    // Prefilled with the scenario's title, in both languages.
    await expect(form.getByLabel('English').first().inputValue()).resolves.toBe(shortest!.title.en);
    await form.getByLabel('Compression').fill('500');
    await form.getByLabel('Username (Participant 1)').fill('officer.mx');
    await form.getByRole('button', { name: 'Add a participant' }).click();
    await form.getByLabel('Username (Participant 2)').fill('nobody.here');
    await form.getByRole('button', { name: 'Plan the drill' }).click();
    await planner.getByTestId('plan-rate-error').getByText(/120/).waitFor();
    await expect(form.getByLabel('Compression').getAttribute('aria-invalid')).resolves.toBe('true');
    await shot(planner, 'drill-plan-errors-en');

    await form.getByLabel('Compression').fill('120');
    await form.getByRole('button', { name: 'Plan the drill' }).click();
    await planner
      .getByTestId('plan-participant-1-error')
      .getByText(/not an account/)
      .waitFor();
    await form.getByRole('button', { name: 'Remove participant 2' }).click();
    await form.getByLabel('English').first().fill('Border drill — console test');
    await form.getByLabel('Spanish').first().fill('Simulacro fronterizo — prueba de consola');
    await form.getByRole('button', { name: 'Plan the drill' }).click();

    await planner.getByTestId('drill-view').waitFor();
    drillId = new URL(planner.url()).pathname.split('/').pop()!;
    await planner.getByRole('heading', { level: 1, name: 'Border drill — console test' }).waitFor();
    await expectAttribute(planner.getByTestId('drill-status'), 'data-status', 'planned');
    // Injects are the scheduler's to release: all pending here.
    await expect(planner.getByTestId('injects-pending').locator('tbody tr').count()).resolves.toBe(shortest!.injects);
  }, 30_000);

  it('starts it: the clock runs in the drill zone at ×120', async () => {
    await planner.getByTestId('drill-controls').getByRole('button', { name: 'Start' }).click();
    await expectAttribute(planner.getByTestId('drill-status'), 'data-status', 'running');
    const clock = planner.getByTestId('drill-clock');
    await expectAttribute(clock.getByTestId('drill-rate'), 'data-rate', '120');
    await clock.getByText(/Time zone: America\//).waitFor();
    // The clock stands at time zero through the start's countdown (2 s), then runs.
    const first = await clock.locator('.drill-clock-elapsed').textContent();
    await planner.waitForTimeout(3_500);
    const later = await clock.locator('.drill-clock-elapsed').textContent();
    expect(later).not.toBe(first);
    await shot(planner, 'drill-running-en');
  }, 30_000);

  it('the officer joins in Spanish: EJERCICIO bar and clock on every page, every request in the drill world', async () => {
    await officer.getByRole('navigation').getByRole('link', { name: 'Ejercicios' }).click();
    const row = officer.getByTestId(`drill-${drillId}`);
    // Entering the drill opens the border overview again, now read from the drill's world.
    const inDrill = (path: string) =>
      officer.waitForRequest(
        (request) => new URL(request.url()).pathname === path && request.headers()['enlace-drill'] === drillId,
      );
    const board = inDrill('/api/incidents');
    const ports = inDrill('/api/ports');
    await row.getByRole('button', { name: 'Unirse al ejercicio' }).click();
    await Promise.all([board, ports]);

    const bar = officer.getByTestId('drill-mode');
    await bar.getByText('EJERCICIO — EJERCICIO — EJERCICIO').waitFor();
    await bar
      .getByTestId('drill-clock')
      .getByText(/Zona horaria: America\//)
      .waitFor();
    await bar
      .getByTestId('live-world-indicator')
      .getByText(/Mundo real/)
      .waitFor();
    await officer.getByTestId('connection-status').and(officer.locator('[data-state="connected"]')).waitFor();

    await officer.getByRole('navigation').getByRole('link', { name: 'Notificaciones' }).click();
    await officer.getByRole('heading', { level: 1, name: 'Notificaciones' }).waitFor();
    await bar.getByText('EJERCICIO — EJERCICIO — EJERCICIO').waitFor();
    await bar.getByTestId('drill-clock').waitFor();
    // A reload stays in the drill (this tab, this session), its feed connected in the drill's world again.
    await officer.reload();
    await bar.getByText('EJERCICIO — EJERCICIO — EJERCICIO').waitFor();
    await officer.getByTestId('connection-status').and(officer.locator('[data-state="connected"]')).waitFor();
    await shot(officer, 'drill-officer-es');

    await expectAttribute(planner.getByTestId('participant-officer.mx'), 'data-joined', 'true');
  }, 30_000);

  it('the planner pauses and changes the compression: both consoles follow', async () => {
    await planner.getByTestId('drill-controls').getByRole('button', { name: 'Pause' }).click();
    await expectAttribute(planner.getByTestId('drill-status'), 'data-status', 'paused');
    const bar = officer.getByTestId('drill-mode');
    await expectAttribute(bar.getByTestId('drill-status'), 'data-status', 'paused');
    await bar.getByText('En pausa').waitFor();

    await planner.getByLabel('New compression (1 to 120)').fill('30');
    await planner.getByRole('button', { name: 'Apply' }).click();
    await expectAttribute(planner.getByTestId('drill-rate'), 'data-rate', '30');
    await expectAttribute(bar.getByTestId('drill-rate'), 'data-rate', '30');
    await bar.getByText('compresión ×30').waitFor();
  }, 30_000);

  it('the officer halts it for a real emergency, confirmed in a dialog; the planner ends it; both see it', async () => {
    await planner.getByTestId('drill-controls').getByRole('button', { name: 'Resume' }).click();
    await expectAttribute(planner.getByTestId('drill-status'), 'data-status', 'running');

    await officer
      .getByTestId('drill-mode')
      .getByRole('link', { name: 'Simulacro fronterizo — prueba de consola' })
      .click();
    await officer.getByTestId('drill-view').waitFor();
    await officer.getByRole('button', { name: 'Emergencia real: detener el ejercicio' }).click();
    const dialog = officer.getByRole('dialog', { name: 'Emergencia real: detener el ejercicio' });
    await dialog.getByLabel('Español').fill('Fuga real de amoniaco en la garita');
    await shot(officer, 'drill-halt-dialog-es');
    await dialog.getByRole('button', { name: 'Detener el ejercicio ahora' }).click();
    await expectAttribute(officer.getByTestId('drill-view').getByTestId('drill-status'), 'data-status', 'halted');
    await expectAttribute(planner.getByTestId('drill-status'), 'data-status', 'halted', HALT_SHOWN_MS);
    await expectAttribute(officer.getByTestId('drill-mode').getByTestId('drill-status'), 'data-status', 'halted');
    await planner.getByTestId('drill-halts').getByText('Fuga real de amoniaco en la garita').waitFor();
    await shot(planner, 'drill-halted-en');

    planner.once('dialog', (confirm) => void confirm.accept());
    await planner.getByTestId('drill-controls').getByRole('button', { name: 'End the drill' }).click();
    await expectAttribute(planner.getByTestId('drill-status'), 'data-status', 'ended');
    await expectAttribute(officer.getByTestId('drill-mode').getByTestId('drill-status'), 'data-status', 'ended');
    await officer.getByTestId('drill-mode').getByText('Terminado').waitFor();
    await shot(officer, 'drill-ended-es');

    // The planner opens the after-action report: saved as JSON, opened as its printable page in a tab of its own.
    const report = planner.getByTestId('drill-report');
    await report.getByText('Objectives against their targets').waitFor();
    const [json] = await Promise.all([planner.waitForEvent('download'), report.getByTestId('report-json').click()]);
    expect(json.suggestedFilename()).toMatch(/^aar-[0-9a-f]{8}-en\.json$/);
    const [page] = await Promise.all([
      planner.context().waitForEvent('page'),
      report.getByRole('button', { name: 'Open the report' }).click(),
    ]);
    await page.waitForLoadState();
    await page.getByRole('heading', { level: 1 }).waitFor();
    await expect(page.locator('svg').count()).resolves.toBeGreaterThan(0);
    await shot(page, 'drill-aar-en');
    await page.close();
  }, 60_000);

  it('the officer leaves the drill: back in the live world, without the header', async () => {
    await officer.getByTestId('leave-drill').click();
    await expect(officer.getByTestId('drill-mode').count()).resolves.toBe(0);
    const live = officer.waitForRequest(
      (request) => request.url().includes('/api/incidents') && request.headers()['enlace-drill'] === undefined,
    );
    await officer.getByRole('navigation').getByRole('link', { name: 'Panorama de la frontera' }).click();
    await live;
    await officer.getByTestId('connection-status').and(officer.locator('[data-state="connected"]')).waitFor();
  }, 30_000);

  it("a drill that refuses the console's feed sends it back to the live world, and says so", async () => {
    // As if this tab had entered a drill that does not exist (or no longer admits the officer).
    await officer.evaluate((drill) => {
      const storage = globalThis as unknown as {
        localStorage: { getItem(key: string): string | null };
        sessionStorage: { setItem(key: string, value: string): void };
      };
      const session = JSON.parse(storage.localStorage.getItem('enlace.session') ?? '{}') as { sessionId?: string };
      storage.sessionStorage.setItem('enlace.drill', JSON.stringify({ sessionId: session.sessionId, drillId: drill }));
    }, randomUUID());
    await officer.reload();
    await officer.getByTestId('drill-refused').getByText('El mundo del ejercicio rechazó esta consola').waitFor();
    await expect(officer.getByTestId('drill-mode').count()).resolves.toBe(0);
    await officer.getByTestId('connection-status').and(officer.locator('[data-state="connected"]')).waitFor();
    expect(pages.errors).toEqual([]);
  }, 30_000);

  it("imports the planner's own MSEL: a bad cell is shown by row and column, a good one is previewed and played", async () => {
    const file = async (format: 'csv' | 'xlsx') => {
      const response = await fetch(`${api.url}/api/scenarios/${shortest!.id}/msel.${format}`, {
        headers: { authorization: `Bearer ${await api.token('planner')}` },
      });
      return Buffer.from(await response.arrayBuffer());
    };
    await planner.getByRole('navigation').getByRole('link', { name: 'Scenarios' }).click();
    const form = planner.getByTestId('import-scenario');
    const broken = (await file('csv')).toString('utf8').replace(/PT5M/, 'soon');
    await form.getByLabel('Spreadsheet (.csv or .xlsx)').setInputFiles({
      name: 'broken.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from(broken),
    });
    await form.getByRole('button', { name: 'Check the spreadsheet' }).click();
    const problems = planner.getByTestId('import-problems');
    await problems
      .getByText(/row \d+, column offset/)
      .first()
      .waitFor();
    await shot(planner, 'drill-import-problems-en');

    await form.getByLabel('Spreadsheet (.csv or .xlsx)').setInputFiles({
      name: 'ours.xlsx',
      mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      buffer: await file('xlsx'),
    });
    await form.getByRole('button', { name: 'Check the spreadsheet' }).click();
    await planner
      .getByTestId('imported-scenario')
      .getByRole('heading', { level: 1, name: shortest!.title.en })
      .waitFor();
    await expect(planner.getByTestId('msel-table').locator('tbody tr').count()).resolves.toBe(shortest!.injects);
    await planner.getByTestId('plan-drill').click();
    const plan = planner.getByTestId('plan-drill-form');
    await plan.getByLabel('Compression').fill('120');
    await plan.getByLabel('Username (Participant 1)').fill('officer.us');
    await plan.getByRole('button', { name: 'Plan the drill' }).click();
    await planner.getByTestId('drill-view').waitFor();
    await expectAttribute(planner.getByTestId('drill-status'), 'data-status', 'planned');
  }, 60_000);
});
