import type { DrillEvent } from '@enlace/domain';
import { evaluateDrill } from './evaluate-drill.js';
import type { DrillEvaluationInput, ObservedEvent } from './evaluation.types.js';
import {
  DRILL_ID,
  drillTime,
  nogalesDrillEvents,
  nogalesScenario,
  nogalesWorldEvents,
  realTime,
} from './testing/nogales-drill.js';

function given(changes: Partial<DrillEvaluationInput> = {}): DrillEvaluationInput {
  return {
    scenario: nogalesScenario(),
    drillEvents: nogalesDrillEvents(),
    worldEvents: nogalesWorldEvents(),
    ...changes,
  };
}

/** The drill's stream, ended at a drill minute instead of the fixture's 120 (nothing after it). */
function endedAt(minutes: number, realSeconds: number): DrillEvent[] {
  const kept = nogalesDrillEvents().filter(
    (event) =>
      event.type !== 'DrillEnded' &&
      'drillTime' in event.data &&
      Date.parse(event.data.drillTime) <= Date.parse(drillTime(minutes)),
  );
  const planned = nogalesDrillEvents()[0]!;
  return [
    planned,
    ...kept,
    {
      type: 'DrillEnded',
      data: {
        drillId: DRILL_ID,
        at: realTime(realSeconds),
        drillTime: drillTime(minutes),
        by: { username: 'p', side: 'MX', agency: 'PC' },
      },
    },
  ];
}

const objective = (input: DrillEvaluationInput, id: string) =>
  evaluateDrill(input).objectives.find((o) => o.id === id)!;
const inject = (input: DrillEvaluationInput, id: string) => evaluateDrill(input).injects.find((i) => i.id === id)!;

describe('evaluateDrill: objectives', () => {
  it('given the measured event within the target, when evaluated, then the objective is met and rated P', () => {
    const found = objective(given(), 'NOG-OBJ-1');
    expect(found).toMatchObject({
      status: 'met',
      finding: 'within-target',
      suggestedRating: 'P',
      targetMinutes: 15,
      measuredMinutes: 10,
      fromDrillTime: drillTime(0),
      toDrillTime: drillTime(10),
    });
  });

  it('given an event of the other side first, when evaluated, then only the side the measure names counts', () => {
    // The U.S. notified its NRC at minute 3; the objective asks for Mexico's CENACOM report (minute 10).
    expect(objective(given(), 'NOG-OBJ-1').toDrillTime).toBe(drillTime(10));
  });

  it('given a step entered after the fact with the time it was done, when evaluated, then the time done counts', () => {
    // Mexico called CENACOM at minute 12 and entered it at minute 20: 12 minutes, within the 15 of the objective.
    const events = nogalesWorldEvents().map((event) =>
      event.type === 'NationalCenterNotified' && event.data.side === 'MX'
        ? { ...event, occurredAt: drillTime(20), data: { ...event.data, occurredAt: drillTime(12) } }
        : event,
    );
    expect(objective(given({ worldEvents: events }), 'NOG-OBJ-1')).toMatchObject({
      status: 'met',
      measuredMinutes: 12,
      toDrillTime: drillTime(12),
    });
    // Recorded at minute 20 without a time done, the same step is over the target.
    const late = nogalesWorldEvents().map((event) =>
      event.type === 'NationalCenterNotified' && event.data.side === 'MX'
        ? { ...event, occurredAt: drillTime(20) }
        : event,
    );
    expect(objective(given({ worldEvents: late }), 'NOG-OBJ-1')).toMatchObject({
      status: 'not-met',
      measuredMinutes: 20,
    });
  });

  it('given the measured event later than the target, when evaluated, then it is not met, with some challenges', () => {
    expect(objective(given(), 'NOG-OBJ-2')).toMatchObject({
      status: 'not-met',
      finding: 'over-target',
      measuredMinutes: 40,
      suggestedRating: 'S',
    });
  });

  it('given far later than the target, when evaluated, then it is rated with major challenges', () => {
    const events = nogalesWorldEvents().map((event) =>
      event.type === 'CounterpartCenterNotified' ? { ...event, occurredAt: drillTime(100) } : event,
    );
    expect(objective(given({ worldEvents: events }), 'NOG-OBJ-2')).toMatchObject({
      status: 'not-met',
      measuredMinutes: 90,
      suggestedRating: 'M',
    });
  });

  it('given the end event of the other side only and the window elapsed, when evaluated, then it is not met, unable to be performed', () => {
    expect(objective(given(), 'NOG-OBJ-3')).toMatchObject({
      status: 'not-met',
      finding: 'never-reached',
      suggestedRating: 'U',
      fromDrillTime: drillTime(12),
    });
    expect(objective(given(), 'NOG-OBJ-3').toDrillTime).toBeUndefined();
  });

  it('given the drill ended before the target elapsed, when evaluated, then it is not observed', () => {
    const found = objective(given({ drillEvents: endedAt(30, 750) }), 'NOG-OBJ-3');
    expect(found).toMatchObject({ status: 'not-observed', finding: 'window-not-elapsed' });
    expect(found.suggestedRating).toBeUndefined();
  });

  it('given the start event never happened, when evaluated, then it is not observed', () => {
    expect(objective(given(), 'NOG-OBJ-4')).toMatchObject({ status: 'not-observed', finding: 'start-not-observed' });
  });

  it('given the end event before the start event, when evaluated, then only one at or after the start counts', () => {
    const early: ObservedEvent = {
      type: 'CounterpartCenterNotified',
      occurredAt: drillTime(1),
      data: { incidentId: 'inc-ammonia', side: 'MX', center: 'NRC' },
    };
    expect(objective(given({ worldEvents: [early, ...nogalesWorldEvents()] }), 'NOG-OBJ-2').measuredMinutes).toBe(40);
  });

  it('given a checklist item measure, when the item completes, then the item id must match', () => {
    const item = (itemId: string, minutes: number): ObservedEvent => ({
      type: 'ChecklistItemCompleted',
      occurredAt: drillTime(minutes),
      data: { portId: 'nogales-mariposa', shutdownId: 'sd-1', itemId, side: 'MX', agency: 'PROFEPA' },
    });
    const reopened: ObservedEvent = {
      type: 'PortReopened',
      occurredAt: drillTime(110),
      data: { portId: 'nogales-mariposa', shutdownId: 'sd-1' },
    };
    const events = [
      ...nogalesWorldEvents(),
      item('mx-scene-safe', 60),
      item('mx-environmental-clearance', 80),
      reopened,
    ];
    expect(objective(given({ worldEvents: events }), 'NOG-OBJ-4')).toMatchObject({
      status: 'met',
      measuredMinutes: 30,
    });
  });
});

