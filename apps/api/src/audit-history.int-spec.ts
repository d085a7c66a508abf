import { Sealer } from '@enlace/audit';
import { type DecodedEvent, decodeOrThrow, decodeRecorded, EventFeed } from '@enlace/consumers';
import type { AuditExportRecordedData } from '@enlace/domain';
import { type EventStore, type Position, type RecordedEvent } from '@enlace/event-store';
import { readCsvRecords } from '@enlace/reference-data';
import { randomUUID } from 'node:crypto';
import v8 from 'node:v8';
import vm from 'node:vm';
import { csvRecord } from './audit/csv-cells.js';
import { apiForTheseTests, type ApiHarness } from './testing/api-harness.js';

/**
 * The auditors' history, its streamed exports and the ICS 214, on the real PostgreSQL store: a binational chlorine
 * release at Otay Mesa (reported by the U.S., a shutdown Mexico joins, the BLM notified and acknowledged by both), a
 * Mexican report at Nogales, and incidents whose titles are built to hurt a spreadsheet or a browser. Every expectation
 * is computed here from the store's own global read.
 */

interface ZonedTime {
  zone: string;
  time: string;
}

interface Item {
  position: string;
  recordedAt: string;
  local: { portId: string; us: ZonedTime; mx: ZonedTime } | null;
  type: string;
  actor: string;
  agency: string;
  side: string | null;
  role: string;
  world: string;
  correlationId: string;
  causationId: string | null;
  stream: string;
  revision: number;
  data: Record<string, unknown>;
}

interface Page {
  items: Item[];
  next: string | null;
}

interface ApiErrorBody {
  code: string;
  message: { en: string; es: string };
  details: { fields?: { field: string; rule: string; message: { en: string; es: string } }[] };
}

/** The streams of the live world, as the history reads them (`LIVE_FEED_PREFIXES`), written out again here. */
const LIVE = /^(incident-|port-|notification-|session-|account-|auth-log|audit-)/;

const HOSTILE_TITLES = ['=HYPERLINK("http://evil.example/x","clic")', '+1', '-2', '@SUM(1)'];
const SCRIPT_TITLE = '<script>alert("x")</script> Fuga';

/** The wall clock of `zone` at `iso`, and its offset, computed without the api's code: `2025-03-01T09:15:00.250-08:00`. */
function zoned(iso: string, zone: string): string {
  const wall = new Date(iso).toLocaleString('sv-SE', { timeZone: zone, hour12: false }).replace(' ', 'T');
  const minutes = Math.round((Date.parse(`${wall}Z`) - Math.floor(Date.parse(iso) / 1000) * 1000) / 60_000);
  const sign = minutes < 0 ? '-' : '+';
  const abs = Math.abs(minutes);
  const offset = `${sign}${String(Math.floor(abs / 60)).padStart(2, '0')}:${String(abs % 60).padStart(2, '0')}`;
  return `${wall}.${iso.slice(20, 23)}${offset}`;
}

/** `2025-03-01 09:15 UTC-08:00`, as the ICS 214 prints it. */
function readable(iso: string, zone: string): string {
  const stamp = zoned(iso, zone);
  return `${stamp.slice(0, 10)} ${stamp.slice(11, 16)} UTC${stamp.slice(23)}`;
}

/** An audit journal record, decoded as every reader of the store decodes it. */
function exportRecord(event: RecordedEvent): AuditExportRecordedData | undefined {
  const decoded = decodeRecorded(event);
  return decoded.ok && decoded.event.aggregate === 'audit' ? decoded.event.data : undefined;
}

/** The body as its bytes say, byte-order mark included (`Response.text()` drops it). */
function asWritten(bytes: ArrayBuffer): string {
  return new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes);
}

async function quiet(store: EventStore): Promise<void> {
  let head = await store.headPosition();
  for (let stable = 0; stable < 3;) {
    await new Promise((resolve) => setTimeout(resolve, 100));
    const now = await store.headPosition();
    stable = now === head ? stable + 1 : 0;
    head = now;
  }
}

