import { Logger } from '@nestjs/common';
import type { CheckpointStore } from '@enlace/event-store';

/** The directory of drills' documents (written by `DrillDirectory`, @enlace/projections). */
const DRILLS_COLLECTION = 'drills';
/** Every status of a drill still in play (not ended). */
const IN_PLAY = ['planned', 'running', 'paused', 'halted'];
const PAGE = 200;

export interface DrillHosting {
  /** Starts what a drill in play needs in this process (its runner, its deliveries); idempotent. */
  open(drillId: string): void;
  /** Stops it (the drill ended, or this process is stopping). */
  close(drillId: string): Promise<void>;
}

/**
 * Finds the drills in play from the directory of drills (one indexed read every `pollMs`) and keeps one set of
 * per-drill work open for each, in every worker process: each drill's runner and delivery reconciler then hold a lease
 * of their own, so one process schedules a drill at a time and another takes over if it dies. What a worker keeps
 * grows with the drills in play, not with every drill ever run.
 */
export class DrillSupervisor {
  private readonly logger = new Logger('DrillSupervisor');
  private readonly open = new Set<string>();
  private timer: NodeJS.Timeout | undefined;
  private polling: Promise<void> = Promise.resolve();
  private stopped = false;
  private failing = false;

  constructor(
    private readonly checkpoints: CheckpointStore,
    private readonly hosting: DrillHosting,
    private readonly pollMs = 250,
  ) {}

  /** The drills this process has open. */
  get drills(): ReadonlySet<string> {
    return this.open;
  }

  start(): void {
    const tick = (): void => {
      this.polling = this.poll().finally(() => {
        if (!this.stopped) this.timer = setTimeout(tick, this.pollMs);
      });
    };
    tick();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.timer);
    await this.polling;
    await Promise.all([...this.open].map((drillId) => this.hosting.close(drillId)));
    this.open.clear();
  }

  private async poll(): Promise<void> {
    let inPlay: Set<string>;
    try {
      inPlay = await this.drillsInPlay();
      if (this.failing) this.logger.log('The directory of drills answers again');
      this.failing = false;
    } catch (error) {
      if (!this.failing) this.logger.warn(`The directory of drills did not answer (${String(error)}); trying again`);
      this.failing = true;
      return;
    }
    if (this.stopped) return;
    for (const drillId of inPlay) {
      if (this.open.has(drillId)) continue;
      this.open.add(drillId);
      this.hosting.open(drillId);
      this.logger.log(`Drill ${drillId} is in play: running its injects and deliveries`);
    }
    for (const drillId of [...this.open]) {
      if (inPlay.has(drillId)) continue;
      this.open.delete(drillId);
      await this.hosting.close(drillId);
      this.logger.log(`Drill ${drillId} ended: its injects and deliveries stop here`);
    }
  }

  private async drillsInPlay(): Promise<Set<string>> {
    const ids = new Set<string>();
    for (const status of IN_PLAY) {
      let after: string | undefined;
      for (;;) {
        const page = await this.checkpoints.documents(DRILLS_COLLECTION, { status, limit: PAGE, after, order: 'asc' });
        for (const document of page) ids.add(document.key);
        if (page.length < PAGE) break;
        after = page[page.length - 1]!.sort;
      }
    }
    return ids;
  }
}
