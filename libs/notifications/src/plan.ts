import {
  deliveryKey,
  type ExistingNotification,
  jobWorld,
  type NotificationState,
  pendingRecipients,
  type Recipient,
  type World,
  worldOfJob,
} from '@enlace/domain';
import { chainOf, channelsOf, type DeliveryConfig } from './delivery-config.js';
import { type DeadlineJob, type DeliveryJob, type DeliveryTarget, SENT_CHANNELS } from './jobs.js';

/**
 * What the worker should have scheduled for one notification, as a pure function of its folded state and the
 * config. The reconciler, the live follower and the processors all ask these, so they cannot disagree.
 */

export type SkipReason = 'cancelled' | 'delivered' | 'abandoned' | 'acknowledged' | 'nobody-pending';

const same = (a: Recipient, b: Recipient): boolean => a.agency === b.agency && a.side === b.side;

/** Why a message no longer needs sending, or `undefined` when it still does. */
export function skipReason(state: ExistingNotification, target: DeliveryTarget): SkipReason | undefined {
  if (state.status === 'cancelled') return 'cancelled';
  const previous = state.deliveries[deliveryKey(target.agency, target.side, target.channel, target.tier)];
  if (previous?.status === 'delivered') return 'delivered';
  if (previous?.status === 'abandoned') return 'abandoned';
  const pending = pendingRecipients(state);
  if (target.tier === undefined) {
    // An agency that acknowledged has the notification: more copies would only add noise.
    return pending.some((recipient) => same(recipient, target)) ? undefined : 'acknowledged';
  }
  // An escalation asks someone to chase the pending recipients; once none is left there is nothing to chase.
  return pending.length > 0 ? undefined : 'nobody-pending';
}

/** Attempts recorded so far for this message (0 when none). */
export function attemptsRecorded(state: ExistingNotification, target: DeliveryTarget): number {
  return state.deliveries[deliveryKey(target.agency, target.side, target.channel, target.tier)]?.attempts ?? 0;
}

/**
 * Every message the notification calls for: members, then each escalation's addressees, over their channels in the
 * notification's world (a drill's: only endpoints marked for exercises).
 */
export function deliveryTargets(state: ExistingNotification, config: DeliveryConfig, world: World): DeliveryTarget[] {
  const { notificationId } = state;
  const addressed = [
    ...state.recipients.map((recipient) => ({ ...recipient, tier: undefined })),
    ...state.escalations.flatMap((escalation) =>
      escalation.escalatedTo.map(({ agency, side }) => ({ agency, side, tier: escalation.tier })),
    ),
  ];
  return addressed.flatMap(({ agency, side, tier }) => {
    const channels = channelsOf(config, agency, side, world);
    return SENT_CHANNELS.filter((channel) => channels?.[channel] !== undefined).map((channel) => ({
      ...jobWorld(world),
      notificationId,
      agency,
      side,
      channel,
      ...(tier === undefined ? {} : { tier }),
    }));
  });
}

/**
 * An escalation goes out only after every message of the tiers before it was attempted at least once, so tier 1's
 * addressees hear first even when both tiers fell due together. Returns one such earlier message still unattempted,
 * or `undefined` when `target` may go now. A failed attempt counts: a receiver that is down does not hold up the next
 * tier for the whole retry schedule.
 */
export function earlierTierUnsent(
  state: ExistingNotification,
  target: DeliveryTarget,
  config: DeliveryConfig,
): DeliveryTarget | undefined {
  const tier = target.tier;
  if (tier === undefined) return undefined;
  return deliveryTargets(state, config, worldOfJob(target)).find(
    (other) =>
      other.tier !== undefined &&
      other.tier < tier &&
      skipReason(state, other) === undefined &&
      attemptsRecorded(state, other) === 0,
  );
}

export function deliveriesNeeded(state: NotificationState, config: DeliveryConfig, world: World): DeliveryJob[] {
  if (state.status === 'none') return [];
  return deliveryTargets(state, config, world)
    .filter((target) => skipReason(state, target) === undefined)
    .map((target) => ({ ...target, attemptsBefore: attemptsRecorded(state, target) }));
}

/** When tier N falls due: the deadline, plus one escalation interval (by severity) per tier after the first. */
export function escalationDueAt(state: ExistingNotification, tier: number, config: DeliveryConfig): number {
  return (
    Date.parse(state.acknowledgmentDeadline) + (tier - 1) * config.escalationIntervalSeconds[state.severity] * 1000
  );
}

/** The tiers still to escalate: none once cancelled or acknowledged by every recipient. */
export function deadlinesNeeded(state: NotificationState, config: DeliveryConfig, world: World): DeadlineJob[] {
  if (state.status !== 'active' || pendingRecipients(state).length === 0) return [];
  return chainOf(config, state.blmId)
    .tiers.filter(({ tier }) => !state.escalations.some((escalation) => escalation.tier >= tier))
    .map(({ tier }) => ({
      ...jobWorld(world),
      notificationId: state.notificationId,
      tier,
      deadline: state.acknowledgmentDeadline,
    }));
}

/** Exponential backoff: the wait after the n-th failed attempt (n ≥ 1) is base × 2^(n−1). */
export function retryDelayMs(failedAttempts: number, baseMs: number): number {
  return baseMs * 2 ** Math.max(0, failedAttempts - 1);
}
