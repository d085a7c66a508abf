import { evaluateDrill } from './evaluate-drill.js';
import type { DrillEvaluationInput } from './evaluation.types.js';
import { DRILL_ID, nogalesDrillEvents, nogalesScenario, nogalesWorldEvents } from './testing/nogales-drill.js';

function given(changes: Partial<DrillEvaluationInput> = {}): DrillEvaluationInput {
  return {
    scenario: nogalesScenario(),
    drillEvents: nogalesDrillEvents(),
    worldEvents: nogalesWorldEvents(),
    ...changes,
  };
}

describe('evaluateDrill: strengths, areas for improvement and the improvement plan', () => {
  it('given one objective met, when evaluated, then it is the strength', () => {
    expect(evaluateDrill(given()).strengths).toEqual([
      { objectiveId: 'NOG-OBJ-1', capability: 'operational-communications', measuredMinutes: 10, targetMinutes: 15 },
    ]);
  });

  it('given objectives not met or not observed and actions late or missed, when evaluated, then each is an area', () => {
    expect(evaluateDrill(given()).areasForImprovement.map((area) => [area.kind, area.refId, area.reason])).toEqual([
      ['objective', 'NOG-OBJ-2', 'not-met'],
      ['objective', 'NOG-OBJ-3', 'not-met'],
      ['objective', 'NOG-OBJ-4', 'not-observed'],
      ['expected-action', 'NOG-02', 'late'],
      ['expected-action', 'NOG-03', 'missed'],
    ]);
  });

  it('given the areas, when evaluated, then one item each, owned by the players of the side that was to act', () => {
    const plan = evaluateDrill(given()).improvementPlan;
    expect(plan.map((item) => [item.id, item.owner])).toEqual([
      [`${DRILL_ID}:objective:NOG-OBJ-2`, { side: 'MX', agencies: ['PC', 'ANAM'] }],
      [`${DRILL_ID}:objective:NOG-OBJ-3`, { side: 'US', agencies: ['CBP', 'LOCAL-US'] }],
      // The measure names no side: exercise control owns it.
      [`${DRILL_ID}:objective:NOG-OBJ-4`, { side: 'EXCON', agencies: ['EXCON'] }],
      [`${DRILL_ID}:action:NOG-02`, { side: 'MX', agencies: ['PC', 'ANAM'] }],
      [`${DRILL_ID}:action:NOG-03`, { side: 'US', agencies: ['CBP', 'LOCAL-US'] }],
    ]);
    expect(plan.every((item) => item.status === 'proposed' && !item.edited)).toBe(true);
    expect(plan[0]!.text.es).toContain('NOG-OBJ-2');
  });

  it('given the drill ended on 10 March in Sonora, when evaluated, then items are due 90 days later, or as asked', () => {
    expect(evaluateDrill(given()).improvementPlan[0]!.dueDate).toBe('2026-06-08');
    expect(evaluateDrill(given({ improvementDueDays: 30 })).improvementPlan[0]!.dueDate).toBe('2026-04-09');
  });

  it('given planners edits, when evaluated, then they apply in order, field by field, and unknown items are kept aside', () => {
    const itemId = `${DRILL_ID}:objective:NOG-OBJ-3`;
    const evaluation = evaluateDrill(
      given({
        improvementEdits: [
          { itemId, owner: { side: 'US', agencies: ['CBP'] }, status: 'accepted' },
          { itemId, dueDate: '2026-05-01', text: { es: 'Ensayar el acuse del MEF con la CBP.' } },
          { itemId, status: 'in-progress' },
          { itemId: `${DRILL_ID}:objective:NOG-OBJ-9`, status: 'completed' },
        ],
      }),
    );
    const item = evaluation.improvementPlan.find((candidate) => candidate.id === itemId)!;
    expect(item).toMatchObject({
      owner: { side: 'US', agencies: ['CBP'] },
      dueDate: '2026-05-01',
      status: 'in-progress',
      edited: true,
    });
    expect(item.text.es).toBe('Ensayar el acuse del MEF con la CBP.');
    expect(item.text.en).toContain('NOG-OBJ-3');
    expect(evaluation.unmatchedEdits).toEqual([{ itemId: `${DRILL_ID}:objective:NOG-OBJ-9`, status: 'completed' }]);
  });

  it('given the same drill evaluated twice, when compared, then the item ids are the same', () => {
    const ids = () => evaluateDrill(given()).improvementPlan.map((item) => item.id);
    expect(ids()).toEqual(ids());
  });
});
