import type { Language } from '@enlace/domain';
import type { DrillEvaluation, ImprovementItem, InjectEvaluation, ObjectiveEvaluation } from './evaluation.types.js';
import {
  agencyName,
  capabilityName,
  clockTime,
  dateTime,
  duration,
  eventMatchText,
  seconds,
  signedSeconds,
  textIn,
} from './format.js';
import { label } from './labels.js';

/**
 * The report's content as plain text in one language, laid out once for every format: the Markdown and HTML
 * renderers only mark it up (and escape it, each in its own way).
 */

export interface Table {
  headers: string[];
  rows: string[][];
}

export interface Section {
  heading: string;
  items: string[];
}

const NONE = '—';

function drillClock(evaluation: DrillEvaluation, language: Language) {
  const zone = evaluation.overview.timeZone;
  return (iso: string | undefined) => (iso ? clockTime(iso, zone, language) : NONE);
}

function realClock(evaluation: DrillEvaluation, language: Language) {
  const zone = evaluation.overview.timeZone;
  return (iso: string | undefined) => (iso ? dateTime(iso, zone, language) : NONE);
}

export function overviewFacts(evaluation: DrillEvaluation, language: Language): [string, string][] {
  const { overview } = evaluation;
  const real = realClock(evaluation, language);
  const l = (key: Parameters<typeof label>[1], values?: Record<string, string | number>) =>
    label(language, key, values);
  const facts: [string, string][] = [
    [l('scenario'), `${overview.title[language]} (${overview.scenarioId})`],
    [l('drill'), overview.drillId],
    [l('port'), overview.portId],
    [l('blm'), overview.blmId],
    [l('timeZone'), overview.timeZone],
    [
      l('drillStatus'),
      l(overview.realStartedAt === undefined ? 'notStarted' : overview.ended ? 'drillEnded' : 'drillNotEnded'),
    ],
    [l('scenarioStart'), dateTime(overview.startsAtDrillTime, overview.timeZone, language)],
  ];
  if (overview.realStartedAt === undefined) return facts;
  facts.push(
    [l('realStart'), real(overview.realStartedAt)],
    [l(overview.ended ? 'realStop' : 'realLastFact'), real(overview.realStoppedAt)],
    [l('wallClock'), duration(overview.wallClockMinutes ?? 0, language)],
    [l('playedReal'), duration(overview.playedRealMinutes ?? 0, language)],
    [l('drillDuration'), duration(overview.drillMinutes ?? 0, language)],
    [l('injectCounts'), l('injectCountsValue', overview.injects)],
  );
  if (overview.releaseError) {
    const { meanAbsoluteSeconds, maxAbsoluteSeconds, released } = overview.releaseError;
    facts.push([
      l('releaseError'),
      l('releaseErrorValue', {
        mean: seconds(meanAbsoluteSeconds, language),
        max: seconds(maxAbsoluteSeconds, language),
        count: released,
      }),
    ]);
  }
  return facts;
}

export function participantsTable(evaluation: DrillEvaluation, language: Language): Table {
  return {
    headers: (['side', 'agency', 'role', 'accounts'] as const).map((key) => label(language, key)),
    rows: evaluation.overview.participants.map((group) => [
      label(language, `side.${group.side}`),
      agencyName(group.agency, language),
      label(language, `role.${group.role}`),
      group.usernames.join(', '),
    ]),
  };
}

export function ratesTable(evaluation: DrillEvaluation, language: Language): Table {
  const real = realClock(evaluation, language);
  const drill = drillClock(evaluation, language);
  return {
    headers: [label(language, 'realTime'), label(language, 'drillTime'), label(language, 'rate')],
    rows: evaluation.overview.rates.map((change) => [
      real(change.realAt),
      drill(change.drillTime),
      label(language, 'rateValue', { rate: change.rate }),
    ]),
  };
}

export function pausesTable(evaluation: DrillEvaluation, language: Language): Table {
  const real = realClock(evaluation, language);
  const drill = drillClock(evaluation, language);
  return {
    headers: (['realTime', 'drillTime', 'resumedAt', 'stoppedFor'] as const).map((key) => label(language, key)),
    rows: evaluation.overview.pauses.map((pause) => [
      real(pause.realAt),
      drill(pause.drillTime),
      pause.realResumedAt ? real(pause.realResumedAt) : label(language, 'notResumed'),
      duration(pause.realMinutes, language),
    ]),
  };
}

export function haltsTable(evaluation: DrillEvaluation, language: Language): Table {
  const real = realClock(evaluation, language);
  const drill = drillClock(evaluation, language);
  return {
    headers: (['realTime', 'drillTime', 'haltedBy', 'reason', 'resumedAt', 'stoppedFor'] as const).map((key) =>
      label(language, key),
    ),
    rows: evaluation.overview.halts.map((halt) => [
      real(halt.realAt),
      drill(halt.drillTime),
      `${halt.by.username} (${halt.by.agency})`,
      textIn(halt.reason, language),
      halt.realResumedAt ? real(halt.realResumedAt) : label(language, 'notResumed'),
      duration(halt.realMinutes, language),
    ]),
  };
}

