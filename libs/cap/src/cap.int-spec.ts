import type { IncidentEvent, NotificationEvent } from '@enlace/domain';
import type { Mode, Position, RecordedEvent } from '@enlace/event-store';
import { testMetadata } from '@enlace/event-store/testing';
import { all, assertValidCap, only as one, unescapeXml } from '@enlace/cap/testing';
import {
  capDateTime,
  capIdentifier,
  escapeXml,
  incidentAlert,
  incidentSubject,
  notificationAlert,
  type NotificationCapOptions,
} from './index.js';

const SENDER = 'enlace@border.example';
const INCIDENT_ID = '0f6b1f4e-3c1a-4d57-9d7e-5b1f4c2a9e10';
const NOTIFICATION_ID = '5d2c9a4b-7e3f-4b1a-8c6d-2e9f0a1b3c4d';
const ACTION_ID = 'a3e0c4b2-1d5f-4e6a-9b7c-8d0e1f2a3b4c';
const START = Date.parse('2026-11-23T18:00:00.250Z');

/** A recorded stream, one event a minute from START, all in one mode. */
function stream(
  streamId: string,
  events: readonly (IncidentEvent | NotificationEvent)[],
  mode: Mode = 'actual',
  extraMetadata: Record<string, unknown> = {},
): RecordedEvent[] {
  return events.map((event, revision) => ({
    id: `00000000-0000-4000-8000-${String(revision).padStart(12, '0')}`,
    type: event.type,
    streamId,
    revision,
    position: String(revision).padStart(20, '0') as Position,
    data: event.data,
    metadata: {
      ...testMetadata,
      correlationId: `correlation-${revision}`,
      mode,
      recordedAt: new Date(START + revision * 60_000).toISOString(),
      ...extraMetadata,
    },
    hash: 'x'.repeat(64),
  }));
}

const reported: Extract<IncidentEvent, { type: 'IncidentReported' }> = {
  type: 'IncidentReported',
  data: {
    incidentId: INCIDENT_ID,
    kind: 'hazmat-release',
    title: { en: 'Chlorine release at the commercial lot', es: 'Fuga de cloro en el lote comercial' },
    severity: 'severe',
    material: { unNumber: '1017', name: 'Chlorine', hazardClass: '2.3', ergGuide: '124', toxicByInhalation: true },
    quantity: { amount: 900, unit: 'kg' },
    location: { lat: 32.549, lon: -116.938, description: { en: 'Otay Mesa commercial lot' } },
    affectedPortIds: ['otay-mesa'],
    casualties: { injured: 2, fatalities: 0 },
    reportedBy: { side: 'US', agency: 'CBP' },
    observedAt: '2026-11-23T17:40:00.000Z',
  },
};

const evacuation: IncidentEvent = {
  type: 'ProtectiveActionOrdered',
  data: {
    incidentId: INCIDENT_ID,
    actionId: ACTION_ID,
    kind: 'evacuation',
    center: { lat: 32.55, lon: -116.94 },
    radiusMeters: 800,
    instructions: { en: 'Leave the lot by the east gate', es: 'Salga del lote por la puerta este' },
    side: 'US',
  },
};

const worse: IncidentEvent = {
  type: 'IncidentUpdated',
  data: { incidentId: INCIDENT_ID, changes: { severity: 'extreme' } },
};

const incidentStream = (events: IncidentEvent[], mode: Mode = 'actual', extra: Record<string, unknown> = {}) =>
  stream(`incident-${INCIDENT_ID}`, events, mode, extra);

