/**
 * The figures of a fault test, as one line of JSON on stdout (`[fault figures] {...}`), so a run's figures can be
 * copied from the log into an issue. `since` (ms since the epoch) adds how long the test's fault phase took.
 */
export function faultFigures(test: string, figures: Record<string, unknown>, since?: number): void {
  const line = JSON.stringify({ test, ...figures, ...(since === undefined ? {} : { tookMs: Date.now() - since }) });
  // console.log through Jest adds a stack line; stdout keeps the figures one line each.
  process.stdout.write(`[fault figures] ${line}\n`);
}
