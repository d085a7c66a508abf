import {
  type BilingualText,
  evolveIncident,
  type IncidentEvent,
  type IncidentKind,
  initialIncidentState,
  LANGUAGES,
  type OpenIncident,
  type ProtectiveAction,
} from '@enlace/domain';
import { type RecordedEvent, occurredAt } from '@enlace/event-store';
import {
  CAP_LANGUAGES,
  type CapAlert,
  type CapArea,
  type CapCategory,
  type CapInfo,
  type CapOptions,
  type CapResponseType,
  type CapUrgency,
  type CapValuePair,
  checkSender,
  circle,
  decimal,
  EXERCISE_MARK,
  exerciseNote,
  referenceTriplet,
  renderCapAlert,
  statusOf,
  truncate,
  tryCapDateTime,
  versionOf,
} from './alert.js';
import { capSeverity, dedupe, instantText, withoutOther } from './common.js';
import { Localizer, senderNameFor } from './text.js';

const KIND_EVENT: Record<IncidentKind, Required<BilingualText>> = {
  'hazmat-release': { en: 'Hazardous materials release', es: 'Liberación de materiales peligrosos' },
  fire: { en: 'Fire', es: 'Incendio' },
  flood: { en: 'Flood', es: 'Inundación' },
  other: { en: 'Incident', es: 'Incidente' },
};

/**
 * CAP categories of an incident kind. A hazmat release is a chemical (CBRNE) and environmental (Env) event; a flood
 * is `Met` (CAP 1.2 defines Met as "Meteorological (inc. flood)"); a fire is `Fire`. Affected ports add `Transport`.
 */
const KIND_CATEGORIES: Record<IncidentKind, CapCategory[]> = {
  'hazmat-release': ['CBRNE', 'Env'],
  fire: ['Fire'],
  flood: ['Met'],
  other: ['Other'],
};

const RESPONSE_TYPES: Record<ProtectiveAction['kind'], CapResponseType> = {
  evacuation: 'Evacuate',
  'shelter-in-place': 'Shelter',
};

const ACTION_LABEL: Record<ProtectiveAction['kind'], Required<BilingualText>> = {
  evacuation: { en: 'Evacuation', es: 'Evacuación' },
  'shelter-in-place': { en: 'Shelter in place', es: 'Resguardo en el lugar' },
};

const RESTRICTION =
  'Border Liaison Mechanism members and Joint Response Team (U.S.–Mexico Joint Contingency Plan) / ' +
  'Miembros de los Mecanismos de Enlace Fronterizo y Equipo Conjunto de Respuesta (Plan Conjunto de Contingencia México–EE. UU.)';

/** The incident as of the given events (the whole stream, or a prefix of it for an earlier version). */
export function foldIncident(events: readonly RecordedEvent[]): OpenIncident {
  const state = events.reduce(
    (current, event) =>
      evolveIncident(current, { type: event.type, data: event.data } as IncidentEvent, occurredAt(event.metadata)),
    initialIncidentState(),
  );
  if (state.status === 'none') throw new Error('The events do not contain a reported incident');
  return state;
}

export function protectiveActionsInForce(incident: OpenIncident): ProtectiveAction[] {
  return incident.protectiveActions.filter((action) => !action.liftedAt);
}

export function incidentCategories(incident: OpenIncident): CapCategory[] {
  const categories = [...KIND_CATEGORIES[incident.kind]];
  if (incident.affectedPortIds.length > 0) categories.push('Transport');
  return withoutOther(dedupe(categories));
}

/** The incident's area: its location, with the radius of the largest protective action in force (else 1 km). */
export function incidentArea(incident: OpenIncident): CapArea {
  const radii = protectiveActionsInForce(incident).map((action) => action.radiusMeters / 1000);
  return {
    description: incident.location.description,
    lat: incident.location.lat,
    lon: incident.location.lon,
    radiusKm: radii.length > 0 ? Math.max(...radii) : 1,
  };
}

/** What a notification about this incident borrows from it: its area and categories. */
export function incidentSubject(events: readonly RecordedEvent[]): { area: CapArea; categories: CapCategory[] } {
  const incident = foldIncident(events);
  return { area: incidentArea(incident), categories: incidentCategories(incident) };
}

function responseTypesOf(incident: OpenIncident): CapResponseType[] {
  if (incident.status === 'closed') return ['AllClear'];
  const types = dedupe(protectiveActionsInForce(incident).map((action) => RESPONSE_TYPES[action.kind]));
  return types.length > 0 ? types : ['Monitor'];
}

