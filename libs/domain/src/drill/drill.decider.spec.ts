import type { Actor } from '../shared/decider.js';
import { DomainError } from '../shared/domain-error.js';
import {
  auditor,
  deciderSpecification,
  evaluator,
  mxOfficer,
  planner,
  scenarioDrillPlan,
  testContext,
  usOfficer,
} from '../testing/index.js';
import {
  admitToDrillWorld,
  decideDrill,
  DRILL_CLOCK_COUNTDOWN_MS,
  drillDecider,
  type DrillCommand,
  type DrillEvent,
  type DrillState,
  evolveDrill,
  initialDrillState,
  refuseSimulatorOutsideDrills,
} from './drill.decider.js';
import { drillWorld, LIVE } from '../shared/world.js';

const DRILL = '0d7a2c1e-5b3f-4e8a-9c6d-7f1e2a3b4c5d';
const REAL_START = '2026-12-06T16:00:00.000Z';
const SCENARIO_START = '2026-04-14T06:00:00.000Z';
const SECOND = 1_000;
/** Clocks start (and resume) this long after the planner asks: the specs ask that much before their time zero. */
const COUNTDOWN = DRILL_CLOCK_COUNTDOWN_MS;
const at = (ms: number) => new Date(Date.parse(REAL_START) + ms).toISOString();
const scenario = (minutes: number) => new Date(Date.parse(SCENARIO_START) + minutes * 60_000).toISOString();
const system: Actor = { id: 'enlace', agency: 'Enlace', country: null, role: 'system' };

const plan: DrillCommand = { type: 'PlanDrill', data: { drillId: DRILL, plan: scenarioDrillPlan(SCENARIO_START, 60) } };
const start: DrillCommand = {
  type: 'StartDrillClock',
  data: { drillId: DRILL, drillTime: SCENARIO_START, rate: 60 },
};
const release = (injectId: string): DrillCommand => ({ type: 'ReleaseInject', data: { drillId: DRILL, injectId } });
const halt: DrillCommand = {
  type: 'HaltDrill',
  data: { drillId: DRILL, reason: { en: 'A real fire at the port', es: 'Un incendio real en el puerto' } },
};
const end: DrillCommand = { type: 'EndDrill', data: { drillId: DRILL } };

/** Decides each command as `actor` at a real instant (ms after REAL_START) and folds what it decides. */
function play(steps: [number, Actor, DrillCommand][], state: DrillState = initialDrillState()) {
  const events: DrillEvent[] = [];
  for (const [realMs, actor, command] of steps) {
    for (const event of decideDrill(command, state, { ...testContext(actor), now: at(realMs) })) {
      events.push(event);
      state = evolveDrill(state, event);
    }
  }
  return { state, events };
}

/** The code of the domain error `run` throws, or undefined when it throws none. */
function refusal(run: () => unknown): string | undefined {
  try {
    run();
  } catch (error) {
    return error instanceof DomainError ? error.code : String(error);
  }
  return undefined;
}

const running = () =>
  play([
    [0, planner, plan],
    [-COUNTDOWN, planner, start],
  ]).state;

