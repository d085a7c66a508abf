import fc from 'fast-check';
import {
  IdempotencyConflictError,
  InvalidInputError,
  PayloadTooLargeError,
  WrongExpectedVersionError,
} from '../errors.js';
import {
  comparePositions,
  type EventStore,
  type EventToAppend,
  type ExpectedRevision,
  type RecordedEvent,
} from '../event-store.port.js';
import { collect } from '../paged-read.js';
import { drain } from './drain.js';
import { newEvent, testMetadata, uniqueCategory } from './fixtures.js';

export interface ContractHarness {
  /** Opens the store under test; every test uses streams of its own, so one store may serve the whole suite. */
  open(options?: { maxPayloadBytes?: number }): Promise<EventStore>;
  /** Closes `store` and opens the same storage again (restart durability). */
  reopen(store: EventStore): Promise<EventStore>;
  /**
   * Sets `data.quantity` of one stored event to 999 behind the store's back (tamper evidence), where the backend
   * allows it; returns the store to use afterwards (the same one, or one reopened on the same storage).
   */
  tamper?(store: EventStore, streamId: string, revision: number): Promise<EventStore>;
  /** Property-test runs; lower for slow backends. */
  propertyRuns?: number;
}

async function expectRejection<E extends Error>(
  promise: Promise<unknown>,
  type: new (...args: never[]) => E,
): Promise<E> {
  const error = await promise.then(
    () => undefined,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(type);
  return error as E;
}

/**
 * The global log shows an append once no older transaction anywhere on the server is still open (the horizon), so a
 * test that reads it right after appending waits until the log has reached the append's position.
 */
async function reached(store: EventStore, position: string): Promise<void> {
  const deadline = Date.now() + 15_000;
  while (Date.now() < deadline) {
    const head = await store.headPosition();
    if (head !== undefined && head >= position) return;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

function ids(events: readonly { id: string }[]): string[] {
  return events.map((event) => event.id);
}

/**
 * The behaviour every event store adapter must have. Run it from a `*.int-spec.ts` per backend:
 * `describeEventStoreContract('PGlite', harness)`.
 */
export function describeEventStoreContract(backend: string, harness: ContractHarness): void {
  describe(`EventStore contract: ${backend}`, () => {
    let store: EventStore;

    // Opening loads an engine (PGlite's WebAssembly) or connects: seconds on a busy machine, not jest's default 5.
    beforeAll(async () => {
      store = await harness.open();
    }, 60_000);

    afterAll(async () => {
      await store.close();
    }, 30_000);

    describe('append and readStream', () => {
      it('appends to a new stream and reads back every stored field', async () => {
        const streamId = `${uniqueCategory('incident')}-1`;
        const event = newEvent('IncidentReported', {
          material: 'Chlorine',
          unNumber: '1017',
          nested: { b: 2, a: [1, 'x'] },
        });
        const result = await store.append(streamId, [event], 'no_stream');
        expect(result.nextExpectedRevision).toBe(0);

        const [stored, ...rest] = await collect(store.readStream(streamId));
        expect(rest).toEqual([]);
        expect(stored).toMatchObject({
          id: event.id,
          type: 'IncidentReported',
          streamId,
          revision: 0,
          position: result.position,
          data: event.data,
          metadata: { ...testMetadata },
        });
        expect(Date.parse(stored!.metadata.recordedAt)).toBeGreaterThan(Date.now() - 60_000);
        expect(stored!.hash).toMatch(/^[0-9a-f]{64}$/);
        expect(await store.streamRevision(streamId)).toBe(0);
      });

      it('reads forwards and backwards from a revision, with a maximum count', async () => {
        const streamId = `${uniqueCategory()}-1`;
        const events = Array.from({ length: 6 }, (_, n) => newEvent('SituationReported', { n }));
        await store.append(streamId, events, 'no_stream');

        expect(ids(await collect(store.readStream(streamId)))).toEqual(ids(events));
        expect(ids(await collect(store.readStream(streamId, { fromRevision: 2, maxCount: 3 })))).toEqual(
          ids(events.slice(2, 5)),
        );
        expect(ids(await collect(store.readStream(streamId, { direction: 'backwards' })))).toEqual(
          ids(events).reverse(),
        );
        expect(
          ids(await collect(store.readStream(streamId, { direction: 'backwards', fromRevision: 3, maxCount: 2 }))),
        ).toEqual([events[3]!.id, events[2]!.id]);
      });

      it('reads an unknown stream as empty with revision -1', async () => {
        const streamId = `${uniqueCategory()}-missing`;
        expect(await collect(store.readStream(streamId))).toEqual([]);
        expect(await store.streamRevision(streamId)).toBe(-1);
      });
    });

    describe('expected revision', () => {
      it('no_stream fails on an existing stream and reports its revision', async () => {
        const streamId = `${uniqueCategory()}-1`;
        await store.append(streamId, [newEvent('A', {}), newEvent('B', {})], 'no_stream');
        const error = await expectRejection(
          store.append(streamId, [newEvent('C', {})], 'no_stream'),
          WrongExpectedVersionError,
        );
        expect(error.actual).toBe(1);
        expect(error.streamId).toBe(streamId);
      });

      it('stream_exists fails on a missing stream and creates nothing', async () => {
        const streamId = `${uniqueCategory()}-1`;
        const error = await expectRejection(
          store.append(streamId, [newEvent('A', {})], 'stream_exists'),
          WrongExpectedVersionError,
        );
        expect(error.actual).toBe(-1);
        expect(await store.streamRevision(streamId)).toBe(-1);
        await store.append(streamId, [newEvent('A', {})], 'no_stream');
        await expect(store.append(streamId, [newEvent('B', {})], 'stream_exists')).resolves.toMatchObject({
          nextExpectedRevision: 1,
        });
      });

      it('an exact revision must match; "any" always appends', async () => {
        const streamId = `${uniqueCategory()}-1`;
        await store.append(streamId, [newEvent('A', {})], 'any');
        await store.append(streamId, [newEvent('B', {})], 0);
        const error = await expectRejection(store.append(streamId, [newEvent('C', {})], 0), WrongExpectedVersionError);
        expect(error.actual).toBe(1);
        expect(error.expected).toBe(0);
        await expect(store.append(streamId, [newEvent('C', {})], 'any')).resolves.toMatchObject({
          nextExpectedRevision: 2,
        });
        expect((await collect(store.readStream(streamId))).map((e) => e.type)).toEqual(['A', 'B', 'C']);
      });

      it('lets exactly one of many concurrent appenders win each revision', async () => {
        const streamId = `${uniqueCategory()}-1`;
        const writers = 8;
        let expected: ExpectedRevision = 'no_stream';
        for (let round = 0; round < 5; round += 1) {
          const outcomes = await Promise.allSettled(
            Array.from({ length: writers }, (_, w) =>
              store.append(streamId, [newEvent('Claimed', { round, w })], expected),
            ),
          );
          const winners = outcomes.filter((o) => o.status === 'fulfilled');
          const losers = outcomes.filter((o): o is PromiseRejectedResult => o.status === 'rejected');
          expect(winners).toHaveLength(1);
          expect(losers).toHaveLength(writers - 1);
          for (const loser of losers) {
            expect(loser.reason).toBeInstanceOf(WrongExpectedVersionError);
            expect((loser.reason as WrongExpectedVersionError).actual).toBe(round);
          }
          expected = round;
        }
        expect((await collect(store.readStream(streamId))).map((e) => e.revision)).toEqual([0, 1, 2, 3, 4]);
      });
    });

    describe('idempotency', () => {
      it('returns the original result for a retried batch and appends nothing', async () => {
        const streamId = `${uniqueCategory()}-1`;
        const batch = [newEvent('A', { n: 1 }), newEvent('B', { n: 2 })];
        const first = await store.append(streamId, batch, 'no_stream');
        await store.append(streamId, [newEvent('C', {})], first.nextExpectedRevision);

        await expect(store.append(streamId, batch, 'no_stream')).resolves.toEqual(first);
        await expect(store.append(streamId, batch, 'any')).resolves.toEqual(first);
        await expect(store.append(streamId, [batch[1]!], 'any')).resolves.toEqual(first);
        expect(await store.streamRevision(streamId)).toBe(2);
      });

      it('refuses a partial overlap with earlier events and appends nothing', async () => {
        const streamId = `${uniqueCategory()}-1`;
        const [a, b, c] = [newEvent('A', {}), newEvent('B', {}), newEvent('C', {})];
        await store.append(streamId, [a, b], 'no_stream');

        await expectRejection(store.append(streamId, [b, c], 'any'), IdempotencyConflictError);
        await expectRejection(store.append(streamId, [b, a], 'any'), IdempotencyConflictError);
        const laterRepeat = await expectRejection(store.append(streamId, [c, a], 'any'), IdempotencyConflictError);
        expect(laterRepeat.duplicateIds).toEqual([a.id]);
        expect(ids(await collect(store.readStream(streamId)))).toEqual([a.id, b.id]);
      });

      it('scopes event ids to their stream', async () => {
        const category = uniqueCategory();
        const event = newEvent('A', {});
        await store.append(`${category}-1`, [event], 'no_stream');
        await expect(store.append(`${category}-2`, [event], 'no_stream')).resolves.toMatchObject({
          nextExpectedRevision: 0,
        });
      });
    });

    describe('validation', () => {
      const cases: [string, () => [string, EventToAppend[], ExpectedRevision], string][] = [
        ['a stream id without a category', () => ['nocategory', [newEvent('A', {})], 'any'], 'streamId'],
        ['a stream id with spaces', () => ['incident-a b', [newEvent('A', {})], 'any'], 'streamId'],
        ['a system stream id', () => ['$all-1', [newEvent('A', {})], 'any'], 'streamId'],
        ['an empty batch', () => [`${uniqueCategory()}-1`, [], 'any'], 'events'],
        [
          'an event type in lower case',
          () => [`${uniqueCategory()}-1`, [newEvent('incidentReported', {})], 'any'],
          'events[0].type',
        ],
        [
          'an id that is not a UUID',
          () => [`${uniqueCategory()}-1`, [newEvent('A', {}, { id: 'not-a-uuid' })], 'any'],
          'events[0].id',
        ],
        [
          'data that is not an object',
          () => [`${uniqueCategory()}-1`, [newEvent('A', [] as never)], 'any'],
          'events[0].data',
        ],
        [
          'metadata without an actor',
          () => [`${uniqueCategory()}-1`, [newEvent('A', {}, { metadata: { ...testMetadata, actor: '' } })], 'any'],
          'events[0].metadata.actor',
        ],
        [
          'an unknown mode',
          () => [
            `${uniqueCategory()}-1`,
            [newEvent('A', {}, { metadata: { ...testMetadata, mode: 'drill' as never } })],
            'any',
          ],
          'events[0].metadata.mode',
        ],
        [
          'a country other than US or MX',
          () => [
            `${uniqueCategory()}-1`,
            [newEvent('A', {}, { metadata: { ...testMetadata, country: 'CA' as never } })],
            'any',
          ],
          'events[0].metadata.country',
        ],
        [
          'a NUL character in data',
          () => [`${uniqueCategory()}-1`, [newEvent('A', { text: 'a\u0000b' })], 'any'],
          'events[0].data.text',
        ],
        [
          'a lone UTF-16 surrogate in data',
          () => [`${uniqueCategory()}-1`, [newEvent('A', { nested: { list: ['ok', 'bad \ud800'] } })], 'any'],
          'events[0].data.nested.list[1]',
        ],
        ['a negative expected revision', () => [`${uniqueCategory()}-1`, [newEvent('A', {})], -1], 'expected'],
      ];

      it.each(cases)('rejects %s, naming the field, and appends nothing', async (_label, input, field) => {
        const [streamId, events, expected] = input();
        const error = await expectRejection(store.append(streamId, events, expected), InvalidInputError);
        expect(error.field).toBe(field);
        expect(error.message).toContain(field);
        if (/^[A-Za-z][A-Za-z0-9_.]*-/.test(streamId) && !streamId.includes(' ')) {
          expect(await store.streamRevision(streamId)).toBe(-1);
        }
      });

      it('rejects a whole batch when one event is invalid', async () => {
        const streamId = `${uniqueCategory()}-1`;
        const error = await expectRejection(
          store.append(streamId, [newEvent('A', {}), newEvent('not valid', {})], 'any'),
          InvalidInputError,
        );
        expect(error.field).toBe('events[1].type');
        expect(await collect(store.readStream(streamId))).toEqual([]);
      });

      it('rejects a payload over the configured limit', async () => {
        const small = await harness.open({ maxPayloadBytes: 1024 });
        try {
          const streamId = `${uniqueCategory()}-1`;
          const error = await expectRejection(
            small.append(streamId, [newEvent('A', { text: 'x'.repeat(2000) })], 'any'),
            PayloadTooLargeError,
          );
          expect(error.limit).toBe(1024);
          expect(error.field).toBe('events[0]');
          await expect(
            small.append(streamId, [newEvent('A', { text: 'x'.repeat(100) })], 'any'),
          ).resolves.toBeDefined();
        } finally {
          await small.close();
        }
        // It opens a store of its own: for PGlite that boots another embedded database (seconds on a busy machine).
      }, 30_000);

      it('rejects an event id repeated within one batch', async () => {
        const event = newEvent('A', {});
        const error = await expectRejection(
          store.append(`${uniqueCategory()}-1`, [event, event], 'any'),
          InvalidInputError,
        );
        expect(error.field).toBe('events[1].id');
      });
    });

    describe('read-model documents', () => {
      it('fence a save by its owner: a lapsed lease nobody claimed still saves, one another claimed does not', async () => {
        const consumer = `${uniqueCategory('fencing')}@live`;
        expect(await store.checkpoints.claim(consumer, 'owner-a', 1)).toBe(true);
        await new Promise((resolve) => setTimeout(resolve, 20));
        // The lease lapsed (a save that took longer than it): nobody else took over, so the save lands.
        expect(await store.checkpoints.save(consumer, 'owner-a', { position: undefined, state: { n: 1 } })).toBe(true);
        expect(await store.checkpoints.claim(consumer, 'owner-b', 60_000)).toBe(true);
        expect(await store.checkpoints.save(consumer, 'owner-a', { position: undefined, state: { n: 2 } })).toBe(false);
        expect((await store.checkpoints.load(consumer))?.state).toEqual({ n: 1 });
      });

      it('commit with the checkpoint only while the lease is held, and page in sort order', async () => {
        const consumer = `${uniqueCategory('documents')}@live`;
        const collection = `${consumer}/items`;
        const doc = (key: string, sort: string, status: string, group = 'g1') => ({
          collection,
          key,
          sort,
          status,
          group,
          doc: { key, nested: { at: sort } },
        });
        expect(await store.checkpoints.claim(consumer, 'owner-a', 60_000)).toBe(true);
        // The last write of a key in one save wins; sort is compared byte by byte ("Z" < "a").
        const saved = await store.checkpoints.save(consumer, 'owner-a', { position: undefined, state: { n: 1 } }, [
          doc('k1', 'a|k1', 'open'),
          doc('k2', 'Z|k2', 'closed'),
          doc('k3', 'b|k3', 'closed', 'g2'),
          doc('k1', 'c|k1', 'closed'),
        ]);
        expect(saved).toBe(true);
        expect(await store.checkpoints.document(collection, 'k1')).toEqual({
          key: 'k1',
          group: 'g1',
          status: 'closed',
          sort: 'c|k1',
          doc: { key: 'k1', nested: { at: 'c|k1' } },
        });
        expect(await store.checkpoints.document(collection, 'nope')).toBeUndefined();
        const keys = async (query: Parameters<typeof store.checkpoints.documents>[1]) =>
          (await store.checkpoints.documents(collection, query)).map((row) => row.key);
        expect(await keys({ limit: 10 })).toEqual(['k2', 'k3', 'k1']);
        expect(await keys({ limit: 10, order: 'desc' })).toEqual(['k1', 'k3', 'k2']);
        expect(await keys({ limit: 1, order: 'desc', after: 'c|k1' })).toEqual(['k3']);
        expect(await keys({ limit: 10, group: 'g1' })).toEqual(['k2', 'k1']);
        expect(await keys({ limit: 10, status: ['open', 'closed'], group: 'g2' })).toEqual(['k3']);
        expect(await keys({ limit: 10, status: 'open' })).toEqual([]);

        // Another owner's save lands nothing: neither its checkpoint nor its documents.
        expect(
          await store.checkpoints.save(consumer, 'owner-b', { position: undefined, state: { n: 2 } }, [
            doc('k4', 'd|k4', 'open'),
          ]),
        ).toBe(false);
        expect(await store.checkpoints.document(collection, 'k4')).toBeUndefined();
        expect((await store.checkpoints.load(consumer))?.state).toEqual({ n: 1 });

        // Outside any checkpoint: a document is replaced only by one that sorts later.
        await store.checkpoints.putNewer(doc('s1', '00000000000000000010', 'x'));
        await store.checkpoints.putNewer(doc('s1', '00000000000000000009', 'older'));
        expect((await store.checkpoints.document(collection, 's1'))?.status).toBe('x');
        await store.checkpoints.putNewer(doc('s1', '00000000000000000011', 'newer'));
        expect((await store.checkpoints.document(collection, 's1'))?.status).toBe('newer');
      });

      it('narrow a page by a range of sort, held JSON and text, every condition at once', async () => {
        const consumer = `${uniqueCategory('search')}@live`;
        const collection = `${consumer}/items`;
        const doc = (key: string, sort: string, ports: string[], text: string) => ({
          collection,
          key,
          sort: `${sort}|${key}`,
          status: 'closed',
          doc: { ports, text, nested: { n: 1 } },
        });
        expect(await store.checkpoints.claim(consumer, 'owner-a', 60_000)).toBe(true);
        await store.checkpoints.save(consumer, 'owner-a', { position: undefined, state: null }, [
          doc('a', '2026-01-01', ['otay-mesa'], 'chlorine leak'),
          doc('b', '2026-02-01', ['otay-mesa', 'tecate'], 'ammonia cloud'),
          doc('c', '2026-03-01', ['tecate'], 'chlorine fire'),
        ]);
        const keys = async (query: Omit<Parameters<typeof store.checkpoints.documents>[1], 'limit'>) =>
          (await store.checkpoints.documents(collection, { limit: 10, order: 'desc', ...query })).map((row) => row.key);
        expect(await keys({ contains: { ports: ['tecate'] } })).toEqual(['c', 'b']);
        expect(await keys({ contains: { ports: ['tecate', 'otay-mesa'] } })).toEqual(['b']);
        expect(await keys({ matches: [{ field: 'text', text: 'chlorine' }] })).toEqual(['c', 'a']);
        expect(
          await keys({
            matches: [
              { field: 'text', text: 'chlorine' },
              { field: 'text', text: 'leak' },
            ],
          }),
        ).toEqual(['a']);
        expect(await keys({ sortFrom: '2026-01-15', sortTo: '2026-02-28' })).toEqual(['b']);
        expect(await keys({ sortFrom: '2026-02-01', contains: { ports: ['otay-mesa'] }, status: 'closed' })).toEqual([
          'b',
        ]);
        expect(await keys({ matches: [{ field: 'missing', text: 'x' }] })).toEqual([]);
        // A text with SQL's pattern characters is only text.
        expect(await keys({ matches: [{ field: 'text', text: '%' }] })).toEqual([]);
      });
    });

    describe('readAll', () => {
      it('returns every event in one total order, each stream in revision order', async () => {
        const category = uniqueCategory();
        const head = await store.headPosition();
        const appended: string[] = [];
        let last = '';
        for (let n = 0; n < 12; n += 1) {
          const event = newEvent('Ticked', { n });
          last = (await store.append(`${category}-${n % 3}`, [event], 'any')).position;
          appended.push(event.id);
        }
        await reached(store, last);
        const all = await collect(store.readAll(head === undefined ? {} : { fromPosition: head }));
        const mine = all.filter((e) => e.streamId.startsWith(`${category}-`));
        expect(ids(mine)).toEqual(appended);
        for (let i = 1; i < all.length; i += 1) {
          expect(comparePositions(all[i - 1]!.position, all[i]!.position)).toBeLessThan(0);
        }
      });

      it('starts strictly after the given position', async () => {
        const category = uniqueCategory();
        const events = [newEvent('A', {}), newEvent('B', {}), newEvent('C', {})];
        const first = await store.append(`${category}-1`, [events[0]!], 'no_stream');
        await reached(store, (await store.append(`${category}-1`, events.slice(1), 0)).position);
        const after = await collect(
          store.readAll({
            fromPosition: first.position,
            filter: { streamPrefixes: [`${category}-`] },
          }),
        );
        expect(ids(after)).toEqual([events[1]!.id, events[2]!.id]);
      });

      it('filters by stream prefix and by event type, and honours maxCount', async () => {
        const [left, right] = [uniqueCategory(), uniqueCategory()];
        await store.append(`${left}-1`, [newEvent('Opened', {}), newEvent('Closed', {})], 'no_stream');
        await store.append(`${right}-1`, [newEvent('Opened', {}), newEvent('Noted', {})], 'no_stream');
        await reached(store, (await store.append(`${left}-2`, [newEvent('Noted', {})], 'no_stream')).position);

        const byPrefix = await collect(store.readAll({ filter: { streamPrefixes: [`${left}-`] } }));
        expect(byPrefix.map((e) => `${e.streamId}/${e.type}`)).toEqual([
          `${left}-1/Opened`,
          `${left}-1/Closed`,
          `${left}-2/Noted`,
        ]);
        const byBoth = await collect(
          store.readAll({
            filter: { streamPrefixes: [`${left}-`, `${right}-`], eventTypes: ['Noted'] },
          }),
        );
        expect(byBoth.map((e) => e.streamId)).toEqual([`${right}-1`, `${left}-2`]);
        const limited = await collect(
          store.readAll({ filter: { streamPrefixes: [`${left}-`, `${right}-`] }, maxCount: 2 }),
        );
        expect(limited.map((e) => e.type)).toEqual(['Opened', 'Closed']);
      });

      it('rejects a malformed position or filter, naming the field', async () => {
        const position = await expectRejection(
          collect(store.readAll({ fromPosition: 'yesterday' as never })),
          InvalidInputError,
        );
        expect(position.field).toBe('fromPosition');
        const type = await expectRejection(
          collect(store.readAll({ filter: { eventTypes: ['bad type'] } })),
          InvalidInputError,
        );
        expect(type.field).toBe('filter.eventTypes[0]');
      });
    });

    describe('subscribe', () => {
      it('catches up, then delivers live events in order', async () => {
        const category = uniqueCategory();
        const before = [newEvent('A', {}), newEvent('B', {})];
        await store.append(`${category}-1`, before, 'no_stream');
        const subscription = store.subscribe({ filter: { streamPrefixes: [`${category}-`] } });
        const received = drain(subscription, 5);
        const live = [newEvent('C', {}), newEvent('D', {}), newEvent('E', {})];
        for (const event of live) await store.append(`${category}-2`, [event], 'any');
        expect(ids(await received)).toEqual(ids([...before, ...live]));
      });

      it('from "end" delivers only what is appended afterwards', async () => {
        const category = uniqueCategory();
        await store.append(`${category}-1`, [newEvent('Old', {})], 'no_stream');
        const subscription = store.subscribe({ from: 'end', filter: { streamPrefixes: [`${category}-`] } });
        const received = drain(subscription, 1);
        // Give the subscription time to take its starting point before the new append.
        await new Promise((resolve) => setTimeout(resolve, 200));
        const fresh = newEvent('New', {});
        await store.append(`${category}-1`, [fresh], 0);
        expect(ids(await received)).toEqual([fresh.id]);
      });

      it('resumes strictly after a position and filters by event type', async () => {
        const category = uniqueCategory();
        const first = await store.append(`${category}-1`, [newEvent('Wanted', { n: 1 })], 'no_stream');
        const expected = [newEvent('Wanted', { n: 2 }), newEvent('Wanted', { n: 3 })];
        await store.append(`${category}-1`, [newEvent('Unwanted', {}), expected[0]!, newEvent('Unwanted', {})], 0);
        await store.append(`${category}-2`, [expected[1]!], 'no_stream');
        const subscription = store.subscribe({
          from: first.position,
          filter: { streamPrefixes: [`${category}-`], eventTypes: ['Wanted'] },
        });
        expect(ids(await drain(subscription, 2))).toEqual(ids(expected));
      });

      it('stops delivering once closed', async () => {
        const category = uniqueCategory();
        const subscription = store.subscribe({ from: 'end', filter: { streamPrefixes: [`${category}-`] } });
        const iteration = (async () => {
          const seen: RecordedEvent[] = [];
          for await (const event of subscription) seen.push(event);
          return seen;
        })();
        await new Promise((resolve) => setTimeout(resolve, 100));
        await subscription.close();
        await store.append(`${category}-1`, [newEvent('Late', {})], 'any');
        expect(await iteration).toEqual([]);
      });
    });

    describe('hash chain', () => {
      it('verifies an untouched history', async () => {
        const streamId = `${uniqueCategory()}-1`;
        await store.append(streamId, [newEvent('A', { n: 1 }), newEvent('B', { n: 2 })], 'no_stream');
        await store.append(streamId, [newEvent('C', { text: 'ñandú — ü' })], 1);
        const result = await store.verify(streamId);
        expect(result).toEqual({ ok: true, streamsChecked: 1, eventsChecked: 3, breaks: [] });
        const events = await collect(store.readStream(streamId));
        expect(new Set(events.map((e) => e.hash)).size).toBe(3);
      });

      const tamper = harness.tamper;
      (tamper ? it : it.skip)('detects an event altered behind the store, at its revision', async () => {
        const streamId = `${uniqueCategory()}-1`;
        await store.append(
          streamId,
          [newEvent('A', {}), newEvent('B', { quantity: 10 }), newEvent('C', {})],
          'no_stream',
        );
        store = await tamper!(store, streamId, 1);
        const result = await store.verify(streamId);
        expect(result.ok).toBe(false);
        expect(result.breaks).toEqual([{ streamId, revision: 1, reason: 'hash-mismatch' }]);
        const everything = await store.verify();
        expect(everything.ok).toBe(false);
        expect(everything.breaks).toContainEqual({ streamId, revision: 1, reason: 'hash-mismatch' });
      });
    });

    describe('durability', () => {
      it('keeps every acknowledged append across a close and reopen', async () => {
        const category = uniqueCategory();
        const acknowledged: string[] = [];
        await Promise.all(
          Array.from({ length: 4 }, async (_, stream) => {
            for (let n = 0; n < 10; n += 1) {
              const event = newEvent('Logged', { stream, n });
              await store.append(`${category}-${stream}`, [event], n === 0 ? 'no_stream' : n - 1);
              acknowledged.push(event.id);
            }
          }),
        );
        store = await harness.reopen(store);
        const stored = await collect(store.readAll({ filter: { streamPrefixes: [`${category}-`] } }));
        expect(new Set(ids(stored))).toEqual(new Set(acknowledged));
        expect(stored).toHaveLength(acknowledged.length);
        for (let stream = 0; stream < 4; stream += 1) {
          expect(await store.verify(`${category}-${stream}`)).toMatchObject({ ok: true, eventsChecked: 10 });
        }
      });
    });

    describe('model-based', () => {
      it('matches a simple model under random appends and reads', async () => {
        await fc.assert(
          fc.asyncProperty(
            fc.array(
              fc.oneof(
                fc.record({
                  kind: fc.constant('append' as const),
                  stream: fc.integer({ min: 0, max: 2 }),
                  count: fc.integer({ min: 1, max: 3 }),
                  expectation: fc.constantFrom('any', 'no_stream', 'stream_exists', 'exact', 'stale'),
                  retryPrevious: fc.boolean(),
                }),
                fc.record({
                  kind: fc.constant('readStream' as const),
                  stream: fc.integer({ min: 0, max: 2 }),
                  backwards: fc.boolean(),
                  from: fc.integer({ min: 0, max: 6 }),
                  maxCount: fc.integer({ min: 1, max: 5 }),
                }),
                fc.record({ kind: fc.constant('readAll' as const) }),
              ),
              { minLength: 1, maxLength: 25 },
            ),
            async (commands) => {
              const category = uniqueCategory('model');
              const model = new Map<number, string[]>();
              const order: string[] = [];
              let lastPosition: string | undefined;
              let previous: { stream: number; events: EventToAppend[]; result: unknown } | undefined;
              for (const command of commands) {
                const streamId = `${category}-${'stream' in command ? command.stream : 0}`;
                if (command.kind === 'append') {
                  const current = model.get(command.stream) ?? [];
                  if (command.retryPrevious && previous?.stream === command.stream) {
                    await expect(store.append(streamId, previous.events, 'any')).resolves.toEqual(previous.result);
                    continue;
                  }
                  const events = Array.from({ length: command.count }, (_, n) => newEvent('Modelled', { n }));
                  const revision = current.length - 1;
                  const expected: ExpectedRevision =
                    command.expectation === 'exact'
                      ? Math.max(revision, 0)
                      : command.expectation === 'stale'
                        ? revision + 1
                        : command.expectation;
                  const accepted =
                    expected === 'any' ||
                    (expected === 'no_stream' && revision === -1) ||
                    (expected === 'stream_exists' && revision >= 0) ||
                    expected === revision;
                  const outcome = store.append(streamId, events, expected);
                  if (accepted) {
                    const result = await outcome;
                    lastPosition = result.position;
                    expect(result.nextExpectedRevision).toBe(revision + command.count);
                    model.set(command.stream, [...current, ...ids(events)]);
                    order.push(...ids(events));
                    previous = { stream: command.stream, events, result };
                  } else {
                    const error = await expectRejection(outcome, WrongExpectedVersionError);
                    expect(error.actual).toBe(revision);
                  }
                } else if (command.kind === 'readStream') {
                  const current = model.get(command.stream) ?? [];
                  const read = await collect(
                    store.readStream(streamId, {
                      direction: command.backwards ? 'backwards' : 'forwards',
                      fromRevision: command.from,
                      maxCount: command.maxCount,
                    }),
                  );
                  const expectedIds = command.backwards
                    ? current
                        .slice(0, command.from + 1)
                        .reverse()
                        .slice(0, command.maxCount)
                    : current.slice(command.from, command.from + command.maxCount);
                  expect(ids(read)).toEqual(expectedIds);
                } else {
                  if (lastPosition !== undefined) await reached(store, lastPosition);
                  const all = await collect(store.readAll({ filter: { streamPrefixes: [`${category}-`] } }));
                  expect(ids(all)).toEqual(order);
                }
              }
            },
          ),
          { numRuns: harness.propertyRuns ?? 20 },
        );
      });
    });
  });
}
