import {
  CHECKLIST_AGENCIES,
  type BorderLiaisonMechanism,
  type ChecklistTemplate,
  createReferenceCatalog,
  type HazardousMaterial,
  LANE_MODES,
  type LaneMode,
  lanesForModes,
  type MemberAgency,
  type PortOfEntry,
  type ReferenceCatalog,
  type ReferenceDataSet,
  SHUTDOWN_KINDS,
  type SisterCityPlan,
} from '@enlace/domain';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseCsv } from './csv.js';

/** A reference file that does not hold what the system needs: names the file, the line and the field. */
export class InvalidReferenceDataError extends Error {
  constructor(readonly problems: readonly string[]) {
    super(`Invalid reference data:\n${problems.map((problem) => `  - ${problem}`).join('\n')}`);
    this.name = 'InvalidReferenceDataError';
  }
}

const SIDE_VALUES = ['US', 'MX'] as const;
const OWNER_VALUES = ['US', 'MX', 'JOINT'] as const;

class Problems {
  readonly list: string[] = [];
  add(where: string, message: string): void {
    this.list.push(`${where}: ${message}`);
  }
}

function readCsv(dir: string, file: string) {
  return parseCsv(readFileSync(join(dir, file), 'utf8')).map((entry) => ({ ...entry, where: `${file}:${entry.line}` }));
}

function required(row: Record<string, string>, field: string, where: string, problems: Problems): string {
  const value = row[field] ?? '';
  if (!value) problems.add(where, `${field} is required`);
  return value;
}

function coordinate(value: string, min: number, max: number): number | undefined {
  if (!value) return undefined;
  const number = Number(value);
  return Number.isFinite(number) && number >= min && number <= max ? number : Number.NaN;
}

function loadPorts(dir: string, blmIds: Set<string>, problems: Problems): PortOfEntry[] {
  return readCsv(dir, 'ports-of-entry.csv').map(({ row, where }) => {
    const modes = (row.modes ?? '').split(';').filter(Boolean);
    const unknownModes = modes.filter((mode) => !(LANE_MODES as readonly string[]).includes(mode));
    if (modes.length === 0) problems.add(where, 'modes is required');
    if (unknownModes.length > 0) {
      problems.add(where, `modes has unknown values ${unknownModes.join(', ')} (allowed: ${LANE_MODES.join(', ')})`);
    }
    const lat = coordinate(row.lat ?? '', -90, 90);
    const lon = coordinate(row.lon ?? '', -180, 180);
    if (Number.isNaN(lat) || Number.isNaN(lon) || (lat === undefined) !== (lon === undefined)) {
      problems.add(where, 'lat and lon must both be empty or both be WGS-84 degrees');
    }
    const blmId = required(row, 'blm', where, problems);
    if (blmId && !blmIds.has(blmId)) problems.add(where, `blm ${blmId} is not in border-liaison-mechanisms.csv`);
    return {
      id: required(row, 'id', where, problems),
      name: { us: required(row, 'us_name', where, problems), mx: required(row, 'mx_name', where, problems) },
      state: { us: required(row, 'us_state', where, problems), mx: required(row, 'mx_state', where, problems) },
      cbpPortCode: row.cbp_port_code || null,
      lanes: lanesForModes(modes.filter((mode): mode is LaneMode => !unknownModes.includes(mode))),
      location:
        lat !== undefined && lon !== undefined && !Number.isNaN(lat) && !Number.isNaN(lon) ? { lat, lon } : null,
      blmId,
      timeZones: {
        us: required(row, 'us_time_zone', where, problems),
        mx: required(row, 'mx_time_zone', where, problems),
      },
    };
  });
}

function loadMembers(
  dir: string,
  problems: Problems,
): { byDefault: MemberAgency[]; byBlm: Record<string, MemberAgency[]> } {
  const file = 'blm-members.json';
  const raw = JSON.parse(readFileSync(join(dir, file), 'utf8')) as {
    default?: unknown;
    byBlm?: Record<string, unknown>;
  };
  const check = (list: unknown, where: string): MemberAgency[] => {
    if (!Array.isArray(list) || list.length === 0) {
      problems.add(where, 'must be a non-empty list of { agency, side, name }');
      return [];
    }
    return list.map((entry: Partial<MemberAgency>, index) => {
      if (!entry.agency || !SIDE_VALUES.includes(entry.side as never)) {
        problems.add(`${where}[${index}]`, 'needs an agency and a side (US or MX)');
      }
      return { agency: String(entry.agency), side: entry.side as MemberAgency['side'], name: entry.name ?? {} };
    });
  };
  const byDefault = check(raw.default, `${file} default`);
  const byBlm = Object.fromEntries(
    Object.entries(raw.byBlm ?? {}).map(([blmId, list]) => [blmId, check(list, `${file} byBlm.${blmId}`)]),
  );
  return { byDefault, byBlm };
}

function loadBlms(dir: string, problems: Problems): BorderLiaisonMechanism[] {
  const members = loadMembers(dir, problems);
  return readCsv(dir, 'border-liaison-mechanisms.csv').map(({ row, where }) => {
    const id = required(row, 'id', where, problems);
    return {
      id,
      name: { en: required(row, 'name_en', where, problems), es: required(row, 'name_es', where, problems) },
      usChair: required(row, 'us_consulate_or_city', where, problems),
      mxChair: required(row, 'mx_consulate_or_city', where, problems),
      sisterCities: row.sister_cities ?? '',
      members: members.byBlm[id] ?? members.byDefault,
    };
  });
}

function loadPlans(dir: string, problems: Problems): SisterCityPlan[] {
  return readCsv(dir, 'sister-city-plans.csv').map(({ row, where }) => ({
    id: required(row, 'id', where, problems),
    usCity: required(row, 'us_city', where, problems),
    mxCity: required(row, 'mx_city', where, problems),
  }));
}

