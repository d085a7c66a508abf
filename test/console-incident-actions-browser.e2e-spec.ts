// The incident screen's actions in Debian's Chromium, against the api built and started as an operator runs it: a
// U.S. officer (English) and a Mexican officer (Spanish) on one chlorine release at Otay Mesa order protective actions
// (the zones on the map) and each lift their own side's, record their national centres with the NRC report number and
// the CENACOM folio (one done earlier: both times shown, a future one refused naming the field), assign their on-scene
// coordinators, add the translations that are pending, update the incident while the other side acts (an unrelated
// change no longer refuses the save; a change to the same field shows both values to choose from), stand the Joint
// Response Team down and close the incident, after seeing in words what still kept it open.
import { uniqueSchemaName } from '@enlace/event-store/testing';
import type { Page } from 'playwright-core';
import type { ApiProcess } from './support/api-process.js';
import { ConsoleBed } from './support/console-bed.js';
import { type ConsolePages, expectAttribute, shot, signIn } from './support/console-pages.js';

const PORT = 'otay-mesa';
/** Otay Mesa's clocks (the U.S. side's; Tijuana keeps the same time). */
const ZONE = 'America/Los_Angeles';
/** "The other console shows it" within this long. */
const LIVE_MS = 3_000;
const STEP_MS = 30_000;

const schema = uniqueSchemaName('console_pa');
let bed: ConsoleBed;
let api: ApiProcess;
let pages: ConsolePages;
let us: Page;
let mx: Page;
let incidentId = '';
const observedAt = new Date(Date.now() - 60 * 60_000).toISOString();

interface IncidentView {
  status: string;
  severity: string;
  casualties: { injured: number; fatalities: number };
  jcp: { nationalCenters: Record<string, { at: string; occurredAt?: string; reportNumber?: string }> };
  protectiveActions: { actionId: string; side: string; liftedAt?: string }[];
}

/** An instant as `<input type="datetime-local">` takes it, on the port's clock. */
function wallClock(at: Date): string {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-CA', {
      timeZone: ZONE,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
    })
      .formatToParts(at)
      .map((part) => [part.type, part.value]),
  );
  return `${parts.year}-${parts.month}-${parts.day}T${parts.hour}:${parts.minute}`;
}

const incident = async () =>
  (await api.request<IncidentView>('GET', `/api/incidents/${incidentId}`, { as: 'auditor' })).body;

beforeAll(async () => {
  bed = await ConsoleBed.start({ schema });
  ({ api, pages } = bed);
  [us, mx] = await Promise.all([pages.open('en-US'), pages.open('es-MX')]);
  // Reported in English only, observed an hour ago: the Spanish title is pending.
  incidentId = (
    await api.write('POST', '/api/incidents', 'officer.us', {
      kind: 'hazmat-release',
      title: { en: 'Chlorine release at the commercial lot' },
      severity: 'severe',
      location: { lat: 32.549, lon: -116.938, description: { en: 'Dock 4', es: 'Andén 4' } },
      affectedPortIds: [PORT],
      observedAt,
    })
  ).id;
}, 120_000);

afterAll(async () => {
  await bed?.stop();
}, 30_000);

