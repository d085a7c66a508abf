import { deciderOf, streamIdOf } from '../shared/aggregate.js';
import { requireOfficer } from '../shared/officer.js';
import { assertNever, type DecisionContext, type Decider } from '../shared/decider.js';
import { capitalized, counterpartOf, ofTheSide, sideAdjective, type Side, theSide } from '../shared/side.js';
import { broken, conflict, type DomainError, forbidden, notFound } from '../shared/domain-error.js';
import { type BilingualText, type Language, withTranslation } from '../shared/text.js';
import {
  type Casualties,
  type GeoLocation,
  type IncidentDetails,
  type IncidentEvent,
  type IncidentKind,
  type Material,
  NATIONAL_CENTERS,
  type NationalCenter,
  type ProtectiveActionKind,
  type ProtectiveActionOrder,
  type Quantity,
  type Severity,
  type TranslatableIncidentField,
} from './incident.events.js';
import {
  closingBlockersOf,
  INCIDENT_FIELD_NAMES,
  wordList,
  type IncidentChanges,
  updateConflicts,
  type UpdateStartingValues,
} from './incident-update.js';

export interface ProtectiveAction extends ProtectiveActionOrder {
  actionId: string;
  side: Side;
  orderedAt: string;
  liftedAt?: string;
}

export interface SituationReport {
  reportId: string;
  number: number;
  summary: BilingualText;
  side: Side;
  filedAt: string;
}

/** A notification step done: `at` is when it was recorded; `occurredAt`, when it was done if recorded after the fact. */
export interface JcpStepDone {
  center: NationalCenter;
  at: string;
  /** The NRC report number or the CENACOM folio. */
  reportNumber?: string;
  occurredAt?: string;
}

/** What an officer records of a notification step: the centre's number and, when recorded after the fact, its time. */
export interface JcpStepFacts {
  reportNumber?: string;
  occurredAt?: string;
}

export interface JcpSteps {
  nationalCenters: Partial<Record<Side, JcpStepDone>>;
  counterpartNotified: Partial<Record<Side, JcpStepDone>>;
  jointResponseTeam: 'inactive' | 'active' | 'deactivated';
  /** While the JRT is active: the sides that agreed to stand it down. */
  jointResponseTeamStandDown: Partial<Record<Side, { at: string }>>;
  onSceneCoordinators: Partial<Record<Side, { name: string; agency: string; phone?: string }>>;
}

export type IncidentState =
  | { status: 'none' }
  | (IncidentDetails & {
      status: 'open' | 'closed';
      incidentId: string;
      kind: IncidentKind;
      reportedBy: { side: Side; agency: string };
      observedAt: string;
      /** The port the incident is at, when the report named one (see `primaryPortOf`). */
      primaryPortId?: string;
      reportedAt: string;
      updatedAt: string;
      protectiveActions: ProtectiveAction[];
      situationReports: SituationReport[];
      jcp: JcpSteps;
      closingSummary?: BilingualText;
    });

export type OpenIncident = Exclude<IncidentState, { status: 'none' }>;

export type IncidentCommand =
  | {
      type: 'ReportIncident';
      data: Omit<IncidentDetails, 'casualties' | 'affectedPortIds'> & {
        incidentId: string;
        kind: IncidentKind;
        observedAt?: string;
        casualties?: Casualties;
        /** Every port the incident affects; the primary one is added first if it is not listed. */
        affectedPortIds?: string[];
        /** The port the incident is at; the other affected ports are additional ones. */
        primaryPortId?: string;
      };
    }
  | {
      type: 'UpdateIncident';
      data: {
        title?: BilingualText;
        severity?: Severity;
        material?: Material;
        quantity?: Quantity;
        location?: GeoLocation;
        affectedPortIds?: string[];
        sisterCityPlanId?: string;
        casualties?: Casualties;
        /**
         * Per changed field, the value the officer's form started from: the update is refused (409) only when one of
         * those fields was changed since by someone else, and decided on the latest state otherwise.
         */
        startedFrom?: UpdateStartingValues;
      };
    }
  | {
      type: 'OrderProtectiveAction';
      data: ProtectiveActionOrder;
    }
  | { type: 'LiftProtectiveAction'; data: { actionId: string } }
  | { type: 'FileSituationReport'; data: { summary: BilingualText } }
  | { type: 'RecordNationalCenterNotified'; data: JcpStepFacts }
  | { type: 'RecordCounterpartCenterNotified'; data: JcpStepFacts }
  | { type: 'ActivateJointResponseTeam'; data: Record<string, never> }
  | { type: 'DeactivateJointResponseTeam'; data: Record<string, never> }
  | { type: 'AssignOnSceneCoordinator'; data: { side: Side; name: string; agency: string; phone?: string } }
  | { type: 'TranslateIncidentText'; data: { field: TranslatableIncidentField; language: Language; text: string } }
  | { type: 'CloseIncident'; data: { summary: BilingualText } };

