import { apiForTheseTests, type ApiResponse } from './testing/api-harness.js';

/**
 * The two-sided rules through HTTP on the real PostgreSQL store (decision 0008): the Otay Mesa walk-around that
 * used to reopen 10 of 11 lanes alone, sign-offs refused and withdrawn, a shutdown widened and joined, and a
 * protective action only its own side may lift. Every refusal is checked to append nothing.
 */
const api = apiForTheseTests();

interface ErrorBody {
  code: string;
  message: { en: string; es: string };
  details: Record<string, unknown>;
}

interface Item {
  id: string;
  owner: 'US' | 'MX' | 'JOINT';
  critical: boolean;
  status: string;
}

interface Port {
  status: string;
  lanes: { id: string; direction: string }[];
  revision: number;
  activeShutdown: {
    scope: string;
    closedLanes: string[];
    checklist: { items: Item[] };
    signOffs: Record<string, unknown>;
    signOffsToRenew: Record<string, { reason: { en: string; es: string }; cause: string }>;
    blockers: { missingSignOffs: string[]; signOffsToRenew: string[]; openCriticalItems: { id: string }[] };
  } | null;
  checklistProgress: { signOffs: { US: boolean; MX: boolean }; signOffsToRenew: string[] } | null;
}

const officer = (side: 'US' | 'MX') => (side === 'US' ? 'officer.us' : 'officer.mx');

async function write(method: string, path: string, as: string, body: unknown = {}) {
  const response = await api().request<{ id: string; events: { type: string }[]; position: string }>(method, path, {
    as,
    body,
  });
  if (response.status >= 300) throw new Error(`${method} ${path}: ${response.status} ${JSON.stringify(response.body)}`);
  return response.body;
}

/** A refusal: its status and code, both languages, and nothing appended anywhere. */
async function refused(method: string, path: string, as: string, body: unknown, status: number, code: string) {
  const before = (await api().allEvents()).length;
  const response: ApiResponse<ErrorBody> = await api().request<ErrorBody>(method, path, { as, body });
  expect({ status: response.status, code: response.body.code }).toEqual({ status, code });
  expect(response.body.message.en.length).toBeGreaterThan(0);
  expect(response.body.message.es.length).toBeGreaterThan(0);
  expect(await api().allEvents()).toHaveLength(before);
  return response.body;
}

const port = async (id: string) => (await api().request<Port>('GET', `/api/ports/${id}`, { as: 'auditor' })).body;
const boardEntry = async (id: string, after: string) =>
  (await api().request<(Port & { id: string })[]>('GET', `/api/ports?after=${after}`, { as: 'auditor' })).body.find(
    (entry) => entry.id === id,
  )!;

async function resolveCritical(portId: string, owners: ('US' | 'MX' | 'JOINT')[]) {
  for (const item of (await port(portId)).activeShutdown!.checklist.items) {
    if (!item.critical || item.status !== 'open' || !owners.includes(item.owner)) continue;
    await write(
      'POST',
      `/api/ports/${portId}/checklist/${item.id}/completion`,
      officer(item.owner === 'MX' ? 'MX' : 'US'),
    );
  }
}

