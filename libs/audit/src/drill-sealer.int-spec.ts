import { CommandPipeline } from '@enlace/application';
import { History, pauseDrillClock, startDrillClock } from '@enlace/application/testing';
import { ManualClock } from '@enlace/clock/testing';
import { drillWorld, LIVE } from '@enlace/domain';
import { collect, openPostgresEventStore, type PostgresEventStore } from '@enlace/event-store';
import { dropSchema, testDatabaseUrl, uniqueSchemaName } from '@enlace/event-store/testing';
import { loadReferenceCatalog } from '@enlace/reference-data';
import { eventLeafHash, openNote, rootFromLeaves, toHex } from '@enlace/transparency';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadAuditKey, worldOrigin } from './audit-key.js';
import { AuditLog } from './audit-log.js';
import { DrillSealer } from './drill-sealer.js';
import { eventLeafFields } from './event-leaf-fields.js';
import { sealedPrefixes } from './sealer.js';
import { TreeStore } from './tree-store.js';

/**
 * Drill worlds have trees of their own, on real PostgreSQL: each drill's events (and nothing else) are its tree's
 * leaves, signed under the drill's own origin, verifiable on their own; the live tree holds none of them; a restart
 * of the drill sealer goes on from each drill's saved tree, and an idle, checkpointed drill leaves memory.
 */
const schema = uniqueSchemaName('drill_sealer');
const dataDir = mkdtempSync(join(tmpdir(), 'enlace-drill-sealer-'));
const clock = new ManualClock('2026-12-06T12:00:00.000Z');
const stores: PostgresEventStore[] = [];
let store: PostgresEventStore;
let pipeline: CommandPipeline;
const key = loadAuditKey({ DATA_DIR: dataDir });

async function startSealer() {
  const own = await openPostgresEventStore({ connectionString: testDatabaseUrl(), schema, poolSize: 2 });
  stores.push(own);
  const sealer = new DrillSealer(own, own.checkpoints, key, clock, {
    checkpointMs: 60_000,
    checkpointEvents: 1_000,
    leaseMs: 1_500,
  });
  sealer.onApplicationBootstrap();
  return sealer;
}

async function drillLeaves(drillId: string) {
  const events = await collect(store.readAll({ filter: { streamPrefixes: sealedPrefixes(drillWorld(drillId)) } }));
  return events.map((event) => eventLeafHash(eventLeafFields(event)));
}

async function checkpointed(drillId: string, size: number): Promise<void> {
  const tree = new TreeStore(store.checkpoints, drillWorld(drillId));
  const deadline = performance.now() + 20_000;
  while ((await tree.latestCheckpoint())?.size !== size) {
    if (performance.now() > deadline) throw new Error(`no checkpoint of drill ${drillId} at ${size} leaves`);
    clock.advance(61_000);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

beforeAll(async () => {
  store = await openPostgresEventStore({ connectionString: testDatabaseUrl(), schema, poolSize: 4 });
  stores.push(store);
  pipeline = new CommandPipeline(store, loadReferenceCatalog('./config'), clock);
}, 30_000);

afterAll(async () => {
  for (const open of stores) await open.close();
  await dropSchema(schema);
  rmSync(dataDir, { recursive: true, force: true });
});

describe('the drill sealer', () => {
  it("seals each drill's world in a tree of its own, apart from the live one, across a restart", async () => {
    const [first, second] = [randomUUID(), randomUUID()];
    let sealer = await startSealer();
    await startDrillClock(pipeline, first, { drillTime: '2026-12-06T06:00:00.000Z', rate: 60 });
    await new History(pipeline).incident();
    await startDrillClock(pipeline, second, { drillTime: '2026-12-06T08:00:00.000Z', rate: 10 });
    await checkpointed(first, (await drillLeaves(first)).length);
    await checkpointed(second, (await drillLeaves(second)).length);
    await sealer.onApplicationShutdown();

    // More of the first drill while no sealer runs; a new one goes on from its saved tree.
    clock.advance(60_000);
    await pauseDrillClock(pipeline, first);
    sealer = await startSealer();
    const leaves = await drillLeaves(first);
    await checkpointed(first, leaves.length);

    for (const drillId of [first, second]) {
      const all = await drillLeaves(drillId);
      const latest = (await new TreeStore(store.checkpoints, drillWorld(drillId)).latestCheckpoint())!;
      expect(latest.root).toBe(toHex(rootFromLeaves(all)));
      expect(openNote(latest.note, [key.signer], [key.origin]).checkpoint.origin).toBe(
        worldOrigin(key.origin, drillWorld(drillId)),
      );
      expect(await new AuditLog(store, key, clock).verify(drillWorld(drillId))).toMatchObject({
        ok: true,
        eventsChecked: all.length,
      });
    }
    // The live world's tree has none of it (no live sealer ran: nothing of the drills went there either).
    expect(await new TreeStore(store.checkpoints, LIVE).latestCheckpoint()).toBeUndefined();
    // Idle and checkpointed, the drills leave the sealer's memory.
    const deadline = performance.now() + 10_000;
    while (sealer.resident > 0 && performance.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
    expect(sealer.resident).toBe(0);
    await sealer.onApplicationShutdown();
  }, 60_000);
});