const ACTION_NAMES: Record<ProtectiveActionKind, { en: string; es: string }> = {
  evacuation: { en: 'evacuation', es: 'evacuación' },
  'shelter-in-place': { en: 'shelter-in-place order', es: 'orden de resguardo en el lugar' },
};

export const initialIncidentState = (): IncidentState => ({ status: 'none' });

/** The port an incident is at: the one its report named primary, else (older reports) its first affected port. */
export function primaryPortOf(incident: Pick<OpenIncident, 'primaryPortId' | 'affectedPortIds'>): string | undefined {
  return incident.primaryPortId ?? incident.affectedPortIds[0];
}

/** The ports an incident affects besides its primary one. */
export function additionalPortsOf(incident: Pick<OpenIncident, 'primaryPortId' | 'affectedPortIds'>): string[] {
  const primary = primaryPortOf(incident);
  return incident.affectedPortIds.filter((portId) => portId !== primary);
}

export function evolveIncident(state: IncidentState, event: IncidentEvent, recordedAt = ''): IncidentState {
  if (event.type === 'IncidentReported') {
    const { incidentId, kind, reportedBy, observedAt, ...details } = event.data;
    return {
      ...details,
      status: 'open',
      incidentId,
      kind,
      reportedBy,
      observedAt,
      reportedAt: recordedAt || observedAt,
      updatedAt: recordedAt || observedAt,
      protectiveActions: [],
      situationReports: [],
      jcp: {
        nationalCenters: {},
        counterpartNotified: {},
        jointResponseTeam: 'inactive',
        jointResponseTeamStandDown: {},
        onSceneCoordinators: {},
      },
    };
  }
  if (state.status === 'none') return state;
  const at = recordedAt || state.updatedAt;
  const next: OpenIncident = { ...state, updatedAt: at };
  switch (event.type) {
    case 'IncidentUpdated':
      return { ...next, ...event.data.changes };
    case 'ProtectiveActionOrdered': {
      const { incidentId: _incidentId, ...action } = event.data;
      return { ...next, protectiveActions: [...state.protectiveActions, { ...action, orderedAt: at }] };
    }
    case 'ProtectiveActionLifted':
      return {
        ...next,
        protectiveActions: state.protectiveActions.map((action) =>
          action.actionId === event.data.actionId ? { ...action, liftedAt: at } : action,
        ),
      };
    case 'SituationReportFiled': {
      const { incidentId: _incidentId, ...report } = event.data;
      return { ...next, situationReports: [...state.situationReports, { ...report, filedAt: at }] };
    }
    case 'NationalCenterNotified':
      return {
        ...next,
        jcp: {
          ...state.jcp,
          nationalCenters: { ...state.jcp.nationalCenters, [event.data.side]: stepOf(event.data, at) },
        },
      };
    case 'CounterpartCenterNotified':
      return {
        ...next,
        jcp: {
          ...state.jcp,
          counterpartNotified: { ...state.jcp.counterpartNotified, [event.data.side]: stepOf(event.data, at) },
        },
      };
    case 'JointResponseTeamActivated':
      return { ...next, jcp: { ...state.jcp, jointResponseTeam: 'active', jointResponseTeamStandDown: {} } };
    case 'JointResponseTeamStandDownAgreed':
      return {
        ...next,
        jcp: {
          ...state.jcp,
          jointResponseTeamStandDown: { ...state.jcp.jointResponseTeamStandDown, [event.data.side]: { at } },
        },
      };
    case 'JointResponseTeamDeactivated':
      return { ...next, jcp: { ...state.jcp, jointResponseTeam: 'deactivated', jointResponseTeamStandDown: {} } };
    case 'OnSceneCoordinatorAssigned': {
      const { incidentId: _incidentId, side, ...coordinator } = event.data;
      return {
        ...next,
        jcp: { ...state.jcp, onSceneCoordinators: { ...state.jcp.onSceneCoordinators, [side]: coordinator } },
      };
    }
    case 'IncidentTextTranslated':
      return translate(next, event.data.field, event.data.language, event.data.text);
    case 'IncidentClosed':
      return { ...next, status: 'closed', closingSummary: event.data.summary };
    default:
      return assertNever(event);
  }
}