function urgencyOf(incident: OpenIncident): CapUrgency {
  if (incident.status === 'closed') return 'Past';
  if (protectiveActionsInForce(incident).length > 0) return 'Immediate';
  return incident.severity === 'severe' || incident.severity === 'extreme' ? 'Immediate' : 'Expected';
}

function unNumber(value: string): string {
  return /^UN/i.test(value) ? value.toUpperCase() : `UN${value}`;
}

function describe(incident: OpenIncident, text: Localizer): string {
  const lines: string[] = [];
  const kind = text.pick(KIND_EVENT[incident.kind]);
  const title = text.text('title', incident.title);
  if (title) lines.push(title);
  const by = `${incident.reportedBy.agency} (${incident.reportedBy.side})`;
  const observed = instantText(incident.observedAt);
  lines.push(
    text.pick({
      en: `${kind}. Reported by ${by}; observed ${observed}.`,
      es: `${kind}. Reportó: ${by}; hora de observación: ${observed}.`,
    }),
  );
  const { material, quantity, casualties } = incident;
  if (material) {
    const facts = [
      material.unNumber ? unNumber(material.unNumber) : undefined,
      material.hazardClass
        ? text.pick({ en: `hazard class ${material.hazardClass}`, es: `clase de riesgo ${material.hazardClass}` })
        : undefined,
      material.ergGuide
        ? text.pick({ en: `ERG guide ${material.ergGuide}`, es: `guía GRE ${material.ergGuide}` })
        : undefined,
      material.toxicByInhalation ? text.pick({ en: 'toxic by inhalation', es: 'tóxico por inhalación' }) : undefined,
    ].filter((fact): fact is string => fact !== undefined);
    const details = facts.length > 0 ? ` (${facts.join(', ')})` : '';
    lines.push(`Material: ${material.name}${details}.`);
  }
  if (quantity) {
    const amount = `${quantity.amount} ${quantity.unit}`;
    lines.push(text.pick({ en: `Quantity: ${amount}.`, es: `Cantidad: ${amount}.` }));
  }
  const place = text.text('location.description', incident.location.description);
  const coordinates = `${decimal(incident.location.lat, 6)}, ${decimal(incident.location.lon, 6)}`;
  const where = place ? `${place} (${coordinates})` : coordinates;
  lines.push(text.pick({ en: `Location: ${where}.`, es: `Ubicación: ${where}.` }));
  lines.push(
    text.pick({
      en: `Injured: ${casualties.injured}; fatalities: ${casualties.fatalities}.`,
      es: `Heridos: ${casualties.injured}; fallecidos: ${casualties.fatalities}.`,
    }),
  );
  if (incident.affectedPortIds.length > 0) {
    const ports = incident.affectedPortIds.join(', ');
    lines.push(text.pick({ en: `Affected ports of entry: ${ports}.`, es: `Puertos de entrada afectados: ${ports}.` }));
  }
  if (incident.jcp.jointResponseTeam === 'active') {
    lines.push(text.pick({ en: 'Joint Response Team activated.', es: 'Equipo Conjunto de Respuesta activado.' }));
  }
  const latest = incident.situationReports.at(-1);
  const summary = latest && text.text(`situationReport:${latest.reportId}`, latest.summary);
  if (latest && summary) {
    lines.push(
      text.pick({
        en: `Situation report ${latest.number}: ${summary}`,
        es: `Reporte de situación ${latest.number}: ${summary}`,
      }),
    );
  }
  if (incident.status === 'closed') {
    const closing = text.text('closingSummary', incident.closingSummary);
    lines.push(
      text.pick({
        en: `Incident closed${closing ? `: ${closing}` : '.'}`,
        es: `Incidente cerrado${closing ? `: ${closing}` : '.'}`,
      }),
    );
  }
  return lines.join('\n');
}

function instruct(incident: OpenIncident, text: Localizer): string {
  if (incident.status === 'closed') {
    return text.pick({
      en: 'All clear: the incident is closed and every protective action has been lifted.',
      es: 'Fin de la emergencia: el incidente está cerrado y se levantaron todas las acciones de protección.',
    });
  }
  const inForce = protectiveActionsInForce(incident);
  if (inForce.length === 0) {
    return text.pick({
      en: 'No protective action is in force. Monitor Enlace and your national centre for updates.',
      es: 'No hay acciones de protección vigentes. Manténgase atento a Enlace y a su centro nacional.',
    });
  }
  return inForce
    .map((action) => {
      const label = text.pick(ACTION_LABEL[action.kind]);
      const radius = text.pick({ en: `radius ${action.radiusMeters} m`, es: `radio de ${action.radiusMeters} m` });
      const instructions = text.text(`protectiveAction:${action.actionId}`, action.instructions);
      return `${label} (${radius})${instructions ? `: ${instructions}` : '.'}`;
    })
    .join('\n');
}

