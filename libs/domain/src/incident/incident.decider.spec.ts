import type { Actor } from '../shared/decider.js';
import type { Side } from '../shared/side.js';
import type { BilingualText, Language } from '../shared/text.js';
import { auditor, deciderSpecification, mxOfficer, NOW, planner, testContext, usOfficer } from '../testing/index.js';
import {
  additionalPortsOf,
  evolveIncident,
  incidentDecider,
  initialIncidentState,
  type IncidentCommand,
  type IncidentState,
  primaryPortOf,
} from './incident.decider.js';
import type { IncidentEvent, TranslatableIncidentField } from './incident.events.js';

const spec = deciderSpecification(incidentDecider, () => testContext());

const INCIDENT_ID = 'incident-2026-0001';
const TITLE: BilingualText = { en: 'Chlorine release at Otay Mesa' };
const LOCATION = { lat: 32.55, lon: -116.94, description: { en: 'Commercial inspection lot' } };
const EARLIER = '2026-11-23T17:30:00.000Z';
const admin: Actor = { id: 'admin', agency: 'CBP', country: 'US', role: 'admin' };

type EventData<Type extends IncidentEvent['type']> = Extract<IncidentEvent, { type: Type }>['data'];
type ReportData = Extract<IncidentCommand, { type: 'ReportIncident' }>['data'];

// ---- commands ----

/** What an officer reports at the least, which its event records as it is. */
const REPORT: ReportData = {
  incidentId: INCIDENT_ID,
  kind: 'hazmat-release',
  title: TITLE,
  severity: 'severe',
  location: LOCATION,
};

function reportIncident(overrides: Partial<ReportData> = {}): IncidentCommand {
  return { type: 'ReportIncident', data: { ...REPORT, ...overrides } };
}

const updateIncident = (data: Extract<IncidentCommand, { type: 'UpdateIncident' }>['data']): IncidentCommand => ({
  type: 'UpdateIncident',
  data,
});

const EVACUATION = {
  kind: 'evacuation' as const,
  center: { lat: 32.55, lon: -116.94 },
  radiusMeters: 800,
  instructions: { en: 'Evacuate the commercial lot' },
};
const orderEvacuation: IncidentCommand = { type: 'OrderProtectiveAction', data: EVACUATION };

const liftProtectiveAction = (actionId = 'protective-action-1'): IncidentCommand => ({
  type: 'LiftProtectiveAction',
  data: { actionId },
});

const fileSituationReport = (summary: BilingualText = { en: 'Leak contained' }): IncidentCommand => ({
  type: 'FileSituationReport',
  data: { summary },
});

type StepFacts = Extract<IncidentCommand, { type: 'RecordNationalCenterNotified' }>['data'];

const recordNationalCenter = (reportNumber?: string, facts: StepFacts = {}): IncidentCommand => ({
  type: 'RecordNationalCenterNotified',
  data: { ...(reportNumber === undefined ? {} : { reportNumber }), ...facts },
});

const recordCounterpartCenter = (reportNumber?: string, facts: StepFacts = {}): IncidentCommand => ({
  type: 'RecordCounterpartCenterNotified',
  data: { ...(reportNumber === undefined ? {} : { reportNumber }), ...facts },
});

const activateJrt: IncidentCommand = { type: 'ActivateJointResponseTeam', data: {} };
const deactivateJrt: IncidentCommand = { type: 'DeactivateJointResponseTeam', data: {} };

const coordinatorOf = (side: Side) =>
  side === 'US' ? { side, name: 'Dana Ruiz', agency: 'EPA' } : { side, name: 'Luis Ortega', agency: 'PC-BC' };

const assignCoordinator = (side: Side): IncidentCommand => ({
  type: 'AssignOnSceneCoordinator',
  data: coordinatorOf(side),
});

const translate = (field: TranslatableIncidentField, language: Language, text: string): IncidentCommand => ({
  type: 'TranslateIncidentText',
  data: { field, language, text },
});

const closeIncident = (summary: BilingualText = { en: 'All clear' }): IncidentCommand => ({
  type: 'CloseIncident',
  data: { summary },
});

// ---- events ----

function reported(overrides: Partial<EventData<'IncidentReported'>> = {}): IncidentEvent {
  return {
    type: 'IncidentReported',
    data: {
      ...REPORT,
      affectedPortIds: [],
      casualties: { injured: 0, fatalities: 0 },
      reportedBy: { side: 'US', agency: 'CBP' },
      observedAt: NOW,
      ...overrides,
    },
  };
}

const updated = (changes: EventData<'IncidentUpdated'>['changes']): IncidentEvent => ({
  type: 'IncidentUpdated',
  data: { incidentId: INCIDENT_ID, changes },
});

const actionOrdered = (side: Side = 'US', actionId = 'protective-action-1'): IncidentEvent => ({
  type: 'ProtectiveActionOrdered',
  data: { incidentId: INCIDENT_ID, actionId, side, ...EVACUATION },
});

const actionLifted = (actionId = 'protective-action-1'): IncidentEvent => ({
  type: 'ProtectiveActionLifted',
  data: { incidentId: INCIDENT_ID, actionId },
});

const situationReportFiled = (
  number: number,
  reportId = `situation-report-${number}`,
  side: Side = 'US',
  summary: BilingualText = { en: 'Leak contained' },
): IncidentEvent => ({
  type: 'SituationReportFiled',
  data: { incidentId: INCIDENT_ID, reportId, number, summary, side },
});

const centerOf = (side: Side) => (side === 'US' ? 'NRC' : 'CENACOM');

const nationalCenterNotified = (side: Side, reportNumber?: string, occurredAt?: string): IncidentEvent => ({
  type: 'NationalCenterNotified',
  data: {
    incidentId: INCIDENT_ID,
    side,
    center: centerOf(side),
    ...(reportNumber ? { reportNumber } : {}),
    ...(occurredAt ? { occurredAt } : {}),
  },
});