const issued: NotificationEvent = {
  type: 'BlmNotificationIssued',
  data: {
    notificationId: NOTIFICATION_ID,
    blmId: 'blm-sandiego-tijuana',
    subject: { incidentId: INCIDENT_ID, portId: 'otay-mesa' },
    title: { en: 'Otay Mesa commercial lanes closed', es: 'Carriles comerciales de Mesa de Otay cerrados' },
    body: { en: 'Chlorine release; lanes closed until further notice.', es: 'Fuga de cloro; carriles cerrados.' },
    severity: 'severe',
    acknowledgmentDeadline: '2026-11-23T20:00:00.000Z',
    recipients: [
      { agency: 'CBP', side: 'US' },
      { agency: 'ANAM', side: 'MX' },
    ],
    issuedBy: { side: 'US', agency: 'CBP', officer: 'officer.us' },
  },
};
const acknowledged: NotificationEvent = {
  type: 'BlmNotificationAcknowledged',
  data: { notificationId: NOTIFICATION_ID, agency: 'ANAM', side: 'MX', officer: 'officer.mx', readIn: 'es' },
};
const updated: NotificationEvent = {
  type: 'BlmNotificationUpdated',
  data: { notificationId: NOTIFICATION_ID, severity: 'extreme' },
};
const cancelled: NotificationEvent = {
  type: 'BlmNotificationCancelled',
  data: {
    notificationId: NOTIFICATION_ID,
    reason: { en: 'Issued for the wrong port', es: 'Emitida para otro puerto' },
  },
};

const notificationStream = (events: NotificationEvent[], mode: Mode = 'actual') =>
  stream(`notification-${NOTIFICATION_ID}`, events, mode);

const BLM_NAME = {
  en: 'San Diego–Tijuana Border Liaison Mechanism',
  es: 'Mecanismo de Enlace Fronterizo Tijuana–San Diego',
};

const OPTIONS = { sender: SENDER, senderName: { en: 'Enlace (U.S.–Mexico)', es: 'Enlace (México–EE. UU.)' } };

// --- a few readers for the produced XML (the schema check below is the real gate) ---

function infos(xml: string): string[] {
  return [...xml.matchAll(/<info>[\s\S]*?<\/info>/g)].map((match) => match[0]);
}

function parameters(info: string): [string, string][] {
  return [...info.matchAll(/<parameter>\s*<valueName>(.*?)<\/valueName>\s*<value>(.*?)<\/value>/g)].map((match) => [
    unescapeXml(match[1]!),
    unescapeXml(match[2]!),
  ]);
}

/** What every Enlace alert has, whatever its kind. */
function expectEnvelope(xml: string): void {
  expect(
    xml.startsWith('<?xml version="1.0" encoding="UTF-8"?>\n<alert xmlns="urn:oasis:names:tc:emergency:cap:1.2">'),
  ).toBe(true);
  expect(one(xml, 'sender')).toBe(SENDER);
  expect(one(xml, 'scope')).toBe('Restricted');
  expect(one(xml, 'restriction')).toContain('Border Liaison Mechanism');
  const identifier = one(xml, 'identifier')!;
  expect(identifier).not.toMatch(/[\s,<&]/);
  for (const dateTime of [
    ...all(xml, 'sent'),
    ...all(xml, 'effective'),
    ...all(xml, 'onset'),
    ...all(xml, 'expires'),
  ]) {
    expect(dateTime).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d[-+]\d\d:\d\d$/);
  }
  const blocks = infos(xml);
  expect(blocks).toHaveLength(2);
  expect(one(blocks[0]!, 'language')).toBe('en-US');
  expect(one(blocks[1]!, 'language')).toBe('es-MX');
  for (const block of blocks) expect([...one(block, 'headline')!].length).toBeLessThanOrEqual(160);
}

