import { PGlite } from '@electric-sql/pglite';
import { openPgliteEventStore } from '@enlace/event-store';
import { describeEventStoreContract } from '@enlace/event-store/testing';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

let dataDir: string;

beforeAll(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'enlace-pglite-'));
});

afterAll(async () => {
  await rm(dataDir, { recursive: true, force: true });
});

describeEventStoreContract('PGlite (embedded, file-backed)', {
  async open(options = {}) {
    // The main store owns the data directory; stores opened with other limits run in memory.
    return options.maxPayloadBytes === undefined ? openPgliteEventStore({ dataDir }) : openPgliteEventStore(options);
  },
  async reopen(store) {
    await store.close();
    return openPgliteEventStore({ dataDir });
  },
  async tamper(store, streamId, revision) {
    // PGlite is one session in this process: close the store, edit its files as an attacker would, reopen.
    await store.close();
    const db = await PGlite.create(dataDir);
    await db.exec('ALTER TABLE es_events DISABLE TRIGGER es_events_append_only');
    await db.query(
      `UPDATE es_events SET data = jsonb_set(data, '{quantity}', '999') WHERE stream_id = $1 AND revision = $2`,
      [streamId, revision],
    );
    await db.exec('ALTER TABLE es_events ENABLE TRIGGER es_events_append_only');
    await db.close();
    return openPgliteEventStore({ dataDir });
  },
  propertyRuns: 15,
});
