import { readFileSync } from 'node:fs';
import { randomUUID } from 'node:crypto';
import createClient, { type Client } from 'openapi-fetch';
import { SPEC_FILE, specText } from '@enlace/api-contract';
import { minimalBody, type OpenApiDocument, ResponseChecker, writeReportSection } from '@enlace/api-contract/testing';
import type { components, paths } from '@enlace/api-types';
import { apiForTheseTests } from './testing/api-harness.js';

/**
 * The API contract (docs/api/openapi.json): the api serves exactly the committed document, and a client generated
 * from it (openapi-fetch typed by @enlace/api-types) drives the officers' whole loop from both sides of the border,
 * plus one request for each documented error status of those operations. Every answer is checked against the
 * document (status documented, body valid for its schema and content type, required headers present); the test
 * fails with the full list of mismatches. 503 (the store or Redis down) is proven by the fault suites, not here.
 */
const api = apiForTheseTests();
const committed = readFileSync(SPEC_FILE, 'utf8');
const document = JSON.parse(committed) as OpenApiDocument;
const checker = new ResponseChecker(document);
type Schemas = components['schemas'];

function client(token?: string): Client<paths> {
  const made = createClient<paths>({
    baseUrl: api().baseUrl,
    headers: token === undefined ? {} : { authorization: `Bearer ${token}` },
  });
  made.use(checker.middleware());
  return made;
}

const clients = new Map<string, Client<paths>>();
/** A client signed in as `username` (password `demo`), through the generated client's own login. */
async function as(username: string): Promise<Client<paths>> {
  const known = clients.get(username);
  if (known) return known;
  const { data, response } = await client().POST('/api/auth/login', { body: { username, password: 'demo' } });
  const token = (data as { accessToken?: string } | undefined)?.accessToken;
  if (!token) throw new Error(`login ${username}: ${response.status}`);
  const signedIn = client(token);
  clients.set(username, signedIn);
  return signedIn;
}

function idOf(data: unknown): string {
  const id = (data as { id?: unknown } | undefined)?.id;
  if (typeof id !== 'string') throw new Error(`no id in ${JSON.stringify(data)}`);
  return id;
}

/** The id of the first protective action ordered for the incident (read from its events). */
async function orderedAction(incidentId: string): Promise<string> {
  const us = await as('officer.us');
  const events = await us.GET('/api/incidents/{id}/events', { params: { path: { id: incidentId } } });
  const order = (events.data as { type: string; data: { actionId?: string } }[] | undefined)?.find(
    (event) => event.type === 'ProtectiveActionOrdered',
  );
  if (!order) {
    await us.POST('/api/incidents/{id}/protective-actions', {
      params: { path: { id: incidentId } },
      body: {
        kind: 'evacuation',
        center: { lat: 32.55, lon: -116.94 },
        radiusMeters: 300,
        instructions: { en: 'Leave the lot', es: 'Salga del patio' },
      },
    });
    return orderedAction(incidentId);
  }
  return order.data.actionId ?? '';
}

/** The incident and the board as of now, and the incident's changes since it was reported. */
async function readsAsOf(auditor: Client<paths>, incidentId: string) {
  const now = new Date().toISOString();
  const path = { aggregate: 'incident' as const, id: incidentId };
  return [
    await auditor.GET('/api/audit/as-of/board', { params: { query: { at: now } } }),
    await auditor.GET('/api/audit/as-of/{aggregate}/{id}', { params: { path, query: { at: now } } }),
    await auditor.GET('/api/audit/diff/{aggregate}/{id}', {
      params: { path, query: { from: '2000-01-01T00:00:00.000Z', to: now } },
    }),
  ];
}

const bilingual = (en: string, es: string): Schemas['SummaryDto']['summary'] => ({ en, es });

