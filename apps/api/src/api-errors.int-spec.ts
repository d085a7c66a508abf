// Every error answer of the HTTP API, on the real PostgreSQL server: the exact status, code, bilingual message and
// details, and — for each one — proof that nothing was appended to the event store.
import { randomUUID } from 'node:crypto';
import { ApiHarness, type ApiResponse } from './testing/api-harness.js';

interface ErrorBody {
  statusCode: number;
  code: string;
  message: { en: string; es: string };
  details: Record<string, unknown>;
}

interface FieldProblem {
  field: string;
  rule: string;
  message?: { en?: string; es?: string };
}

interface WriteBody {
  id: string;
  revision: number;
  events: { id: string; type: string }[];
  replayed: boolean;
}

type RequestOptions = { as?: string; body?: unknown; rawBody?: string; headers?: Record<string, string> };

const FUTURE = '2099-01-01T00:00:00Z';
const aString: unknown = expect.any(String);
const anArray: unknown = expect.any(Array);
const BLM = 'blm-sandiego-tijuana';

const validIncident = () => ({
  kind: 'hazmat-release',
  title: { en: 'Chlorine release at the commercial lot' },
  severity: 'severe',
  location: { lat: 32.549, lon: -116.938, description: { en: 'Otay Mesa commercial lot' } },
});

const validNotification = () => ({
  blmId: BLM,
  subject: { portId: 'otay-mesa' },
  title: { en: 'Port closed', es: 'Puerto cerrado' },
  body: { en: 'Commercial lanes closed', es: 'Carriles comerciales cerrados' },
  severity: 'severe',
  acknowledgmentDeadline: FUTURE,
});

const validProtectiveAction = () => ({
  kind: 'evacuation',
  center: { lat: 32.55, lon: -116.94 },
  radiusMeters: 800,
  instructions: { en: 'Leave the area', es: 'Salga de la zona' },
});

const now = () => Math.floor(Date.now() / 1000);

