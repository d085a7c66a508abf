/**
 * Where a command acts and where its events live: the live world, or exactly one drill. A drill's streams carry the
 * drill in their identity (`exercise-<drill id>.` before the live stream id), so the same incident id in a drill and
 * in the live world names two different streams, and no consumer following the live categories (`incident-`,
 * `port-`, `notification-`, …) can ever read a drill's event: the live stream ids and the drill ones share no prefix.
 */
export type World = { readonly kind: 'live' } | { readonly kind: 'drill'; readonly drillId: string };

export const LIVE: World = Object.freeze({ kind: 'live' });

/** Every drill stream starts with this: `exercise-<drill id>.<live stream id>`. */
export const EXERCISE_STREAM_PREFIX = 'exercise-';

const DRILL_ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

export function drillWorld(drillId: string): World {
  if (!DRILL_ID.test(drillId)) throw new Error(`A drill id is a lower-case UUID, not ${JSON.stringify(drillId)}`);
  return Object.freeze({ kind: 'drill', drillId });
}

/** What the store records as the events' mode (CAP's `Actual` / `Exercise`). */
export function modeOf(world: World): 'actual' | 'exercise' {
  return world.kind === 'live' ? 'actual' : 'exercise';
}

/** What every stream of `world` starts with: nothing for the live world. */
export function worldStreamPrefix(world: World): string {
  return world.kind === 'live' ? '' : `${EXERCISE_STREAM_PREFIX}${world.drillId}.`;
}

/** The id in `world` of the stream the live world calls `streamId` (`incident-<id>`, `port-otay-mesa`, …). */
export function streamInWorld(world: World, streamId: string): string {
  if (streamId.startsWith(EXERCISE_STREAM_PREFIX)) {
    throw new Error(`${streamId} is already a drill's stream; give the live stream id`);
  }
  return `${worldStreamPrefix(world)}${streamId}`;
}

/** The world a stored stream belongs to, and the stream's id within it. */
export function worldOfStream(streamId: string): { world: World; streamId: string } {
  if (!streamId.startsWith(EXERCISE_STREAM_PREFIX)) return { world: LIVE, streamId };
  const rest = streamId.slice(EXERCISE_STREAM_PREFIX.length);
  const dot = rest.indexOf('.');
  const drillId = dot < 0 ? '' : rest.slice(0, dot);
  if (!DRILL_ID.test(drillId)) throw new Error(`${streamId} starts like a drill's stream but names no drill`);
  return { world: drillWorld(drillId), streamId: rest.slice(dot + 1) };
}

export function sameWorld(a: World, b: World): boolean {
  return a.kind === b.kind && (a.kind === 'live' || a.drillId === (b as { drillId: string }).drillId);
}

/**
 * The HSEEP marking every human-facing text of a drill carries (CAP `<note>`, headlines, e-mails, webhooks), so that
 * nobody mistakes it for a real emergency.
 */
export const EXERCISE_MARK = { en: 'EXERCISE EXERCISE EXERCISE', es: 'EJERCICIO EJERCICIO EJERCICIO' } as const;

/** The world a delivery or deadline job belongs to: its drill, or the live world when it names none. */
export function worldOfJob(job: { drillId?: string }): World {
  return job.drillId === undefined ? LIVE : drillWorld(job.drillId);
}

/** What a job records of its world: nothing for the live world, the drill's id for a drill. */
export function jobWorld(world: World): { drillId?: string } {
  return world.kind === 'live' ? {} : { drillId: world.drillId };
}

/** For logs and errors: `live` or `drill <id>`. */
export function describeWorld(world: World): string {
  return world.kind === 'live' ? 'live' : `drill ${world.drillId}`;
}
