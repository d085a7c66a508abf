import type { Objective } from '@enlace/scenarios';
import { firstMatch } from './event-match.js';
import type { HseepRating, ObjectiveEvaluation, ObjectiveFinding, ObservedEvent } from './evaluation.types.js';

const MINUTE_MS = 60_000;

/**
 * Up to this multiple of the target, a measure over target is "performed with some challenges"; beyond it, "with
 * major challenges". A proposal for the evaluators, who rate in the after-action meeting (HSEEP leaves it to them).
 */
export const SOME_CHALLENGES_LIMIT = 1.5;

/** What the measure found, before it is named a status and a rating. */
type Measurement =
  | { finding: 'start-not-observed' }
  | { finding: 'within-target' | 'over-target'; fromMs: number; toMs: number }
  | { finding: 'never-reached' | 'window-not-elapsed'; fromMs: number };

function measure(objective: Objective, events: readonly ObservedEvent[], horizonMs: number | undefined): Measurement {
  const from = firstMatch(events, objective.measure.from);
  if (!from) return { finding: 'start-not-observed' };
  const fromMs = Date.parse(from.occurredAt);
  const to = firstMatch(events, objective.measure.to, fromMs);
  const targetMs = objective.measure.targetMinutes * MINUTE_MS;
  if (to) {
    const toMs = Date.parse(to.occurredAt);
    return { finding: toMs - fromMs <= targetMs ? 'within-target' : 'over-target', fromMs, toMs };
  }
  // Players who had the whole target window and did not act did not meet it; a drill that stopped sooner says nothing.
  const windowElapsed = horizonMs !== undefined && horizonMs - fromMs > targetMs;
  return { finding: windowElapsed ? 'never-reached' : 'window-not-elapsed', fromMs };
}

function statusOf(finding: ObjectiveFinding): ObjectiveEvaluation['status'] {
  switch (finding) {
    case 'within-target':
      return 'met';
    case 'over-target':
    case 'never-reached':
      return 'not-met';
    case 'start-not-observed':
    case 'window-not-elapsed':
      return 'not-observed';
  }
}

function suggestedRating(finding: ObjectiveFinding, measuredMinutes: number | undefined, target: number) {
  const ratings: Record<ObjectiveFinding, HseepRating | undefined> = {
    'within-target': 'P',
    'over-target': (measuredMinutes ?? 0) <= target * SOME_CHALLENGES_LIMIT ? 'S' : 'M',
    'never-reached': 'U',
    'start-not-observed': undefined,
    'window-not-elapsed': undefined,
  };
  return ratings[finding];
}

const iso = (ms: number) => new Date(ms).toISOString();

/**
 * One objective against the drill world's events (in drill-time order), measured from the first event matching its
 * `from` to the first matching its `to` at or after it. `horizonMs`: the drill time the drill stopped at.
 */
export function evaluateObjective(
  objective: Objective,
  events: readonly ObservedEvent[],
  horizonMs: number | undefined,
): ObjectiveEvaluation {
  const found = measure(objective, events, horizonMs);
  const { targetMinutes } = objective.measure;
  const measuredMinutes = 'toMs' in found ? (found.toMs - found.fromMs) / MINUTE_MS : undefined;
  const rating = suggestedRating(found.finding, measuredMinutes, targetMinutes);
  return {
    id: objective.id,
    text: objective.text,
    capability: objective.capability,
    measureText: objective.measure.text,
    from: objective.measure.from,
    to: objective.measure.to,
    targetMinutes,
    ...('fromMs' in found ? { fromDrillTime: iso(found.fromMs) } : {}),
    ...('toMs' in found ? { toDrillTime: iso(found.toMs), measuredMinutes } : {}),
    status: statusOf(found.finding),
    finding: found.finding,
    ...(rating ? { suggestedRating: rating } : {}),
  };
}
