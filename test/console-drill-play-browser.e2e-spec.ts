// A scenario drill played in the browser console, in Debian's Chromium against the api built and started as an
// operator runs it, with the worker embedded (it releases the injects on the drill's clock) on a Redis of the test's
// own: the planner starts the Nogales ammonia scenario at 120×; the Mexican officer (Spanish) joins and plays two
// injects from the drill's board (Bomberos report the release: CENACOM is notified; the NRC asks for confirmation:
// CENACOM tells the NRC); the planner ends the drill and opens its after-action report, where those objectives are met.
import { uniqueSchemaName } from '@enlace/event-store/testing';
import type { Page } from 'playwright-core';
import type { ApiProcess } from './support/api-process.js';
import { ConsoleBed } from './support/console-bed.js';
import { type ConsolePages, expectAttribute, shot, signIn } from './support/console-pages.js';

const schema = uniqueSchemaName('console_play');
let api: ApiProcess;
let bed: ConsoleBed;
let pages: ConsolePages;
let planner: Page;
let officer: Page;
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

/** Waits until the worker released `injectId` (the drill's own record says so). */
async function released(injectId: string): Promise<void> {
  for (let tries = 0; tries < 120; tries += 1) {
    const drill = await api.request<{ released: Record<string, string> }>('GET', `/api/drills/${drillId}`, {
      as: 'planner',
    });
    if (drill.body.released[injectId]) return;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`inject ${injectId} was not released within 30 s`);
}

describe('browser console: a scenario drill played by an officer', () => {
  it('the planner plans and starts the Nogales scenario at 120×; the Mexican officer joins it', async () => {
    await signIn(planner, 'planner', { user: 'Username', password: 'Password', submit: 'Sign in' });
    await signIn(officer, 'officer.mx', { user: 'Usuario', password: 'Contraseña', submit: 'Iniciar sesión' });
    const planned = await api.request<{ id: string }>('POST', '/api/drills', {
      as: 'planner',
      body: {
        scenarioId: 'nogales-ammonia-release',
        rate: 120,
        participants: [{ username: 'officer.mx', role: 'player' }],
      },
    });
    expect(planned.status).toBe(201);
    drillId = planned.body.id;
    await planner.goto(`${api.url}/drills/${drillId}`);
    await officer.goto(`${api.url}/drills/${drillId}`);
    await officer.getByTestId('drill-view').waitFor();
    await planner.getByTestId('drill-controls').getByRole('button', { name: 'Start' }).click();
    await expectAttribute(planner.getByTestId('drill-status'), 'data-status', 'running', 6_000);
    await officer.getByTestId('drill-view').getByRole('button', { name: 'Unirse al ejercicio' }).click();
    await officer.getByTestId('drill-mode').getByText('EJERCICIO — EJERCICIO — EJERCICIO').waitFor();
  }, 60_000);

  it('the officer plays two injects from the drill board: CENACOM notified, then CENACOM tells the NRC', async () => {
    // NOG-01 (at once): released by the worker, the incident Bomberos report appears on the drill's board.
    await released('NOG-01');
    await officer.getByRole('navigation').getByRole('link', { name: 'Panorama de la frontera' }).click();
    const incident = officer.locator('[data-testid^="incident-item-"]').first();
    await incident.waitFor({ timeout: 15_000 });
    await incident.getByRole('link').first().click();
    const cenacom = officer.locator('li.jcp-step', { hasText: 'México: se notificó al CENACOM' });
    await cenacom.getByRole('button', { name: 'Registrar como hecho' }).click();
    await expectAttribute(cenacom, 'data-state', 'done', 6_000);
    // NOG-04 (15 drill minutes, 7.5 s at 120×): the NRC asks CENACOM to confirm; CENACOM tells the other country.
    await released('NOG-04');
    const counterpart = officer.locator('li.jcp-step', { hasText: 'México: el CENACOM notificó al otro país' });
    await counterpart.getByRole('button', { name: 'Registrar como hecho' }).click();
    await expectAttribute(counterpart, 'data-state', 'done', 6_000);
    await shot(officer, 'drill-played-es');
  }, 60_000);

  it('the planner ends the drill and opens its after-action report: both objectives met', async () => {
    planner.once('dialog', (confirm) => void confirm.accept());
    await planner.getByTestId('drill-controls').getByRole('button', { name: 'End the drill' }).click();
    await expectAttribute(planner.getByTestId('drill-status'), 'data-status', 'ended', 6_000);
    const [report] = await Promise.all([
      planner.context().waitForEvent('page'),
      planner.getByTestId('drill-report').getByRole('button', { name: 'Open the report' }).click(),
    ]);
    await report.waitForLoadState();
    // The objectives' rows carry their status: both measures the officer's two actions ended are met.
    const met = (id: string) => report.locator('tr.status-met', { hasText: `${id}:` }).getByText(/^Met \(/);
    await met('NOG-OBJ-1').waitFor();
    await met('NOG-OBJ-2').waitFor();
    await expect(report.locator('svg').count()).resolves.toBeGreaterThan(0);
    await shot(report, 'drill-played-aar-en');
    expect(pages.errors).toEqual([]);
  }, 60_000);
});