describe('CAP 1.2 export of an incident', () => {
  it('exports revision 0 as an Alert with one info block per language', async () => {
    const xml = incidentAlert(incidentStream([reported]), OPTIONS);
    await assertValidCap(xml);
    expectEnvelope(xml);
    expect(one(xml, 'identifier')).toBe(`urn:enlace:incident-${INCIDENT_ID}:0`);
    expect(one(xml, 'sent')).toBe('2026-11-23T18:00:00-00:00');
    expect(one(xml, 'status')).toBe('Actual');
    expect(one(xml, 'msgType')).toBe('Alert');
    expect(one(xml, 'references')).toBeUndefined();
    expect(one(xml, 'note')).toBeUndefined();
    expect(one(xml, 'incidents')).toBe(INCIDENT_ID);
    expect(one(xml, 'source')).toBe('CBP (US)');

    const [en, es] = infos(xml) as [string, string];
    expect(all(en, 'category')).toEqual(['CBRNE', 'Env', 'Transport']);
    expect(all(es, 'category')).toEqual(['CBRNE', 'Env', 'Transport']);
    expect(one(en, 'event')).toBe('Hazardous materials release');
    expect(one(es, 'event')).toBe('Liberación de materiales peligrosos');
    expect(all(en, 'responseType')).toEqual(['Monitor']);
    expect([one(en, 'urgency'), one(en, 'severity'), one(en, 'certainty')]).toEqual([
      'Immediate',
      'Severe',
      'Observed',
    ]);
    expect([one(es, 'urgency'), one(es, 'severity'), one(es, 'certainty')]).toEqual([
      'Immediate',
      'Severe',
      'Observed',
    ]);
    expect(one(en, 'onset')).toBe('2026-11-23T17:40:00-00:00');
    expect(one(en, 'senderName')).toBe('Enlace (U.S.–Mexico)');
    expect(one(es, 'senderName')).toBe('Enlace (México–EE. UU.)');
    expect(one(en, 'headline')).toBe('Chlorine release at the commercial lot');
    expect(one(es, 'headline')).toBe('Fuga de cloro en el lote comercial');
    expect(one(en, 'description')).toContain('Material: Chlorine (UN1017, hazard class 2.3, ERG guide 124');
    expect(one(es, 'description')).toContain('guía GRE 124');
    expect(parameters(en)).toEqual(
      expect.arrayContaining([
        ['UNNumber', 'UN1017'],
        ['ERGGuide', '124'],
        ['AffectedPortOfEntry', 'otay-mesa'],
      ]),
    );
    expect(one(en, 'areaDesc')).toBe('Otay Mesa commercial lot');
    expect(one(en, 'circle')).toBe('32.549,-116.938 1');
  });

  it('marks a missing translation with the other language and a MissingTranslation parameter', async () => {
    const xml = incidentAlert(incidentStream([reported]), OPTIONS);
    await assertValidCap(xml);
    const [en, es] = infos(xml) as [string, string];
    expect(one(es, 'areaDesc')).toBe('[EN] Otay Mesa commercial lot');
    expect(parameters(es)).toContainEqual(['MissingTranslation', 'location.description']);
    expect(parameters(en).filter(([name]) => name === 'MissingTranslation')).toEqual([]);

    const translated = incidentAlert(
      incidentStream([
        reported,
        {
          type: 'IncidentTextTranslated',
          data: { incidentId: INCIDENT_ID, field: 'location.description', language: 'es', text: 'Lote comercial' },
        },
      ]),
      OPTIONS,
    );
    await assertValidCap(translated);
    const spanish = infos(translated)[1]!;
    expect(one(spanish, 'areaDesc')).toBe('Lote comercial');
    expect(parameters(spanish).filter(([name]) => name === 'MissingTranslation')).toEqual([]);
  });

  it('exports later revisions as an Update referencing every earlier version, the original Alert first', async () => {
    const events = incidentStream([reported, evacuation, worse]);
    const xml = incidentAlert(events, OPTIONS);
    await assertValidCap(xml);
    expectEnvelope(xml);
    expect(one(xml, 'identifier')).toBe(`urn:enlace:incident-${INCIDENT_ID}:2`);
    expect(one(xml, 'sent')).toBe('2026-11-23T18:02:00-00:00');
    expect(one(xml, 'msgType')).toBe('Update');
    const references = one(xml, 'references')!.split(' ');
    expect(references).toEqual([
      `${SENDER},urn:enlace:incident-${INCIDENT_ID}:0,2026-11-23T18:00:00-00:00`,
      `${SENDER},urn:enlace:incident-${INCIDENT_ID}:1,2026-11-23T18:01:00-00:00`,
    ]);
    // The reference to the original Alert is exactly that Alert's sender, identifier and sent.
    const original = incidentAlert(events.slice(0, 1), OPTIONS);
    expect(references[0]).toBe(`${one(original, 'sender')},${one(original, 'identifier')},${one(original, 'sent')}`);

    const [en, es] = infos(xml) as [string, string];
    expect(all(en, 'responseType')).toEqual(['Evacuate']);
    expect(one(en, 'severity')).toBe('Extreme');
    expect(one(en, 'circle')).toBe('32.549,-116.938 0.8');
    expect(one(en, 'instruction')).toBe('Evacuation (radius 800 m): Leave the lot by the east gate');
    expect(one(es, 'instruction')).toBe('Evacuación (radio de 800 m): Salga del lote por la puerta este');
  });

  it('exports a closed incident as an all-clear Update (responseType AllClear, urgency Past)', async () => {
    const xml = incidentAlert(
      incidentStream([
        reported,
        evacuation,
        { type: 'ProtectiveActionLifted', data: { incidentId: INCIDENT_ID, actionId: ACTION_ID } },
        {
          type: 'IncidentClosed',
          data: { incidentId: INCIDENT_ID, summary: { en: 'Leak sealed', es: 'Fuga sellada' } },
        },
      ]),
      OPTIONS,
    );
    await assertValidCap(xml);
    expectEnvelope(xml);
    expect(one(xml, 'msgType')).toBe('Update');
    expect(one(xml, 'references')!.split(' ')).toHaveLength(3);
    const [en, es] = infos(xml) as [string, string];
    expect(all(en, 'responseType')).toEqual(['AllClear']);
    expect(one(en, 'urgency')).toBe('Past');
    expect(one(en, 'headline')).toBe('All clear: Chlorine release at the commercial lot');
    expect(one(es, 'headline')).toBe('Fin de la emergencia: Fuga de cloro en el lote comercial');
    expect(one(en, 'description')).toContain('Incident closed: Leak sealed');
    expect(one(en, 'circle')).toBe('32.549,-116.938 1');
  });

  it('exports a drill as an Exercise alert with the HSEEP marking and the exercise id in <note>', async () => {
    const drillId = '5b0c8e2a-6f1d-4a3b-9c7e-2d4f6a8b0c1e';
    const xml = incidentAlert(incidentStream([reported], 'exercise', { drillId }), OPTIONS);
    await assertValidCap(xml);
    expectEnvelope(xml);
    expect(one(xml, 'status')).toBe('Exercise');
    const note = one(xml, 'note')!;
    expect(note.startsWith('EXERCISE EXERCISE EXERCISE')).toBe(true);
    expect(note.endsWith('EXERCISE EXERCISE EXERCISE')).toBe(true);
    expect(note).toContain(`Exercise ${drillId}.`);
    const [en, es] = infos(xml) as [string, string];
    expect(one(en, 'headline')!.startsWith('EXERCISE EXERCISE EXERCISE: ')).toBe(true);
    expect(one(en, 'description')!.startsWith('EXERCISE EXERCISE EXERCISE\n')).toBe(true);
    expect(one(en, 'description')!.endsWith('\nEXERCISE EXERCISE EXERCISE')).toBe(true);
    expect(one(es, 'headline')!.startsWith('EJERCICIO EJERCICIO EJERCICIO: ')).toBe(true);

    const byOption = incidentAlert(incidentStream([reported], 'exercise'), { ...OPTIONS, exerciseId: 'FSE-7' });
    await assertValidCap(byOption);
    expect(one(byOption, 'note')).toContain('Exercise FSE-7.');
    // One exercise event is enough: a drill never exports as Actual.
    const mixed = [...incidentStream([reported]), ...incidentStream([reported, worse], 'exercise').slice(1)];
    expect(one(incidentAlert(mixed, OPTIONS), 'status')).toBe('Exercise');
  });

  it('escapes <, &, > and quotes in every text and still validates', async () => {
    const nasty = `Tank <B&W> "East" & 'West' </description><evil/>`;
    const xml = incidentAlert(
      incidentStream([
        {
          type: 'IncidentReported',
          data: {
            ...reported.data,
            title: { en: nasty, es: `${nasty} (es)` },
            location: { lat: 32.549, lon: -116.938, description: { en: nasty, es: 'A & B' } },
            material: { name: 'Acid <HCl> & co', unNumber: '1050' },
          },
        },
      ]),
      { sender: SENDER, senderName: { en: 'Enlace <&> "Ops"', es: 'Enlace & Ops' } },
    );
    await assertValidCap(xml);
    expect(xml).not.toContain('<evil/>');
    expect(xml).not.toContain('<B&W>');
    expect(xml).toContain('Tank &lt;B&amp;W&gt; &quot;East&quot; &amp; &apos;West&apos;');
    const [en, es] = infos(xml) as [string, string];
    expect(one(en, 'headline')).toBe(nasty);
    expect(one(en, 'areaDesc')).toBe(nasty);
    expect(one(es, 'areaDesc')).toBe('A & B');
    expect(one(en, 'senderName')).toBe('Enlace <&> "Ops"');
    expect(one(en, 'description')).toContain('Material: Acid <HCl> & co (UN1050).');
  });

  it('drops characters XML cannot carry and keeps headlines within 160 characters', async () => {
    const long = `Control\u0001 char and a very long title ${'x'.repeat(300)}`;
    const xml = incidentAlert(
      incidentStream([{ type: 'IncidentReported', data: { ...reported.data, title: { en: long } } }]),
      OPTIONS,
    );
    await assertValidCap(xml);
    expectEnvelope(xml);
    const [en, es] = infos(xml) as [string, string];
    expect(one(en, 'headline')).toHaveLength(160);
    expect(one(en, 'headline')!.endsWith('…')).toBe(true);
    expect(one(es, 'headline')!.startsWith('[EN] Control char')).toBe(true);
    expect(parameters(es)).toContainEqual(['MissingTranslation', 'title']);
  });

  it('refuses a sender CAP cannot carry, and an empty or unreported stream', () => {
    expect(() => incidentAlert(incidentStream([reported]), { sender: 'enlace ops' })).toThrow(/sender/);
    expect(() => incidentAlert(incidentStream([reported]), { sender: 'a,b' })).toThrow(/sender/);
    expect(() => incidentAlert([], OPTIONS)).toThrow();
    expect(() => incidentAlert(incidentStream([worse]), OPTIONS)).toThrow(/reported incident/);
  });
});