describe('the API contract', () => {
  let incidentId: string;
  let actionId: string;
  let notificationId: string;

  it('serves the committed document at /api/docs-json', async () => {
    const served = await fetch(`${api().baseUrl}/api/docs-json`);
    expect(served.status).toBe(200);
    const text = specText((await served.json()) as object);
    if (text !== committed) {
      throw new Error(`The served OpenAPI document differs from ${SPEC_FILE}: run \`npm run openapi\` and commit it`);
    }
  }, 60_000);

  it('a U.S. officer reports an incident and updates it; both sides read it', async () => {
    const us = await as('officer.us');
    const mx = await as('officer.mx');
    const reported = await us.POST('/api/incidents', {
      body: {
        kind: 'hazmat-release',
        title: { en: 'Chlorine release at the Otay Mesa commercial lot' },
        severity: 'severe',
        material: { unNumber: '1017', name: 'Chlorine' },
        quantity: { amount: 900, unit: 'kg' },
        location: { lat: 32.5495, lon: -116.9385, description: bilingual('Dock 4', 'Andén 4') },
        affectedPortIds: ['otay-mesa'],
        sisterCityPlanId: 'scp-sandiego-tijuana',
        casualties: { injured: 2, fatalities: 0 },
      },
    });
    expect(reported.response.status).toBe(201);
    incidentId = idOf(reported.data);
    const updated = await mx.PATCH('/api/incidents/{id}', {
      params: { path: { id: incidentId } },
      headers: { 'If-Match': reported.response.headers.get('etag') ?? '"0"' },
      body: { severity: 'extreme' },
    });
    expect(updated.response.status).toBe(200);
    const sitrep = {
      params: { path: { id: incidentId } },
      headers: { 'Idempotency-Key': randomUUID() },
      body: { summary: bilingual('First responders on scene', 'Primeros respondientes en el lugar') },
    };
    const first = await mx.POST('/api/incidents/{id}/situation-reports', sitrep);
    const retried = await mx.POST('/api/incidents/{id}/situation-reports', sitrep);
    expect([first.response.status, retried.response.status]).toEqual([201, 201]);
    expect(retried.response.headers.get('idempotent-replayed')).toBe('true');
    for (const reader of [us, mx]) {
      expect((await reader.GET('/api/incidents/{id}', { params: { path: { id: incidentId } } })).response.status).toBe(
        200,
      );
    }
  }, 60_000);

  it('both sides record the JCP steps, a translation and an on-scene coordinator; the JRT is activated', async () => {
    const us = await as('officer.us');
    const mx = await as('officer.mx');
    const path = { params: { path: { id: incidentId } } };
    const statuses = [
      (await us.POST('/api/incidents/{id}/national-center-notifications', { ...path, body: {} })).response.status,
      (await us.POST('/api/incidents/{id}/counterpart-center-notifications', { ...path, body: {} })).response.status,
      (await mx.POST('/api/incidents/{id}/national-center-notifications', { ...path, body: { reference: 'C-1' } }))
        .response.status,
      (await mx.POST('/api/incidents/{id}/joint-response-team/activation', path)).response.status,
      (
        await mx.POST('/api/incidents/{id}/translations', {
          ...path,
          body: { field: 'title', language: 'es', text: 'Fuga de cloro en el patio comercial' } as never,
        })
      ).response.status,
      (
        await us.POST('/api/incidents/{id}/on-scene-coordinators', {
          ...path,
          body: { side: 'US', name: 'R. Salinas', agency: 'EPA' },
        })
      ).response.status,
    ];
    expect(statuses).toEqual([201, 201, 201, 200, 201, 201]);
  }, 60_000);

  it('a protective action is ordered and lifted; each side files a situation report', async () => {
    const us = await as('officer.us');
    const mx = await as('officer.mx');
    const path = { params: { path: { id: incidentId } } };
    const ordered = await us.POST('/api/incidents/{id}/protective-actions', {
      ...path,
      body: {
        kind: 'shelter-in-place',
        center: { lat: 32.55, lon: -116.94 },
        radiusMeters: 800,
        instructions: bilingual('Stay indoors', 'Permanezca en interiores'),
      },
    });
    expect(ordered.response.status).toBe(201);
    actionId = await orderedAction(incidentId);
    const lifted = await us.POST('/api/incidents/{id}/protective-actions/{actionId}/lift', {
      params: { path: { id: incidentId, actionId } },
    });
    expect([200, 201]).toContain(lifted.response.status);
    for (const officer of [us, mx]) {
      const report = await officer.POST('/api/incidents/{id}/situation-reports', {
        ...path,
        body: { summary: bilingual('Plume moving east', 'La nube se desplaza al este') },
      });
      expect(report.response.status).toBe(201);
    }
  }, 60_000);

  it('ports: a partial shutdown joined by Mexico and widened, a whole-port shutdown elsewhere', async () => {
    const us = await as('officer.us');
    const mx = await as('officer.mx');
    const otay = { params: { path: { id: 'otay-mesa' } } };
    const statuses = [
      (
        await us.POST('/api/ports/{id}/shutdowns', {
          ...otay,
          body: {
            kind: 'hazmat-release',
            lanes: ['commercial:northbound'],
            reason: bilingual('Chlorine release', 'Fuga de cloro'),
            incidentId,
          },
        })
      ).response.status,
      (
        await us.POST('/api/ports/{id}/widenings', {
          ...otay,
          body: { lanes: ['fast:northbound'], reason: bilingual('Plume spreading', 'La nube se extiende') },
        })
      ).response.status,
      (
        await mx.POST('/api/ports/{id}/joinings', {
          ...otay,
          body: { lanes: ['commercial:southbound'], reason: bilingual('Chlorine release', 'Fuga de cloro') },
        })
      ).response.status,
      (
        await mx.POST('/api/ports/{id}/shutdowns', {
          params: { path: { id: 'san-ysidro' } },
          body: { kind: 'security-threat', reason: bilingual('Bomb threat', 'Amenaza de bomba') },
        })
      ).response.status,
    ];
    expect(statuses).toEqual([201, 201, 201, 201]);
  }, 60_000);

  it('the BLM is notified; both officers acknowledge; the notice is updated', async () => {
    const us = await as('officer.us');
    const mx = await as('officer.mx');
    const issued = await us.POST('/api/notifications', {
      body: {
        blmId: 'blm-sandiego-tijuana',
        subject: { incidentId, portId: 'otay-mesa' },
        title: bilingual('Otay Mesa commercial lanes closed', 'Carriles comerciales de Otay Mesa cerrados'),
        body: bilingual('Closed in both directions.', 'Cerrados en ambos sentidos.'),
        severity: 'severe',
        acknowledgmentDeadline: new Date(Date.now() + 30 * 60_000).toISOString(),
      },
    });
    expect(issued.response.status).toBe(201);
    notificationId = idOf(issued.data);
    const path = { params: { path: { id: notificationId } } };
    expect(
      (await us.POST('/api/notifications/{id}/acknowledgments', { ...path, body: { readIn: 'en' } })).response.status,
    ).toBe(201);
    expect(
      (await mx.POST('/api/notifications/{id}/acknowledgments', { ...path, body: { readIn: 'es' } })).response.status,
    ).toBe(201);
    const read = await us.GET('/api/notifications/{id}', path);
    expect(read.response.status).toBe(200);
    const updated = await us.PATCH('/api/notifications/{id}', {
      ...path,
      headers: { 'If-Match': read.response.headers.get('etag') ?? '"0"' },
      body: { severity: 'extreme' },
    });
    expect(updated.response.status).toBe(200);
  }, 60_000);

  it('the resumption checklist is worked by each side, both sign off, the port reopens, the incident closes', async () => {
    const us = await as('officer.us');
    const mx = await as('officer.mx');
    const otay = { params: { path: { id: 'otay-mesa' } } };
    const added = await mx.POST('/api/ports/{id}/checklist/items', {
      ...otay,
      body: {
        agency: 'ANAM',
        critical: false,
        owner: 'MX',
        text: bilingual('Notify carriers', 'Avisar a los transportistas'),
      },
    });
    expect(added.response.status).toBe(201);
    const checklist = await us.GET('/api/ports/{id}/checklist', otay);
    const items = (checklist.data as { items: { id: string; owner: string; critical: boolean }[] }).items;
    let reopenedOne = false;
    for (const item of items) {
      const officer = item.owner === 'MX' ? mx : us;
      const itemPath = { params: { path: { id: 'otay-mesa', itemId: item.id } } };
      const done = item.critical
        ? await officer.POST('/api/ports/{id}/checklist/{itemId}/completion', { ...itemPath, body: {} })
        : await officer.POST('/api/ports/{id}/checklist/{itemId}/waiver', {
            ...itemPath,
            body: { reason: bilingual('Handled by public affairs', 'Lo atiende comunicación social') },
          });
      expect(done.response.status).toBe(201);
      if (item.critical && !reopenedOne) {
        reopenedOne = true;
        const reopened = await officer.POST('/api/ports/{id}/checklist/{itemId}/reopening', {
          ...itemPath,
          body: { reason: bilingual('Reading repeated', 'Lectura repetida') },
        });
        expect(reopened.response.status).toBe(201);
        expect(
          (await officer.POST('/api/ports/{id}/checklist/{itemId}/completion', { ...itemPath, body: {} })).response
            .status,
        ).toBe(201);
      }
    }
    expect((await us.POST('/api/ports/{id}/sign-offs', { ...otay, body: { side: 'US' } })).response.status).toBe(201);
    expect((await mx.POST('/api/ports/{id}/sign-offs', { ...otay, body: { side: 'MX' } })).response.status).toBe(201);
    expect(
      (await us.POST('/api/ports/{id}/reopenings', { ...otay, body: { lanes: ['fast:northbound'] } })).response.status,
    ).toBe(200);
    expect((await mx.POST('/api/ports/{id}/reopenings', { ...otay, body: {} })).response.status).toBe(200);
    expect((await us.POST('/api/ports/{id}/reopenings', { ...otay, body: {} })).response.status).toBe(200);
    const path = { params: { path: { id: incidentId } } };
    for (const officer of [us, mx]) {
      expect((await officer.POST('/api/incidents/{id}/joint-response-team/deactivation', path)).response.status).toBe(
        200,
      );
    }
    const closed = await mx.POST('/api/incidents/{id}/closure', {
      ...path,
      body: { summary: bilingual('Release contained; port reopened', 'Fuga controlada; puerto reabierto') },
    });
    expect(closed.response.status).toBe(200);
  }, 60_000);

  it('reads the board, the incident, its timeline and events, the ports, the inbox, the paged lists, reference data, the admin and drill lists', async () => {
    const auditor = await as('auditor');
    const us = await as('officer.us');
    const admin = await as('admin');
    const planner = await as('planner');
    const path = { params: { path: { id: incidentId } } };
    const reads = [
      await auditor.GET('/api/incidents', {}),
      await auditor.GET('/api/incidents', { params: { query: { status: 'all', limit: 1 } } }),
      await auditor.GET('/api/incidents/{id}', path),
      await auditor.GET('/api/incidents/{id}/timeline', path),
      await auditor.GET('/api/incidents/{id}/events', path),
      await us.GET('/api/ports', {}),
      await us.GET('/api/ports/checklists', {}),
      await us.GET('/api/ports/{id}', { params: { path: { id: 'otay-mesa' } } }),
      await us.GET('/api/notifications', {}),
      await us.GET('/api/notifications', { params: { query: { limit: 1 } } }),
      await us.GET('/api/blms', {}),
      await us.GET('/api/blms/{id}', { params: { path: { id: 'blm-sandiego-tijuana' } } }),
      await us.GET('/api/auth/me', {}),
      await auditor.GET('/api/auth/activity', {}),
      await us.GET('/api/checklist-templates', {}),
      await us.GET('/api/materials/{unNumber}', { params: { path: { unNumber: '1005' } } }),
      await us.GET('/api/sister-city-plans/{id}', { params: { path: { id: 'scp-sandiego-tijuana' } } }),
      await admin.GET('/api/admin/accounts', {}),
      await admin.GET('/api/admin/queues', {}),
      await planner.GET('/api/drills', {}),
      await planner.GET('/api/drills/notification-summary', {}),
      await client().GET('/api/audit/log/key', {}),
      await client().GET('/api/audit/log/checkpoints', {}),
      ...(await readsAsOf(auditor, incidentId)),
      await auditor.GET('/api/audit/log/verification', {}),
    ];
    const failed = reads
      .filter((read) => read.response.status !== 200)
      .map((read) => `${read.response.url.replace(api().baseUrl, '')}: ${JSON.stringify(read.error)}`);
    writeReportSection('valid reads refused', failed.join('\n') || 'none');
    expect(failed).toEqual([]);
    const firstPage = reads[1]!.response.headers.get('x-next-cursor');
    if (firstPage) {
      const next = await auditor.GET('/api/incidents', {
        params: { query: { status: 'all', limit: 1, cursor: firstPage } },
      });
      expect(next.response.status).toBe(200);
    }
  }, 60_000);

  it('plans and starts a drill, and reads it, the drill list and the scenarios', async () => {
    const planner = await as('planner');
    const planned = await planner.POST('/api/drills', {
      body: {
        scenarioId: 'otay-mesa-plant-fire',
        rate: 30,
        participants: [{ username: 'officer.mx', role: 'player' }],
      },
    });
    expect(planned.response.status).toBe(201);
    const drill = { params: { path: { id: idOf(planned.data) } } };
    expect(
      (
        await planner.POST('/api/drills/{id}/{transition}', {
          params: { path: { ...drill.params.path, transition: 'start' } },
        })
      ).response.status,
    ).toBe(200);
    const reads = [
      await planner.GET('/api/drills/{id}', drill),
      await planner.GET('/api/drills', {}),
      await planner.GET('/api/scenarios', {}),
    ];
    expect(reads.map((read) => read.response.status)).toEqual([200, 200, 200]);
  }, 60_000);

  it('answers every documented error of those operations as documented', async () => {
    const us = await as('officer.us');
    const mx = await as('officer.mx');
    const auditor = await as('auditor');
    const anonymous = client();
    const forged = client('not.a.token');
    const open = await us.POST('/api/incidents', {
      body: {
        kind: 'fire',
        title: bilingual('Brush fire near the fence', 'Incendio cerca de la cerca'),
        severity: 'moderate',
        location: { lat: 32.55, lon: -116.94, description: bilingual('Fence line', 'Línea de la cerca') },
      },
    });
    expect(open.error).toBeUndefined();
    const openId = idOf(open.data);
    const path = { params: { path: { id: openId } } };
    const statuses: [string, number[], number][] = [
      ['400 bad body', [400], (await us.POST('/api/incidents', { body: { kind: 'meteor' } as never })).response.status],
      ['400 bad query', [400], (await us.GET('/api/incidents', { params: { query: { limit: -3 } } })).response.status],
      [
        '400 bad path id',
        [400],
        (await us.GET('/api/incidents/{id}', { params: { path: { id: 'not-a-uuid' } } })).response.status,
      ],
      ['401 no token', [401], (await anonymous.GET('/api/incidents', {})).response.status],
      ['401 bad token', [401], (await forged.GET('/api/notifications', {})).response.status],
      [
        '401 bad password',
        [401],
        (await anonymous.POST('/api/auth/login', { body: { username: 'officer.us', password: 'wrong-password' } }))
          .response.status,
      ],
      [
        '403 wrong role',
        [403],
        (
          await auditor.POST('/api/incidents/{id}/situation-reports', {
            ...path,
            body: { summary: bilingual('x', 'x') },
          })
        ).response.status,
      ],
      [
        "422 the other side's sign-off",
        [422],
        (await mx.POST('/api/ports/{id}/sign-offs', { params: { path: { id: 'otay-mesa' } }, body: { side: 'US' } }))
          .response.status,
      ],
      [
        '404 unknown incident',
        [404],
        (await us.GET('/api/incidents/{id}', { params: { path: { id: randomUUID() } } })).response.status,
      ],
      [
        '404 unknown port',
        [404],
        (await us.GET('/api/ports/{id}', { params: { path: { id: 'nowhere' } } })).response.status,
      ],
      [
        '404 unknown notification',
        [404],
        (await us.GET('/api/notifications/{id}', { params: { path: { id: randomUUID() } } })).response.status,
      ],
      [
        '409/412 stale If-Match',
        [409, 412],
        (
          await us.PATCH('/api/incidents/{id}', {
            ...path,
            headers: { 'If-Match': '"41"' },
            body: { severity: 'minor' },
          })
        ).response.status,
      ],
      [
        '422 closed incident',
        [422],
        (
          await us.POST('/api/incidents/{id}/closure', {
            params: { path: { id: incidentId } },
            body: { summary: bilingual('again', 'otra vez') },
          })
        ).response.status,
      ],
      [
        '403 the other side lifts a U.S. order',
        [403],
        (
          await mx.POST('/api/incidents/{id}/protective-actions/{actionId}/lift', {
            params: { path: { id: openId, actionId: await orderedAction(openId) } },
          })
        ).response.status,
      ],
    ];
    for (let attempt = 0; attempt < 6; attempt += 1) {
      await anonymous.POST('/api/auth/login', { body: { username: 'contract.nobody', password: `wrong-${attempt}` } });
    }
    statuses.push([
      '429 sign-in throttled',
      [429],
      (await anonymous.POST('/api/auth/login', { body: { username: 'contract.nobody', password: 'wrong' } })).response
        .status,
    ]);
    // What was provoked is what was meant (the document check of each answer is the checker's).
    expect(statuses.filter(([, expected, actual]) => !expected.includes(actual))).toEqual([]);
  }, 60_000);

  it("accepts the document's examples and the smallest body it allows for each of the loop's writes (no 400)", async () => {
    const us = await as('officer.us');
    const refused: string[] = [];
    const writes: [string, string, Record<string, string>][] = [
      ['post', '/api/incidents', {}],
      ['patch', '/api/incidents/{id}', { id: incidentId }],
      ['post', '/api/incidents/{id}/situation-reports', { id: incidentId }],
      ['post', '/api/incidents/{id}/protective-actions', { id: incidentId }],
      ['post', '/api/incidents/{id}/national-center-notifications', { id: incidentId }],
      ['post', '/api/incidents/{id}/translations', { id: incidentId }],
      ['post', '/api/incidents/{id}/on-scene-coordinators', { id: incidentId }],
      ['post', '/api/incidents/{id}/closure', { id: incidentId }],
      ['post', '/api/ports/{id}/shutdowns', { id: 'calexico-west' }],
      ['post', '/api/ports/{id}/sign-offs', { id: 'otay-mesa' }],
      ['post', '/api/ports/{id}/reopenings', { id: 'otay-mesa' }],
      ['post', '/api/notifications', {}],
      ['post', '/api/notifications/{id}/acknowledgments', { id: notificationId }],
    ];
    for (const [method, template, params] of writes) {
      const media = document.paths[template]?.[method]?.requestBody?.content?.['application/json'];
      // The document's own examples of the body, and the smallest body its schema allows.
      const bodies: unknown[] = [
        ...(media?.example !== undefined ? [media.example] : []),
        ...Object.values(media?.examples ?? {}).map((example) => example.value),
        media?.schema ? minimalBody(media.schema, document.components?.schemas ?? {}, Date.now()) : undefined,
      ];
      const call = (method === 'patch' ? us.PATCH : us.POST) as unknown as (
        path: string,
        init: object,
      ) => Promise<{ response: Response; error?: unknown }>;
      for (const body of bodies) {
        const { response, error } = await call(template, { params: { path: params }, body });
        if (response.status === 400) {
          refused.push(`${method.toUpperCase()} ${template} ${JSON.stringify(body)}: ${JSON.stringify(error)}`);
        }
      }
    }
    writeReportSection('minimal bodies the document allows, refused with 400', refused.join('\n') || 'none');
    expect(refused).toEqual([]);
  }, 60_000);

  it('every answer matches the document', () => {
    const report = checker.report();
    writeReportSection('responses', report);
    process.stdout.write(`${report}\n`);
    expect(checker.mismatches.map((m) => `${m.operation} -> ${m.status}: ${m.problem}`)).toEqual([]);
  }, 60_000);
});
