import type { Side } from '@enlace/domain';
import type { Bilingual, Scenario } from '@enlace/scenarios';
import type {
  AreaForImprovement,
  ImprovementEdit,
  ImprovementItem,
  ImprovementOwner,
  InjectEvaluation,
  ObjectiveEvaluation,
  Strength,
} from './evaluation.types.js';

export const DEFAULT_IMPROVEMENT_DUE_DAYS = 90;
const DAY_MS = 86_400_000;

export function strengthsOf(objectives: readonly ObjectiveEvaluation[]): Strength[] {
  return objectives.flatMap((objective) =>
    objective.status === 'met' && objective.measuredMinutes !== undefined
      ? [
          {
            objectiveId: objective.id,
            capability: objective.capability,
            measuredMinutes: objective.measuredMinutes,
            targetMinutes: objective.targetMinutes,
          },
        ]
      : [],
  );
}

function sideField(side: Side | undefined) {
  return side ? { side } : {};
}

/** Objectives not met or not observed, then expected actions not done by their deadline, in MSEL order. */
export function areasForImprovementOf(
  objectives: readonly ObjectiveEvaluation[],
  injects: readonly InjectEvaluation[],
): AreaForImprovement[] {
  const fromObjectives = objectives.flatMap((objective): AreaForImprovement[] =>
    objective.status === 'met'
      ? []
      : [
          {
            kind: 'objective',
            refId: objective.id,
            capability: objective.capability,
            reason: objective.status,
            ...sideField(objective.to.side),
          },
        ],
  );
  const fromActions = injects.flatMap((inject): AreaForImprovement[] => {
    const status = inject.expectedAction?.status;
    if (status !== 'late' && status !== 'missed') return [];
    return [
      {
        kind: 'expected-action',
        refId: inject.id,
        capability: inject.capability,
        reason: status,
        ...sideField(inject.expectedAction?.evidence.side),
      },
    ];
  });
  return [...fromObjectives, ...fromActions];
}

/** Stable across re-evaluations of the same drill, so a planner's edits keep naming the same item. */
export function improvementItemId(drillId: string, area: AreaForImprovement): string {
  return `${drillId}:${area.kind === 'objective' ? 'objective' : 'action'}:${area.refId}`;
}

/** The players of the side that was to act; exercise control when the measure names no side or nobody plays it. */
export function proposedOwner(scenario: Scenario, side: Side | undefined): ImprovementOwner {
  const agencies = [
    ...new Set(scenario.players.filter((player) => player.side === side).map((player) => player.agency)),
  ];
  return side && agencies.length > 0 ? { side, agencies } : { side: 'EXCON', agencies: ['EXCON'] };
}

/** A calendar date (YYYY-MM-DD) in the drill's zone, `days` after a real instant. */
export function dueDateAfter(realAt: string, days: number, timeZone: string): string {
  const parts = new Intl.DateTimeFormat('en-US', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' })
    .formatToParts(new Date(Date.parse(realAt) + days * DAY_MS))
    .reduce<Record<string, string>>((found, part) => ({ ...found, [part.type]: part.value }), {});
  return `${parts.year}-${parts.month}-${parts.day}`;
}

/** The corrective action first proposed for an area; planners rewrite it at the after-action meeting. */
export function proposedText(area: AreaForImprovement, scenario: Scenario): Bilingual {
  if (area.kind === 'objective') {
    const objective = scenario.objectives.find((candidate) => candidate.id === area.refId);
    const what = objective?.text ?? { en: '', es: '' };
    return area.reason === 'not-observed'
      ? {
          en: `Plan how objective ${area.refId} will be observed in the next exercise: ${what.en}`,
          es: `Prever cómo se observará el objetivo ${area.refId} en el próximo ejercicio: ${what.es}`,
        }
      : {
          en: `Review and practise the procedure behind objective ${area.refId}: ${what.en}`,
          es: `Revisar y practicar el procedimiento del objetivo ${area.refId}: ${what.es}`,
        };
  }
  const action = scenario.injects.find((inject) => inject.id === area.refId)?.expectedAction;
  const minutes = action?.withinMinutes ?? 0;
  return {
    en: `Train the players on the expected action of inject ${area.refId} and its ${minutes}-minute limit: ${action?.text.en ?? ''}`,
    es: `Capacitar a los participantes en la acción esperada de la inyección ${area.refId} y su plazo de ${minutes} minutos: ${action?.text.es ?? ''}`,
  };
}

export interface PlanContext {
  scenario: Scenario;
  drillId: string;
  /** Real instant the due dates count from: the drill's end. */
  realBaseAt: string;
  dueDays: number;
}

export function proposedPlan(areas: readonly AreaForImprovement[], context: PlanContext): ImprovementItem[] {
  const dueDate = dueDateAfter(context.realBaseAt, context.dueDays, context.scenario.timeZone);
  return areas.map((area) => ({
    id: improvementItemId(context.drillId, area),
    area,
    text: proposedText(area, context.scenario),
    owner: proposedOwner(context.scenario, area.side),
    dueDate,
    status: 'proposed',
    edited: false,
  }));
}

function edited(item: ImprovementItem, edit: ImprovementEdit): ImprovementItem {
  return {
    ...item,
    ...(edit.owner ? { owner: edit.owner } : {}),
    ...(edit.dueDate ? { dueDate: edit.dueDate } : {}),
    ...(edit.status ? { status: edit.status } : {}),
    ...(edit.text ? { text: { ...item.text, ...edit.text } } : {}),
    edited: true,
  };
}

/** Planners' edits, in the order they were made: the later one wins field by field. */
export function withEdits(
  items: readonly ImprovementItem[],
  edits: readonly ImprovementEdit[],
): { items: ImprovementItem[]; unmatched: ImprovementEdit[] } {
  const byId = new Map(items.map((item) => [item.id, item]));
  const unmatched: ImprovementEdit[] = [];
  for (const edit of edits) {
    const item = byId.get(edit.itemId);
    if (item) byId.set(edit.itemId, edited(item, edit));
    else unmatched.push(edit);
  }
  return { items: [...byId.values()], unmatched };
}