describe('CAP 1.2 export of a BLM notification', () => {
  const withSubject = (): NotificationCapOptions => ({
    ...OPTIONS,
    blmName: BLM_NAME,
    ...incidentSubject(incidentStream([reported, evacuation])),
  });

  it('exports an issued notification as an Alert, with the subject incident area and categories', async () => {
    const xml = notificationAlert(notificationStream([issued]), withSubject());
    await assertValidCap(xml);
    expectEnvelope(xml);
    expect(one(xml, 'identifier')).toBe(`urn:enlace:notification-${NOTIFICATION_ID}:0`);
    expect(one(xml, 'msgType')).toBe('Alert');
    expect(one(xml, 'status')).toBe('Actual');
    expect(one(xml, 'references')).toBeUndefined();
    expect(one(xml, 'incidents')).toBe(INCIDENT_ID);
    expect(one(xml, 'restriction')).toContain(BLM_NAME.en);
    const [en, es] = infos(xml) as [string, string];
    expect(all(en, 'category')).toEqual(['CBRNE', 'Env', 'Transport']);
    expect(all(en, 'responseType')).toEqual(['Monitor']);
    expect(one(en, 'headline')).toBe('Otay Mesa commercial lanes closed');
    expect(one(es, 'headline')).toBe('Carriles comerciales de Mesa de Otay cerrados');
    expect(one(en, 'instruction')).toBe('Acknowledge receipt in Enlace by 2026-11-23T20:00:00-00:00.');
    expect(parameters(en)).toContainEqual(['AcknowledgmentDeadline', '2026-11-23T20:00:00-00:00']);
    expect(one(en, 'circle')).toBe('32.549,-116.938 0.8');
    expect(one(es, 'areaDesc')).toBe('[EN] Otay Mesa commercial lot');
  });

  it('makes no new version for an acknowledgment', () => {
    const before = notificationAlert(notificationStream([issued]), withSubject());
    const after = notificationAlert(notificationStream([issued, acknowledged]), withSubject());
    expect(after).toBe(before);
  });

  it('exports an update as an Update referencing the original Alert', async () => {
    const xml = notificationAlert(notificationStream([issued, acknowledged, updated]), withSubject());
    await assertValidCap(xml);
    expectEnvelope(xml);
    expect(one(xml, 'identifier')).toBe(`urn:enlace:notification-${NOTIFICATION_ID}:2`);
    expect(one(xml, 'sent')).toBe('2026-11-23T18:02:00-00:00');
    expect(one(xml, 'msgType')).toBe('Update');
    expect(one(xml, 'references')).toBe(
      `${SENDER},urn:enlace:notification-${NOTIFICATION_ID}:0,2026-11-23T18:00:00-00:00`,
    );
    expect(one(infos(xml)[0]!, 'severity')).toBe('Extreme');
  });

  it('exports a cancellation as a Cancel referencing every earlier version (not the acknowledgment)', async () => {
    const xml = notificationAlert(notificationStream([issued, acknowledged, updated, cancelled]), withSubject());
    await assertValidCap(xml);
    expectEnvelope(xml);
    expect(one(xml, 'msgType')).toBe('Cancel');
    expect(one(xml, 'identifier')).toBe(`urn:enlace:notification-${NOTIFICATION_ID}:3`);
    expect(one(xml, 'references')!.split(' ')).toEqual([
      `${SENDER},urn:enlace:notification-${NOTIFICATION_ID}:0,2026-11-23T18:00:00-00:00`,
      `${SENDER},urn:enlace:notification-${NOTIFICATION_ID}:2,2026-11-23T18:02:00-00:00`,
    ]);
    const [en, es] = infos(xml) as [string, string];
    expect(all(en, 'responseType')).toEqual(['None']);
    expect(one(en, 'urgency')).toBe('Past');
    expect(one(en, 'headline')).toBe('Cancelled: Otay Mesa commercial lanes closed');
    expect(one(en, 'description')!.startsWith('CANCELLED: Issued for the wrong port')).toBe(true);
    expect(one(es, 'description')!.startsWith('CANCELADA: Emitida para otro puerto')).toBe(true);
    expect(parameters(en).map(([name]) => name)).not.toContain('AcknowledgmentDeadline');
  });

  it('uses the BLM as the area when the subject incident is unknown', async () => {
    const xml = notificationAlert(
      notificationStream([{ ...issued, data: { ...issued.data, subject: { portId: 'otay-mesa' } } }]),
      { ...OPTIONS, blmName: BLM_NAME },
    );
    await assertValidCap(xml);
    expectEnvelope(xml);
    expect(one(xml, 'incidents')).toBeUndefined();
    const [en, es] = infos(xml) as [string, string];
    expect(all(en, 'category')).toEqual(['Safety', 'Transport']);
    expect(one(en, 'areaDesc')).toBe(BLM_NAME.en);
    expect(one(es, 'areaDesc')).toBe(BLM_NAME.es);
    expect(all(en, 'circle')).toEqual([]);
  });

  it('exports an exercise notification as Exercise with the marking', async () => {
    const xml = notificationAlert(notificationStream([issued], 'exercise'), { ...OPTIONS, exerciseId: 'TTX-1' });
    await assertValidCap(xml);
    expect(one(xml, 'status')).toBe('Exercise');
    expect(one(xml, 'note')).toContain('EXERCISE EXERCISE EXERCISE. Exercise TTX-1.');
    expect(one(infos(xml)[0]!, 'areaDesc')).toBe('blm-sandiego-tijuana');
  });
});

describe('CAP building blocks', () => {
  it('writes dateTimes with an explicit offset, UTC as -00:00, never Z or fractions', () => {
    expect(capDateTime('2026-11-23T18:00:00.999Z')).toBe('2026-11-23T18:00:00-00:00');
    expect(capDateTime('2026-11-23T11:00:00-07:00')).toBe('2026-11-23T18:00:00-00:00');
    expect(() => capDateTime('yesterday')).toThrow();
  });

  it('makes identifiers without spaces, commas, < or &', () => {
    expect(capIdentifier('incident-abc', 4)).toBe('urn:enlace:incident-abc:4');
    expect(capIdentifier('exercise.ttx:incident-1', 0)).toBe('urn:enlace:exercise.ttx:incident-1:0');
    expect(capIdentifier('odd stream, <&>', 1)).not.toMatch(/[\s,<&>]/);
  });

  it('escapes markup and quotes', () => {
    expect(escapeXml(`<a href="x">'&'</a>`)).toBe('&lt;a href=&quot;x&quot;&gt;&apos;&amp;&apos;&lt;/a&gt;');
  });
});
