import type { Clock } from '@enlace/clock';
import { ActOnDrill, GetDrill } from '@enlace/application';
import { DomainError, drillWorld, injectDueMs, realTimeWhen } from '@enlace/domain';
import type { CommandBus, QueryBus } from '@nestjs/cqrs';
import { DelayedError, type Job } from 'bullmq';
import { postponable } from '../postpone.js';
import { SYSTEM_ACTOR } from '../system-actor.js';
import { type InjectJob, injectJobId } from './inject-plan.js';
import { INJECT_LEAD_MS } from './inject-scheduler.js';

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
    // Promoted ahead of its instant (INJECT_LEAD_MS): wait out the rest here, on the drill's clock as it is now.
    const realDue = await this.realDueMs(drillId, injectId);
    if (realDue === undefined) return 'skipped: not due on a running clock';
    const wait = realDue - this.clock.nowMs();
    if (wait > 2 * INJECT_LEAD_MS && token !== undefined) {
      // The drill's clock moved since (a slower rate, a pause and resume): its runner moved the job, or this does.
      await job.moveToDelayed(realDue - INJECT_LEAD_MS, token);
      throw new DelayedError();
    }
    if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
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
      // The drill's clock moved between the read above and the decision: wait for its new instant.
      const moved = await this.realDueMs(drillId, injectId);
      if (moved === undefined) return 'skipped: not due';
      await job.moveToDelayed(Math.max(moved - INJECT_LEAD_MS, this.clock.nowMs() + 1), token);
      throw new DelayedError();
    }
  }

  /** The real instant the inject falls due at the drill's present rate; undefined unless its clock runs. */
  private async realDueMs(drillId: string, injectId: string): Promise<number | undefined> {
    const { state } = await this.queries.execute(new GetDrill(drillId));
    if (state.status !== 'running' || state.plan.kind !== 'scenario') return undefined;
    const inject = state.plan.scenario.injects.find((i) => i.id === injectId);
    const due = inject ? injectDueMs(state, inject) : undefined;
    return due === undefined ? undefined : realTimeWhen(state.clock, due);
  }
}
