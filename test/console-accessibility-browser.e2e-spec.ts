import { uniqueSchemaName } from '@enlace/event-store/testing';
import type { Page } from 'playwright-core';
import { ConsoleBed } from './support/console-bed.js';
import { shot, signIn } from './support/console-pages.js';

/**
 * The console for people who use a keyboard, a screen reader or a phone, in real headless Chromium against the api
 * as an operator runs it: the border map zooms and pans (buttons, wheel, drag, keyboard) and its ports are one tab
 * stop with arrow keys between them.
 */
const STEP_MS = 30_000;

const schema = uniqueSchemaName('console_a11y');
let bed: ConsoleBed;
let en: Page;

/** The map's view, as the component reports it: zoom and centre in viewBox units. */
async function mapView(page: Page): Promise<{ zoom: number; x: number; y: number }> {
  const [zoom, x, y] = ((await page.getByTestId('border-map').getAttribute('data-view')) ?? '').split(' ').map(Number);
  return { zoom: zoom!, x: x!, y: y! };
}

beforeAll(async () => {
  bed = await ConsoleBed.start({ schema });
  en = await bed.pages.open('en-US');
  await signIn(en, 'officer.us', { user: 'Username', password: 'Password', submit: 'Sign in' });
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
      await en.waitForFunction(
        `Number(document.querySelector('[data-testid="border-map"]').getAttribute('data-view').split(' ')[0]) > 2`,
      );
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

afterAll(() => {
  expect(bed.pages.errors).toEqual([]);
});