describe('browser console: the incident screen’s actions, both officers, both languages', () => {
  it(
    'both officers open the incident, each in their language, with its map',
    async () => {
      await signIn(us, 'officer.us', { user: 'Username', password: 'Password', submit: 'Sign in' });
      await signIn(mx, 'officer.mx', { user: 'Usuario', password: 'Contraseña', submit: 'Iniciar sesión' });
      await Promise.all([us.goto(`${api.url}/incidents/${incidentId}`), mx.goto(`${api.url}/incidents/${incidentId}`)]);
      await us.getByRole('heading', { level: 1, name: 'Chlorine release at the commercial lot' }).waitFor();
      await mx.getByRole('heading', { level: 2, name: 'Mapa del incidente' }).waitFor();
      await expectAttribute(us.getByTestId('incident-map'), 'data-zones', '0', 5_000);
    },
    STEP_MS,
  );

  it(
    'each side orders a protective action; the zones are on both maps; only the ordering side may lift one',
    async () => {
      const form = us.getByTestId('protective-action-form');
      // The zone is centred on the incident unless the officer moves it.
      await expect(form.getByLabel('Latitude').inputValue()).resolves.toBe('32.549');
      await form.getByLabel('Action').selectOption('evacuation');
      await form.getByLabel('Radius (meters)').fill('800');
      await form
        .getByRole('group', { name: /^Instructions to the public/ })
        .getByLabel('English')
        .fill('Evacuate the commercial lot and dock 4');
      await form.getByRole('button', { name: 'Order' }).click();
      await us.getByText('Evacuation, radius 800 m').waitFor();
      await expectAttribute(us.getByTestId('incident-map'), 'data-zones', '1', 5_000);

      // Mexico sees it live, in Spanish, and may not lift it.
      const usAction = mx.getByTestId('protective-actions').locator('li', { hasText: 'Evacuación, radio de 800 m' });
      await usAction.waitFor({ timeout: LIVE_MS });
      await expect(usAction.textContent()).resolves.toContain('Solo el lado de EE. UU. puede levantarla.');
      await expect(usAction.getByRole('button', { name: /^Levantar/ }).count()).resolves.toBe(0);

      const mxForm = mx.getByTestId('protective-action-form');
      await mxForm.getByLabel('Acción').selectOption('shelter-in-place');
      await mxForm.getByLabel('Radio (metros)').fill('1500');
      await mxForm.getByLabel('Latitud').fill('32.55');
      await mxForm
        .getByRole('group', { name: /^Instrucciones a la población/ })
        .getByLabel('Español')
        .fill('Permanezcan dentro de sus casas con puertas y ventanas cerradas');
      await mxForm.getByRole('button', { name: 'Ordenar' }).click();
      await expectAttribute(mx.getByTestId('incident-map'), 'data-zones', '2', 5_000);
      await us.getByText('Shelter in place, radius 1500 m').waitFor({ timeout: LIVE_MS });
      await expectAttribute(us.getByTestId('incident-map'), 'data-zones', '2', LIVE_MS);
      // Drawn on the map, labelled in the reader's language.
      const { protectiveActions } = await incident();
      const shelter = protectiveActions.find((action) => action.side === 'MX')!;
      await expect(us.getByTestId(`map-zone-${shelter.actionId}`).textContent()).resolves.toBe(
        'Shelter in place, 1500 m (Mexico)',
      );
      await expect(mx.getByTestId(`map-zone-${shelter.actionId}`).textContent()).resolves.toBe(
        'Resguardo en el lugar, radio de 1500 m (México)',
      );
      await shot(us, 'incident-actions-zones');
    },
    STEP_MS,
  );

  it(
    'the U.S. officer records NRC with its report number, done half an hour ago; both times show, on both sides',
    async () => {
      const doneAt = new Date(Date.now() - 30 * 60_000);
      doneAt.setSeconds(0, 0);
      const form = us.getByTestId('jcp-form-national-center-notifications-US');
      await form.getByLabel('NRC report number').fill('1380012');
      await form.getByLabel('When it was done, if earlier').fill(wallClock(doneAt));
      await form.getByRole('button', { name: 'Record as done' }).click();
      const step = us.getByTestId('jcp-national-center-notifications-US');
      await expectAttribute(step, 'data-state', 'done', 5_000);
      const text = await step.textContent();
      expect(text).toMatch(/Done .*Recorded .*Report number 1380012/);

      const { jcp } = await incident();
      expect(jcp.nationalCenters.US).toMatchObject({ reportNumber: '1380012', occurredAt: doneAt.toISOString() });
      expect(Date.parse(jcp.nationalCenters.US!.at)).toBeGreaterThan(doneAt.getTime());

      // Mexico sees both times in Spanish; the activity log shows when it was done.
      const seen = mx.getByTestId('jcp-national-center-notifications-US');
      await expectAttribute(seen, 'data-state', 'done', LIVE_MS);
      await expect(seen.textContent()).resolves.toMatch(/Realizado .*Registrado .*Número de reporte 1380012/);
      await us.getByTestId('timeline').locator('tr[data-type="NationalCenterNotified"]').waitFor();
      await expect(
        us.getByTestId('timeline').locator('tr[data-type="NationalCenterNotified"]').textContent(),
      ).resolves.toMatch(/done .*NRC notified, report number 1380012/);
    },
    STEP_MS,
  );

  it(
    'the Mexican officer is told a future time is refused, naming the field, then records CENACOM with its folio',
    async () => {
      const form = mx.getByTestId('jcp-form-national-center-notifications-MX');
      await form.getByLabel('Folio del CENACOM').fill('F-2026-0457');
      await form.getByLabel('Cuándo se hizo, si fue antes').fill(wallClock(new Date(Date.now() + 2 * 60 * 60_000)));
      await form.getByRole('button', { name: 'Registrar como hecho' }).click();
      await expect(form.getByRole('alert').textContent()).resolves.toContain(
        'La hora en que se realizó el paso debe ser una hora válida, no futura',
      );
      await form.getByLabel('Cuándo se hizo, si fue antes').fill('');
      await form.getByRole('button', { name: 'Registrar como hecho' }).click();
      const step = mx.getByTestId('jcp-national-center-notifications-MX');
      await expectAttribute(step, 'data-state', 'done', 5_000);
      await expect(step.textContent()).resolves.toContain('Folio F-2026-0457');
      await expect(step.textContent()).resolves.not.toContain('Realizado');
      await expectAttribute(us.getByTestId('jcp-national-center-notifications-MX'), 'data-state', 'done', LIVE_MS);
      await expect(us.getByTestId('jcp-national-center-notifications-MX').textContent()).resolves.toContain(
        'Folio F-2026-0457',
      );
    },
    STEP_MS,
  );

  it(
    'each officer assigns their own side’s on-scene coordinator, and sees the other’s',
    async () => {
      await us.getByRole('button', { name: 'Assign the U.S. on-scene coordinator' }).click();
      const usForm = us.getByTestId('osc-form-US');
      await usForm.getByLabel('Name').fill('Dana Ruiz');
      await usForm.getByLabel('Agency').fill('EPA');
      await usForm.getByLabel('Phone (optional)').fill('+1 619 555 0100');
      await usForm.getByRole('button', { name: 'Assign' }).click();
      await expectAttribute(us.getByTestId('jcp-osc-US'), 'data-state', 'done', 5_000);
      // Only one's own side: no form for the other.
      await expect(us.getByRole('button', { name: /Mexico on-scene coordinator/ }).count()).resolves.toBe(0);

      await mx.getByRole('button', { name: 'Asignar al coordinador en escena de México' }).click();
      const mxForm = mx.getByTestId('osc-form-MX');
      await mxForm.getByLabel('Nombre').fill('Luis Ortega');
      await mxForm.getByLabel('Dependencia').fill('Protección Civil BC');
      await mxForm.getByRole('button', { name: 'Asignar' }).click();
      await expectAttribute(mx.getByTestId('jcp-osc-MX'), 'data-state', 'done', 5_000);
      await expect(mx.getByTestId('jcp-osc-US').textContent()).resolves.toContain('Dana Ruiz (EPA) +1 619 555 0100');
      await expectAttribute(us.getByTestId('jcp-osc-MX'), 'data-state', 'done', LIVE_MS);
      await expect(us.getByTestId('jcp-osc-MX').textContent()).resolves.toContain('Luis Ortega (Protección Civil BC)');
    },
    STEP_MS,
  );

  it(
    'where “translation pending” shows, each officer adds their language',
    async () => {
      await expect(mx.locator('h1 .tr-pending').count()).resolves.toBe(1);
      const translateTitle = mx.getByTestId('translate-title');
      await expect(translateTitle.textContent()).resolves.toBe('Agregar la traducción al español');
      await translateTitle.click();
      const form = mx.getByTestId('translate-title-form');
      await expect(form.textContent()).resolves.toContain('Chlorine release at the commercial lot');
      await form.getByLabel('Traducción al español').fill('Fuga de cloro en el patio comercial');
      await form.getByRole('button', { name: 'Guardar traducción' }).click();
      await mx.getByRole('heading', { level: 1, name: 'Fuga de cloro en el patio comercial' }).waitFor();
      await expect(mx.locator('h1 .tr-pending').count()).resolves.toBe(0);

      // Mexico's shelter-in-place instructions, in Spanish only: the U.S. officer adds the English.
      const { protectiveActions } = await incident();
      const shelter = us.getByTestId(
        `protective-action-${protectiveActions.find((action) => action.side === 'MX')!.actionId}`,
      );
      await shelter.getByRole('button', { name: 'Add the English translation' }).click();
      await shelter.getByLabel('English translation').fill('Stay indoors with doors and windows closed');
      await shelter.getByRole('button', { name: 'Save translation' }).click();
      await shelter.locator('.tr-pending').waitFor({ state: 'detached' });
      await expect(shelter.textContent()).resolves.toContain('Stay indoors with doors and windows closed');

      // A situation report Mexico filed in Spanish only: the U.S. officer adds the English.
      await api.write('POST', `/api/incidents/${incidentId}/situation-reports`, 'officer.mx', {
        summary: { es: 'La fuga está contenida; se ventila el andén 4' },
      });
      await us.getByTestId('sitrep-1').waitFor({ timeout: LIVE_MS });
      await us.getByTestId('sitrep-1').getByRole('button', { name: 'Add the English translation' }).click();
      const sitrep = us.getByTestId('sitrep-1');
      await sitrep.getByLabel('English translation').fill('The leak is contained; dock 4 is being ventilated');
      await sitrep.getByRole('button', { name: 'Save translation' }).click();
      await sitrep.locator('.tr-pending').waitFor({ state: 'detached' });
      await expect(sitrep.locator('p').textContent()).resolves.toBe(
        'The leak is contained; dock 4 is being ventilated',
      );
    },
    STEP_MS,
  );

  it(
    'an update saves after an unrelated change by the other side; a change to the same field shows both values',
    async () => {
      // The U.S. officer starts typing; meanwhile Mexico files a situation report (the old form refused the save).
      const form = us.getByTestId('update-form');
      await form.getByLabel('Injured').fill('2');
      await api.write('POST', `/api/incidents/${incidentId}/situation-reports`, 'officer.mx', {
        summary: { es: 'Dos trabajadores con irritación leve', en: 'Two workers with mild irritation' },
      });
      await us.getByTestId('sitrep-2').waitFor({ timeout: LIVE_MS });
      await form.getByRole('button', { name: 'Save update' }).click();
      await us.getByText('2 injured, 0 dead').waitFor();
      await expect(form.getByRole('alert').count()).resolves.toBe(0);
      await mx.getByText('2 heridos, 0 fallecidos').waitFor({ timeout: LIVE_MS });

      // Both change the severity: Mexico saves first.
      await form.getByLabel('Severity', { exact: true }).selectOption('moderate');
      const mxForm = mx.getByTestId('update-form');
      await mxForm.getByLabel('Severidad', { exact: true }).selectOption('extreme');
      await mxForm.getByRole('button', { name: 'Guardar actualización' }).click();
      await us.locator('.head-chips').getByText('Extreme').waitFor({ timeout: LIVE_MS });
      // The U.S. officer's input is kept while the incident changes under it.
      await expect(form.getByLabel('Severity', { exact: true }).inputValue()).resolves.toBe('moderate');
      await form.getByRole('button', { name: 'Save update' }).click();
      const conflicts = us.getByTestId('update-conflicts');
      await conflicts.waitFor();
      await expect(us.getByTestId('conflict-severity-yours').textContent()).resolves.toBe('Moderate');
      await expect(us.getByTestId('conflict-severity-theirs').textContent()).resolves.toBe('Extreme');
      await expect(form.getByLabel('Severity', { exact: true }).inputValue()).resolves.toBe('moderate');
      expect((await incident()).severity).toBe('extreme');
      await shot(us, 'incident-actions-update-conflict');

      await conflicts.getByRole('button', { name: 'Keep mine: Severity' }).click();
      await form.getByRole('button', { name: 'Save update' }).click();
      await us.locator('.head-chips').getByText('Moderate').waitFor();
      await mx.locator('.head-chips').getByText('Moderada').waitFor({ timeout: LIVE_MS });
      expect((await incident()).severity).toBe('moderate');
      // Mexico's form, untouched since, follows the incident.
      await expect(mxForm.getByLabel('Severidad', { exact: true }).inputValue()).resolves.toBe('moderate');
    },
    STEP_MS,
  );

  it(
    'closing: what keeps it open is said in words, the refusal too; both stand the JRT down and lift their actions; Mexico closes',
    async () => {
      await us.getByRole('button', { name: 'Activate the Joint Response Team' }).click();
      await expectAttribute(us.getByTestId('jcp-jrt'), 'data-state', 'active', 5_000);
      const close = us.getByTestId('close-incident');
      await expectAttribute(close.getByTestId('closing-blockers'), 'data-state', 'blocked', 5_000);
      const blockers = await close.getByTestId('closing-blockers').textContent();
      expect(blockers).toContain('The Joint Response Team is active: both sides must agree to stand it down.');
      expect(blockers).toContain(
        'Evacuation (800 m) ordered by the U.S. side is in force: the U.S. side must lift it.',
      );
      expect(blockers).toContain('Shelter in place (1500 m) ordered by the Mexico side is in force');
      await expect(mx.getByTestId('close-incident').getByTestId('closing-blockers').textContent()).resolves.toContain(
        'La acción «Resguardo en el lugar» (1500 m), ordenada por el lado de México, sigue vigente',
      );

      // Trying anyway: the api's refusal, in words.
      await close
        .getByRole('group', { name: /^Closing summary/ })
        .getByLabel('English')
        .fill('All clear');
      await close.getByRole('button', { name: 'Close incident' }).click();
      await expect(close.getByRole('alert').textContent()).resolves.toContain('The incident cannot be closed yet');

      // The JRT: the U.S. side agrees, then Mexico; it is deactivated.
      await us.getByRole('button', { name: 'Agree to stand the Joint Response Team down' }).click();
      await us.getByText('Your side agreed; waiting for the Mexico side.').waitFor();
      await mx
        .getByRole('button', { name: 'Acordar la desactivación del Equipo Conjunto de Respuesta' })
        .click({ timeout: LIVE_MS });
      await expectAttribute(mx.getByTestId('jcp-jrt'), 'data-state', 'deactivated', 5_000);
      await expectAttribute(us.getByTestId('jcp-jrt'), 'data-state', 'deactivated', LIVE_MS);

      // Each side lifts its own action, after confirming.
      const { protectiveActions } = await incident();
      const usAction = protectiveActions.find((action) => action.side === 'US')!;
      const mxAction = protectiveActions.find((action) => action.side === 'MX')!;
      const usItem = us.getByTestId(`protective-action-${usAction.actionId}`);
      await usItem.getByRole('button', { name: 'Lift: Evacuation' }).click();
      await usItem.getByRole('button', { name: 'Yes, lift it' }).click();
      await expectAttribute(usItem, 'data-state', 'lifted', 5_000);
      const mxItem = mx.getByTestId(`protective-action-${mxAction.actionId}`);
      await mxItem.getByRole('button', { name: 'Levantar: Resguardo en el lugar' }).click();
      await mxItem.getByRole('button', { name: 'Sí, levantarla' }).click();
      await expectAttribute(mxItem, 'data-state', 'lifted', 5_000);
      await expectAttribute(us.getByTestId('incident-map'), 'data-zones', '0', LIVE_MS);

      // Nothing keeps it open now; Mexico closes it, in Spanish.
      const mxClose = mx.getByTestId('close-incident');
      await expectAttribute(mxClose.getByTestId('closing-blockers'), 'data-state', 'none', LIVE_MS);
      await expect(mxClose.getByTestId('closing-blockers').textContent()).resolves.toBe(
        'Nada mantiene abierto el incidente: ya se puede cerrar.',
      );
      await mxClose
        .getByRole('group', { name: /^Resumen de cierre/ })
        .getByLabel('Español')
        .fill('Todo despejado');
      await mxClose.getByRole('button', { name: 'Cerrar incidente' }).click();
      await expectAttribute(mx.getByTestId('incident-status'), 'data-state', 'closed', 5_000);
      await expectAttribute(us.getByTestId('incident-status'), 'data-state', 'closed', LIVE_MS);
      expect((await incident()).status).toBe('closed');

      // A closed incident still takes its missing translation: the U.S. officer adds the English summary.
      await us.getByTestId('translate-closingSummary').click();
      const summary = us.getByTestId('translate-closingSummary-form');
      await summary.getByLabel('English translation').fill('All clear');
      await summary.getByRole('button', { name: 'Save translation' }).click();
      await us.getByText('All clear', { exact: true }).waitFor();
      expect(pages.errors).toEqual([]);
    },
    STEP_MS,
  );
});
