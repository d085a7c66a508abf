import { Logger } from '@nestjs/common';
import type { CommandBus } from '@nestjs/cqrs';
import { ActOnIncident, type CommandPipeline, IssueNotification, ReportIncident } from '@enlace/application';
import {
  CheckpointedConsumer,
  type ConsumerTimings,
  type DecodedEvent,
  DEFAULT_CONSUMER_TIMINGS,
  type EventFeed,
} from '@enlace/consumers';
import {
  type BilingualText,
  type DrillEvent,
  type DrillState,
  drillWorld,
  DomainError,
  evolveDrill,
  initialDrillState,
  type PlannedDrill,
  type Side,
  worldStreamPrefix,
} from '@enlace/domain';
import { scenarioAgency } from '@enlace/scenarios';
import { type BlmResult, evaluateNotificationDrill, type NotificationFact } from '@enlace/after-action';
import { type CheckpointStore, type DocumentWrite, occurredAt } from '@enlace/event-store';
import {
  type ActionsSeen,
  actionsShownBy,
  contingenciesOf,
  injectSchedule,
  injectStepKey,
  injectSteps,
  type ObservedFact,
  reportingStep,
  simulatedAgency,
} from './inject-plan.js';
import type { InjectScheduler } from './inject-scheduler.js';

const RETRY_MS = 2_000;
/** Stands for the drill's end in a notification drill's evaluation (only whether it ended matters there). */
const ENDED_MARK: DrillEvent = {
  type: 'DrillEnded',
  data: { drillId: '', at: '', drillTime: '', by: { username: '', side: null, agency: '' } },
};
/** How long a notification drill's recipients have to acknowledge, in drill time (BLM practice: 30 minutes). */
export const NOTIFICATION_DRILL_WINDOW_MS = 30 * 60_000;

/** What the checkpoint keeps: the drill as its stream tells it, the expected actions seen, a notification drill's facts. */
interface RunnerCheckpoint {
  drill: DrillState;
  seen: ActionsSeen;
  notificationFacts?: NotificationFact[];
}

/** One document per notification drill and BLM: the year's count and trend per BLM read them (`notificationDrillResults`). */
export const NOTIFICATION_DRILL_RESULTS = 'notification-drill-results';

/** A line of the year's notification drills of a BLM: how its members answered one drill. */
export interface NotificationDrillResultLine {
  drillId: string;
  blmId: string;
  title: BilingualText;
  issuedAt: string;
  ended: boolean;
  summary: BlmResult['summary'];
}

const sideOf = (agency: string): Side | null => {
  const side = scenarioAgency(agency)?.side;
  return side === 'US' || side === 'MX' ? side : null;
};

/** The side an event concerns, for an expected action's evidence: its own `side` field, else its actor's country. */
function observed(event: DecodedEvent): ObservedFact {
  const data = event.data as { side?: unknown; itemId?: unknown };
  const side = data.side === 'US' || data.side === 'MX' ? data.side : (event.metadata.country ?? null);
  return {
    type: event.type,
    side: side === 'US' || side === 'MX' ? side : null,
    ...(typeof data.itemId === 'string' ? { itemId: data.itemId } : {}),
  };
}

/**
 * Runs one drill's scenario: a checkpointed consumer of that drill's world alone (`drill-runner@drill <id>`), owned by
 * one worker process at a time. It keeps a delayed BullMQ job per pending inject at the real instant the inject's
 * drill time comes (moved at every change of the drill's clock, taken off while it is paused or halted), plays each
 * released inject's commands as its simulated agency (idempotency keys derived from the drill and the inject, so a
 * replay after a crash appends nothing twice), and watches for the players' expected actions, which make a
 * contingency inject unnecessary.
 */
export class DrillRunner {
  private readonly logger: Logger;
  private readonly consumer: CheckpointedConsumer;
  private drill: DrillState = initialDrillState();
  private seen: ActionsSeen = {};
  /** A notification drill's notification events (a handful): its results are computed again from them at each one. */
  private notificationFacts: NotificationFact[] = [];
  private writes = new Map<string, DocumentWrite>();
  /** Caught up as the owner: changes of the drill schedule its jobs at once. */
  private scheduling = false;
  private chain: Promise<void> = Promise.resolve();
  /** A scheduling step failed (Redis away): everything is scheduled again at the next tick. */
  private retryTimer: NodeJS.Timeout | undefined;