describe('the auditors’ history, its exports and the ICS 214', () => {
  const api = apiForTheseTests();
  const ids = { otay: '', nogales: '', notification: '', script: '', hostile: [] as string[] };

  async function post(as: string, path: string, body: unknown): Promise<string> {
    const response = await api().request('POST', path, { as, body });
    if (response.status !== 201) throw new Error(`${path}: ${response.status} ${JSON.stringify(response.body)}`);
    return response.body.id as string;
  }

  function report(as: string, title: Record<string, string>, portId: string): Promise<string> {
    return post(as, '/api/incidents', {
      kind: 'hazmat-release',
      title,
      severity: 'severe',
      location: { lat: 32.5495, lon: -116.9385, description: { en: 'Commercial lot', es: 'Patio comercial' } },
      affectedPortIds: [portId],
    });
  }

  beforeAll(async () => {
    // Every sign-in first: what the tests read must not move under them.
    for (const user of ['officer.us', 'officer.mx', 'auditor', 'planner', 'admin']) await api().token(user);
    ids.otay = await report(
      'officer.us',
      {
        en: 'Chlorine release at the Otay Mesa commercial lot',
        es: 'Fuga de cloro en el patio comercial de Otay Mesa',
      },
      'otay-mesa',
    );
    await post('officer.us', `/api/incidents/${ids.otay}/national-center-notifications`, {});
    await post('officer.mx', `/api/incidents/${ids.otay}/national-center-notifications`, {});
    await post('officer.us', '/api/ports/otay-mesa/shutdowns', {
      kind: 'hazmat-release',
      lanes: ['commercial:northbound'],
      reason: { en: 'Chlorine release in the commercial lot', es: 'Fuga de cloro en el patio comercial' },
      incidentId: ids.otay,
    });
    await post('officer.mx', '/api/ports/otay-mesa/joinings', {
      lanes: ['commercial:southbound'],
      reason: { es: 'Fuga de cloro en el patio comercial' },
    });
    ids.notification = await post('officer.us', '/api/notifications', {
      blmId: 'blm-sandiego-tijuana',
      subject: { incidentId: ids.otay, portId: 'otay-mesa' },
      title: {
        en: 'Otay Mesa commercial lanes closed: chlorine release',
        es: 'Carriles comerciales de Otay Mesa cerrados: fuga de cloro',
      },
      body: {
        en: 'Commercial lanes closed in both directions.',
        es: 'Carriles comerciales cerrados en ambos sentidos.',
      },
      severity: 'severe',
      acknowledgmentDeadline: new Date(Date.now() + 30 * 60_000).toISOString(),
    });
    for (const user of ['officer.us', 'officer.mx']) {
      await post(user, `/api/notifications/${ids.notification}/acknowledgments`, {
        readIn: user === 'officer.mx' ? 'es' : 'en',
      });
    }
    ids.nogales = await report(
      'officer.mx',
      { es: 'Derrame de ácido sulfúrico en la Garita Mariposa' },
      'nogales-mariposa',
    );
    await post('officer.mx', '/api/ports/nogales-mariposa/shutdowns', {
      kind: 'hazmat-release',
      lanes: ['commercial:southbound'],
      reason: { es: 'Derrame de ácido sulfúrico' },
      incidentId: ids.nogales,
    });
    for (const title of HOSTILE_TITLES) ids.hostile.push(await report('officer.us', { en: title }, 'san-ysidro'));
    ids.script = await report('officer.us', { en: SCRIPT_TITLE }, 'san-ysidro');
    // A port whose id starts with another's: port-san-ysidro-pedwest is no event of port-san-ysidro.
    await post('officer.us', '/api/ports/san-ysidro-pedwest/shutdowns', {
      kind: 'security-threat',
      lanes: ['pedestrian:northbound'],
      reason: { en: 'Unattended bag at PedWest' },
    });
    await quiet(api().store);
  }, 120_000);

  async function allPages(query: string, as = 'auditor', limit = 500): Promise<Item[]> {
    const items: Item[] = [];
    let after: string | null = null;
    for (let page = 0; page < 1_000; page += 1) {
      const cursor: string = after === null ? '' : `&after=${after}`;
      const response = await api().request<Page>('GET', `/api/audit/history?limit=${limit}&${query}${cursor}`, { as });
      expect(response.status).toBe(200);
      items.push(...response.body.items);
      after = response.body.next;
      if (after === null) return items;
    }
    throw new Error('the history never ended');
  }

  /** The history the api answers for `query`, against the store's own global read kept by `keep` (asked while quiet). */
  async function expectHistory(query: string, keep: (event: RecordedEvent) => boolean): Promise<Item[]> {
    for (let attempt = 0; ; attempt += 1) {
      const before = await api().store.headPosition();
      const items = await allPages(query);
      const events = (await api().allEvents()).filter((event) => keep(event));
      if ((await api().store.headPosition()) !== before && attempt < 3) continue;
      expect(items.map((item) => item.position)).toEqual(events.map((event) => event.position));
      expect(
        items.map(
          ({ recordedAt, type, actor, agency, side, role, correlationId, causationId, stream, revision, data }) => ({
            recordedAt,
            type,
            actor,
            agency,
            side,
            role,
            correlationId,
            causationId,
            stream,
            revision,
            data,
          }),
        ),
      ).toEqual(
        events.map(({ metadata, type, streamId, revision, data }) => ({
          recordedAt: metadata.recordedAt,
          type,
          actor: metadata.actor,
          agency: metadata.agency,
          side: metadata.country,
          role: metadata.role,
          correlationId: metadata.correlationId,
          causationId: metadata.causationId,
          stream: streamId,
          revision,
          data,
        })),
      );
      expect(items.every((item) => item.world === 'live')).toBe(true);
      return items;
    }
  }

  const live = (event: RecordedEvent) => LIVE.test(event.streamId);
  const at = (event: RecordedEvent) => Date.parse(event.metadata.recordedAt);

  describe('the history', () => {
    it('answers every live event, oldest first, each filter alone and combined exactly as the store reads it', async () => {
      const all = await expectHistory('', live);
      expect(new Set(all.map((item) => item.stream.split('-')[0]))).toEqual(
        new Set(['session', 'auth', 'incident', 'port', 'notification']),
      );
      await expectHistory('aggregate=incident', (e) => e.streamId.startsWith('incident-'));
      await expectHistory(`aggregate=incident&id=${ids.otay}`, (e) => e.streamId === `incident-${ids.otay}`);
      await expectHistory('aggregate=port', (e) => e.streamId.startsWith('port-'));
      await expectHistory('aggregate=port&id=otay-mesa', (e) => e.streamId === 'port-otay-mesa');
      const sanYsidro = await expectHistory('aggregate=port&id=san-ysidro', (e) => e.streamId === 'port-san-ysidro');
      expect(sanYsidro).toEqual([]);
      await expectHistory('aggregate=notification', (e) => e.streamId.startsWith('notification-'));
      await expectHistory(`aggregate=notification&id=${ids.notification}`, (e) =>
        e.streamId.endsWith(ids.notification),
      );
      await expectHistory('actor=officer.mx', (e) => live(e) && e.metadata.actor === 'officer.mx');
      await expectHistory('side=MX', (e) => live(e) && e.metadata.country === 'MX');
      await expectHistory(
        'type=BlmNotificationAcknowledged',
        (e) => live(e) && e.type === 'BlmNotificationAcknowledged',
      );
      const reportsAndShutdowns = (e: RecordedEvent) =>
        live(e) && ['IncidentReported', 'PortShutdownDeclared'].includes(e.type);
      await expectHistory('type=IncidentReported&type=PortShutdownDeclared', reportsAndShutdowns);
      await expectHistory('type=IncidentReported,PortShutdownDeclared', reportsAndShutdowns);

      const otayPort = (await api().streamEvents('port-otay-mesa'))[0]!;
      const joined = (await api().streamEvents('port-otay-mesa'))[1]!;
      const window = `from=${otayPort.metadata.recordedAt}&to=${joined.metadata.recordedAt}`;
      const inWindow = (e: RecordedEvent) => at(e) >= at(otayPort) && at(e) <= at(joined);
      const windowed = await expectHistory(window, (e) => live(e) && inWindow(e));
      expect(windowed.map((item) => item.type)).toEqual(
        expect.arrayContaining(['PortShutdownDeclared', 'PortShutdownJoined']),
      );

      await expectHistory(
        'aggregate=port&side=MX&type=PortShutdownJoined,PortShutdownDeclared',
        (e) => e.streamId.startsWith('port-') && e.metadata.country === 'MX' && e.type.startsWith('PortShutdown'),
      );
      await expectHistory(
        `aggregate=incident&actor=officer.us&${window}`,
        (e) => e.streamId.startsWith('incident-') && e.metadata.actor === 'officer.us' && inWindow(e),
      );
      await expectHistory(
        `side=US&from=${otayPort.metadata.recordedAt}&type=IncidentReported`,
        (e) => live(e) && e.metadata.country === 'US' && e.type === 'IncidentReported' && at(e) >= at(otayPort),
      );
    });

    it('pages by position: every event once, in order, with a next cursor until the end', async () => {
      const whole = await allPages('', 'auditor', 500);
      const paged = await allPages('', 'auditor', 3);
      expect(paged.map((item) => item.position)).toEqual(whole.map((item) => item.position));
      expect(new Set(paged.map((item) => item.position)).size).toBe(paged.length);
      const sorted = [...paged.map((item) => item.position)].sort();
      expect(paged.map((item) => item.position)).toEqual(sorted);

      const first = await api().request<Page>('GET', '/api/audit/history?limit=2', { as: 'auditor' });
      expect(first.body.items).toHaveLength(2);
      expect(first.body.next).toBe(first.body.items[1]!.position);
    });

    it('reads a drill’s own streams apart (aggregate=drill): none here, and none of them in the live history', async () => {
      const drills = await api().request<Page>('GET', '/api/audit/history?aggregate=drill', { as: 'planner' });
      expect(drills.status).toBe(200);
      expect(drills.body).toEqual({ items: [], next: null });
      const unknownDrill = await api().request('GET', `/api/audit/history?aggregate=drill&id=${randomUUID()}`, {
        as: 'auditor',
      });
      expect(unknownDrill.status).toBe(404);
    });

    it('shows times at the port an event concerns: Otay Mesa in Los Angeles and Tijuana, Nogales in Phoenix and Hermosillo', async () => {
      const otay = await allPages(`aggregate=incident&id=${ids.otay}`);
      const notification = await allPages(`aggregate=notification&id=${ids.notification}`);
      const port = await allPages('aggregate=port&id=otay-mesa');
      for (const item of [...otay, ...notification, ...port]) {
        expect(item.local).toEqual({
          portId: 'otay-mesa',
          us: { zone: 'America/Los_Angeles', time: zoned(item.recordedAt, 'America/Los_Angeles') },
          mx: { zone: 'America/Tijuana', time: zoned(item.recordedAt, 'America/Tijuana') },
        });
        expect(item.local!.us.time).toMatch(/-0[78]:00$/);
      }
      const nogales = await allPages(`aggregate=incident&id=${ids.nogales}`);
      expect(nogales).toHaveLength(1);
      for (const item of [...nogales, ...(await allPages('aggregate=port&id=nogales-mariposa'))]) {
        expect(item.local).toEqual({
          portId: 'nogales-mariposa',
          us: { zone: 'America/Phoenix', time: zoned(item.recordedAt, 'America/Phoenix') },
          mx: { zone: 'America/Hermosillo', time: zoned(item.recordedAt, 'America/Hermosillo') },
        });
        // Neither Arizona nor Sonora keeps daylight saving time.
        expect(item.local!.us.time).toMatch(/-07:00$/);
        expect(item.local!.mx.time).toMatch(/-07:00$/);
      }
      const sessions = await allPages('type=SessionStarted');
      expect(sessions.length).toBeGreaterThan(0);
      expect(sessions.every((item) => item.local === null)).toBe(true);
    });

    it('refuses bad input with a 400 naming the field and the rule, in English and Spanish', async () => {
      const cases: [string, string, string][] = [
        ['after=12', 'after', 'position'],
        ['from=yesterday', 'from', 'isISO8601'],
        ['to=2025-03-01T10:00:00', 'to', 'isISO8601'],
        ['from=2025-03-02T00:00:00Z&to=2025-03-01T00:00:00Z', 'to', 'notBeforeFrom'],
        ['aggregate=vehicle', 'aggregate', 'isIn'],
        ['type=IncidentTeleported', 'type', 'knownType'],
        ['aggregate=incident&type=PortReopened', 'type', 'knownType'],
        ['limit=0', 'limit', 'range'],
        ['limit=501', 'limit', 'range'],
        ['from=2024-01-01T00:00:00Z&to=2025-01-01T00:00:01Z', 'to', 'maxRange'],
        ['id=otay-mesa', 'id', 'requiresAggregate'],
        ['aggregate=incident&id=otay-mesa', 'id', 'isUuid'],
        ['side=MEX', 'side', 'isIn'],
        ['agregate=incident', 'agregate', 'whitelistValidation'],
      ];
      for (const [query, field, rule] of cases) {
        const response = await api().request<ApiErrorBody>('GET', `/api/audit/history?${query}`, { as: 'auditor' });
        expect([query, response.status, response.body.code]).toEqual([query, 400, 'VALIDATION_FAILED']);
        const problem = response.body.details.fields!.find((candidate) => candidate.field === field);
        expect([query, problem?.rule]).toEqual([query, rule]);
        expect(problem!.message.en).toContain(field);
        expect(problem!.message.es).toContain(field);
      }
      const oversized = await api().request<ApiErrorBody>(
        'GET',
        '/api/audit/history?from=2024-01-01T00:00:00Z&to=2025-06-01T00:00:00Z',
        { as: 'auditor' },
      );
      expect(oversized.body.details.fields![0]!.message).toEqual({
        en: 'to must be at most one year after from (oversized range): ask for one year at a time',
        es: 'to debe ser como máximo un año posterior a from (rango excesivo): solicite un año a la vez',
      });
      // Exactly a year is not oversized.
      const year = await api().request('GET', '/api/audit/history?from=2024-01-01T00:00:00Z&to=2025-01-01T00:00:00Z', {
        as: 'auditor',
      });
      expect(year.status).toBe(200);
      // Every bad field at once.
      const several = await api().request<ApiErrorBody>('GET', '/api/audit/history?limit=0&side=XX&after=x', {
        as: 'auditor',
      });
      expect(several.body.details.fields!.map((problem) => problem.field).sort()).toEqual(['after', 'limit', 'side']);
      // An id that names nothing is a 404, not an empty history.
      const missing = await api().request<ApiErrorBody>(
        'GET',
        `/api/audit/history?aggregate=incident&id=${randomUUID()}`,
        {
          as: 'auditor',
        },
      );
      expect([missing.status, missing.body.code]).toEqual([404, 'INCIDENT.NOT_FOUND']);
      const noPort = await api().request<ApiErrorBody>('GET', '/api/audit/history?aggregate=port&id=atlantis', {
        as: 'auditor',
      });
      expect([noPort.status, noPort.body.code]).toEqual([404, 'PORT.NOT_FOUND']);
    });

    it('lets auditors and admins read everything, officers an incident or a port, planners drills', async () => {
      const status = async (as: string | undefined, query: string) =>
        (await api().request<ApiErrorBody>('GET', `/api/audit/history${query}`, as ? { as } : {})).status;
      expect(await status(undefined, '')).toBe(401);
      expect(await status('auditor', '')).toBe(200);
      expect(await status('admin', '')).toBe(200);
      const refused = await api().request<ApiErrorBody>('GET', '/api/audit/history', { as: 'officer.us' });
      expect([refused.status, refused.body.code]).toEqual([403, 'AUDIT.HISTORY_SCOPE']);
      expect(refused.body.message.en).toContain('aggregate=incident or aggregate=port, with its id');
      expect(refused.body.message.es).toContain('aggregate=incident o aggregate=port, con su id');
      expect(await status('officer.us', `?aggregate=incident&id=${ids.otay}`)).toBe(200);
      expect(await status('officer.mx', '?aggregate=port&id=otay-mesa')).toBe(200);
      for (const query of [
        '?aggregate=incident',
        `?aggregate=notification&id=${ids.notification}`,
        '?type=SessionStarted',
        '?type=LoginSucceeded',
        '?type=AuditExportRecorded',
        '?aggregate=drill',
      ]) {
        expect([query, await status('officer.us', query)]).toEqual([query, 403]);
      }
      const planner = await api().request<ApiErrorBody>('GET', '/api/audit/history', { as: 'planner' });
      expect([planner.status, planner.body.code]).toEqual([403, 'AUDIT.HISTORY_SCOPE']);
      expect(planner.body.message.es).toContain('aggregate=drill');
      expect(await status('planner', `?aggregate=incident&id=${ids.otay}`)).toBe(403);
      expect(await status('planner', '?aggregate=drill')).toBe(200);
    });
  });

  describe('the exports', () => {
    async function download(path: string, as = 'auditor', headers: Record<string, string> = {}) {
      const response = await fetch(`${api().baseUrl}${path}`, {
        headers: { authorization: `Bearer ${await api().token(as)}`, ...headers },
      });
      return { response, text: asWritten(await response.arrayBuffer()) };
    }

    async function journal(): Promise<RecordedEvent[]> {
      return api().streamEvents('audit-journal');
    }

    it('streams the history as JSON lines: the filter echoed first, then every event in position order', async () => {
      const path = `/api/audit/history/export?aggregate=incident&id=${ids.otay}&type=IncidentReported,NationalCenterNotified`;
      const { response, text } = await download(path);
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toBe('application/x-ndjson; charset=utf-8');
      expect(response.headers.get('content-length')).toBeNull();
      expect(response.headers.get('transfer-encoding')).toBe('chunked');
      const exportId = response.headers.get('x-enlace-export-id')!;
      expect(response.headers.get('content-disposition')).toBe(
        `attachment; filename="enlace-history-${exportId}.jsonl"`,
      );

      const [heading, ...lines] = text
        .trimEnd()
        .split('\n')
        .map((line) => JSON.parse(line) as Record<string, unknown>);
      expect(heading).toEqual({
        kind: 'export',
        exportId,
        format: 'jsonl',
        filter: { aggregate: 'incident', id: ids.otay, type: ['IncidentReported', 'NationalCenterNotified'] },
        exportedBy: { username: 'auditor', agency: 'OIG', side: 'US', role: 'auditor' },
        exportedAt: expect.stringMatching(/^\d{4}-\d{2}-\d{2}T.*Z$/) as unknown,
        upTo: expect.stringMatching(/^\d{20}:\d{20}$/) as unknown,
      });
      const expected = (await api().streamEvents(`incident-${ids.otay}`)).filter((event) =>
        ['IncidentReported', 'NationalCenterNotified'].includes(event.type),
      );
      expect(lines.map((line) => line.position)).toEqual(expected.map((event) => event.position));
      expect(lines.map((line) => line.type)).toEqual([
        'IncidentReported',
        'NationalCenterNotified',
        'NationalCenterNotified',
      ]);
      expect((lines[0]!.local as { us: ZonedTime }).us.zone).toBe('America/Los_Angeles');

      // Recorded once, before it was written, with who and what.
      const records = (await journal()).filter((event) => exportRecord(event)?.exportId === exportId);
      expect(records).toHaveLength(1);
      expect(records[0]).toMatchObject({
        type: 'AuditExportRecorded',
        data: {
          exportId,
          kind: 'history-jsonl',
          filter: heading!.filter,
          exportedBy: heading!.exportedBy,
          at: heading!.exportedAt,
          upTo: heading!.upTo,
        },
        metadata: { actor: 'auditor', agency: 'OIG', country: 'US', role: 'auditor', mode: 'actual' },
      });
      expect(records[0]!.id).toBe(exportId);
    });

    it('streams the history as CSV an Excel opens and a CSV reader reads back, formulas neutralised', async () => {
      const { response, text } = await download('/api/audit/history/export?format=csv');
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toBe('text/csv; charset=utf-8');
      expect(response.headers.get('content-length')).toBeNull();
      expect(text.startsWith('\uFEFF# filter: \r\n# export: exportId=')).toBe(true);
      const records = readCsvRecords(text);
      expect(records[0]!.cells).toEqual(['# filter: ']);
      const about = new URLSearchParams(records[1]!.cells[0]!.replace('# export: ', ''));
      expect(about.get('exportId')).toBe(response.headers.get('x-enlace-export-id'));
      expect([about.get('exportedBy'), about.get('agency'), about.get('side'), about.get('role')]).toEqual([
        'auditor',
        'OIG',
        'US',
        'auditor',
      ]);
      expect(records[2]!.cells).toEqual([
        'position',
        'recorded_at_utc',
        'local_time_us',
        'local_time_mx',
        'type',
        'stream',
        'revision',
        'actor',
        'agency',
        'side',
        'role',
        'correlation_id',
        'data',
      ]);
      const rows = records.slice(3).map((record) => record.cells);
      const upTo = about.get('upTo')!;
      const expected = (await api().allEvents()).filter((event) => live(event) && event.position <= upTo);
      expect(rows.map((row) => row[0])).toEqual(expected.map((event) => event.position));
      // The export of the JSON lines before it is in the history, this one's own record is not (it came after upTo).
      expect(rows.some((row) => row[4] === 'AuditExportRecorded')).toBe(true);
      const byPosition = new Map(expected.map((event) => [event.position, event]));
      for (const row of rows) {
        const event = byPosition.get(row[0]! as Position)!;
        expect(row.slice(4, 13)).toEqual([
          event.type,
          event.streamId,
          String(event.revision),
          event.metadata.actor,
          event.metadata.agency,
          event.metadata.country ?? '',
          event.metadata.role,
          event.metadata.correlationId,
          JSON.stringify(event.data),
        ]);
        expect(row[1]).toBe(event.metadata.recordedAt);
        // No cell a spreadsheet would run as a formula.
        for (const cell of row) expect(cell).not.toMatch(/^[=+\-@\t\r]/);
      }
      const otayRow = rows.find((row) => row[5] === `incident-${ids.otay}`)!;
      expect(otayRow[2]).toBe(`${zoned(otayRow[1]!, 'America/Los_Angeles')}[America/Los_Angeles]`);
      expect(otayRow[3]).toBe(`${zoned(otayRow[1]!, 'America/Tijuana')}[America/Tijuana]`);
      // The hostile titles are carried whole, as data.
      for (const [index, title] of HOSTILE_TITLES.entries()) {
        const row = rows.find((candidate) => candidate[5] === `incident-${ids.hostile[index]}`)!;
        expect((JSON.parse(row[12]!) as { title: { en: string } }).title.en).toBe(title);
      }
      // Spanish text survives the round trip (UTF-8 with BOM).
      expect(rows.some((row) => row[12]!.includes('Derrame de ácido sulfúrico'))).toBe(true);
    });

    it('neutralises every cell that starts like a formula, with one apostrophe', () => {
      expect(csvRecord([...HOSTILE_TITLES, '\tx', '\rx', 'plain', 'a,b', 'say "hi"', "'quoted"])).toBe(
        `"'=HYPERLINK(""http://evil.example/x"",""clic"")",'+1,'-2,'@SUM(1),'\tx,"'\rx",plain,"a,b","say ""hi""",'quoted\r\n`,
      );
    });

    it('records an export retried with the same Idempotency-Key once, and shows the records in the history', async () => {
      const path = `/api/audit/history/export?aggregate=port&id=otay-mesa`;
      const first = await download(path, 'auditor', { 'Idempotency-Key': 'export-otay-1' });
      const retry = await download(path, 'auditor', { 'Idempotency-Key': 'export-otay-1' });
      const exportId = first.response.headers.get('x-enlace-export-id');
      expect(retry.response.headers.get('x-enlace-export-id')).toBe(exportId);
      const other = await download(`${path}&format=csv`, 'auditor', { 'Idempotency-Key': 'export-otay-1' });
      expect(other.response.headers.get('x-enlace-export-id')).not.toBe(exportId);
      const records = (await journal()).filter((event) => exportRecord(event)?.exportId === exportId);
      expect(records).toHaveLength(1);

      const history = await allPages('type=AuditExportRecorded');
      expect(history.map((item) => item.data.exportId)).toEqual(
        (await journal()).map((event) => exportRecord(event)?.exportId),
      );
      expect(history.find((item) => item.data.exportId === exportId)).toMatchObject({
        stream: 'audit-journal',
        actor: 'auditor',
        data: { kind: 'history-jsonl', filter: { aggregate: 'port', id: 'otay-mesa' } },
      });
    });

    it('seals the audit journal with every other live stream: its records decode like any event', async () => {
      const records = await journal();
      expect(records.length).toBeGreaterThan(0);
      for (const event of records) {
        expect(decodeRecorded(event)).toMatchObject({ ok: true, event: { aggregate: 'audit' } });
      }
      await quiet(api().store);
      const head = (await api().store.headPosition())!;
      const sealer = api().resolve(Sealer);
      await sealer.reached(head);
      // An event the feed could not decode would be reported and skipped, and the tree one leaf short.
      expect(sealer.size).toBe((await api().allEvents()).filter(live).length);
    });

    it('lets an officer export an incident’s history (recorded) but not the whole; refuses bad input before recording', async () => {
      const before = (await journal()).length;
      const officer = await download(`/api/audit/history/export?aggregate=incident&id=${ids.otay}`, 'officer.mx');
      expect(officer.response.status).toBe(200);
      const refused = await download('/api/audit/history/export', 'officer.mx');
      expect(refused.response.status).toBe(403);
      const bad = await download('/api/audit/history/export?format=xlsx', 'auditor');
      expect(bad.response.status).toBe(400);
      expect((JSON.parse(bad.text) as ApiErrorBody).details.fields![0]).toMatchObject({
        field: 'format',
        rule: 'isIn',
      });
      const records = (await journal()).slice(before);
      expect(records.map((event) => [event.metadata.actor, exportRecord(event)?.kind])).toEqual([
        ['officer.mx', 'history-jsonl'],
      ]);
    });
  });

  describe('the ICS 214', () => {
    async function form(path: string, as = 'auditor') {
      const response = await fetch(`${api().baseUrl}/api/audit/incidents/${path}`, {
        headers: { authorization: `Bearer ${await api().token(as)}` },
      });
      return { response, text: asWritten(await response.arrayBuffer()) };
    }

    /** The side's actions on the incident, its shutdowns and its notification, from the store. */
    async function actionsOf(side: 'US' | 'MX', incidentId: string, portId: string): Promise<DecodedEvent[]> {
      const port = (await api().streamEvents(`port-${portId}`)).map(decodeOrThrow);
      const shutdownIds = new Set(
        port.flatMap((event) =>
          event.aggregate === 'port' && event.type === 'PortShutdownDeclared' && event.data.incidentId === incidentId
            ? [event.data.shutdownId]
            : [],
        ),
      );
      // Only the Otay Mesa incident has a notification about it.
      const notifications = incidentId === ids.otay ? await api().streamEvents(`notification-${ids.notification}`) : [];
      return [
        ...(await api().streamEvents(`incident-${incidentId}`)).map(decodeOrThrow),
        ...port.filter((event) => event.aggregate === 'port' && shutdownIds.has(event.data.shutdownId)),
        ...notifications.map(decodeOrThrow),
      ]
        .filter((event) => event.metadata.country === side)
        .sort((a, b) => (a.position < b.position ? -1 : 1));
    }

    it('prints the U.S. side’s log in English as CSV: its actions, in Los Angeles time and UTC, and who prepared it', async () => {
      const { response, text } = await form(`${ids.otay}/ics-214?side=US&format=csv&lang=en`);
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toBe('text/csv; charset=utf-8');
      expect(text.startsWith('\uFEFF')).toBe(true);
      const records = readCsvRecords(text).map((record) => record.cells);
      expect(records[0]).toEqual([
        'block',
        'field',
        'local_time',
        'utc_time',
        'text',
        'name',
        'ics_position',
        'home_agency',
      ]);
      const block = (n: string) => records.filter((row) => row[0] === n);
      expect(block('1')[0]![4]).toBe('Chlorine release at the Otay Mesa commercial lot');
      expect(block('2').find((row) => row[1] === 'Time zone')![4]).toBe(
        'America/Los_Angeles (U.S. side, Otay Mesa (passenger + commercial))',
      );
      expect(block('3')[0]![5]).toBe('Dana Whitfield (officer.us)');
      expect(block('4')[0]![6]).toBe('Liaison Officer');
      expect(block('5')[0]![7]).toBe('CBP — U.S. side');
      expect(block('6').map((row) => [row[5], row[4]])).toEqual([
        ['Dana Whitfield (officer.us)', 'Actions recorded: 5'],
      ]);

      const actions = await actionsOf('US', ids.otay, 'otay-mesa');
      const activities = block('7');
      expect(activities.map((row) => row[3])).toEqual(
        actions.map(
          (event) => `${event.metadata.recordedAt.slice(0, 10)} ${event.metadata.recordedAt.slice(11, 16)} UTC`,
        ),
      );
      expect(activities.map((row) => row[2])).toEqual(
        actions.map((event) => readable(event.metadata.recordedAt, 'America/Los_Angeles')),
      );
      expect(activities.map((row) => row[4])).toEqual([
        'Incident reported: Chlorine release at the Otay Mesa commercial lot (severity severe)',
        'NRC notified',
        'Partial shutdown of Otay Mesa (passenger + commercial): commercial northbound',
        'BLM notified (blm-sandiego-tijuana): Otay Mesa commercial lanes closed: chlorine release',
        'CBP (U.S.) acknowledged the BLM notification',
      ]);
      const period = block('2');
      expect(period[0]![3]).toBe(activities[0]![3]);
      const prepared = block('8')[0]!;
      expect(prepared.slice(5)).toEqual(['Grace Okafor (auditor)', 'Auditor', 'OIG']);
      expect(prepared[4]).toContain(response.headers.get('x-enlace-export-id'));
    });

    it('prints the Mexican side’s log in Spanish: its own actions, in Tijuana time', async () => {
      const { response, text } = await form(`${ids.otay}/ics-214?side=MX&format=csv&lang=es`);
      expect(response.status).toBe(200);
      const records = readCsvRecords(text).map((record) => record.cells);
      expect(records[0]).toEqual([
        'bloque',
        'campo',
        'hora_local',
        'hora_utc',
        'texto',
        'nombre',
        'puesto_sci',
        'dependencia',
      ]);
      const activities = records.filter((row) => row[0] === '7');
      const actions = await actionsOf('MX', ids.otay, 'otay-mesa');
      expect(activities.map((row) => row[2])).toEqual(
        actions.map((event) => readable(event.metadata.recordedAt, 'America/Tijuana')),
      );
      expect(activities.map((row) => row[4])).toEqual([
        'CENACOM notificado',
        'México se sumó al cierre de Tijuana – Mesa de Otay (Garita de Otay): carga hacia el sur',
        'ANAM (México) acusó recibo de la notificación al MEF',
      ]);
      expect(records.find((row) => row[0] === '1')![4]).toBe('Fuga de cloro en el patio comercial de Otay Mesa');
      expect(records.find((row) => row[0] === '5')![7]).toBe('ANAM — lado mexicano');
      expect(records.find((row) => row[0] === '4')![6]).toBe('Oficial de enlace');
    });

    it('prints a bilingual HTML form for printing, in either language, each side in its zone', async () => {
      const english = await form(`${ids.otay}/ics-214?side=US&lang=en`);
      expect(english.response.status).toBe(200);
      expect(english.response.headers.get('content-type')).toBe('text/html; charset=utf-8');
      const page = english.text;
      expect(page).toContain('<html lang="en-US">');
      expect(page).toContain(
        'Activity Log (ICS 214)<span class="alt" lang="es-MX">Registro de actividades (ICS 214 / SCI 214)</span>',
      );
      expect(page).toContain('1. Incident Name<span class="alt" lang="es-MX">1. Nombre del incidente</span>');
      expect(page).toContain('@media print');
      expect(page).toContain('Chlorine release at the Otay Mesa commercial lot');
      expect(page).toContain('CBP (U.S.) acknowledged the BLM notification');
      expect(page).not.toContain('ANAM (Mexico) acknowledged');
      expect(page).toContain('America/Los_Angeles');
      expect(page).toContain('Grace Okafor (auditor)');

      const spanish = await form(`${ids.otay}/ics-214?side=MX&lang=es`, 'officer.mx');
      expect(spanish.response.status).toBe(200);
      expect(spanish.text).toContain('<html lang="es-MX">');
      expect(spanish.text).toContain(
        'Registro de actividades (ICS 214 / SCI 214)<span class="alt" lang="en-US">Activity Log (ICS 214)</span>',
      );
      expect(spanish.text).toContain('ANAM (México) acusó recibo de la notificación al MEF');
      expect(spanish.text).toContain('America/Tijuana');
      expect(spanish.text).toContain('Mariana Treviño (officer.mx)');

      const nogales = await form(`${ids.nogales}/ics-214?side=MX&format=csv`, 'officer.mx');
      const rows = readCsvRecords(nogales.text).map((record) => record.cells);
      expect(rows[0]![0]).toBe('bloque');
      expect(rows.find((row) => row[1] === 'Zona horaria')![4]).toContain('America/Hermosillo');
      const nogalesActivities = rows.filter((row) => row[0] === '7');
      expect(nogalesActivities.map((row) => row[4])).toEqual([
        'Incidente reportado: Derrame de ácido sulfúrico en la Garita Mariposa (severidad grave)',
        'Cierre parcial de Nogales III (Garita Mariposa): carga hacia el sur',
      ]);
      expect(nogalesActivities.every((row) => row[2]!.endsWith('UTC-07:00'))).toBe(true);
      const usNogales = await form(`${ids.nogales}/ics-214?side=US&format=csv`);
      const usRows = readCsvRecords(usNogales.text).map((record) => record.cells);
      expect(usRows.find((row) => row[0] === '3')![4]).toBe('Nobody of this side acted');
      expect(usRows.find((row) => row[1] === 'Time zone')![4]).toContain('America/Phoenix');
    });

    it('escapes a title written to run in a browser, and neutralises one written to run in a spreadsheet', async () => {
      const page = await form(`${ids.script}/ics-214?side=US`);
      expect(page.text).not.toContain('<script>');
      expect(page.text).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; Fuga');
      for (const [index, title] of HOSTILE_TITLES.entries()) {
        const { text } = await form(`${ids.hostile[index]}/ics-214?side=US&format=csv`);
        const records = readCsvRecords(text).map((record) => record.cells);
        expect(records.find((row) => row[0] === '1')![4]).toBe(`'${title}`);
        for (const row of records) for (const cell of row) expect(cell).not.toMatch(/^[=+\-@\t\r]/);
      }
    });

    it('is for officers of that side, auditors and admins, and each download is recorded', async () => {
      const before = (await api().streamEvents('audit-journal')).length;
      expect((await form(`${ids.otay}/ics-214`, 'officer.us')).response.status).toBe(200);
      const otherSide = await form(`${ids.otay}/ics-214?side=MX`, 'officer.us');
      expect(otherSide.response.status).toBe(403);
      expect((JSON.parse(otherSide.text) as ApiErrorBody).code).toBe('AUDIT.ICS214_SIDE');
      expect((JSON.parse(otherSide.text) as ApiErrorBody).message.es).toContain('su propio lado');
      expect((await form(`${ids.otay}/ics-214?side=MX`, 'admin')).response.status).toBe(200);
      expect((await form(`${ids.otay}/ics-214`, 'planner')).response.status).toBe(403);
      expect((await form(`${randomUUID()}/ics-214?side=US`)).response.status).toBe(404);
      expect((await form('not-a-uuid/ics-214?side=US')).response.status).toBe(400);
      const badLang = await form(`${ids.otay}/ics-214?side=US&lang=fr`);
      expect((JSON.parse(badLang.text) as ApiErrorBody).details.fields![0]).toMatchObject({
        field: 'lang',
        rule: 'isIn',
      });
      const records = (await api().streamEvents('audit-journal')).slice(before);
      expect(records.map((event) => [event.metadata.actor, event.data])).toEqual([
        [
          'officer.us',
          expect.objectContaining({
            kind: 'ics-214-html',
            filter: { incidentId: ids.otay, side: 'US', lang: 'en' },
            exportedBy: { username: 'officer.us', agency: 'CBP', side: 'US', role: 'officer' },
            events: 5,
          }),
        ],
        [
          'admin',
          expect.objectContaining({
            kind: 'ics-214-html',
            filter: { incidentId: ids.otay, side: 'MX', lang: 'es' },
            events: 3,
          }),
        ],
      ]);
    });
  });
});