describe('api errors: exact answers, nothing appended', () => {
  let harness: ApiHarness;

  beforeAll(async () => {
    // EPA is no member of the BLM: an EPA officer (the demo users all belong to member agencies).
    harness = await ApiHarness.start({
      users: [{ username: 'officer.epa', displayName: 'EPA officer', agency: 'EPA', country: 'US', role: 'officer' }],
    });
  });

  afterAll(async () => {
    await harness.stop();
  });

  /** The position of the last write answered so far. */
  let latest: string | undefined;

  /** `api`, remembering the position of every accepted write. */
  async function api<Body = Record<string, unknown>>(
    method: string,
    path: string,
    options: RequestOptions = {},
  ): Promise<ApiResponse<Body>> {
    const response = await harness.request<Body>(method, path, options);
    const position = (response.body as { position?: unknown } | undefined)?.position;
    if (response.status < 300 && typeof position === 'string' && (latest === undefined || position > latest)) {
      latest = position;
    }
    return response;
  }

  /** Every event stored so far, once the last write answered is visible (see ApiHarness.settledEventCount). */
  async function eventCount(): Promise<number> {
    return harness.settledEventCount(latest);
  }

  /** A token signed with the api's own secret (or `secret`), with whatever claims a test needs. */
  function signToken(claims: Record<string, unknown>, secret?: string): string {
    return harness.signToken(claims, secret === undefined ? {} : { secret });
  }

  /** Sends the request and checks that the store holds exactly as many events afterwards as before. */
  async function refused(method: string, path: string, options: RequestOptions = {}): Promise<ApiResponse<ErrorBody>> {
    const before = await eventCount();
    const response = await api<ErrorBody>(method, path, options);
    expect(await eventCount()).toBe(before);
    return response;
  }

  /** The one error shape, with the status repeated in the body and both languages present. */
  function expectError(response: ApiResponse<ErrorBody>, status: number, code: string): ErrorBody {
    expect({ status: response.status, code: response.body.code }).toEqual({ status, code });
    expect(response.body.statusCode).toBe(status);
    expect(typeof response.body.message.en).toBe('string');
    expect(typeof response.body.message.es).toBe('string');
    expect(response.body.message.en.trim()).not.toBe('');
    expect(response.body.message.es.trim()).not.toBe('');
    expect(response.body.details).toEqual(expect.any(Object));
    return response.body;
  }

  /** A business-rule refusal: the Spanish is a real translation, not the English again. */
  function expectRule(response: ApiResponse<ErrorBody>, status: number, code: string): ErrorBody {
    const body = expectError(response, status, code);
    expect(body.message.es).not.toBe(body.message.en);
    return body;
  }

  /** A U.S. officer's write of `body`, refused 422 by the business rule `code` with `details`, nothing appended. */
  async function refusedByRule(
    method: string,
    path: string,
    body: object,
    code: string,
    details: Record<string, unknown>,
  ): Promise<ErrorBody> {
    const error = expectRule(await refused(method, path, { as: 'officer.us', body }), 422, code);
    expect(error.details).toEqual(details);
    return error;
  }

  /** A 400 VALIDATION_FAILED; returns the problems, each checked to carry a rule and both languages. */
  function expectValidation(response: ApiResponse<ErrorBody>): FieldProblem[] {
    const body = expectError(response, 400, 'VALIDATION_FAILED');
    const fields = body.details.fields as FieldProblem[];
    expect(Array.isArray(fields)).toBe(true);
    expect(fields.length).toBeGreaterThan(0);
    for (const problem of fields) {
      expect(typeof problem.field).toBe('string');
      expect(typeof problem.rule).toBe('string');
      expect(problem.message?.en?.trim()).toBeTruthy();
      expect(problem.message?.es?.trim()).toBeTruthy();
      expect(problem.message!.es!.startsWith(problem.field)).toBe(true);
    }
    for (const { field } of fields) {
      expect(body.message.en).toContain(field);
      expect(body.message.es).toContain(field);
    }
    return fields;
  }

  const fieldNames = (fields: FieldProblem[]) => [...new Set(fields.map(({ field }) => field))].sort();
  const rulesOf = (fields: FieldProblem[], field: string) =>
    fields.filter((problem) => problem.field === field).map(({ rule }) => rule);

  async function write(method: string, path: string, options: RequestOptions): Promise<WriteBody> {
    const response = await api<WriteBody>(method, path, options);
    if (response.status >= 300) {
      throw new Error(`${method} ${path}: ${response.status} ${JSON.stringify(response.body)}`);
    }
    return response.body;
  }

  const reportIncident = async (as = 'officer.us', body: object = validIncident()) =>
    (await write('POST', '/api/incidents', { as, body })).id;

  const issueNotification = async (as = 'officer.us', body: object = validNotification()) =>
    (await write('POST', '/api/notifications', { as, body })).id;

  const declareShutdown = (portId: string, kind = 'hazmat-release', extra: object = {}) =>
    write('POST', `/api/ports/${portId}/shutdowns`, {
      as: 'officer.us',
      body: { kind, reason: { en: 'Chlorine release', es: 'Fuga de cloro' }, ...extra },
    });

  /** Completes every critical item a side owns, so that it may sign off. */
  async function resolveCriticalItems(portId: string, side: 'US' | 'MX'): Promise<void> {
    const checklist = await api<{ items: { id: string; owner: string; critical: boolean }[] }>(
      'GET',
      `/api/ports/${portId}/checklist`,
      { as: 'auditor' },
    );
    for (const item of checklist.body.items.filter((candidate) => candidate.critical && candidate.owner === side)) {
      await write('POST', `/api/ports/${portId}/checklist/${item.id}/completion`, {
        as: side === 'US' ? 'officer.us' : 'officer.mx',
        body: {},
      });
    }
  }

  /** Every write route, against resources that exist (the checks below come before any business rule). */
  async function writeRoutes(): Promise<[string, string][]> {
    const incident = await reportIncident();
    const notification = await issueNotification();
    const action = randomUUID();
    return [
      ['POST', '/api/incidents'],
      ['PATCH', `/api/incidents/${incident}`],
      ['POST', `/api/incidents/${incident}/protective-actions`],
      ['POST', `/api/incidents/${incident}/protective-actions/${action}/lift`],
      ['POST', `/api/incidents/${incident}/situation-reports`],
      ['POST', `/api/incidents/${incident}/national-center-notifications`],
      ['POST', `/api/incidents/${incident}/counterpart-center-notifications`],
      ['POST', `/api/incidents/${incident}/joint-response-team/activation`],
      ['POST', `/api/incidents/${incident}/joint-response-team/deactivation`],
      ['POST', `/api/incidents/${incident}/on-scene-coordinators`],
      ['POST', `/api/incidents/${incident}/translations`],
      ['POST', `/api/incidents/${incident}/closure`],
      ['POST', '/api/ports/otay-mesa/shutdowns'],
      ['POST', '/api/ports/otay-mesa/widenings'],
      ['POST', '/api/ports/otay-mesa/joinings'],
      ['POST', '/api/ports/otay-mesa/checklist/items'],
      ['POST', '/api/ports/otay-mesa/checklist/scene-declared-safe/completion'],
      ['POST', '/api/ports/otay-mesa/checklist/scene-declared-safe/waiver'],
      ['POST', '/api/ports/otay-mesa/checklist/scene-declared-safe/reopening'],
      ['POST', '/api/ports/otay-mesa/sign-offs'],
      ['POST', '/api/ports/otay-mesa/reopenings'],
      ['POST', '/api/notifications'],
      ['PATCH', `/api/notifications/${notification}`],
      ['POST', `/api/notifications/${notification}/acknowledgments`],
      ['POST', `/api/notifications/${notification}/cancellation`],
    ];
  }

  describe('401: no valid token', () => {
    const claims = () => ({
      sub: 'officer.us',
      sid: randomUUID(),
      agency: 'CBP',
      country: 'US',
      role: 'officer',
      name: 'Dana',
      iss: 'enlace',
      aud: 'enlace-api',
    });

    it('refuses every write route without a token', async () => {
      const routes = await writeRoutes();
      expect(routes).toHaveLength(25);
      for (const [method, path] of routes) {
        const body = expectError(await refused(method, path, { body: validIncident() }), 401, 'UNAUTHENTICATED');
        expect(body.message).toEqual({
          en: 'A bearer token is required (POST /api/auth/login)',
          es: 'Se requiere un token válido (POST /api/auth/login)',
        });
        expect(body.details).toEqual({});
      }
    });

    it('refuses reads without a token too', async () => {
      for (const path of ['/api/incidents', '/api/ports', '/api/notifications', '/api/auth/me']) {
        const response = await refused('GET', path);
        expectError(response, 401, 'UNAUTHENTICATED');
        // RFC 6750: the challenge, without an error since no token was sent.
        expect(response.headers.get('www-authenticate')).toBe('Bearer realm="enlace"');
      }
    });

    it.each([
      ['no scheme', (token: string) => token],
      ['Basic scheme', (token: string) => `Basic ${token}`],
      ['Bearer without a token', () => 'Bearer'],
      ['Bearer followed by two spaces', (token: string) => `Bearer  ${token}`],
    ])('refuses a malformed Authorization header (%s)', async (_label, header) => {
      const token = signToken({ ...claims(), iat: now(), exp: now() + 600 });
      const body = expectError(
        await refused('POST', '/api/incidents', { body: validIncident(), headers: { authorization: header(token) } }),
        401,
        'UNAUTHENTICATED',
      );
      expect(body.message.en).toBe('A bearer token is required (POST /api/auth/login)');
    });

    it.each([
      ['garbage', 'AUTH.TOKEN_INVALID', () => 'not-a-jwt'],
      ['expired', 'AUTH.TOKEN_EXPIRED', () => signToken({ ...claims(), iat: now() - 7200, exp: now() - 3600 })],
      [
        'signed with another secret',
        'AUTH.TOKEN_INVALID',
        () => signToken({ ...claims(), iat: now(), exp: now() + 600 }, 'x'.repeat(40)),
      ],
      [
        'unsigned (alg none)',
        'AUTH.TOKEN_INVALID',
        () => {
          const encode = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');
          return `${encode({ alg: 'none', typ: 'at+jwt' })}.${encode({ ...claims(), exp: now() + 600 })}.`;
        },
      ],
      [
        'a planner token whose payload was changed to officer',
        'AUTH.TOKEN_INVALID',
        () => {
          const [head, , signature] = signToken({ ...claims(), role: 'planner', iat: now(), exp: now() + 600 }).split(
            '.',
          );
          const forged = Buffer.from(JSON.stringify({ ...claims(), iat: now(), exp: now() + 600 })).toString(
            'base64url',
          );
          return `${head}.${forged}.${signature}`;
        },
      ],
    ])('refuses a bad token (%s)', async (_label, code, token) => {
      const response = await refused('POST', '/api/incidents', {
        body: validIncident(),
        headers: { authorization: `Bearer ${token()}` },
      });
      const body = expectError(response, 401, code);
      expect(response.headers.get('www-authenticate')).toBe('Bearer realm="enlace", error="invalid_token"');
      expect(body.message.en.length).toBeGreaterThan(0);
      expect(body.message.es.length).toBeGreaterThan(0);
    });

    it('refuses a wrong password at login with 401 and no token', async () => {
      const before = (await harness.allEvents()).length;
      const response = await api<ErrorBody>('POST', '/api/auth/login', {
        body: { username: 'officer.us', password: 'nope' },
      });
      const body = expectError(response, 401, 'AUTH.SIGN_IN_FAILED');
      expect(body.message).toEqual({
        en: 'Unknown username or wrong password',
        es: 'Usuario desconocido o contraseña incorrecta',
      });
      expect(JSON.stringify(response.body)).not.toContain('accessToken');
      // Nothing but the failure in the sign-in journal.
      const appended = (await harness.allEvents()).slice(before);
      expect(appended.map((event) => [event.streamId, event.type])).toEqual([['auth-log', 'LoginFailed']]);
    });
  });

  describe('403: roles that may read but not write', () => {
    it.each(['auditor', 'planner', 'admin'])('refuses every write route to the %s', async (role) => {
      const routes = await writeRoutes();
      for (const [method, path] of routes) {
        const body = expectError(await refused(method, path, { as: role, body: validIncident() }), 403, 'AUTH.ROLE');
        const names = { auditor: 'auditor', planner: 'drill planner', admin: 'administrator' }[role];
        const nombres = { auditor: 'auditor', planner: 'planificador de simulacros', admin: 'administrador' }[role];
        expect(body.message.en).toBe(`This action needs the liaison officer role; your role is ${names}`);
        expect(body.message.es).toBe(`Esta acción requiere el perfil de oficial de enlace; su perfil es ${nombres}`);
        expect(body.details).toEqual({ required: ['officer'], actual: role });
      }
    });

    it.each(['auditor', 'planner'])('lets the %s read everything', async (role) => {
      const incident = await reportIncident();
      const notification = await issueNotification();
      const port = role === 'auditor' ? 'san-ysidro-pedwest' : 'cross-border-xpress';
      await declareShutdown(port, 'fire');
      const reads = [
        '/api/incidents',
        '/api/incidents?status=all',
        `/api/incidents/${incident}`,
        `/api/incidents/${incident}/events`,
        '/api/ports',
        '/api/ports/otay-mesa',
        `/api/ports/${port}/checklist`,
        '/api/notifications',
        `/api/notifications/${notification}`,
        '/api/auth/me',
      ];
      for (const path of reads) {
        const response = await api('GET', path, { as: role });
        expect({ path, status: response.status }).toEqual({ path, status: 200 });
      }
      const incidentView = await api<{ incidentId: string; revision: number }>('GET', `/api/incidents/${incident}`, {
        as: role,
      });
      expect(incidentView.body).toMatchObject({ incidentId: incident, revision: 0 });
      expect(incidentView.headers.get('etag')).toBe('"0"');
      const me = await api('GET', '/api/auth/me', { as: role });
      expect(me.body).toMatchObject({ id: role, role });
    });
  });

  describe('400: validation names every bad field', () => {
    it('names each bad field of an incident report with its rule, in English and Spanish', async () => {
      const fields = expectValidation(
        await refused('POST', '/api/incidents', {
          as: 'officer.us',
          body: {
            kind: 'volcano',
            title: {},
            severity: 5,
            unknownField: true,
            location: { lat: 91, lon: -116.9, description: { en: 'Lot', fr: 'Parc' } },
            casualties: { injured: 'two', fatalities: 0 },
            observedAt: 'yesterday',
          },
        }),
      );
      expect(fieldNames(fields)).toEqual(
        [
          'casualties.injured',
          'kind',
          'location.description',
          'location.lat',
          'observedAt',
          'severity',
          'title',
          'unknownField',
        ].sort(),
      );
      expect(rulesOf(fields, 'unknownField')).toEqual(['whitelistValidation']);
      expect(rulesOf(fields, 'kind')).toEqual(['isIn']);
      expect(rulesOf(fields, 'severity')).toEqual(['isIn']);
      expect(rulesOf(fields, 'title')).toEqual(['bilingualText']);
      expect(rulesOf(fields, 'location.description')).toEqual(['bilingualText']);
      expect(rulesOf(fields, 'location.lat')).toEqual(['max']);
      expect(rulesOf(fields, 'casualties.injured')).toContain('isInt');
      expect(rulesOf(fields, 'observedAt')).toEqual(['isIso8601']);
      const lat = fields.find(({ field }) => field === 'location.lat')!;
      expect(lat.message).toEqual({
        en: 'location.lat must not be greater than 90',
        es: 'location.lat no debe pasar de 90',
      });
      const kind = fields.find(({ field }) => field === 'kind')!;
      expect(kind.message!.es).toBe('kind debe ser uno de: hazmat-release, fire, flood, other');
      const unknown = fields.find(({ field }) => field === 'unknownField')!;
      expect(unknown.message!.es).toBe('unknownField no es un campo permitido');
    });

    it.each([
      ['an empty bilingual text', { title: {} }, 'title'],
      ['a bilingual text with an unknown language', { title: { en: 'Leak', fr: 'Fuite' } }, 'title'],
      ['a bilingual text that is a string', { title: 'Leak' }, 'title'],
      ['a bilingual text with a number', { title: { en: 5 } }, 'title'],
      ['a title over 200 characters', { title: { en: 'x'.repeat(201) } }, 'title'],
    ])('refuses %s', async (_label, change, field) => {
      const fields = expectValidation(
        await refused('POST', '/api/incidents', { as: 'officer.us', body: { ...validIncident(), ...change } }),
      );
      expect(fields.map(({ field: name, rule }) => [name, rule])).toEqual([[field, 'bilingualText']]);
    });

    it('refuses a bilingual text of blanks, naming the language (the human-text rules, see human-text.int-spec)', async () => {
      const fields = expectValidation(
        await refused('POST', '/api/incidents', {
          as: 'officer.us',
          body: { ...validIncident(), title: { en: '   ', es: '' } },
        }),
      );
      expect(fields.map(({ field: name, rule }) => [name, rule])).toEqual([['title.en', 'visibleText']]);
    });

    it.each([
      ['lat below -90', { lat: -90.5 }, 'location.lat', 'min'],
      ['lat above 90', { lat: 90.01 }, 'location.lat', 'max'],
      ['lon above 180', { lon: 181 }, 'location.lon', 'max'],
      ['lat as a string', { lat: '32.5' }, 'location.lat', 'isNumber'],
      ['lat as null', { lat: null }, 'location.lat', 'isNumber'],
    ])('refuses a location with %s', async (_label, change, field, rule) => {
      const body = validIncident();
      const fields = expectValidation(
        await refused('POST', '/api/incidents', {
          as: 'officer.us',
          body: { ...body, location: { ...body.location, ...change } },
        }),
      );
      expect(fieldNames(fields)).toEqual([field]);
      expect(rulesOf(fields, field)).toContain(rule);
    });

    it('refuses wrong types and enums in a protective action, naming each field', async () => {
      const incident = await reportIncident();
      const fields = expectValidation(
        await refused('POST', `/api/incidents/${incident}/protective-actions`, {
          as: 'officer.us',
          body: { kind: 'run', center: { lat: '32', lon: -116.9 }, radiusMeters: '800', instructions: { es: '' } },
        }),
      );
      expect(fieldNames(fields)).toEqual(['center.lat', 'instructions.es', 'kind', 'radiusMeters']);
      expect(rulesOf(fields, 'kind')).toEqual(['isIn']);
      expect(rulesOf(fields, 'radiusMeters')).toContain('isInt');
      expect(rulesOf(fields, 'center.lat')).toContain('isNumber');
      expect(rulesOf(fields, 'instructions.es')).toEqual(['visibleText']);
      expect((await harness.streamEvents(`incident-${incident}`)).map(({ type }) => type)).toEqual([
        'IncidentReported',
      ]);
    });

    it('refuses a nested object that is not an object', async () => {
      const fields = expectValidation(
        await refused('POST', '/api/incidents', {
          as: 'officer.us',
          body: { ...validIncident(), location: 'Otay Mesa' },
        }),
      );
      expect(fields.map(({ field, rule }) => [field, rule])).toEqual([
        ['location', 'isObject'],
        ['location', 'nestedValidation'],
      ]);
    });

    it('names the bad fields of a notification, of a shutdown, of a sign-off and of a translation', async () => {
      const notification = expectValidation(
        await refused('POST', '/api/notifications', {
          as: 'officer.us',
          body: {
            ...validNotification(),
            blmId: 'BLM San Diego',
            subject: { incidentId: 'incident-1' },
            acknowledgmentDeadline: 'tomorrow',
            severity: 'Severe',
          },
        }),
      );
      expect(fieldNames(notification)).toEqual(['acknowledgmentDeadline', 'blmId', 'severity', 'subject.incidentId']);
      expect(rulesOf(notification, 'subject.incidentId')).toEqual(['isUuid']);

      const shutdown = expectValidation(
        await refused('POST', '/api/ports/calexico-east/shutdowns', {
          as: 'officer.us',
          body: { kind: 'earthquake', lanes: ['commercial:eastbound'], reason: { en: 'x' }, incidentId: 7 },
        }),
      );
      expect(fieldNames(shutdown)).toEqual(['incidentId', 'kind', 'lanes']);

      const signOff = expectValidation(
        await refused('POST', '/api/ports/calexico-east/sign-offs', { as: 'officer.us', body: { side: 'CA' } }),
      );
      expect(signOff.map(({ field, rule }) => [field, rule])).toEqual([['side', 'isIn']]);

      const incident = await reportIncident();
      const translation = expectValidation(
        await refused('POST', `/api/incidents/${incident}/translations`, {
          as: 'officer.us',
          body: { field: 'summary', language: 'fr', text: '' },
        }),
      );
      expect(fieldNames(translation)).toEqual(['field', 'language', 'text']);
    });

    it('refuses a body that is a JSON array or a JSON string', async () => {
      expectValidation(await refused('POST', '/api/incidents', { as: 'officer.us', rawBody: '[]' }));
      const response = await refused('POST', '/api/incidents', { as: 'officer.us', rawBody: '"hazmat"' });
      expectError(response, 400, response.body.code);
    });

    it('refuses malformed JSON with 400, before any route runs', async () => {
      for (const rawBody of ['{"kind": "fire",', "{'kind': 'fire'}", '{"kind": fire}', 'kind=fire']) {
        const response = await refused('POST', '/api/incidents', { as: 'officer.us', rawBody });
        expectError(response, 400, response.body.code);
      }
    });

    it('refuses a body over 1 MB with 413 PAYLOAD_TOO_LARGE', async () => {
      const response = await refused('POST', '/api/incidents', {
        as: 'officer.us',
        body: { ...validIncident(), junk: 'x'.repeat(1_100_000) },
      });
      expectError(response, 413, 'PAYLOAD_TOO_LARGE');
    });

    it.each([
      ['PATCH', '/api/incidents/not-a-uuid', 'id'],
      ['POST', '/api/incidents/12345/closure', 'id'],
      ['POST', '/api/incidents/00000000-0000-0000-0000-00000000000g/situation-reports', 'id'],
      ['POST', `/api/incidents/${randomUUID()}/protective-actions/not-a-uuid/lift`, 'actionId'],
      ['POST', '/api/notifications/abc/acknowledgments', 'id'],
      ['PATCH', '/api/notifications/abc', 'id'],
      ['POST', '/api/ports/Otay_Mesa/shutdowns', 'id'],
      ['POST', '/api/ports/otay-mesa/checklist/Scene%20Safe/completion', 'itemId'],
    ])('refuses %s %s: a malformed id in the path', async (method, path, param) => {
      const fields = expectValidation(await refused(method, path, { as: 'officer.us', body: {} }));
      expect(fields.map(({ field, rule }) => [field, rule])).toEqual([[param, 'format']]);
    });

    it.each(['abc', '*', '"1", "2"', '-1', '1.5', '"0x1"', ''])('refuses If-Match %j', async (ifMatch) => {
      const incident = await reportIncident();
      const fields = expectValidation(
        await refused('PATCH', `/api/incidents/${incident}`, {
          as: 'officer.us',
          body: { severity: 'extreme' },
          headers: { 'if-match': ifMatch },
        }),
      );
      expect(fields).toEqual([
        {
          field: 'If-Match',
          rule: 'revision',
          message: { en: 'If-Match must be a revision such as "3"', es: 'If-Match debe ser una revisión como "3"' },
        },
      ]);
    });

    it.each(['has space', 'x'.repeat(201), 'a/b', 'key;drop', ''])('refuses Idempotency-Key %j', async (key) => {
      const fields = expectValidation(
        await refused('POST', '/api/incidents', {
          as: 'officer.us',
          body: validIncident(),
          headers: { 'idempotency-key': key },
        }),
      );
      expect(fields.map(({ field, rule }) => [field, rule])).toEqual([['Idempotency-Key', 'format']]);
    });

    it('replaces a malformed X-Correlation-Id with a new one rather than echoing it (decision 0026)', async () => {
      const response = await api('POST', '/api/incidents', {
        as: 'officer.us',
        body: validIncident(),
        headers: { 'x-correlation-id': 'two words' },
      });
      expect(response.status).toBe(201);
      expect(response.headers.get('x-correlation-id')).toMatch(/^[0-9a-f-]{36}$/);
    });
  });

  describe('404: unknown resources', () => {
    it('answers INCIDENT.NOT_FOUND for every write to an incident that does not exist', async () => {
      const id = randomUUID();
      const writes: [string, string, object][] = [
        ['PATCH', `/api/incidents/${id}`, { severity: 'minor' }],
        ['POST', `/api/incidents/${id}/protective-actions`, validProtectiveAction()],
        ['POST', `/api/incidents/${id}/protective-actions/${randomUUID()}/lift`, {}],
        ['POST', `/api/incidents/${id}/situation-reports`, { summary: { en: 'x' } }],
        ['POST', `/api/incidents/${id}/national-center-notifications`, {}],
        ['POST', `/api/incidents/${id}/counterpart-center-notifications`, {}],
        ['POST', `/api/incidents/${id}/joint-response-team/activation`, {}],
        ['POST', `/api/incidents/${id}/joint-response-team/deactivation`, {}],
        ['POST', `/api/incidents/${id}/on-scene-coordinators`, { side: 'US', name: 'R. Salinas', agency: 'EPA' }],
        ['POST', `/api/incidents/${id}/translations`, { field: 'title', language: 'es', text: 'Fuga' }],
        ['POST', `/api/incidents/${id}/closure`, { summary: { en: 'Done' } }],
      ];
      for (const [method, path, body] of writes) {
        const error = expectRule(await refused(method, path, { as: 'officer.us', body }), 404, 'INCIDENT.NOT_FOUND');
        expect(error.message).toEqual({ en: 'Incident not found', es: 'Incidente no encontrado' });
      }
      for (const path of [`/api/incidents/${id}`, `/api/incidents/${id}/events`]) {
        expectRule(await refused('GET', path, { as: 'auditor' }), 404, 'INCIDENT.NOT_FOUND');
      }
      expect(await harness.streamEvents(`incident-${id}`)).toEqual([]);
    });

    it('answers INCIDENT.UNKNOWN_PROTECTIVE_ACTION for lifting an action that was never ordered', async () => {
      const incident = await reportIncident();
      const actionId = randomUUID();
      const error = expectRule(
        await refused('POST', `/api/incidents/${incident}/protective-actions/${actionId}/lift`, { as: 'officer.us' }),
        404,
        'INCIDENT.UNKNOWN_PROTECTIVE_ACTION',
      );
      expect(error.details).toEqual({ actionId });
    });

    it('answers NOTIFICATION.NOT_FOUND for every write to a notification that does not exist', async () => {
      const id = randomUUID();
      const writes: [string, string, object][] = [
        ['PATCH', `/api/notifications/${id}`, { severity: 'minor' }],
        ['POST', `/api/notifications/${id}/acknowledgments`, { readIn: 'es' }],
        ['POST', `/api/notifications/${id}/cancellation`, { reason: { en: 'Wrong BLM' } }],
      ];
      for (const [method, path, body] of writes) {
        const error = expectRule(
          await refused(method, path, { as: 'officer.mx', body }),
          404,
          'NOTIFICATION.NOT_FOUND',
        );
        expect(error.message).toEqual({ en: 'Notification not found', es: 'Notificación no encontrada' });
      }
      expectRule(await refused('GET', `/api/notifications/${id}`, { as: 'auditor' }), 404, 'NOTIFICATION.NOT_FOUND');
    });

    it('answers PORT.NOT_FOUND for a port that does not exist', async () => {
      const writes: [string, object][] = [
        ['/api/ports/atlantis-gate/shutdowns', { kind: 'fire', reason: { en: 'Fire' } }],
        ['/api/ports/atlantis-gate/widenings', { reason: { en: 'Fire' } }],
        ['/api/ports/atlantis-gate/joinings', { reason: { en: 'Fire' } }],
        [
          '/api/ports/atlantis-gate/checklist/items',
          { owner: 'US', agency: 'CBP', critical: true, text: { en: 'x', es: 'x' } },
        ],
        ['/api/ports/atlantis-gate/checklist/us-fire-cleared/completion', {}],
        ['/api/ports/atlantis-gate/checklist/us-fire-cleared/waiver', { reason: { en: 'n/a' } }],
        ['/api/ports/atlantis-gate/checklist/us-fire-cleared/reopening', { reason: { en: 'n/a' } }],
        ['/api/ports/atlantis-gate/sign-offs', { side: 'US' }],
        ['/api/ports/atlantis-gate/reopenings', {}],
      ];
      for (const [path, body] of writes) {
        const error = expectRule(await refused('POST', path, { as: 'officer.us', body }), 404, 'PORT.NOT_FOUND');
        expect(error.message).toEqual({
          en: 'Port of entry atlantis-gate not found',
          es: 'Puerto de entrada atlantis-gate no encontrado',
        });
      }
      expectRule(await refused('GET', '/api/ports/atlantis-gate', { as: 'planner' }), 404, 'PORT.NOT_FOUND');
      expect(await harness.streamEvents('port-atlantis-gate')).toEqual([]);
    });

    it('answers PORT.UNKNOWN_CHECKLIST_ITEM for an item not in the checklist of the shutdown', async () => {
      await declareShutdown('san-luis-ii', 'flood');
      for (const [action, body] of [
        ['completion', {}],
        ['waiver', { reason: { en: 'n/a' } }],
      ] as const) {
        const error = expectRule(
          await refused('POST', `/api/ports/san-luis-ii/checklist/us-fire-cleared/${action}`, {
            as: 'officer.us',
            body,
          }),
          404,
          'PORT.UNKNOWN_CHECKLIST_ITEM',
        );
        expect(error.details).toEqual({ itemId: 'us-fire-cleared' });
        expect(error.message.es).toBe('Elemento de la lista us-fire-cleared no encontrado');
      }
    });

    it('answers 404 NOT_FOUND for a route that does not exist', async () => {
      expectError(await refused('POST', '/api/incidents/x/y/z', { as: 'officer.us', body: {} }), 404, 'NOT_FOUND');
      expectError(await refused('DELETE', `/api/incidents/${randomUUID()}`, { as: 'officer.us' }), 404, 'NOT_FOUND');
    });
  });

  describe('409: a stale If-Match', () => {
    it('answers REVISION_CONFLICT with the current revision in details and in the ETag', async () => {
      const incident = await reportIncident();
      await write('PATCH', `/api/incidents/${incident}`, {
        as: 'officer.us',
        body: { severity: 'extreme' },
        headers: { 'if-match': '"0"' },
      });
      for (const stale of ['"0"', 'W/"0"', '0', '"7"']) {
        const response = await refused('POST', `/api/incidents/${incident}/situation-reports`, {
          as: 'officer.mx',
          body: { summary: { es: 'Se evacuó la zona' } },
          headers: { 'if-match': stale },
        });
        const error = expectRule(response, 409, 'REVISION_CONFLICT');
        expect(error.details).toEqual({ currentRevision: 1, expectedRevision: Number(/\d+/.exec(stale)![0]) });
        expect(response.headers.get('etag')).toBe('"1"');
      }
      expect(await harness.streamEvents(`incident-${incident}`)).toHaveLength(2);
    });

    it('answers REVISION_CONFLICT on a notification and on a port too', async () => {
      const notification = await issueNotification();
      await write('POST', `/api/notifications/${notification}/acknowledgments`, { as: 'officer.mx', body: {} });
      const onNotification = await refused('PATCH', `/api/notifications/${notification}`, {
        as: 'officer.us',
        body: { severity: 'minor' },
        headers: { 'if-match': '"0"' },
      });
      expect(expectRule(onNotification, 409, 'REVISION_CONFLICT').details).toEqual({
        currentRevision: 1,
        expectedRevision: 0,
      });
      expect(onNotification.headers.get('etag')).toBe('"1"');

      await declareShutdown('naco', 'fire');
      const onPort = await refused('POST', '/api/ports/naco/sign-offs', {
        as: 'officer.us',
        body: { side: 'US' },
        headers: { 'if-match': '"3"' },
      });
      expect(expectRule(onPort, 409, 'REVISION_CONFLICT').details).toEqual({ currentRevision: 0, expectedRevision: 3 });
      expect(onPort.headers.get('etag')).toBe('"0"');
    });
  });

  describe('422 and 403: business rules, in English and Spanish with precise details', () => {
    it('blocks a reopening phase, listing the open critical items and the missing sign-offs', async () => {
      await declareShutdown('tecate', 'hazmat-release');
      await write('POST', '/api/ports/tecate/checklist/us-environmental-clearance/completion', {
        as: 'officer.us',
        body: { note: { en: 'EPA cleared' } },
      });
      await write('POST', '/api/ports/tecate/checklist/mx-environmental-clearance/waiver', {
        as: 'officer.mx',
        body: { reason: { es: 'Sin contaminación del lado mexicano' } },
      });
      const before = await harness.streamEvents('port-tecate');

      const error = expectRule(
        await refused('POST', '/api/ports/tecate/reopenings', { as: 'officer.us', body: {} }),
        422,
        'PORT.REOPENING_BLOCKED',
      );
      const open = error.details.openCriticalItems as { id: string; text: { en: string; es: string } }[];
      const expected = [
        'air-monitoring-below-action-levels',
        'scene-declared-safe',
        'us-staffing-in-place',
        'mx-staffing-in-place',
        'us-inspection-systems-online',
        'mx-inspection-systems-online',
        'reopening-time-agreed',
      ];
      expect(open.map(({ id }) => id)).toEqual(expected);
      expect(open[0]).toEqual({
        id: 'air-monitoring-below-action-levels',
        text: { en: aString, es: aString },
        owner: 'JOINT',
        agency: 'JRT',
      });
      expect(error.details.missingSignOffs).toEqual(['US', 'MX']);
      expect(error.details.signOffsToRenew).toEqual([]);
      for (const id of expected) {
        expect(error.message.en).toContain(id);
        expect(error.message.es).toContain(id);
      }
      expect(error.message.en).toContain('sign-off missing from: US, MX');
      expect(error.message.es).toContain('falta la firma de: US, MX');
      expect(error.message.en).not.toContain('us-environmental-clearance');
      expect(await harness.streamEvents('port-tecate')).toEqual(before);

      const checklist = await api<{ blockers: { missingSignOffs: string[] } }>('GET', '/api/ports/tecate/checklist', {
        as: 'auditor',
      });
      expect(checklist.body.blockers.missingSignOffs).toEqual(['US', 'MX']);
    });

    it('refuses a sign-off for the other side (403 AUTH.WRONG_SIDE) and a second sign-off (422)', async () => {
      await declareShutdown('douglas', 'security-threat');
      const wrongSide = expectRule(
        await refused('POST', '/api/ports/douglas/sign-offs', { as: 'officer.us', body: { side: 'MX' } }),
        403,
        'AUTH.WRONG_SIDE',
      );
      expect(wrongSide.details).toEqual({ side: 'MX', actorSide: 'US' });
      expect(wrongSide.message.es).toBe('Solo un oficial mexicano puede firmar por el lado mexicano');

      await resolveCriticalItems('douglas', 'MX');
      await write('POST', '/api/ports/douglas/sign-offs', { as: 'officer.mx', body: { side: 'MX' } });
      const twice = expectRule(
        await refused('POST', '/api/ports/douglas/sign-offs', { as: 'officer.mx', body: { side: 'MX' } }),
        422,
        'PORT.ALREADY_SIGNED_OFF',
      );
      expect(twice.details).toMatchObject({
        side: 'MX',
        signOff: { side: 'MX', agency: 'ANAM', officer: 'officer.mx' },
      });
      expect(twice.message).toEqual({ en: 'The Mexican side has already signed off', es: 'El lado mexicano ya firmó' });
    });

    it('refuses an item of the other side (403) and an item resolved twice (422)', async () => {
      await declareShutdown('columbus', 'fire');
      const otherSide = expectRule(
        await refused('POST', '/api/ports/columbus/checklist/mx-fire-cleared/completion', {
          as: 'officer.us',
          body: {},
        }),
        403,
        'AUTH.WRONG_SIDE',
      );
      expect(otherSide.details).toEqual({ itemId: 'mx-fire-cleared', owner: 'MX', actorSide: 'US' });

      await write('POST', '/api/ports/columbus/checklist/reopening-time-agreed/completion', {
        as: 'officer.mx',
        body: {},
      });
      for (const [action, body] of [
        ['completion', {}],
        ['waiver', { reason: { en: 'Agreed' } }],
      ] as const) {
        const resolved = expectRule(
          await refused('POST', `/api/ports/columbus/checklist/reopening-time-agreed/${action}`, {
            as: 'officer.us',
            body,
          }),
          422,
          'PORT.CHECKLIST_ITEM_RESOLVED',
        );
        expect(resolved.details).toEqual({ itemId: 'reopening-time-agreed', status: 'completed' });
        expect(resolved.message.es).toBe('El elemento reopening-time-agreed ya está completado');
      }
    });

    it('refuses a second shutdown, an unknown lane, and sign-offs or reopenings with no shutdown', async () => {
      await declareShutdown('presidio', 'flood');
      const again = expectRule(
        await refused('POST', '/api/ports/presidio/shutdowns', {
          as: 'officer.mx',
          body: { kind: 'fire', reason: { es: 'Incendio' } },
        }),
        422,
        'PORT.SHUTDOWN_IN_PROGRESS',
      );
      expect(again.details).toEqual({ shutdownId: aString, declaredBy: 'US', parties: ['US'] });

      await refusedByRule(
        'POST',
        '/api/ports/boquillas/shutdowns',
        { kind: 'fire', lanes: ['rail:northbound'], reason: { en: 'Fire' } },
        'PORT.UNKNOWN_LANE',
        { lanes: ['rail:northbound'], portLanes: anArray },
      );

      for (const [path, body] of [
        ['/api/ports/boquillas/sign-offs', { side: 'US' }],
        ['/api/ports/boquillas/reopenings', {}],
        ['/api/ports/boquillas/checklist/us-fire-cleared/completion', {}],
      ] as const) {
        await refusedByRule('POST', path, body, 'PORT.NO_ACTIVE_SHUTDOWN', { portId: 'boquillas' });
      }
    });

    it('refuses a shutdown linked to an incident that does not exist (PORT.UNKNOWN_INCIDENT)', async () => {
      const incidentId = randomUUID();
      const error = await refusedByRule(
        'POST',
        '/api/ports/sasabe/shutdowns',
        { kind: 'hazmat-release', reason: { en: 'Leak' }, incidentId },
        'PORT.UNKNOWN_INCIDENT',
        { incidentId },
      );
      expect(error.message).toEqual({
        en: `Incident ${incidentId} does not exist`,
        es: `El incidente ${incidentId} no existe`,
      });
      expect(await harness.streamEvents('port-sasabe')).toEqual([]);
    });

    it('refuses acknowledging twice, and an agency that is not a recipient', async () => {
      const notification = await issueNotification('officer.mx');
      await write('POST', `/api/notifications/${notification}/acknowledgments`, {
        as: 'officer.us',
        body: { readIn: 'en' },
      });
      const twice = await refusedByRule(
        'POST',
        `/api/notifications/${notification}/acknowledgments`,
        {},
        'NOTIFICATION.ALREADY_ACKNOWLEDGED',
        {
          acknowledgment: {
            agency: 'CBP',
            side: 'US',
            officer: 'officer.us',
            readIn: 'en',
            at: aString,
          },
        },
      );
      expect(twice.message).toEqual({ en: 'CBP (U.S.) already acknowledged', es: 'CBP (EE. UU.) ya acusó recibo' });

      const epa = await harness.token('officer.epa');
      const stranger = expectRule(
        await refused('POST', `/api/notifications/${notification}/acknowledgments`, {
          body: {},
          headers: { authorization: `Bearer ${epa}` },
        }),
        403,
        'NOTIFICATION.NOT_A_RECIPIENT',
      );
      expect(stranger.details).toEqual({ agency: 'EPA', side: 'US' });
      expect(stranger.message).toEqual({
        en: 'EPA (U.S.) is not a recipient of this notification',
        es: 'EPA (EE. UU.) no es destinatario de esta notificación',
      });
    });

    it('refuses changes by the other side, and anything on a cancelled notification', async () => {
      const notification = await issueNotification('officer.us');
      for (const [method, path, body] of [
        ['PATCH', `/api/notifications/${notification}`, { severity: 'minor' }],
        ['POST', `/api/notifications/${notification}/cancellation`, { reason: { es: 'Error' } }],
      ] as const) {
        const error = expectRule(await refused(method, path, { as: 'officer.mx', body }), 403, 'AUTH.WRONG_SIDE');
        expect(error.details).toEqual({ issuingSide: 'US', actorSide: 'MX' });
      }
      await write('POST', `/api/notifications/${notification}/cancellation`, {
        as: 'officer.us',
        body: { reason: { en: 'Issued in error' } },
      });
      for (const [method, path, body] of [
        ['POST', `/api/notifications/${notification}/acknowledgments`, {}],
        ['POST', `/api/notifications/${notification}/cancellation`, { reason: { en: 'Again' } }],
        ['PATCH', `/api/notifications/${notification}`, { severity: 'minor' }],
      ] as const) {
        const error = expectRule(
          await refused(method, path, { as: 'officer.us', body }),
          422,
          'NOTIFICATION.CANCELLED',
        );
        expect(error.details).toEqual({ notificationId: notification });
      }
    });

    it('refuses an unknown BLM, an unknown port, a past deadline and an empty update', async () => {
      const blm = await refusedByRule(
        'POST',
        '/api/notifications',
        { ...validNotification(), blmId: 'blm-atlantis' },
        'NOTIFICATION.UNKNOWN_BLM',
        { blmId: 'blm-atlantis' },
      );
      expect(blm.message.es).toBe('Mecanismo de Enlace Fronterizo desconocido: blm-atlantis');

      await refusedByRule(
        'POST',
        '/api/notifications',
        { ...validNotification(), subject: { portId: 'atlantis-gate' } },
        'NOTIFICATION.UNKNOWN_PORT',
        { portId: 'atlantis-gate' },
      );

      await refusedByRule(
        'POST',
        '/api/notifications',
        { ...validNotification(), acknowledgmentDeadline: '2020-01-01T00:00:00Z' },
        'NOTIFICATION.DEADLINE_PASSED',
        { acknowledgmentDeadline: '2020-01-01T00:00:00Z', now: aString },
      );

      const notification = await issueNotification();
      expectRule(
        await refused('PATCH', `/api/notifications/${notification}`, { as: 'officer.us', body: {} }),
        422,
        'NOTIFICATION.NOTHING_TO_UPDATE',
      );
    });

    it('refuses closing a closed incident, and closing while the JRT is active or an action in force', async () => {
      const incident = await reportIncident('officer.mx');
      await write('POST', `/api/incidents/${incident}/joint-response-team/activation`, { as: 'officer.mx' });
      const action = await write('POST', `/api/incidents/${incident}/protective-actions`, {
        as: 'officer.mx',
        body: validProtectiveAction(),
      });
      const { actionId } = (await harness.streamEvents(`incident-${incident}`)).at(-1)!.data as { actionId: string };
      expect(action.events.map(({ type }) => type)).toEqual(['ProtectiveActionOrdered']);

      await refusedByRule(
        'POST',
        `/api/incidents/${incident}/closure`,
        { summary: { en: 'Done' } },
        'INCIDENT.CANNOT_CLOSE',
        {
          jointResponseTeam: 'active',
          protectiveActionsInForce: [actionId],
          protectiveActionsBySide: { MX: [actionId] },
        },
      );

      for (const as of ['officer.us', 'officer.mx']) {
        await write('POST', `/api/incidents/${incident}/joint-response-team/deactivation`, { as });
      }
      await write('POST', `/api/incidents/${incident}/protective-actions/${actionId}/lift`, {
        as: 'officer.mx',
      });
      await write('POST', `/api/incidents/${incident}/closure`, {
        as: 'officer.mx',
        body: { summary: { es: 'Atendido' } },
      });
      for (const [path, body] of [
        [`/api/incidents/${incident}/closure`, { summary: { en: 'Again' } }],
        [`/api/incidents/${incident}/situation-reports`, { summary: { en: 'Late report' } }],
      ] as const) {
        const closed = await refusedByRule('POST', path, body, 'INCIDENT.CLOSED', { incidentId: incident });
        expect(closed.message).toEqual({ en: 'The incident is closed', es: 'El incidente está cerrado' });
      }
    });

    it('refuses an incident report naming an unknown port, an unknown plan or a future observation', async () => {
      const port = await refusedByRule(
        'POST',
        '/api/incidents',
        { ...validIncident(), affectedPortIds: ['otay-mesa', 'atlantis-gate'] },
        'INCIDENT.UNKNOWN_PORT',
        { portIds: ['atlantis-gate'] },
      );
      expect(port.message).toEqual({
        en: 'Unknown port of entry: atlantis-gate',
        es: 'Puerto de entrada desconocido: atlantis-gate',
      });

      await refusedByRule(
        'POST',
        '/api/incidents',
        { ...validIncident(), sisterCityPlanId: 'scp-atlantis' },
        'INCIDENT.UNKNOWN_SISTER_CITY_PLAN',
        { sisterCityPlanId: 'scp-atlantis' },
      );

      await refusedByRule(
        'POST',
        '/api/incidents',
        { ...validIncident(), observedAt: '2099-01-01T00:00:00Z' },
        'INCIDENT.OBSERVED_IN_FUTURE',
        { observedAt: '2099-01-01T00:00:00Z', now: aString },
      );

      const incident = await reportIncident();
      await refusedByRule(
        'PATCH',
        `/api/incidents/${incident}`,
        { affectedPortIds: ['atlantis-gate'] },
        'INCIDENT.UNKNOWN_PORT',
        { portIds: ['atlantis-gate'] },
      );
    });

    it('refuses the JCP steps out of order, twice, or for the other side', async () => {
      const incident = await reportIncident();
      await refusedByRule(
        'POST',
        `/api/incidents/${incident}/counterpart-center-notifications`,
        {},
        'INCIDENT.NATIONAL_CENTER_NOT_NOTIFIED',
        { side: 'US' },
      );

      await write('POST', `/api/incidents/${incident}/national-center-notifications`, {
        as: 'officer.us',
        body: { reference: 'NRC-1380012' },
      });
      await refusedByRule(
        'POST',
        `/api/incidents/${incident}/national-center-notifications`,
        {},
        'INCIDENT.NATIONAL_CENTER_ALREADY_NOTIFIED',
        { side: 'US' },
      );

      expectRule(
        await refused('POST', `/api/incidents/${incident}/joint-response-team/deactivation`, { as: 'officer.us' }),
        422,
        'INCIDENT.JRT_NOT_ACTIVE',
      );

      const osc = expectRule(
        await refused('POST', `/api/incidents/${incident}/on-scene-coordinators`, {
          as: 'officer.us',
          body: { side: 'MX', name: 'J. Pérez', agency: 'PC' },
        }),
        403,
        'AUTH.WRONG_SIDE',
      );
      expect(osc.details).toEqual({ side: 'MX', actorSide: 'US' });

      const exists = expectRule(
        await refused('POST', `/api/incidents/${incident}/translations`, {
          as: 'officer.mx',
          body: { field: 'title', language: 'en', text: 'Another title' },
        }),
        422,
        'INCIDENT.TRANSLATION_EXISTS',
      );
      expect(exists.details).toEqual({ field: 'title', language: 'en' });

      expectRule(
        await refused('PATCH', `/api/incidents/${incident}`, { as: 'officer.us', body: {} }),
        422,
        'INCIDENT.NOTHING_TO_UPDATE',
      );
    });

    it('refuses an Idempotency-Key reused for a different body (422), and replays the same one', async () => {
      const key = `report-${randomUUID()}`;
      const first = await api<WriteBody>('POST', '/api/incidents', {
        as: 'officer.us',
        body: validIncident(),
        headers: { 'idempotency-key': key },
      });
      expect(first.status).toBe(201);

      const reused = expectRule(
        await refused('POST', '/api/incidents', {
          as: 'officer.us',
          body: { ...validIncident(), severity: 'minor' },
          headers: { 'idempotency-key': key },
        }),
        422,
        'IDEMPOTENCY_KEY_REUSED',
      );
      expect(reused.details).toEqual({ idempotencyKey: key });
      expect(reused.message).toEqual({
        en: 'This Idempotency-Key was already used for a different request',
        es: 'Esta Idempotency-Key ya se usó para una solicitud distinta',
      });

      const onAnotherRoute = expectRule(
        await refused('POST', `/api/incidents/${first.body.id}/situation-reports`, {
          as: 'officer.us',
          body: { summary: { en: 'Update' } },
          headers: { 'idempotency-key': key },
        }),
        422,
        'IDEMPOTENCY_KEY_REUSED',
      );
      expect(onAnotherRoute.details).toEqual({ idempotencyKey: key });

      const before = await eventCount();
      const replay = await api<WriteBody>('POST', '/api/incidents', {
        as: 'officer.us',
        body: validIncident(),
        headers: { 'idempotency-key': key },
      });
      expect(replay.status).toBe(201);
      expect(replay.body).toMatchObject({ id: first.body.id, replayed: true, events: first.body.events });
      expect(replay.headers.get('idempotent-replayed')).toBe('true');
      expect(await eventCount()).toBe(before);
    });
  });

  // Regressions: defects these tests found and the api now handles. They run last: before the fixes, two of them
  // stored an incident that broke every later read of the incident board in this schema.
  describe('defects found and fixed', () => {
    it('answers malformed JSON with code MALFORMED_JSON and a Spanish message', async () => {
      const error = expectError(
        await refused('POST', '/api/incidents', { as: 'officer.us', rawBody: '{"kind": "fire",' }),
        400,
        'MALFORMED_JSON',
      );
      expect(error.message).toEqual({ en: 'The body is not valid JSON', es: 'El cuerpo no es JSON válido' });
    });

    it('answers an unsupported charset with 415 UNSUPPORTED_ENCODING', async () => {
      expectError(
        await refused('POST', '/api/incidents', {
          as: 'officer.us',
          rawBody: JSON.stringify(validIncident()),
          headers: { 'content-type': 'application/json; charset=klingon' },
        }),
        415,
        'UNSUPPORTED_ENCODING',
      );
    });

    it.each([
      ['an incident', 'location: []', () => ({ ...validIncident(), location: [] }), 'location'],
      [
        'an incident',
        'location: [location]',
        () => ({ ...validIncident(), location: [validIncident().location] }),
        'location',
      ],
      ['an incident', 'casualties: []', () => ({ ...validIncident(), casualties: [] }), 'casualties'],
      ['a notification', 'subject: []', () => ({ ...validNotification(), subject: [] }), 'subject'],
      ['a protective action', 'center: []', () => ({ ...validProtectiveAction(), center: [] }), 'center'],
    ])(
      'refuses an array where an object belongs: %s with %s (400, nothing appended)',
      async (what, _l, body, field) => {
        const path =
          what === 'a notification'
            ? '/api/notifications'
            : what === 'a protective action'
              ? `/api/incidents/${await reportIncident()}/protective-actions`
              : '/api/incidents';
        const fields = expectValidation(await refused('POST', path, { as: 'officer.us', body: body() }));
        expect(fieldNames(fields)).toEqual([field]);
      },
    );

    it('refuses a lone UTF-16 surrogate in a text with a 4xx', async () => {
      const raw = JSON.stringify(validIncident()).replace('Chlorine', '\\ud800');
      const response = await refused('POST', '/api/incidents', { as: 'officer.us', rawBody: raw });
      expect(response.status).toBeGreaterThanOrEqual(400);
      expect(response.status).toBeLessThan(500);
      expectError(response, response.status, response.body.code);
    });

    it('refuses deeply nested JSON with a 4xx', async () => {
      const deep = `{"title":${'['.repeat(3000)}${']'.repeat(3000)}}`;
      const response = await refused('POST', '/api/incidents', { as: 'officer.us', rawBody: deep });
      expect(response.status).toBeGreaterThanOrEqual(400);
      expect(response.status).toBeLessThan(500);
    });

    it('names the body field, with English and Spanish, when a text holds a NUL character', async () => {
      const fields = expectValidation(
        await refused('POST', '/api/incidents', {
          as: 'officer.us',
          body: { ...validIncident(), title: { en: 'Chlorine\u0000leak' } },
        }),
      );
      expect(fields.map(({ field }) => field)).toEqual([expect.stringMatching(/^title/)]);
    });

    it('refuses an unknown field called "constructor"', async () => {
      const raw = JSON.stringify(validIncident()).replace('{', '{"constructor":{"prototype":1},');
      const fields = expectValidation(await refused('POST', '/api/incidents', { as: 'officer.us', rawBody: raw }));
      expect(fieldNames(fields)).toEqual(['constructor']);
    });

    it('accepts an existing incident id in upper case when declaring a shutdown', async () => {
      const incident = await reportIncident();
      const response = await api('POST', '/api/ports/antelope-wells/shutdowns', {
        as: 'officer.us',
        body: { kind: 'hazmat-release', reason: { en: 'Leak' }, incidentId: incident.toUpperCase() },
      });
      expect(response.status).toBe(201);
    });

    it.each([
      ['incident', 'severity'],
      ['notification', 'title'],
      ['incident', 'location'],
    ])('refuses a PATCH setting the %s %s to null, and the resource stays readable', async (kind, field) => {
      const id = kind === 'incident' ? await reportIncident() : await issueNotification();
      const response = await refused('PATCH', `/api/${kind}s/${id}`, { as: 'officer.us', body: { [field]: null } });
      expect(response.status).toBeGreaterThanOrEqual(400);
      expect(response.status).toBeLessThan(500);
      expect((await api('GET', `/api/${kind}s/${id}`, { as: 'auditor' })).status).toBe(200);
      expect((await api('GET', `/api/${kind}s`, { as: 'auditor' })).status).toBe(200);
    });

    it.each([
      ['an incident', 'location', () => ({ ...validIncident(), location: undefined })],
      ['a protective action', 'center', () => ({ ...validProtectiveAction(), center: undefined })],
      ['a notification', 'subject', () => ({ ...validNotification(), subject: undefined })],
    ])('refuses %s without its required %s object (400, nothing appended)', async (what, field, body) => {
      const path =
        what === 'a notification'
          ? '/api/notifications'
          : what === 'a protective action'
            ? `/api/incidents/${await reportIncident()}/protective-actions`
            : '/api/incidents';
      const fields = expectValidation(await refused('POST', path, { as: 'officer.us', body: body() }));
      expect(fieldNames(fields)).toEqual([field]);
    });

    // Last, with the test above: an incident stored without location breaks the incident board of this schema.
    it('keeps the incident and the incident board readable after a report without location', async () => {
      const { location: _location, ...withoutLocation } = validIncident();
      const response = await api<WriteBody>('POST', '/api/incidents', {
        as: 'officer.us',
        body: withoutLocation,
      });
      if (response.status >= 400) return; // refused: nothing stored, nothing to break
      const reads = await Promise.all(
        [`/api/incidents/${response.body.id}`, '/api/incidents?status=all'].map(
          async (path) => [path, (await api('GET', path, { as: 'auditor' })).status] as const,
        ),
      );
      expect(reads.filter(([, status]) => status >= 500)).toEqual([]);
    });
  });
});