const counterpartCenterNotified = (side: Side, reportNumber?: string, occurredAt?: string): IncidentEvent => ({
  type: 'CounterpartCenterNotified',
  data: {
    incidentId: INCIDENT_ID,
    side,
    center: centerOf(side === 'US' ? 'MX' : 'US'),
    ...(reportNumber ? { reportNumber } : {}),
    ...(occurredAt ? { occurredAt } : {}),
  },
});

const jrtActivated: IncidentEvent = { type: 'JointResponseTeamActivated', data: { incidentId: INCIDENT_ID } };
const standDownAgreed = (side: Side): IncidentEvent => ({
  type: 'JointResponseTeamStandDownAgreed',
  data: { incidentId: INCIDENT_ID, side },
});
const jrtDeactivated: IncidentEvent = { type: 'JointResponseTeamDeactivated', data: { incidentId: INCIDENT_ID } };

const coordinatorAssigned = (side: Side): IncidentEvent => ({
  type: 'OnSceneCoordinatorAssigned',
  data: { incidentId: INCIDENT_ID, ...coordinatorOf(side) },
});

const translated = (field: TranslatableIncidentField, language: Language, text: string): IncidentEvent => ({
  type: 'IncidentTextTranslated',
  data: { incidentId: INCIDENT_ID, field, language, text },
});

const closed = (summary: BilingualText = { en: 'All clear' }): IncidentEvent => ({
  type: 'IncidentClosed',
  data: { incidentId: INCIDENT_ID, summary },
});

/** Every command but ReportIncident, for the rules that hold for all of them. */
const commandsOnAnIncident: [string, IncidentCommand][] = [
  ['UpdateIncident', updateIncident({ severity: 'extreme' })],
  ['OrderProtectiveAction', orderEvacuation],
  ['LiftProtectiveAction', liftProtectiveAction()],
  ['FileSituationReport', fileSituationReport()],
  ['RecordNationalCenterNotified', recordNationalCenter()],
  ['RecordCounterpartCenterNotified', recordCounterpartCenter()],
  ['ActivateJointResponseTeam', activateJrt],
  ['DeactivateJointResponseTeam', deactivateJrt],
  ['AssignOnSceneCoordinator', assignCoordinator('US')],
  ['TranslateIncidentText', translate('title', 'es', 'Liberación de cloro en Mesa de Otay')],
  ['CloseIncident', closeIncident()],
];

/** Reporting these details, on a new incident, records them as reported. */
function expectRecordedAsReported(details: Partial<ReportData>): void {
  spec
    .given([])
    .when(reportIncident(details))
    .then([reported(details)]);
}

function fold(events: [IncidentEvent, string][]): IncidentState {
  return events.reduce((state, [event, at]) => evolveIncident(state, event, at), initialIncidentState());
}

