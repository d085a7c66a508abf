// The human-text rules (libs/domain human-text.ts) on every text field people type, through the real api on the
// real PostgreSQL server: a text of zero-width characters, one with U+202E or one with ESC is refused with the field
// and the rule named in English and Spanish, nothing appended and nothing of the text repeated.
import { HUMAN_TEXT_MESSAGES, HUMAN_TEXT_MESSAGES_ES } from './common/human-text.validation.js';
import { ApiHarness } from './testing/api-harness.js';

type Body = Record<string, unknown>;

interface FieldProblem {
  field: string;
  rule: string;
  message: { en: string; es: string };
}

const FUTURE = '2099-01-01T00:00:00Z';

const incident = (): Body => ({
  kind: 'hazmat-release',
  title: { en: 'Chlorine release at the commercial lot' },
  severity: 'severe',
  location: { lat: 32.549, lon: -116.938, description: { en: 'Otay Mesa commercial lot' } },
  material: { name: 'Chlorine' },
});

const notification = (): Body => ({
  blmId: 'blm-sandiego-tijuana',
  subject: { portId: 'otay-mesa' },
  title: { en: 'Port closed', es: 'Puerto cerrado' },
  body: { en: 'Commercial lanes closed', es: 'Carriles comerciales cerrados' },
  severity: 'severe',
  acknowledgmentDeadline: FUTURE,
});

/** A copy of `body` with `value` at the dotted `path` (`title.en` replaces the whole title with `{ en: value }`). */
function withText(body: Body, path: string, value: string): Body {
  const copy = structuredClone(body);
  const keys = path.split('.');
  const last = keys.pop()!;
  let at: Body = copy;
  for (const [index, key] of keys.entries()) {
    const bilingualParent = index === keys.length - 1 && (last === 'en' || last === 'es');
    const child: Body = bilingualParent ? {} : { ...(at[key] as Body) };
    at[key] = child;
    at = child;
  }
  at[last] = value;
  return copy;
}

const BAD_TEXTS = [
  ['only zero-width characters', '\u200B\u200C\u200D', 'visibleText'],
  ['U+202E (right-to-left override)', 'Otay \u202EaseM', 'noBidiOverrides'],
  ['ESC (an ANSI escape)', 'Fire\u001B[2J', 'noControlCharacters'],
] as const;

let harness: ApiHarness;
let latest: string | undefined;
let incidentId: string;
let notificationId: string;

async function write(method: string, path: string, body: Body, as = 'officer.us'): Promise<Body> {
  const response = await harness.request<Body>(method, path, { as, body });
  if (response.status >= 300) throw new Error(`${method} ${path}: ${response.status} ${JSON.stringify(response.body)}`);
  latest = response.body.position as string;
  return response.body;
}

beforeAll(async () => {
  harness = await ApiHarness.start();
  incidentId = (await write('POST', '/api/incidents', incident())).id as string;
  notificationId = (await write('POST', '/api/notifications', notification())).id as string;
}, 60_000);

afterAll(async () => {
  await harness.stop();
});

/** Every human text field of every write, with a valid body around it. */
const FIELDS: [string, string, () => Body, string][] = [
  ['POST', '/api/incidents', incident, 'title.en'],
  ['POST', '/api/incidents', incident, 'location.description.es'],
  ['POST', '/api/incidents', incident, 'material.name'],
  ['PATCH', '/api/incidents/:incident', () => ({}), 'title.es'],
  [
    'POST',
    '/api/incidents/:incident/protective-actions',
    () => ({ kind: 'evacuation', center: { lat: 32.55, lon: -116.94 }, radiusMeters: 800 }),
    'instructions.en',
  ],
  ['POST', '/api/incidents/:incident/situation-reports', () => ({}), 'summary.es'],
  ['POST', '/api/incidents/:incident/closure', () => ({}), 'summary.en'],
  ['POST', '/api/incidents/:incident/on-scene-coordinators', () => ({ side: 'US', agency: 'EPA' }), 'name'],
  ['POST', '/api/incidents/:incident/on-scene-coordinators', () => ({ side: 'US', name: 'R. Salinas' }), 'agency'],
  ['POST', '/api/incidents/:incident/national-center-notifications', () => ({}), 'reference'],
  ['POST', '/api/incidents/:incident/translations', () => ({ field: 'title', language: 'es' }), 'text'],
  ['POST', '/api/ports/otay-mesa/shutdowns', () => ({ kind: 'hazmat-release' }), 'reason.en'],
  ['POST', '/api/ports/otay-mesa/checklist/scene-declared-safe/completion', () => ({}), 'note.es'],
  ['POST', '/api/ports/otay-mesa/checklist/scene-declared-safe/waiver', () => ({}), 'reason.en'],
  ['POST', '/api/notifications', notification, 'title.es'],
  ['POST', '/api/notifications', notification, 'body.en'],
  ['PATCH', '/api/notifications/:notification', () => ({}), 'body.es'],
  ['POST', '/api/notifications/:notification/cancellation', () => ({}), 'reason.es'],
];

