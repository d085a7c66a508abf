import { type BilingualText, EXERCISE_MARK } from '@enlace/domain';
import type { RecordedEvent } from '@enlace/event-store';
import { element, parent, renderXml, stripNonXml, type XmlNode } from './xml.js';

/** OASIS CAP 1.2 (OASIS Standard, 1 July 2010; ITU-T X.1303). */
export const CAP_NAMESPACE = 'urn:oasis:names:tc:emergency:cap:1.2';
export const CAP_MEDIA_TYPE = 'application/cap+xml';

export type CapStatus = 'Actual' | 'Exercise' | 'System' | 'Test' | 'Draft';
export type CapMsgType = 'Alert' | 'Update' | 'Cancel' | 'Ack' | 'Error';
export type CapScope = 'Public' | 'Restricted' | 'Private';
export type CapCategory =
  | 'Geo'
  | 'Met'
  | 'Safety'
  | 'Security'
  | 'Rescue'
  | 'Fire'
  | 'Health'
  | 'Env'
  | 'Transport'
  | 'Infra'
  | 'CBRNE'
  | 'Other';
export type CapResponseType =
  'Shelter' | 'Evacuate' | 'Prepare' | 'Execute' | 'Avoid' | 'Monitor' | 'Assess' | 'AllClear' | 'None';
export type CapUrgency = 'Immediate' | 'Expected' | 'Future' | 'Past' | 'Unknown';
export type CapSeverity = 'Extreme' | 'Severe' | 'Moderate' | 'Minor' | 'Unknown';
export type CapCertainty = 'Observed' | 'Likely' | 'Possible' | 'Unlikely' | 'Unknown';

/** The two `<info>` languages Enlace emits, in this order. */
export const CAP_LANGUAGES = { en: 'en-US', es: 'es-MX' } as const;

export interface CapValuePair {
  valueName: string;
  value: string;
}

export interface CapAreaBlock {
  areaDesc: string;
  /** `lat,lon radius_km` (WGS-84). */
  circles: string[];
}

export interface CapInfo {
  language: string;
  categories: CapCategory[];
  event: string;
  responseTypes: CapResponseType[];
  urgency: CapUrgency;
  severity: CapSeverity;
  certainty: CapCertainty;
  eventCodes: CapValuePair[];
  effective?: string;
  onset?: string;
  expires?: string;
  senderName?: string;
  headline?: string;
  description?: string;
  instruction?: string;
  parameters: CapValuePair[];
  areas: CapAreaBlock[];
}

export interface CapAlert {
  identifier: string;
  sender: string;
  sent: string;
  status: CapStatus;
  msgType: CapMsgType;
  source?: string;
  scope: CapScope;
  restriction?: string;
  note?: string;
  /** `sender,identifier,sent` triplets of the earlier messages, oldest first. */
  references: string[];
  incidents: string[];
  infos: CapInfo[];
}

/** An area a caller already knows (e.g. a notification's subject incident), with its description in both languages. */
export interface CapArea {
  description: BilingualText;
  lat: number;
  lon: number;
  radiusKm: number;
}

export interface CapOptions {
  /** The CAP sender: globally unique, no spaces, commas, `<` or `&` (e.g. `enlace@border.example`). */
  sender: string;
  /** The human-readable sender shown in each `<info>`; defaults to "Enlace". */
  senderName?: BilingualText;
  /** The exercise identifier written in `<note>` of an Exercise alert (else the drill id its events carry). */
  exerciseId?: string;
}

/** CAP identifiers and senders must not contain spaces, commas or the restricted characters `<` and `&`. */
const CAP_TOKEN = /^[^\s,<&]+$/;

export function checkSender(sender: string): void {
  if (!CAP_TOKEN.test(sender)) {
    throw new Error(`CAP sender must be non-empty, without spaces, commas, "<" or "&": ${JSON.stringify(sender)}`);
  }
}

/**
 * The identifier of one alert version, stable and unique: `urn:enlace:<streamId>:<revision>`. Anything in the stream
 * id outside letters, digits and `-._~:!*'()` is percent-encoded, so no space, comma, `<` or `&` can appear.
 */
export function capIdentifier(streamId: string, revision: number): string {
  const safe = encodeURIComponent(streamId).replace(/%3A/gi, ':');
  return `urn:enlace:${safe}:${revision}`;
}

/**
 * A CAP dateTime: seconds precision and an explicit offset, UTC written `-00:00` (CAP forbids `Z`; the schema also
 * forbids fractional seconds, so milliseconds are dropped).
 */
export function capDateTime(instant: string): string {
  const time = Date.parse(instant);
  if (Number.isNaN(time)) throw new Error(`Not a valid instant: ${JSON.stringify(instant)}`);
  const iso = new Date(time).toISOString();
  if (!/^\d{4}-/.test(iso)) throw new Error(`CAP cannot represent the year of ${JSON.stringify(instant)}`);
  return `${iso.slice(0, 19)}-00:00`;
}

