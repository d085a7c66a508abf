import type { Language, Side } from '@enlace/domain';
import { csvRecord, UTF8_BOM } from './csv-cells.js';
import type { FormActivity, FormPerson, Ics214Form } from './ics-214.js';
import { readableLocal, readableUtc } from './local-time.js';
import { markup, type SafeHtml, trusted } from '@enlace/after-action';

/** Each label in English and in Mexican Spanish, as a binational form prints them. */
const LABELS = {
  title: { en: 'Activity Log (ICS 214)', es: 'Registro de actividades (ICS 214 / SCI 214)' },
  incidentName: { en: '1. Incident Name', es: '1. Nombre del incidente' },
  operationalPeriod: { en: '2. Operational Period', es: '2. Periodo operacional' },
  from: { en: 'Date/Time From', es: 'Fecha/hora de inicio' },
  to: { en: 'Date/Time To', es: 'Fecha/hora de término' },
  timeZone: { en: 'Time zone', es: 'Zona horaria' },
  name: { en: '3. Name', es: '3. Nombre' },
  icsPosition: { en: '4. ICS Position', es: '4. Puesto en el SCI' },
  homeAgency: { en: '5. Home Agency (and Unit)', es: '5. Dependencia de origen (y unidad)' },
  resources: { en: '6. Resources Assigned', es: '6. Recursos asignados' },
  resourceName: { en: 'Name', es: 'Nombre' },
  resourcePosition: { en: 'ICS Position', es: 'Puesto en el SCI' },
  resourceAgency: { en: 'Home Agency (and Unit)', es: 'Dependencia de origen (y unidad)' },
  actions: { en: 'Actions recorded', es: 'Acciones registradas' },
  activityLog: { en: '7. Activity Log', es: '7. Registro de actividades' },
  dateTime: { en: 'Date/Time', es: 'Fecha/hora' },
  notableActivities: { en: 'Notable Activities', es: 'Actividades relevantes' },
  preparedBy: { en: '8. Prepared by', es: '8. Elaborado por' },
  positionTitle: { en: 'Position/Title', es: 'Cargo/puesto' },
  signature: { en: 'Signature', es: 'Firma' },
  noActivity: {
    en: 'No action of this side was recorded in the period.',
    es: 'No se registró ninguna acción de este lado en el periodo.',
  },
  nobody: { en: 'Nobody of this side acted', es: 'Nadie de este lado actuó' },
  utcOnly: { en: 'UTC (the incident names no port)', es: 'UTC (el incidente no indica ningún puerto)' },
  generated: {
    en: 'Prepared by Enlace from the event record. Export',
    es: 'Elaborado por Enlace a partir del registro de eventos. Exportación',
  },
  translationPending: { en: '(translation pending)', es: '(traducción pendiente)' },
} as const satisfies Record<string, Record<Language, string>>;

type LabelKey = keyof typeof LABELS;

const ROLE_POSITIONS: Record<string, Record<Language, string>> = {
  officer: { en: 'Liaison Officer', es: 'Oficial de enlace' },
  planner: { en: 'Exercise Planner', es: 'Planificador de ejercicios' },
  auditor: { en: 'Auditor', es: 'Auditor' },
  admin: { en: 'Administrator', es: 'Administrador' },
  system: { en: 'Enlace (system)', es: 'Enlace (sistema)' },
  simulator: { en: 'Simulated agency', es: 'Dependencia simulada' },
};

const UNITS: Record<Side, Record<Language, string>> = {
  US: { en: 'U.S. side', es: 'lado estadounidense' },
  MX: { en: 'Mexican side', es: 'lado mexicano' },
};

const LOCALES: Record<Language, string> = { en: 'en-US', es: 'es-MX' };

const other = (language: Language): Language => (language === 'en' ? 'es' : 'en');

function position(role: string, language: Language): string {
  return ROLE_POSITIONS[role]?.[language] ?? role;
}

function homeAgency(person: { agency: string }, side: Side, language: Language): string {
  return `${person.agency} — ${UNITS[side][language]}`;
}

function personName(person: FormPerson): string {
  return person.name === person.username ? person.username : `${person.name} (${person.username})`;
}

/** A text in the form's language, or in the other one, marked, when it was written only in that one. */
function textIn(text: { en?: string; es?: string }, language: Language): string {
  const own = text[language]?.trim();
  if (own) return own;
  const written = text[other(language)]?.trim();
  return written ? `${written} ${LABELS.translationPending[language]}` : '';
}

interface Times {
  local: (iso: string) => string;
  zoneNote: string;
}

