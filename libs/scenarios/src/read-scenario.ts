import {
  INCIDENT_KINDS,
  PERSON_ROLES,
  PROTECTIVE_ACTION_KINDS,
  type ReferenceCatalog,
  SEVERITIES,
  SHUTDOWN_KINDS,
  SIDES,
} from '@enlace/domain';
import { scenarioAgency } from './agencies.js';
import { CORE_CAPABILITY_IDS } from './core-capabilities.js';
import { type Fields, type FieldReader } from './field-reader.js';
import { OBSERVABLE_EVENT_TYPES } from './observable-events.js';
import type { FieldPath } from './scenario-problem.js';
import {
  DELIVERY_METHODS,
  type EventMatch,
  type Inject,
  type InjectCommand,
  type Objective,
  type Player,
  type PlayerSelector,
  type Scenario,
} from './scenario.types.js';

const LONG = { multiline: true };
const LINE = { multiline: false };
const SCENARIO_ID = {
  regex: /^[a-z0-9]+(-[a-z0-9]+)*$/,
  en: 'must be kebab-case (a-z, 0-9, hyphens)',
  es: 'debe estar en kebab-case (a-z, 0-9, guiones)',
};
const ENTRY_ID = {
  regex: /^[A-Za-z0-9]+([.-][A-Za-z0-9]+)*$/,
  en: 'must be letters and digits, parts joined by - or . (e.g. LRD-04)',
  es: 'debe ser letras y dígitos, unidos por - o . (p. ej. LRD-04)',
};

export const SCENARIO_FIELDS = [
  '$schema',
  'id',
  'title',
  'narrative',
  'portId',
  'blmId',
  'sisterCityPlanId',
  'hazard',
  'shutdownKind',
  'timeZone',
  'objectives',
  'players',
  'injects',
] as const;
export const INJECT_FIELDS = [
  'id',
  'offset',
  'synopsis',
  'delivery',
  'from',
  'to',
  'commands',
  'message',
  'expectedAction',
  'objectiveId',
  'capability',
  'controllerNotes',
  'contingencyFor',
] as const;
export const COMMAND_TYPES = [
  'ReportIncident',
  'UpdateIncident',
  'OrderProtectiveAction',
  'FileSituationReport',
  'RecordNationalCenterNotified',
  'RecordCounterpartCenterNotified',
] as const satisfies readonly InjectCommand['type'][];

/**
 * The structure of one scenario and its references to the reference data: each field's type, both languages of
 * every text, the ports, BLM, materials, roles, agencies and checklist items it names. Rules across injects (order,
 * contingencies, incidents reported before they are updated) are `checkInjectSequence`'s.
 */
export class ScenarioReader {
  private readonly read: FieldReader;

  constructor(
    read: FieldReader,
    private readonly reference: ReferenceCatalog,
  ) {
    this.read = read;
  }

  scenario(value: unknown): Scenario {
    const fields = this.read.object(value, [], SCENARIO_FIELDS);
    const portId = this.read.string(fields, 'portId', []);
    const blmId = this.read.string(fields, 'blmId', []);
    const shutdownKind = this.read.oneOf(fields, 'shutdownKind', [], SHUTDOWN_KINDS);
    const sisterCityPlanId = this.read.optionalString(fields, 'sisterCityPlanId', []);
    this.checkPlace(portId, blmId, sisterCityPlanId);
    return {
      id: this.read.string(fields, 'id', [], SCENARIO_ID),
      title: this.read.bilingual(fields, 'title', [], LINE),
      narrative: this.read.bilingual(fields, 'narrative', [], LONG),
      portId,
      blmId,
      ...(sisterCityPlanId !== undefined ? { sisterCityPlanId } : {}),
      hazard: this.hazard(fields),
      shutdownKind,
      timeZone: this.timeZone(fields, portId),
      objectives: this.read
        .list(fields, 'objectives', [], 1)
        .map((objective, index) => this.objective(objective, ['objectives', index], shutdownKind)),
      players: this.read.list(fields, 'players', [], 1).map((player, index) => this.player(player, ['players', index])),
      injects: this.read
        .list(fields, 'injects', [], 1)
        .map((inject, index) => this.inject(inject, ['injects', index], shutdownKind)),
    };
  }

