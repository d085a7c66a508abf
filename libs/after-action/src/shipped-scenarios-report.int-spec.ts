import type { DrillEvent, Language } from '@enlace/domain';
import { loadReferenceCatalog } from '@enlace/reference-data';
import { loadScenarios, type Scenario } from '@enlace/scenarios';
import { join } from 'node:path';
import { evaluateDrill } from './evaluate-drill.js';
import { renderAarHtml } from './render-html.js';
import { renderAarMarkdown } from './render-markdown.js';
import { englishLeaks, visibleText } from './testing/english-leaks.js';

const configDir = join(process.cwd(), 'config');
const scenarios = loadScenarios(join(configDir, 'scenarios'), loadReferenceCatalog(configDir));

const STARTS_AT = Date.parse('2026-07-15T13:00:00.000Z');
const REAL_START = Date.parse('2026-07-20T15:00:00.000Z');
const RATE = 60;
const MINUTE_MS = 60_000;

/**
 * A drill of a shipped scenario where the players did nothing: every inject released on time, each contingency when
 * its trigger's deadline passed. Every text, agency, capability and event name of the real scenario reaches the report.
 */
function idleDrill(scenario: Scenario): DrillEvent[] {
  const drillId = `drill-${scenario.id}`;
  const moment = (drillMs: number) => ({
    drillId,
    at: new Date(REAL_START + (drillMs - STARTS_AT) / RATE).toISOString(),
    drillTime: new Date(drillMs).toISOString(),
  });
  const dueMs = new Map<string, number>();
  for (const inject of scenario.injects) {
    const offsetMs = STARTS_AT + inject.offsetMinutes * MINUTE_MS;
    const trigger = scenario.injects.find((candidate) => candidate.id === inject.contingencyFor);
    const triggerDue = trigger ? dueMs.get(trigger.id) : undefined;
    const deadlineMs =
      trigger?.expectedAction && triggerDue !== undefined
        ? triggerDue + trigger.expectedAction.withinMinutes * MINUTE_MS
        : offsetMs;
    dueMs.set(inject.id, Math.max(offsetMs, deadlineMs));
  }
  const releases = [...dueMs.entries()]
    .sort(([, a], [, b]) => a - b)
    .map(([injectId, due]): DrillEvent => ({
      type: 'DrillInjectReleased',
      data: { ...moment(due), injectId, dueDrillTime: new Date(due).toISOString() },
    }));
  const endMs = Math.max(...dueMs.values()) + 60 * MINUTE_MS;
  const planner = { username: 'planner', side: 'US' as const, agency: 'CBP' };
  return [
    {
      type: 'DrillPlanned',
      data: {
        drillId,
        plannedBy: planner,
        plan: {
          kind: 'scenario',
          title: scenario.title,
          timeZone: scenario.timeZone,
          startsAt: new Date(STARTS_AT).toISOString(),
          rate: RATE,
          participants: scenario.players.map((player, index) => ({
            username: `player-${index}`,
            role: 'player',
            side: player.side,
            agency: player.agency,
          })),
          scenario,
        },
      },
    },
    { type: 'DrillClockStarted', data: { ...moment(STARTS_AT), rate: RATE } },
    ...releases,
    { type: 'DrillEnded', data: { ...moment(endMs), by: planner } },
  ];
}

describe('the after-action report of each shipped scenario', () => {
  it.each(scenarios.map((scenario) => [scenario.id, scenario] as const))(
    '%s: a drill where nobody acted evaluates every objective and action, and reports in both languages',
    (_id, scenario) => {
      const evaluation = evaluateDrill({ scenario, drillEvents: idleDrill(scenario), worldEvents: [] });
      expect(evaluation.objectives.every((objective) => objective.status === 'not-observed')).toBe(true);
      expect(evaluation.injects.every((inject) => inject.releasedDrillTime !== undefined)).toBe(true);
      const actions = evaluation.injects.filter((inject) => inject.expectedAction);
      expect(evaluation.areasForImprovement).toHaveLength(scenario.objectives.length + actions.length);
      for (const language of ['en', 'es'] as Language[]) {
        const html = renderAarHtml(evaluation, language);
        const marks = html.match(/class="inject-released" data-inject=/g) ?? [];
        expect(marks).toHaveLength(scenario.injects.length);
        const markdownLines = renderAarMarkdown(evaluation, language).split('\n');
        for (const objective of scenario.objectives) {
          expect(markdownLines.filter((line) => line.startsWith(`| ${objective.id}: `))).toHaveLength(1);
        }
      }
      expect(englishLeaks(visibleText(renderAarHtml(evaluation, 'es')))).toEqual([]);
    },
  );
});
