// The archive, a port's past shutdowns and the report form in Debian's Chromium, against the api built and started as
// an operator runs it: two incidents worked and closed through the api (one with a whole shutdown of Otay Mesa); the
// U.S. officer (English) and the Mexican officer (Spanish) each search the archive, follow a past shutdown to its
// incident, and report an incident: every crossing listed, all problems at once in words under their fields, typed
// coordinates, several affected ports.
import { uniqueSchemaName } from '@enlace/event-store/testing';
import type { Page } from 'playwright-core';
import type { ApiProcess } from './support/api-process.js';
import { resumePort } from './support/port-resumption.js';
import { ConsoleBed } from './support/console-bed.js';
import { type ConsolePages, shot, signIn } from './support/console-pages.js';

const PORT = 'otay-mesa';
const schema = uniqueSchemaName('console_archive');
let bed: ConsoleBed;
let api: ApiProcess;
let pages: ConsolePages;
let us: Page;
let mx: Page;
let chlorineId = '';
let ammoniaId = '';

/** A whole shutdown of the port for `incidentId`, both sides' lanes, worked through and reopened. */
async function shutdownAndReopen(incidentId: string): Promise<void> {
  await api.write('POST', `/api/ports/${PORT}/shutdowns`, 'officer.us', {
    kind: 'hazmat-release',
    reason: { en: 'Chlorine release', es: 'Fuga de cloro' },
    incidentId,
  });
  await api.write('POST', `/api/ports/${PORT}/joinings`, 'officer.mx', {
    reason: { es: 'La nube cruza a los carriles hacia el sur', en: 'The cloud reaches the southbound lanes' },
  });
  await resumePort(api, PORT);
}

beforeAll(async () => {
  bed = await ConsoleBed.start({ schema });
  ({ api, pages } = bed);
  [us, mx] = await Promise.all([pages.open('en-US'), pages.open('es-MX')]);
  chlorineId = (
    await api.write('POST', '/api/incidents', 'officer.us', {
      kind: 'hazmat-release',
      title: { en: 'Chlorine release at the commercial lot', es: 'Fuga de cloro en el patio comercial' },
      severity: 'severe',
      material: { unNumber: '1017', name: 'Chlorine' },
      location: { lat: 32.549, lon: -116.938, description: { en: 'Dock 4', es: 'Andén 4' } },
      primaryPortId: PORT,
      affectedPortIds: ['tecate'],
    })
  ).id;
  await shutdownAndReopen(chlorineId);
  await api.write('POST', `/api/incidents/${chlorineId}/closure`, 'officer.us', { summary: { en: 'All clear' } });
  ammoniaId = (
    await api.write('POST', '/api/incidents', 'officer.mx', {
      kind: 'hazmat-release',
      title: { es: 'Volcadura de pipa de amoniaco' },
      severity: 'extreme',
      material: { unNumber: '1005', name: 'Amoniaco anhidro' },
      location: { lat: 27.5, lon: -99.5, description: { es: 'Carretera 85' } },
      primaryPortId: 'laredo-world-trade',
    })
  ).id;
  const closed = await api.write('POST', `/api/incidents/${ammoniaId}/closure`, 'officer.mx', {
    summary: { es: 'Sin riesgo' },
  });
  // Both are in the archive (its documents are saved within about a second).
  const archived = await api.request<unknown[]>('GET', `/api/incidents/archive?after=${closed.position}`, {
    as: 'officer.us',
  });
  expect(archived.body).toHaveLength(2);
  await Promise.all([
    signIn(us, 'officer.us', { user: 'Username', password: 'Password', submit: 'Sign in' }),
    signIn(mx, 'officer.mx', { user: 'Usuario', password: 'Contraseña', submit: 'Iniciar sesión' }),
  ]);
}, 120_000);

afterAll(async () => {
  await bed?.stop();
}, 30_000);

/** The incidents the archive lists now, by title as shown. */
async function results(page: Page, count: string): Promise<string[]> {
  await page.getByTestId('archive-count').filter({ hasText: count }).waitFor();
  return page.getByTestId('archive-results').locator('li .archive-item-head a').allInnerTexts();
}