function timesOf(form: Ics214Form, language: Language): Times {
  const { port } = form;
  if (!port) return { local: readableUtc, zoneNote: LABELS.utcOnly[language] };
  return {
    local: (iso) => readableLocal(iso, port.zone),
    zoneNote: `${port.zone} (${UNITS[form.side][language]}, ${port.name[language]})`,
  };
}

/**
 * The form as CSV: one table, every row saying which block of the ICS 214 it fills (`block`, `field`), its times
 * (the side's zone at the incident's port, and UTC), its text and the person concerned. UTF-8 with a byte-order
 * mark; every cell that a spreadsheet would run as a formula is neutralised.
 */
export function renderIcs214Csv(form: Ics214Form, language: Language, exportId: string): string {
  const l = (key: LabelKey) => LABELS[key][language];
  const { local, zoneNote } = timesOf(form, language);
  const header =
    language === 'en'
      ? ['block', 'field', 'local_time', 'utc_time', 'text', 'name', 'ics_position', 'home_agency']
      : ['bloque', 'campo', 'hora_local', 'hora_utc', 'texto', 'nombre', 'puesto_sci', 'dependencia'];
  const field = (key: LabelKey) => l(key).replace(/^\d+\.\s*/, '');
  const personCells = (person: FormPerson) => [
    personName(person),
    position(person.role, language),
    homeAgency(person, form.side, language),
  ];
  const lead = form.lead;
  const rows: string[][] = [
    header,
    ['1', field('incidentName'), '', '', textIn(form.incidentName, language), '', '', ''],
    [
      '2',
      `${field('operationalPeriod')}: ${l('from')}`,
      local(form.period.from),
      readableUtc(form.period.from),
      '',
      '',
      '',
      '',
    ],
    [
      '2',
      `${field('operationalPeriod')}: ${l('to')}`,
      local(form.period.to),
      readableUtc(form.period.to),
      '',
      '',
      '',
      '',
    ],
    ['2', l('timeZone'), '', '', zoneNote, '', '', ''],
    ['3', field('name'), '', '', lead ? '' : l('nobody'), lead ? personName(lead) : '', '', ''],
    ['4', field('icsPosition'), '', '', '', '', lead ? position(lead.role, language) : '', ''],
    ['5', field('homeAgency'), '', '', '', '', '', lead ? homeAgency(lead, form.side, language) : ''],
    ...form.resources.map((resource) => [
      '6',
      field('resources'),
      '',
      '',
      `${l('actions')}: ${resource.activities}`,
      ...personCells(resource),
    ]),
    ...form.activities.map((activity) => [
      '7',
      field('activityLog'),
      local(activity.at),
      readableUtc(activity.at),
      activity.summary[language],
      ...personCells(activity.person),
    ]),
    ...(form.activities.length === 0 ? [['7', field('activityLog'), '', '', l('noActivity'), '', '', '']] : []),
    [
      '8',
      field('preparedBy'),
      local(form.preparedBy.at),
      readableUtc(form.preparedBy.at),
      `${l('generated')} ${exportId}`,
      personName(form.preparedBy),
      position(form.preparedBy.role, language),
      `${form.preparedBy.agency}`,
    ],
  ];
  return UTF8_BOM + rows.map((row) => csvRecord(row)).join('');
}

/** Print-first (Letter or A4, whatever the printer holds): no scripts, no web fonts, nothing fetched. */
const STYLE = trusted(`
  @page { size: auto; margin: 12mm; }
  body { font: 10pt/1.35 system-ui, -apple-system, "Segoe UI", Roboto, Arial, sans-serif; color: #111; margin: 0 auto; max-width: 190mm; padding: 8px; }
  h1 { font-size: 14pt; margin: 0 0 6px; text-transform: uppercase; }
  h2 { font-size: 10.5pt; margin: 10px 0 3px; break-after: avoid; }
  .alt { display: block; font-size: 7.5pt; font-weight: 400; color: #555; text-transform: none; }
  table { border-collapse: collapse; width: 100%; margin: 0 0 6px; }
  th, td { border: 1px solid #444; padding: 3px 5px; text-align: left; vertical-align: top; }
  th { background: #eee; font-size: 9pt; }
  .box { font-size: 8.5pt; font-weight: 600; }
  .value { font-size: 10pt; margin-top: 2px; }
  td.when { white-space: nowrap; width: 26%; } .utc { display: block; font-size: 8pt; color: #555; }
  .signature { height: 28px; }
  footer { margin-top: 8px; font-size: 8pt; color: #444; }
  tr { break-inside: avoid; }
  @media print { body { max-width: none; padding: 0; } thead { display: table-header-group; } }
  * { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
`);

