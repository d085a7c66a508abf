import { CommandPipeline } from '@enlace/application';
import { History } from '@enlace/application/testing';
import { ManualClock } from '@enlace/clock/testing';
import { EventFeed, LIVE_FEED_PREFIXES } from '@enlace/consumers';
import { LIVE } from '@enlace/domain';
import { collect, openPostgresEventStore, type PostgresEventStore } from '@enlace/event-store';
import { dropSchema, testDatabaseUrl, uniqueSchemaName } from '@enlace/event-store/testing';
import { loadReferenceCatalog } from '@enlace/reference-data';
import { eventLeafHash, fromHex, openNote, rootFromLeaves, toHex, verifyInclusion } from '@enlace/transparency';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type AuditKey, loadAuditKey } from './audit-key.js';
import { AuditLog } from './audit-log.js';
import { eventLeafFields } from './event-leaf-fields.js';
import { Sealer } from './sealer.js';
import { TILE_WIDTH, TreeStore } from './tree-store.js';

/**
 * The sealer on real PostgreSQL, as several processes run it: one owner at a time numbers the leaves, a restart reads
 * its open tiles back and goes on where the last checkpoint left it, and whatever the hand-overs, the tree is exactly
 * the log's events in order (its root equals the reference root of every event's leaf), more than one tile wide.
 */
const schema = uniqueSchemaName('sealer');
const stores: PostgresEventStore[] = [];
const dataDir = mkdtempSync(join(tmpdir(), 'enlace-sealer-'));
const clock = new ManualClock('2026-12-06T12:00:00.000Z');
let key: AuditKey;
let writer: PostgresEventStore;
let history: History;

async function openStore(): Promise<PostgresEventStore> {
  const store = await openPostgresEventStore({ connectionString: testDatabaseUrl(), schema, poolSize: 4 });
  stores.push(store);
  return store;
}

/** One process's sealer (its own store connection and feed). */
async function startSealer(signingKey: AuditKey = key) {
  const store = await openStore();
  const feed = new EventFeed(store, { prefixes: LIVE_FEED_PREFIXES });
  const sealer = new Sealer(feed, store.checkpoints, signingKey, clock, {
    world: LIVE,
    checkpointMs: 60_000,
    checkpointEvents: 50,
    leaseMs: 1_500,
  });
  sealer.onApplicationBootstrap();
  return {
    sealer,
    stop: async () => {
      await sealer.onApplicationShutdown();
      await feed.stop();
    },
  };
}

async function liveLeaves() {
  const events = await collect(writer.readAll({ filter: { streamPrefixes: LIVE_FEED_PREFIXES } }));
  return { events, leaves: events.map((event) => eventLeafHash(eventLeafFields(event))) };
}

async function sealedUpTo(size: number, timeoutMs = 20_000): Promise<void> {
  const tree = new TreeStore(writer.checkpoints, LIVE);
  const deadline = performance.now() + timeoutMs;
  for (;;) {
    if ((await tree.latestCheckpoint())?.size === size) return;
    if (performance.now() > deadline) throw new Error(`no checkpoint of ${size} leaves within ${timeoutMs} ms`);
    clock.advance(61_000);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

beforeAll(async () => {
  key = loadAuditKey({ DATA_DIR: dataDir });
  writer = await openStore();
  history = new History(new CommandPipeline(writer, loadReferenceCatalog('./config'), clock));
}, 30_000);

afterAll(async () => {
  for (const store of stores) await store.close();
  await dropSchema(schema);
  rmSync(dataDir, { recursive: true, force: true });
});

describe('the sealer', () => {
  it('seals every event once, in order, across restarts and a change of owner, over several tiles', async () => {
    const first = await startSealer();
    for (let i = 0; i < 8; i += 1) await history.closedCycle('otay-mesa');
    let { leaves } = await liveLeaves();
    expect(leaves.length).toBeGreaterThan(TILE_WIDTH);
    await sealedUpTo(leaves.length);
    await first.stop();

    // A second process takes over after the first stopped, with work written meanwhile.
    for (let i = 0; i < 3; i += 1) await history.closedCycle('san-ysidro');
    const second = await startSealer();
    const standby = await startSealer();
    ({ leaves } = await liveLeaves());
    await sealedUpTo(leaves.length);
    // The owner stops; the standby takes over from the last checkpoint the owner saved.
    await second.stop();
    for (let i = 0; i < 2; i += 1) await history.closedCycle('otay-mesa');
    const { events, leaves: all } = await liveLeaves();
    await sealedUpTo(all.length, 30_000);
    await standby.stop();

    const latest = (await new TreeStore(writer.checkpoints, LIVE).latestCheckpoint())!;
    expect(latest.root).toBe(toHex(rootFromLeaves(all)));
    expect(latest.lastPosition).toBe(events[events.length - 1]!.position);
    expect(openNote(latest.note, [key.signer], [key.origin]).checkpoint.size).toBe(all.length);

    // Every leaf is where the log has it: spot-checked with inclusion proofs from the stored tiles.
    const log = new AuditLog(writer, key, clock);
    for (const index of [0, 1, TILE_WIDTH - 1, TILE_WIDTH, all.length - 1]) {
      const proof = await log.inclusion(events[index]!.position);
      expect(proof.leafIndex).toBe(index);
      expect(verifyInclusion(all[index]!, index, latest.size, proof.proof.map(fromHex), fromHex(latest.root))).toBe(
        true,
      );
    }
    expect(await log.verify()).toMatchObject({ ok: true, eventsChecked: all.length });
  }, 90_000);

  it('goes on with a rotated key under the same name: old checkpoints verify with the retired key listed', async () => {
    const otherDir = mkdtempSync(join(tmpdir(), 'enlace-sealer-rotated-'));
    try {
      const rotated = loadAuditKey({
        DATA_DIR: otherDir,
        AUDIT_LOG_ORIGIN: key.origin,
        AUDIT_PREVIOUS_KEYS: [key.verifierKey],
      });
      expect(rotated.verifierKey).not.toBe(key.verifierKey);
      const sealer = await startSealer(rotated);
      await history.closedCycle('otay-mesa');
      const { leaves } = await liveLeaves();
      await sealedUpTo(leaves.length);
      await sealer.stop();
      expect(await new AuditLog(writer, rotated, clock).verify()).toMatchObject({
        ok: true,
        eventsChecked: leaves.length,
      });
      // Without the retired key, the first checkpoint it signed is not the log's.
      const forgetful = { ...rotated, previous: [] };
      expect((await new AuditLog(writer, forgetful, clock).verify()).problem).toMatchObject({
        kind: 'checkpoint-forged',
      });
    } finally {
      rmSync(otherDir, { recursive: true, force: true });
    }
  }, 60_000);
});
