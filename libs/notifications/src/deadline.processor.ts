import type { Clock } from '@enlace/clock';
import { ActOnNotification, GetNotification } from '@enlace/application';
import { jobWorld, type NotificationState, worldOfJob } from '@enlace/domain';
import type { CommandBus, QueryBus } from '@nestjs/cqrs';
import { DelayedError, type Job } from 'bullmq';
import type { Metrics } from '@enlace/metrics';
import { chainOf, type DeliveryConfig } from './delivery-config.js';
import { type DeadlineJob, deadlineJobId } from './jobs.js';
import { KeyedSerializer } from './keyed-serializer.js';
import { deliveriesNeeded, escalationDueAt } from './plan.js';
import { postponable } from './postpone.js';
import { SYSTEM_ACTOR } from './system-actor.js';
import type { WorkScheduler } from './work-scheduler.js';
import type { WorldTime } from './world-time.js';

/**
 * A deadline fell due: ask the decider to escalate to the tier's addressees, then schedule the escalation's
 * deliveries. The decider refuses a late, repeated or unneeded escalation, so this job may run any number of times.
 *
 * Tiers go in order, each once, whatever order their jobs run in: a job escalates every earlier tier not recorded yet
 * first (each under that tier's own idempotency key, so its own job then finds it done), and a notification's jobs
 * run one at a time in this process. Across processes the decider refuses a tier whose predecessor is missing, and
 * the command pipeline decides again after a concurrent append.
 */
export class DeadlineProcessor {
  private readonly oneAtATime = new KeyedSerializer();

  constructor(
    private readonly commands: CommandBus,
    private readonly queries: QueryBus,
    private readonly config: DeliveryConfig,
    private readonly scheduler: WorkScheduler,
    private readonly clock: Clock,
    private readonly time: WorldTime,
    private readonly metrics?: Metrics,
  ) {}

  process(job: Job<DeadlineJob>, token: string | undefined): Promise<string> {
    return postponable(
      job,
      token,
      () => this.oneAtATime.run(job.data.notificationId, () => this.escalate(job, token)),
      this.clock,
    );
  }

  private async escalate(job: Job<DeadlineJob>, token: string | undefined): Promise<string> {
    const { notificationId, tier, deadline } = job.data;
    const world = worldOfJob(job.data);
    const { state } = await this.queries.execute(new GetNotification(notificationId, world));
    if (state.status !== 'active') return `skipped: ${state.status}`;
    // The deadline moved since this job was scheduled: the job for the new deadline does the work.
    if (state.acknowledgmentDeadline !== deadline) return 'skipped: deadline changed';
    const dueAt = escalationDueAt(state, tier, this.config);
    if (dueAt > (await this.time.now(job.data))) {
      // Delayed jobs may be promoted a little early (or a drill's rate changed, or it is paused); the decider would
      // refuse, and the tier would never escalate. A drill's deadline is a drill time: when it falls due in real time
      // depends on the drill's clock.
      await job.moveToDelayed(await this.time.realDueAt(job.data, dueAt), token);
      throw new DelayedError();
    }
    const tiers = chainOf(this.config, state.blmId).tiers;
    if (!tiers.some((t) => t.tier === tier)) return `skipped: no tier ${tier} in the chain`;
    const escalated: number[] = [];
    let current: NotificationState = state;
    for (const step of tiers.filter((t) => t.tier <= tier)) {
      if (current.status !== 'active' || current.escalations.some((e) => e.tier >= step.tier)) continue;
      const stepJob: DeadlineJob = { ...jobWorld(world), notificationId, tier: step.tier, deadline };
      const { outcome } = await this.commands.execute(
        new ActOnNotification(
          notificationId,
          {
            type: 'EscalateBlmNotification',
            data: {
              tier: step.tier,
              escalateTo: step.addressees.map(({ agency, side, name }) => ({ agency, side, name })),
            },
          },
          {
            actor: SYSTEM_ACTOR,
            world,
            correlationId: job.data.correlationId ?? `worker.${deadlineJobId(job.data)}`,
            idempotencyKey: deadlineJobId(stepJob),
          },
        ),
      );
      current = outcome.state;
      if (outcome.events.length > 0) escalated.push(step.tier);
      if (outcome.events.length > 0 && !outcome.replayed) this.metrics?.escalations.inc({ tier: String(step.tier) });
      // Also scheduled by the reconciler when it sees the event; the job ids make the second time a no-op.
      for (const delivery of deliveriesNeeded(current, this.config, world)) {
        if (delivery.tier === step.tier) {
          await this.scheduler.scheduleDelivery({ ...delivery, ...correlationOf(job.data) });
        }
      }
    }
    return escalated.length > 0 ? `escalated to tier ${escalated.join(', ')}` : 'nothing to escalate';
  }
}

function correlationOf(job: DeadlineJob): { correlationId?: string } {
  return job.correlationId === undefined ? {} : { correlationId: job.correlationId };
}