describe('evaluateDrill: injects', () => {
  it('given injects released on and off schedule, when evaluated, then each has its release error in drill seconds', () => {
    const { injects, overview } = evaluateDrill(given());
    expect(injects.map((i) => [i.id, i.releaseErrorSeconds])).toEqual([
      ['NOG-01', 0],
      ['NOG-02', 30],
      ['NOG-03', 0],
      ['NOG-04', 0],
      ['NOG-05', undefined],
      ['NOG-06', 0],
    ]);
    expect(inject(given(), 'NOG-02')).toMatchObject({
      scheduledDrillTime: drillTime(5),
      releasedDrillTime: drillTime(5.5),
      realReleasedAt: realTime(33),
    });
    expect(overview.releaseError).toEqual({ released: 5, meanAbsoluteSeconds: 6, maxAbsoluteSeconds: 30 });
  });

  it('given the evidence before the deadline, when evaluated, then the expected action is on time', () => {
    expect(inject(given(), 'NOG-01').expectedAction).toMatchObject({
      status: 'on-time',
      deadlineDrillTime: drillTime(15),
      doneDrillTime: drillTime(10),
      minutesToAction: 10,
    });
  });

  it('given the evidence after the deadline, when evaluated, then the expected action is late', () => {
    expect(inject(given(), 'NOG-02').expectedAction).toMatchObject({
      status: 'late',
      deadlineDrillTime: drillTime(15.5),
      doneDrillTime: drillTime(20.5),
      minutesToAction: 15,
    });
  });

  it('given no evidence of the named side, when the deadline passed, then the expected action is missed', () => {
    expect(inject(given(), 'NOG-03').expectedAction).toMatchObject({
      status: 'missed',
      deadlineDrillTime: drillTime(20),
    });
  });

  it('given evidence only before the release, when evaluated, then it does not count', () => {
    const events = nogalesWorldEvents().filter((event) => event.type !== 'PortShutdownDeclared');
    const before = {
      ...nogalesWorldEvents().find((event) => event.type === 'PortShutdownDeclared')!,
      occurredAt: drillTime(2),
    };
    expect(inject(given({ worldEvents: [before, ...events] }), 'NOG-02').expectedAction?.status).toBe('missed');
  });

  it('given a missed action, when evaluated, then its contingency counts as released; a met one, as not', () => {
    const evaluation = evaluateDrill(given());
    expect(evaluation.injects.find((i) => i.id === 'NOG-03')!.contingencies).toEqual([
      { injectId: 'NOG-04', released: true },
    ]);
    expect(evaluation.injects.find((i) => i.id === 'NOG-01')!.contingencies).toEqual([
      { injectId: 'NOG-05', released: false },
    ]);
    expect(inject(given(), 'NOG-04')).toMatchObject({ contingencyFor: 'NOG-03', scheduledDrillTime: drillTime(25) });
    // A contingency never released was never due: it has no schedule to be late against.
    expect(inject(given(), 'NOG-05').scheduledDrillTime).toBeUndefined();
    expect(evaluation.overview.injects).toEqual({
      planned: 6,
      released: 5,
      contingenciesPlanned: 2,
      contingenciesReleased: 1,
    });
  });

  it('given an inject never released, when evaluated, then nothing was expected of its players', () => {
    expect(inject(given({ drillEvents: endedAt(8, 50) }), 'NOG-03').expectedAction?.status).toBe('not-released');
  });

  it('given the drill ended before the deadline, when evaluated, then the expected action is still open', () => {
    expect(inject(given({ drillEvents: endedAt(12, 72) }), 'NOG-03').expectedAction?.status).toBe('open');
  });
});

