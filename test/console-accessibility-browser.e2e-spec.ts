import { uniqueSchemaName } from '@enlace/event-store/testing';
import type { Page } from 'playwright-core';
import { expectNoSeriousAxeViolations } from './support/axe.js';
import { ConsoleBed } from './support/console-bed.js';
import { SCREENSHOTS, shot, signIn } from './support/console-pages.js';

/**
 * The console for people who use a keyboard, a screen reader or a phone, in real headless Chromium against the api
 * as an operator runs it: the border map zooms and pans (buttons, wheel, drag, keyboard) and its ports are one tab
 * stop with arrow keys between them.
 */
const STEP_MS = 30_000;

const schema = uniqueSchemaName('console_a11y');
let bed: ConsoleBed;
let en: Page;
let incidentId = '';
const PORT = 'otay-mesa';

const LABELS = {
  en: { user: 'Username', password: 'Password', submit: 'Sign in' },
  es: { user: 'Usuario', password: 'Contraseña', submit: 'Iniciar sesión' },
};

/** The main pages of each role, as paths (the incident's once it exists). */
function mainPages(): Record<string, string[]> {
  return {
    'officer.us': [
      '/',
      `/ports/${PORT}`,
      `/incidents/${incidentId}`,
      '/inbox',
      '/incidents/new',
      '/incidents/archive',
      '/drills',
    ],
    planner: [
      '/scenarios',
      '/scenarios/otay-mesa-plant-fire',
      '/drills/new?scenario=otay-mesa-plant-fire',
      '/drills/notification',
    ],
    auditor: ['/audit/history', `/audit/incidents/${incidentId}/scrubber`, '/audit/verification'],
    admin: ['/admin/accounts', '/admin/sign-in-activity', '/admin/outbox'],
  };
}

/** The map's view, as the component reports it: zoom and centre in viewBox units. */
async function mapView(page: Page): Promise<{ zoom: number; x: number; y: number }> {
  const [zoom, x, y] = ((await page.getByTestId('border-map').getAttribute('data-view')) ?? '').split(' ').map(Number);
  return { zoom: zoom!, x: x!, y: y! };
}

/** The page shows its heading and has nothing left loading. */
async function settled(page: Page) {
  await page.locator('main h1').first().waitFor();
  await page
    .locator('main [role="status"]', { hasText: /^(Loading…|Cargando…)$/ })
    .first()
    .waitFor({ state: 'detached' });
}

beforeAll(async () => {
  bed = await ConsoleBed.start({ schema });
  const { api } = bed;
  incidentId = (
    await api.write('POST', '/api/incidents', 'officer.us', {
      kind: 'hazmat-release',
      title: { en: 'Chlorine release at the commercial lot', es: 'Fuga de cloro en el patio comercial' },
      severity: 'severe',
      location: { lat: 32.549, lon: -116.938, description: { en: 'Dock 4', es: 'Andén 4' } },
      affectedPortIds: [PORT],
    })
  ).id;
  await api.write('POST', `/api/ports/${PORT}/shutdowns`, 'officer.us', {
    kind: 'hazmat-release',
    reason: { en: 'Chlorine release', es: 'Fuga de cloro' },
    incidentId,
  });
  // What the incident and notification screens show when they are busy: a zone on the incident's map, a card with
  // its recipients, deliveries and forms.
  await api.write('POST', `/api/incidents/${incidentId}/protective-actions`, 'officer.us', {
    kind: 'shelter-in-place',
    center: { lat: 32.549, lon: -116.938 },
    radiusMeters: 800,
    instructions: { en: 'Stay indoors', es: 'Permanezcan en interiores' },
  });
  await api.write('POST', '/api/notifications', 'officer.mx', {
    blmId: 'blm-sandiego-tijuana',
    subject: { incidentId, portId: PORT },
    title: { en: 'Chlorine release', es: 'Fuga de cloro' },
    body: { en: 'Avoid the area.', es: 'Eviten la zona.' },
    severity: 'severe',
    acknowledgmentDeadline: new Date(Date.now() + 3_600_000).toISOString(),
  });
  en = await bed.pages.open('en-US');
  await signIn(en, 'officer.us', LABELS.en);
}, 90_000);

