/**
 * Which streams a wake-up is about: the ids appended, or `undefined` when unknown (a listener that reconnected, a
 * message from a process that does not say, too many streams to list). Unknown wakes everyone.
 */
export type WakeupStreams = readonly string[] | undefined;

/** Whether a waiter cares about an append to `streamId`; a waiter without one cares about every wake-up. */
export type StreamInterest = (streamId: string) => boolean;

/** Wake-ups remembered, so a waiter that comes late can tell whether one it missed concerned it. */
const REMEMBERED = 256;

interface Waiter {
  interest: StreamInterest | undefined;
  resolve: () => void;
}

function concerns(streams: WakeupStreams, interest: StreamInterest | undefined): boolean {
  return interest === undefined || streams === undefined || streams.some(interest);
}

/**
 * Wakes waiting subscription loops when new events may exist. A generation counter closes the race between
 * "read found nothing" and "start waiting": a wake-up that arrived in between ends the wait at once — if it concerns
 * the waiter. A subscription filtered to some streams is not woken by appends to others, so each append costs a read
 * only in the subscriptions that will find something (they still poll, which bounds any wake-up missed or mistaken).
 */
export class Wakeup {
  private generation = 0;
  private readonly waiters = new Set<Waiter>();
  /** The streams of the last REMEMBERED wake-ups, oldest first; the last is generation `this.generation`. */
  private readonly recent: WakeupStreams[] = [];

  get current(): number {
    return this.generation;
  }

  notify(streams?: WakeupStreams): void {
    this.generation += 1;
    this.recent.push(streams);
    if (this.recent.length > REMEMBERED) this.recent.shift();
    for (const waiter of this.waiters) {
      if (concerns(streams, waiter.interest)) waiter.resolve();
    }
  }

  /**
   * Resolves on the next wake-up after `seenGeneration` that concerns `interest` (any, without one), after
   * `timeoutMs`, or when `signal` aborts.
   */
  wait(seenGeneration: number, timeoutMs: number, signal: AbortSignal, interest?: StreamInterest): Promise<void> {
    if (signal.aborted || this.missedOneFor(seenGeneration, interest)) return Promise.resolve();
    return new Promise((resolve) => {
      const waiter: Waiter = {
        interest,
        resolve: () => {
          clearTimeout(timer);
          signal.removeEventListener('abort', waiter.resolve);
          this.waiters.delete(waiter);
          resolve();
        },
      };
      const timer = setTimeout(waiter.resolve, timeoutMs);
      signal.addEventListener('abort', waiter.resolve);
      this.waiters.add(waiter);
    });
  }

  /** Whether a wake-up after `seenGeneration` concerns `interest` (yes when it is too old to be remembered). */
  private missedOneFor(seenGeneration: number, interest: StreamInterest | undefined): boolean {
    const missed = this.generation - seenGeneration;
    if (missed <= 0) return false;
    if (missed > this.recent.length) return true;
    return this.recent.slice(this.recent.length - missed).some((streams) => concerns(streams, interest));
  }
}

/** The longest list of stream ids a cross-process message carries; beyond it says "unknown" (everyone reads). */
const MAX_LISTED_BYTES = 4_000;

/**
 * A cross-process "new events" message: this process's id, then the ids of the streams appended since the last
 * message, one per line, or `*` when they were too many to list. A message with the id alone (an older process)
 * reads as unknown streams.
 */
export function wakeupMessage(instanceId: string, streams: WakeupStreams): string {
  return streams === undefined ? `${instanceId}\n*` : [instanceId, ...streams].join('\n');
}

export function parseWakeupMessage(payload: string): { instanceId: string; streams: WakeupStreams } {
  const [instanceId = '', ...rest] = payload.split('\n');
  if (rest.length === 0 || rest.includes('*')) return { instanceId, streams: undefined };
  return { instanceId, streams: rest };
}

/**
 * Tells other processes "new events" after appends, at most once per `minIntervalMs`: appends that finish inside
 * the window share one message sent at its end, listing their streams. Other processes learn of an append within
 * about that interval (subscribers in this process are woken directly); a lost message only costs latency, since
 * subscribers also poll.
 */
export class CoalescingNotifier {
  private timer: NodeJS.Timeout | undefined;
  private sending: Promise<void> | undefined;
  private lastSentAt = Number.NEGATIVE_INFINITY;
  private closed = false;
  /** Streams appended since the last message; undefined once too many to list. */
  private streams: Set<string> | undefined = new Set();
  private listedBytes = 0;

  constructor(
    private readonly send: (streams: WakeupStreams) => Promise<void>,
    private readonly minIntervalMs = 5,
  ) {}

  poke(streamId?: string): void {
    this.note(streamId);
    if (this.timer || this.closed) return;
    const wait = Math.max(0, this.lastSentAt + this.minIntervalMs - performance.now());
    this.timer = setTimeout(() => {
      this.timer = undefined;
      this.lastSentAt = performance.now();
      this.sending = this.send(this.take())
        .catch(() => undefined)
        .finally(() => (this.sending = undefined));
    }, wait);
  }

  /** Sends what is pending now and stops. */
  async close(): Promise<void> {
    this.closed = true;
    if (this.timer) {
      clearTimeout(this.timer);
      this.timer = undefined;
      await this.send(this.take()).catch(() => undefined);
    }
    await this.sending;
  }

  private note(streamId: string | undefined): void {
    if (!this.streams) return;
    if (streamId === undefined) {
      this.streams = undefined;
      return;
    }
    if (this.streams.has(streamId)) return;
    this.listedBytes += Buffer.byteLength(streamId) + 1;
    if (this.listedBytes > MAX_LISTED_BYTES) this.streams = undefined;
    else this.streams.add(streamId);
  }

  private take(): WakeupStreams {
    const streams = this.streams ? [...this.streams] : undefined;
    this.streams = new Set();
    this.listedBytes = 0;
    return streams;
  }
}