describe('evaluateDrill: overview', () => {
  it('given a pause and a halt, when evaluated, then neither counts in the played time nor in the drill time', () => {
    const { overview } = evaluateDrill(given());
    expect(overview).toMatchObject({
      drillId: DRILL_ID,
      ended: true,
      realStartedAt: realTime(0),
      realStoppedAt: realTime(1220),
      drillStartedAt: drillTime(0),
      drillStoppedAt: drillTime(120),
      drillMinutes: 120,
    });
    expect(overview.wallClockMinutes).toBeCloseTo(1220 / 60);
    expect(overview.playedRealMinutes).toBeCloseTo(320 / 60);
    expect(overview.pauses).toEqual([
      { realAt: realTime(90), drillTime: drillTime(15), realResumedAt: realTime(690), realMinutes: 10 },
    ]);
    expect(overview.halts).toMatchObject([{ realAt: realTime(760), realResumedAt: realTime(1060), realMinutes: 5 }]);
  });

  it('given a halt during a pause, when evaluated, then the stopped time counts once', () => {
    const events = nogalesDrillEvents().flatMap((event): DrillEvent[] =>
      event.type === 'DrillClockPaused'
        ? [
            event,
            {
              type: 'DrillHalted',
              data: {
                drillId: DRILL_ID,
                at: realTime(300),
                drillTime: drillTime(15),
                by: { username: 'pc.officer', side: 'MX', agency: 'PC' },
                reason: { en: 'Real fire', es: 'Incendio real' },
              },
            },
          ]
        : [event],
    );
    const { overview } = evaluateDrill(given({ drillEvents: events }));
    expect(overview.pauses.map((pause) => pause.realMinutes)).toEqual([10]);
    expect(overview.halts.map((halt) => halt.realMinutes)).toEqual([6.5, 5]);
    expect(overview.playedRealMinutes).toBeCloseTo(320 / 60);
  });

  it('given a drill not ended and paused, when evaluated, then the interim figures run to its last fact', () => {
    // Everything up to the pause, 90 real seconds in.
    const events = nogalesDrillEvents().filter(
      (event) => !('at' in event.data) || Date.parse(event.data.at) <= Date.parse(realTime(90)),
    );
    const { overview } = evaluateDrill(given({ drillEvents: events }));
    expect(overview).toMatchObject({
      ended: false,
      realStoppedAt: realTime(90),
      drillMinutes: 15,
      wallClockMinutes: 1.5,
    });
    expect(overview.pauses).toEqual([{ realAt: realTime(90), drillTime: drillTime(15), realMinutes: 0 }]);
  });

  it('given a drill only planned, when evaluated, then nothing is measured and nothing is missed', () => {
    const evaluation = evaluateDrill(given({ drillEvents: nogalesDrillEvents().slice(0, 1), worldEvents: [] }));
    expect(evaluation.overview).toMatchObject({ ended: false, injects: { released: 0 } });
    expect(evaluation.overview.wallClockMinutes).toBeUndefined();
    expect(evaluation.objectives.map((o) => o.finding)).toEqual(Array(4).fill('start-not-observed'));
    expect(evaluation.injects.map((i) => i.expectedAction?.status ?? 'none')).toEqual([
      'not-released',
      'not-released',
      'not-released',
      'none',
      'none',
      'none',
    ]);
  });

  it('given rate changes, when evaluated, then each compression is listed with its real time', () => {
    expect(evaluateDrill(given()).overview.rates).toEqual([
      { realAt: realTime(0), drillTime: drillTime(0), rate: 10 },
      { realAt: realTime(720), drillTime: drillTime(20), rate: 30 },
    ]);
  });

  it('given the participants, when evaluated, then they are grouped by side, agency and role', () => {
    expect(evaluateDrill(given()).overview.participants).toEqual([
      { side: 'MX', agency: 'ANAM', role: 'player', usernames: ['anam.officer'] },
      { side: 'MX', agency: 'PC', role: 'player', usernames: ['pc.officer'] },
      { side: 'US', agency: 'CBP', role: 'player', usernames: ['cbp.officer', 'cbp.second'] },
      { side: 'US', agency: 'EPA', role: 'evaluator', usernames: ['eval.epa'] },
    ]);
  });

  it("given observations, when evaluated, then they are grouped by core capability in the Goal's order", () => {
    const { observations } = evaluateDrill(given());
    expect(observations.map((group) => [group.capability, group.observations.map((o) => o.id)])).toEqual([
      ['operational-coordination', ['obs-2']],
      ['operational-communications', ['obs-1']],
    ]);
  });

  it('given a stream without a plan, when evaluated, then it is refused', () => {
    expect(() => evaluateDrill(given({ drillEvents: nogalesDrillEvents().slice(1) }))).toThrow(/DrillPlanned/);
  });
});