afterAll(async () => {
  await bed?.stop();
}, 30_000);

describe('the border map', () => {
  it(
    'zooms and pans with its buttons, the wheel, dragging and the keyboard, and keeps the view inside the map',
    async () => {
      const map = en.getByTestId('border-map');
      await map.waitFor();
      expect(await en.locator('[data-testid^="port-marker-"]').count()).toBe(53);
      expect(await mapView(en)).toEqual({ zoom: 1, x: 500, y: 243.5 });

      await en.getByRole('button', { name: 'Zoom in' }).click();
      expect((await mapView(en)).zoom).toBe(2);
      await en.getByRole('button', { name: 'Move the map east' }).click();
      const east = await mapView(en);
      expect(east.x).toBeGreaterThan(500);

      // The wheel zooms around the pointer: the point under it stays under it.
      const box = (await map.boundingBox())!;
      await en.mouse.move(box.x + box.width * 0.3, box.y + box.height * 0.4);
      await en.mouse.wheel(0, -400);
      for (let tries = 0; (await mapView(en)).zoom <= 2 && tries < 50; tries++) await en.waitForTimeout(20);
      expect((await mapView(en)).zoom).toBeGreaterThan(2);
      // Dragging moves the map with the pointer.
      const beforeDrag = await mapView(en);
      await en.mouse.down();
      await en.mouse.move(box.x + box.width * 0.5, box.y + box.height * 0.5, { steps: 5 });
      await en.mouse.up();
      const afterDrag = await mapView(en);
      expect(afterDrag.x).toBeLessThan(beforeDrag.x);
      expect(afterDrag.y).toBeLessThan(beforeDrag.y);

      await en.getByRole('button', { name: 'Show the whole border' }).click();
      expect(await mapView(en)).toEqual({ zoom: 1, x: 500, y: 243.5 });
      await shot(en, 'a11y-map-whole');
    },
    STEP_MS,
  );

  it(
    'is one tab stop for all the ports: arrow keys move between them west to east, + zooms, Enter opens one',
    async () => {
      await en.goto(`${bed.api.url}/`);
      const markers = en.locator('[data-testid^="port-marker-"]');
      await markers.first().waitFor();
      expect(await en.locator('[data-testid^="port-marker-"][tabindex="0"]').count()).toBe(1);
      await en.locator('[data-testid^="port-marker-"][tabindex="0"]').focus();
      const focused = () => en.evaluate<string | null>(`document.activeElement?.getAttribute('data-testid') ?? null`);
      expect(await focused()).toBe('port-marker-san-ysidro-pedwest');
      await en.keyboard.press('End');
      expect(await focused()).toBe('port-marker-brownsville-veterans');
      await en.keyboard.press('Home');
      // To Ambos Nogales: the 13th to 15th ports from the west.
      for (let i = 0; i < 12; i++) await en.keyboard.press('ArrowRight');
      expect(await focused()).toMatch(/^port-marker-nogales-/);
      for (let i = 0; i < 5; i++) await en.keyboard.press('+');
      expect((await mapView(en)).zoom).toBe(32);
      await en.keyboard.press('Shift+ArrowRight');
      await shot(en, 'a11y-map-nogales-zoomed');
      await en.keyboard.press('ArrowLeft');
      expect(await focused()).toMatch(/^port-marker-/);
      await en.keyboard.press('Enter');
      await en.waitForURL(/\/ports\//);
    },
    STEP_MS,
  );
});

describe('keyboard and small screens', () => {
  it(
    'reaches "Report an incident" in a few Tabs past the map, or in two through the skip link',
    async () => {
      await en.goto(`${bed.api.url}/`);
      await settled(en);
      await en.locator('[data-testid^="port-marker-"]').first().waitFor();
      const active = () => en.evaluate<string>(`document.activeElement?.textContent?.trim() ?? ''`);
      let tabs = 0;
      do {
        await en.keyboard.press('Tab');
        tabs += 1;
      } while (!(await active()).endsWith('Report an incident') && tabs < 60);
      expect(tabs).toBeLessThanOrEqual(12);
      // Landmarks have names of their own (the shutdown makes the table of ports not fully open appear), and the
      // activity list, which scrolls within its panel, takes the focus so that the keyboard scrolls it.
      expect(await en.getByRole('region', { name: 'Ports not fully open', exact: true }).count()).toBe(1);
      expect(await en.getByRole('region', { name: 'Table of the ports not fully open' }).count()).toBe(1);
      expect(await en.getByRole('list', { name: 'Recent activity (list, scrolls)' }).getAttribute('tabindex')).toBe(
        '0',
      );

      await en.goto(`${bed.api.url}/`);
      await settled(en);
      do await en.keyboard.press('Tab');
      while ((await active()) !== 'Skip the map: go to open incidents');
      await en.keyboard.press('Enter');
      await en.keyboard.press('Tab');
      expect(await active()).toBe('+ Report an incident');
    },
    STEP_MS,
  );

  it(
    'shows the whole header of the lanes table on a 390 px wide screen, in both languages',
    async () => {
      const phone = await bed.pages.open('en-US');
      await phone.setViewportSize({ width: 390, height: 844 });
      await signIn(phone, 'officer.mx', LABELS.en);
      // The overview fits the screen: no port name of the port picker pushes the page sideways.
      await settled(phone);
      expect(await phone.evaluate<number>('document.documentElement.scrollWidth')).toBeLessThanOrEqual(390);
      for (const lang of ['en', 'es'] as const) {
        if (lang === 'es') {
          await phone.getByTestId('language-switch').click();
          await phone.locator('html[lang="es-MX"]').waitFor();
        }
        await phone.goto(`${bed.api.url}/ports/${PORT}`);
        await settled(phone);
        await phone.getByTestId('lanes').waitFor();
        const clipped = await phone.evaluate<string[]>(`(() => {
          const clipped = [];
          for (const cell of document.querySelectorAll('[data-testid="lanes"] thead th')) {
            const box = cell.getBoundingClientRect();
            let node = cell.parentElement;
            while (node && node !== document.body) {
              if (getComputedStyle(node).overflowX !== 'visible') {
                const frame = node.getBoundingClientRect();
                if (box.left < frame.left - 0.5 || box.right > frame.right + 0.5) clipped.push(cell.textContent);
              }
              node = node.parentElement;
            }
            if (box.right > document.documentElement.clientWidth + 0.5 || cell.scrollWidth > cell.clientWidth + 1) {
              clipped.push(cell.textContent);
            }
          }
          return clipped;
        })()`);
        await phone
          .locator('section[aria-labelledby="lanes-heading"]')
          .screenshot({ path: `${SCREENSHOTS}/a11y-lanes-390-${lang}.png` });
        expect({ lang, clipped }).toEqual({ lang, clipped: [] });
      }
      await phone.context().close();
    },
    STEP_MS,
  );
});

describe('axe-core on every main page, in English and Spanish', () => {
  it('finds no serious or critical violation on any page of any role', async () => {
    const failures: string[] = [];
    for (const [user, paths] of Object.entries(mainPages())) {
      const page = user === 'officer.us' ? en : await bed.pages.open('en-US');
      if (page !== en) await signIn(page, user, LABELS.en);
      for (const lang of ['en', 'es'] as const) {
        if (lang === 'es') {
          await page.getByTestId('language-switch').click();
          await page.locator('html[lang="es-MX"]').waitFor();
        }
        for (const path of paths) {
          await page.goto(`${bed.api.url}${path}`);
          await settled(page);
          await expectNoSeriousAxeViolations(page, undefined, `${path} (${lang}, ${user})`).catch((error: Error) =>
            failures.push(error.message),
          );
        }
      }
      if (page !== en) await page.context().close();
      else {
        await page.getByTestId('language-switch').click();
        await page.locator('html[lang="en"]').waitFor();
      }
    }
    expect(failures).toEqual([]);
  }, 120_000);
});

afterAll(() => {
  expect(bed.pages.errors).toEqual([]);
});
