import type { Actor } from '@enlace/domain';
import { randomUUID } from 'node:crypto';
import type { CommandPipeline } from '../command-pipeline.js';
import { ActOnDrillClock, ActOnDrillClockHandler } from '../use-cases.js';

const PLANNER: Actor = { id: 'planner', agency: 'EPA', country: 'US', role: 'planner' };

/** Starts a drill's clock as a planner would (a drill takes commands once its clock runs). */
export async function startDrillClock(
  pipeline: CommandPipeline,
  drillId: string,
  { drillTime, rate = 1 }: { drillTime: string; rate?: number },
): Promise<void> {
  await new ActOnDrillClockHandler(pipeline).execute(
    new ActOnDrillClock(
      drillId,
      { type: 'StartDrillClock', data: { drillId, drillTime, rate } },
      { actor: PLANNER, correlationId: randomUUID() },
    ),
  );
}
