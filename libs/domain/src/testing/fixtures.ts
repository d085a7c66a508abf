import { createReferenceCatalog } from '../reference/catalog.js';
import { lanesForModes, type ChecklistTemplate, type ReferenceCatalog } from '../reference/reference.js';
import type { DrillPlan } from '../drill/drill.events.js';
import type { NotificationEvent } from '../notification/notification.events.js';
import type { Actor, DecisionContext } from '../shared/decider.js';

export const NOW = '2026-11-23T18:00:00.000Z';

export const usOfficer: Actor = { id: 'officer.us', agency: 'CBP', country: 'US', role: 'officer' };
export const mxOfficer: Actor = { id: 'officer.mx', agency: 'ANAM', country: 'MX', role: 'officer' };
export const auditor: Actor = { id: 'auditor', agency: 'OIG', country: 'US', role: 'auditor' };
export const planner: Actor = { id: 'planner', agency: 'EPA', country: 'US', role: 'planner' };

export const hazmatTemplate: ChecklistTemplate = {
  id: 'hazmat-release',
  kind: 'hazmat-release',
  version: 1,
  name: { en: 'Hazmat release resumption', es: 'Reanudación tras liberación de materiales peligrosos' },
  items: [
    {
      id: 'scene-declared-safe',
      text: { en: 'Scene declared safe', es: 'Escena declarada segura' },
      owner: 'JOINT',
      agency: 'JRT',
      critical: true,
    },
    {
      id: 'us-inspection-systems',
      text: { en: 'Inspection systems back online', es: 'Sistemas de inspección en línea' },
      owner: 'US',
      agency: 'CBP',
      critical: true,
    },
    {
      id: 'mx-customs-ready',
      text: { en: 'Mexican customs ready', es: 'Aduana mexicana lista' },
      owner: 'MX',
      agency: 'ANAM',
      critical: true,
    },
    {
      id: 'trade-notified',
      text: { en: 'Trade community notified', es: 'Comunidad comercial notificada' },
      owner: 'US',
      agency: 'CBP',
      critical: false,
    },
  ],
};

/** A small, fixed reference data set: one port, one BLM, one plan, two materials, one template. */
export const testCatalog: ReferenceCatalog = createReferenceCatalog({
  ports: [
    {
      id: 'otay-mesa',
      name: { us: 'Otay Mesa', mx: 'Mesa de Otay' },
      state: { us: 'CA', mx: 'Baja California' },
      cbpPortCode: '2506',
      lanes: lanesForModes(['passenger', 'commercial', 'fast']),
      location: { lat: 32.549, lon: -116.938 },
      blmId: 'blm-sandiego-tijuana',
      timeZones: { us: 'America/Los_Angeles', mx: 'America/Tijuana' },
    },
  ],
  blms: [
    {
      id: 'blm-sandiego-tijuana',
      name: {
        en: 'San Diego–Tijuana Border Liaison Mechanism',
        es: 'Mecanismo de Enlace Fronterizo Tijuana–San Diego',
      },
      usChair: 'U.S. Consulate General Tijuana',
      mxChair: 'Consulate General of Mexico in San Diego',
      sisterCities: 'San Diego CA / Tijuana BC',
      members: [
        { agency: 'CBP', side: 'US', name: { en: 'U.S. Customs and Border Protection' } },
        { agency: 'ANAM', side: 'MX', name: { es: 'Agencia Nacional de Aduanas de México' } },
      ],
    },
  ],
  sisterCityPlans: [{ id: 'scp-sandiego-tijuana', usCity: 'San Diego', mxCity: 'Tijuana' }],
  materials: [
    {
      unNumber: '1017',
      name: 'Chlorine',
      names: { en: 'Chlorine', es: 'Cloro' },
      hazardClass: '2.3',
      ergGuide: '124',
      guideTitle: {
        en: 'Gases - Toxic and/or Corrosive - Oxidizing',
        es: 'Gases - Tóxicos y/o corrosivos - Oxidantes',
      },
      toxicByInhalation: true,
    },
    {
      unNumber: '1203',
      name: 'Gasoline',
      names: { en: 'Gasoline', es: 'Gasolina' },
      hazardClass: '3',
      ergGuide: '128',
      guideTitle: { en: 'Flammable Liquids (Water-Immiscible)', es: 'Líquidos inflamables (no miscibles con agua)' },
      toxicByInhalation: false,
    },
  ],
  checklistTemplates: [hazmatTemplate],
});

