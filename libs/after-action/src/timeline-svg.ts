import type { Language } from '@enlace/domain';
import type { DrillEvaluation, InjectEvaluation } from './evaluation.types.js';
import { clockTime } from './format.js';
import { label } from './labels.js';
import { markup, type SafeHtml } from './safe-html.js';

const WIDTH = 960;
const HEIGHT = 220;
const LEFT = 130;
const RIGHT = 24;
const TOP = 36;
const INJECT_LANE_Y = 80;
const ACTION_LANE_Y = 140;
const AXIS_Y = 172;
const MINUTE_MS = 60_000;
/** Tick spacings (minutes) a reader counts in; the smallest giving at most MAX_TICKS ticks is used. */
const TICK_STEPS = [1, 2, 5, 10, 15, 20, 30, 60, 120, 180, 240, 360, 720, 1440];
const MAX_TICKS = 10;

interface Scale {
  startMs: number;
  endMs: number;
  x: (iso: string) => string;
}

/** Every drill time the chart shows, so that nothing falls off its right edge. */
function timesShown(evaluation: DrillEvaluation): number[] {
  const times = evaluation.injects.flatMap((inject) => [
    inject.scheduledDrillTime,
    inject.releasedDrillTime,
    inject.expectedAction?.doneDrillTime,
    inject.expectedAction?.status === 'missed' ? inject.expectedAction.deadlineDrillTime : undefined,
  ]);
  return [evaluation.overview.drillStoppedAt, ...times].flatMap((iso) => (iso ? [Date.parse(iso)] : []));
}

function scaleOf(evaluation: DrillEvaluation): Scale {
  const startMs = Date.parse(evaluation.overview.startsAtDrillTime);
  const endMs = Math.max(startMs + 60 * MINUTE_MS, ...timesShown(evaluation));
  const plotWidth = WIDTH - LEFT - RIGHT;
  const x = (iso: string) => (LEFT + ((Date.parse(iso) - startMs) / (endMs - startMs)) * plotWidth).toFixed(1);
  return { startMs, endMs, x };
}

function ticks(scale: Scale): string[] {
  const spanMinutes = (scale.endMs - scale.startMs) / MINUTE_MS;
  const step = TICK_STEPS.find((candidate) => spanMinutes / candidate <= MAX_TICKS) ?? TICK_STEPS.at(-1)!;
  const count = Math.floor(spanMinutes / step);
  return Array.from({ length: count + 1 }, (_, index) =>
    new Date(scale.startMs + index * step * MINUTE_MS).toISOString(),
  );
}

function axis(scale: Scale, evaluation: DrillEvaluation, language: Language): SafeHtml {
  const zone = evaluation.overview.timeZone;
  const tickMarks = ticks(scale).map((iso) => {
    const x = scale.x(iso);
    return markup`<line class="grid" x1="${x}" y1="${TOP}" x2="${x}" y2="${AXIS_Y}"/>
<text class="tick" x="${x}" y="${AXIS_Y + 16}" text-anchor="middle">${clockTime(iso, zone, language)}</text>
`;
  });
  const caption = label(language, 'chartAxis', { zone });
  return markup`<line class="axis" x1="${LEFT}" y1="${AXIS_Y}" x2="${WIDTH - RIGHT}" y2="${AXIS_Y}"/>
${tickMarks}<text class="axis-label" x="${(LEFT + WIDTH - RIGHT) / 2}" y="${HEIGHT - 6}" text-anchor="middle">${caption}</text>
`;
}

/**
 * Injects released minutes apart would print their ids over each other: in order of release, ids alternate above and
 * below the lane.
 */
function idLabelRows(evaluation: DrillEvaluation): Map<string, number> {
  const released = evaluation.injects.filter((inject) => inject.releasedDrillTime !== undefined);
  const inOrder = released.sort((a, b) => Date.parse(a.releasedDrillTime!) - Date.parse(b.releasedDrillTime!));
  return new Map(
    inOrder.map((inject, order) => [inject.id, order % 2 === 0 ? INJECT_LANE_Y - 10 : INJECT_LANE_Y + 18]),
  );
}

function scheduledMark(inject: InjectEvaluation, scale: Scale, language: Language): SafeHtml {
  if (!inject.scheduledDrillTime) return markup``;
  const x = Number(scale.x(inject.scheduledDrillTime));
  const title = `${inject.id}: ${inject.synopsis[language]} (${label(language, 'legendScheduled')})`;
  return markup`<rect class="inject-scheduled" data-inject="${inject.id}" x="${(x - 4).toFixed(1)}" y="${INJECT_LANE_Y - 4}" width="8" height="8"><title>${title}</title></rect>
`;
}

