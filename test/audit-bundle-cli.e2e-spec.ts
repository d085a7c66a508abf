import { dropSchema, testDatabaseUrl, uniqueSchemaName, withSchemaClient } from '@enlace/event-store/testing';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ApiProcess, buildApi, testDataDir } from './support/api-process.js';

/**
 * `npm run audit:export` and `npm run audit:verify-bundle` as an operator and an auditor run them, on the store an api
 * wrote (real PostgreSQL): the whole log and one incident exported, each verified offline with the published key (exit
 * 0, a progress line with a rate); a byte flipped in an event makes the verifier exit 1 naming the line; a file that is
 * no bundle, and bad arguments, exit 2 with a one-line reason in English and Spanish.
 */
const schema = uniqueSchemaName('audit_bundle_cli');
const dir = mkdtempSync(join(tmpdir(), 'enlace-bundle-cli-'));
let api: ApiProcess;

const env = () => ({
  PATH: process.env.PATH ?? '',
  HOME: process.env.HOME ?? '',
  DATABASE_URL: testDatabaseUrl(),
  DATABASE_SCHEMA: schema,
  DATA_DIR: testDataDir(),
});

function run(
  cli: 'export' | 'verify-bundle',
  args: string[],
): { status: number | null; stdout: string; stderr: string } {
  return spawnSync(process.execPath, [`dist/apps/api/src/audit/${cli}.cli.js`, ...args], {
    cwd: process.cwd(),
    env: env(),
    encoding: 'utf8',
    timeout: 30_000,
  });
}