describe('the Otay Mesa walk-around, replayed through the API', () => {
  it('full shutdown, 0 of 14 items done, no sign-off: one U.S. officer reopening 10 of 11 lanes gets 422 and nothing is appended', async () => {
    await write('POST', '/api/ports/otay-mesa/shutdowns', 'officer.us', {
      kind: 'hazmat-release',
      reason: { en: 'Chlorine release', es: 'Fuga de cloro' },
    });
    await write('POST', '/api/ports/otay-mesa/joinings', 'officer.mx', { reason: { es: 'Fuga de cloro' } });
    const closed = await port('otay-mesa');
    expect(closed.lanes).toHaveLength(11);
    expect(closed.status).toBe('closed');
    expect(closed.activeShutdown).toMatchObject({ scope: 'full', signOffs: {} });
    expect(closed.activeShutdown!.closedLanes).toHaveLength(11);
    const items = closed.activeShutdown!.checklist.items;
    expect(items).toHaveLength(14);
    expect(items.every((item) => item.status === 'open')).toBe(true);

    const tenOfEleven = closed.lanes.slice(0, 10).map((lane) => lane.id);
    expect(tenOfEleven.filter((lane) => lane.endsWith(':southbound')).length).toBeGreaterThan(0);
    const error = await refused(
      'POST',
      '/api/ports/otay-mesa/reopenings',
      'officer.us',
      { lanes: tenOfEleven },
      422,
      'PORT.REOPENING_BLOCKED',
    );
    expect(error.details).toMatchObject({ phase: 1, missingSignOffs: ['US', 'MX'], signOffsToRenew: [] });
    expect(error.details.openCriticalItems).toHaveLength(items.filter((item) => item.critical).length);
    expect(error.message.en).toContain('neither side reopens on its own');
    expect(error.message.es).toContain('ningún lado reabre por su cuenta');
    expect(error.message.es).toContain('falta la firma de: US, MX');
    // Nor with the lanes left out, nor one lane at a time.
    await refused('POST', '/api/ports/otay-mesa/reopenings', 'officer.us', {}, 422, 'PORT.REOPENING_BLOCKED');
    await refused(
      'POST',
      '/api/ports/otay-mesa/reopenings',
      'officer.mx',
      { lanes: ['passenger:southbound'] },
      422,
      'PORT.REOPENING_BLOCKED',
    );

    const after = await port('otay-mesa');
    expect(after).toMatchObject({ status: 'closed', activeShutdown: { scope: 'full', phases: 0 } });
  });

  it("refuses a side's sign-off while its own critical items are open, naming them", async () => {
    const items = (await port('otay-mesa')).activeShutdown!.checklist.items;
    const error = await refused(
      'POST',
      '/api/ports/otay-mesa/sign-offs',
      'officer.us',
      { side: 'US' },
      422,
      'PORT.SIGN_OFF_BLOCKED',
    );
    const usCritical = items.filter((item) => item.critical && item.owner === 'US').map((item) => item.id);
    expect((error.details.openCriticalItems as { id: string }[]).map((item) => item.id)).toEqual(usCritical);
    for (const id of usCritical) {
      expect(error.message.en).toContain(id);
      expect(error.message.es).toContain(id);
    }
  });

  it('withdraws a sign-off when a later change touches its side or a joint item; the read models show it to renew', async () => {
    await resolveCritical('otay-mesa', ['US', 'MX', 'JOINT']);
    await write('POST', '/api/ports/otay-mesa/sign-offs', 'officer.us', { side: 'US' });
    await write('POST', '/api/ports/otay-mesa/sign-offs', 'officer.mx', { side: 'MX' });

    const undone = await write(
      'POST',
      '/api/ports/otay-mesa/checklist/air-monitoring-below-action-levels/reopening',
      'officer.mx',
      {
        reason: { en: 'Chlorine at 1.2 ppm at booth 3', es: 'Cloro a 1.2 ppm en la caseta 3' },
      },
    );
    expect(undone.events.map((event) => event.type)).toEqual([
      'ChecklistItemReopened',
      'ResumptionSignOffWithdrawn',
      'ResumptionSignOffWithdrawn',
    ]);
    const entry = await boardEntry('otay-mesa', undone.position);
    expect(entry.checklistProgress).toMatchObject({
      signOffs: { US: false, MX: false },
      signOffsToRenew: ['US', 'MX'],
    });
    expect(entry.activeShutdown!.signOffsToRenew.US).toMatchObject({
      cause: 'item-reopened',
      reason: {
        en: 'Checklist item air-monitoring-below-action-levels was reopened after the U.S. sign-off',
        es: 'Se reabrió el elemento air-monitoring-below-action-levels de la lista después de la firma del lado estadounidense',
      },
    });
    const blocked = await refused(
      'POST',
      '/api/ports/otay-mesa/reopenings',
      'officer.us',
      { lanes: ['fast:northbound'] },
      422,
      'PORT.REOPENING_BLOCKED',
    );
    expect(blocked.details).toMatchObject({
      signOffsToRenew: ['US', 'MX'],
      openCriticalItems: [{ id: 'air-monitoring-below-action-levels' }],
    });

    await resolveCritical('otay-mesa', ['JOINT']);
    await write('POST', '/api/ports/otay-mesa/sign-offs', 'officer.us', { side: 'US' });
    await write('POST', '/api/ports/otay-mesa/sign-offs', 'officer.mx', { side: 'MX' });

    // Mexico adds a critical item of its own: only its sign-off is withdrawn, and it cannot sign again until done.
    const added = await write('POST', '/api/ports/otay-mesa/checklist/items', 'officer.mx', {
      owner: 'MX',
      agency: 'PROFEPA',
      critical: true,
      text: { en: 'Drains of the Mexican lot sampled', es: 'Drenajes del patio mexicano muestreados' },
    });
    expect(added.events.map((event) => event.type)).toEqual(['ChecklistItemAdded', 'ResumptionSignOffWithdrawn']);
    const renewal = await refused(
      'POST',
      '/api/ports/otay-mesa/sign-offs',
      'officer.mx',
      { side: 'MX' },
      422,
      'PORT.SIGN_OFF_BLOCKED',
    );
    expect(renewal.details).toEqual({
      side: 'MX',
      openCriticalItems: [expect.objectContaining({ id: 'mx-added-1', owner: 'MX', agency: 'PROFEPA' })],
    });
    const now = await port('otay-mesa');
    expect(now.activeShutdown!.blockers).toMatchObject({ missingSignOffs: ['MX'], signOffsToRenew: ['MX'] });
    expect(Object.keys(now.activeShutdown!.signOffs)).toEqual(['US']);
  });

  it('reopens in phases once both sign-offs are in force: each side its own lanes, narrowing the shutdown', async () => {
    await write('POST', '/api/ports/otay-mesa/checklist/mx-added-1/completion', 'officer.mx');
    await write('POST', '/api/ports/otay-mesa/sign-offs', 'officer.mx', { side: 'MX' });

    await refused(
      'POST',
      '/api/ports/otay-mesa/reopenings',
      'officer.us',
      { lanes: ['passenger:southbound'] },
      403,
      'AUTH.WRONG_SIDE',
    );
    await write('POST', '/api/ports/otay-mesa/reopenings', 'officer.us', {
      lanes: ['passenger:northbound', 'fast:northbound'],
    });
    const narrowed = await port('otay-mesa');
    expect(narrowed).toMatchObject({ status: 'partially-closed', activeShutdown: { scope: 'partial', phases: 1 } });

    await write('POST', '/api/ports/otay-mesa/reopenings', 'officer.mx', {});
    const last = await write('POST', '/api/ports/otay-mesa/reopenings', 'officer.us', {});
    expect(last.events.map((event) => event.type)).toEqual(['PortLanesReopened', 'PortReopened']);
    expect(await port('otay-mesa')).toMatchObject({ status: 'open', activeShutdown: null });
  });
});