  private checkPlace(portId: string, blmId: string, sisterCityPlanId: string | undefined): void {
    const port = portId ? this.reference.port(portId) : undefined;
    if (portId && !port) {
      this.read.problems.add(
        ['portId'],
        'unknownPort',
        `port of entry ${portId} is not in the reference data`,
        `el puerto de entrada ${portId} no está en los datos de referencia`,
      );
    }
    if (blmId && !this.reference.blm(blmId)) {
      this.read.problems.add(
        ['blmId'],
        'unknownBlm',
        `Border Liaison Mechanism ${blmId} is not in the reference data`,
        `el Mecanismo de Enlace Fronterizo ${blmId} no está en los datos de referencia`,
      );
    } else if (port && blmId && port.blmId !== blmId) {
      this.read.problems.add(
        ['blmId'],
        'portNotInBlm',
        `port ${portId} belongs to ${port.blmId}, not ${blmId}`,
        `el puerto ${portId} pertenece a ${port.blmId}, no a ${blmId}`,
      );
    }
    if (sisterCityPlanId && !this.reference.sisterCityPlan(sisterCityPlanId)) {
      this.read.problems.add(
        ['sisterCityPlanId'],
        'unknownSisterCityPlan',
        `sister-city plan ${sisterCityPlanId} is not in the reference data`,
        `el plan de ciudades hermanas ${sisterCityPlanId} no está en los datos de referencia`,
      );
    }
  }

  private hazard(fields: Fields): Scenario['hazard'] {
    if (!this.read.has(fields, 'hazard')) {
      this.read.missing(['hazard']);
      return { unNumber: '', ergGuide: '' };
    }
    const hazard = this.read.object(fields.hazard, ['hazard'], ['unNumber', 'ergGuide']);
    const unNumber = this.read.string(hazard, 'unNumber', ['hazard']);
    const ergGuide = this.read.string(hazard, 'ergGuide', ['hazard']);
    this.checkMaterial(unNumber, ergGuide, ['hazard']);
    return { unNumber, ergGuide };
  }

  private checkMaterial(unNumber: string, ergGuide: string | undefined, path: FieldPath): void {
    if (!unNumber) return;
    const material = this.reference.material(unNumber);
    if (!material) {
      this.read.problems.add(
        [...path, 'unNumber'],
        'unknownMaterial',
        `UN${unNumber} is not in the ERG materials of the reference data`,
        `UN${unNumber} no está en los materiales de la GRE de los datos de referencia`,
      );
    } else if (ergGuide && material.ergGuide !== ergGuide) {
      this.read.problems.add(
        [...path, 'ergGuide'],
        'ergGuideMismatch',
        `UN${unNumber} (${material.name}) is ERG guide ${material.ergGuide}, not ${ergGuide}`,
        `UN${unNumber} (${material.name}) corresponde a la guía ${material.ergGuide} de la GRE, no a la ${ergGuide}`,
      );
    }
  }

  private timeZone(fields: Fields, portId: string): string {
    const timeZone = this.read.string(fields, 'timeZone', []);
    const port = this.reference.port(portId);
    if (timeZone && port && timeZone !== port.timeZones.us && timeZone !== port.timeZones.mx) {
      this.read.problems.add(
        ['timeZone'],
        'portTimeZone',
        `must be one of the port's time zones: ${port.timeZones.us} or ${port.timeZones.mx}`,
        `debe ser una de las zonas horarias del puerto: ${port.timeZones.us} o ${port.timeZones.mx}`,
      );
    }
    return timeZone;
  }

  private eventMatch(value: unknown, path: FieldPath, shutdownKind: string): EventMatch {
    const fields = this.read.object(value, path, ['event', 'side', 'itemId']);
    const event = this.read.oneOf(fields, 'event', path, OBSERVABLE_EVENT_TYPES, 'unknownEvent');
    const side = this.read.optionalOneOf(fields, 'side', path, SIDES);
    const itemId = this.read.optionalString(fields, 'itemId', path);
    const template = this.reference.checklistTemplate(shutdownKind as never);
    if (itemId && template && !template.items.some((item) => item.id === itemId)) {
      this.read.problems.add(
        [...path, 'itemId'],
        'unknownChecklistItem',
        `${itemId} is not an item of the ${shutdownKind} checklist template`,
        `${itemId} no es un elemento de la plantilla de lista de verificación ${shutdownKind}`,
      );
    }
    return { event, ...(side ? { side } : {}), ...(itemId ? { itemId } : {}) };
  }

