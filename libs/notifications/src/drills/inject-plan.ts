import {
  type Actor,
  type EvidenceOutline,
  type IncidentCommand,
  injectDueMs,
  type InjectOutline,
  type PlannedDrill,
  realTimeWhen,
  type Side,
} from '@enlace/domain';

/** Releases one inject of one drill when its drill time comes. */
export interface InjectJob {
  drillId: string;
  injectId: string;
}

/**
 * One job per inject of a drill, whoever schedules it and however often: a second scheduler (a new owner after a
 * crash, a replayed event) adds nothing. BullMQ refuses `:` in custom ids.
 */
export const injectJobId = (job: InjectJob): string => `inject.x${job.drillId}.${job.injectId}`;

/** Expected actions seen: inject id → the drill time the players' action was first recorded after its release. */
export type ActionsSeen = Readonly<Record<string, string>>;

const injectsOf = (drill: PlannedDrill): readonly InjectOutline[] =>
  drill.plan.kind === 'scenario' ? drill.plan.scenario.injects : [];

/**
 * The injects still to release and when each falls due (drill time, ms). A contingency is due only once the inject
 * that triggers it was released, and is not needed at all when the players took that inject's expected action.
 */
export function pendingInjects(drill: PlannedDrill, seen: ActionsSeen): { injectId: string; dueDrillMs: number }[] {
  if (drill.status === 'ended') return [];
  const pending: { injectId: string; dueDrillMs: number }[] = [];
  for (const inject of injectsOf(drill)) {
    if (drill.released[inject.id] !== undefined) continue;
    if (inject.contingencyFor !== undefined && seen[inject.contingencyFor] !== undefined) continue;
    const due = injectDueMs(drill, inject);
    if (due !== undefined) pending.push({ injectId: inject.id, dueDrillMs: due });
  }
  return pending;
}

/**
 * The jobs a drill calls for now: each pending inject at the real instant its drill time comes at the present rate.
 * A drill that is not running (planned, paused, halted for a real emergency, ended) calls for none: its pending
 * injects are taken off the queue (frozen) and put back when it runs again.
 */
export function injectSchedule(
  drill: PlannedDrill,
  seen: ActionsSeen,
): { due: { job: InjectJob; realDueMs: number }[]; frozen: InjectJob[] } {
  const job = (injectId: string): InjectJob => ({ drillId: drill.drillId, injectId });
  const pending = pendingInjects(drill, seen);
  if (drill.status !== 'running') {
    return {
      due: [],
      frozen: injectsOf(drill)
        .filter((i) => !drill.released[i.id])
        .map((i) => job(i.id)),
    };
  }
  const due: { job: InjectJob; realDueMs: number }[] = [];
  for (const { injectId, dueDrillMs } of pending) {
    const realDueMs = realTimeWhen(drill.clock, dueDrillMs);
    if (realDueMs !== undefined) due.push({ job: job(injectId), realDueMs });
  }
  const wanted = new Set(pending.map((p) => p.injectId));
  const frozen = injectsOf(drill)
    .filter((i) => !drill.released[i.id] && !wanted.has(i.id))
    .map((i) => job(i.id));
  return { due, frozen };
}

/** What the store says about an event of the drill's world, as an expected action's evidence is matched against. */
export interface ObservedFact {
  type: string;
  /** The side it concerns: the event's own `side` when it has one, else the actor's. */
  side: Side | null;
  itemId?: string;
}

export function matchesEvidence(evidence: EvidenceOutline, fact: ObservedFact): boolean {
  return (
    evidence.event === fact.type &&
    (evidence.side === undefined || evidence.side === fact.side) &&
    (evidence.itemId === undefined || evidence.itemId === fact.itemId)
  );
}

/** Released injects whose expected action is still awaited and that `fact` shows was taken. */
export function actionsShownBy(drill: PlannedDrill, seen: ActionsSeen, fact: ObservedFact): string[] {
  return injectsOf(drill)
    .filter((inject) => drill.released[inject.id] !== undefined && seen[inject.id] === undefined)
    .filter((inject) => inject.expectedAction?.evidence && matchesEvidence(inject.expectedAction.evidence, fact))
    .map((inject) => inject.id);
}

/** The contingencies of `injectId`: not needed once its expected action was taken. */
export function contingenciesOf(drill: PlannedDrill, injectId: string): InjectJob[] {
  return injectsOf(drill)
    .filter((inject) => inject.contingencyFor === injectId && drill.released[inject.id] === undefined)
    .map((inject) => ({ drillId: drill.drillId, injectId: inject.id }));
}

/** The agency a simulation cell plays: its side's officer in the drill's world (and refused in the live one). */
export function simulatedAgency(agency: string, side: Side | null): Actor {
  return { id: `exercise-control/${agency}`, agency, country: side, role: 'simulator' };
}

/** The command an inject names, in the incident decider's terms (`ReportIncident` is the use case that creates one). */
export type InjectStep =
  | {
      kind: 'report';
      incident: string;
      data: Omit<Extract<IncidentCommand, { type: 'ReportIncident' }>['data'], 'incidentId'>;
    }
  | { kind: 'act'; incident: string; command: Exclude<IncidentCommand, { type: 'ReportIncident' }> };

const INJECT_COMMANDS = new Set([
  'ReportIncident',
  'UpdateIncident',
  'OrderProtectiveAction',
  'FileSituationReport',
  'RecordNationalCenterNotified',
  'RecordCounterpartCenterNotified',
]);

/**
 * The steps of an inject, in order. The scenario reader checked every command's type and data against the domain
 * (`npm run scenarios:check`, and the api at start), so the data is the command's own; a report is observed at the
 * drill time the inject was released.
 */
export function injectSteps(inject: InjectOutline, releasedDrillTime: string): InjectStep[] {
  return (inject.commands ?? []).map((command) => {
    if (!INJECT_COMMANDS.has(command.type)) {
      throw new Error(`Inject ${inject.id}: ${command.type} is not a command an inject may send`);
    }
    if (command.type === 'ReportIncident') {
      const data = command.data as Extract<InjectStep, { kind: 'report' }>['data'];
      return { kind: 'report', incident: command.incident, data: { ...data, observedAt: releasedDrillTime } };
    }
    return {
      kind: 'act',
      incident: command.incident,
      command: { type: command.type, data: command.data } as Extract<InjectStep, { kind: 'act' }>['command'],
    };
  });
}

/** The idempotency key of an inject's `n`th step: the same in every process and after every restart. */
export const injectStepKey = (drillId: string, injectId: string, n: number): string =>
  `drill.${drillId}.inject.${injectId}.${n}`;

/** The inject whose step reports the scenario's incident `incident` (the scenario reader checked there is one). */
export function reportingStep(drill: PlannedDrill, incident: string): { inject: InjectOutline; n: number } | undefined {
  for (const inject of injectsOf(drill)) {
    const n = (inject.commands ?? []).findIndex((c) => c.type === 'ReportIncident' && c.incident === incident);
    if (n >= 0) return { inject, n };
  }
  return undefined;
}