function releasedMark(inject: InjectEvaluation, labelY: number, scale: Scale, language: Language): SafeHtml {
  if (!inject.releasedDrillTime) return markup``;
  const x = scale.x(inject.releasedDrillTime);
  const y = INJECT_LANE_Y;
  const title = `${inject.id}: ${inject.synopsis[language]} (${label(language, 'legendReleased')})`;
  const error = inject.scheduledDrillTime
    ? markup`<line class="release-error" x1="${scale.x(inject.scheduledDrillTime)}" y1="${y}" x2="${x}" y2="${y}"/>`
    : '';
  return markup`${error}<circle class="inject-released" data-inject="${inject.id}" cx="${x}" cy="${y}" r="3.2"><title>${title}</title></circle>
<text class="inject-id" x="${x}" y="${labelY}" text-anchor="middle">${inject.id}</text>
`;
}

/** A missed expected action has no event to plot: its deadline is marked instead, so the gap shows. */
function missedMark(inject: InjectEvaluation, scale: Scale, language: Language): SafeHtml {
  const action = inject.expectedAction;
  if (action?.status !== 'missed' || !action.deadlineDrillTime) return markup``;
  const x = Number(scale.x(action.deadlineDrillTime));
  const y = ACTION_LANE_Y;
  const cross = `M${(x - 5).toFixed(1)} ${y - 5} l10 10 m0 -10 l-10 10`;
  const title = `${inject.id}: ${action.text[language]} (${label(language, 'actionStatus.missed')})`;
  return markup`<path class="action-missed" data-inject="${inject.id}" d="${cross}"><title>${title}</title></path>
`;
}

function actionMark(inject: InjectEvaluation, scale: Scale, language: Language): SafeHtml {
  const action = inject.expectedAction;
  if (!action?.doneDrillTime || !inject.releasedDrillTime) return missedMark(inject, scale, language);
  const x = Number(scale.x(action.doneDrillTime));
  const y = ACTION_LANE_Y;
  const diamond = `M${x.toFixed(1)} ${y - 6} l6 6 l-6 6 l-6 -6 z`;
  const title = `${inject.id}: ${action.text[language]} (${label(language, `actionStatus.${action.status}`)})`;
  return markup`<line class="response" x1="${scale.x(inject.releasedDrillTime)}" y1="${INJECT_LANE_Y}" x2="${x.toFixed(1)}" y2="${y}"/>
<path class="player-action action-${action.status}" data-inject="${inject.id}" d="${diamond}"><title>${title}</title></path>
`;
}

function legend(language: Language): SafeHtml {
  const l = (key: Parameters<typeof label>[1]) => label(language, key);
  return markup`<g class="legend" transform="translate(${LEFT}, 14)">
<rect class="inject-scheduled" x="0" y="-4" width="8" height="8"/><text x="14" y="4">${l('legendScheduled')}</text>
<circle class="inject-released" cx="140" cy="0" r="3.2"/><text x="150" y="4">${l('legendReleased')}</text>
<path class="player-action action-on-time" d="M280 -6 l6 6 l-6 6 l-6 -6 z"/><text x="292" y="4">${l('legendAction')}</text>
<path class="action-missed" d="M480 -5 l10 10 m0 -10 l-10 10"/><text x="496" y="4">${l('actionStatus.missed')}</text>
</g>
`;
}

/**
 * The drill on one time axis (drill time, in the drill's zone): each inject's scheduled and released times, and the
 * player action that answered it (or the deadline it missed). Inline SVG, so the printed report needs nothing else.
 */
export function timelineSvg(evaluation: DrillEvaluation, language: Language): SafeHtml {
  const scale = scaleOf(evaluation);
  const labelRows = idLabelRows(evaluation);
  const title = label(language, 'chartTitle');
  const lane = (y: number, key: 'injectsLane' | 'actionsLane') =>
    markup`<text class="lane" x="${LEFT - 12}" y="${y + 4}" text-anchor="end">${label(language, key)}</text>
`;
  return markup`<svg xmlns="http://www.w3.org/2000/svg" class="timeline" viewBox="0 0 ${WIDTH} ${HEIGHT}" role="img" aria-label="${title}">
<title>${title}</title>
${legend(language)}${lane(INJECT_LANE_Y, 'injectsLane')}${lane(ACTION_LANE_Y, 'actionsLane')}${axis(scale, evaluation, language)}${evaluation.injects.map((inject) => actionMark(inject, scale, language))}${evaluation.injects.map((inject) => scheduledMark(inject, scale, language))}${evaluation.injects.map((inject) => releasedMark(inject, labelRows.get(inject.id) ?? INJECT_LANE_Y - 10, scale, language))}</svg>`;
}