/** ERG guide titles by guide number (without the P suffix): English (ERG 2024) and Spanish (GRE 2024). */
function loadGuideTitles(dir: string, problems: Problems): Map<string, { en: string; es: string }> {
  const titles = new Map<string, { en: string; es: string }>();
  for (const { row, where } of readCsv(dir, 'erg-guides.csv')) {
    const guide = required(row, 'guide', where, problems);
    if (guide && !/^1(1[1-9]|[2-6]\d|7[0-4])$/.test(guide)) problems.add(where, 'guide must be a guide 111–174');
    titles.set(guide, {
      en: required(row, 'title_en', where, problems),
      es: required(row, 'title_es', where, problems),
    });
  }
  return titles;
}

function loadMaterials(dir: string, problems: Problems): HazardousMaterial[] {
  const titles = loadGuideTitles(dir, problems);
  return readCsv(dir, 'erg-materials.csv').map(({ row, where }) => {
    const unNumber = required(row, 'un_number', where, problems);
    if (unNumber && !/^\d{4}$/.test(unNumber)) problems.add(where, 'un_number must be 4 digits');
    const guide = required(row, 'erg_guide', where, problems);
    if (guide && !/^1(1[1-9]|[2-6]\d|7[0-4])P?$/.test(guide)) {
      problems.add(where, 'erg_guide must be a guide 111–174 (optional P)');
    }
    const name = required(row, 'name', where, problems);
    const guideTitle = titles.get(guide.replace(/P$/, ''));
    if (guide && !guideTitle) problems.add(where, `erg_guide ${guide} has no title in erg-guides.csv`);
    return {
      unNumber,
      name,
      names: { en: name, es: required(row, 'name_es', where, problems) },
      hazardClass: required(row, 'hazard_class', where, problems),
      ergGuide: guide,
      guideTitle: guideTitle ?? { en: '', es: '' },
      toxicByInhalation: row.toxic_by_inhalation === 'yes',
    };
  });
}

function isBilingual(value: unknown): value is { en: string; es: string } {
  const text = value as { en?: unknown; es?: unknown } | undefined;
  return typeof text?.en === 'string' && text.en.trim() !== '' && typeof text.es === 'string' && text.es.trim() !== '';
}

function loadTemplates(dir: string, problems: Problems): ChecklistTemplate[] {
  const templates: ChecklistTemplate[] = [];
  for (const file of readdirSync(dir)
    .filter((name) => name.endsWith('.json'))
    .sort()) {
    const where = `checklists/${file}`;
    const template = JSON.parse(readFileSync(join(dir, file), 'utf8')) as ChecklistTemplate;
    if (!(SHUTDOWN_KINDS as readonly string[]).includes(template.kind)) {
      problems.add(where, `kind must be one of ${SHUTDOWN_KINDS.join(', ')}`);
    }
    if (!Number.isInteger(template.version) || template.version < 1) {
      problems.add(where, 'version must be an integer ≥ 1');
    }
    if (!isBilingual(template.name)) problems.add(where, 'name needs both en and es');
    const ids = new Set<string>();
    (Array.isArray(template.items) ? template.items : []).forEach((item, index) => {
      const at = `${where} items[${index}]`;
      if (!/^[a-z0-9]+(-[a-z0-9]+)*$/.test(item.id ?? '')) problems.add(at, 'id must be kebab-case');
      if (ids.has(item.id)) problems.add(at, `id ${item.id} is repeated`);
      ids.add(item.id);
      if (!isBilingual(item.text)) problems.add(at, 'text needs both en and es');
      if (!OWNER_VALUES.includes(item.owner)) problems.add(at, 'owner must be US, MX or JOINT');
      if (!item.agency) problems.add(at, 'agency is required');
      else if (OWNER_VALUES.includes(item.owner) && !CHECKLIST_AGENCIES[item.owner].includes(item.agency)) {
        problems.add(
          at,
          `agency ${item.agency} cannot lead a ${item.owner} item (${CHECKLIST_AGENCIES[item.owner].join(', ')})`,
        );
      }
      if (typeof item.critical !== 'boolean') problems.add(at, 'critical must be true or false');
    });
    if (!Array.isArray(template.items) || template.items.length === 0) problems.add(where, 'items must not be empty');
    templates.push(template);
  }
  for (const kind of SHUTDOWN_KINDS) {
    if (!templates.some((template) => template.kind === kind)) problems.add('checklists/', `no template for ${kind}`);
  }
  return templates;
}

/** Reads `<configDir>/reference/*` and `<configDir>/checklists/*.json`; throws one error listing every problem. */
export function loadReferenceData(configDir: string): ReferenceDataSet {
  const problems = new Problems();
  const blms = loadBlms(join(configDir, 'reference'), problems);
  const data: ReferenceDataSet = {
    blms,
    ports: loadPorts(join(configDir, 'reference'), new Set(blms.map((blm) => blm.id)), problems),
    sisterCityPlans: loadPlans(join(configDir, 'reference'), problems),
    materials: loadMaterials(join(configDir, 'reference'), problems),
    checklistTemplates: loadTemplates(join(configDir, 'checklists'), problems),
  };
  const duplicates = data.ports.map((port) => port.id).filter((id, index, all) => all.indexOf(id) !== index);
  if (duplicates.length > 0) problems.add('ports-of-entry.csv', `ids repeated: ${duplicates.join(', ')}`);
  if (problems.list.length > 0) throw new InvalidReferenceDataError(problems.list);
  return data;
}

export function loadReferenceCatalog(configDir: string): ReferenceCatalog {
  return createReferenceCatalog(loadReferenceData(configDir));
}
