import { type Actor, type Decider, incidentDecider, notificationDecider, portDecider, type Side } from '@enlace/domain';
import { randomUUID } from 'node:crypto';
import type { CommandPipeline } from '../command-pipeline.js';

/**
 * Realistic histories built through the real command pipeline (the rules refuse what they would refuse in life):
 * closed incidents, each with situation reports, both national centres notified, a joint response team stood up and
 * down, a port shutdown worked through its checklist, both sign-offs and the reopening, and a BLM notification
 * delivered and acknowledged; and open work. Used by bench:replay and by the read models' tests.
 */
export const HISTORY_PORTS = ['otay-mesa', 'san-ysidro', 'calexico-west', 'nogales-deconcini', 'laredo-world-trade'];
export const HISTORY_BLM = 'blm-sandiego-tijuana';

const us: Actor = { id: 'officer.us', agency: 'CBP', country: 'US', role: 'officer' };
const mx: Actor = { id: 'officer.mx', agency: 'ANAM', country: 'MX', role: 'officer' };
const system: Actor = { id: 'system:worker', agency: 'ENLACE', country: null, role: 'system' };
const officerOf = (agency: string, side: Side): Actor => ({
  id: `officer.${agency.toLowerCase()}`,
  agency,
  country: side,
  role: 'officer',
});

export class History {
  failures = new Map<string, number>();

  constructor(private readonly pipeline: CommandPipeline) {}

  /** One command; a refusal is counted by its code (the history is built through the real rules). */
  private async run<S, C, E extends { type: string; data: unknown }>(
    decider: Decider<S, C, E>,
    streamId: string,
    command: C,
    actor: Actor,
  ): Promise<S | undefined> {
    try {
      const outcome = await this.pipeline.execute(decider, { streamId, command, actor, correlationId: randomUUID() });
      return outcome.state;
    } catch (error) {
      const code = (error as { code?: string }).code ?? (error as Error).message.slice(0, 60);
      this.failures.set(code, (this.failures.get(code) ?? 0) + 1);
      return undefined;
    }
  }

  async incident(): Promise<string> {
    const incidentId = randomUUID();
    await this.run(
      incidentDecider,
      `incident-${incidentId}`,
      {
        type: 'ReportIncident',
        data: {
          incidentId,
          kind: 'hazmat-release',
          title: { en: 'Chlorine release at the commercial lot', es: 'Fuga de cloro en el patio comercial' },
          severity: 'severe',
          material: { name: 'Chlorine', unNumber: '1017' },
          location: { lat: 32.55, lon: -116.94, description: { en: 'Commercial lot', es: 'Patio comercial' } },
          affectedPortIds: ['otay-mesa'],
        },
      },
      us,
    );
    return incidentId;
  }

  /** A whole closed incident with its shutdown of `portId` and its notification. */
  async closedCycle(portId: string): Promise<void> {
    const incidentId = await this.incident();
    const stream = `incident-${incidentId}`;
    const act = (command: Parameters<typeof incidentDecider.decide>[0], actor: Actor) =>
      this.run(incidentDecider, stream, command, actor);
    await act({ type: 'FileSituationReport', data: { summary: { en: 'Plume moving east', es: 'Pluma al este' } } }, us);
    await act({ type: 'RecordNationalCenterNotified', data: { reportNumber: 'NRC-1' } }, us);
    await act({ type: 'RecordNationalCenterNotified', data: { reportNumber: 'CENACOM-1' } }, mx);
    await act({ type: 'ActivateJointResponseTeam', data: {} }, us);
    await act({ type: 'FileSituationReport', data: { summary: { en: 'Contained', es: 'Contenida' } } }, mx);
    await this.shutdownCycle(portId, incidentId, true);
    await this.notificationCycle(incidentId, true);
    await act({ type: 'DeactivateJointResponseTeam', data: {} }, us);
    await act({ type: 'DeactivateJointResponseTeam', data: {} }, mx);
    await act({ type: 'CloseIncident', data: { summary: { en: 'All clear', es: 'Sin riesgo' } } }, us);
  }

  async shutdownCycle(portId: string, incidentId: string | undefined, reopen: boolean): Promise<void> {
    const stream = `port-${portId}`;
    const act = (command: Parameters<typeof portDecider.decide>[0], actor: Actor) =>
      this.run(portDecider, stream, command, actor);
    const declared = await act(
      {
        type: 'DeclarePortShutdown',
        data: {
          portId,
          kind: 'hazmat-release',
          reason: { en: 'Plume over the lanes', es: 'Pluma sobre los carriles' },
          ...(incidentId ? { incidentId } : {}),
        },
      },
      us,
    );
    if (!reopen || !declared?.activeShutdown) return;
    for (const item of declared.activeShutdown.checklist.items) {
      await act({ type: 'CompleteChecklistItem', data: { portId, itemId: item.id } }, item.owner === 'MX' ? mx : us);
    }
    await act({ type: 'SignOffResumption', data: { portId, side: 'US' } }, us);
    await act({ type: 'SignOffResumption', data: { portId, side: 'MX' } }, mx);
    await act({ type: 'ReopenPortLanes', data: { portId } }, us);
  }

  async notificationCycle(incidentId: string, answered: boolean): Promise<void> {
    const notificationId = randomUUID();
    const stream = `notification-${notificationId}`;
    const act = (command: Parameters<typeof notificationDecider.decide>[0], actor: Actor) =>
      this.run(notificationDecider, stream, command, actor);
    const issued = await act(
      {
        type: 'IssueBlmNotification',
        data: {
          notificationId,
          blmId: HISTORY_BLM,
          subject: { incidentId, portId: 'otay-mesa' },
          title: { en: 'Lanes closed', es: 'Carriles cerrados' },
          body: { en: 'Chlorine release near the port.', es: 'Fuga de cloro cerca del puerto.' },
          severity: 'severe',
          acknowledgmentDeadline: new Date(Date.now() + 86_400_000).toISOString(),
        },
      },
      us,
    );
    if (!answered || !issued || issued.status === 'none') return;
    for (const recipient of issued.recipients) {
      await act(
        {
          type: 'RecordDeliveryOutcome',
          data: { ...recipient, channel: 'webhook', attempt: 1, outcome: 'delivered' },
        },
        system,
      );
      await act({ type: 'AcknowledgeBlmNotification', data: {} }, officerOf(recipient.agency, recipient.side));
    }
  }

  /** Open work: incidents, shutdowns linked to the first ones, notifications awaiting acknowledgment. */
  async openWork(open: { incidents: number; shutdowns: number; notifications: number }): Promise<string[]> {
    const incidents: string[] = [];
    for (let i = 0; i < open.incidents; i += 1) incidents.push(await this.incident());
    for (let i = 0; i < open.shutdowns; i += 1) await this.shutdownCycle(HISTORY_PORTS[i]!, incidents[i], false);
    for (let i = 0; i < open.notifications; i += 1) await this.notificationCycle(incidents[i]!, false);
    return incidents;
  }
}
