import { AuditLog, eventLeafFields, Sealer, sealedPrefixes } from '@enlace/audit';
import { LIVE } from '@enlace/domain';
import { collect, type RecordedEvent } from '@enlace/event-store';
import { withSchemaClient } from '@enlace/event-store/testing';
import { eventually } from '@enlace/notifications/testing';
import {
  cosignNote,
  ed25519Signer,
  eventLeafHash,
  fromHex,
  generateKeyPair,
  openNote,
  parseVerifierKey,
  signNote,
  verifierKey,
  verifyConsistency,
  verifyInclusion,
} from '@enlace/transparency';
import { createPrivateKey } from 'node:crypto';
import { ApiHarness } from './testing/api-harness.js';

/**
 * The audit log on real PostgreSQL through the api: every live event is sealed into the Merkle tree in the store's
 * order, signed checkpoints are cut and published with the public key, an auditor gets an inclusion proof of any event
 * that verifies against the signed root with nothing but the public key, consistency proofs link checkpoints, a
 * witness cosigns, and the verifier names the first bad position of each kind of tampering (done as an attacker with
 * database rights would: triggers off for the session) and passes again once it is undone.
 */
const witness = generateKeyPair();
const witnessSigner = ed25519Signer(
  'inspector.example/witness',
  createPrivateKey(witness.privateKeyPem),
  'cosignature/v1',
);
const stranger = ed25519Signer('stranger.example', createPrivateKey(generateKeyPair().privateKeyPem), 'cosignature/v1');
let api: ApiHarness;

beforeAll(async () => {
  api = await ApiHarness.start({
    env: {
      AUDIT_CHECKPOINT_SECONDS: '1',
      AUDIT_CHECKPOINT_EVENTS: '4',
      AUDIT_WITNESS_KEYS: verifierKey(witnessSigner),
      // The sealer saves (and cuts checkpoints) on its lease's ticks: a short lease ticks each second.
      CONSUMER_LEASE_SECONDS: '3',
    },
  });
}, 60_000);

afterAll(async () => {
  await api?.stop();
});

interface Checkpoint {
  size: number;
  root: string;
  at: string;
  note: string;
  lastPosition: string;
}

async function report(title: string): Promise<string> {
  const response = await api.request<{ id: string }>('POST', '/api/incidents', {
    as: 'officer.us',
    body: {
      kind: 'hazmat-release',
      title: { en: title, es: title },
      severity: 'moderate',
      location: { lat: 32.549, lon: -116.938, description: { en: 'Otay Mesa commercial lot' } },
      affectedPortIds: ['otay-mesa'],
    },
  });
  expect(response.status).toBe(201);
  return response.body.id;
}

const liveEvents = () => collect(api.store.readAll({ filter: { streamPrefixes: sealedPrefixes(LIVE) } }));

/** The newest checkpoint once it covers every live event stored now. */
async function sealedCheckpoint(): Promise<Checkpoint> {
  const events = await liveEvents();
  const last = events[events.length - 1]!.position;
  return eventually(
    async () => {
      const response = await api.request<Checkpoint>('GET', '/api/audit/log/checkpoint');
      return response.status === 200 && response.body.size === events.length && response.body.lastPosition === last
        ? response.body
        : undefined;
    },
    15_000,
    `a signed checkpoint of the ${events.length} live events`,
  );
}

