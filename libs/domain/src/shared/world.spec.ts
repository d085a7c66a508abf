import fc from 'fast-check';
import {
  describeWorld,
  drillWorld,
  LIVE,
  modeOf,
  sameWorld,
  streamInWorld,
  type World,
  worldOfStream,
} from './world.js';

/** The categories the live consumers follow, and those that other live streams use. */
const LIVE_CATEGORIES = ['incident-', 'port-', 'notification-', 'session-', 'account-', 'auth-'];

const liveStreamId = fc
  .tuple(fc.constantFrom(...LIVE_CATEGORIES), fc.stringMatching(/^[a-z0-9-]{1,40}$/))
  .map(([category, id]) => `${category}${id}`);
const world: fc.Arbitrary<World> = fc.oneof(fc.constant(LIVE), fc.uuid({ version: 4 }).map(drillWorld));

describe('worlds', () => {
  it('a drill stream is never matched by a live category, and reads back as its world and live id', () => {
    fc.assert(
      fc.property(world, liveStreamId, (w, streamId) => {
        const stored = streamInWorld(w, streamId);
        expect(worldOfStream(stored)).toEqual({ world: w, streamId });
        const matchesLive = LIVE_CATEGORIES.some((category) => stored.startsWith(category));
        expect(matchesLive).toBe(w.kind === 'live');
      }),
      { numRuns: 10_000 },
    );
  });

  it('the same id in two worlds names two streams; two drills never share one', () => {
    fc.assert(
      fc.property(world, world, liveStreamId, (a, b, streamId) => {
        expect(streamInWorld(a, streamId) === streamInWorld(b, streamId)).toBe(sameWorld(a, b));
      }),
      { numRuns: 10_000 },
    );
  });

  it('records the mode the store and CAP know', () => {
    expect(modeOf(LIVE)).toBe('actual');
    expect(modeOf(drillWorld('6f1c2d3e-4a5b-4c6d-8e7f-901234567890'))).toBe('exercise');
    expect(describeWorld(drillWorld('6f1c2d3e-4a5b-4c6d-8e7f-901234567890'))).toBe(
      'drill 6f1c2d3e-4a5b-4c6d-8e7f-901234567890',
    );
  });

  it('refuses what is not a drill id, and a drill stream given where a live id is expected', () => {
    expect(() => drillWorld('Drill 1')).toThrow(/lower-case UUID/);
    const drill = drillWorld('6f1c2d3e-4a5b-4c6d-8e7f-901234567890');
    expect(() => streamInWorld(drill, streamInWorld(drill, 'incident-1'))).toThrow(/already a drill's stream/);
    expect(() => worldOfStream('exercise-nope.incident-1')).toThrow(/names no drill/);
  });
});
