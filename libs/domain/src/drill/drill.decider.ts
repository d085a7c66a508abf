import { deciderOf, streamIdOf } from '../shared/aggregate.js';
import { type Actor, assertNever, type DecisionContext } from '../shared/decider.js';
import { broken, conflict, forbidden, notFound } from '../shared/domain-error.js';
import { hasSomeText, missingLanguages, type BilingualText } from '../shared/text.js';
import type { World } from '../shared/world.js';
import * as drillClock from './drill-clock.js';
import type {
  DrillActor,
  DrillEvent,
  DrillParticipant,
  DrillParticipantRole,
  DrillPlan,
  ImprovementEdit,
  InjectOutline,
} from './drill.events.js';
import { IMPROVEMENT_STATUSES } from './drill.events.js';

export type * from './drill.events.js';
export { IMPROVEMENT_STATUSES } from './drill.events.js';

/**
 * A drill: its plan (a scenario's MSEL, or a notification drill over BLMs), who takes part, its clock, the injects
 * released, a real-world halt and its end, and what evaluators observe. Every change is an event of the drill's own
 * stream (`exercise-<drill id>.drill-<drill id>`), so a drill is rebuilt from its stream alone and is never reset:
 * playing a scenario again is a new drill. Decided on the machine's time (`time: 'real'`): each fact records the real
 * instant and the drill time then.
 */

export type DrillStatus = 'planned' | 'running' | 'paused' | 'halted' | 'ended';

export type DrillCommand =
  | drillClock.DrillClockCommand
  | { type: 'PlanDrill'; data: { drillId: string; plan: DrillPlan } }
  | { type: 'JoinDrill'; data: { drillId: string } }
  /** System: the drill reached an inject's time (or a contingency's trigger was missed). */
  | { type: 'ReleaseInject'; data: { drillId: string; injectId: string } }
  | { type: 'HaltDrill'; data: { drillId: string; reason: BilingualText } }
  | { type: 'EndDrill'; data: { drillId: string } }
  | { type: 'EditImprovementItem'; data: ImprovementEdit & { drillId: string } }
  | {
      type: 'RecordDrillObservation';
      data: { drillId: string; capability: string; objectiveId?: string; text: BilingualText };
    };

export type DrillState =
  | { status: 'none' }
  | {
      status: DrillStatus;
      drillId: string;
      plan: DrillPlan;
      plannedBy: DrillActor;
      clock: drillClock.DrillClockState;
      /** Participants who joined from their console (username → when). */
      joined: Record<string, string>;
      /** Injects released (id → drill time of release). */
      released: Record<string, string>;
      halts: { by: DrillActor; reason: BilingualText; at: string; drillTime: string }[];
      endedAt?: string;
    };

export type PlannedDrill = Exclude<DrillState, { status: 'none' }>;

export const initialDrillState = (): DrillState => ({ status: 'none' });

export function evolveDrill(state: DrillState, event: DrillEvent): DrillState {
  if (event.type === 'DrillPlanned') {
    const { drillId, plan, plannedBy } = event.data;
    return {
      status: 'planned',
      drillId,
      plan,
      plannedBy,
      clock: drillClock.initialDrillClockState(),
      joined: {},
      released: {},
      halts: [],
    };
  }
  if (state.status === 'none') return state;
  switch (event.type) {
    case 'DrillClockStarted':
    case 'DrillClockPaused':
    case 'DrillClockResumed':
    case 'DrillClockRateChanged': {
      const clock = drillClock.evolveDrillClock(state.clock, event);
      return { ...state, clock, status: clock.status === 'running' ? 'running' : 'paused' };
    }
    case 'DrillParticipantJoined':
      return { ...state, joined: { ...state.joined, [event.data.participant.username]: event.data.at } };
    case 'DrillInjectReleased':
      return { ...state, released: { ...state.released, [event.data.injectId]: event.data.drillTime } };
    case 'DrillHalted': {
      const { by, reason, at, drillTime } = event.data;
      return {
        ...state,
        status: 'halted',
        clock: frozen(state.clock, at, drillTime),
        halts: [...state.halts, { by, reason, at, drillTime }],
      };
    }
    case 'DrillEnded':
      return {
        ...state,
        status: 'ended',
        clock: frozen(state.clock, event.data.at, event.data.drillTime),
        endedAt: event.data.at,
      };
    case 'DrillObservationRecorded':
    case 'DrillImprovementItemEdited':
      return state;
    default:
      return assertNever(event);
  }
}