/** The heap after a full collection, so that what is measured is what is held. */
function exposedGc(): () => void {
  v8.setFlagsFromString('--expose-gc');
  return vm.runInNewContext('gc') as () => void;
}

describe('a large history export', () => {
  const api = apiForTheseTests();
  const EVENTS = 20_000;

  async function appendSignInFailures(harness: ApiHarness): Promise<Position> {
    const padding = 'Mozilla/5.0 '.repeat(85);
    let last: Position | undefined;
    for (let batch = 0; batch < EVENTS / 1_000; batch += 1) {
      const events = Array.from({ length: 1_000 }, (_, index) => ({
        id: randomUUID(),
        type: 'LoginFailed',
        data: {
          username: `visitor${batch * 1_000 + index}`,
          address: '192.0.2.10',
          userAgent: padding,
          reason: 'wrong-password',
          sessionId: null,
          until: null,
        },
        metadata: {
          actor: 'system:auth',
          agency: 'ENLACE',
          country: null,
          role: 'system',
          correlationId: randomUUID(),
          causationId: null,
          mode: 'actual' as const,
          schemaVersion: 1,
        },
      }));
      last = (await harness.store.append('auth-log', events, 'any')).position;
    }
    return last!;
  }

  it('sends its first bytes before the store is read through, and holds no more of it than a few pages', async () => {
    const last = await appendSignInFailures(api());
    // The sealer reads every live event: let it finish before measuring this process's heap.
    await api().resolve(Sealer).reached(last);

    const served = api().resolve(EventFeed).store;
    const readAll = served.readAll.bind(served);
    let read = 0;
    served.readAll = (options) => {
      const events = readAll(options);
      if (!options?.filter?.eventTypes?.includes('LoginFailed')) return events;
      return (async function* counted() {
        for await (const event of events) {
          read += 1;
          yield event;
        }
      })();
    };
    const gc = exposedGc();
    try {
      gc();
      const baseline = process.memoryUsage().heapUsed;
      const response = await fetch(`${api().baseUrl}/api/audit/history/export?type=LoginFailed`, {
        headers: { authorization: `Bearer ${await api().token('auditor')}` },
      });
      expect(response.status).toBe(200);
      expect(response.headers.get('content-length')).toBeNull();
      expect(response.headers.get('transfer-encoding')).toBe('chunked');

      const reader: ReadableStreamDefaultReader<Uint8Array> = response.body!.getReader();
      const decoder = new TextDecoder();
      let readWhenFirstArrived: number | undefined;
      let rest = '';
      let lines = 0;
      let bytes = 0;
      let lastPosition = '';
      let inOrder = true;
      let peak = 0;
      let nextSample = 2_000_000;
      for (;;) {
        const { value, done } = await reader.read();
        if (done) break;
        readWhenFirstArrived ??= read;
        bytes += value.length;
        const parts = (rest + decoder.decode(value, { stream: true })).split('\n');
        rest = parts.pop()!;
        for (const line of parts) {
          lines += 1;
          if (lines === 1) {
            expect(JSON.parse(line)).toMatchObject({ kind: 'export', filter: { type: ['LoginFailed'] } });
            continue;
          }
          const position = /"position":"([0-9:]+)"/.exec(line)![1]!;
          if (position <= lastPosition) inOrder = false;
          lastPosition = position;
        }
        if (bytes >= nextSample) {
          nextSample += 2_000_000;
          gc();
          peak = Math.max(peak, process.memoryUsage().heapUsed - baseline);
        }
      }
      expect(rest).toBe('');
      expect(lines).toBe(EVENTS + 1);
      expect(inOrder).toBe(true);
      expect(read).toBe(EVENTS);
      // The heading went out before the store was read through (the client saw it while the server streamed on).
      expect(readWhenFirstArrived).toBeLessThan(EVENTS);
      // A whole export held in memory would be at least its size; a streamed one holds a few pages of it.
      expect(bytes).toBeGreaterThan(20_000_000);
      expect(peak).toBeLessThan(bytes / 2);
    } finally {
      served.readAll = readAll;
    }
  }, 180_000);

  it('answers a selective filter a bounded read at a time, with a next cursor on short pages', async () => {
    const pages: Page[] = [];
    let after = '';
    do {
      const response = await api().request<Page>('GET', `/api/audit/history?actor=nobody.at.all&limit=10${after}`, {
        as: 'auditor',
      });
      expect(response.status).toBe(200);
      pages.push(response.body);
      after = response.body.next === null ? '' : `&after=${response.body.next}`;
    } while (after !== '' && pages.length < 10);
    // More than 20,000 live events, none by that actor: a first page that read 20,000 of them and said where it stopped.
    expect(pages.length).toBeGreaterThan(1);
    expect(pages[0]).toEqual({ items: [], next: expect.stringMatching(/^\d{20}:\d{20}$/) as unknown });
    expect(pages.at(-1)!.next).toBeNull();
    expect(pages.flatMap((page) => page.items)).toEqual([]);
  });
});