  constructor(
    readonly drillId: string,
    feed: EventFeed,
    checkpoints: CheckpointStore,
    private readonly commands: CommandBus,
    private readonly pipeline: CommandPipeline,
    private readonly scheduler: InjectScheduler,
    timings: Partial<ConsumerTimings> = {},
  ) {
    this.logger = new Logger(`DrillRunner ${drillId}`);
    this.consumer = new CheckpointedConsumer(
      feed,
      checkpoints,
      {
        name: 'drill-runner',
        world: drillWorld(drillId),
        prefixes: [worldStreamPrefix(drillWorld(drillId))],
        ownership: 'owner-only',
        handle: (event) => this.handle(event),
        checkpointState: (): RunnerCheckpoint => ({
          drill: this.drill,
          seen: this.seen,
          notificationFacts: this.notificationFacts,
        }),
        restore: (state) => {
          const saved = state as RunnerCheckpoint | undefined;
          this.drill = saved?.drill ?? initialDrillState();
          this.seen = saved?.seen ?? {};
          this.notificationFacts = saved?.notificationFacts ?? [];
        },
        pendingWrites: () => {
          const writes = [...this.writes.values()];
          this.writes = new Map();
          return writes;
        },
        onOwnership: (owned) => this.onOwnership(owned),
      },
      { ...DEFAULT_CONSUMER_TIMINGS, saveEveryEvents: 1, saveEveryMs: 500, ...timings },
    );
  }

  get isOwner(): boolean {
    return this.consumer.isOwner;
  }

  /** The drill as this runner last folded it (`none` before its first event). */
  get state(): DrillState {
    return this.drill;
  }

  start(): void {
    void this.consumer.start();
  }

  async stop(): Promise<void> {
    this.scheduling = false;
    clearTimeout(this.retryTimer);
    await this.consumer.stop();
    await this.chain;
  }

  private async onOwnership(owned: boolean): Promise<void> {
    this.scheduling = owned;
    if (owned) await this.enqueue(() => this.reschedule('owner'));
  }

  private async handle(event: DecodedEvent): Promise<void> {
    if (event.aggregate === 'drill') {
      const before = this.drill.status;
      this.drill = evolveDrill(this.drill, event);
      if (event.type === 'DrillInjectReleased') await this.play(event.data.injectId, event.data.drillTime);
      if (event.type === 'DrillClockStarted' && before === 'planned') await this.notify(event.data.drillTime);
      if (event.type === 'DrillEnded') this.tally();
      if (this.scheduling) await this.enqueue(() => this.reschedule(event.type));
      return;
    }
    const drill = this.planned();
    if (!drill) return;
    if (drill.plan.kind === 'notification' && event.aggregate === 'notification') {
      // The decoded event as it is (a notification drill has a few dozen): its type and data stay one discriminated union.
      this.notificationFacts.push({ ...event, occurredAt: occurredAt(event.metadata) });
      this.tally();
      return;
    }
    const shown = actionsShownBy(drill, this.seen, observed(event));
    if (shown.length === 0) return;
    const at = typeof event.metadata.drillTime === 'string' ? event.metadata.drillTime : event.metadata.recordedAt;
    this.seen = { ...this.seen, ...Object.fromEntries(shown.map((id) => [id, at ?? ''])) };
    // The players did what the inject expected: its contingencies are not needed.
    if (this.scheduling) {
      await this.enqueue(async () => {
        for (const injectId of shown) {
          for (const job of contingenciesOf(drill, injectId)) await this.scheduler.drop(job);
        }
      });
    }
  }

  private planned(): PlannedDrill | undefined {
    return this.drill.status === 'none' ? undefined : this.drill;
  }

  /** The released inject's commands, each as its simulated agency, in order; a refused one is reported, not retried. */
  private async play(injectId: string, releasedDrillTime: string): Promise<void> {
    const drill = this.planned();
    const inject =
      drill?.plan.kind === 'scenario' ? drill.plan.scenario.injects.find((i) => i.id === injectId) : undefined;
    if (!drill || !inject) return;
    const actor = simulatedAgency(inject.from ?? 'EXCON', sideOf(inject.from ?? 'EXCON'));
    const world = drillWorld(this.drillId);
    const steps = injectSteps(inject, releasedDrillTime);
    for (const [n, step] of steps.entries()) {
      const request = {
        actor,
        world,
        correlationId: `drill.${this.drillId}.inject.${injectId}`,
        idempotencyKey: injectStepKey(this.drillId, injectId, n),
      };
      try {
        if (step.kind === 'report') {
          await this.commands.execute(new ReportIncident(step.data, request));
        } else {
          await this.commands.execute(new ActOnIncident(this.incidentId(drill, step.incident), step.command, request));
        }
      } catch (error) {
        // The players' own actions may have made a step pointless (the incident is closed): the drill goes on.
        if (!(error instanceof DomainError)) throw error;
        this.logger.warn(`Inject ${injectId} step ${n + 1} (${step.kind}) refused: ${error.message}`);
      }
    }
  }

