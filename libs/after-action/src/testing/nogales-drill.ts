import type { DrillActor, DrillEvent, DrillParticipant } from '@enlace/domain';
import type { Inject, Scenario } from '@enlace/scenarios';
import type { ObservedEvent } from '../evaluation.types.js';

/**
 * A drill of a small scenario after nogales-ammonia-release (Sonora: America/Hermosillo, UTC−7 all year), played
 * with a pause, a rate change and a halt, and a hand-built world history where some objectives are met and others
 * are not. Specs change a copy to see one rule at a time.
 *
 * Clock: starts at 10×; paused 10 real minutes at drill minute 15; 30× from drill minute 20; halted 5 real minutes at
 * drill minute 40; ended at drill minute 120. Real seconds per drill minute: 6 at 10×, 2 at 30×.
 */
export const DRILL_ID = 'drill-nog-2026';
export const STARTS_AT = '2026-03-10T13:15:00.000Z'; // 06:15 in Sonora
export const REAL_START = '2026-03-10T16:00:00.000Z';

export const drillTime = (minutes: number) => new Date(Date.parse(STARTS_AT) + minutes * 60_000).toISOString();
export const realTime = (seconds: number) => new Date(Date.parse(REAL_START) + seconds * 1000).toISOString();

const injectBase = { delivery: 'radio', from: 'PC', to: [{ side: 'MX' }], commands: [] } satisfies Partial<Inject>;

export function nogalesScenario(): Scenario {
  return {
    id: 'nogales-ammonia-release',
    title: {
      en: 'Anhydrous ammonia release in Ambos Nogales, led from Sonora',
      es: 'Liberación de amoniaco anhidro en Ambos Nogales, coordinada desde Sonora',
    },
    narrative: { en: 'An ammonia line ruptures at a cold-storage plant.', es: 'Se rompe una línea de amoniaco.' },
    portId: 'nogales-mariposa',
    blmId: 'blm-nogales',
    hazard: { unNumber: '1005', ergGuide: '125' },
    shutdownKind: 'hazmat-release',
    timeZone: 'America/Hermosillo',
    players: [
      { role: 'officer', side: 'MX', agency: 'PC' },
      { role: 'officer', side: 'MX', agency: 'ANAM' },
      { role: 'officer', side: 'US', agency: 'CBP' },
      { role: 'officer', side: 'US', agency: 'LOCAL-US' },
    ],
    objectives: [
      {
        id: 'NOG-OBJ-1',
        text: { en: 'Report the release to CENACOM.', es: 'Reportar la liberación al CENACOM.' },
        capability: 'operational-communications',
        measure: {
          text: { en: 'CENACOM notified within 15 min', es: 'CENACOM notificado dentro de 15 min' },
          from: { event: 'IncidentReported' },
          to: { event: 'NationalCenterNotified', side: 'MX' },
          targetMinutes: 15,
        },
      },
      {
        id: 'NOG-OBJ-2',
        text: { en: 'Tell the NRC through CENACOM.', es: 'Avisar al NRC mediante el CENACOM.' },
        capability: 'intelligence-and-information-sharing',
        measure: {
          text: { en: 'NRC told within 30 min', es: 'NRC avisado dentro de 30 min' },
          from: { event: 'NationalCenterNotified', side: 'MX' },
          to: { event: 'CounterpartCenterNotified', side: 'MX' },
          targetMinutes: 30,
        },
      },
      {
        id: 'NOG-OBJ-3',
        text: { en: 'Obtain the U.S. acknowledgment of the BLM.', es: 'Obtener el acuse de EE. UU. del MEF.' },
        capability: 'operational-coordination',
        measure: {
          text: { en: 'U.S. acknowledgment within 30 min', es: 'Acuse de EE. UU. dentro de 30 min' },
          from: { event: 'BlmNotificationIssued' },
          to: { event: 'BlmNotificationAcknowledged', side: 'US' },
          targetMinutes: 30,
        },
      },
      {
        id: 'NOG-OBJ-4',
        text: { en: 'Reopen after the clearance.', es: 'Reabrir después de la liberación ambiental.' },
        capability: 'economic-recovery',
        measure: {
          text: { en: 'Reopened within 3 h', es: 'Reapertura dentro de 3 h' },
          from: { event: 'ChecklistItemCompleted', itemId: 'mx-environmental-clearance' },
          to: { event: 'PortReopened' },
          targetMinutes: 180,
        },
      },
    ],
    injects: [
      {
        ...injectBase,
        id: 'NOG-01',
        offsetMinutes: 0,
        synopsis: { en: 'Firefighters report an ammonia leak.', es: 'Bomberos reportan una fuga de amoniaco.' },
        from: 'BOMBEROS',
        expectedAction: {
          text: { en: 'Report to CENACOM.', es: 'Reportar al CENACOM.' },
          evidence: { event: 'NationalCenterNotified', side: 'MX' },
          withinMinutes: 15,
        },
        objectiveId: 'NOG-OBJ-1',
        capability: 'operational-communications',
      },
      {
        ...injectBase,
        id: 'NOG-02',
        offsetMinutes: 5,
        synopsis: { en: 'Shelter-in-place ordered.', es: 'Se ordena resguardo en el lugar.' },
        expectedAction: {
          text: { en: 'ANAM closes the southbound lanes.', es: 'La ANAM cierra los carriles hacia el sur.' },
          evidence: { event: 'PortShutdownDeclared', side: 'MX' },
          withinMinutes: 10,
        },
        objectiveId: 'NOG-OBJ-1',
        capability: 'public-information-and-warning',
      },
      {
        ...injectBase,
        id: 'NOG-03',
        offsetMinutes: 10,
        synopsis: { en: 'Arizona asks for confirmation.', es: 'Arizona pide confirmación.' },
        expectedAction: {
          text: { en: 'The U.S. members acknowledge.', es: 'Los miembros de EE. UU. acusan recibo.' },
          evidence: { event: 'BlmNotificationAcknowledged', side: 'US' },
          withinMinutes: 10,
        },
        objectiveId: 'NOG-OBJ-3',
        capability: 'operational-coordination',
      },
      {
        ...injectBase,
        id: 'NOG-04',
        offsetMinutes: 25,
        synopsis: { en: 'The county calls asking for news.', es: 'El condado llama pidiendo noticias.' },
        from: 'LOCAL-US',
        objectiveId: 'NOG-OBJ-3',
        capability: 'operational-coordination',
        contingencyFor: 'NOG-03',
      },
      {
        ...injectBase,
        id: 'NOG-05',
        offsetMinutes: 12,
        synopsis: { en: 'CENACOM asks for the report.', es: 'El CENACOM pide el reporte.' },
        from: 'CENACOM',
        objectiveId: 'NOG-OBJ-1',
        capability: 'operational-communications',
        contingencyFor: 'NOG-01',
      },
      {
        ...injectBase,
        id: 'NOG-06',
        offsetMinutes: 30,
        synopsis: { en: 'Wind shifts to the north.', es: 'El viento cambia hacia el norte.' },
        delivery: 'system',
        from: 'EXCON',
        objectiveId: 'NOG-OBJ-2',
        capability: 'intelligence-and-information-sharing',
      },
    ],
  };
}

