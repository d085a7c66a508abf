import type { DeliveryChannel, Side } from '@enlace/domain';
import type { InjectJob } from './drills/inject-plan.js';

/** The channels the worker sends over; the console feed needs no job (an event in the store is on every console). */
export type SentChannel = Exclude<DeliveryChannel, 'console'>;
export const SENT_CHANNELS: readonly SentChannel[] = ['webhook', 'email'];

/** One message to one addressee over one channel: the notification itself (no tier) or escalation tier N. */
export interface DeliveryTarget {
  notificationId: string;
  agency: string;
  side: Side;
  channel: SentChannel;
  tier?: number;
  /** The drill the notification belongs to (absent: the live world). Its stream, channels and texts follow from it. */
  drillId?: string;
}

export interface DeliveryJob extends DeliveryTarget {
  /**
   * Attempts already recorded in the store before this job was (re)scheduled: after Redis lost a retrying job, the
   * reconciler schedules it again and attempt numbers go on from the record instead of starting over.
   */
  attemptsBefore: number;
  /** The correlation id of the command that called for this message: its records and log lines carry it. */
  correlationId?: string;
}

export interface DeadlineJob {
  notificationId: string;
  tier: number;
  /** The acknowledgment deadline this job was scheduled for; a job for an older deadline does nothing. */
  deadline: string;
  /** The drill the notification belongs to (absent: the live world). */
  drillId?: string;
  /** The correlation id of the command that set this deadline: the escalation it causes carries it on. */
  correlationId?: string;
}

/** Every queue, its job names and their payloads: one map, so producers and processors cannot disagree. */
export interface JobMap {
  deliveries: { deliver: DeliveryJob };
  deadlines: { escalate: DeadlineJob };
  /** A drill's inject falls due (see drills/inject-plan.ts). */
  injects: { release: InjectJob };
}

export type QueueName = keyof JobMap;
export const QUEUE_NAMES: readonly QueueName[] = ['deliveries', 'deadlines', 'injects'];
export type JobName<Q extends QueueName> = keyof JobMap[Q] & string;
export type JobData<Q extends QueueName> = JobMap[Q][JobName<Q>];

/** The correlation id a job's records and log lines carry: its command's, or one naming the job (older jobs). */
export function jobCorrelationId(job: { data: unknown; id?: string | undefined }): string {
  const { correlationId } = (job.data ?? {}) as { correlationId?: unknown };
  return typeof correlationId === 'string' ? correlationId : `worker.${job.id ?? 'job'}`;
}

/**
 * Job ids derive from the facts that caused the jobs, so scheduling twice (two reconcilers, a replayed event) adds
 * nothing. BullMQ refuses `:` in custom ids; `.` separates parts (agency codes and UUIDs hold none).
 */
export function deliveryJobId(target: DeliveryTarget): string {
  return [
    'deliver',
    ...drillPart(target),
    target.notificationId,
    target.tier === undefined ? 'n' : `t${target.tier}`,
    target.side,
    target.agency,
    target.channel,
  ].join('.');
}

/** The deadline is part of the id: a changed deadline schedules a new job and the old one is dropped. */
export function deadlineJobId(job: DeadlineJob): string {
  return ['deadline', ...drillPart(job), job.notificationId, `t${job.tier}`, String(Date.parse(job.deadline))].join(
    '.',
  );
}

/** A drill's jobs name their drill (live ids are as they always were): the same notification id in two worlds is two jobs. */
function drillPart(job: { drillId?: string }): string[] {
  return job.drillId === undefined ? [] : [`x${job.drillId}`];
}
