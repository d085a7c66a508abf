import { dropSchema, testDatabaseUrl, uniqueSchemaName, withSchemaClient } from '@enlace/event-store/testing';
import { ed25519Signer, verifierKey } from '@enlace/transparency';
import { spawnSync } from 'node:child_process';
import { createPrivateKey, generateKeyPairSync } from 'node:crypto';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ApiProcess, buildApi, testDataDir } from './support/api-process.js';

/**
 * `npm run verify` as an operator runs it, on the store an api wrote (real PostgreSQL): it passes on an honest record
 * with a progress line and a rate, and once an event is rewritten in the database (triggers off for the session, as an
 * attacker with database rights would) it exits 1 naming the position and what is wrong, in English and Spanish.
 */
const schema = uniqueSchemaName('audit_verify_cli');
let api: ApiProcess;
// The other country's deployment, as a witness: its own key, which this log accepts.
const witnessDir = mkdtempSync(join(tmpdir(), 'enlace-witness-'));
const witnessKeyFile = join(witnessDir, 'witness.pem');
const witnessPem = generateKeyPairSync('ed25519').privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
writeFileSync(witnessKeyFile, witnessPem, { mode: 0o600 });
const witnessName = 'sre.gob.mx/witness';
const witnessVkey = verifierKey(ed25519Signer(witnessName, createPrivateKey(witnessPem), 'cosignature/v1'));

const env = () => ({
  PATH: process.env.PATH ?? '',
  HOME: process.env.HOME ?? '',
  DATABASE_URL: testDatabaseUrl(),
  DATABASE_SCHEMA: schema,
  DATA_DIR: testDataDir(),
});

function run(cli: 'verify' | 'replay'): { status: number | null; stdout: string; stderr: string } {
  return spawnSync(process.execPath, [`dist/apps/api/src/audit/${cli}.cli.js`], {
    cwd: process.cwd(),
    env: env(),
    encoding: 'utf8',
    timeout: 60_000,
  });
}

beforeAll(async () => {
  buildApi();
  api = await ApiProcess.start({
    databaseUrl: testDatabaseUrl(),
    schema,
    env: { AUDIT_CHECKPOINT_SECONDS: '1', CONSUMER_LEASE_SECONDS: '3', AUDIT_WITNESS_KEYS: witnessVkey },
  });
}, 120_000);

afterAll(async () => {
  await api?.stop();
  await dropSchema(schema);
}, 30_000);

function witness(): { status: number | null; stdout: string; stderr: string } {
  return spawnSync(
    process.execPath,
    [
      'dist/apps/api/src/audit/witness.cli.js',
      ...['--log', api.url, '--key', witnessKeyFile, '--name', witnessName, '--state', join(witnessDir, 'state.json')],
    ],
    {
      cwd: process.cwd(),
      env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '' },
      encoding: 'utf8',
      timeout: 60_000,
    },
  );
}

