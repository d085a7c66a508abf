import { scenarioAgency } from './agencies.js';
import type { ProblemList } from './scenario-problem.js';
import type { Inject, Player, PlayerSelector, Scenario } from './scenario.types.js';

/**
 * The rules that span injects and objectives: unique ids, offsets in order, objectives and players that exist,
 * contingencies that point at another inject's expected action and come after its deadline, and incidents
 * reported before anything refers to them (a drill replays the MSEL in order, so the order is the meaning).
 */
export function checkInjectSequence(scenario: Scenario, problems: ProblemList): void {
  refuseRepeatedIds(
    scenario.objectives.map((objective) => objective.id),
    'objectives',
    problems,
  );
  refuseRepeatedIds(
    scenario.injects.map((inject) => inject.id),
    'injects',
    problems,
  );
  const objectiveIds = new Set(scenario.objectives.map((objective) => objective.id));
  const injectsById = new Map(scenario.injects.map((inject) => [inject.id, inject]));
  const reported = new Set<string>();
  scenario.injects.forEach((inject, index) => {
    const previous = scenario.injects[index - 1];
    if (previous && inject.offsetMinutes < previous.offsetMinutes) {
      problems.add(
        ['injects', index, 'offset'],
        'ordered',
        `comes before the inject above it (${previous.id} at minute ${previous.offsetMinutes}): list injects in scenario-time order`,
        `va antes que el inyecto anterior (${previous.id} en el minuto ${previous.offsetMinutes}): ordene los inyectos por tiempo del escenario`,
      );
    }
    if (inject.objectiveId && !objectiveIds.has(inject.objectiveId)) {
      problems.add(
        ['injects', index, 'objectiveId'],
        'unknownObjective',
        `objective ${inject.objectiveId} is not among the scenario's objectives`,
        `el objetivo ${inject.objectiveId} no está entre los objetivos del escenario`,
      );
    }
    inject.to.forEach((selector, at) => {
      if (!scenario.players.some((player) => selects(selector, player))) {
        problems.add(
          ['injects', index, 'to', at],
          'unknownPlayer',
          'matches none of the scenario’s players',
          'no corresponde a ninguno de los jugadores del escenario',
        );
      }
    });
    checkContingency(inject, index, injectsById, problems);
    checkCommands(inject, index, reported, problems);
  });
}

export function selects(selector: PlayerSelector, player: Player): boolean {
  return (
    (selector.role === undefined || selector.role === player.role) &&
    (selector.side === undefined || selector.side === player.side) &&
    (selector.agency === undefined || selector.agency === player.agency)
  );
}

function refuseRepeatedIds(ids: readonly string[], list: 'objectives' | 'injects', problems: ProblemList): void {
  ids.forEach((id, index) => {
    if (id && ids.indexOf(id) !== index) {
      problems.add([list, index, 'id'], 'duplicateId', `${id} is used twice`, `${id} se usa dos veces`);
    }
  });
}

function checkContingency(
  inject: Inject,
  index: number,
  injectsById: ReadonlyMap<string, Inject>,
  problems: ProblemList,
): void {
  const targetId = inject.contingencyFor;
  if (targetId === undefined) return;
  const at = ['injects', index, 'contingencyFor'];
  if (targetId === inject.id) {
    problems.add(
      at,
      'contingencySelf',
      'a contingency cannot refer to itself',
      'una contingencia no puede referirse a sí misma',
    );
    return;
  }
  const target = injectsById.get(targetId);
  if (!target) {
    problems.add(
      at,
      'contingencyMissing',
      `inject ${targetId} does not exist in this scenario`,
      `el inyecto ${targetId} no existe en este escenario`,
    );
    return;
  }
  if (!target.expectedAction) {
    problems.add(
      at,
      'contingencyWithoutAction',
      `inject ${targetId} expects no player action, so nothing can be missed`,
      `el inyecto ${targetId} no espera ninguna acción de los jugadores, así que nada puede omitirse`,
    );
    return;
  }
  const deadline = target.offsetMinutes + target.expectedAction.withinMinutes;
  if (inject.offsetMinutes < deadline) {
    problems.add(
      ['injects', index, 'offset'],
      'contingencyBeforeDeadline',
      `a contingency of ${targetId} cannot come before its deadline (minute ${deadline})`,
      `una contingencia de ${targetId} no puede ir antes de su plazo (minuto ${deadline})`,
    );
  }
}

function checkCommands(inject: Inject, index: number, reported: Set<string>, problems: ProblemList): void {
  const sender = scenarioAgency(inject.from);
  if (inject.commands.length > 0 && sender && sender.side !== 'US' && sender.side !== 'MX') {
    problems.add(
      ['injects', index, 'from'],
      'senderSide',
      `${inject.from} belongs to no side, so it cannot act in the drill's world: send commands from a U.S. or Mexican agency`,
      `${inject.from} no pertenece a ningún lado, así que no puede actuar en el mundo del simulacro: envíe los comandos desde una dependencia de EE. UU. o de México`,
    );
  }
  inject.commands.forEach((command, at) => {
    const path = ['injects', index, 'commands', at, 'incident'];
    if (command.type === 'ReportIncident') {
      if (reported.has(command.incident)) {
        problems.add(
          path,
          'incidentReportedTwice',
          `incident ${command.incident} is already reported by an earlier inject`,
          `el incidente ${command.incident} ya fue reportado por un inyecto anterior`,
        );
      }
      reported.add(command.incident);
    } else if (command.incident && !reported.has(command.incident)) {
      problems.add(
        path,
        'unknownIncident',
        `no earlier inject reports incident ${command.incident}`,
        `ningún inyecto anterior reporta el incidente ${command.incident}`,
      );
    }
  });
}