/** The drill's clock (not started before it is planned). */
export const drillClockOf = (state: DrillState): drillClock.DrillClockState =>
  state.status === 'none' ? drillClock.initialDrillClockState() : state.clock;

/** A halted or ended drill's clock stands still at the drill time it stopped at. */
function frozen(clock: drillClock.DrillClockState, at: string, drillTime: string): drillClock.DrillClockState {
  if (clock.status === 'not-started') return clock;
  return { ...clock, status: 'paused', anchorRealMs: Date.parse(at), anchorDrillMs: Date.parse(drillTime) };
}

const PLANNERS: Actor['role'][] = ['planner', 'admin'];

export const noSuchDrill = () => notFound('DRILL.NOT_FOUND', 'No such drill', 'No existe ese ejercicio');
const drillEnded = () => conflict('DRILL.ENDED', 'The drill has ended', 'El ejercicio terminó');

function requirePlanner(actor: Actor): void {
  if (!PLANNERS.includes(actor.role)) {
    throw forbidden(
      'AUTH.ROLE',
      'Only planners and administrators create and control drills',
      'Solo los planificadores y administradores crean y controlan ejercicios',
      { required: PLANNERS, actual: actor.role },
    );
  }
}

export function participantOf(state: PlannedDrill, username: string): DrillParticipant | undefined {
  return state.plan.participants.find((participant) => participant.username === username);
}

function requireParticipant(state: PlannedDrill, actor: Actor, roles?: DrillParticipantRole[]): DrillParticipant {
  const participant = participantOf(state, actor.id);
  if (!participant || (roles && !roles.includes(participant.role))) {
    throw forbidden(
      'DRILL.NOT_A_PARTICIPANT',
      roles ? `Only the drill's ${roles.join(' or ')}s may do this` : 'You are not taking part in this drill',
      roles
        ? 'Solo los participantes del ejercicio con ese papel pueden hacerlo'
        : 'Usted no participa en este ejercicio',
      { username: actor.id, ...(roles ? { roles } : {}) },
    );
  }
  return participant;
}

const asDrillActor = (actor: Actor): DrillActor => ({ username: actor.id, side: actor.country, agency: actor.agency });

function requireBilingual(text: BilingualText | undefined, field: string): void {
  if (!hasSomeText(text)) {
    throw broken('VALIDATION.TEXT', `${field} needs a text`, `${field} necesita un texto`, { field });
  }
}

function checkPlan(plan: DrillPlan, context: DecisionContext): void {
  for (const language of missingLanguages(plan.title)) {
    throw broken('DRILL.TITLE', `title.${language} is missing`, `falta title.${language}`, {
      field: `plan.title.${language}`,
    });
  }
  drillClock.checkDrillRate(plan.rate, 'plan.rate');
  if (Number.isNaN(Date.parse(plan.startsAt))) {
    throw broken('DRILL.TIME', 'startsAt must be an ISO-8601 instant', 'startsAt debe ser un instante ISO-8601', {
      field: 'plan.startsAt',
    });
  }
  if (plan.participants.length === 0) {
    throw broken('DRILL.PARTICIPANTS', 'A drill needs participants', 'Un ejercicio necesita participantes', {
      field: 'plan.participants',
    });
  }
  const seen = new Set<string>();
  plan.participants.forEach((participant, i) => {
    if (seen.has(participant.username)) {
      throw broken(
        'DRILL.PARTICIPANTS',
        `${participant.username} is listed twice`,
        `${participant.username} aparece dos veces`,
        { field: `plan.participants[${i}].username` },
      );
    }
    seen.add(participant.username);
  });
  if (plan.kind === 'notification') {
    if (plan.blmIds.length === 0) {
      throw broken(
        'DRILL.BLMS',
        'A notification drill needs at least one BLM',
        'Un simulacro de notificación necesita al menos un MEF',
        {
          field: 'plan.blmIds',
        },
      );
    }
    plan.blmIds.forEach((blmId, i) => {
      if (!context.reference.blm(blmId)) {
        throw notFound('BLM.NOT_FOUND', `Unknown BLM ${blmId}`, `MEF desconocido: ${blmId}`, {
          field: `plan.blmIds[${i}]`,
        });
      }
    });
  } else if (plan.scenario.injects.length === 0) {
    throw broken('DRILL.INJECTS', 'A scenario drill needs injects', 'Un ejercicio con escenario necesita inyecciones', {
      field: 'plan.scenario.injects',
    });
  }
}

