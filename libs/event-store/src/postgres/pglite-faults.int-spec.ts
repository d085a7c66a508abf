import { openEventStore, openPgliteEventStore, StoreAvailability, StoreUnavailableError } from '@enlace/event-store';
import { newEvent, uniqueCategory } from '@enlace/event-store/testing';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * The embedded store when its files fail it: a data directory that cannot be used at start, and one that disappears
 * under a running store. Nothing may escape as an unhandled rejection or exception (that would end the api); the
 * store's callers get StoreUnavailableError (503 at the edge), and the outage is logged once.
 */
let scratch: string;
const escaped: unknown[] = [];
const onUnhandled = (error: unknown): void => {
  escaped.push(error);
};

beforeAll(async () => {
  scratch = await mkdtemp(join(tmpdir(), 'enlace-pglite-faults-'));
  process.on('unhandledRejection', onUnhandled);
  process.on('uncaughtException', onUnhandled);
});

afterAll(async () => {
  process.off('unhandledRejection', onUnhandled);
  process.off('uncaughtException', onUnhandled);
  await rm(scratch, { recursive: true, force: true });
});

it('a data directory that cannot be created refuses to start, naming PGLITE_DATA_DIR', async () => {
  // A regular file where a directory must go: unusable even for root, who ignores permissions.
  const file = join(scratch, 'not-a-directory');
  await writeFile(file, 'x');
  await expect(
    openEventStore({ kind: 'pglite', dataDir: join(file, 'pglite'), maxPayloadBytes: 262_144, pollIntervalMs: 50 }),
  ).rejects.toThrow(/PGLITE_DATA_DIR .*not-a-directory\/pglite cannot hold the embedded event store .*ENOTDIR/);
  expect(escaped).toEqual([]);
});

it('files removed under a running store: calls fail with StoreUnavailableError, logged once, nothing escapes', async () => {
  const dataDir = join(scratch, 'removed');
  const log = { errors: [] as string[], logs: [] as string[] };
  const availability = new StoreAvailability('embedded PGlite', {
    error: (message) => log.errors.push(message),
    log: (message) => log.logs.push(message),
  });
  const store = await openPgliteEventStore({ dataDir, availability, pollIntervalMs: 20 });
  try {
    const stream = `${uniqueCategory()}-1`;
    await store.append(stream, [newEvent('Before', {})], 'no_stream');
    const subscription = store.subscribe({ from: 'start' });
    const iterator = subscription[Symbol.asyncIterator]();
    expect((await iterator.next()).value).toMatchObject({ type: 'Before' });

    await rm(dataDir, { recursive: true, force: true });
    // Files the engine had open still work; reads that need files it never opened (the documents' table) cannot.
    await expect(store.checkpoints.document('read-models', 'any')).rejects.toBeInstanceOf(StoreUnavailableError);
    await expect(store.streamRevision(stream)).rejects.toThrow(/SQLSTATE 58P01/);
    expect(log.errors).toHaveLength(1);
    expect(log.errors[0]).toMatch(/embedded PGlite is unavailable \(SQLSTATE 58P01/);
    // The subscription goes on polling in the background meanwhile, without an unhandled error.
    await new Promise((resolve) => setTimeout(resolve, 300));
    await subscription.close();
    expect(escaped).toEqual([]);
  } finally {
    await store.close().catch(() => undefined);
  }
}, 60_000);