export const PLANNER: DrillActor = { username: 'planner.sonora', side: 'MX', agency: 'PC' };
export const EVALUATOR: DrillActor = { username: 'eval.epa', side: 'US', agency: 'EPA' };

export const PARTICIPANTS: DrillParticipant[] = [
  { username: 'pc.officer', role: 'player', side: 'MX', agency: 'PC' },
  { username: 'anam.officer', role: 'player', side: 'MX', agency: 'ANAM' },
  { username: 'cbp.officer', role: 'player', side: 'US', agency: 'CBP' },
  { username: 'cbp.second', role: 'player', side: 'US', agency: 'CBP' },
  { username: 'eval.epa', role: 'evaluator', side: 'US', agency: 'EPA' },
];

export const MALICIOUS_OBSERVATION = '<script>alert("owned")</script> & <img src=x onerror=alert(1)>';

const at = (realSeconds: number, drillMinutes: number) => ({
  drillId: DRILL_ID,
  at: realTime(realSeconds),
  drillTime: drillTime(drillMinutes),
});

function released(injectId: string, realSeconds: number, drillMinutes: number, dueMinutes: number): DrillEvent {
  return {
    type: 'DrillInjectReleased',
    data: { ...at(realSeconds, drillMinutes), injectId, dueDrillTime: drillTime(dueMinutes) },
  };
}