function stepOf(data: { center: NationalCenter } & JcpStepFacts, at: string): JcpStepDone {
  return {
    center: data.center,
    at,
    ...(data.reportNumber ? { reportNumber: data.reportNumber } : {}),
    ...(data.occurredAt ? { occurredAt: data.occurredAt } : {}),
  };
}

function translate(
  state: OpenIncident,
  field: TranslatableIncidentField,
  language: Language,
  text: string,
): OpenIncident {
  if (field === 'title') return { ...state, title: withTranslation(state.title, language, text) };
  if (field === 'location.description') {
    return {
      ...state,
      location: { ...state.location, description: withTranslation(state.location.description, language, text) },
    };
  }
  if (field === 'closingSummary') {
    return { ...state, closingSummary: withTranslation(state.closingSummary ?? {}, language, text) };
  }
  if (field.startsWith('protectiveAction:')) {
    const actionId = field.slice('protectiveAction:'.length);
    return {
      ...state,
      protectiveActions: state.protectiveActions.map((action) =>
        action.actionId === actionId
          ? { ...action, instructions: withTranslation(action.instructions, language, text) }
          : action,
      ),
    };
  }
  const reportId = field.slice('situationReport:'.length);
  return {
    ...state,
    situationReports: state.situationReports.map((report) =>
      report.reportId === reportId ? { ...report, summary: withTranslation(report.summary, language, text) } : report,
    ),
  };
}

function textOf(state: OpenIncident, field: TranslatableIncidentField): BilingualText | undefined {
  if (field === 'title') return state.title;
  if (field === 'location.description') return state.location.description;
  if (field === 'closingSummary') return state.closingSummary;
  if (field.startsWith('protectiveAction:')) {
    return state.protectiveActions.find((action) => `protectiveAction:${action.actionId}` === field)?.instructions;
  }
  return state.situationReports.find((report) => `situationReport:${report.reportId}` === field)?.summary;
}

function checkReferences(
  context: DecisionContext,
  affectedPortIds: readonly string[] | undefined,
  sisterCityPlanId: string | undefined,
): void {
  const unknownPorts = (affectedPortIds ?? []).filter((id) => !context.reference.port(id));
  if (unknownPorts.length > 0) {
    throw broken(
      'INCIDENT.UNKNOWN_PORT',
      `Unknown port of entry: ${unknownPorts.join(', ')}`,
      `Puerto de entrada desconocido: ${unknownPorts.join(', ')}`,
      { portIds: unknownPorts },
    );
  }
  if (sisterCityPlanId !== undefined && !context.reference.sisterCityPlan(sisterCityPlanId)) {
    throw broken(
      'INCIDENT.UNKNOWN_SISTER_CITY_PLAN',
      `Unknown sister-city plan: ${sisterCityPlanId}`,
      `Plan de ciudades hermanas desconocido: ${sisterCityPlanId}`,
      { sisterCityPlanId },
    );
  }
}