/** Resolves once the newest signed checkpoint covers every event stored now. */
async function sealedNow(): Promise<{ size: number; note: string }> {
  for (const deadline = Date.now() + 15_000; Date.now() < deadline;) {
    const checkpoint = await api.request<{ size: number; note: string }>('GET', '/api/audit/log/checkpoint');
    const { rows } = await withSchemaClient(schema, (client) =>
      client.query<{ n: string }>(`SELECT count(*) AS n FROM es_events WHERE stream_id NOT LIKE 'exercise-%'`),
    );
    if (checkpoint.status === 200 && checkpoint.body.size === Number(rows[0]!.n)) return checkpoint.body;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error('no checkpoint covering the store within 15 s');
}

describe('npm run audit:witness', () => {
  it('cosigns the log’s checkpoints while each extends the last one it signed, and refuses a fork', async () => {
    await api.write('POST', '/api/incidents', 'officer.us', {
      kind: 'fire',
      title: { en: 'Brush fire near the crossing', es: 'Incendio de pastizal cerca de la garita' },
      severity: 'moderate',
      location: { lat: 32.55, lon: -116.94, description: { en: 'Otay Mesa' } },
    });
    const first = await sealedNow();
    const signed = witness();
    expect(signed.stdout).toContain(`at ${first.size} leaves`);
    expect(signed.status).toBe(0);
    const served = await api.request<{ note: string }>('GET', `/api/audit/log/checkpoints/${first.size}`);
    expect(served.body.note).toContain(`— ${witnessName} `);

    await api.write('POST', '/api/incidents', 'officer.mx', {
      kind: 'flood',
      title: { es: 'Inundación en el acceso a la garita', en: 'Flooding at the crossing approach' },
      severity: 'minor',
      location: { lat: 32.55, lon: -116.94, description: { es: 'Mesa de Otay' } },
    });
    const second = await sealedNow();
    expect(second.size).toBeGreaterThan(first.size);
    const again = witness();
    expect(again.stdout).toContain(`consistent with ${first.size}`);
    expect(again.status).toBe(0);

    // The witness remembers another tree of that size: the log it sees now is a fork of it.
    const stateFile = join(witnessDir, 'state.json');
    const state = JSON.parse(readFileSync(stateFile, 'utf8')) as { root: string };
    writeFileSync(stateFile, JSON.stringify({ ...state, root: 'ab'.repeat(32) }));
    const forked = witness();
    expect(forked.status).toBe(1);
    expect(forked.stderr).toMatch(/the log forked|rewritten or forked/);
  }, 60_000);
});

describe('npm run verify and npm run replay', () => {
  it('verifies an honest record, then names the rewritten event', async () => {
    const incident = await api.write('POST', '/api/incidents', 'officer.mx', {
      kind: 'fire',
      title: { es: 'Incendio en bodega cercana a la garita', en: 'Warehouse fire near the crossing' },
      severity: 'moderate',
      location: { lat: 31.33, lon: -110.94, description: { es: 'Nogales, Sonora' } },
    });
    // Sealed and signed within the checkpoint interval.
    const deadline = Date.now() + 15_000;
    let sealed = false;
    while (!sealed && Date.now() < deadline) {
      const checkpoint = await api.request<{ lastPosition?: string }>('GET', '/api/audit/log/checkpoint');
      const head = await withSchemaClient(schema, (client) =>
        client.query<{ n: string }>(`SELECT count(*) AS n FROM es_events WHERE stream_id LIKE 'incident-%'`),
      );
      sealed = checkpoint.status === 200 && Number(head.rows[0]!.n) > 0 && checkpoint.body.lastPosition !== undefined;
      const latest = await withSchemaClient(schema, (client) =>
        client.query<{ tx: string; gp: string }>(
          `SELECT tx_id::text AS tx, global_position::text AS gp FROM es_events ORDER BY tx_id DESC, global_position DESC LIMIT 1`,
        ),
      );
      const last = `${latest.rows[0]!.tx.padStart(20, '0')}:${latest.rows[0]!.gp.padStart(20, '0')}`;
      sealed &&= checkpoint.body.lastPosition === last;
      if (!sealed) await new Promise((resolve) => setTimeout(resolve, 250));
    }
    expect(sealed).toBe(true);

    const honest = run('verify');
    expect(honest.stderr).toMatch(/\d+ events\s+[\d,]+ events\/s/);
    expect(honest.stdout).toContain('Verified: nothing altered or removed.');
    expect(honest.stdout).toContain('Verificado: nada alterado ni eliminado.');
    expect(honest.status).toBe(0);
    // The read models rebuilt from zero equal what the api keeps.
    const replay = run('replay');
    expect(replay.stdout).toContain('The same: every copy equals the rebuild.');
    expect(replay.status).toBe(0);

    const { rows } = await withSchemaClient(schema, async (client) => {
      await client.query('SET session_replication_role = replica');
      return client.query<{ tx: string; gp: string }>(
        `UPDATE es_events SET data = jsonb_set(data, '{severity}', '"minor"') WHERE stream_id = $1
         RETURNING tx_id::text AS tx, global_position::text AS gp`,
        [`incident-${incident.id}`],
      );
    });
    const position = `${rows[0]!.tx.padStart(20, '0')}:${rows[0]!.gp.padStart(20, '0')}`;
    const tampered = run('verify');
    expect(tampered.status).toBe(1);
    expect(tampered.stdout).toContain(`TAMPERING: data-changed at position ${position}`);
    expect(tampered.stdout).toMatch(/no es lo que se selló ahí: alterado/);
    // The stream's own chain breaks too, at the same event.
    expect(tampered.stdout).toContain(`hash-mismatch in incident-${incident.id} at revision 0`);
  }, 90_000);
});
