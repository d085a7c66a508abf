import { drillTimeAt, type DrillClockState, realTimeWhen } from '@enlace/domain';

/** A drill's clock as it stands now (the worker asks the store: `GetDrill` on the QueryBus). */
export type DrillClockReader = (drillId: string) => Promise<DrillClockState>;

/** While a drill is paused, a deadline job looks again this often (a resume reschedules it sooner). */
export const PAUSED_RECHECK_MS = 5_000;

/**
 * The time of a job's world, for deadlines: the machine's in the live world; in a drill, the drill's own (its
 * acknowledgment deadlines and escalation tiers are drill times).
 */
export class WorldTime {
  constructor(
    private readonly realNowMs: () => number,
    private readonly drillClock: DrillClockReader,
  ) {}

  /** The time now in the job's world (ms). */
  async now(job: { drillId?: string }): Promise<number> {
    if (job.drillId === undefined) return this.realNowMs();
    return drillTimeAt(await this.drillClock(job.drillId), this.realNowMs()) ?? this.realNowMs();
  }

  /**
   * When `dueAt` (a time of the job's world) falls due on the machine's clock; a paused drill's, a recheck a little
   * later (its resume schedules it again).
   */
  async realDueAt(job: { drillId?: string }, dueAt: number): Promise<number> {
    if (job.drillId === undefined) return dueAt;
    const real = realTimeWhen(await this.drillClock(job.drillId), dueAt);
    return real ?? this.realNowMs() + PAUSED_RECHECK_MS;
  }
}
