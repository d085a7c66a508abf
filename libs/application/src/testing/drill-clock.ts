import { type Actor } from '@enlace/domain';
import { scenarioDrillPlan } from '@enlace/domain/testing';
import { randomUUID } from 'node:crypto';
import type { CommandPipeline } from '../command-pipeline.js';
import { ActOnDrill, ActOnDrillHandler } from '../use-cases.js';

const PLANNER: Actor = { id: 'planner', agency: 'EPA', country: 'US', role: 'planner' };

/** Plans a drill as a planner would (officer.us and officer.mx play, see `scenarioDrillPlan`). */
export async function planDrill(
  pipeline: CommandPipeline,
  drillId: string,
  drillTime: string,
  rate = 1,
): Promise<void> {
  await new ActOnDrillHandler(pipeline).execute(
    new ActOnDrill(
      drillId,
      { type: 'PlanDrill', data: { drillId, plan: scenarioDrillPlan(drillTime, rate) } },
      { actor: PLANNER, correlationId: randomUUID() },
    ),
  );
}

/** Plans a drill and starts its clock, as a planner would (a drill takes commands once its clock runs). */
export async function startDrillClock(
  pipeline: CommandPipeline,
  drillId: string,
  { drillTime, rate = 1 }: { drillTime: string; rate?: number },
): Promise<void> {
  await planDrill(pipeline, drillId, drillTime, rate);
  await new ActOnDrillHandler(pipeline).execute(
    new ActOnDrill(
      drillId,
      { type: 'StartDrillClock', data: { drillId, drillTime, rate } },
      { actor: PLANNER, correlationId: randomUUID() },
    ),
  );
}

/** Pauses a running drill's clock, as a planner would. */
export async function pauseDrillClock(pipeline: CommandPipeline, drillId: string): Promise<void> {
  await new ActOnDrillHandler(pipeline).execute(
    new ActOnDrill(
      drillId,
      { type: 'PauseDrillClock', data: { drillId } },
      { actor: PLANNER, correlationId: randomUUID() },
    ),
  );
}