function parametersOf(incident: OpenIncident): CapValuePair[] {
  const parameters: CapValuePair[] = [];
  const { material } = incident;
  if (material?.unNumber) parameters.push({ valueName: 'UNNumber', value: unNumber(material.unNumber) });
  if (material?.ergGuide) parameters.push({ valueName: 'ERGGuide', value: material.ergGuide });
  if (material?.hazardClass) parameters.push({ valueName: 'HazardClass', value: material.hazardClass });
  if (material?.toxicByInhalation) parameters.push({ valueName: 'ToxicByInhalation', value: 'true' });
  for (const portId of incident.affectedPortIds) parameters.push({ valueName: 'AffectedPortOfEntry', value: portId });
  return parameters;
}

/**
 * The CAP 1.2 alert for an incident stream, as of its last event (one alert version per stream revision).
 *
 * - msgType: `Alert` at revision 0, `Update` afterwards, referencing every earlier version.
 * - A closed incident is an all-clear `Update` (responseType `AllClear`, urgency `Past`), the usual CAP practice:
 *   `Cancel` means "disregard the earlier messages", which is not what closing an incident says.
 */
export function incidentAlert(events: readonly RecordedEvent[], options: CapOptions): string {
  return renderCapAlert(buildIncidentAlert(events, options));
}

export function buildIncidentAlert(events: readonly RecordedEvent[], options: CapOptions): CapAlert {
  checkSender(options.sender);
  const last = events.at(-1);
  if (!last) throw new Error('An incident alert needs at least one event');
  const incident = foldIncident(events);
  const current = versionOf(last);
  const status = statusOf(events);
  const exercise = status === 'Exercise';
  const area = incidentArea(incident);
  const categories = incidentCategories(incident);
  const responseTypes = responseTypesOf(incident);
  const urgency = urgencyOf(incident);
  const onset = tryCapDateTime(incident.observedAt);

  const infos = LANGUAGES.map((language): CapInfo => {
    const text = new Localizer(language);
    const title = text.text('title', incident.title) ?? text.pick(KIND_EVENT[incident.kind]);
    const prefixes = [
      exercise ? `${text.pick(EXERCISE_MARK)}: ` : '',
      incident.status === 'closed' ? text.pick({ en: 'All clear: ', es: 'Fin de la emergencia: ' }) : '',
    ].join('');
    const body = describe(incident, text);
    const description = exercise ? `${text.pick(EXERCISE_MARK)}\n${body}\n${text.pick(EXERCISE_MARK)}` : body;
    const instruction = instruct(incident, text);
    const areaDesc =
      text.text('location.description', area.description) ?? `${decimal(area.lat, 6)}, ${decimal(area.lon, 6)}`;
    return {
      language: CAP_LANGUAGES[language],
      categories,
      event: text.pick(KIND_EVENT[incident.kind]),
      responseTypes,
      urgency,
      severity: capSeverity(incident.severity),
      certainty: 'Observed',
      eventCodes: [{ valueName: 'EnlaceIncidentKind', value: incident.kind }],
      effective: current.sent,
      ...(onset ? { onset } : {}),
      senderName: senderNameFor(text, options.senderName),
      headline: truncate(`${prefixes}${title}`),
      description,
      instruction,
      parameters: [...parametersOf(incident), ...text.missingTranslations()],
      areas: [{ areaDesc, circles: [circle(area.lat, area.lon, area.radiusKm)] }],
    };
  });

  return {
    identifier: current.identifier,
    sender: options.sender,
    sent: current.sent,
    status,
    msgType: last.revision === 0 ? 'Alert' : 'Update',
    source: `${incident.reportedBy.agency} (${incident.reportedBy.side})`,
    scope: 'Restricted',
    restriction: RESTRICTION,
    ...(exercise ? { note: exerciseNote(events, options) } : {}),
    references: events.slice(0, -1).map((event) => referenceTriplet(options.sender, versionOf(event))),
    incidents: [incident.incidentId],
    infos,
  };
}