/** Fills in what the ERG table knows about a material identified by its UN number. */
function completeMaterial(material: Material | undefined, context: DecisionContext): Material | undefined {
  if (!material?.unNumber) return material;
  const known = context.reference.material(material.unNumber);
  if (!known) return material;
  return {
    ...material,
    hazardClass: material.hazardClass ?? known.hazardClass,
    ergGuide: material.ergGuide ?? known.ergGuide,
    toxicByInhalation: material.toxicByInhalation ?? known.toxicByInhalation,
  };
}

/** 404 `INCIDENT.NOT_FOUND`, in English and Spanish: for the command path and every read of an incident. */
export const noSuchIncident = () => notFound('INCIDENT.NOT_FOUND', 'Incident not found', 'Incidente no encontrado');

function requireOpen(state: IncidentState): OpenIncident {
  if (state.status === 'none') throw noSuchIncident();
  if (state.status === 'closed') {
    throw broken('INCIDENT.CLOSED', 'The incident is closed', 'El incidente está cerrado', {
      incidentId: state.incidentId,
    });
  }
  return state;
}

export function decideIncident(
  command: IncidentCommand,
  state: IncidentState,
  context: DecisionContext,
): IncidentEvent[] {
  const side = requireOfficer(context);
  if (command.type === 'ReportIncident') {
    if (state.status !== 'none') {
      throw broken(
        'INCIDENT.ALREADY_REPORTED',
        'This incident was already reported',
        'Este incidente ya fue reportado',
        { incidentId: state.incidentId },
      );
    }
    const {
      incidentId,
      kind,
      observedAt,
      casualties,
      affectedPortIds,
      primaryPortId,
      material,
      sisterCityPlanId,
      ...details
    } = command.data;
    const ports = [...new Set([...(primaryPortId !== undefined ? [primaryPortId] : []), ...(affectedPortIds ?? [])])];
    checkReferences(context, ports, sisterCityPlanId);
    if (observedAt !== undefined && !(Date.parse(observedAt) <= Date.parse(context.now))) {
      throw broken(
        'INCIDENT.OBSERVED_IN_FUTURE',
        'The observation time must be a valid time, not in the future',
        'La hora de observación debe ser una hora válida, no futura',
        { observedAt, now: context.now },
      );
    }
    const completed = completeMaterial(material, context);
    return [
      {
        type: 'IncidentReported',
        data: {
          ...details,
          ...(completed ? { material: completed } : {}),
          ...(sisterCityPlanId ? { sisterCityPlanId } : {}),
          incidentId,
          kind,
          affectedPortIds: ports,
          ...(primaryPortId !== undefined ? { primaryPortId } : {}),
          casualties: casualties ?? { injured: 0, fatalities: 0 },
          reportedBy: { side, agency: context.actor.agency },
          observedAt: observedAt ?? context.now,
        },
      },
    ];
  }

  // Adding the missing language changes no fact, so it stays possible after closing (a complete bilingual record).
  const incident = command.type === 'TranslateIncidentText' && state.status === 'closed' ? state : requireOpen(state);
  const { incidentId } = incident;
  switch (command.type) {
    case 'UpdateIncident': {
      const { startedFrom, ...fields } = command.data;
      const changes: IncidentChanges = Object.fromEntries(
        Object.entries(fields).filter(([, value]) => value !== undefined),
      );
      if (Object.keys(changes).length === 0) {
        throw broken('INCIDENT.NOTHING_TO_UPDATE', 'The update changes nothing', 'La actualización no cambia nada');
      }
      const conflicts = updateConflicts(incident, changes, startedFrom);
      if (conflicts.length > 0) {
        const names = (language: 'en' | 'es') =>
          wordList(
            conflicts.map(({ field }) => INCIDENT_FIELD_NAMES[field][language]),
            language,
          );
        throw conflict(
          'INCIDENT.UPDATE_CONFLICT',
          `Someone else changed ${names('en')} since you started: nothing was saved. Your values are kept; choose yours or theirs and save again.`,
          `Alguien más cambió ${names('es')} desde que usted empezó: no se guardó nada. Sus valores se conservan; elija los suyos o los de la otra persona y guarde de nuevo.`,
          { conflicts },
        );
      }
      checkReferences(context, command.data.affectedPortIds, command.data.sisterCityPlanId);
      const material = completeMaterial(command.data.material, context);
      const affectedPortIds = command.data.affectedPortIds ? [...new Set(command.data.affectedPortIds)] : undefined;
      if (affectedPortIds && incident.primaryPortId && !affectedPortIds.includes(incident.primaryPortId)) {
        throw broken(
          'INCIDENT.PRIMARY_PORT_NOT_AFFECTED',
          `The affected ports must still include the port the incident is at (${incident.primaryPortId})`,
          `Los puertos afectados deben seguir incluyendo el puerto donde ocurre el incidente (${incident.primaryPortId})`,
          { field: 'affectedPortIds', primaryPortId: incident.primaryPortId },
        );
      }
      return [
        {
          type: 'IncidentUpdated',
          data: {
            incidentId,
            changes: { ...changes, ...(material ? { material } : {}), ...(affectedPortIds ? { affectedPortIds } : {}) },
          },
        },
      ];
    }
    case 'OrderProtectiveAction':
      return [
        {
          type: 'ProtectiveActionOrdered',
          data: { incidentId, actionId: context.newId('protective-action'), side, ...command.data },
        },
      ];
    case 'LiftProtectiveAction': {
      const action = incident.protectiveActions.find((candidate) => candidate.actionId === command.data.actionId);
      if (!action) {
        throw notFound(
          'INCIDENT.UNKNOWN_PROTECTIVE_ACTION',
          'Protective action not found',
          'Acción de protección no encontrada',
          { actionId: command.data.actionId },
        );
      }
      if (action.side !== side) {
        throw forbidden(
          'AUTH.WRONG_SIDE',
          `The ${ACTION_NAMES[action.kind].en} was ordered by ${theSide(action.side, 'en')}: only a ${sideAdjective(action.side, 'en')} officer may lift it`,
          `La ${ACTION_NAMES[action.kind].es} la ordenó ${theSide(action.side, 'es')}: solo un oficial ${sideAdjective(action.side, 'es')} puede levantarla`,
          { actionId: action.actionId, orderedBy: action.side, actorSide: side },
        );
      }
      if (action.liftedAt) {
        throw broken(
          'INCIDENT.PROTECTIVE_ACTION_LIFTED',
          'The protective action was already lifted',
          'La acción de protección ya fue levantada',
          { actionId: action.actionId, liftedAt: action.liftedAt },
        );
      }
      return [{ type: 'ProtectiveActionLifted', data: { incidentId, actionId: action.actionId } }];
    }
    case 'FileSituationReport':
      return [
        {
          type: 'SituationReportFiled',
          data: {
            incidentId,
            reportId: context.newId('situation-report'),
            number: incident.situationReports.length + 1,
            summary: command.data.summary,
            side,
          },
        },
      ];
    case 'RecordNationalCenterNotified': {
      if (incident.jcp.nationalCenters[side]) {
        throw broken(
          'INCIDENT.NATIONAL_CENTER_ALREADY_NOTIFIED',
          `${NATIONAL_CENTERS[side]} was already notified`,
          `${NATIONAL_CENTERS[side]} ya fue notificado`,
          { side },
        );
      }
      return [
        {
          type: 'NationalCenterNotified',
          data: { incidentId, side, center: NATIONAL_CENTERS[side], ...stepFacts(command.data, incident, context) },
        },
      ];
    }
    case 'RecordCounterpartCenterNotified': {
      const other = counterpartOf(side);
      if (!incident.jcp.nationalCenters[side]) {
        throw broken(
          'INCIDENT.NATIONAL_CENTER_NOT_NOTIFIED',
          `Notify ${NATIONAL_CENTERS[side]} before the counterpart centre (${NATIONAL_CENTERS[other]})`,
          `Notifique a ${NATIONAL_CENTERS[side]} antes que al centro homólogo (${NATIONAL_CENTERS[other]})`,
          { side },
        );
      }
      if (incident.jcp.counterpartNotified[side]) {
        throw broken(
          'INCIDENT.COUNTERPART_ALREADY_NOTIFIED',
          `${NATIONAL_CENTERS[other]} was already notified`,
          `${NATIONAL_CENTERS[other]} ya fue notificado`,
          { side },
        );
      }
      return [
        {
          type: 'CounterpartCenterNotified',
          data: { incidentId, side, center: NATIONAL_CENTERS[other], ...stepFacts(command.data, incident, context) },
        },
      ];
    }
    case 'ActivateJointResponseTeam':
      if (incident.jcp.jointResponseTeam === 'active') {
        throw broken(
          'INCIDENT.JRT_ALREADY_ACTIVE',
          'The Joint Response Team is already active',
          'El Equipo Conjunto de Respuesta ya está activo',
        );
      }
      return [{ type: 'JointResponseTeamActivated', data: { incidentId } }];
    case 'DeactivateJointResponseTeam': {
      if (incident.jcp.jointResponseTeam !== 'active') {
        throw broken(
          'INCIDENT.JRT_NOT_ACTIVE',
          'The Joint Response Team is not active',
          'El Equipo Conjunto de Respuesta no está activo',
        );
      }
      const agreed = incident.jcp.jointResponseTeamStandDown;
      if (agreed[side]) {
        throw broken(
          'INCIDENT.JRT_STAND_DOWN_AGREED',
          `${capitalized(theSide(side, 'en'))} already agreed to stand the Joint Response Team down; ${theSide(counterpartOf(side), 'en')} must agree too`,
          `${capitalized(theSide(side, 'es'))} ya acordó desactivar el Equipo Conjunto de Respuesta; falta que ${theSide(counterpartOf(side), 'es')} lo acuerde`,
          { side, waitingFor: counterpartOf(side) },
        );
      }
      const agreement: IncidentEvent = { type: 'JointResponseTeamStandDownAgreed', data: { incidentId, side } };
      return agreed[counterpartOf(side)]
        ? [agreement, { type: 'JointResponseTeamDeactivated', data: { incidentId } }]
        : [agreement];
    }
    case 'AssignOnSceneCoordinator':
      if (command.data.side !== side) {
        throw forbidden(
          'AUTH.WRONG_SIDE',
          `Only a ${sideAdjective(command.data.side, 'en')} officer may assign the ${sideAdjective(command.data.side, 'en')} on-scene coordinator`,
          `Solo un oficial ${sideAdjective(command.data.side, 'es')} puede asignar al coordinador en el lugar ${ofTheSide(command.data.side, 'es')}`,
          { side: command.data.side, actorSide: side },
        );
      }
      return [{ type: 'OnSceneCoordinatorAssigned', data: { incidentId, ...command.data } }];
    case 'TranslateIncidentText': {
      const { field, language, text } = command.data;
      if (!text.trim()) {
        throw broken('INCIDENT.EMPTY_TRANSLATION', 'The translation is empty', 'La traducción está vacía', {
          field,
          language,
        });
      }
      const current = textOf(incident, field);
      if (!current) {
        throw notFound('INCIDENT.UNKNOWN_TEXT', `No text at ${field}`, `No hay texto en ${field}`, { field });
      }
      if (current[language]?.trim()) {
        throw broken(
          'INCIDENT.TRANSLATION_EXISTS',
          `The ${language} text of ${field} already exists`,
          `El texto en ${language} de ${field} ya existe`,
          { field, language },
        );
      }
      return [{ type: 'IncidentTextTranslated', data: { incidentId, field, language, text } }];
    }
    case 'CloseIncident': {
      const blocking = closingBlockers(incident, side);
      if (blocking) throw blocking;
      return [{ type: 'IncidentClosed', data: { incidentId, summary: command.data.summary } }];
    }
    default:
      return assertNever(command);
  }
}