describe('the audit log', () => {
  let first: Checkpoint;

  it('seals every live event in order and publishes a checkpoint signed with the published key', async () => {
    for (const title of ['Chlorine odour at dock 4', 'Diesel spill in lane 3', 'Smoke from a trailer']) {
      const incidentId = await report(title);
      const filed = await api.request('POST', `/api/incidents/${incidentId}/situation-reports`, {
        as: 'officer.us',
        body: { summary: { en: 'Contained', es: 'Contenido' } },
      });
      expect(filed.status).toBe(201);
    }
    first = await sealedCheckpoint();
    // Every stream of the live world is sealed, the sign-in journal and the sessions included: nothing outside a
    // drill's world is left out of the tree.
    const { rows } = await withSchemaClient(api.schema, (client) =>
      client.query<{ n: string }>(`SELECT count(*) AS n FROM es_events WHERE stream_id NOT LIKE 'exercise-%'`),
    );
    expect(first.size).toBe(Number(rows[0]!.n));
    expect((await liveEvents()).some((event) => event.streamId === 'auth-log')).toBe(true);
    const key = await api.request<{ origin: string; verifierKey: string; publicKeyPem: string; witnesses: string[] }>(
      'GET',
      '/api/audit/log/key',
    );
    expect(key.status).toBe(200);
    expect(key.body.publicKeyPem).toContain('BEGIN PUBLIC KEY');
    expect(key.body.witnesses).toEqual(['inspector.example/witness']);
    const opened = openNote(first.note, [parseVerifierKey(key.body.verifierKey)], [key.body.origin]);
    expect(opened.checkpoint).toMatchObject({ origin: key.body.origin, size: first.size });
    expect(Buffer.from(opened.checkpoint.root).toString('hex')).toBe(first.root);
    // The bare note, as a witness or a C2SP tool reads it.
    const note = await api.request<string>('GET', '/api/audit/log/checkpoint?format=note');
    expect(note.headers.get('content-type')).toContain('text/plain');
    expect(String(note.body)).toBe(first.note);
    // The private key is a file of the api's (generated on first start), never in the database.
    const documents = await withSchemaClient(api.schema, (client) =>
      client.query<{ doc: string }>(`SELECT doc::text FROM rm_documents`),
    );
    expect(documents.rows.some((row) => row.doc.includes('PRIVATE KEY'))).toBe(false);
  }, 30_000);

  it("proves any event's inclusion to an auditor, checkable offline with the public key alone", async () => {
    const { verifierKey: vkey } = (await api.request<{ verifierKey: string }>('GET', '/api/audit/log/key')).body;
    const events = (await liveEvents()).slice(0, first.size);
    for (const event of events) {
      const response = await api.request<{
        leafIndex: number;
        treeSize: number;
        proof: string[];
        checkpoint: Checkpoint;
      }>('GET', `/api/audit/log/proofs/inclusion?position=${event.position}&size=${first.size}`, { as: 'auditor' });
      expect(response.status).toBe(200);
      const { leafIndex, treeSize, proof, checkpoint } = response.body;
      // The verifier's own leaf, from the event as read, not the one the api says.
      const leaf = eventLeafHash(eventLeafFields(event));
      const root = openNote(checkpoint.note, [parseVerifierKey(vkey)]).checkpoint.root;
      expect(verifyInclusion(leaf, leafIndex, treeSize, proof.map(fromHex), root)).toBe(true);
      // A proof is a few hashes (log2 of the size), not the log.
      expect(proof.length).toBeLessThanOrEqual(Math.ceil(Math.log2(treeSize)));
    }
    expect(
      (
        await api.request('GET', `/api/audit/log/proofs/inclusion?position=${events[0]!.position}`, {
          as: 'officer.us',
        })
      ).status,
    ).toBe(403);
    const bad = await api.request<{ code: string; details: { fields: { field: string }[] } }>(
      'GET',
      '/api/audit/log/proofs/inclusion?position=yesterday',
      { as: 'auditor' },
    );
    expect(bad.status).toBe(400);
    expect(bad.body.details.fields.map((field) => field.field)).toEqual(['position']);
    const unknown = await api.request<{ code: string }>(
      'GET',
      `/api/audit/log/proofs/inclusion?position=${'9'.repeat(20)}:${'9'.repeat(20)}`,
      { as: 'auditor' },
    );
    expect(unknown.status).toBe(404);
    expect(unknown.body.code).toBe('AUDIT.NOT_SEALED');
  }, 30_000);

  it('links checkpoints with consistency proofs, and takes a known witness’s cosignature only', async () => {
    await report('Ammonia smell near the FAST lanes');
    const later = await sealedCheckpoint();
    expect(later.size).toBeGreaterThan(first.size);
    const response = await api.request<{ proof: string[] }>(
      'GET',
      `/api/audit/log/proofs/consistency?from=${first.size}&to=${later.size}`,
    );
    expect(response.status).toBe(200);
    const proof = response.body.proof.map(fromHex);
    expect(verifyConsistency(first.size, later.size, fromHex(first.root), fromHex(later.root), proof)).toBe(true);
    expect(verifyConsistency(first.size, later.size, fromHex(later.root), fromHex(first.root), proof)).toBe(false);
    const reversed = await api.request<{ details: { fields: { field: string }[] } }>(
      'GET',
      `/api/audit/log/proofs/consistency?from=${later.size}&to=${first.size}`,
    );
    expect(reversed.status).toBe(400);
    expect(reversed.body.details.fields[0]!.field).toBe('to');

    // The inspector checked consistency with what it signed before, and cosigns the newer checkpoint.
    const cosigned = cosignNote(later.note, witnessSigner, Math.floor(Date.now() / 1000));
    const accepted = await api.request<Checkpoint>('POST', `/api/audit/log/checkpoints/${later.size}/cosignatures`, {
      body: { note: cosigned },
    });
    expect(accepted.status).toBe(201);
    const served = await api.request<Checkpoint>('GET', `/api/audit/log/checkpoints/${later.size}`);
    const { verifierKey: vkey } = (await api.request<{ verifierKey: string }>('GET', '/api/audit/log/key')).body;
    const opened = openNote(served.body.note, [parseVerifierKey(vkey), witnessSigner]);
    expect(opened.signatures.map((signature) => [signature.name, signature.kind])).toEqual([
      [parseVerifierKey(vkey).name, 'ed25519'],
      ['inspector.example/witness', 'cosignature/v1'],
    ]);
    // No event since (every request above was public): the verifier's last checkpoint is this one, and it names who
    // vouched for it, the log and the witness.
    expect((await api.resolve(AuditLog).verify()).lastCheckpoint).toMatchObject({
      size: later.size,
      signers: [parseVerifierKey(vkey).name, 'inspector.example/witness'],
    });
    const refused = await api.request<{ code: string }>(
      'POST',
      `/api/audit/log/checkpoints/${later.size}/cosignatures`,
      {
        body: { note: cosignNote(later.note, stranger, Math.floor(Date.now() / 1000)) },
      },
    );
    expect(refused.status).toBe(422);
    expect(refused.body.code).toBe('AUDIT.COSIGNATURE_INVALID');
    // Bad input: a clear 400 naming the field, or 422 for a note that is not one, and never a 5xx.
    const path = `/api/audit/log/checkpoints/${later.size}/cosignatures`;
    for (const body of [{}, { note: 7 }, { note: 'x'.repeat(20_001) }, { note: 'a\n', extra: true }, { note: '' }]) {
      const response = await api.request<{ details: { fields: { field: string }[] } }>('POST', path, { body });
      expect([response.status, response.body.details?.fields?.[0]?.field]).toEqual([
        400,
        body.extra ? 'extra' : 'note',
      ]);
    }
    for (const note of ['not a note', 'no final newline\n\nline', '\u0000\n']) {
      const response = await api.request<{ details: { fields: { field: string }[] } }>('POST', path, {
        body: { note },
      });
      expect([response.status, response.body.details?.fields?.[0]?.field]).toEqual([400, 'note']);
    }
    for (const note of ['not a note\n', `${later.note}— forged AAAA\n`]) {
      const response = await api.request<{ code: string }>('POST', path, { body: { note } });
      expect([response.status, response.body.code]).toEqual([422, 'AUDIT.COSIGNATURE_INVALID']);
    }
    const badSize = await api.request('POST', '/api/audit/log/checkpoints/zero/cosignatures', {
      body: { note: cosigned },
    });
    expect(badSize.status).toBe(400);
    const noSuch = await api.request('POST', '/api/audit/log/checkpoints/999999/cosignatures', {
      body: { note: cosigned },
    });
    expect(noSuch.status).toBe(404);
  }, 30_000);

  describe('names the first bad place of each tampering, and passes again once it is undone', () => {
    const log = () => api.resolve(AuditLog);
    const attacker = <T>(sql: (client: import('pg').Client) => Promise<T>) =>
      withSchemaClient(api.schema, async (client) => {
        // An attacker with database rights: the append-only triggers are off for this session.
        await client.query('SET session_replication_role = replica');
        return sql(client);
      });
    let events: RecordedEvent[];
    const globalPosition = (event: RecordedEvent) => String(BigInt(event.position.split(':')[1]!));

    beforeAll(async () => {
      await sealedCheckpoint();
      events = await liveEvents();
      await api.resolve(Sealer).reached(events[events.length - 1]!.position);
      expect(await log().verify()).toMatchObject({ ok: true, eventsChecked: events.length });
    }, 30_000);

    afterEach(async () => {
      const verdict = await log().verify();
      expect(verdict.problem).toBeUndefined();
    });

    it('data changed: an event’s content rewritten in place', async () => {
      const target = events[3]!;
      await attacker((client) =>
        client.query(`UPDATE es_events SET data = data || '{"note": "never happened"}' WHERE global_position = $1`, [
          globalPosition(target),
        ]),
      );
      expect((await log().verify()).problem).toMatchObject({ kind: 'data-changed', position: target.position });
      await attacker((client) =>
        client.query(`UPDATE es_events SET data = $2::jsonb WHERE global_position = $1`, [
          globalPosition(target),
          JSON.stringify(target.data),
        ]),
      );
    });

    it('event missing: the newest event of a stream deleted (the stream’s own chain still verifies)', async () => {
      // The newest event of a stream with an older one left: its chain from revision 0 is still whole.
      const newestOfStream = [...events].reverse().find((event) => event.revision > 0)!;
      const row = await attacker(async (client) => {
        const { rows } = await client.query(`SELECT * FROM es_events WHERE global_position = $1`, [
          globalPosition(newestOfStream),
        ]);
        await client.query(`DELETE FROM es_events WHERE global_position = $1`, [globalPosition(newestOfStream)]);
        return rows[0] as Record<string, unknown>;
      });
      expect((await api.store.verify(newestOfStream.streamId)).ok).toBe(true);
      expect((await log().verify()).problem).toMatchObject({
        kind: 'event-missing',
        position: newestOfStream.position,
      });
      await attacker((client) =>
        client.query(
          `INSERT INTO es_events (global_position, tx_id, stream_id, revision, event_id, event_type, data, metadata, recorded_at, hash)
           OVERRIDING SYSTEM VALUE VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)`,
          [
            row.global_position,
            row.tx_id,
            row.stream_id,
            row.revision,
            row.event_id,
            row.event_type,
            row.data,
            row.metadata,
            row.recorded_at,
            row.hash,
          ],
        ),
      );
    });

    it('order changed: two events swapped between their positions', async () => {
      const [a, b] = [events[1]!, events[2]!];
      const swap = (client: import('pg').Client, from: RecordedEvent, to: RecordedEvent) =>
        client.query(
          `UPDATE es_events SET stream_id = $2, revision = $3, event_id = $4, event_type = $5, data = $6::jsonb,
             metadata = $7::jsonb, recorded_at = $8::timestamptz, hash = $9 WHERE global_position = $1`,
          [
            globalPosition(to),
            from.streamId,
            from.revision,
            from.id,
            from.type,
            JSON.stringify(from.data),
            JSON.stringify(withoutRecordedAt(from.metadata)),
            from.metadata.recordedAt,
            from.hash,
          ],
        );
      await attacker(async (client) => {
        await client.query(
          `UPDATE es_events SET revision = revision + 1000000, event_id = gen_random_uuid() WHERE global_position IN ($1, $2)`,
          [globalPosition(a), globalPosition(b)],
        );
        await swap(client, a, b);
        await swap(client, b, a);
      });
      expect((await log().verify()).problem).toMatchObject({ kind: 'order-changed', position: a.position });
      await attacker(async (client) => {
        await client.query(
          `UPDATE es_events SET revision = revision + 1000000, event_id = gen_random_uuid() WHERE global_position IN ($1, $2)`,
          [globalPosition(a), globalPosition(b)],
        );
        await swap(client, a, a);
        await swap(client, b, b);
      });
    });

    it('event inserted: a forged event slipped between two sealed ones', async () => {
      const before = events[4]!;
      const inserted = await attacker(async (client) => {
        const { rows } = await client.query<{ global_position: string }>(
          `INSERT INTO es_events (tx_id, stream_id, revision, event_id, event_type, data, metadata, recorded_at, hash)
           SELECT tx_id, stream_id, revision + 1000, gen_random_uuid(), event_type, data, metadata, recorded_at, hash
             FROM es_events WHERE global_position = $1
           RETURNING global_position`,
          [globalPosition(before)],
        );
        return rows[0]!.global_position;
      });
      const problem = (await log().verify()).problem;
      expect(problem).toMatchObject({
        kind: 'event-inserted',
        streamId: before.streamId,
        revision: before.revision + 1000,
      });
      expect(problem!.position! > before.position).toBe(true);
      expect(problem!.position! < events[5]!.position).toBe(true);
      await attacker((client) => client.query(`DELETE FROM es_events WHERE global_position = $1`, [inserted]));
    });

    it('checkpoint forged: a checkpoint re-signed with another key', async () => {
      // As stored by the sealer (the witnesses' cosignatures are kept beside it).
      const [checkpoint] = await log().tree().checkpoints({ order: 'desc', limit: 1 });
      const forger = ed25519Signer(log().key.origin, createPrivateKey(generateKeyPair().privateKeyPem));
      const forged = signNote(checkpoint!.note.slice(0, checkpoint!.note.indexOf('\n\n') + 1), [forger]);
      const store = (note: string) =>
        attacker((client) =>
          client.query(
            `UPDATE rm_documents SET doc = jsonb_set(doc, '{note}', to_jsonb($3::text)) WHERE collection = $1 AND key = $2`,
            ['audit-checkpoints@live', String(checkpoint!.size).padStart(16, '0'), note],
          ),
        );
      await store(forged);
      expect((await log().verify()).problem).toMatchObject({
        kind: 'checkpoint-forged',
        checkpointSize: checkpoint!.size,
      });
      await store(checkpoint!.note);
    });
  });
});

function withoutRecordedAt(metadata: RecordedEvent['metadata']): Record<string, unknown> {
  const { recordedAt: _recordedAt, ...supplied } = metadata;
  return supplied;
}