  /**
   * A notification drill's one action: the EXERCISE notification to every member agency of each of its BLMs, issued
   * when its clock starts, on behalf of the planner's agency; acknowledgments are then due within the window below
   * (drill time) and escalate as in reality, to drill recipients only.
   */
  private async notify(startDrillTime: string): Promise<void> {
    const drill = this.planned();
    if (drill?.plan.kind !== 'notification') return;
    const { plan, plannedBy } = drill;
    const actor = simulatedAgency(plannedBy.agency, plannedBy.side ?? 'US');
    const deadline = new Date(Date.parse(startDrillTime) + NOTIFICATION_DRILL_WINDOW_MS).toISOString();
    for (const blmId of plan.blmIds) {
      try {
        await this.commands.execute(
          new IssueNotification(
            {
              blmId,
              subject: {},
              title: plan.title,
              body: {
                en: 'Notification drill: acknowledge this message as soon as you receive it. No action is needed on the ground.',
                es: 'Simulacro de notificación: acuse de recibido este mensaje en cuanto lo reciba. No se requiere ninguna acción en campo.',
              },
              severity: 'moderate',
              acknowledgmentDeadline: deadline,
            },
            {
              actor,
              world: drillWorld(this.drillId),
              correlationId: `drill.${this.drillId}.notify`,
              idempotencyKey: `drill.${this.drillId}.notify.${blmId}`,
            },
          ),
        );
      } catch (error) {
        if (!(error instanceof DomainError)) throw error;
        this.logger.warn(`The notification drill's message to ${blmId} was refused: ${error.message}`);
      }
    }
  }

  /** A notification drill's results so far, one document per BLM, committed with the checkpoint. */
  private tally(): void {
    const drill = this.planned();
    if (drill?.plan.kind !== 'notification') return;
    const evaluation = evaluateNotificationDrill({
      drillId: this.drillId,
      title: drill.plan.title,
      timeZone: drill.plan.timeZone,
      drillEvents: drill.status === 'ended' ? [ENDED_MARK] : [],
      notificationEvents: this.notificationFacts,
      blmNames: {},
    });
    for (const result of evaluation.results) {
      const line: NotificationDrillResultLine = {
        drillId: this.drillId,
        blmId: result.blmId,
        title: drill.plan.title,
        issuedAt: result.issuedAt,
        ended: evaluation.ended,
        summary: result.summary,
      };
      const key = `${this.drillId}|${result.blmId}`;
      this.writes.set(key, {
        collection: NOTIFICATION_DRILL_RESULTS,
        key,
        group: result.blmId,
        // The year it was held (of its drill time), the lines of a BLM's year in the order they were held.
        status: result.issuedAt.slice(0, 4),
        sort: `${result.issuedAt}|${this.drillId}`,
        doc: line,
      });
    }
  }

  /** The drill's id of the scenario's incident: the one its reporting inject created (derived, never looked up). */
  private incidentId(drill: PlannedDrill, incident: string): string {
    const reporting = reportingStep(drill, incident);
    if (!reporting) throw new Error(`No inject reports the scenario's incident ${incident}`);
    const from = reporting.inject.from ?? 'EXCON';
    return this.pipeline.newAggregateId(
      simulatedAgency(from, sideOf(from)),
      injectStepKey(this.drillId, reporting.inject.id, reporting.n),
      'incident',
    );
  }

  private enqueue(step: () => Promise<void>): Promise<void> {
    const next = this.chain.then(step).catch((error: unknown) => {
      if (this.retryTimer === undefined) {
        this.logger.warn(`Scheduling the drill's injects failed, trying again in ${RETRY_MS} ms: ${String(error)}`);
      }
      clearTimeout(this.retryTimer);
      this.retryTimer = setTimeout(() => {
        this.retryTimer = undefined;
        if (this.scheduling) void this.enqueue(() => this.reschedule('retry'));
      }, RETRY_MS);
    });
    this.chain = next;
    return next;
  }

  private async reschedule(why: string): Promise<void> {
    const drill = this.planned();
    if (!drill) return;
    const { due, frozen } = injectSchedule(drill, this.seen);
    for (const job of frozen) await this.scheduler.drop(job);
    for (const { job, realDueMs } of due) await this.scheduler.schedule(job, realDueMs);
    this.logger.debug(`Injects scheduled (${why}): ${due.length} pending, ${frozen.length} held`);
  }
}
