import { testCatalog } from '@enlace/domain/testing';
import { stringify } from 'yaml';
import { validScenarioData } from './testing/index.js';
import { checkScenario, parseScenario, validateScenario } from './parse-scenario.js';
import { describeProblem, type ScenarioProblem, ScenarioValidationError } from './scenario-problem.js';

/** Sets (or with `undefined` removes) the field at a dotted path of the fixture: `injects.1.offset`. */
type Edits = Record<string, unknown>;

function edited(edits: Edits): unknown {
  const data = validScenarioData();
  for (const [path, value] of Object.entries(edits)) {
    const keys = path.split('.');
    const parent = keys
      .slice(0, -1)
      .reduce<Record<string, unknown>>((node, key) => node[key] as Record<string, unknown>, data);
    if (value === undefined) delete parent[keys.at(-1)!];
    else parent[keys.at(-1)!] = value;
  }
  return data;
}

function problemsOf(edits: Edits): ScenarioProblem[] {
  const data = edited(edits);
  const check = checkScenario(data, 'otay.yaml', testCatalog);
  expect(check.scenario).toBeUndefined();
  return check.problems;
}

function brief(problem: ScenarioProblem) {
  return { file: problem.file, injectId: problem.injectId, field: problem.field, rule: problem.rule };
}

describe('a scenario file', () => {
  it('is read into a typed scenario: durations in minutes, the same data otherwise', () => {
    const scenario = parseScenario(stringify(validScenarioData()), 'otay.yaml', testCatalog);
    expect(scenario.injects.map((inject) => inject.offsetMinutes)).toEqual([0, 5, 20]);
    expect(scenario.injects[0]!.expectedAction!.withinMinutes).toBe(15);
    expect(scenario.objectives[1]!.measure.targetMinutes).toBe(240);
    expect(scenario.injects[1]!.commands[0]).toEqual({
      type: 'FileSituationReport',
      incident: 'chlorine-leak',
      data: { summary: { en: 'Chlorine 3 ppm at 100 m', es: 'Cloro 3 ppm a 100 m' } },
    });
    expect(scenario.injects[2]!.contingencyFor).toBe('OTM-01');
  });

  it('refuses an unknown port, material or role, naming file, field and rule', () => {
    const problems = problemsOf({
      portId: 'atlantis',
      'hazard.unNumber': '9999',
      'players.0.role': 'captain',
      'injects.0.commands.0.data.material.ergGuide': '125',
    });
    expect(problems.map(brief)).toEqual(
      expect.arrayContaining([
        { file: 'otay.yaml', injectId: undefined, field: 'portId', rule: 'unknownPort' },
        { file: 'otay.yaml', injectId: undefined, field: 'hazard.unNumber', rule: 'unknownMaterial' },
        { file: 'otay.yaml', injectId: undefined, field: 'players[0].role', rule: 'unknownRole' },
        {
          file: 'otay.yaml',
          injectId: 'OTM-01',
          field: 'commands[0].data.material.ergGuide',
          rule: 'ergGuideMismatch',
        },
      ]),
    );
  });

  it('refuses a BLM that is not the port’s and a time zone that is not one of the port’s', () => {
    const problems = problemsOf({ blmId: 'blm-nowhere', timeZone: 'America/Hermosillo' });
    expect(problems.map((problem) => problem.rule)).toEqual(['unknownBlm', 'portTimeZone']);
  });

  it('refuses a negative offset and an offset before the inject above, naming the inject', () => {
    const negative = problemsOf({ 'injects.1.offset': -5 });
    expect(negative.map(brief)).toContainEqual({
      file: 'otay.yaml',
      injectId: 'OTM-02',
      field: 'offset',
      rule: 'nonNegative',
    });
    const unordered = problemsOf({ 'injects.1.offset': 'PT1H' });
    expect(unordered.map(brief)).toContainEqual({
      file: 'otay.yaml',
      injectId: 'OTM-03',
      field: 'offset',
      rule: 'ordered',
    });
  });

  it('refuses a contingency that refers to itself, to a missing inject, or comes before the deadline', () => {
    expect(problemsOf({ 'injects.2.contingencyFor': 'OTM-03' }).map(brief)).toEqual([
      { file: 'otay.yaml', injectId: 'OTM-03', field: 'contingencyFor', rule: 'contingencySelf' },
    ]);
    expect(problemsOf({ 'injects.2.contingencyFor': 'OTM-99' }).map(brief)).toEqual([
      { file: 'otay.yaml', injectId: 'OTM-03', field: 'contingencyFor', rule: 'contingencyMissing' },
    ]);
    expect(problemsOf({ 'injects.2.contingencyFor': 'OTM-02' }).map((p) => p.rule)).toEqual([
      'contingencyWithoutAction',
    ]);
    expect(problemsOf({ 'injects.2.offset': 10 }).map((p) => p.rule)).toEqual(['contingencyBeforeDeadline']);
  });

  it('refuses a text missing a language, in English and Spanish', () => {
    const problems = problemsOf({ 'injects.1.synopsis.es': undefined, 'objectives.0.text.en': '   ' });
    expect(problems.map(brief)).toEqual([
      { file: 'otay.yaml', injectId: undefined, field: 'objectives[0].text.en', rule: 'bilingual' },
      { file: 'otay.yaml', injectId: 'OTM-02', field: 'synopsis.es', rule: 'bilingual' },
    ]);
    expect(describeProblem(problems[1]!)).toBe(
      'otay.yaml · inject OTM-02 · synopsis.es (bilingual): the Spanish (es-MX) text is missing: every text needs English and Spanish / falta el texto en español (es-MX): todo texto necesita inglés y español',
    );
  });

  it('refuses misspelt fields, unknown agencies, players and objectives, and updates of an unreported incident', () => {
    const problems = problemsOf({
      'injects.0.synopsys': { en: 'typo', es: 'errata' },
      'injects.1.from': 'NASA',
      'injects.1.to': [{ agency: 'PC' }],
      'injects.1.objectiveId': 'OBJ-9',
      'injects.1.commands.0.incident': 'another-leak',
    });
    expect(problems.map(brief)).toEqual([
      { file: 'otay.yaml', injectId: 'OTM-01', field: 'synopsys', rule: 'unknownField' },
      { file: 'otay.yaml', injectId: 'OTM-02', field: 'from', rule: 'unknownAgency' },
      { file: 'otay.yaml', injectId: 'OTM-02', field: 'objectiveId', rule: 'unknownObjective' },
      { file: 'otay.yaml', injectId: 'OTM-02', field: 'to[0]', rule: 'unknownPlayer' },
      { file: 'otay.yaml', injectId: 'OTM-02', field: 'commands[0].incident', rule: 'unknownIncident' },
    ]);
  });

  it('refuses commands sent by exercise control, which plays no side', () => {
    const problems = problemsOf({ 'injects.1.from': 'EXCON' });
    expect(problems.map(brief)).toEqual([{ file: 'otay.yaml', injectId: 'OTM-02', field: 'from', rule: 'senderSide' }]);
  });

  it('throws one error listing every problem, and names a YAML syntax error by line', () => {
    expect(() => validateScenario({}, 'empty.yaml', testCatalog)).toThrow(ScenarioValidationError);
    try {
      parseScenario('id: [unclosed', 'broken.yaml', testCatalog);
      throw new Error('accepted');
    } catch (error) {
      expect((error as ScenarioValidationError).problems[0]).toMatchObject({ file: 'broken.yaml', rule: 'syntax' });
    }
  });
});