  private objective(value: unknown, path: FieldPath, shutdownKind: string): Objective {
    const fields = this.read.object(value, path, ['id', 'text', 'capability', 'measure']);
    const measurePath = [...path, 'measure'];
    const measure = this.read.has(fields, 'measure')
      ? this.read.object(fields.measure, measurePath, ['text', 'from', 'to', 'target'])
      : (this.read.missing(measurePath), {});
    return {
      id: this.read.string(fields, 'id', path, ENTRY_ID),
      text: this.read.bilingual(fields, 'text', path, LONG),
      capability: this.read.oneOf(fields, 'capability', path, CORE_CAPABILITY_IDS, 'coreCapability'),
      measure: {
        text: this.read.bilingual(measure, 'text', measurePath, LONG),
        from: this.eventMatch(measure.from, [...measurePath, 'from'], shutdownKind),
        to: this.eventMatch(measure.to, [...measurePath, 'to'], shutdownKind),
        targetMinutes: this.read.minutes(measure, 'target', measurePath),
      },
    };
  }

  private player(value: unknown, path: FieldPath): Player {
    const fields = this.read.object(value, path, ['role', 'side', 'agency']);
    const role = this.read.oneOf(fields, 'role', path, PERSON_ROLES, 'unknownRole');
    const side = this.read.oneOf(fields, 'side', path, SIDES);
    const agency = this.agencyOf(fields, 'agency', path);
    const known = scenarioAgency(agency);
    if (known && side && known.side !== side) {
      this.read.problems.add(
        [...path, 'agency'],
        'agencySide',
        `${agency} is an agency of ${known.side}, not ${side}`,
        `${agency} es una dependencia de ${known.side}, no de ${side}`,
      );
    }
    return { role, side, agency };
  }

  private agencyOf(fields: Fields, key: string, path: FieldPath): string {
    const agency = this.read.string(fields, key, path);
    if (agency && !scenarioAgency(agency)) {
      this.read.problems.add(
        [...path, key],
        'unknownAgency',
        `${agency} is not a known agency code (see libs/scenarios agencies)`,
        `${agency} no es un código de dependencia conocido (vea las dependencias de libs/scenarios)`,
      );
    }
    return agency;
  }

  private selector(value: unknown, path: FieldPath): PlayerSelector {
    const fields = this.read.object(value, path, ['role', 'side', 'agency']);
    const role = this.read.optionalOneOf(fields, 'role', path, PERSON_ROLES);
    const side = this.read.optionalOneOf(fields, 'side', path, SIDES);
    const agency = this.read.has(fields, 'agency') ? this.agencyOf(fields, 'agency', path) : undefined;
    if (role === undefined && side === undefined && agency === undefined) {
      this.read.problems.add(
        path,
        'emptySelector',
        'must name a role, a side or an agency',
        'debe indicar un rol, un lado o una dependencia',
      );
    }
    return { ...(role ? { role } : {}), ...(side ? { side } : {}), ...(agency ? { agency } : {}) };
  }

  private inject(value: unknown, path: FieldPath, shutdownKind: string): Inject {
    const fields = this.read.object(value, path, INJECT_FIELDS);
    const message = this.read.optionalBilingual(fields, 'message', path, LONG);
    const controllerNotes = this.read.optionalBilingual(fields, 'controllerNotes', path, LONG);
    const contingencyFor = this.read.optionalString(fields, 'contingencyFor', path);
    const commands = this.read
      .list(fields, 'commands', path, 0)
      .map((command, index) => this.command(command, [...path, 'commands', index]));
    if (commands.length === 0 && message === undefined) {
      this.read.problems.add(
        [...path, 'message'],
        'content',
        'an inject needs a message to players, commands for the drill, or both',
        'un inyecto necesita un mensaje para los jugadores, comandos para el simulacro, o ambos',
      );
    }
    const expectedAction = this.read.has(fields, 'expectedAction')
      ? this.expectedAction(fields.expectedAction, [...path, 'expectedAction'], shutdownKind)
      : undefined;
    return {
      id: this.read.string(fields, 'id', path, ENTRY_ID),
      offsetMinutes: this.read.minutes(fields, 'offset', path),
      synopsis: this.read.bilingual(fields, 'synopsis', path, LONG),
      delivery: this.read.oneOf(fields, 'delivery', path, DELIVERY_METHODS),
      from: this.agencyOf(fields, 'from', path),
      to: this.read
        .list(fields, 'to', path, 1)
        .map((selector, index) => this.selector(selector, [...path, 'to', index])),
      commands,
      ...(message ? { message } : {}),
      ...(expectedAction ? { expectedAction } : {}),
      objectiveId: this.read.string(fields, 'objectiveId', path),
      capability: this.read.oneOf(fields, 'capability', path, CORE_CAPABILITY_IDS, 'coreCapability'),
      ...(controllerNotes ? { controllerNotes } : {}),
      ...(contingencyFor !== undefined ? { contingencyFor } : {}),
    };
  }

