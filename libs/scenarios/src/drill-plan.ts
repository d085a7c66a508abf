import type { BilingualText, DrillParticipant, DrillPlan } from '@enlace/domain';
import type { Scenario } from './scenario.types.js';

/**
 * A drill's plan from a scenario: the scenario whole (the file may change later, the drill's record may not), its
 * zone, and the title, start and compression chosen (the title defaults to the scenario's).
 */
export function scenarioDrillPlan(
  scenario: Scenario,
  options: { startsAt: string; rate: number; participants: DrillParticipant[]; title?: Required<BilingualText> },
): DrillPlan {
  return {
    kind: 'scenario',
    title: options.title ?? scenario.title,
    timeZone: scenario.timeZone,
    startsAt: options.startsAt,
    rate: options.rate,
    participants: options.participants,
    scenario,
  };
}