describe('a shutdown that changes while it runs', () => {
  it('is widened by its side, joined by the other with its own lanes, and shows the lanes closed now', async () => {
    const { lanes } = await port('tecate');
    const north = lanes.filter((lane) => lane.direction === 'northbound').map((lane) => lane.id);
    await write('POST', '/api/ports/tecate/shutdowns', 'officer.us', {
      kind: 'fire',
      lanes: [north[0]],
      reason: { en: 'Truck fire in the commercial lot' },
    });
    expect(await port('tecate')).toMatchObject({ status: 'partially-closed', activeShutdown: { scope: 'partial' } });

    const widened = await write('POST', '/api/ports/tecate/widenings', 'officer.us', {
      reason: { en: 'Smoke over the booths' },
    });
    expect(widened.events.map((event) => event.type)).toEqual(['PortShutdownWidened']);
    expect((await port('tecate')).activeShutdown!.closedLanes).toEqual(north);

    const declared = await refused(
      'POST',
      '/api/ports/tecate/shutdowns',
      'officer.mx',
      { kind: 'fire', reason: { es: 'Humo' } },
      422,
      'PORT.SHUTDOWN_IN_PROGRESS',
    );
    expect(declared.details).toMatchObject({ declaredBy: 'US', parties: ['US'] });
    await refused(
      'POST',
      '/api/ports/tecate/widenings',
      'officer.mx',
      { reason: { es: 'Humo' } },
      422,
      'PORT.NOT_A_PARTY',
    );
    await refused(
      'POST',
      '/api/ports/tecate/joinings',
      'officer.mx',
      { lanes: [north[0]], reason: { es: 'Humo' } },
      403,
      'AUTH.WRONG_SIDE',
    );

    const joined = await write('POST', '/api/ports/tecate/joinings', 'officer.mx', {
      reason: { es: 'Humo sobre las casetas' },
    });
    const entry = await boardEntry('tecate', joined.position);
    expect(entry).toMatchObject({
      status: 'closed',
      activeShutdown: { scope: 'full', joinedBy: { side: 'MX', agency: 'ANAM' } },
    });
    await refused(
      'POST',
      '/api/ports/tecate/joinings',
      'officer.us',
      { reason: { en: 'x' } },
      422,
      'PORT.ALREADY_A_PARTY',
    );
    await refused(
      'POST',
      '/api/ports/tecate/widenings',
      'officer.mx',
      { reason: { es: 'x' } },
      422,
      'PORT.NO_LANES_TO_CLOSE',
    );
  });

  it('names every bad field of a widening and of an added item, in English and Spanish', async () => {
    const widening = await refused(
      'POST',
      '/api/ports/tecate/widenings',
      'officer.us',
      { lanes: ['north'] },
      400,
      'VALIDATION_FAILED',
    );
    const fieldsOf = (body: ErrorBody) =>
      [...new Set((body.details.fields as { field: string }[]).map((f) => f.field))].sort();
    expect(fieldsOf(widening)).toEqual(['lanes', 'reason']);
    const item = await refused(
      'POST',
      '/api/ports/tecate/checklist/items',
      'officer.us',
      { owner: 'CA', agency: 'FBI', critical: 'yes', text: {} },
      400,
      'VALIDATION_FAILED',
    );
    expect(fieldsOf(item)).toEqual(['agency', 'critical', 'owner', 'text']);
    const mismatched = await refused(
      'POST',
      '/api/ports/tecate/checklist/items',
      'officer.us',
      { owner: 'US', agency: 'PROFEPA', critical: false, text: { en: 'x', es: 'x' } },
      422,
      'PORT.UNKNOWN_AGENCY',
    );
    expect(mismatched.details).toMatchObject({ agency: 'PROFEPA', owner: 'US' });
    await refused(
      'POST',
      '/api/ports/tecate/checklist/items',
      'officer.us',
      { owner: 'US', agency: 'CBP', critical: false, text: { en: 'Only English' } },
      422,
      'PORT.CHECKLIST_ITEM_NOT_BILINGUAL',
    );
    await refused(
      'POST',
      '/api/ports/tecate/checklist/items',
      'officer.us',
      { owner: 'MX', agency: 'ANAM', critical: false, text: { en: 'x', es: 'x' } },
      403,
      'AUTH.WRONG_SIDE',
    );
  });
});