  private expectedAction(value: unknown, path: FieldPath, shutdownKind: string): Inject['expectedAction'] {
    const fields = this.read.object(value, path, ['text', 'evidence', 'within']);
    return {
      text: this.read.bilingual(fields, 'text', path, LONG),
      evidence: this.eventMatch(fields.evidence, [...path, 'evidence'], shutdownKind),
      withinMinutes: this.read.minutes(fields, 'within', path),
    };
  }

  private command(value: unknown, path: FieldPath): InjectCommand {
    const fields = this.read.object(value, path, ['type', 'incident', 'data']);
    const type = this.read.oneOf(fields, 'type', path, COMMAND_TYPES, 'unknownCommand');
    const incident = this.read.string(fields, 'incident', path, SCENARIO_ID);
    const dataPath = [...path, 'data'];
    const data = this.read.has(fields, 'data') ? fields.data : {};
    switch (type) {
      case 'ReportIncident':
        return { type, incident, data: this.reportIncident(data, dataPath) };
      case 'UpdateIncident':
        return { type, incident, data: this.incidentChanges(data, dataPath) };
      case 'OrderProtectiveAction': {
        const action = this.read.object(data, dataPath, ['kind', 'center', 'radiusMeters', 'instructions']);
        return {
          type,
          incident,
          data: {
            kind: this.read.oneOf(action, 'kind', dataPath, PROTECTIVE_ACTION_KINDS),
            center: this.point(action, 'center', dataPath),
            radiusMeters: this.read.number(action, 'radiusMeters', dataPath, { min: 1, max: 100_000 }),
            instructions: this.read.bilingual(action, 'instructions', dataPath, LONG),
          },
        };
      }
      case 'FileSituationReport': {
        const report = this.read.object(data, dataPath, ['summary']);
        return { type, incident, data: { summary: this.read.bilingual(report, 'summary', dataPath, LONG) } };
      }
      case 'RecordNationalCenterNotified':
      case 'RecordCounterpartCenterNotified': {
        // `reference`: the report number's name before it was `reportNumber`, still read.
        const call = this.read.object(data, dataPath, ['reportNumber', 'reference']);
        const reportNumber =
          this.read.optionalString(call, 'reportNumber', dataPath) ??
          this.read.optionalString(call, 'reference', dataPath);
        return { type, incident, data: reportNumber !== undefined ? { reportNumber } : {} };
      }
      default:
        return { type: 'FileSituationReport', incident, data: { summary: { en: '', es: '' } } };
    }
  }

  private reportIncident(value: unknown, path: FieldPath): Extract<InjectCommand, { type: 'ReportIncident' }>['data'] {
    const fields = this.read.object(value, path, [...INCIDENT_DETAIL_FIELDS, 'kind']);
    const details = this.incidentDetails(fields, path);
    return {
      kind: this.read.oneOf(fields, 'kind', path, INCIDENT_KINDS),
      title: details.title ?? (this.read.missing([...path, 'title']), { en: '', es: '' }),
      severity: details.severity ?? (this.read.missing([...path, 'severity']), 'minor'),
      location: details.location ?? (this.read.missing([...path, 'location']), { lat: 0, lon: 0, description: {} }),
      ...withoutUndefined({
        material: details.material,
        quantity: details.quantity,
        affectedPortIds: details.affectedPortIds,
        sisterCityPlanId: details.sisterCityPlanId,
        casualties: details.casualties,
      }),
    };
  }

  private incidentChanges(value: unknown, path: FieldPath): Extract<InjectCommand, { type: 'UpdateIncident' }>['data'] {
    const fields = this.read.object(value, path, INCIDENT_DETAIL_FIELDS);
    const changes = withoutUndefined(this.incidentDetails(fields, path));
    if (Object.keys(changes).length === 0) {
      this.read.problems.add(path, 'emptyUpdate', 'must change at least one field', 'debe cambiar al menos un campo');
    }
    return changes;
  }

