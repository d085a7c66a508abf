import type { Clock } from '@enlace/clock';
import { ActOnDrill, GetDrill } from '@enlace/application';
import { DomainError, drillWorld, injectDueMs, realTimeWhen } from '@enlace/domain';
import type { CommandBus, QueryBus } from '@nestjs/cqrs';
import { DelayedError, type Job } from 'bullmq';
import { postponable } from '../postpone.js';
import { SYSTEM_ACTOR } from '../system-actor.js';
import { type InjectJob, injectJobId } from './inject-plan.js';

/** Refusals after which the job has nothing left to do: the drill stopped running (its runner reschedules it). */
const NOTHING_TO_DO = new Set(['DRILL.NOT_RUNNING', 'DRILL.ENDED', 'DRILL.HALTED', 'DRILL.NOT_FOUND']);

/**
 * An inject's drill time came: ask the drill's decider to release it. The decider releases each inject once and only
 * when due on the drill's clock, so this job may run any number of times, in any process. The inject's commands are
 * played by the drill's runner when it sees the release (a crash between the two loses nothing: the release is in the
 * store, and the runner replays from its checkpoint).
 */
export class InjectProcessor {
  constructor(
    private readonly commands: CommandBus,
    private readonly queries: QueryBus,
    private readonly clock: Clock,
  ) {}

  process(job: Job<InjectJob>, token: string | undefined): Promise<string> {
    return postponable(job, token, () => this.release(job, token), this.clock);
  }

  private async release(job: Job<InjectJob>, token: string | undefined): Promise<string> {
    const { drillId, injectId } = job.data;
    try {
      const { outcome } = await this.commands.execute(
        new ActOnDrill(
          drillId,
          { type: 'ReleaseInject', data: { drillId, injectId } },
          { actor: SYSTEM_ACTOR, world: drillWorld(drillId), correlationId: `worker.${injectJobId(job.data)}` },
        ),
      );
      return outcome.events.length > 0 ? 'released' : 'released already';
    } catch (error) {
      if (!(error instanceof DomainError)) throw error;
      if (NOTHING_TO_DO.has(error.code)) return `skipped: ${error.code}`;
      if (error.code !== 'DRILL.INJECT_NOT_DUE' || token === undefined) throw error;
      // Promoted a little early, or the drill's clock moved since: wait for the instant its drill time comes now.
      const { state } = await this.queries.execute(new GetDrill(drillId));
      const inject =
        state.status !== 'none' && state.plan.kind === 'scenario'
          ? state.plan.scenario.injects.find((i) => i.id === injectId)
          : undefined;
      const due = state.status !== 'none' && inject ? injectDueMs(state, inject) : undefined;
      const realDue = state.status !== 'none' && due !== undefined ? realTimeWhen(state.clock, due) : undefined;
      if (realDue === undefined) return 'skipped: not due';
      await job.moveToDelayed(Math.max(realDue, this.clock.nowMs() + 1), token);
      throw new DelayedError();
    }
  }
}