describe('a drill', () => {
  it('is planned by a planner, with its whole plan, and starts on the clock the plan gives', () => {
    const { state, events } = play([
      [0, planner, plan],
      [-COUNTDOWN, planner, start],
    ]);
    expect(events[0]).toEqual({
      type: 'DrillPlanned',
      data: {
        drillId: DRILL,
        plan: scenarioDrillPlan(SCENARIO_START, 60),
        plannedBy: { username: 'planner', side: 'US', agency: 'EPA' },
      },
    });
    expect(state.status).toBe('running');
    // The clock starts a countdown after the planner asks, so the worker schedules the first injects ahead of time.
    expect(events[1]).toMatchObject({ type: 'DrillClockStarted', data: { at: REAL_START, drillTime: SCENARIO_START } });
  });

  it('releases each inject once, on drill time, recording how late it came', () => {
    // At 60×, 10 drill minutes are 10 real seconds.
    const { state, events } = play(
      [
        [0, system, release('I-01')],
        [10 * SECOND + 200, system, release('I-02')],
        [11 * SECOND, system, release('I-02')],
      ],
      running(),
    );
    expect(events.map((event) => event.type)).toEqual(['DrillInjectReleased', 'DrillInjectReleased']);
    expect(events[1]!.data).toMatchObject({ injectId: 'I-02', dueDrillTime: scenario(10), drillTime: scenario(10.2) });
    expect(state.status !== 'none' && state.released).toEqual({ 'I-01': scenario(0), 'I-02': scenario(10.2) });
  });

  it('refuses an inject before it is due, and a contingency until its trigger was missed', () => {
    const spec = deciderSpecification(drillDecider, () => ({ ...testContext(system), now: at(5 * SECOND) }));
    const planned = play([
      [0, planner, plan],
      [-COUNTDOWN, planner, start],
    ]).events;
    spec.given(planned).when(release('I-02')).thenFails('DRILL.INJECT_NOT_DUE', { injectId: 'I-02' });
    // The contingency's own offset (15) has passed, but its trigger (I-02) has not been released.
    const later = deciderSpecification(drillDecider, () => ({ ...testContext(system), now: at(20 * SECOND) }));
    later.given(planned).when(release('I-03')).thenFails('DRILL.INJECT_NOT_DUE');
    // Released at drill minute 10 and expected within 30: the contingency falls due at minute 40.
    const { state } = play([[10 * SECOND, system, release('I-02')]], running());
    expect(refusal(() => decideDrill(release('I-03'), state, { ...testContext(system), now: at(39 * SECOND) }))).toBe(
      'DRILL.INJECT_NOT_DUE',
    );
    expect(decideDrill(release('I-03'), state, { ...testContext(system), now: at(40 * SECOND) })).toHaveLength(1);
    spec.given(planned).when(release('I-99')).thenFails('DRILL.INJECT_NOT_FOUND', { field: 'injectId' });
    spec.given(planned).when(release('I-01'), { actor: planner }).thenFails('AUTH.ROLE');
  });

  it('can be halted for a real emergency by any participant: the clock freezes until a planner resumes', () => {
    const halted = play([[20 * SECOND, mxOfficer, halt]], running());
    expect(halted.events[0]).toMatchObject({
      type: 'DrillHalted',
      data: { drillTime: scenario(20), by: { username: 'officer.mx', side: 'MX', agency: 'ANAM' } },
    });
    expect(halted.state.status).toBe('halted');
    // Nothing falls due while halted: the drill time stands at minute 20 however long the real emergency lasts.
    expect(
      refusal(() => decideDrill(release('I-02'), halted.state, { ...testContext(system), now: at(3_600 * SECOND) })),
    ).toBe('DRILL.NOT_RUNNING');
    expect(refusal(() => admitToDrillWorld(halted.state, usOfficer))).toBe('DRILL.HALTED');
    const resumed = play(
      [[3_600 * SECOND, planner, { type: 'ResumeDrillClock', data: { drillId: DRILL } }]],
      halted.state,
    );
    expect(resumed.state.status).toBe('running');
    expect(resumed.events[0]!.data).toMatchObject({ drillTime: scenario(20) });
    // Somebody outside the drill may not stop it.
    expect(refusal(() => decideDrill(halt, running(), { ...testContext(auditor), now: at(0) }))).toBe(
      'DRILL.NOT_A_PARTICIPANT',
    );
  });

  it('lets invited players join and act in its world, and nobody else', () => {
    const state = running();
    const joined = play([[SECOND, usOfficer, { type: 'JoinDrill', data: { drillId: DRILL } }]], state);
    expect(joined.events[0]).toMatchObject({
      type: 'DrillParticipantJoined',
      data: { participant: { username: 'officer.us' } },
    });
    expect(
      play([[2 * SECOND, usOfficer, { type: 'JoinDrill', data: { drillId: DRILL } }]], joined.state).events,
    ).toEqual([]);
    expect(refusal(() => admitToDrillWorld(state, usOfficer))).toBeUndefined();
    expect(refusal(() => admitToDrillWorld(state, planner))).toBeUndefined();
    expect(refusal(() => admitToDrillWorld(state, auditor))).toBe('DRILL.NOT_A_PARTICIPANT');
    // An evaluator watches and notes; it does not play.
    expect(refusal(() => admitToDrillWorld(state, evaluator))).toBe('DRILL.NOT_A_PARTICIPANT');
    expect(refusal(() => admitToDrillWorld(initialDrillState(), usOfficer))).toBe('DRILL.NOT_FOUND');
  });

  it("admits the scenario's simulated agencies to its world while it runs, and never to the live world", () => {
    const railroad: Actor = {
      id: 'exercise-control/RAILROAD-US',
      agency: 'RAILROAD-US',
      country: 'US',
      role: 'simulator',
    };
    const state = running();
    expect(refusal(() => admitToDrillWorld(state, railroad))).toBeUndefined();
    const halted = play([[SECOND, usOfficer, halt]], state);
    expect(refusal(() => admitToDrillWorld(halted.state, railroad))).toBe('DRILL.HALTED');
    expect(refusal(() => refuseSimulatorOutsideDrills(LIVE, railroad))).toBe('AUTH.SIMULATOR_LIVE');
    expect(refusal(() => refuseSimulatorOutsideDrills(drillWorld(DRILL), railroad))).toBeUndefined();
    expect(refusal(() => refuseSimulatorOutsideDrills(LIVE, usOfficer))).toBeUndefined();
  });

  it("takes planners' edits of the improvement plan once the drill has ended, each checked and recorded as a fact", () => {
    const edit = (data: Record<string, unknown>): DrillCommand => ({
      type: 'EditImprovementItem',
      data: { drillId: DRILL, itemId: 'IP-1', ...data },
    });
    const owner = { side: 'US', agencies: ['CBP'] };
    expect(refusal(() => play([[SECOND, planner, edit({ status: 'done' })]], running()))).toBe('DRILL.NOT_ENDED');
    const ended = play([[30 * SECOND, planner, end]], running()).state;
    const edited = play([[40 * SECOND, planner, edit({ owner, dueDate: '2027-03-01', status: 'in-progress' })]], ended);
    expect(edited.events[0]).toMatchObject({
      type: 'DrillImprovementItemEdited',
      data: { itemId: 'IP-1', owner, dueDate: '2027-03-01', status: 'in-progress', by: { username: 'planner' } },
    });
    expect(refusal(() => play([[40 * SECOND, usOfficer, edit({ status: 'done' })]], ended))).toBe('AUTH.ROLE');
    expect(refusal(() => play([[40 * SECOND, planner, edit({ dueDate: '01/03/2027' })]], ended))).toBe(
      'VALIDATION.IMPROVEMENT',
    );
    expect(refusal(() => play([[40 * SECOND, planner, edit({ status: 'done' })]], ended))).toBe(
      'VALIDATION.IMPROVEMENT',
    );
    expect(refusal(() => play([[40 * SECOND, planner, edit({})]], ended))).toBe('VALIDATION.IMPROVEMENT');
  });

  it('ends once: afterwards only observations are taken, and only Enlace records in its world', () => {
    const ended = play([[30 * SECOND, planner, end]], running());
    expect(ended.state.status).toBe('ended');
    expect(ended.events[0]!.data).toMatchObject({ drillTime: scenario(30) });
    const spec = deciderSpecification(drillDecider, () => ({ ...testContext(planner), now: at(40 * SECOND) }));
    const history = [
      ...play([
        [0, planner, plan],
        [-COUNTDOWN, planner, start],
      ]).events,
      ...ended.events,
    ];
    spec.given(history).when(end).thenFails('DRILL.ENDED');
    spec
      .given(history)
      .when({ type: 'PauseDrillClock', data: { drillId: DRILL } })
      .thenFails('DRILL.ENDED');
    const note = spec
      .given(history)
      .when(
        {
          type: 'RecordDrillObservation',
          data: { drillId: DRILL, capability: 'operational-coordination', text: { en: 'Late call' } },
        },
        { actor: evaluator },
      )
      .events();
    // The drill's clock stood still at its end: an observation made later is placed at the drill's last minute.
    expect(note[0]!.data).toMatchObject({ drillTime: scenario(30), by: { username: 'evaluator' } });
    expect(refusal(() => admitToDrillWorld(ended.state, usOfficer))).toBe('DRILL.ENDED');
    expect(refusal(() => admitToDrillWorld(ended.state, system))).toBeUndefined();
  });

  it('refuses a plan that makes no sense, in English and Spanish, naming the field', () => {
    const spec = deciderSpecification(drillDecider, () => ({ ...testContext(planner), now: REAL_START }));
    const with_ = (change: object): DrillCommand => ({
      type: 'PlanDrill',
      data: { drillId: DRILL, plan: { ...scenarioDrillPlan(), ...change } },
    });
    spec
      .given([])
      .when(with_({ rate: 0 }))
      .thenFails('DRILL.RATE', { field: 'plan.rate', min: 1, max: 120 });
    spec
      .given([])
      .when(with_({ rate: 2.5 }))
      .thenFails('DRILL.RATE');
    spec
      .given([])
      .when(with_({ startsAt: 'soon' }))
      .thenFails('DRILL.TIME', { field: 'plan.startsAt' });
    spec
      .given([])
      .when(with_({ participants: [] }))
      .thenFails('DRILL.PARTICIPANTS', { field: 'plan.participants' });
    spec
      .given([])
      .when(with_({ title: { en: 'Smoke' } }))
      .thenFails('DRILL.TITLE', { field: 'plan.title.es' });
    const twice = scenarioDrillPlan().participants;
    spec
      .given([])
      .when(with_({ participants: [...twice, twice[0]] }))
      .thenFails('DRILL.PARTICIPANTS', { field: 'plan.participants[3].username' });
    spec
      .given([])
      .when({
        type: 'PlanDrill',
        data: {
          drillId: DRILL,
          plan: { ...scenarioDrillPlan(), kind: 'notification', blmIds: ['blm-nowhere'] },
        },
      })
      .thenFails('BLM.NOT_FOUND', { field: 'plan.blmIds[0]' });
    spec.given([]).when(plan, { actor: usOfficer }).thenFails('AUTH.ROLE');
    spec.given([]).when(start).thenFails('DRILL.NOT_FOUND');
    const planned = play([[0, planner, plan]]).events;
    spec.given(planned).when(plan).thenFails('DRILL.EXISTS');
    spec
      .given(planned)
      .when({ type: 'PauseDrillClock', data: { drillId: DRILL } })
      .thenFails('DRILL.CLOCK_NOT_STARTED');
    spec.given(planned).when(start, { actor: usOfficer }).thenFails('AUTH.ROLE');
    spec
      .given(planned)
      .when({ type: 'StartDrillClock', data: { drillId: DRILL, drillTime: SCENARIO_START, rate: 121 } })
      .thenFails('DRILL.RATE', { field: 'rate' });
  });
});