describe('incident decider', () => {
  describe('reporting an incident', () => {
    it('records the incident with the reporting officer side and agency, no casualties and observed now by default', () => {
      spec.given([]).when(reportIncident(), { actor: usOfficer }).then([reported()]);
    });

    it('records a Mexican officer as reported by the MX side', () => {
      spec
        .given([])
        .when(reportIncident(), { actor: mxOfficer })
        .then([reported({ reportedBy: { side: 'MX', agency: 'ANAM' } })]);
    });

    it('fills hazard class, ERG guide and toxic-by-inhalation from the UN number', () => {
      spec
        .given([])
        .when(reportIncident({ material: { unNumber: '1017', name: 'Chlorine' } }))
        .then([
          reported({
            material: {
              unNumber: '1017',
              name: 'Chlorine',
              hazardClass: '2.3',
              ergGuide: '124',
              toxicByInhalation: true,
            },
          }),
        ]);
    });

    it('keeps what the officer reported about the material over the ERG table', () => {
      const material = {
        unNumber: '1017',
        name: 'Chlorine',
        hazardClass: '2.3',
        ergGuide: '125',
        toxicByInhalation: false,
      };
      expectRecordedAsReported({ material });
    });

    it('leaves a material without a known UN number as reported', () => {
      expectRecordedAsReported({ material: { unNumber: '9999', name: 'Unknown drums' } });
      expectRecordedAsReported({ material: { name: 'White smoke' } });
    });

    it('keeps the reported casualties, quantity, sister-city plan and observation time', () => {
      const details = {
        casualties: { injured: 2, fatalities: 0 },
        quantity: { amount: 150, unit: 'lb' },
        sisterCityPlanId: 'scp-sandiego-tijuana',
        observedAt: EARLIER,
      };
      expectRecordedAsReported(details);
    });

    it('lists each affected port once', () => {
      spec
        .given([])
        .when(reportIncident({ affectedPortIds: ['otay-mesa', 'otay-mesa'] }))
        .then([reported({ affectedPortIds: ['otay-mesa'] })]);
    });

    it('accepts an observation time equal to now', () => {
      spec
        .given([])
        .when(reportIncident({ observedAt: NOW }))
        .then([reported()]);
    });

    it('refuses an observation time in the future', () => {
      spec
        .given([])
        .when(reportIncident({ observedAt: '2026-11-23T18:00:01.000Z' }))
        .thenFails('INCIDENT.OBSERVED_IN_FUTURE', { observedAt: '2026-11-23T18:00:01.000Z', now: NOW });
    });

    it('accepts a past observation time written with a UTC offset', () => {
      const observedAt = '2026-11-23T19:30:00.000+02:00'; // 17:30Z, half an hour before now
      expectRecordedAsReported({ observedAt });
    });

    it('refuses to report the same incident twice', () => {
      spec
        .given([reported()])
        .when(reportIncident())
        .thenFails('INCIDENT.ALREADY_REPORTED', { incidentId: INCIDENT_ID });
      spec
        .given([reported(), closed()])
        .when(reportIncident())
        .thenFails('INCIDENT.ALREADY_REPORTED', { incidentId: INCIDENT_ID });
    });

    it('refuses an unknown port of entry, naming it', () => {
      spec
        .given([])
        .when(reportIncident({ affectedPortIds: ['otay-mesa', 'atlantis'] }))
        .thenFails('INCIDENT.UNKNOWN_PORT', { portIds: ['atlantis'] });
    });

    describe('several affected ports, one of them primary', () => {
      /** The test catalog with three ports: Otay Mesa, and Tecate and Calexico East (copies of it but for the id). */
      const spec = deciderSpecification(incidentDecider, () => {
        const context = testContext();
        const port = context.reference.port.bind(context.reference);
        const otayMesa = port('otay-mesa')!;
        const reference = Object.create(context.reference) as typeof context.reference;
        reference.port = (id: string) => (id === 'tecate' || id === 'calexico-east' ? { ...otayMesa, id } : port(id));
        return { ...context, reference };
      });

      it('records the primary port first, then the additional ports, each once', () => {
        spec
          .given([])
          .when(reportIncident({ primaryPortId: 'otay-mesa', affectedPortIds: ['tecate', 'otay-mesa', 'tecate'] }))
          .then([reported({ primaryPortId: 'otay-mesa', affectedPortIds: ['otay-mesa', 'tecate'] })]);
      });

      it('a primary port alone is the one affected port', () => {
        spec
          .given([])
          .when(reportIncident({ primaryPortId: 'otay-mesa' }))
          .then([reported({ primaryPortId: 'otay-mesa', affectedPortIds: ['otay-mesa'] })]);
      });

      it('refuses an unknown primary port, naming it', () => {
        spec
          .given([])
          .when(reportIncident({ primaryPortId: 'atlantis', affectedPortIds: ['otay-mesa'] }))
          .thenFails('INCIDENT.UNKNOWN_PORT', { portIds: ['atlantis'] });
      });

      it('an incident reported before primary ports existed is at its first affected port', () => {
        const old = evolveIncident(initialIncidentState(), reported({ affectedPortIds: ['tecate', 'otay-mesa'] }));
        expect(old.status !== 'none' && old.primaryPortId).toBeUndefined();
        expect(old.status !== 'none' && primaryPortOf(old)).toBe('tecate');
        expect(old.status !== 'none' && additionalPortsOf(old)).toEqual(['otay-mesa']);
        const now = evolveIncident(
          initialIncidentState(),
          reported({ primaryPortId: 'otay-mesa', affectedPortIds: ['otay-mesa', 'tecate'] }),
        );
        expect(now.status !== 'none' && primaryPortOf(now)).toBe('otay-mesa');
        expect(now.status !== 'none' && additionalPortsOf(now)).toEqual(['tecate']);
      });

      it('an update may change the additional ports but must keep the primary one', () => {
        const given = [reported({ primaryPortId: 'otay-mesa', affectedPortIds: ['otay-mesa', 'tecate'] })];
        spec
          .given(given)
          .when(updateIncident({ affectedPortIds: ['otay-mesa', 'calexico-east'] }))
          .then([updated({ affectedPortIds: ['otay-mesa', 'calexico-east'] })]);
        spec
          .given(given)
          .when(updateIncident({ affectedPortIds: ['tecate'] }))
          .thenFails('INCIDENT.PRIMARY_PORT_NOT_AFFECTED', { field: 'affectedPortIds', primaryPortId: 'otay-mesa' });
      });
    });

    it('refuses an unknown sister-city plan', () => {
      spec
        .given([])
        .when(reportIncident({ sisterCityPlanId: 'scp-nowhere' }))
        .thenFails('INCIDENT.UNKNOWN_SISTER_CITY_PLAN', { sisterCityPlanId: 'scp-nowhere' });
    });
  });

  describe('who may act', () => {
    it.each([
      ['an auditor', auditor],
      ['a planner', planner],
      ['an admin', admin],
    ])('refuses %s to report an incident', (_who, actor) => {
      spec.given([]).when(reportIncident(), { actor }).thenFails('AUTH.ROLE');
    });

    it.each(commandsOnAnIncident)('refuses an auditor or planner to %s', (_name, command) => {
      spec.given([reported()]).when(command, { actor: auditor }).thenFails('AUTH.ROLE');
      spec.given([reported()]).when(command, { actor: planner }).thenFails('AUTH.ROLE');
    });
  });

  describe('an incident that does not exist', () => {
    it.each(commandsOnAnIncident)('refuses %s with INCIDENT.NOT_FOUND', (_name, command) => {
      spec.given([]).when(command).thenFails('INCIDENT.NOT_FOUND');
    });
  });

  describe('a closed incident', () => {
    const changesOfFact = commandsOnAnIncident.filter(([name]) => name !== 'TranslateIncidentText');
    it.each(changesOfFact)('refuses %s with INCIDENT.CLOSED', (_name, command) => {
      spec.given([reported(), closed()]).when(command).thenFails('INCIDENT.CLOSED', { incidentId: INCIDENT_ID });
    });
  });

  describe('updating an incident', () => {
    it('records only the fields given', () => {
      spec
        .given([reported()])
        .when(updateIncident({ severity: 'extreme', casualties: { injured: 3, fatalities: 1 }, title: undefined }))
        .then([updated({ severity: 'extreme', casualties: { injured: 3, fatalities: 1 } })]);
      const [event] = spec
        .given([reported()])
        .when(updateIncident({ severity: 'extreme', title: undefined }))
        .events();
      expect(Object.keys((event!.data as EventData<'IncidentUpdated'>).changes)).toEqual(['severity']);
    });

    it('fills a new material from the ERG table', () => {
      spec
        .given([reported()])
        .when(updateIncident({ material: { unNumber: '1203', name: 'Gasoline' } }))
        .then([
          updated({
            material: {
              unNumber: '1203',
              name: 'Gasoline',
              hazardClass: '3',
              ergGuide: '128',
              toxicByInhalation: false,
            },
          }),
        ]);
    });

    it('accepts known ports and sister-city plans', () => {
      spec
        .given([reported()])
        .when(updateIncident({ affectedPortIds: ['otay-mesa'], sisterCityPlanId: 'scp-sandiego-tijuana' }))
        .then([updated({ affectedPortIds: ['otay-mesa'], sisterCityPlanId: 'scp-sandiego-tijuana' })]);
    });

    it('lists each affected port once, as when reporting', () => {
      spec
        .given([reported()])
        .when(updateIncident({ affectedPortIds: ['otay-mesa', 'otay-mesa'] }))
        .then([updated({ affectedPortIds: ['otay-mesa'] })]);
    });

    it('refuses an update that changes nothing', () => {
      spec.given([reported()]).when(updateIncident({})).thenFails('INCIDENT.NOTHING_TO_UPDATE');
      spec
        .given([reported()])
        .when(updateIncident({ title: undefined, severity: undefined }))
        .thenFails('INCIDENT.NOTHING_TO_UPDATE');
    });

    describe('per field, on the latest state (the form sends what it changed and the values it started from)', () => {
      it('saves a change after unrelated events: a situation report, the other side’s JCP step, another field', () => {
        spec
          .given([reported(), situationReportFiled(1), nationalCenterNotified('MX'), updated({ severity: 'extreme' })])
          .when(
            updateIncident({
              casualties: { injured: 2, fatalities: 0 },
              startedFrom: { casualties: { injured: 0, fatalities: 0 } },
            }),
          )
          .then([updated({ casualties: { injured: 2, fatalities: 0 } })]);
      });

      it('refuses (409) when a field it changes was changed since, with both values, and saves nothing', () => {
        const error = spec
          .given([reported(), updated({ severity: 'extreme' })])
          .when(
            updateIncident({
              severity: 'moderate',
              casualties: { injured: 1, fatalities: 0 },
              startedFrom: { severity: 'severe', casualties: { injured: 0, fatalities: 0 } },
            }),
          )
          .thenFails('INCIDENT.UPDATE_CONFLICT', {
            conflicts: [{ field: 'severity', yours: 'moderate', theirs: 'extreme', startedFrom: 'severe' }],
          });
        expect(error.kind).toBe('conflict');
        expect(error.messages.en).toContain('changed the severity since you started');
        expect(error.messages.es).toContain('cambió la severidad desde que usted empezó');
      });

      it('names every field changed since in words, with Spanish articles ("la severidad y las víctimas")', () => {
        const error = spec
          .given([reported(), updated({ severity: 'extreme', casualties: { injured: 5, fatalities: 1 } })])
          .when(
            updateIncident({
              severity: 'moderate',
              casualties: { injured: 7, fatalities: 1 },
              startedFrom: { severity: 'severe', casualties: { injured: 0, fatalities: 0 } },
            }),
          )
          .thenFails('INCIDENT.UPDATE_CONFLICT');
        expect(error.messages.en).toContain('changed the severity and the casualties since you started');
        expect(error.messages.es).toContain('cambió la severidad y las víctimas desde que usted empezó');
      });

      it('sees no conflict where the other change made the field what this one wants', () => {
        spec
          .given([reported(), updated({ severity: 'extreme' })])
          .when(updateIncident({ severity: 'extreme', startedFrom: { severity: 'severe' } }))
          .then([updated({ severity: 'extreme' })]);
      });

      it('compares values, not their key order, and an absent value as null', () => {
        spec
          .given([reported()])
          .when(
            updateIncident({
              casualties: { injured: 4, fatalities: 0 },
              quantity: { amount: 5, unit: 'kg' },
              startedFrom: { casualties: { fatalities: 0, injured: 0 }, quantity: null },
            }),
          )
          .then([updated({ casualties: { injured: 4, fatalities: 0 }, quantity: { amount: 5, unit: 'kg' } })]);
        spec
          .given([reported(), updated({ quantity: { amount: 1, unit: 't' } })])
          .when(updateIncident({ quantity: { amount: 5, unit: 'kg' }, startedFrom: { quantity: null } }))
          .thenFails('INCIDENT.UPDATE_CONFLICT', {
            conflicts: [
              {
                field: 'quantity',
                yours: { amount: 5, unit: 'kg' },
                theirs: { amount: 1, unit: 't' },
                startedFrom: null,
              },
            ],
          });
      });

      it('writes a field changed without a starting value whatever it is now (the last writer wins on it)', () => {
        spec
          .given([reported(), updated({ severity: 'extreme' })])
          .when(updateIncident({ severity: 'minor', startedFrom: {} }))
          .then([updated({ severity: 'minor' })]);
      });
    });

    it('refuses an unknown port or sister-city plan', () => {
      spec
        .given([reported()])
        .when(updateIncident({ affectedPortIds: ['atlantis'] }))
        .thenFails('INCIDENT.UNKNOWN_PORT', { portIds: ['atlantis'] });
      spec
        .given([reported()])
        .when(updateIncident({ sisterCityPlanId: 'scp-nowhere' }))
        .thenFails('INCIDENT.UNKNOWN_SISTER_CITY_PLAN', { sisterCityPlanId: 'scp-nowhere' });
    });
  });

  describe('protective actions', () => {
    it('orders a protective action for the side of the officer, with a fresh id', () => {
      spec
        .given([reported()])
        .when(orderEvacuation, { actor: usOfficer })
        .then([actionOrdered('US')]);
      spec
        .given([reported()])
        .when(orderEvacuation, { actor: mxOfficer })
        .then([actionOrdered('MX')]);
    });

    it("lifts a protective action in force ordered by the officer's own side", () => {
      spec
        .given([reported(), actionOrdered()])
        .when(liftProtectiveAction(), { actor: usOfficer })
        .then([actionLifted()]);
      spec
        .given([reported(), actionOrdered('MX')])
        .when(liftProtectiveAction(), { actor: mxOfficer })
        .then([actionLifted()]);
    });

    it('refuses a cross-side lift: only an officer of the side that ordered the action lifts it', () => {
      const error = spec
        .given([reported(), actionOrdered('MX')])
        .when(liftProtectiveAction(), { actor: usOfficer })
        .thenFails('AUTH.WRONG_SIDE');
      expect(error.kind).toBe('forbidden');
      expect(error.details).toEqual({ actionId: 'protective-action-1', orderedBy: 'MX', actorSide: 'US' });
      expect(error.messages).toEqual({
        en: 'The evacuation was ordered by the Mexican side: only a Mexican officer may lift it',
        es: 'La evacuación la ordenó el lado mexicano: solo un oficial mexicano puede levantarla',
      });
      spec
        .given([reported(), actionOrdered('US')])
        .when(liftProtectiveAction(), { actor: mxOfficer })
        .thenFails('AUTH.WRONG_SIDE', { orderedBy: 'US', actorSide: 'MX' });
    });

    it('refuses to lift a protective action twice', () => {
      spec
        .given([reported(), actionOrdered(), actionLifted()])
        .when(liftProtectiveAction())
        .thenFails('INCIDENT.PROTECTIVE_ACTION_LIFTED', { actionId: 'protective-action-1', liftedAt: NOW });
    });

    it('refuses to lift an unknown protective action', () => {
      spec
        .given([reported(), actionOrdered()])
        .when(liftProtectiveAction('protective-action-9'))
        .thenFails('INCIDENT.UNKNOWN_PROTECTIVE_ACTION', { actionId: 'protective-action-9' });
    });
  });

  describe('situation reports', () => {
    it('numbers situation reports 1, 2, … and records the side that filed them', () => {
      spec
        .given([reported()])
        .when(fileSituationReport(), { actor: usOfficer })
        .then([situationReportFiled(1)]);
      // Each decision gets a fresh test context, so its first id is `situation-report-1` again.
      spec
        .given([reported(), situationReportFiled(1, 'report-a')])
        .when(fileSituationReport({ es: 'Fuga contenida' }), { actor: mxOfficer })
        .then([situationReportFiled(2, 'situation-report-1', 'MX', { es: 'Fuga contenida' })]);
      spec
        .given([reported(), situationReportFiled(1, 'report-a'), situationReportFiled(2, 'report-b')])
        .when(fileSituationReport())
        .then([situationReportFiled(3, 'situation-report-1')]);
    });
  });

  describe('joint contingency plan: national centres', () => {
    it('records the NRC for a U.S. officer and CENACOM for a Mexican officer', () => {
      spec
        .given([reported()])
        .when(recordNationalCenter('NRC-1234567'), { actor: usOfficer })
        .then([nationalCenterNotified('US', 'NRC-1234567')]);
      spec
        .given([reported()])
        .when(recordNationalCenter(), { actor: mxOfficer })
        .then([nationalCenterNotified('MX')]);
    });

    it('leaves out an empty report number, and trims one given', () => {
      spec
        .given([reported()])
        .when(recordNationalCenter('  '))
        .then([nationalCenterNotified('US')]);
      spec
        .given([reported()])
        .when(recordNationalCenter(' 1380012 '))
        .then([nationalCenterNotified('US', '1380012')]);
    });

    it('keeps when a step recorded after the fact was done (as UTC), beside when it is recorded', () => {
      spec
        .given([reported({ observedAt: EARLIER })])
        .when(recordNationalCenter('1380012', { occurredAt: '2026-11-23T10:40:00-07:00' }), { actor: usOfficer })
        .then([nationalCenterNotified('US', '1380012', '2026-11-23T17:40:00.000Z')]);
      spec
        .given([reported({ observedAt: EARLIER }), nationalCenterNotified('MX')])
        .when(recordCounterpartCenter('F-77', { occurredAt: EARLIER }), { actor: mxOfficer })
        .then([counterpartCenterNotified('MX', 'F-77', EARLIER)]);
    });

    it('accepts a step done now or when the incident was observed, before it was entered here', () => {
      spec
        .given([reported({ observedAt: EARLIER })])
        .when(recordNationalCenter(undefined, { occurredAt: NOW }))
        .then([nationalCenterNotified('US', undefined, NOW)]);
    });

    it('accepts a time given to the minute in the minute the incident was observed', () => {
      spec
        .given([reported({ observedAt: '2026-11-23T17:30:45.000Z' })])
        .when(recordNationalCenter(undefined, { occurredAt: EARLIER }))
        .then([nationalCenterNotified('US', undefined, EARLIER)]);
    });

    it('refuses a step done in the future, naming the field in its details and the rule in words', () => {
      const error = spec
        .given([reported({ observedAt: EARLIER })])
        .when(recordNationalCenter(undefined, { occurredAt: '2026-11-23T18:00:01.000Z' }))
        .thenFails('INCIDENT.STEP_TIME_IN_FUTURE', { field: 'occurredAt', now: NOW });
      // The details name the field; the message is in words, as an officer reads it under the form.
      expect(error.messages.en).toMatch(/^The time the step was done .*not in the future$/);
      expect(error.messages.es).toMatch(/^La hora en que se realizó el paso .*no futura$/);
    });

    it('refuses a step done before the incident was observed, or at no valid time', () => {
      spec
        .given([reported({ observedAt: EARLIER })])
        .when(recordNationalCenter(undefined, { occurredAt: '2026-11-23T17:29:59.000Z' }))
        .thenFails('INCIDENT.STEP_TIME_BEFORE_INCIDENT', { field: 'occurredAt', observedAt: EARLIER });
      spec
        .given([reported({ observedAt: EARLIER }), nationalCenterNotified('US')])
        .when(recordCounterpartCenter(undefined, { occurredAt: '2026-11-23T17:00:00.000Z' }))
        .thenFails('INCIDENT.STEP_TIME_BEFORE_INCIDENT', { field: 'occurredAt' });
      spec
        .given([reported()])
        .when(recordNationalCenter(undefined, { occurredAt: 'yesterday' }))
        .thenFails('INCIDENT.STEP_TIME_IN_FUTURE', { field: 'occurredAt' });
    });

    it('refuses to record the own national centre twice, while the other side may still record its own', () => {
      spec
        .given([reported(), nationalCenterNotified('US')])
        .when(recordNationalCenter(), { actor: usOfficer })
        .thenFails('INCIDENT.NATIONAL_CENTER_ALREADY_NOTIFIED', { side: 'US' });
      spec
        .given([reported(), nationalCenterNotified('US')])
        .when(recordNationalCenter(), { actor: mxOfficer })
        .then([nationalCenterNotified('MX')]);
    });

    it('refuses to notify the counterpart centre before the own national centre', () => {
      spec
        .given([reported()])
        .when(recordCounterpartCenter(), { actor: usOfficer })
        .thenFails('INCIDENT.NATIONAL_CENTER_NOT_NOTIFIED', { side: 'US' });
      spec
        .given([reported(), nationalCenterNotified('MX')])
        .when(recordCounterpartCenter(), { actor: usOfficer })
        .thenFails('INCIDENT.NATIONAL_CENTER_NOT_NOTIFIED', { side: 'US' });
    });

    it('records the counterpart centre once the own national centre is notified', () => {
      spec
        .given([reported(), nationalCenterNotified('US')])
        .when(recordCounterpartCenter('CEN-42'), { actor: usOfficer })
        .then([counterpartCenterNotified('US', 'CEN-42')]);
      spec
        .given([reported(), nationalCenterNotified('MX')])
        .when(recordCounterpartCenter(), { actor: mxOfficer })
        .then([counterpartCenterNotified('MX')]);
    });

    it('refuses to notify the counterpart centre twice', () => {
      spec
        .given([reported(), nationalCenterNotified('US'), counterpartCenterNotified('US')])
        .when(recordCounterpartCenter(), { actor: usOfficer })
        .thenFails('INCIDENT.COUNTERPART_ALREADY_NOTIFIED', { side: 'US' });
    });
  });

  describe('joint contingency plan: Joint Response Team', () => {
    it('activates the Joint Response Team', () => {
      spec.given([reported()]).when(activateJrt).then([jrtActivated]);
    });

    it('refuses to activate an active Joint Response Team', () => {
      spec.given([reported(), jrtActivated]).when(activateJrt).thenFails('INCIDENT.JRT_ALREADY_ACTIVE');
    });

    it('lets either side activate it', () => {
      spec.given([reported()]).when(activateJrt, { actor: mxOfficer }).then([jrtActivated]);
    });

    it('stands the JRT down only once both sides agree (it is co-chaired by both), and may activate it again', () => {
      spec
        .given([reported(), jrtActivated])
        .when(deactivateJrt, { actor: usOfficer })
        .then([standDownAgreed('US')]);
      spec
        .given([reported(), jrtActivated, standDownAgreed('US')])
        .when(deactivateJrt, { actor: mxOfficer })
        .then([standDownAgreed('MX'), jrtDeactivated]);
      spec
        .given([reported(), jrtActivated, standDownAgreed('MX'), standDownAgreed('US'), jrtDeactivated])
        .when(activateJrt)
        .then([jrtActivated]);
    });

    it('keeps who agreed to stand down while the JRT stays active', () => {
      const state = fold([
        [reported(), NOW],
        [jrtActivated, NOW],
        [standDownAgreed('US'), '2026-11-23T19:00:00.000Z'],
      ]);
      expect(state).toMatchObject({
        jcp: { jointResponseTeam: 'active', jointResponseTeamStandDown: { US: { at: '2026-11-23T19:00:00.000Z' } } },
      });
    });

    it('refuses the same side agreeing twice, naming the side it waits for', () => {
      spec
        .given([reported(), jrtActivated, standDownAgreed('US')])
        .when(deactivateJrt, { actor: usOfficer })
        .thenFails('INCIDENT.JRT_STAND_DOWN_AGREED', { side: 'US', waitingFor: 'MX' });
    });

    it('forgets an agreement to stand down when the JRT is activated again', () => {
      spec
        .given([reported(), jrtActivated, standDownAgreed('US'), standDownAgreed('MX'), jrtDeactivated, jrtActivated])
        .when(deactivateJrt, { actor: mxOfficer })
        .then([standDownAgreed('MX')]);
    });

    it('refuses to deactivate a Joint Response Team that is not active', () => {
      spec.given([reported()]).when(deactivateJrt).thenFails('INCIDENT.JRT_NOT_ACTIVE');
      spec.given([reported(), jrtActivated, jrtDeactivated]).when(deactivateJrt).thenFails('INCIDENT.JRT_NOT_ACTIVE');
    });
  });

  describe('joint contingency plan: on-scene coordinators', () => {
    it('lets each side assign its own on-scene coordinator', () => {
      spec
        .given([reported()])
        .when(assignCoordinator('US'), { actor: usOfficer })
        .then([coordinatorAssigned('US')]);
      spec
        .given([reported()])
        .when(assignCoordinator('MX'), { actor: mxOfficer })
        .then([coordinatorAssigned('MX')]);
    });

    it('keeps the phone number when given', () => {
      spec
        .given([reported()])
        .when({
          type: 'AssignOnSceneCoordinator',
          data: { side: 'US', name: 'Dana Ruiz', agency: 'EPA', phone: '+1 619 555 0100' },
        })
        .then([
          {
            type: 'OnSceneCoordinatorAssigned',
            data: { incidentId: INCIDENT_ID, side: 'US', name: 'Dana Ruiz', agency: 'EPA', phone: '+1 619 555 0100' },
          },
        ]);
    });

    it('refuses an officer to assign the coordinator of the other side', () => {
      spec
        .given([reported()])
        .when(assignCoordinator('MX'), { actor: usOfficer })
        .thenFails('AUTH.WRONG_SIDE', { side: 'MX', actorSide: 'US' });
      spec
        .given([reported()])
        .when(assignCoordinator('US'), { actor: mxOfficer })
        .thenFails('AUTH.WRONG_SIDE', { side: 'US', actorSide: 'MX' });
    });
  });

  describe('translations', () => {
    it('adds the missing language of the title and of the location description', () => {
      spec
        .given([reported()])
        .when(translate('title', 'es', 'Liberación de cloro en Mesa de Otay'))
        .then([translated('title', 'es', 'Liberación de cloro en Mesa de Otay')]);
      spec
        .given([reported()])
        .when(translate('location.description', 'es', 'Patio de inspección comercial'))
        .then([translated('location.description', 'es', 'Patio de inspección comercial')]);
    });

    it('adds the missing language of a situation report', () => {
      spec
        .given([reported(), situationReportFiled(1)])
        .when(translate('situationReport:situation-report-1', 'es', 'Fuga contenida'))
        .then([translated('situationReport:situation-report-1', 'es', 'Fuga contenida')]);
    });

    it('adds the missing language of a protective action’s instructions, which the state then holds', () => {
      const field = 'protectiveAction:protective-action-1' as const;
      spec
        .given([reported(), actionOrdered('MX')])
        .when(translate(field, 'es', 'Evacuen el patio comercial'))
        .then([translated(field, 'es', 'Evacuen el patio comercial')]);
      spec
        .given([reported(), actionOrdered('MX')])
        .when(translate(field, 'en', 'Evacuate again'))
        .thenFails('INCIDENT.TRANSLATION_EXISTS');
      spec
        .given([reported()])
        .when(translate(field, 'es', 'Evacuen'))
        .thenFails('INCIDENT.UNKNOWN_TEXT');
      const state = fold([
        [reported(), NOW],
        [actionOrdered('MX'), NOW],
        [translated(field, 'es', 'Evacuen el patio comercial'), NOW],
      ]);
      expect(state.status !== 'none' && state.protectiveActions[0]?.instructions).toEqual({
        en: 'Evacuate the commercial lot',
        es: 'Evacuen el patio comercial',
      });
    });

    it('treats a blank text as missing', () => {
      spec
        .given([reported({ title: { en: 'Chlorine release', es: '  ' } })])
        .when(translate('title', 'es', 'Liberación de cloro'))
        .then([translated('title', 'es', 'Liberación de cloro')]);
    });

    it('refuses to overwrite a language that already exists', () => {
      spec
        .given([reported()])
        .when(translate('title', 'en', 'Another title'))
        .thenFails('INCIDENT.TRANSLATION_EXISTS', { field: 'title', language: 'en' });
      spec
        .given([reported(), translated('title', 'es', 'Liberación de cloro')])
        .when(translate('title', 'es', 'Otra'))
        .thenFails('INCIDENT.TRANSLATION_EXISTS', { field: 'title', language: 'es' });
    });

    it('refuses a field that has no text', () => {
      spec
        .given([reported(), situationReportFiled(1)])
        .when(translate('situationReport:situation-report-9', 'es', 'Texto'))
        .thenFails('INCIDENT.UNKNOWN_TEXT', { field: 'situationReport:situation-report-9' });
      spec
        .given([reported()])
        .when(translate('closingSummary', 'es', 'Todo despejado'))
        .thenFails('INCIDENT.UNKNOWN_TEXT', { field: 'closingSummary' });
    });

    it('adds the missing language of the closing summary of a closed incident', () => {
      spec
        .given([reported(), closed({ en: 'All clear' })])
        .when(translate('closingSummary', 'es', 'Todo despejado'))
        .then([translated('closingSummary', 'es', 'Todo despejado')]);
    });
  });

  describe('closing an incident', () => {
    it('closes an incident with its summary', () => {
      spec
        .given([reported()])
        .when(closeIncident({ es: 'Todo despejado' }), { actor: mxOfficer })
        .then([closed({ es: 'Todo despejado' })]);
    });

    it('closes once the Joint Response Team is deactivated and every protective action is lifted', () => {
      spec
        .given([
          reported(),
          jrtActivated,
          actionOrdered(),
          standDownAgreed('MX'),
          standDownAgreed('US'),
          jrtDeactivated,
          actionLifted(),
        ])
        .when(closeIncident())
        .then([closed()]);
    });

    it('refuses to close while the Joint Response Team is active, even with one side agreeing to stand it down', () => {
      const error = spec
        .given([reported(), jrtActivated, standDownAgreed('US')])
        .when(closeIncident())
        .thenFails('INCIDENT.CANNOT_CLOSE', { jointResponseTeam: 'active' });
      expect(error.details).toEqual({ jointResponseTeam: 'active' });
      expect(error.messages.en).toContain('both sides must stand the Joint Response Team down');
    });

    it("refuses to close while the other side's protective actions are in force, listing them", () => {
      const error = spec
        .given([
          reported(),
          actionOrdered('US', 'protective-action-1'),
          actionOrdered('MX', 'protective-action-2'),
          actionLifted(),
        ])
        .when(closeIncident(), { actor: usOfficer })
        .thenFails('INCIDENT.CANNOT_CLOSE');
      expect(error.details).toEqual({
        protectiveActionsInForce: ['protective-action-2'],
        protectiveActionsBySide: { MX: ['protective-action-2'] },
      });
      expect(error.messages).toEqual({
        en: 'The incident cannot be closed yet: the Mexican side must lift its protective actions (protective-action-2)',
        es: 'El incidente aún no se puede cerrar: el lado mexicano debe levantar sus acciones de protección (protective-action-2)',
      });
    });

    it("does not lift the closing side's own actions for it: they are listed for it to lift first", () => {
      const error = spec
        .given([reported(), actionOrdered('MX', 'protective-action-1')])
        .when(closeIncident(), { actor: mxOfficer })
        .thenFails('INCIDENT.CANNOT_CLOSE', { protectiveActionsBySide: { MX: ['protective-action-1'] } });
      expect(error.messages.en).toContain("lift your side's protective actions (protective-action-1)");
      expect(error.messages.es).toContain('levante las acciones de protección de su lado (protective-action-1)');
    });

    it('names every blocker at once', () => {
      const error = spec
        .given([reported(), jrtActivated, actionOrdered('US'), actionOrdered('MX', 'protective-action-2')])
        .when(closeIncident(), { actor: usOfficer })
        .thenFails('INCIDENT.CANNOT_CLOSE');
      expect(error.details).toEqual({
        jointResponseTeam: 'active',
        protectiveActionsInForce: ['protective-action-1', 'protective-action-2'],
        protectiveActionsBySide: { US: ['protective-action-1'], MX: ['protective-action-2'] },
      });
    });

    it('refuses to close a closed incident', () => {
      spec
        .given([reported(), closed()])
        .when(closeIncident())
        .thenFails('INCIDENT.CLOSED', { incidentId: INCIDENT_ID });
    });
  });

  describe('state', () => {
    const T1 = '2026-11-23T18:01:00.000Z';
    const T2 = '2026-11-23T18:02:00.000Z';
    const T3 = '2026-11-23T18:03:00.000Z';
    const T4 = '2026-11-23T18:04:00.000Z';
    const T5 = '2026-11-23T18:05:00.000Z';

    it('starts with no incident and ignores events before the report', () => {
      expect(initialIncidentState()).toEqual({ status: 'none' });
      expect(evolveIncident(initialIncidentState(), closed(), T1)).toEqual({ status: 'none' });
    });

    it('folds the report, protective actions, reports, JCP steps, translations and closing', () => {
      const state = fold([
        [reported({ observedAt: EARLIER, affectedPortIds: ['otay-mesa'] }), T1],
        [updated({ severity: 'extreme' }), T2],
        [actionOrdered('MX'), T2],
        [actionLifted(), T3],
        [situationReportFiled(1), T3],
        [translated('situationReport:situation-report-1', 'es', 'Fuga contenida'), T3],
        [translated('title', 'es', 'Liberación de cloro'), T3],
        [translated('location.description', 'es', 'Patio comercial'), T3],
        [nationalCenterNotified('US', 'NRC-1'), T4],
        [counterpartCenterNotified('US', 'F-1', T3), T4],
        [jrtActivated, T4],
        [coordinatorAssigned('MX'), T4],
        [standDownAgreed('MX'), T5],
        [standDownAgreed('US'), T5],
        [jrtDeactivated, T5],
        [closed({ en: 'All clear' }), T5],
        [translated('closingSummary', 'es', 'Todo despejado'), T5],
      ]);
      expect(state).toEqual({
        status: 'closed',
        incidentId: INCIDENT_ID,
        kind: 'hazmat-release',
        title: { en: TITLE.en, es: 'Liberación de cloro' },
        severity: 'extreme',
        location: { ...LOCATION, description: { en: LOCATION.description.en, es: 'Patio comercial' } },
        affectedPortIds: ['otay-mesa'],
        casualties: { injured: 0, fatalities: 0 },
        reportedBy: { side: 'US', agency: 'CBP' },
        observedAt: EARLIER,
        reportedAt: T1,
        updatedAt: T5,
        protectiveActions: [
          { actionId: 'protective-action-1', side: 'MX', ...EVACUATION, orderedAt: T2, liftedAt: T3 },
        ],
        situationReports: [
          {
            reportId: 'situation-report-1',
            number: 1,
            summary: { en: 'Leak contained', es: 'Fuga contenida' },
            side: 'US',
            filedAt: T3,
          },
        ],
        jcp: {
          nationalCenters: { US: { center: 'NRC', at: T4, reportNumber: 'NRC-1' } },
          counterpartNotified: { US: { center: 'CENACOM', at: T4, reportNumber: 'F-1', occurredAt: T3 } },
          jointResponseTeam: 'deactivated',
          jointResponseTeamStandDown: {},
          onSceneCoordinators: { MX: { name: 'Luis Ortega', agency: 'PC-BC' } },
        },
        closingSummary: { en: 'All clear', es: 'Todo despejado' },
      });
    });

    it('dates the report by its observation time when no recording time is known', () => {
      const state = evolveIncident(initialIncidentState(), reported({ observedAt: EARLIER }));
      expect(state).toMatchObject({ status: 'open', reportedAt: EARLIER, updatedAt: EARLIER });
    });
  });
});
