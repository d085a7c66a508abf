import type { ExpectedAction, Inject } from '@enlace/scenarios';
import type { DrillRecord, ReleaseRecord } from './drill-record.js';
import { firstMatch } from './event-match.js';
import type { ExpectedActionEvaluation, InjectEvaluation, ObservedEvent } from './evaluation.types.js';

const MINUTE_MS = 60_000;
const iso = (ms: number) => new Date(ms).toISOString();

/** When an inject was due: what its release recorded, else (not released) its offset; a contingency is due only once. */
function scheduledDrillTime(inject: Inject, record: DrillRecord, release: ReleaseRecord | undefined) {
  if (release) return release.dueDrillTime;
  if (inject.contingencyFor) return undefined;
  return iso(Date.parse(record.startsAt) + inject.offsetMinutes * MINUTE_MS);
}

function evaluateExpectedAction(
  action: ExpectedAction,
  release: ReleaseRecord | undefined,
  events: readonly ObservedEvent[],
  horizonMs: number | undefined,
): ExpectedActionEvaluation {
  const base = { text: action.text, evidence: action.evidence, withinMinutes: action.withinMinutes };
  if (!release) return { ...base, status: 'not-released' };
  const releasedMs = Date.parse(release.drillTime);
  const deadlineMs = releasedMs + action.withinMinutes * MINUTE_MS;
  const evidence = firstMatch(events, action.evidence, releasedMs);
  if (!evidence) {
    const deadlinePassed = horizonMs !== undefined && horizonMs >= deadlineMs;
    return { ...base, deadlineDrillTime: iso(deadlineMs), status: deadlinePassed ? 'missed' : 'open' };
  }
  const doneMs = Date.parse(evidence.occurredAt);
  return {
    ...base,
    deadlineDrillTime: iso(deadlineMs),
    doneDrillTime: iso(doneMs),
    minutesToAction: (doneMs - releasedMs) / MINUTE_MS,
    status: doneMs <= deadlineMs ? 'on-time' : 'late',
  };
}

/** One inject of the MSEL: when it was due and released, and whether its expected action followed. */
export function evaluateInject(
  inject: Inject,
  allInjects: readonly Inject[],
  record: DrillRecord,
  events: readonly ObservedEvent[],
  horizonMs: number | undefined,
): InjectEvaluation {
  const release = record.releases.get(inject.id);
  const scheduled = scheduledDrillTime(inject, record, release);
  const contingencies = allInjects
    .filter((candidate) => candidate.contingencyFor === inject.id)
    .map((contingency) => ({ injectId: contingency.id, released: record.releases.has(contingency.id) }));
  return {
    id: inject.id,
    offsetMinutes: inject.offsetMinutes,
    synopsis: inject.synopsis,
    from: inject.from,
    delivery: inject.delivery,
    objectiveId: inject.objectiveId,
    capability: inject.capability,
    ...(inject.contingencyFor ? { contingencyFor: inject.contingencyFor } : {}),
    ...(scheduled ? { scheduledDrillTime: scheduled } : {}),
    ...(release
      ? {
          releasedDrillTime: release.drillTime,
          realReleasedAt: release.realAt,
          releaseErrorSeconds: (Date.parse(release.drillTime) - Date.parse(release.dueDrillTime)) / 1000,
        }
      : {}),
    ...(inject.expectedAction
      ? { expectedAction: evaluateExpectedAction(inject.expectedAction, release, events, horizonMs) }
      : {}),
    contingencies,
  };
}
