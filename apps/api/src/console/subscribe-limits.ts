import type { SubscribeAck } from '@enlace/console-protocol';

/**
 * How much one connection may ask of the feed. A console subscribes once per connection (again after each
 * reconnection, which is a new connection); these leave room for a console that changes its rooms a few times, and
 * stop one that loops. A replay (a subscribe with `after` behind this process) reads the store and sends up to 2,000
 * events or a snapshot, so it has a budget of its own.
 */
export const SUBSCRIBE_LIMITS = {
  subscribes: { burst: 10, refillEveryMs: 1_000 },
  replays: { burst: 3, refillEveryMs: 10_000 },
} as const;

/** Replays running at once in one process, whatever the connections: the rest of the pool serves commands. */
export const MAX_CONCURRENT_REPLAYS = 4;

/**
 * Replays waiting their turn in one process: enough for every console of a busy site reconnecting at once after a
 * restart. Beyond it a replay is refused at once with when to retry, rather than queued: connections without number
 * (each within its own budget) cannot pile up work and memory without bound.
 */
export const MAX_WAITING_REPLAYS = 1_000;

/** How long a console refused for a full replay queue waits before it asks again. */
export const REPLAY_QUEUE_RETRY_MS = 2_000;

/** The refusal of a replay that finds the process's queue full. */
export function replaysBusy(): SubscribeAck {
  const seconds = REPLAY_QUEUE_RETRY_MS / 1_000;
  return {
    ok: false,
    error: {
      code: 'CONSOLE.BUSY',
      message: {
        en: `The server is replaying history to many consoles (${MAX_WAITING_REPLAYS} waiting): retry in ${seconds} s`,
        es: `El servidor está reenviando el historial a muchas consolas (${MAX_WAITING_REPLAYS} en espera): reintente en ${seconds} s`,
      },
      details: { retryAfterMs: REPLAY_QUEUE_RETRY_MS },
    },
  };
}

/** `burst` tokens, one more every `refillEveryMs`. Pure: the caller says what time it is (ms, monotonic). */
export class TokenBucket {
  private tokens: number;
  private updatedAt: number;

  constructor(
    private readonly burst: number,
    private readonly refillEveryMs: number,
    now: number,
  ) {
    this.tokens = burst;
    this.updatedAt = now;
  }

  /** 0 when a token is there to take; otherwise how long until there is one. */
  waitMs(now: number): number {
    this.refill(now);
    return this.tokens >= 1 ? 0 : Math.ceil((1 - this.tokens) * this.refillEveryMs);
  }

  take(now: number): void {
    this.refill(now);
    this.tokens -= 1;
  }

  private refill(now: number): void {
    this.tokens = Math.min(this.burst, this.tokens + (now - this.updatedAt) / this.refillEveryMs);
    this.updatedAt = now;
  }
}

function rateLimited(kind: 'subscribes' | 'replays', retryAfterMs: number): SubscribeAck {
  const { burst, refillEveryMs } = SUBSCRIBE_LIMITS[kind];
  const seconds = Math.max(1, Math.ceil(retryAfterMs / 1_000));
  const every = refillEveryMs / 1_000;
  const message =
    kind === 'subscribes'
      ? {
          en: `Too many subscribes on this connection (${burst} at once, then one every ${every} s): retry in ${seconds} s`,
          es: `Demasiadas suscripciones en esta conexión (${burst} seguidas, luego una cada ${every} s): reintente en ${seconds} s`,
        }
      : {
          en: `Too many replays on this connection (${burst} at once, then one every ${every} s): retry in ${seconds} s`,
          es: `Demasiadas repeticiones en esta conexión (${burst} seguidas, luego una cada ${every} s): reintente en ${seconds} s`,
        };
  return { ok: false, error: { code: 'CONSOLE.RATE_LIMITED', message, details: { retryAfterMs } } };
}

/** One connection's budgets. */
export class SocketLimits {
  private readonly subscribes: TokenBucket;
  private readonly replays: TokenBucket;

  constructor(now: number) {
    this.subscribes = new TokenBucket(
      SUBSCRIBE_LIMITS.subscribes.burst,
      SUBSCRIBE_LIMITS.subscribes.refillEveryMs,
      now,
    );
    this.replays = new TokenBucket(SUBSCRIBE_LIMITS.replays.burst, SUBSCRIBE_LIMITS.replays.refillEveryMs, now);
  }

  /**
   * Takes what a subscribe costs (and a replay token for a replay) and answers undefined, or takes nothing and
   * answers the refusal to send back, with when to retry.
   */
  admit(replay: boolean, now: number): SubscribeAck | undefined {
    const subscribeWait = this.subscribes.waitMs(now);
    if (subscribeWait > 0) return rateLimited('subscribes', subscribeWait);
    if (replay) {
      const replayWait = this.replays.waitMs(now);
      if (replayWait > 0) return rateLimited('replays', replayWait);
      this.replays.take(now);
    }
    this.subscribes.take(now);
    return undefined;
  }
}

/** At most `limit` tasks run at once; the others wait their turn, in order, up to `maxWaiting` of them. */
export class ConcurrencyLimit {
  private running = 0;
  private readonly waiting: (() => void)[] = [];

  constructor(
    private readonly limit: number,
    private readonly maxWaiting = Number.POSITIVE_INFINITY,
  ) {}

  /** Whether a task given to `run` now would run or find a place in the queue. */
  hasRoom(): boolean {
    return this.running < this.limit || this.waiting.length < this.maxWaiting;
  }

  /** Runs `task` in its turn; call it only after `hasRoom()` said yes (a full queue still takes it). */
  async run<T>(task: () => Promise<T>): Promise<T> {
    if (this.running >= this.limit) await new Promise<void>((resolve) => this.waiting.push(resolve));
    else this.running += 1;
    try {
      return await task();
    } finally {
      // The slot passes to the next in line as it is; it is freed only when nobody waits.
      const next = this.waiting.shift();
      if (next) next();
      else this.running -= 1;
    }
  }

  /** Tasks running and waiting (for tests and logs). */
  get load(): { running: number; waiting: number } {
    return { running: this.running, waiting: this.waiting.length };
  }
}
