// The auditor's console in Debian's Chromium, against the api built and started as an operator runs it (checkpoints
// signed every second): an officer's incident at Otay Mesa goes through a full shutdown (both sides) and its reopening
// through the api; the officer sees no Audit menu, only the history of the incident from the incident; the auditor,
// in Spanish, reads the history (a bad filter refused next to its field), narrows it to the incident, exports it and
// downloads one event's inclusion proof; then, in English, scrubs the incident's timeline to the moment the port
// closed and to its reopening (keyboard only), and verifies the whole record.
import { uniqueSchemaName } from '@enlace/event-store/testing';
import { readFile } from 'node:fs/promises';
import type { Download, Page } from 'playwright-core';
import type { ApiProcess } from './support/api-process.js';
import { resumePort } from './support/port-resumption.js';
import { ConsoleBed } from './support/console-bed.js';
import { type ConsolePages, expectAttribute, shot, signIn } from './support/console-pages.js';

const PORT = 'otay-mesa';
const schema = uniqueSchemaName('console_audit');
let bed: ConsoleBed;
let api: ApiProcess;
let pages: ConsolePages;
let officer: Page;
let auditor: Page;
let incidentId = '';
/** The write that closed the port's last lanes (Mexico joined), and the one that reopened it. */
let closedAt = '';
let reopenedAt = '';

beforeAll(async () => {
  bed = await ConsoleBed.start({ schema, env: { AUDIT_CHECKPOINT_SECONDS: '1', CONSUMER_LEASE_SECONDS: '3' } });
  ({ api, pages } = bed);
  [officer, auditor] = await Promise.all([pages.open('en-US'), pages.open('es-MX')]);
}, 120_000);

afterAll(async () => {
  await bed?.stop();
}, 30_000);

const downloadText = async (download: Download) => readFile(await download.path(), 'utf8');