/**
 * What keeps an officer from closing the incident: the JRT still active (until both sides stand it down) and every
 * protective action in force. The closing side's own actions are not lifted for it: lifting an evacuation tells
 * people to go home, so it stays a deliberate act of its own (decision 0008). Either side may close once nothing
 * is in force.
 */
function closingBlockers(incident: OpenIncident, side: Side): DomainError | undefined {
  const blocking: Record<string, unknown> = {};
  const sentencesEn: string[] = [];
  const sentencesEs: string[] = [];
  const { jointResponseTeamActive, protectiveActionsInForce: inForce } = closingBlockersOf(incident);
  if (jointResponseTeamActive) {
    blocking.jointResponseTeam = 'active';
    sentencesEn.push('both sides must stand the Joint Response Team down');
    sentencesEs.push('ambos lados deben desactivar el Equipo Conjunto de Respuesta');
  }
  if (inForce.length > 0) {
    blocking.protectiveActionsInForce = inForce.map((action) => action.actionId);
    const own = inForce.filter((action) => action.side === side).map((action) => action.actionId);
    const other = inForce.filter((action) => action.side !== side).map((action) => action.actionId);
    blocking.protectiveActionsBySide = {
      ...(own.length ? { [side]: own } : {}),
      ...(other.length ? { [counterpartOf(side)]: other } : {}),
    };
    if (own.length) {
      sentencesEn.push(`lift your side's protective actions (${own.join(', ')})`);
      sentencesEs.push(`levante las acciones de protección de su lado (${own.join(', ')})`);
    }
    if (other.length) {
      sentencesEn.push(`${theSide(counterpartOf(side), 'en')} must lift its protective actions (${other.join(', ')})`);
      sentencesEs.push(
        `${theSide(counterpartOf(side), 'es')} debe levantar sus acciones de protección (${other.join(', ')})`,
      );
    }
  }
  if (sentencesEn.length === 0) return undefined;
  return broken(
    'INCIDENT.CANNOT_CLOSE',
    `The incident cannot be closed yet: ${sentencesEn.join('; ')}`,
    `El incidente aún no se puede cerrar: ${sentencesEs.join('; ')}`,
    blocking,
  );
}