/** Until the newest checkpoint covers the newest event in the store. */
async function sealed(): Promise<void> {
  const deadline = Date.now() + 10_000;
  while (Date.now() < deadline) {
    const checkpoint = await api.request<{ lastPosition?: string }>('GET', '/api/audit/log/checkpoint');
    const latest = await withSchemaClient(schema, (client) =>
      client.query<{ tx: string; gp: string }>(
        `SELECT tx_id::text AS tx, global_position::text AS gp FROM es_events
          WHERE stream_id NOT LIKE 'exercise-%' ORDER BY tx_id DESC, global_position DESC LIMIT 1`,
      ),
    );
    const last = `${latest.rows[0]!.tx.padStart(20, '0')}:${latest.rows[0]!.gp.padStart(20, '0')}`;
    if (checkpoint.status === 200 && checkpoint.body.lastPosition === last) return;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error('no checkpoint covering the events written');
}

beforeAll(async () => {
  buildApi();
  api = await ApiProcess.start({
    databaseUrl: testDatabaseUrl(),
    schema,
    env: { AUDIT_CHECKPOINT_SECONDS: '1', CONSUMER_LEASE_SECONDS: '3' },
  });
}, 120_000);

afterAll(async () => {
  await api?.stop();
  await dropSchema(schema);
  rmSync(dir, { recursive: true, force: true });
}, 30_000);

describe('npm run audit:export and npm run audit:verify-bundle', () => {
  it('exports the log and an incident, verifies them offline, and names a flipped byte', async () => {
    const incident = await api.write('POST', '/api/incidents', 'officer.mx', {
      kind: 'fire',
      title: { es: 'Incendio en bodega cercana a la garita', en: 'Warehouse fire near the crossing' },
      severity: 'moderate',
      location: { lat: 31.33, lon: -110.94, description: { es: 'Nogales, Sonora' } },
    });
    await api.write('POST', `/api/incidents/${incident.id}/situation-reports`, 'officer.mx', {
      summary: { es: 'Humo visible desde la garita', en: 'Smoke seen from the crossing' },
    });
    await sealed();
    const { verifierKey } = (await api.request<{ verifierKey: string }>('GET', '/api/audit/log/key')).body;

    const all = join(dir, 'all.jsonl');
    const exported = run('export', ['--out', all]);
    expect(exported.stderr).toMatch(/^\[#+\] \d+ \/ \d+ events\s+[\d,]+ events\/s\n$/);
    expect(exported.stdout).toMatch(/Wrote .*all\.jsonl: \d+ events, \d+ signed checkpoints/);
    expect(exported.stdout).toMatch(/Se escribió .*all\.jsonl: \d+ eventos/);
    expect(exported.status).toBe(0);
    const ofIncident = join(dir, 'incident.jsonl');
    expect(run('export', ['--out', ofIncident, '--incident', incident.id]).status).toBe(0);

    for (const file of [all, ofIncident]) {
      const verified = run('verify-bundle', [file, '--key', verifierKey]);
      expect(verified.stdout).toContain('Verified: nothing altered, removed or added.');
      expect(verified.stdout).toContain('Verificado: nada alterado, eliminado ni añadido.');
      expect(verified.stdout).toContain('the key you gave (--key)');
      expect(verified.stderr).toMatch(/\d+ events\s+[\d,]+ events\/s/);
      expect(verified.status).toBe(0);
    }
    // Without --key: the key the file carries, with its fingerprint to check.
    const untrusted = run('verify-bundle', [all]);
    expect(untrusted.stdout).toMatch(/fingerprint \/ huella sha256:[0-9a-f]{64}/);
    expect(untrusted.stdout).toContain('trusted the key the file carries');
    expect(untrusted.status).toBe(0);
    const asJson = JSON.parse(run('verify-bundle', [ofIncident, '--json']).stdout) as { ok: boolean; scope: unknown };
    expect(asJson).toMatchObject({ ok: true, scope: { kind: 'incident', incidentId: incident.id } });

    // A byte of the incident's title flipped in the whole log's bundle.
    const lines = readFileSync(all, 'utf8').split('\n');
    const line = lines.findIndex((text) => text.includes('Warehouse fire near the crossing'));
    lines[line] = lines[line]!.replace('Warehouse fire', 'Warehouse firE');
    const tampered = join(dir, 'tampered.jsonl');
    writeFileSync(tampered, lines.join('\n'));
    const caught = run('verify-bundle', [tampered, '--key', verifierKey]);
    expect(caught.stdout).toContain(`TAMPERING: data-changed at line ${line + 1}`);
    expect(caught.stdout).toContain(`incident-${incident.id}@0`);
    expect(caught.stdout).toMatch(/ALTERACIÓN: data-changed en línea \d+/);
    expect(caught.status).toBe(1);
  }, 30_000);

  it('says a file is not a bundle, and refuses bad arguments naming the option (exit 2)', () => {
    const png = join(dir, 'picture.png');
    writeFileSync(png, Buffer.from('89504e470d0a1a0a0000000d49484452', 'hex'));
    const notBundle = run('verify-bundle', [png]);
    expect(notBundle.stdout).toContain('The file is not an Enlace audit bundle');
    expect(notBundle.stdout).toContain('PNG');
    expect(notBundle.status).toBe(2);

    const refusals: [ReturnType<typeof run>, RegExp][] = [
      [run('verify-bundle', [png, '--key', 'not-a-key']), /^--key: not a verifier key/],
      [run('verify-bundle', [join(dir, 'missing.jsonl')]), /missing\.jsonl: no such file/],
      [run('verify-bundle', [png, '--bogus']), /--bogus/],
      [run('export', ['--incident', 'x']), /^--out FILE is required/],
      [run('export', ['--out', join(dir, 'x.jsonl'), '--from-leaf', 'ten']), /^--from-leaf: a whole number/],
      [run('export', ['--out', join(dir, 'x.jsonl'), '--from', 'yesterday']), /^--from: an ISO-8601 instant/],
      [run('export', ['--out', join(dir, 'x.jsonl'), '--all', '--incident', 'x']), /give one of them/],
      [run('export', ['--out', join(dir, 'nowhere', 'x.jsonl')]), /^--out .*: no such directory/],
    ];
    for (const [result, message] of refusals) {
      expect(result.stderr).toMatch(message);
      expect(result.stderr.split('\n').filter(Boolean)).toHaveLength(2);
      expect(result.stderr).not.toMatch(/\n\s+at /);
      expect(result.status).toBe(2);
    }
  }, 30_000);
});
