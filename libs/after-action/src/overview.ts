import type { DrillParticipant } from '@enlace/domain';
import type { Scenario } from '@enlace/scenarios';
import { type DrillRecord, stoppedAt } from './drill-record.js';
import type {
  DrillOverview,
  InjectEvaluation,
  ParticipantGroup,
  ReleaseErrorSummary,
  Stoppage,
} from './evaluation.types.js';

const minutesBetween = (from: string, to: string) => (Date.parse(to) - Date.parse(from)) / 60_000;

/** A stretch still open when the record stops is counted up to that point: the clock was stopped until then. */
function closed<Stretch extends { realAt: string; realResumedAt?: string }>(
  stretch: Stretch,
  realStoppedAt: string | undefined,
): Stretch & { realMinutes: number } {
  const until = stretch.realResumedAt ?? realStoppedAt ?? stretch.realAt;
  return { ...stretch, realMinutes: minutesBetween(stretch.realAt, until) };
}

export function participantGroups(participants: readonly DrillParticipant[]): ParticipantGroup[] {
  const groups = new Map<string, ParticipantGroup>();
  for (const { side, agency, role, username } of participants) {
    const key = [side, agency, role].join('|');
    const group = groups.get(key) ?? { side, agency, role, usernames: [] };
    group.usernames.push(username);
    groups.set(key, group);
  }
  return [...groups.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([, group]) => ({ ...group, usernames: group.usernames.sort() }));
}

export function releaseErrorSummary(injects: readonly InjectEvaluation[]): ReleaseErrorSummary | undefined {
  const errors = injects.flatMap((inject) =>
    inject.releaseErrorSeconds === undefined ? [] : [Math.abs(inject.releaseErrorSeconds)],
  );
  if (errors.length === 0) return undefined;
  return {
    released: errors.length,
    meanAbsoluteSeconds: errors.reduce((sum, error) => sum + error, 0) / errors.length,
    maxAbsoluteSeconds: Math.max(...errors),
  };
}

function durations(record: DrillRecord, stoppages: readonly Stoppage[]) {
  const stop = stoppedAt(record);
  if (!record.started || !stop) return {};
  const wallClockMinutes = minutesBetween(record.started.realAt, stop.realAt);
  const stoppedMinutes = stoppages.reduce((sum, stretch) => sum + stretch.realMinutes, 0);
  return {
    realStartedAt: record.started.realAt,
    realStoppedAt: stop.realAt,
    drillStartedAt: record.started.drillTime,
    drillStoppedAt: stop.drillTime,
    wallClockMinutes,
    playedRealMinutes: wallClockMinutes - stoppedMinutes,
    // The drill's clock stands still while paused or halted, so its span already leaves the stoppages out.
    drillMinutes: minutesBetween(record.started.drillTime, stop.drillTime),
  };
}

export function overviewOf(
  scenario: Scenario,
  record: DrillRecord,
  injects: readonly InjectEvaluation[],
): DrillOverview {
  const realStoppedAt = stoppedAt(record)?.realAt;
  const stoppages = record.stoppages.map((stretch) => closed(stretch, realStoppedAt));
  const contingencies = injects.filter((inject) => inject.contingencyFor !== undefined);
  const releaseError = releaseErrorSummary(injects);
  return {
    drillId: record.drillId,
    scenarioId: scenario.id,
    title: scenario.title,
    timeZone: scenario.timeZone,
    portId: scenario.portId,
    blmId: scenario.blmId,
    startsAtDrillTime: record.startsAt,
    ended: record.ended !== undefined,
    ...durations(record, stoppages),
    rates: record.rates,
    pauses: record.pauses.map((pause) => closed(pause, realStoppedAt)),
    halts: record.halts.map((halt) => closed(halt, realStoppedAt)),
    participants: participantGroups(record.participants),
    injects: {
      planned: injects.length,
      released: injects.filter((inject) => inject.releasedDrillTime !== undefined).length,
      contingenciesPlanned: contingencies.length,
      contingenciesReleased: contingencies.filter((inject) => inject.releasedDrillTime !== undefined).length,
    },
    ...(releaseError ? { releaseError } : {}),
  };
}