describe('a side acts for its side: protective actions', () => {
  it('refuses a cross-side lift and a close over the other side’s action; its own side lifts it, then either closes', async () => {
    const incident = await write('POST', '/api/incidents', 'officer.mx', {
      kind: 'hazmat-release',
      title: { es: 'Fuga de amoniaco' },
      severity: 'severe',
      location: { lat: 32.55, lon: -116.94, description: { es: 'Patio de carga' } },
    });
    const { id } = incident;
    await write('POST', `/api/incidents/${id}/protective-actions`, 'officer.mx', {
      kind: 'evacuation',
      center: { lat: 32.55, lon: -116.94 },
      radiusMeters: 800,
      instructions: { es: 'Evacuar la colonia' },
    });
    const { actionId } = (await api().streamEvents(`incident-${id}`)).at(-1)!.data as { actionId: string };

    const lift = await refused(
      'POST',
      `/api/incidents/${id}/protective-actions/${actionId}/lift`,
      'officer.us',
      {},
      403,
      'AUTH.WRONG_SIDE',
    );
    expect(lift.details).toEqual({ actionId, orderedBy: 'MX', actorSide: 'US' });
    const close = await refused(
      'POST',
      `/api/incidents/${id}/closure`,
      'officer.us',
      { summary: { en: 'Done' } },
      422,
      'INCIDENT.CANNOT_CLOSE',
    );
    expect(close.details).toEqual({
      protectiveActionsInForce: [actionId],
      protectiveActionsBySide: { MX: [actionId] },
    });
    expect(close.message.en).toContain('the Mexican side must lift its protective actions');

    await write('POST', `/api/incidents/${id}/protective-actions/${actionId}/lift`, 'officer.mx');
    await write('POST', `/api/incidents/${id}/closure`, 'officer.us', {
      summary: { en: 'Released; evacuation lifted by Mexico' },
    });
    expect((await api().streamEvents(`incident-${id}`)).map((event) => event.type).slice(-2)).toEqual([
      'ProtectiveActionLifted',
      'IncidentClosed',
    ]);
  });
});