/**
 * The facts of a notification step as recorded: a blank report number is left out; a time given for a step done
 * earlier must be a valid time, not in the future and not before the incident was observed (it cannot have been
 * reported to a centre before it existed; it may well have been before it was entered here).
 */
function stepFacts(data: JcpStepFacts, incident: OpenIncident, context: DecisionContext): JcpStepFacts {
  const reportNumber = data.reportNumber?.trim();
  const { occurredAt } = data;
  if (occurredAt !== undefined) {
    const at = Date.parse(occurredAt);
    if (!(at <= Date.parse(context.now))) {
      throw broken(
        'INCIDENT.STEP_TIME_IN_FUTURE',
        'The time the step was done must be a valid time, not in the future',
        'La hora en que se realizó el paso debe ser una hora válida, no futura',
        { field: 'occurredAt', occurredAt, now: context.now },
      );
    }
    // Officers give a time to the minute: the minute the incident was observed in counts (observed at 01:03:45, a call
    // at "01:03" is not refused as before it).
    if (at < Math.floor(Date.parse(incident.observedAt) / 60_000) * 60_000) {
      throw broken(
        'INCIDENT.STEP_TIME_BEFORE_INCIDENT',
        'The time the step was done cannot be before the incident was observed',
        'La hora en que se realizó el paso no puede ser anterior a la observación del incidente',
        { field: 'occurredAt', occurredAt, observedAt: incident.observedAt },
      );
    }
  }
  return {
    ...(reportNumber ? { reportNumber } : {}),
    ...(occurredAt !== undefined ? { occurredAt: new Date(Date.parse(occurredAt)).toISOString() } : {}),
  };
}

export const incidentDecider: Decider<IncidentState, IncidentCommand, IncidentEvent> = deciderOf('incident', {
  initialState: initialIncidentState,
  evolve: evolveIncident,
  decide: decideIncident,
});

export const incidentStreamId = streamIdOf('incident');
