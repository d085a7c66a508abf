import { CORE_CAPABILITY_IDS } from '@enlace/scenarios';
import type { DrillRecord } from './drill-record.js';
import type { CapabilityObservations } from './evaluation.types.js';

/** Where a capability sits in the National Preparedness Goal's list; one it does not know goes last. */
function capabilityRank(capability: string): number {
  const index = (CORE_CAPABILITY_IDS as readonly string[]).indexOf(capability);
  return index === -1 ? CORE_CAPABILITY_IDS.length : index;
}

/** Evaluators' observations grouped by core capability (as an Exercise Evaluation Guide is), each in drill time. */
export function observationsByCapability(record: DrillRecord): CapabilityObservations[] {
  const groups = new Map<string, CapabilityObservations>();
  for (const { capability, ...observation } of record.observations) {
    const group = groups.get(capability) ?? { capability, observations: [] };
    group.observations.push(observation);
    groups.set(capability, group);
  }
  return [...groups.values()]
    .sort(
      (a, b) => capabilityRank(a.capability) - capabilityRank(b.capability) || a.capability.localeCompare(b.capability),
    )
    .map((group) => ({
      ...group,
      observations: group.observations.sort((a, b) => Date.parse(a.drillTime) - Date.parse(b.drillTime)),
    }));
}