describe('browser console: the archive, past shutdowns and the report form', () => {
  it('the U.S. officer searches the archive by material, port, words and dates, in English', async () => {
    await us.getByTestId('nav-archive').click();
    await us.getByRole('heading', { name: 'Archive of closed incidents' }).waitFor();
    expect(await results(us, '2 incidents shown')).toHaveLength(2);
    const search = us.getByRole('search');
    await search.getByLabel('Material').fill('UN1017');
    await search.getByRole('button', { name: 'Search' }).click();
    expect(await results(us, '1 incident shown')).toEqual(['Chlorine release at the commercial lot']);
    await search.getByLabel('Material').fill('');
    await search.getByLabel('Port').selectOption('tecate');
    await search.getByRole('button', { name: 'Search' }).click();
    expect(await results(us, '1 incident shown')).toEqual(['Chlorine release at the commercial lot']);
    await search.getByLabel('Port').selectOption('');
    await search.getByLabel('Words').fill('amoniaco');
    await search.getByRole('button', { name: 'Search' }).click();
    // Only in Spanish: shown in Spanish, marked as waiting for its translation.
    expect((await results(us, '1 incident shown'))[0]).toContain('Volcadura de pipa de amoniaco');
    await search.getByLabel('Words').fill('');
    await search.getByLabel('Observed from').fill('2026-03-02');
    await search.getByLabel('Observed until').fill('2026-03-01');
    await search.getByRole('button', { name: 'Search' }).click();
    await us.getByTestId('archive-error-to').filter({ hasText: '“Observed until” must not be before' }).waitFor();
    await search.getByLabel('Observed until').fill('2020-01-01');
    await search.getByLabel('Observed from').fill('2020-01-01');
    await search.getByRole('button', { name: 'Search' }).click();
    await results(us, 'No closed incident matches this search.');
    await search.getByRole('button', { name: 'Clear' }).click();
    await results(us, '2 incidents shown');
    await shot(us, 'archive-en');
    await us.getByRole('link', { name: 'Chlorine release at the commercial lot' }).click();
    await us.waitForURL(`**/incidents/${chlorineId}`);
    await us.getByTestId(`affected-port-${PORT}`).filter({ hasText: 'Primary port' }).waitFor();
    await us.getByTestId('affected-port-tecate').filter({ hasText: 'Also affected' }).waitFor();
  }, 30_000);

  it('the Mexican officer reaches the archive from the overview and searches it in Spanish', async () => {
    await mx
      .getByTestId('overview-archive-link')
      .filter({ hasText: 'Buscar en el archivo de incidentes cerrados' })
      .click();
    await mx.getByRole('heading', { name: 'Archivo de incidentes cerrados' }).waitFor();
    const search = mx.getByRole('search');
    await search.getByLabel('Material peligroso').fill('amoniaco');
    await search.getByRole('button', { name: 'Buscar' }).click();
    expect(await results(mx, 'Se muestra 1 incidente')).toEqual(['Volcadura de pipa de amoniaco']);
    await search.getByLabel('Material peligroso').fill('');
    await search.getByLabel('Palabras').fill('patio comercial');
    await search.getByRole('button', { name: 'Buscar' }).click();
    expect(await results(mx, 'Se muestra 1 incidente')).toEqual(['Fuga de cloro en el patio comercial']);
    // Reported as "Chlorine": named in Spanish from the GRE, as on the incident's page.
    await mx.getByTestId('archive-results').getByTestId('material-name').filter({ hasText: 'Cloro' }).waitFor();
    await shot(mx, 'archive-es');
  }, 30_000);

  it('both officers follow a past shutdown of the port to its incident, each in their language', async () => {
    for (const [page, words] of [
      [
        us,
        { heading: 'Shutdowns of this port', reopened: 'Reopened', title: 'Chlorine release at the commercial lot' },
      ],
      [mx, { heading: 'Cierres de este puerto', reopened: 'Reabierto', title: 'Fuga de cloro en el patio comercial' }],
    ] as const) {
      await page.goto(`${api.url}/ports/${PORT}`);
      const history = page.getByTestId('shutdown-history');
      await history.getByRole('heading', { name: words.heading }).waitFor();
      const past = history.locator('li');
      await past.filter({ hasText: words.reopened }).first().waitFor();
      expect(await past.count()).toBe(1);
      await history.getByTestId('past-shutdown-incident').filter({ hasText: words.title }).click();
      await page.waitForURL(`**/incidents/${chlorineId}`);
    }
    await shot(mx, 'past-shutdown-followed-es');
  }, 30_000);

  it('the U.S. officer reports an incident: every crossing, every problem at once in words, coordinates placed on the map or typed, several ports', async () => {
    const ports = await api.request<unknown[]>('GET', '/api/ports', { as: 'officer.us' });
    await us.goto(`${api.url}/incidents/new`);
    const form = us.getByTestId('report-incident-form');
    const primary = form.getByLabel('Port where it happened');
    await primary.locator('option').nth(1).waitFor({ state: 'attached' });
    // Every crossing, those without coordinates on record too (the placeholder first).
    expect(await primary.locator('option').count()).toBe(ports.body.length + 1);
    for (const id of [
      'san-luis-ii',
      'pharr',
      'laredo-rail',
      'eagle-pass-rail',
      'el-paso-rail',
      'brownsville-west-rail',
    ]) {
      expect(await primary.locator(`option[value="${id}"]`).count()).toBe(1);
    }
    await form.getByLabel('Latitude').fill('95');
    await form.getByLabel('Quantity').fill('-3');
    await form.getByRole('button', { name: 'Report incident' }).click();
    const errors = {
      title: 'Write the title in English, Spanish or both.',
      primaryPort: 'Choose the port where it happened.',
      place: 'Describe where it is, in English, Spanish or both.',
      coordinates: 'Type both the latitude and the longitude, or neither.',
      amount: 'The quantity must be a number, 0 or more.',
    };
    for (const [field, message] of Object.entries(errors)) {
      await us.getByTestId(`report-error-${field}`).filter({ hasText: message }).waitFor();
    }
    await form.getByTestId('report-problems').filter({ hasText: '5 fields need attention' }).waitFor();
    expect(await form.innerText()).not.toMatch(/quantity\.amount|location\.lat|affectedPortIds/);
    await shot(us, 'report-errors-en');

    await form.getByLabel('English').first().fill('Ammonia leak on the rail bridge');
    await primary.selectOption('laredo-rail');
    await form.getByLabel('Latitude').fill('');
    await form.getByLabel('Quantity').fill('200');
    // Placed on the map (its keyboard way: the point at the map's centre), the coordinates fill in.
    await form.getByRole('button', { name: 'Place the point at the centre of the map' }).click();
    await form.getByTestId('picked-point').filter({ hasText: 'Placed at' }).waitFor();
    expect(Math.abs(Number(await form.getByLabel('Latitude').inputValue()))).toBeGreaterThan(10);
    // Typed ones are as good.
    await form.getByLabel('Latitude').fill('27.4969');
    await form.getByLabel('Longitude').fill('-99.5197');
    await form.getByTestId('additional-ports').getByLabel('Laredo – World Trade Bridge').check();
    await form.getByTestId('additional-ports').getByLabel('Laredo – Colombia Solidarity Bridge').check();
    await form.locator('#incident-place-en').fill('Rail bridge, mid-span');
    await form.getByRole('button', { name: 'Report incident' }).click();
    await us.waitForURL(/\/incidents\/[0-9a-f-]{36}$/);
    const incidentId = us.url().split('/').at(-1)!;
    const { body } = await api.request<Record<string, unknown>>('GET', `/api/incidents/${incidentId}`, {
      as: 'officer.us',
    });
    expect(body).toMatchObject({
      primaryPortId: 'laredo-rail',
      affectedPortIds: ['laredo-rail', 'laredo-world-trade', 'laredo-colombia'],
      location: { lat: 27.4969, lon: -99.5197 },
      quantity: { amount: 200, unit: 'kg' },
    });
    await us.getByTestId('affected-port-laredo-rail').filter({ hasText: 'Primary port' }).waitFor();
    await us.getByTestId('affected-port-laredo-colombia').filter({ hasText: 'Also affected' }).waitFor();
  }, 30_000);

  it('the Mexican officer sees every problem of the form in Spanish, and reports at a port’s point', async () => {
    await mx.goto(`${api.url}/incidents/new`);
    const form = mx.getByTestId('report-incident-form');
    await form.getByLabel('Longitud').fill('-200');
    await form.getByLabel('Latitud').fill('32.5');
    await form.getByLabel('Número ONU').fill('12');
    await form.getByRole('button', { name: 'Reportar incidente' }).click();
    const errors = {
      title: 'Escriba el título en español, en inglés o en ambos.',
      primaryPort: 'Elija el puerto donde ocurrió.',
      place: 'Describa dónde ocurre, en español, en inglés o en ambos.',
      coordinates: 'La longitud debe ser un número de -180 a 180.',
      unNumber: 'El número ONU tiene 4 dígitos, p. ej. 1017.',
    };
    for (const [field, message] of Object.entries(errors)) {
      await mx.getByTestId(`report-error-${field}`).filter({ hasText: message }).waitFor();
    }
    await form.getByTestId('report-problems').filter({ hasText: '5 campos requieren atención' }).waitFor();
    await shot(mx, 'report-errors-es');
    await form.getByLabel('Español').first().fill('Fuga de gas en la garita');
    await form.getByLabel('Puerto donde ocurrió').selectOption('tecate');
    await form.getByRole('button', { name: 'Usar el punto del puerto' }).click();
    await form.getByLabel('Número ONU').fill('1075');
    await form.locator('#incident-place-es').fill('Garita de Tecate');
    await form
      .getByTestId('additional-ports')
      .getByLabel(/Mesa de Otay/)
      .first()
      .check();
    await form.getByRole('button', { name: 'Reportar incidente' }).click();
    await mx.waitForURL(/\/incidents\/[0-9a-f-]{36}$/);
    const incidentId = mx.url().split('/').at(-1)!;
    const { body } = await api.request<{ affectedPortIds: string[]; location: { lat: number } }>(
      'GET',
      `/api/incidents/${incidentId}`,
      { as: 'officer.mx' },
    );
    expect(body.affectedPortIds[0]).toBe('tecate');
    expect(body.affectedPortIds).toContain(PORT);
    expect(body.location.lat).toBe(32.576);
    await mx.getByTestId('affected-port-tecate').filter({ hasText: 'Puerto principal' }).waitFor();
    expect(pages.errors).toEqual([]);
  }, 30_000);
});