/**
 * Who may act in a drill's world (its incidents, ports, notifications): its players and controllers, planners and
 * administrators, and Enlace itself; nobody once it has ended or while a real emergency halts it (Enlace still
 * records what was under way: delivery outcomes). Refused: 404 no such drill, 403 not taking part, 409 ended/halted.
 */
export function admitToDrillWorld(state: DrillState, actor: Actor): void {
  if (state.status === 'none') {
    throw noSuchDrill();
  }
  if (actor.role === 'system') return;
  if (state.status === 'ended') throw drillEnded();
  if (state.status === 'halted') {
    throw conflict(
      'DRILL.HALTED',
      'The drill is halted for a real-world emergency',
      'El ejercicio está detenido por una emergencia real',
    );
  }
  // A simulated agency plays the scenario's injects: it takes part by being in the scenario, not by invitation.
  if (actor.role === 'simulator') return;
  if (!PLANNERS.includes(actor.role)) requireParticipant(state, actor, ['player', 'controller']);
}

/** A simulated agency exists only inside drills: in the live world it is refused whatever it asks. */
export function refuseSimulatorOutsideDrills(world: World, actor: Actor): void {
  if (actor.role === 'simulator' && world.kind === 'live') {
    throw forbidden(
      'AUTH.SIMULATOR_LIVE',
      "A drill's simulated agency cannot act in the live world",
      'Una agencia simulada de un ejercicio no puede actuar en el mundo real',
    );
  }
}

/**
 * Who may read a drill's world (its board, ports, notifications, consoles): everyone taking part, planners,
 * administrators and auditors ("auditors read drills like everything else"). 404 no such drill, 403 anyone else.
 */
export function mayReadDrill(state: DrillState, actor: Actor): void {
  if (state.status === 'none') {
    throw noSuchDrill();
  }
  if (actor.role === 'system' || actor.role === 'auditor' || PLANNERS.includes(actor.role)) return;
  requireParticipant(state, actor);
}

/** The drill time now (ISO), for a drill whose clock has started. */
function drillNow(state: PlannedDrill, now: string): string {
  return new Date(
    drillClock.drillTimeAt(state.clock, Date.parse(now)) ?? Date.parse(state.plan.startsAt),
  ).toISOString();
}

function injectOf(state: PlannedDrill, injectId: string): InjectOutline {
  const inject =
    state.plan.kind === 'scenario' ? state.plan.scenario.injects.find((i) => i.id === injectId) : undefined;
  if (!inject) {
    throw notFound(
      'DRILL.INJECT_NOT_FOUND',
      `No inject ${injectId} in this drill`,
      `No hay inyección ${injectId} en este ejercicio`,
      {
        field: 'injectId',
      },
    );
  }
  return inject;
}

/** When an inject falls due, in drill time (ms): its offset, or a contingency's trigger deadline once missed. */
export function injectDueMs(state: PlannedDrill, inject: InjectOutline): number | undefined {
  const start = Date.parse(state.plan.startsAt);
  if (!inject.contingencyFor) return start + inject.offsetMinutes * 60_000;
  const trigger =
    state.plan.kind === 'scenario'
      ? state.plan.scenario.injects.find((i) => i.id === inject.contingencyFor)
      : undefined;
  const releasedAt = state.released[inject.contingencyFor];
  if (!trigger?.expectedAction || releasedAt === undefined) return undefined;
  return Math.max(
    Date.parse(releasedAt) + trigger.expectedAction.withinMinutes * 60_000,
    start + inject.offsetMinutes * 60_000,
  );
}

