import type { Owner, Side } from '../shared/side.js';
import type { BilingualText } from '../shared/text.js';

export const LANE_MODES = ['passenger', 'pedestrian', 'commercial', 'rail', 'sentri', 'fast', 'ready'] as const;
export type LaneMode = (typeof LANE_MODES)[number];
export const DIRECTIONS = ['northbound', 'southbound'] as const;
export type Direction = (typeof DIRECTIONS)[number];
/** `<mode>:<direction>`, e.g. `commercial:northbound`. */
export type LaneId = `${LaneMode}:${Direction}`;

export interface Lane {
  id: LaneId;
  mode: LaneMode;
  direction: Direction;
}

export interface PortOfEntry {
  id: string;
  name: { us: string; mx: string };
  state: { us: string; mx: string };
  cbpPortCode: string | null;
  lanes: Lane[];
  /** WGS-84; null where the reference data has no reliable coordinates yet. */
  location: { lat: number; lon: number } | null;
  blmId: string;
  /** IANA time zones of each side of the crossing, for showing local times. */
  timeZones: { us: string; mx: string };
}

export interface MemberAgency {
  agency: string;
  side: Side;
  name: BilingualText;
}

export interface BorderLiaisonMechanism {
  id: string;
  name: { en: string; es: string };
  usChair: string;
  mxChair: string;
  sisterCities: string;
  members: MemberAgency[];
}

export interface SisterCityPlan {
  id: string;
  usCity: string;
  mxCity: string;
}

export interface HazardousMaterial {
  unNumber: string;
  /** The English name (ERG 2024), as `names.en`. */
  name: string;
  /** The name in both languages: English from the ERG 2024, Spanish from its official edition, the GRE 2024. */
  names: { en: string; es: string };
  hazardClass: string;
  ergGuide: string;
  /** The title of the guide (its number without the P of polymerization), in both editions. */
  guideTitle: { en: string; es: string };
  toxicByInhalation: boolean;
}

export const SHUTDOWN_KINDS = ['hazmat-release', 'fire', 'flood', 'security-threat', 'infrastructure-failure'] as const;
export type ShutdownKind = (typeof SHUTDOWN_KINDS)[number];

export interface ChecklistTemplateItem {
  id: string;
  text: Required<BilingualText>;
  owner: Owner;
  agency: string;
  critical: boolean;
}

export interface ChecklistTemplate {
  id: string;
  kind: ShutdownKind;
  version: number;
  name: Required<BilingualText>;
  items: ChecklistTemplateItem[];
}

/** Reference data the deciders consult; loaded from config/ by the application, given to deciders in memory. */
export interface ReferenceCatalog {
  port(id: string): PortOfEntry | undefined;
  ports(): readonly PortOfEntry[];
  blm(id: string): BorderLiaisonMechanism | undefined;
  blms(): readonly BorderLiaisonMechanism[];
  sisterCityPlan(id: string): SisterCityPlan | undefined;
  material(unNumber: string): HazardousMaterial | undefined;
  checklistTemplate(kind: ShutdownKind): ChecklistTemplate | undefined;
}

export function laneId(mode: LaneMode, direction: Direction): LaneId {
  return `${mode}:${direction}`;
}

/**
 * Each country controls entry into itself: northbound lanes (into the United States) are the U.S. side's to close
 * and reopen, southbound lanes (into Mexico) Mexico's.
 */
export const SIDE_OF_DIRECTION: Readonly<Record<Direction, Side>> = { northbound: 'US', southbound: 'MX' };

export function sideOfLane(lane: LaneId): Side {
  return lane.endsWith(':southbound') ? SIDE_OF_DIRECTION.southbound : SIDE_OF_DIRECTION.northbound;
}

/**
 * The agency codes a checklist item may name as its lead, by owner (config/checklists/README.md): each side's
 * federal and local agencies, and the binational bodies for joint items.
 */
export const CHECKLIST_AGENCIES: Readonly<Record<Owner, readonly string[]>> = {
  US: ['CBP', 'GSA', 'EPA', 'LOCAL-US', 'USCG', 'DOS', 'TRADE-US'],
  MX: ['ANAM', 'INM', 'PC', 'PROFEPA', 'INDAABIN', 'GN', 'SRE', 'TRADE-MX'],
  JOINT: ['JRT', 'BLM'],
};

/** Trusted-traveler and trusted-trader lanes (SENTRI, FAST, READY) exist only for entry into the United States. */
export function lanesForModes(modes: readonly LaneMode[]): Lane[] {
  return modes.flatMap((mode) =>
    DIRECTIONS.filter((direction) => direction === 'northbound' || !['sentri', 'fast', 'ready'].includes(mode)).map(
      (direction) => ({ id: laneId(mode, direction), mode, direction }),
    ),
  );
}