/** Ids are `<purpose>-1`, `<purpose>-2`, … in the order asked for. */
export function sequentialIds(): (purpose: string) => string {
  let next = 0;
  return (purpose) => `${purpose}-${(next += 1)}`;
}

export function testContext(actor: Actor = usOfficer): DecisionContext {
  return { now: NOW, actor, reference: testCatalog, newId: sequentialIds() };
}

/** PortShutdownDeclared as schema version 1 wrote it (no `closedLanes`): what the upcaster tests read back. */
export const PORT_SHUTDOWN_DECLARED_V1 = Object.freeze({
  portId: 'otay-mesa',
  shutdownId: 'shutdown-v1',
  kind: 'hazmat-release',
  scope: 'partial',
  lanes: ['commercial:northbound', 'fast:northbound'],
  reason: { en: 'Chlorine', es: 'Cloro' },
  declaredBy: { side: 'US', agency: 'CBP' },
  checklist: { templateId: 'hazmat-release', templateVersion: 1, items: [] },
});

/**
 * A scenario drill over Otay Mesa, planned by `planner`: the two officers play, an evaluator watches; three injects,
 * the third a contingency released only if the players miss the second's expected action (30 drill minutes).
 */
export function scenarioDrillPlan(startsAt = '2026-04-14T06:00:00.000Z', rate = 60): DrillPlan {
  return {
    kind: 'scenario',
    title: { en: 'Smoke at Otay Mesa', es: 'Humo en Mesa de Otay' },
    timeZone: 'America/Los_Angeles',
    startsAt,
    rate,
    participants: [
      { username: usOfficer.id, role: 'player', side: 'US', agency: usOfficer.agency },
      { username: mxOfficer.id, role: 'player', side: 'MX', agency: mxOfficer.agency },
      { username: 'evaluator', role: 'evaluator', side: 'US', agency: 'FEMA' },
    ],
    scenario: {
      id: 'otay-smoke',
      title: { en: 'Smoke at Otay Mesa', es: 'Humo en Mesa de Otay' },
      timeZone: 'America/Los_Angeles',
      portId: 'otay-mesa',
      blmId: 'blm-sandiego-tijuana',
      injects: [
        { id: 'I-01', offsetMinutes: 0 },
        { id: 'I-02', offsetMinutes: 10, expectedAction: { withinMinutes: 30 } },
        { id: 'I-03', offsetMinutes: 15, contingencyFor: 'I-02' },
      ],
    },
  };
}

export const evaluator: Actor = { id: 'evaluator', agency: 'FEMA', country: 'US', role: 'officer' };

type IssuedData = Extract<NotificationEvent, { type: 'BlmNotificationIssued' }>['data'];

/**
 * A notification the U.S. officer issued to the San Diego–Tijuana BLM about Otay Mesa, addressed to CBP and ANAM:
 * the start of a notification's stream, for the specs of what comes after.
 */
export function blmNotificationIssued(
  data: Pick<IssuedData, 'notificationId' | 'acknowledgmentDeadline'> & Partial<IssuedData>,
): NotificationEvent {
  return {
    type: 'BlmNotificationIssued',
    data: {
      blmId: 'blm-sandiego-tijuana',
      subject: { portId: 'otay-mesa' },
      title: { en: 'Lanes closed' },
      body: { en: 'Commercial lanes closed' },
      severity: 'severe',
      recipients: [
        { agency: 'CBP', side: 'US' },
        { agency: 'ANAM', side: 'MX' },
      ],
      issuedBy: { side: 'US', agency: 'CBP', officer: 'officer.us' },
      ...data,
    },
  };
}