describe('browser console: the auditor’s screens', () => {
  it('an officer’s incident at a port goes through a shutdown and its reopening', async () => {
    incidentId = (
      await api.write('POST', '/api/incidents', 'officer.us', {
        kind: 'hazmat-release',
        title: { en: 'Chlorine release at the commercial lot', es: 'Fuga de cloro en el patio comercial' },
        severity: 'severe',
        location: { lat: 32.549, lon: -116.938, description: { en: 'Dock 4', es: 'Andén 4' } },
        affectedPortIds: [PORT],
      })
    ).id;
    await api.write('POST', `/api/incidents/${incidentId}/national-center-notifications`, 'officer.us');
    await api.write('POST', `/api/ports/${PORT}/shutdowns`, 'officer.us', {
      kind: 'hazmat-release',
      reason: { en: 'Chlorine release', es: 'Fuga de cloro' },
      incidentId,
    });
    closedAt = (
      await api.write('POST', `/api/ports/${PORT}/joinings`, 'officer.mx', {
        reason: { es: 'La nube cruza a los carriles hacia el sur', en: 'The cloud reaches the southbound lanes' },
      })
    ).position;
    reopenedAt = await resumePort(api, PORT);
    const { body: port } = await api.request<{ status: string }>('GET', `/api/ports/${PORT}?after=${reopenedAt}`, {
      as: 'auditor',
    });
    expect(port.status).toBe('open');
  }, 20_000);

  it('the officer has no Audit menu; the incident offers its own history', async () => {
    await signIn(officer, 'officer.us', { user: 'Username', password: 'Password', submit: 'Sign in' });
    const nav = officer.getByRole('navigation', { name: 'Main' });
    await nav.getByRole('link', { name: 'Border overview' }).waitFor();
    await expect(nav.getByRole('link', { name: 'Audit' }).count()).resolves.toBe(0);
    await officer.goto(`${api.url}/incidents/${incidentId}`);
    // The ICS 214 of the officer's own side only, as a CSV of the U.S. side's activities.
    const ics = officer.getByTestId('ics-214');
    await ics.getByRole('button', { name: 'Download CSV — U.S.' }).waitFor();
    await expect(ics.getByRole('button', { name: 'Download CSV — Mexico' }).count()).resolves.toBe(0);
    const [form] = await Promise.all([
      officer.waitForEvent('download'),
      ics.getByRole('button', { name: 'Download CSV — U.S.' }).click(),
    ]);
    expect(form.suggestedFilename()).toMatch(/^ics-214-[0-9a-f]{8}-US-en\.csv$/);
    const ics214 = await downloadText(form);
    expect(ics214).toContain('block,field,local_time,utc_time');
    expect(ics214).toContain('NRC');
    await officer.getByTestId('incident-history').click();
    await officer.getByRole('slider', { name: 'Moment' }).waitFor();
    await expect(officer.getByTestId('audit-tab-history').count()).resolves.toBe(0);
  }, 20_000);

  it('the auditor, in Spanish, reads the history of the incident, exports it and downloads a proof', async () => {
    await signIn(auditor, 'auditor', { user: 'Usuario', password: 'Contraseña', submit: 'Iniciar sesión' });
    await auditor.getByRole('navigation', { name: 'Principal' }).getByRole('link', { name: 'Auditoría' }).click();
    await auditor.getByRole('heading', { level: 1, name: 'Historial del registro' }).waitFor();
    await auditor.getByTestId('history-row').first().waitFor();

    // A bad identifier: the api's refusal, in Spanish, next to the field.
    const filters = auditor.getByTestId('history-filters');
    await filters.getByLabel('Registro').selectOption('incident');
    await filters.getByLabel('Su identificador').fill('no-es-un-uuid');
    await filters.getByRole('button', { name: 'Aplicar los filtros' }).click();
    await auditor.getByTestId('history-id-error').getByText('id debe ser un UUID').waitFor();
    await expect(filters.getByLabel('Su identificador').getAttribute('aria-invalid')).resolves.toBe('true');

    await filters.getByLabel('Su identificador').fill(incidentId);
    await filters.getByRole('button', { name: 'Aplicar los filtros' }).click();
    const rows = auditor.getByTestId('history-row');
    await rows.and(auditor.locator('[data-type="IncidentReported"]')).waitFor();
    const streams = await Promise.all((await rows.all()).map((row) => row.getAttribute('data-stream')));
    expect(new Set(streams)).toEqual(new Set([`incident-${incidentId}`]));
    await rows.first().getByText('Incidente reportado').waitFor();
    await rows
      .first()
      .getByRole('button', { name: /^Datos del evento/ })
      .click();
    await auditor
      .getByTestId('history-data')
      .getByText(/"affectedPortIds"/)
      .waitFor();
    await shot(auditor, 'audit-history-es');

    const [exported] = await Promise.all([
      auditor.waitForEvent('download'),
      auditor.getByTestId('history-export-csv').click(),
    ]);
    expect(exported.suggestedFilename()).toMatch(/^enlace-history-incident-[0-9a-f]{8}-\d{8}T\d{6}Z\.csv$/);
    const csv = await downloadText(exported);
    expect(csv).toContain('IncidentReported');
    expect(csv).toContain('NationalCenterNotified');
    expect(csv).toContain(`incident-${incidentId}`);

    // The proof of the report, as the signed log holds it (checkpoints are cut every second here).
    const first = rows.first();
    const position = (await first.getAttribute('data-position'))!;
    const [proof] = await Promise.all([auditor.waitForEvent('download'), first.getByTestId('history-proof').click()]);
    expect(proof.suggestedFilename()).toBe(`inclusion-${position.replace(':', '-')}.json`);
    const body = JSON.parse(await downloadText(proof)) as {
      position: string;
      leafIndex: number;
      treeSize: number;
      proof: string[];
      checkpoint: { size: number; note: string };
    };
    expect(body.position).toBe(position);
    expect(body.leafIndex).toBeLessThan(body.treeSize);
    expect(body.checkpoint.size).toBe(body.treeSize);
    expect(body.checkpoint.note).toContain('\n\n— ');
    await auditor.getByTestId('proof-help').getByText('Cómo verificar una prueba sin conexión').waitFor();
  }, 30_000);

  it('in English, scrubs the incident’s timeline to the port closed, then reopened, with the keyboard', async () => {
    await auditor.getByTestId('history-row').first().getByTestId('history-scrubber').click();
    await auditor.getByTestId('language-switch').click();
    const slider = auditor.getByRole('slider', { name: 'Moment' });
    await slider.waitFor();
    const moment = auditor.getByTestId('scrubber-moment');
    await expectAttribute(moment, 'data-type', 'IncidentReported', 5_000);

    // Arrow keys step one event at a time, up to the moment Mexico's lanes closed too.
    await slider.focus();
    for (let step = 0; step < 30 && (await moment.getAttribute('data-position')) !== closedAt; step += 1) {
      await auditor.keyboard.press('ArrowRight');
    }
    await expectAttribute(moment, 'data-type', 'PortShutdownJoined', 1_000);
    const port = auditor.getByTestId('scrubber-port');
    await expectAttribute(port, 'data-at', closedAt, 5_000);
    await expectAttribute(port.getByTestId('scrubber-port-status'), 'data-status', 'closed', 1_000);
    await expectAttribute(auditor.getByTestId('scrubber-center-US'), 'data-state', 'done', 1_000);
    await auditor
      .getByTestId('live-region')
      .getByText(/Otay Mesa.*: Closed\./)
      .waitFor();
    await moment.getByText(/UTC/).waitFor();
    await shot(auditor, 'audit-scrubber-closed-en');

    // End: the last event, the reopening.
    await auditor.keyboard.press('End');
    await expectAttribute(moment, 'data-position', reopenedAt, 1_000);
    await expectAttribute(port, 'data-at', reopenedAt, 5_000);
    await expectAttribute(port.getByTestId('scrubber-port-status'), 'data-status', 'open', 1_000);
    await auditor
      .getByTestId('live-region')
      .getByText(/Otay Mesa.*: Open\./)
      .waitFor();
    await shot(auditor, 'audit-scrubber-reopened-en');
  }, 20_000);

  it('verifies the whole record', async () => {
    await auditor.getByTestId('audit-tab-verification').click();
    await auditor.getByRole('heading', { level: 1, name: 'Verification of the record' }).waitFor();
    await auditor.getByTestId('checkpoint-signers').locator('[data-role="log"]').waitFor();
    await auditor
      .getByTestId('verifier-key')
      .getByText(/\+[0-9a-f]{8}\+/)
      .waitFor();
    await auditor.getByRole('button', { name: 'Verify now' }).click();
    const result = auditor.getByTestId('verification-result');
    await expectAttribute(result, 'data-ok', 'true', 10_000);
    await result.getByText('Verified', { exact: true }).waitFor();
    await expectAttribute(result.getByTestId('verification-chains'), 'data-ok', 'true', 1_000);
    await shot(auditor, 'audit-verification-en');
    expect(pages.errors).toEqual([]);
  }, 20_000);
});
