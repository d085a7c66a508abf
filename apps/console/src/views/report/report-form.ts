// The report form's rules, kept out of the view so they are tested without a browser: what the officer typed, read
// into the api's body; every problem at once, in words, in the officer's language, each under its field; and the
// api's refusals (which name raw fields such as `quantity.amount`) put under the same fields, in the same words.
import { fieldErrors, type RefusalLike } from '../../drills/field-errors';
import type { Lang } from '../../i18n';

/** The form's fields, as its errors are keyed. */
export const REPORT_FIELDS = [
  'title',
  'primaryPort',
  'additionalPorts',
  'place',
  'coordinates',
  'unNumber',
  'materialName',
  'amount',
  'unit',
] as const;
export type ReportField = (typeof REPORT_FIELDS)[number];

export interface ReportInput {
  kind: string;
  severity: string;
  title: { en: string; es: string };
  place: { en: string; es: string };
  primaryPortId: string;
  additionalPortIds: string[];
  /** As typed (blank: the primary port's point). */
  lat: string;
  lon: string;
  unNumber: string;
  materialName: string;
  knownMaterialName: string | undefined;
  amount: string;
  unit: string;
}

export interface PortPoint {
  id: string;
  location?: { lat: number; lon: number } | null;
}

/** What each problem says, in the officer's language (the dictionary's `archiveReport.problems`). */
export interface ProblemWords {
  titleMissing: string;
  placeMissing: string;
  primaryPortMissing: string;
  noPortPoint: string;
  coordinatePair: string;
  latitudeRange: string;
  longitudeRange: string;
  unNumber: string;
  amount: string;
  /** A field the api refused, with its message: `label: message`. */
  refused: (label: string, message: string) => string;
}

export type FieldProblems = Map<ReportField, string[]>;

const trimmed = (text: { en: string; es: string }) => ({ en: text.en.trim(), es: text.es.trim() });
const bilingual = (text: { en: string; es: string }) => {
  const { en, es } = trimmed(text);
  return { ...(en ? { en } : {}), ...(es ? { es } : {}) };
};

/** A decimal number as typed (a comma is a decimal point too); NaN when it is not one. */
export function parseDecimal(text: string): number {
  const plain = text.trim().replace(',', '.');
  return /^[-+]?(\d+(\.\d*)?|\.\d+)$/.test(plain) ? Number(plain) : Number.NaN;
}

/** The coordinates typed, the primary port's point, or nothing (with the problems found). */
function locationOf(
  input: ReportInput,
  port: PortPoint | undefined,
  words: ProblemWords,
  add: (field: ReportField, problem: string) => void,
): { lat: number; lon: number } | undefined {
  const typed = input.lat.trim() !== '' || input.lon.trim() !== '';
  if (!typed) {
    if (port && !port.location) add('coordinates', words.noPortPoint);
    return port?.location ?? undefined;
  }
  if (input.lat.trim() === '' || input.lon.trim() === '') {
    add('coordinates', words.coordinatePair);
    return undefined;
  }
  const lat = parseDecimal(input.lat);
  const lon = parseDecimal(input.lon);
  const latOk = lat >= -90 && lat <= 90;
  const lonOk = lon >= -180 && lon <= 180;
  if (!latOk) add('coordinates', words.latitudeRange);
  if (!lonOk) add('coordinates', words.longitudeRange);
  return latOk && lonOk ? { lat, lon } : undefined;
}

/**
 * Every problem of the form at once, and the api's body when there is none. The location is the coordinates typed
 * (or placed on the map), else the primary port's point; the primary port comes first among the affected ports.
 */
export function readReport(
  input: ReportInput,
  ports: readonly PortPoint[],
  words: ProblemWords,
): { problems: FieldProblems; body?: Record<string, unknown> } {
  const problems: FieldProblems = new Map();
  const add = (field: ReportField, problem: string) => problems.set(field, [...(problems.get(field) ?? []), problem]);
  const title = bilingual(input.title);
  const place = bilingual(input.place);
  if (!title.en && !title.es) add('title', words.titleMissing);
  const port = ports.find((candidate) => candidate.id === input.primaryPortId);
  if (!port) add('primaryPort', words.primaryPortMissing);
  if (!place.en && !place.es) add('place', words.placeMissing);
  const point = locationOf(input, port, words, add);
  const unNumber = input.unNumber.trim();
  if (unNumber !== '' && !/^\d{4}$/.test(unNumber)) add('unNumber', words.unNumber);
  const amount = input.amount.trim() === '' ? undefined : parseDecimal(input.amount);
  if (amount !== undefined && !(amount >= 0)) add('amount', words.amount);
  if (problems.size > 0 || !port || !point) return { problems };
  const name = input.materialName.trim() || input.knownMaterialName;
  const additional = [...new Set(input.additionalPortIds)].filter((id) => id !== port.id);
  return {
    problems,
    body: {
      kind: input.kind,
      severity: input.severity,
      title,
      location: { lat: point.lat, lon: point.lon, description: place },
      primaryPortId: port.id,
      affectedPortIds: [port.id, ...additional],
      ...(name ? { material: { name, ...(unNumber ? { unNumber } : {}) } } : {}),
      ...(amount !== undefined ? { quantity: { amount, unit: input.unit } } : {}),
    },
  };
}

/** Where the api's field (`quantity.amount`, `location.lat`, `affectedPortIds[1]`) is on the form. */
export function formFieldOf(apiField: string): ReportField | undefined {
  const root = apiField.replace(/\[\d+\]/g, '');
  if (root === 'title' || root.startsWith('title.')) return 'title';
  if (root === 'location.description' || root.startsWith('location.description.')) return 'place';
  if (root === 'location' || root === 'location.lat' || root === 'location.lon') return 'coordinates';
  if (root === 'primaryPortId') return 'primaryPort';
  if (root === 'affectedPortIds') return 'additionalPorts';
  if (root === 'material.unNumber') return 'unNumber';
  if (root === 'material' || root === 'material.name') return 'materialName';
  if (root === 'quantity' || root === 'quantity.amount') return 'amount';
  if (root === 'quantity.unit') return 'unit';
  return undefined;
}

/**
 * The api's refusal under the form's fields, each message in the officer's language with the field named by its
 * label instead of its raw path; what belongs to no field is answered apart (`rest`).
 */
export function refusalProblems(
  error: RefusalLike | undefined,
  lang: Lang,
  labels: Record<ReportField, string>,
  words: Pick<ProblemWords, 'refused'>,
): { problems: FieldProblems; rest: boolean } {
  const problems: FieldProblems = new Map();
  let rest = false;
  for (const [apiField, messages] of fieldErrors(error, lang)) {
    const field = formFieldOf(apiField);
    if (!field) {
      rest = true;
      continue;
    }
    const paths = [apiField, apiField.replace(/\[(\d+)\]/g, '.$1')];
    const worded = messages.map((message) => {
      const path = paths.find((candidate) => message.startsWith(candidate));
      const bare = path ? message.slice(path.length).replace(/^[:\s]+/, '') : message;
      return words.refused(labels[field], bare);
    });
    problems.set(field, [...(problems.get(field) ?? []), ...worded]);
  }
  return { problems, rest: rest || (error !== undefined && problems.size === 0) };
}
