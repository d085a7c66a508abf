import { readDrillRecord, stoppedAt } from './drill-record.js';
import { evaluateInject } from './evaluate-injects.js';
import { evaluateObjective } from './evaluate-objectives.js';
import { inDrillTimeOrder } from './event-match.js';
import type { DrillEvaluation, DrillEvaluationInput } from './evaluation.types.js';
import {
  areasForImprovementOf,
  DEFAULT_IMPROVEMENT_DUE_DAYS,
  proposedPlan,
  strengthsOf,
  withEdits,
} from './improvement-plan.js';
import { observationsByCapability } from './observations.js';
import { overviewOf } from './overview.js';

/**
 * A drill's evaluation from its record alone: objectives measured, injects and expected actions checked, evaluators'
 * observations by capability, strengths, areas for improvement and the improvement plan (with planners' edits).
 * Pure: the same events always give the same evaluation. Rules: docs/decisions/0019-after-action-report.md.
 */
export function evaluateDrill(input: DrillEvaluationInput): DrillEvaluation {
  const { scenario } = input;
  const record = readDrillRecord(input.drillEvents);
  const events = inDrillTimeOrder(input.worldEvents);
  const stop = stoppedAt(record);
  const lastEvent = events.at(-1)?.occurredAt;
  const horizon = stop?.drillTime ?? lastEvent;
  const horizonMs = horizon === undefined ? undefined : Date.parse(horizon);

  const objectives = scenario.objectives.map((objective) => evaluateObjective(objective, events, horizonMs));
  const injects = scenario.injects.map((inject) => evaluateInject(inject, scenario.injects, record, events, horizonMs));
  const areasForImprovement = areasForImprovementOf(objectives, injects);
  const proposed = proposedPlan(areasForImprovement, {
    scenario,
    drillId: record.drillId,
    // A drill that never started has no real instant of its own: its scenario start stands in.
    realBaseAt: stop?.realAt ?? record.startsAt,
    dueDays: input.improvementDueDays ?? DEFAULT_IMPROVEMENT_DUE_DAYS,
  });
  // The planners' edits recorded in the drill's stream, then any given beside it, in order.
  const recorded = input.drillEvents.flatMap((event) => {
    if (event.type !== 'DrillImprovementItemEdited') return [];
    const { drillId: _drill, at: _at, by: _by, ...edit } = event.data;
    return [edit];
  });
  const plan = withEdits(proposed, [...recorded, ...(input.improvementEdits ?? [])]);
  return {
    overview: overviewOf(scenario, record, injects),
    objectives,
    injects,
    observations: observationsByCapability(record),
    strengths: strengthsOf(objectives),
    areasForImprovement,
    improvementPlan: plan.items,
    unmatchedEdits: plan.unmatched,
  };
}
