import type { DecodedEvent } from '@enlace/consumers';
import { aggregateOf, LIVE, type PortOfEntry, type ReferenceCatalog } from '@enlace/domain';
import type { Position } from '@enlace/event-store';
import { ReadModels } from './read-models.js';

/** The log as the read models keep it: ReadModels says which incident each event belongs to. */
function timelineOf(reference: ReferenceCatalog) {
  const models = new ReadModels(reference);
  return {
    apply: (event: DecodedEvent) => models.apply(event),
    timeline: (incidentId: string) => models.timelines.timeline(incidentId),
  };
}

const INCIDENT = '5b0e7a51-7c1f-4d55-9a55-3c1f2ad5e001';
const SHUTDOWN = '5b0e7a51-7c1f-4d55-9a55-3c1f2ad5e002';

const otay = { id: 'otay-mesa', name: { us: 'Otay Mesa', mx: 'Mesa de Otay' } } as PortOfEntry;
const reference = { port: (id: string) => (id === otay.id ? otay : undefined) } as ReferenceCatalog;

let position = 0;
function recorded(streamId: string, revision: number, type: string, data: object, country: 'US' | 'MX' = 'US') {
  position += 1;
  return {
    id: `00000000-0000-4000-8000-${String(position).padStart(12, '0')}`,
    streamId,
    revision,
    type,
    position: `${String(position).padStart(20, '0')}:${String(position).padStart(20, '0')}` as Position,
    data,
    metadata: {
      actor: country === 'US' ? 'officer.us' : 'officer.mx',
      agency: country === 'US' ? 'CBP' : 'ANAM',
      country,
      role: 'officer',
      correlationId: 'c',
      causationId: null,
      mode: 'actual',
      recordedAt: '2026-11-23T20:00:00.000Z',
    },
    hash: '',
    // The sentences need only some fields: these events are built as decoded, not read through the codec.
    aggregate: aggregateOf(streamId),
    aggregateId: streamId.slice(streamId.indexOf('-') + 1),
    world: LIVE,
    storedVersion: 1,
  } as DecodedEvent;
}