/**
 * The form as one standalone, printable HTML page in `language`, each label with the other language in small print
 * under it (as binational forms are printed); every text escaped.
 */
export function renderIcs214Html(form: Ics214Form, language: Language, exportId: string): string {
  const alt = other(language);
  const label = (key: LabelKey): SafeHtml =>
    markup`${LABELS[key][language]}<span class="alt" lang="${LOCALES[alt]}">${LABELS[key][alt]}</span>`;
  const { local, zoneNote } = timesOf(form, language);
  const when = (iso: string) =>
    markup`<time datetime="${iso}">${local(iso)}</time><span class="utc">${readableUtc(iso)}</span>`;
  const lead = form.lead;
  const resourceRows = form.resources.map(
    (resource) =>
      markup`<tr>
        <td>${personName(resource)}</td>
        <td>${position(resource.role, language)}</td>
        <td>${homeAgency(resource, form.side, language)}</td>
        <td>${resource.activities}</td>
      </tr> `,
  );
  const activityRows =
    form.activities.length === 0
      ? markup`<tr>
          <td colspan="2">${LABELS.noActivity[language]}</td>
        </tr>`
      : form.activities.map(
          (activity: FormActivity) =>
            markup`<tr>
              <td class="when">${when(activity.at)}</td>
              <td>
                ${activity.summary[language]}
                <span class="utc">${personName(activity.person)}, ${activity.person.agency}</span>
              </td>
            </tr> `,
        );
  const name = textIn(form.incidentName, language);
  const page = markup`<!DOCTYPE html>
    <html lang="${LOCALES[language]}">
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>ICS 214 — ${name}</title>
        <style>
          ${STYLE}
        </style>
      </head>
      <body>
        <h1>${label('title')}</h1>
        <table class="boxes">
          <tr>
            <td colspan="2">
              <div class="box">${label('incidentName')}</div>
              <div class="value">${name}</div>
            </td>
            <td colspan="2">
              <div class="box">${label('operationalPeriod')}</div>
              <div class="value">${LABELS.from[language]}: ${when(form.period.from)}</div>
              <div class="value">${LABELS.to[language]}: ${when(form.period.to)}</div>
              <div class="value">${LABELS.timeZone[language]}: ${zoneNote}</div>
            </td>
          </tr>
          <tr>
            <td>
              <div class="box">${label('name')}</div>
              <div class="value">${lead ? personName(lead) : LABELS.nobody[language]}</div>
            </td>
            <td>
              <div class="box">${label('icsPosition')}</div>
              <div class="value">${lead ? position(lead.role, language) : ''}</div>
            </td>
            <td colspan="2">
              <div class="box">${label('homeAgency')}</div>
              <div class="value">${lead ? homeAgency(lead, form.side, language) : UNITS[form.side][language]}</div>
            </td>
          </tr>
        </table>
        <section>
          <h2>${label('resources')}</h2>
          <table>
            <thead>
              <tr>
                <th scope="col">${label('resourceName')}</th>
                <th scope="col">${label('resourcePosition')}</th>
                <th scope="col">${label('resourceAgency')}</th>
                <th scope="col">${label('actions')}</th>
              </tr>
            </thead>
            <tbody>
              ${resourceRows}
            </tbody>
          </table>
        </section>
        <section>
          <h2>${label('activityLog')}</h2>
          <table>
            <thead>
              <tr>
                <th scope="col">${label('dateTime')}</th>
                <th scope="col">${label('notableActivities')}</th>
              </tr>
            </thead>
            <tbody>
              ${activityRows}
            </tbody>
          </table>
        </section>
        <section>
          <h2>${label('preparedBy')}</h2>
          <table>
            <tr>
              <td>
                <div class="box">${label('resourceName')}</div>
                <div class="value">${personName(form.preparedBy)}</div>
              </td>
              <td>
                <div class="box">${label('positionTitle')}</div>
                <div class="value">${position(form.preparedBy.role, language)}, ${form.preparedBy.agency}</div>
              </td>
              <td>
                <div class="box">${label('signature')}</div>
                <div class="signature"></div>
              </td>
              <td>
                <div class="box">${label('dateTime')}</div>
                <div class="value">${when(form.preparedBy.at)}</div>
              </td>
            </tr>
          </table>
        </section>
        <footer>ICS 214 · ${LABELS.generated[language]} ${exportId}</footer>
      </body>
    </html> `;
  return page.markup;
}