export function nogalesDrillEvents(): DrillEvent[] {
  const scenario = nogalesScenario();
  return [
    {
      type: 'DrillPlanned',
      data: {
        drillId: DRILL_ID,
        plannedBy: PLANNER,
        plan: {
          kind: 'scenario',
          title: scenario.title,
          timeZone: scenario.timeZone,
          startsAt: STARTS_AT,
          rate: 10,
          participants: PARTICIPANTS,
          scenario,
        },
      },
    },
    { type: 'DrillClockStarted', data: { ...at(0, 0), rate: 10 } },
    released('NOG-01', 0, 0, 0),
    released('NOG-02', 33, 5.5, 5),
    released('NOG-03', 60, 10, 10),
    {
      type: 'DrillObservationRecorded',
      data: {
        ...at(72, 12),
        observationId: 'obs-1',
        by: EVALUATOR,
        capability: 'operational-communications',
        objectiveId: 'NOG-OBJ-1',
        text: { en: 'CENACOM was called from the PC desk.', es: 'Se llamó al CENACOM desde la mesa de PC.' },
      },
    },
    { type: 'DrillClockPaused', data: at(90, 15) },
    { type: 'DrillClockResumed', data: at(690, 15) },
    { type: 'DrillClockRateChanged', data: { ...at(720, 20), rate: 30 } },
    released('NOG-04', 730, 25, 25),
    released('NOG-06', 740, 30, 30),
    {
      type: 'DrillObservationRecorded',
      data: {
        ...at(750, 35),
        observationId: 'obs-2',
        by: EVALUATOR,
        capability: 'operational-coordination',
        objectiveId: 'NOG-OBJ-3',
        text: { en: MALICIOUS_OBSERVATION },
      },
    },
    {
      type: 'DrillHalted',
      data: {
        ...at(760, 40),
        by: PLANNER,
        reason: { en: 'Real-world traffic accident at the garita', es: 'Accidente real en la garita' },
      },
    },
    { type: 'DrillClockResumed', data: at(1060, 40) },
    { type: 'DrillEnded', data: { ...at(1220, 120), by: PLANNER } },
  ];
}

const MX_PC = { username: 'pc.officer', side: 'MX', agency: 'PC' } as const;
const US_CBP = { username: 'cbp.officer', side: 'US', agency: 'CBP' } as const;
const INCIDENT = 'inc-ammonia';

export function nogalesWorldEvents(): ObservedEvent[] {
  return [
    {
      type: 'IncidentReported',
      occurredAt: drillTime(0),
      data: {
        incidentId: INCIDENT,
        kind: 'hazmat-release',
        title: { en: 'Ammonia release', es: 'Liberación de amoniaco' },
        severity: 'severe',
        location: { lat: 31.3225, lon: -110.9705, description: { en: 'Cold-storage plant', es: 'Empacadora' } },
        affectedPortIds: ['nogales-mariposa'],
        casualties: { injured: 0, fatalities: 0 },
        reportedBy: { side: 'MX', agency: 'BOMBEROS' },
        observedAt: drillTime(0),
      },
    },
    // The U.S. side's own national centre, first: it must not count as the Mexican side's report.
    {
      type: 'NationalCenterNotified',
      occurredAt: drillTime(3),
      actor: US_CBP,
      data: { incidentId: INCIDENT, side: 'US', center: 'NRC' },
    },
    {
      type: 'NationalCenterNotified',
      occurredAt: drillTime(10),
      actor: MX_PC,
      data: { incidentId: INCIDENT, side: 'MX', center: 'CENACOM' },
    },
    {
      type: 'BlmNotificationIssued',
      occurredAt: drillTime(12),
      actor: MX_PC,
      data: {
        notificationId: 'ntf-1',
        blmId: 'blm-nogales',
        subject: { incidentId: INCIDENT },
        title: { en: 'Ammonia release', es: 'Liberación de amoniaco' },
        body: { en: 'Shelter in place', es: 'Resguardo en el lugar' },
        severity: 'severe',
        acknowledgmentDeadline: drillTime(42),
        recipients: [{ agency: 'CBP', side: 'US' }],
        issuedBy: { side: 'MX', agency: 'PC', officer: 'pc.officer' },
      },
    },
    // A Mexican acknowledgment: the objective asks for the U.S. one, which never comes.
    {
      type: 'BlmNotificationAcknowledged',
      occurredAt: drillTime(14),
      actor: { username: 'anam.officer', side: 'MX', agency: 'ANAM' },
      data: { notificationId: 'ntf-1', agency: 'ANAM', side: 'MX', officer: 'anam.officer' },
    },
    {
      type: 'PortShutdownDeclared',
      occurredAt: drillTime(20.5),
      actor: { username: 'anam.officer', side: 'MX', agency: 'ANAM' },
      data: {
        portId: 'nogales-mariposa',
        shutdownId: 'sd-1',
        kind: 'hazmat-release',
        scope: 'partial',
        lanes: ['commercial:southbound'],
        closedLanes: ['commercial:southbound'],
        reason: { en: 'Ammonia cloud', es: 'Nube de amoniaco' },
        incidentId: INCIDENT,
        declaredBy: { side: 'MX', agency: 'ANAM' },
        checklist: { templateId: 'hazmat-release', templateVersion: 1, items: [] },
      },
    },
    {
      type: 'CounterpartCenterNotified',
      occurredAt: drillTime(50),
      actor: MX_PC,
      data: { incidentId: INCIDENT, side: 'MX', center: 'NRC' },
    },
  ];
}