/** `capDateTime`, or `undefined` for a value CAP cannot carry (unparseable, or a year outside 0000–9999). */
export function tryCapDateTime(instant: string): string | undefined {
  try {
    return capDateTime(instant);
  } catch {
    return undefined;
  }
}

export interface AlertVersion {
  identifier: string;
  sent: string;
}

export function versionOf(event: RecordedEvent): AlertVersion {
  return { identifier: capIdentifier(event.streamId, event.revision), sent: capDateTime(event.metadata.recordedAt) };
}

export function referenceTriplet(sender: string, version: AlertVersion): string {
  return `${sender},${version.identifier},${version.sent}`;
}

/** `Exercise` when any event was recorded in exercise mode (drills always export as Exercise), else `Actual`. */
export function statusOf(events: readonly RecordedEvent[]): CapStatus {
  return events.some((event) => event.metadata.mode === 'exercise') ? 'Exercise' : 'Actual';
}

export { EXERCISE_MARK };

/** The HSEEP marking, with the exercise identifier when one is known (option first, then the latest event's drill). */
export function exerciseNote(events: readonly RecordedEvent[], options: CapOptions): string {
  const fromEvents = [...events]
    .reverse()
    .map((event) => event.metadata.drillId)
    .find((value): value is string => typeof value === 'string' && value.trim() !== '');
  const exerciseId = options.exerciseId ?? fromEvents;
  const middle = exerciseId ? ` Exercise ${exerciseId}. ` : ' ';
  return `${EXERCISE_MARK.en}.${middle}This message is part of an exercise and is actionable only by designated exercise participants. ${EXERCISE_MARK.en}`;
}

export const HEADLINE_MAX = 160;

/** At most `max` characters (code points) as written, cut with an ellipsis. */
export function truncate(text: string, max = HEADLINE_MAX): string {
  const characters = [...stripNonXml(text)];
  return characters.length <= max ? characters.join('') : `${characters.slice(0, max - 1).join('')}…`;
}

/** A coordinate or distance as CAP writes it: plain decimal notation, never an exponent. */
export function decimal(value: number, digits: number): string {
  if (!Number.isFinite(value)) throw new Error(`Not a finite number: ${value}`);
  const fixed = Number(value.toFixed(digits));
  return (Object.is(fixed, -0) ? 0 : fixed).toFixed(digits).replace(/\.?0+$/, '');
}

export function circle(lat: number, lon: number, radiusKm: number): string {
  return `${decimal(lat, 6)},${decimal(lon, 6)} ${decimal(radiusKm, 3)}`;
}

function pairs(name: string, values: CapValuePair[]): XmlNode[] {
  return values.map((pair) => parent(name, [element('valueName', pair.valueName), element('value', pair.value)]));
}

function optional(name: string, value: string | undefined): XmlNode[] {
  return value === undefined || value === '' ? [] : [element(name, value)];
}

function infoNode(info: CapInfo): XmlNode {
  return parent('info', [
    element('language', info.language),
    ...info.categories.map((category) => element('category', category)),
    element('event', info.event),
    ...info.responseTypes.map((responseType) => element('responseType', responseType)),
    element('urgency', info.urgency),
    element('severity', info.severity),
    element('certainty', info.certainty),
    ...pairs('eventCode', info.eventCodes),
    ...optional('effective', info.effective),
    ...optional('onset', info.onset),
    ...optional('expires', info.expires),
    ...optional('senderName', info.senderName),
    ...optional('headline', info.headline),
    ...optional('description', info.description),
    ...optional('instruction', info.instruction),
    ...pairs('parameter', info.parameters),
    ...info.areas.map((area) =>
      parent('area', [element('areaDesc', area.areaDesc), ...area.circles.map((value) => element('circle', value))]),
    ),
  ]);
}

/** The `<alert>` document, elements in the order the CAP 1.2 schema requires. */
export function renderCapAlert(alert: CapAlert): string {
  const root = parent('alert', [
    element('identifier', alert.identifier),
    element('sender', alert.sender),
    element('sent', alert.sent),
    element('status', alert.status),
    element('msgType', alert.msgType),
    ...optional('source', alert.source),
    element('scope', alert.scope),
    ...optional('restriction', alert.restriction),
    ...optional('note', alert.note),
    ...optional('references', alert.references.join(' ')),
    ...optional('incidents', alert.incidents.join(' ')),
    ...alert.infos.map(infoNode),
  ]);
  return `<?xml version="1.0" encoding="UTF-8"?>\n${renderXml(root, { xmlns: CAP_NAMESPACE })}\n`;
}
