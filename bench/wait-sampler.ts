import pg from 'pg';

/**
 * Samples what the benchmark's server sessions are doing (pg_stat_activity wait events) while one side runs, to
 * show where its time goes: `CPU` (no wait event), `Lock:object` (heavyweight lock on a database object, e.g. the
 * one NOTIFY takes at commit), `LWLock:WALWrite` / `IO:WALSync` (commit flushes), `Client:ClientRead` (waiting for
 * the client), ...
 */
export class WaitSampler {
  private timer: NodeJS.Timeout | undefined;
  private counts = new Map<string, number>();
  private samples = 0;
  private inFlight = false;

  private constructor(private readonly client: pg.Client) {}

  static async open(connectionString: string): Promise<WaitSampler> {
    const client = new pg.Client({ connectionString, application_name: 'enlace_bench_sampler' });
    await client.connect();
    return new WaitSampler(client);
  }

  /** Starts sampling the active sessions whose application_name is `applicationName`. */
  start(applicationName: string, intervalMs = 20): void {
    this.stop();
    this.counts = new Map();
    this.samples = 0;
    this.timer = setInterval(() => {
      if (this.inFlight) return;
      this.inFlight = true;
      this.client
        .query<{ wait: string }>(
          `SELECT coalesce(wait_event_type || ':' || wait_event, 'CPU') AS wait
             FROM pg_stat_activity
            WHERE application_name = $1 AND state = 'active' AND pid <> pg_backend_pid()`,
          [applicationName],
        )
        .then(({ rows }) => {
          this.samples += 1;
          for (const { wait } of rows) this.counts.set(wait, (this.counts.get(wait) ?? 0) + 1);
        })
        .catch(() => undefined)
        .finally(() => {
          this.inFlight = false;
        });
    }, intervalMs);
  }

  /** Stops sampling; returns the top wait events as "Lock:object 81%, CPU 10%, ..." (share of session samples). */
  stop(top = 3): string {
    if (this.timer) clearInterval(this.timer);
    this.timer = undefined;
    const total = [...this.counts.values()].reduce((sum, count) => sum + count, 0);
    if (total === 0) return 'no active session sampled';
    return [...this.counts.entries()]
      .sort((a, b) => b[1] - a[1])
      .slice(0, top)
      .map(([wait, count]) => `${wait} ${Math.round((count / total) * 100)}%`)
      .join(', ');
  }

  async close(): Promise<void> {
    this.stop();
    await this.client.end();
  }
}

/** The connection string with `application_name` set, so the sampler can tell the two sides' sessions apart. */
export function withApplicationName(connectionString: string, applicationName: string): string {
  const url = new URL(connectionString);
  url.searchParams.set('application_name', applicationName);
  return url.toString();
}
