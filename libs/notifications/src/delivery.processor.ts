import type { Clock } from '@enlace/clock';
import { ActOnNotification, GetNotification, RevisionConflictError } from '@enlace/application';
import { type ExistingNotification, type ReferenceCatalog, worldOfJob } from '@enlace/domain';
import type { CommandBus, QueryBus } from '@nestjs/cqrs';
import { StoreUnavailableError } from '@enlace/event-store';
import type { Metrics } from '@enlace/metrics';
import { type Job, UnrecoverableError } from 'bullmq';
import type { DeliveryChannels } from './channels/delivery-channels.js';
import { DeliveryFailure } from './channels/delivery-failure.js';
import { chainOf, channelsOf, type DeliveryConfig } from './delivery-config.js';
import { type DeliveryJob, deliveryJobId } from './jobs.js';
import { KeyedSerializer } from './keyed-serializer.js';
import { buildMessage, type DeliveryMessage } from './message.js';
import { attemptsRecorded, earlierTierUnsent, retryDelayMs, skipReason } from './plan.js';
import { Postpone, postponable } from './postpone.js';
import { SYSTEM_ACTOR } from './system-actor.js';

const RECORD_ROUNDS = 20;
/** A later tier's message looks again this often for the earlier tier's first attempts. */
const TIER_ORDER_WAIT_MS = 500;
/** Sent already, the outcome waits this long for a store that is away before the job is put back (and resent). */
const RECORD_STORE_WAIT_MS = 30_000;

/** A failed attempt, carrying its number so the backoff strategy waits what the recorded `nextAttemptAt` says. */
export class AttemptFailed extends Error {
  constructor(
    readonly attempt: number,
    reason: string,
  ) {
    super(reason);
    this.name = 'AttemptFailed';
  }
}

/**
 * One message to one addressee over one channel. Before sending it re-reads the notification from the store and
 * skips what is already delivered, abandoned, acknowledged or cancelled; after, it records the outcome through the
 * command pipeline. The attempt number comes from the store, not from Redis, so it survives a lost queue.
 */
export class DeliveryProcessor {
  private readonly inFlight = new KeyedSerializer();

  constructor(
    private readonly commands: CommandBus,
    private readonly queries: QueryBus,
    private readonly reference: ReferenceCatalog,
    private readonly config: DeliveryConfig,
    private readonly channels: DeliveryChannels,
    private readonly clock: Clock,
    private readonly metrics?: Metrics,
  ) {}

  process(job: Job<DeliveryJob>, token?: string): Promise<string> {
    return postponable(
      job,
      token,
      () => this.inFlight.run(deliveryJobId(job.data), () => this.deliver(job.data, job.attemptsMade)),
      this.clock,
    );
  }

  private async deliver(target: DeliveryJob, failedInThisJob: number): Promise<string> {
    const { state } = await this.queries.execute(new GetNotification(target.notificationId, worldOfJob(target)));
    if (state.status === 'none') throw new UnrecoverableError(`notification ${target.notificationId} not in the store`);
    const skip = skipReason(state, target);
    if (skip !== undefined) return `skipped: ${skip}`;
    const earlier = earlierTierUnsent(state, target, this.config);
    if (earlier) {
      throw new Postpone(TIER_ORDER_WAIT_MS, `waiting for tier ${earlier.tier} (${earlier.agency} ${earlier.channel})`);
    }
    // The store's count wins: a job re-created after Redis was emptied goes on from the recorded attempts.
    const attempt = Math.max(attemptsRecorded(state, target), failedInThisJob) + 1;
    try {
      await this.send(state, target);
    } catch (error) {
      const reason =
        error instanceof DeliveryFailure
          ? error.reason
          : `unexpected: ${error instanceof Error ? error.message : String(error)}`;
      const last = attempt >= this.config.retry.attempts;
      const nextAttemptAt = last
        ? null
        : new Date(this.clock.nowMs() + retryDelayMs(attempt, this.config.retry.backoffBaseMs)).toISOString();
      await this.record(target, attempt, last ? 'abandoned' : 'failed', reason, nextAttemptAt);
      if (last) throw new UnrecoverableError(`gave up after ${attempt} attempts: ${reason}`);
      throw new AttemptFailed(attempt, reason);
    }
    await this.record(target, attempt, 'delivered');
    return `delivered on attempt ${attempt}`;
  }

  private async send(state: ExistingNotification, target: DeliveryJob): Promise<void> {
    // In a drill, only endpoints marked for exercises: checked again here, whatever scheduled the job.
    const channels = channelsOf(this.config, target.agency, target.side, worldOfJob(target));
    const tier = chainOf(this.config, state.blmId).tiers.find((t) => t.tier === target.tier);
    const message: DeliveryMessage = buildMessage(state, target, this.reference.blm(state.blmId), tier);
    switch (target.channel) {
      case 'webhook':
        if (!channels?.webhook) throw new DeliveryFailure('no webhook configured for this agency');
        return this.channels.webhook(channels.webhook, message);
      case 'email':
        if (!channels?.email) throw new DeliveryFailure('no e-mail address configured for this agency');
        return this.channels.email(channels.email.address, message);
    }
  }

  private async record(
    target: DeliveryJob,
    attempt: number,
    outcome: 'delivered' | 'failed' | 'abandoned',
    reason?: string,
    nextAttemptAt?: string | null,
  ): Promise<void> {
    const { notificationId, agency, side, channel, tier } = target;
    const record = new ActOnNotification(
      notificationId,
      {
        type: 'RecordDeliveryOutcome',
        data: {
          agency,
          side,
          channel,
          attempt,
          outcome,
          ...(tier === undefined ? {} : { tier }),
          ...(reason === undefined ? {} : { reason }),
          ...(nextAttemptAt === undefined ? {} : { nextAttemptAt }),
        },
      },
      {
        actor: SYSTEM_ACTOR,
        world: worldOfJob(target),
        correlationId: target.correlationId ?? `worker.${deliveryJobId(target)}`,
        // Derived from the job and the attempt: a job re-run after a crash appends nothing new for that attempt.
        idempotencyKey: `${deliveryJobId(target)}.${attempt}.${outcome}`,
      },
    );
    // Every message of a notification records into the one stream, often at the same moment. The message is sent
    // already: losing the race must not lose the record (a retried job would send it again).
    // Nor must a store that is away for a few seconds: the record waits for it a while (then the job is put back and
    // the message goes again, with the same delivery id).
    const storeWaitEnds = performance.now() + RECORD_STORE_WAIT_MS;
    for (let round = 1; ; round += 1) {
      try {
        const { outcome: recorded } = await this.commands.execute(record);
        // Counted once per attempt: a job run again after a crash finds the record there (replayed).
        if (!recorded.replayed) {
          this.metrics?.deliveries.inc({ channel, outcome: outcome === 'abandoned' ? 'gave_up' : outcome });
        }
        return;
      } catch (error) {
        if (error instanceof StoreUnavailableError && performance.now() < storeWaitEnds) {
          await new Promise((resolve) => setTimeout(resolve, 1_000));
          continue;
        }
        if (!(error instanceof RevisionConflictError) || round >= RECORD_ROUNDS) throw error;
        await new Promise((resolve) => setTimeout(resolve, 5 + Math.random() * 20 * round));
      }
    }
  }
}
