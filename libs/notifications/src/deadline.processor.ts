import { type CommandPipeline } from '@enlace/application';
import { notificationDecider, notificationStreamId } from '@enlace/domain';
import { DelayedError, type Job } from 'bullmq';
import { chainOf, type DeliveryConfig } from './delivery-config.js';
import { type DeadlineJob, deadlineJobId } from './jobs.js';
import { deliveriesNeeded, escalationDueAt } from './plan.js';
import { SYSTEM_ACTOR } from './system-actor.js';
import type { WorkScheduler } from './work-scheduler.js';

/**
 * A deadline fell due: ask the decider to escalate to the tier's addressees, then schedule the escalation's
 * deliveries. The decider refuses a late, repeated or unneeded escalation, so this job may run any number of times.
 */
export class DeadlineProcessor {
  constructor(
    private readonly pipeline: CommandPipeline,
    private readonly config: DeliveryConfig,
    private readonly scheduler: WorkScheduler,
    private readonly now: () => number = Date.now,
  ) {}

  async process(job: Job<DeadlineJob>, token: string | undefined): Promise<string> {
    const { notificationId, tier, deadline } = job.data;
    const streamId = notificationStreamId(notificationId);
    const { state } = await this.pipeline.load(notificationDecider, streamId);
    if (state.status !== 'active') return `skipped: ${state.status}`;
    // The deadline moved since this job was scheduled: the job for the new deadline does the work.
    if (state.acknowledgmentDeadline !== deadline) return 'skipped: deadline changed';
    const dueAt = escalationDueAt(state, tier, this.config);
    if (dueAt > this.now()) {
      // Delayed jobs may be promoted a little early; the decider would refuse, and the tier would never escalate.
      await job.moveToDelayed(dueAt, token);
      throw new DelayedError();
    }
    const escalateTo = chainOf(this.config, state.blmId).tiers.find((t) => t.tier === tier)?.addressees;
    if (!escalateTo) return `skipped: no tier ${tier} in the chain`;
    const outcome = await this.pipeline.execute(notificationDecider, {
      streamId,
      command: {
        type: 'EscalateBlmNotification',
        data: { tier, escalateTo: escalateTo.map(({ agency, side, name }) => ({ agency, side, name })) },
      },
      actor: SYSTEM_ACTOR,
      correlationId: `worker.${deadlineJobId(job.data)}`,
      idempotencyKey: deadlineJobId(job.data),
    });
    // Also scheduled by the reconciler when it sees the event; the job ids make the second time a no-op.
    for (const delivery of deliveriesNeeded(outcome.state, this.config)) {
      if (delivery.tier === tier) await this.scheduler.scheduleDelivery(delivery);
    }
    return outcome.events.length > 0 ? `escalated to tier ${tier}` : 'nothing to escalate';
  }
}