describe('IncidentTimelineProjection sentences', () => {
  it('names ports, checklist items, sides, lanes and severities in each language', () => {
    const timeline = timelineOf(reference);
    const port = 'port-otay-mesa';
    timeline.apply(
      recorded(`incident-${INCIDENT}`, 0, 'IncidentReported', {
        incidentId: INCIDENT,
        title: { en: 'Chlorine release', es: 'Fuga de cloro' },
        severity: 'severe',
      }),
    );
    timeline.apply(
      recorded(port, 0, 'PortShutdownDeclared', {
        portId: 'otay-mesa',
        shutdownId: SHUTDOWN,
        scope: 'partial',
        lanes: ['commercial:northbound', 'passenger:southbound'],
        closedLanes: ['commercial:northbound', 'passenger:southbound'],
        incidentId: INCIDENT,
        checklist: {
          items: [{ id: 'scene-declared-safe', text: { en: 'Scene declared safe', es: 'Zona declarada segura' } }],
        },
      }),
    );
    timeline.apply(
      recorded(port, 1, 'ChecklistItemCompleted', { shutdownId: SHUTDOWN, itemId: 'scene-declared-safe' }),
    );
    timeline.apply(recorded(port, 2, 'ResumptionSignedOff', { shutdownId: SHUTDOWN, side: 'MX' }, 'MX'));
    timeline.apply(
      recorded(port, 3, 'PortLanesReopened', { shutdownId: SHUTDOWN, phase: 1, lanes: ['commercial:northbound'] }),
    );
    timeline.apply(recorded(port, 4, 'PortReopened', { shutdownId: SHUTDOWN, portId: 'otay-mesa' }));

    expect(timeline.timeline(INCIDENT)?.map((entry) => entry.summary)).toEqual([
      {
        en: 'Incident reported: Chlorine release (severity severe)',
        es: 'Incidente reportado: Fuga de cloro (severidad grave)',
      },
      {
        en: 'Partial shutdown of Otay Mesa: commercial northbound, passenger vehicles southbound',
        es: 'Cierre parcial de Mesa de Otay: carga hacia el norte, vehículos de pasajeros hacia el sur',
      },
      {
        en: 'Checklist item completed: Scene declared safe',
        es: 'Elemento de la lista completado: Zona declarada segura',
      },
      { en: 'Mexico signed off the resumption', es: 'México firmó la reanudación' },
      { en: 'Reopening phase 1: commercial northbound', es: 'Fase de reapertura 1: carga hacia el norte' },
      { en: 'Otay Mesa fully reopened', es: 'Mesa de Otay reabierto por completo' },
    ]);
  });

  it('tells how a shutdown changed while it ran: widened, joined, items undone and added, sign-offs withdrawn', () => {
    const timeline = timelineOf(reference);
    const port = 'port-otay-mesa';
    timeline.apply(
      recorded(`incident-${INCIDENT}`, 0, 'IncidentReported', { incidentId: INCIDENT, title: { en: 'X' } }),
    );
    timeline.apply(
      recorded(`incident-${INCIDENT}`, 1, 'JointResponseTeamStandDownAgreed', { incidentId: INCIDENT, side: 'US' }),
    );
    const lanesEvent = (lanes: string[], side: 'US' | 'MX') => ({
      portId: 'otay-mesa',
      shutdownId: SHUTDOWN,
      side,
      lanes,
    });
    const shutdownEvents: [string, object, 'US' | 'MX'][] = [
      [
        'PortShutdownDeclared',
        {
          portId: 'otay-mesa',
          shutdownId: SHUTDOWN,
          scope: 'partial',
          lanes: ['commercial:northbound'],
          closedLanes: ['commercial:northbound'],
          incidentId: INCIDENT,
          checklist: { items: [{ id: 'scene-declared-safe', text: { en: 'Scene declared safe', es: 'Zona segura' } }] },
        },
        'US',
      ],
      ['PortShutdownWidened', lanesEvent(['fast:northbound'], 'US'), 'US'],
      ['PortShutdownJoined', lanesEvent(['commercial:southbound'], 'MX'), 'MX'],
      [
        'ChecklistItemAdded',
        {
          shutdownId: SHUTDOWN,
          item: { id: 'us-added-1', text: { en: 'Drains sampled', es: 'Drenajes muestreados' }, critical: true },
        },
        'US',
      ],
      ['ChecklistItemCompleted', { shutdownId: SHUTDOWN, itemId: 'us-added-1' }, 'US'],
      [
        'ChecklistItemReopened',
        { shutdownId: SHUTDOWN, itemId: 'us-added-1', reason: { en: 'New reading', es: 'Nueva lectura' } },
        'US',
      ],
      [
        'ResumptionSignOffWithdrawn',
        {
          shutdownId: SHUTDOWN,
          side: 'US',
          cause: 'item-reopened',
          reason: { en: 'Item reopened after the US sign-off', es: 'Se reabrió después de la firma de US' },
        },
        'US',
      ],
    ];
    shutdownEvents.forEach(([type, data, side], revision) =>
      timeline.apply(recorded(port, revision, type, data, side)),
    );

    expect(
      timeline
        .timeline(INCIDENT)
        ?.slice(1)
        .map((entry) => entry.summary),
    ).toEqual([
      {
        en: 'U.S. agreed to stand the Joint Response Team down',
        es: 'EE. UU. acordó desactivar el Equipo Conjunto de Respuesta',
      },
      {
        en: 'Partial shutdown of Otay Mesa: commercial northbound',
        es: 'Cierre parcial de Mesa de Otay: carga hacia el norte',
      },
      {
        en: 'U.S. widened the shutdown of Otay Mesa: FAST northbound',
        es: 'EE. UU. amplió el cierre de Mesa de Otay: FAST hacia el norte',
      },
      {
        en: 'Mexico joined the shutdown of Otay Mesa: commercial southbound',
        es: 'México se sumó al cierre de Mesa de Otay: carga hacia el sur',
      },
      {
        en: 'Checklist item added (critical): Drains sampled',
        es: 'Elemento agregado a la lista (crítico): Drenajes muestreados',
      },
      { en: 'Checklist item completed: Drains sampled', es: 'Elemento de la lista completado: Drenajes muestreados' },
      {
        en: 'Checklist item reopened: Drains sampled (New reading)',
        es: 'Elemento de la lista reabierto: Drenajes muestreados (Nueva lectura)',
      },
      {
        en: 'U.S. sign-off withdrawn, to be renewed: Item reopened after the US sign-off',
        es: 'Firma de EE. UU. retirada, por renovar: Se reabrió después de la firma de US',
      },
    ]);
  });

  it('falls back to the ids it cannot name (a port not in the reference data, an item of an unknown shutdown)', () => {
    const timeline = timelineOf(reference);
    timeline.apply(
      recorded(`incident-${INCIDENT}`, 0, 'IncidentReported', { incidentId: INCIDENT, title: { en: 'X' } }),
    );
    timeline.apply(
      recorded('port-nowhere', 0, 'PortShutdownDeclared', {
        portId: 'nowhere',
        shutdownId: SHUTDOWN,
        scope: 'full',
        lanes: [],
        closedLanes: [],
        incidentId: INCIDENT,
        checklist: { items: [] },
      }),
    );
    timeline.apply(recorded('port-nowhere', 1, 'ChecklistItemCompleted', { shutdownId: SHUTDOWN, itemId: 'item-7' }));
    expect(
      timeline
        .timeline(INCIDENT)
        ?.slice(1)
        .map((entry) => entry.summary.en),
    ).toEqual(['Full shutdown of nowhere', 'Checklist item completed: item-7']);
  });
});
