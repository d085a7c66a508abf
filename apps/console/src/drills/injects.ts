// Where each inject of a drill stands: released (with the drill time it was released at) or pending (with the drill
// time it falls due at, or, for a contingency, only if the inject it watches is missed).

export interface InjectLine {
  id: string;
  offsetMinutes: number;
  contingencyFor?: string;
}

export interface InjectProgress<Inject extends InjectLine> {
  inject: Inject;
  /** Drill time (ISO) the inject falls due at (a contingency: at the earliest). */
  due: string;
  /** Drill time (ISO) it was released at, `null` while pending. */
  releasedAt: string | null;
}

export function injectProgress<Inject extends InjectLine>(
  injects: readonly Inject[],
  released: Readonly<Record<string, string>>,
  startsAt: string,
): { released: InjectProgress<Inject>[]; pending: InjectProgress<Inject>[] } {
  const zero = Date.parse(startsAt);
  const lines = injects.map((inject) => ({
    inject,
    due: new Date(zero + inject.offsetMinutes * 60_000).toISOString(),
    releasedAt: released[inject.id] ?? null,
  }));
  return {
    released: lines
      .filter((line) => line.releasedAt !== null)
      .sort((a, b) => Date.parse(a.releasedAt!) - Date.parse(b.releasedAt!)),
    pending: lines.filter((line) => line.releasedAt === null),
  };
}