function objectiveStatusText(objective: ObjectiveEvaluation, language: Language): string {
  return `${label(language, `objectiveStatus.${objective.status}`)} (${label(language, `finding.${objective.finding}`)})`;
}

export function objectivesTable(evaluation: DrillEvaluation, language: Language): Table {
  const l = (key: Parameters<typeof label>[1]) => label(language, key);
  return {
    headers: [l('objective'), l('capability'), l('measure'), l('target'), l('actual'), l('status'), l('rating')],
    rows: evaluation.objectives.map((objective) => [
      `${objective.id}: ${objective.text[language]}`,
      capabilityName(objective.capability, language),
      `${objective.measureText[language]} (${l('from')}: ${eventMatchText(objective.from, language)}; ${l('to')}: ${eventMatchText(objective.to, language)})`,
      duration(objective.targetMinutes, language),
      objective.measuredMinutes === undefined ? l('notMeasured') : duration(objective.measuredMinutes, language),
      objectiveStatusText(objective, language),
      objective.suggestedRating ? l(`rating.${objective.suggestedRating}`) : NONE,
    ]),
  };
}

function contingencyText(inject: InjectEvaluation, language: Language): string {
  if (inject.contingencyFor) return label(language, 'contingencyFor', { id: inject.contingencyFor });
  return inject.contingencies
    .map(({ injectId, released }) =>
      label(language, released ? 'contingencyReleased' : 'contingencyNotReleased', { id: injectId }),
    )
    .join('; ');
}

export function injectsTable(evaluation: DrillEvaluation, language: Language): Table {
  const drill = drillClock(evaluation, language);
  const l = (key: Parameters<typeof label>[1]) => label(language, key);
  return {
    headers: [
      l('inject'),
      l('synopsis'),
      l('scheduled'),
      l('released'),
      l('releaseErrorShort'),
      l('expectedAction'),
      l('deadline'),
      l('done'),
      l('status'),
      l('contingency'),
    ],
    rows: evaluation.injects.map((inject) => {
      const action = inject.expectedAction;
      return [
        inject.id,
        `${inject.synopsis[language]} (${agencyName(inject.from, language)}, ${l(`delivery.${inject.delivery}`)})`,
        drill(inject.scheduledDrillTime),
        inject.releasedDrillTime ? drill(inject.releasedDrillTime) : l('notReleased'),
        inject.releaseErrorSeconds === undefined ? NONE : signedSeconds(inject.releaseErrorSeconds, language),
        action ? `${action.text[language]} (${eventMatchText(action.evidence, language)})` : NONE,
        drill(action?.deadlineDrillTime),
        drill(action?.doneDrillTime),
        action ? l(`actionStatus.${action.status}`) : NONE,
        contingencyText(inject, language) || NONE,
      ];
    }),
  };
}

export function observationSections(evaluation: DrillEvaluation, language: Language): Section[] {
  const drill = drillClock(evaluation, language);
  return evaluation.observations.map((group) => ({
    heading: capabilityName(group.capability, language),
    items: group.observations.map((observation) => {
      const about = observation.objectiveId
        ? ` [${label(language, 'aboutObjective', { id: observation.objectiveId })}]`
        : '';
      const by = label(language, 'observedBy', { by: observation.by.username, time: drill(observation.drillTime) });
      return `${textIn(observation.text, language)}${about} — ${by}`;
    }),
  }));
}

export function strengthLines(evaluation: DrillEvaluation, language: Language): string[] {
  return evaluation.strengths.map((strength) => {
    const objective = evaluation.objectives.find((candidate) => candidate.id === strength.objectiveId);
    const sentence = label(language, 'strengthText', {
      id: strength.objectiveId,
      measured: duration(strength.measuredMinutes, language),
      target: duration(strength.targetMinutes, language),
    });
    return objective ? `${sentence} ${objective.text[language]}` : sentence;
  });
}

function areaTitle(area: ImprovementItem['area'], language: Language): string {
  const what = label(language, area.kind === 'objective' ? 'areaObjective' : 'areaAction', { id: area.refId });
  return `${what}: ${label(language, `areaReason.${area.reason}`)}`;
}

export function areaLines(evaluation: DrillEvaluation, language: Language): string[] {
  return evaluation.areasForImprovement.map(
    (area) => `${areaTitle(area, language)} (${capabilityName(area.capability, language)})`,
  );
}

export function improvementTable(evaluation: DrillEvaluation, language: Language): Table {
  const l = (key: Parameters<typeof label>[1]) => label(language, key);
  return {
    headers: [l('item'), l('areasForImprovement'), l('correctiveAction'), l('owner'), l('dueDate'), l('status')],
    rows: evaluation.improvementPlan.map((item) => [
      item.id,
      `${areaTitle(item.area, language)} (${capabilityName(item.area.capability, language)})`,
      textIn(item.text, language),
      `${l(`side.${item.owner.side}`)}: ${item.owner.agencies.join(', ')}`,
      item.dueDate,
      l(`improvementStatus.${item.status}`),
    ]),
  };
}