const cases = FIELDS.flatMap(([method, route, body, field]) =>
  BAD_TEXTS.map(([what, text, rule]) => ({ method, route, body, field, what, text, rule })),
);

describe('human text fields', () => {
  it.each(cases)('$method $route refuses $field with $what', async ({ method, route, body, field, text, rule }) => {
    const path = route.replace(':incident', incidentId).replace(':notification', notificationId);
    const before = await harness.settledEventCount(latest);
    const response = await harness.request<{
      statusCode: number;
      code: string;
      message: { en: string; es: string };
      details: { fields: FieldProblem[] };
    }>(method, path, { as: 'officer.us', body: withText(body(), field, text) });
    expect(response.body).toEqual({
      statusCode: 400,
      code: 'VALIDATION_FAILED',
      message: { en: `Invalid request: ${field}`, es: `Solicitud no válida: ${field}` },
      details: {
        fields: [
          {
            field,
            rule,
            message: {
              en: `${field} ${HUMAN_TEXT_MESSAGES[rule]}`,
              es: `${field} ${HUMAN_TEXT_MESSAGES_ES[rule]}`,
            },
          },
        ],
      },
    });
    expect(response.status).toBe(400);
    expect(await harness.settledEventCount(latest)).toBe(before);
  });

  it('lets long texts hold line breaks and tabs, and keeps them as written', async () => {
    const summary = 'Water at 4.2 m.\n\tLevee holding.\r\nNext report 18:00.';
    const filed = await write('POST', `/api/incidents/${incidentId}/situation-reports`, { summary: { en: summary } });
    const events = await harness.streamEvents(`incident-${incidentId}`);
    const stored = events.find((event) => event.position === filed.position)!;
    expect((stored.data as { summary: { en: string } }).summary.en).toBe(summary);
    await write('POST', `/api/incidents/${incidentId}/protective-actions`, {
      kind: 'shelter-in-place',
      center: { lat: 32.55, lon: -116.94 },
      radiusMeters: 500,
      instructions: { es: 'Cierre ventanas.\nApague el aire acondicionado.' },
    });
  });

  it('refuses a line break in a one-line text (a title, a translated title)', async () => {
    for (const [path, body, field] of [
      ['/api/incidents', withText(incident(), 'title.en', 'Chlorine\nrelease'), 'title.en'],
      [`/api/incidents/${incidentId}/translations`, { field: 'title', language: 'es', text: 'Fuga\nde cloro' }, 'text'],
    ] as const) {
      const response = await harness.request<{ details: { fields: FieldProblem[] } }>('POST', path, {
        as: 'officer.us',
        body,
      });
      expect(response.status).toBe(400);
      expect(response.body.details.fields.map(({ field: name, rule }) => [name, rule])).toEqual([
        [field, 'noControlCharacters'],
      ]);
    }
  });

  it('accepts a line break in a translated long text', async () => {
    const { id: reportIncident } = await write('POST', '/api/incidents', incident());
    const report = await write('POST', `/api/incidents/${reportIncident as string}/situation-reports`, {
      summary: { en: 'Levee holding' },
    });
    const events = await harness.streamEvents(`incident-${reportIncident as string}`);
    const reportId = (events.find((event) => event.position === report.position)!.data as { reportId: string })
      .reportId;
    await write('POST', `/api/incidents/${reportIncident as string}/translations`, {
      field: `situationReport:${reportId}`,
      language: 'es',
      text: 'El dique resiste.\nSiguiente informe a las 18:00.',
    });
  });

  it('refuses a translation longer than the text it translates may be, and appends nothing', async () => {
    const before = await harness.streamEvents(`incident-${incidentId}`);
    for (const [field, limit] of [
      ['title', 200],
      ['location.description', 500],
    ] as const) {
      const response = await harness.request<{ details: { fields: FieldProblem[] } }>(
        'POST',
        `/api/incidents/${incidentId}/translations`,
        { as: 'officer.us', body: { field, language: 'es', text: 'x'.repeat(limit + 1) } },
      );
      expect(response.status).toBe(400);
      const [problem] = response.body.details.fields;
      expect(problem).toMatchObject({ field: 'text', rule: 'translationLength' });
      expect(problem!.message.en).toContain(`at most ${limit} characters`);
      expect(problem!.message.es).toContain(`como máximo ${limit} caracteres`);
    }
    expect(await harness.streamEvents(`incident-${incidentId}`)).toHaveLength(before.length);
  });
});