  private incidentDetails(fields: Fields, path: FieldPath) {
    const has = (key: string) => this.read.has(fields, key);
    return {
      title: has('title') ? this.read.bilingual(fields, 'title', path, LINE) : undefined,
      severity: has('severity') ? this.read.oneOf(fields, 'severity', path, SEVERITIES) : undefined,
      material: has('material') ? this.material(fields.material, [...path, 'material']) : undefined,
      quantity: has('quantity') ? this.quantity(fields.quantity, [...path, 'quantity']) : undefined,
      location: has('location') ? this.location(fields.location, [...path, 'location']) : undefined,
      affectedPortIds: has('affectedPortIds') ? this.portIds(fields, path) : undefined,
      sisterCityPlanId: has('sisterCityPlanId') ? this.sisterCityPlan(fields, path) : undefined,
      casualties: has('casualties') ? this.casualties(fields.casualties, [...path, 'casualties']) : undefined,
    };
  }

  private material(value: unknown, path: FieldPath) {
    const fields = this.read.object(value, path, ['unNumber', 'name', 'ergGuide']);
    const unNumber = this.read.string(fields, 'unNumber', path);
    const ergGuide = this.read.optionalString(fields, 'ergGuide', path);
    this.checkMaterial(unNumber, ergGuide, path);
    return {
      unNumber,
      name: this.read.string(fields, 'name', path),
      ...(ergGuide !== undefined ? { ergGuide } : {}),
    };
  }

  private quantity(value: unknown, path: FieldPath) {
    const fields = this.read.object(value, path, ['amount', 'unit']);
    return {
      amount: this.read.number(fields, 'amount', path, { min: 0, max: Number.MAX_SAFE_INTEGER }),
      unit: this.read.string(fields, 'unit', path),
    };
  }

  private point(fields: Fields, key: string, path: FieldPath): { lat: number; lon: number } {
    const at = [...path, key];
    if (!this.read.has(fields, key)) {
      this.read.missing(at);
      return { lat: 0, lon: 0 };
    }
    const point = this.read.object(fields[key], at, ['lat', 'lon']);
    return {
      lat: this.read.number(point, 'lat', at, { min: -90, max: 90 }),
      lon: this.read.number(point, 'lon', at, { min: -180, max: 180 }),
    };
  }

  private location(value: unknown, path: FieldPath) {
    const fields = this.read.object(value, path, ['lat', 'lon', 'description']);
    return {
      lat: this.read.number(fields, 'lat', path, { min: -90, max: 90 }),
      lon: this.read.number(fields, 'lon', path, { min: -180, max: 180 }),
      description: this.read.bilingual(fields, 'description', path, LINE),
    };
  }

  private portIds(fields: Fields, path: FieldPath): string[] {
    const ids = this.read.stringList(fields, 'affectedPortIds', path);
    ids.forEach((id, index) => {
      if (id && !this.reference.port(id)) {
        this.read.problems.add(
          [...path, 'affectedPortIds', index],
          'unknownPort',
          `port of entry ${id} is not in the reference data`,
          `el puerto de entrada ${id} no está en los datos de referencia`,
        );
      }
    });
    return ids;
  }

  private sisterCityPlan(fields: Fields, path: FieldPath): string {
    const id = this.read.string(fields, 'sisterCityPlanId', path);
    if (id && !this.reference.sisterCityPlan(id)) {
      this.read.problems.add(
        [...path, 'sisterCityPlanId'],
        'unknownSisterCityPlan',
        `sister-city plan ${id} is not in the reference data`,
        `el plan de ciudades hermanas ${id} no está en los datos de referencia`,
      );
    }
    return id;
  }

  private casualties(value: unknown, path: FieldPath) {
    const fields = this.read.object(value, path, ['injured', 'fatalities']);
    const count = { min: 0, max: 100_000, integer: true };
    return {
      injured: this.read.number(fields, 'injured', path, count),
      fatalities: this.read.number(fields, 'fatalities', path, count),
    };
  }
}

const INCIDENT_DETAIL_FIELDS = [
  'title',
  'severity',
  'material',
  'quantity',
  'location',
  'affectedPortIds',
  'sisterCityPlanId',
  'casualties',
] as const;

function withoutUndefined<T extends object>(value: T): { [K in keyof T]?: Exclude<T[K], undefined> } {
  return Object.fromEntries(Object.entries(value).filter(([, entry]) => entry !== undefined)) as {
    [K in keyof T]?: Exclude<T[K], undefined>;
  };
}