/**
 * The clock starts (and resumes) this long after the planner asks: the injects due at once (offset zero, or overdue
 * when it was paused) are then scheduled ahead of their instant like every other, instead of being released as late as
 * the worker takes to hear of the start (≈ 60 ms, 4 s of drill time at 60×; bench:drill).
 */
export const DRILL_CLOCK_COUNTDOWN_MS = 2_000;

function clockAt(command: drillClock.DrillClockCommand, now: string): string {
  return command.type === 'StartDrillClock' || command.type === 'ResumeDrillClock'
    ? new Date(Date.parse(now) + DRILL_CLOCK_COUNTDOWN_MS).toISOString()
    : now;
}

/** Inject releases may come a little early in drill time (a timer fires on real time, rounded): this much is fine. */
const RELEASE_TOLERANCE_MS = 1_000;

export function decideDrill(command: DrillCommand, state: DrillState, context: DecisionContext): DrillEvent[] {
  const { drillId } = command.data;
  if (command.type === 'PlanDrill') {
    requirePlanner(context.actor);
    if (state.status !== 'none') {
      throw conflict('DRILL.EXISTS', 'This drill is planned already', 'Este ejercicio ya está planeado');
    }
    checkPlan(command.data.plan, context);
    return [
      { type: 'DrillPlanned', data: { drillId, plan: command.data.plan, plannedBy: asDrillActor(context.actor) } },
    ];
  }
  if (state.status === 'none') {
    throw noSuchDrill();
  }
  if (command.type === 'EditImprovementItem') {
    requirePlanner(context.actor);
    if (state.status !== 'ended') {
      throw conflict(
        'DRILL.NOT_ENDED',
        'The improvement plan is written once the drill has ended',
        'El plan de mejora se redacta cuando el ejercicio ha terminado',
      );
    }
    return [{ type: 'DrillImprovementItemEdited', data: checkedEdit(command.data, context) }];
  }
  if (state.status === 'ended' && command.type !== 'RecordDrillObservation') {
    throw drillEnded();
  }
  const at = context.now;
  switch (command.type) {
    case 'StartDrillClock':
    case 'PauseDrillClock':
    case 'ResumeDrillClock':
    case 'ChangeDrillClockRate':
      requirePlanner(context.actor);
      return drillClock.decideDrillClock(command, state.clock, clockAt(command, at));
    case 'JoinDrill': {
      const participant = requireParticipant(state, context.actor);
      return state.joined[participant.username]
        ? []
        : [{ type: 'DrillParticipantJoined', data: { drillId, participant, at } }];
    }
    case 'ReleaseInject': {
      if (context.actor.role !== 'system') {
        throw forbidden('AUTH.ROLE', 'Only Enlace releases injects', 'Solo Enlace libera las inyecciones', {
          required: ['system'],
          actual: context.actor.role,
        });
      }
      const inject = injectOf(state, command.data.injectId);
      if (state.released[inject.id] !== undefined) return [];
      if (state.status !== 'running') {
        throw conflict('DRILL.NOT_RUNNING', 'The drill is not running', 'El ejercicio no está en marcha', {
          status: state.status,
        });
      }
      const due = injectDueMs(state, inject);
      const drillTime = drillNow(state, at);
      if (due === undefined || Date.parse(drillTime) + RELEASE_TOLERANCE_MS < due) {
        throw conflict(
          'DRILL.INJECT_NOT_DUE',
          `Inject ${inject.id} is not due`,
          `La inyección ${inject.id} aún no corresponde`,
          {
            injectId: inject.id,
          },
        );
      }
      return [
        {
          type: 'DrillInjectReleased',
          data: { drillId, at, drillTime, injectId: inject.id, dueDrillTime: new Date(due).toISOString() },
        },
      ];
    }
    case 'HaltDrill': {
      // Anyone in the drill may stop it for a real emergency: the one rule that does not wait for a planner.
      if (!PLANNERS.includes(context.actor.role)) requireParticipant(state, context.actor);
      requireBilingual(command.data.reason, 'reason');
      if (state.status === 'halted') return [];
      if (state.status === 'planned') {
        throw drillClock.clockRefusal('notStarted');
      }
      return [
        {
          type: 'DrillHalted',
          data: {
            drillId,
            at,
            drillTime: drillNow(state, at),
            by: asDrillActor(context.actor),
            reason: command.data.reason,
          },
        },
      ];
    }
    case 'EndDrill':
      requirePlanner(context.actor);
      return [
        { type: 'DrillEnded', data: { drillId, at, drillTime: drillNow(state, at), by: asDrillActor(context.actor) } },
      ];
    case 'RecordDrillObservation': {
      if (!PLANNERS.includes(context.actor.role)) requireParticipant(state, context.actor, ['evaluator', 'controller']);
      requireBilingual(command.data.text, 'text');
      const { capability, objectiveId, text } = command.data;
      return [
        {
          type: 'DrillObservationRecorded',
          data: {
            drillId,
            at,
            drillTime: drillNow(state, at),
            observationId: context.newId('observation'),
            by: asDrillActor(context.actor),
            capability,
            ...(objectiveId === undefined ? {} : { objectiveId }),
            text,
          },
        },
      ];
    }
    default:
      return assertNever(command);
  }
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;

function checkedEdit(
  edit: ImprovementEdit & { drillId: string },
  context: DecisionContext,
): Extract<DrillEvent, { type: 'DrillImprovementItemEdited' }>['data'] {
  const { drillId, itemId, owner, dueDate, status, text } = edit;
  const field = (name: string, en: string, es: string) =>
    broken('VALIDATION.IMPROVEMENT', `${name} ${en}`, `${name} ${es}`, { field: name });
  if (!itemId) throw field('itemId', 'is required', 'es obligatorio');
  if (dueDate !== undefined && (!DATE.test(dueDate) || Number.isNaN(Date.parse(dueDate)))) {
    throw field('dueDate', 'must be a date (YYYY-MM-DD)', 'debe ser una fecha (AAAA-MM-DD)');
  }
  if (status !== undefined && !IMPROVEMENT_STATUSES.includes(status)) {
    throw field(
      'status',
      `must be one of ${IMPROVEMENT_STATUSES.join(', ')}`,
      `debe ser uno de ${IMPROVEMENT_STATUSES.join(', ')}`,
    );
  }
  const agencies = owner?.agencies;
  if (
    owner !== undefined &&
    (!['US', 'MX', 'EXCON'].includes(owner.side) ||
      !Array.isArray(agencies) ||
      agencies.length === 0 ||
      agencies.some((agency) => typeof agency !== 'string' || agency.trim() === ''))
  ) {
    throw field(
      'owner',
      'needs a side (US, MX or EXCON) and at least one agency',
      'necesita un lado (US, MX o EXCON) y al menos una agencia',
    );
  }
  if (text !== undefined) requireBilingual(text, 'text');
  if (owner === undefined && dueDate === undefined && status === undefined && text === undefined) {
    throw field('itemId', 'needs at least one change', 'necesita al menos un cambio');
  }
  return {
    drillId,
    at: context.now,
    itemId,
    by: asDrillActor(context.actor),
    ...(owner === undefined ? {} : { owner }),
    ...(dueDate === undefined ? {} : { dueDate }),
    ...(status === undefined ? {} : { status }),
    ...(text === undefined ? {} : { text }),
  };
}

/** The drill's decider: its events are the `drill` aggregate's (the codec follows from the name). */
export const drillDecider = deciderOf('drill', {
  initialState: initialDrillState,
  evolve: evolveDrill,
  decide: decideDrill,
  time: 'real',
});

/** The drill's own stream, in its own world: `exercise-<drill id>.drill-<drill id>` once mapped (see World). */
export const drillStreamId = streamIdOf('drill');
