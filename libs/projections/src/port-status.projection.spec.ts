import {
  createReferenceCatalog,
  lanesForModes,
  type ChecklistTemplateItem,
  type PortEvent,
  type PortOfEntry,
} from '@enlace/domain';
import { type DecodedEvent, decodeOrThrow } from '@enlace/consumers';
import type { Position } from '@enlace/event-store';
import { testMetadata } from '@enlace/event-store/testing';
import { PortStatusProjection } from './port-status.projection.js';

const port: PortOfEntry = {
  id: 'tecate',
  name: { us: 'Tecate', mx: 'Tecate' },
  state: { us: 'CA', mx: 'Baja California' },
  cbpPortCode: '2505',
  lanes: lanesForModes(['passenger', 'commercial']),
  location: null,
  blmId: 'blm-sandiego-tijuana',
  timeZones: { us: 'America/Los_Angeles', mx: 'America/Tijuana' },
};
const reference = createReferenceCatalog({
  ports: [port],
  blms: [],
  sisterCityPlans: [],
  materials: [],
  checklistTemplates: [],
});
const item = (id: string, owner: 'US' | 'MX' | 'JOINT'): ChecklistTemplateItem => ({
  id,
  owner,
  agency: owner === 'US' ? 'CBP' : owner === 'MX' ? 'ANAM' : 'BLM',
  critical: true,
  text: { en: id, es: id },
});

let revision = -1;
/** The event as the store would hand it over: recorded, then decoded (so the fixtures must be whole events). */
function recorded(event: PortEvent): DecodedEvent {
  revision += 1;
  const position = String(revision + 1).padStart(20, '0');
  return decodeOrThrow({
    id: `00000000-0000-4000-8000-${position.slice(-12)}`,
    streamId: 'port-tecate',
    revision,
    type: event.type,
    position: `${position}:${position}` as Position,
    data: event.data,
    metadata: { ...testMetadata, correlationId: 'c', recordedAt: '2026-11-23T20:00:00.000Z' },
    hash: '',
  });
}

const shutdownId = 'shutdown-1';
const base = { portId: 'tecate', shutdownId };

describe('PortStatusProjection', () => {
  it('shows the scope and status of the lanes closed now, and the sign-offs to renew', () => {
    revision = -1;
    const projection = new PortStatusProjection(reference);
    const events: PortEvent[] = [
      {
        type: 'PortShutdownDeclared',
        data: {
          ...base,
          kind: 'fire',
          scope: 'partial',
          lanes: ['passenger:northbound', 'commercial:northbound'],
          closedLanes: ['passenger:northbound', 'commercial:northbound'],
          reason: { en: 'Fire' },
          declaredBy: { side: 'US', agency: 'CBP' },
          checklist: {
            templateId: 'fire',
            templateVersion: 1,
            items: [item('us-ready', 'US'), item('mx-ready', 'MX'), item('time-agreed', 'JOINT')],
          },
        },
      },
      {
        type: 'PortShutdownJoined',
        data: {
          ...base,
          side: 'MX',
          agency: 'ANAM',
          lanes: ['passenger:southbound', 'commercial:southbound'],
          closedLanes: port.lanes.map((lane) => lane.id),
          scope: 'full',
          reason: { es: 'Humo' },
        },
      },
    ];
    events.forEach((event) => projection.apply(recorded(event)));
    expect(projection.port('tecate')).toMatchObject({
      status: 'closed',
      activeShutdown: { scope: 'full', joinedBy: { side: 'MX' } },
      checklistProgress: { criticalOpen: 3, criticalOpenByOwner: { US: 1, MX: 1, JOINT: 1 }, readyToReopen: false },
    });

    const ready: PortEvent[] = [
      ...['us-ready', 'time-agreed'].map((itemId): PortEvent => ({
        type: 'ChecklistItemCompleted',
        data: { ...base, itemId, side: 'US', agency: 'CBP' },
      })),
      { type: 'ChecklistItemCompleted', data: { ...base, itemId: 'mx-ready', side: 'MX', agency: 'ANAM' } },
      { type: 'ResumptionSignedOff', data: { ...base, side: 'US', agency: 'CBP', officer: 'officer.us' } },
      { type: 'ResumptionSignedOff', data: { ...base, side: 'MX', agency: 'ANAM', officer: 'officer.mx' } },
      {
        type: 'PortLanesReopened',
        data: {
          ...base,
          phase: 1,
          lanes: ['passenger:northbound'],
          stillClosed: ['passenger:southbound', 'commercial:northbound', 'commercial:southbound'],
        },
      },
    ];
    ready.forEach((event) => projection.apply(recorded(event)));
    expect(projection.port('tecate')).toMatchObject({
      status: 'partially-closed',
      activeShutdown: { scope: 'partial', phases: 1 },
      checklistProgress: { criticalOpen: 0, signOffs: { US: true, MX: true }, readyToReopen: true },
    });

    projection.apply(
      recorded({
        type: 'ResumptionSignOffWithdrawn',
        data: {
          ...base,
          side: 'MX',
          cause: 'item-added',
          itemId: 'mx-added-1',
          reason: { en: 'Added after the MX sign-off', es: 'Agregado después de la firma de MX' },
        },
      }),
    );
    expect(projection.port('tecate')).toMatchObject({
      activeShutdown: {
        blockers: { missingSignOffs: ['MX'], signOffsToRenew: ['MX'] },
        signOffsToRenew: { MX: { officer: 'officer.mx', cause: 'item-added', itemId: 'mx-added-1' } },
      },
      checklistProgress: { signOffs: { US: true, MX: false }, signOffsToRenew: ['MX'], readyToReopen: false },
    });
  });
});
