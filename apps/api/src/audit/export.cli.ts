// Writes an offline audit bundle of the live world's sealed log (docs/decisions/0021-offline-audit-bundle.md): every
// event, one incident, or a time (leaf, position) range, with the signed checkpoints and the proofs an auditor checks
// it with, offline, by `npm run audit:verify-bundle`. The export itself is recorded in the audit journal (who, from
// which host, what) before the file is written.
// Exit code 0: written; 1: the store disagrees with its sealed log (run npm run verify); 2: could not run.
//   npm run audit:export -- --out FILE [--all | --incident ID | --from ISO --to ISO | --from-leaf N --to-leaf N]
//                            [--since-size N]
import { BundleExportError, bundleKeyInfo, type ExportScope, loadAuditKey, writeBundle } from '@enlace/audit';
import { systemClock } from '@enlace/clock';
import { loadEnvironmentOrExit } from '@enlace/config';
import type { Actor } from '@enlace/domain';
import { isPosition } from '@enlace/event-store';
import { randomUUID } from 'node:crypto';
import { createWriteStream, existsSync, renameSync, rmSync, statSync } from 'node:fs';
import { hostname, userInfo } from 'node:os';
import { dirname, resolve } from 'node:path';
import { stderr, stdout } from 'node:process';
import { finished } from 'node:stream/promises';
import { parseArgs } from 'node:util';
import { AuditJournal } from './audit-journal.js';
import { fail, openStoreOrExit } from './cli.js';
import { ProgressLine } from './progress-line.js';

const USAGE =
  'npm run audit:export -- --out FILE [--all | --incident ID | --from ISO --to ISO | --from-leaf N --to-leaf N] [--since-size N]';

let values: Record<string, string | boolean | undefined>;
try {
  ({ values } = parseArgs({
    options: {
      out: { type: 'string' },
      all: { type: 'boolean' },
      incident: { type: 'string' },
      from: { type: 'string' },
      to: { type: 'string' },
      'from-leaf': { type: 'string' },
      'to-leaf': { type: 'string' },
      'since-size': { type: 'string' },
    },
    strict: true,
    allowPositionals: false,
  }));
} catch (error) {
  const option = /'([^']+)'/.exec(error instanceof Error ? error.message : '')?.[1] ?? '?';
  fail(
    `${error instanceof Error ? error.message : String(error)}. Usage: ${USAGE}`,
    `Opción o argumento no válido: ${option}. Uso: ${USAGE}`,
  );
}

const count = (option: string): number | undefined => {
  const value = values[option];
  if (value === undefined) return undefined;
  if (typeof value !== 'string' || !/^\d{1,15}$/.test(value)) {
    fail(
      `--${option}: a whole number, not ${JSON.stringify(value)}`,
      `--${option}: un número entero, no ${JSON.stringify(value)}`,
    );
  }
  return Number(value);
};

/** `--from`/`--to`: an ISO-8601 instant (recording time) or a position. */
const bound = (option: 'from' | 'to'): { time?: string; position?: string } => {
  const value = values[option] as string | undefined;
  if (value === undefined) return {};
  if (isPosition(value)) return { position: value };
  if (/^\d{4}-\d{2}-\d{2}/.test(value) && !Number.isNaN(Date.parse(value))) return { time: value };
  return fail(
    `--${option}: an ISO-8601 instant (2026-12-06T12:00:00Z) or a position (20 digits:20 digits), not ${JSON.stringify(value)}`,
    `--${option}: un instante ISO-8601 (2026-12-06T12:00:00Z) o una posición (20 dígitos:20 dígitos), no ${JSON.stringify(value)}`,
  );
};

function scopeOf(): ExportScope {
  const byTime = values.from !== undefined || values.to !== undefined;
  const byLeaf = values['from-leaf'] !== undefined || values['to-leaf'] !== undefined;
  const chosen = [values.all === true, values.incident !== undefined, byTime, byLeaf].filter(Boolean).length;
  if (chosen > 1) {
    fail(
      '--all, --incident, --from/--to and --from-leaf/--to-leaf choose what to export: give one of them',
      '--all, --incident, --from/--to y --from-leaf/--to-leaf eligen qué exportar: indique solo uno',
    );
  }
  if (typeof values.incident === 'string') {
    if (values.incident.trim() === '') fail('--incident: an incident id', '--incident: el id de un incidente');
    return { kind: 'incident', incidentId: values.incident.trim() };
  }
  if (byLeaf) {
    const fromLeaf = count('from-leaf');
    const toLeaf = count('to-leaf');
    return {
      kind: 'range',
      ...(fromLeaf === undefined ? {} : { fromLeaf }),
      ...(toLeaf === undefined ? {} : { toLeaf }),
    };
  }
  if (byTime) {
    const [from, to] = [bound('from'), bound('to')];
    if ((from.time ?? to.time) !== undefined && (from.position ?? to.position) !== undefined) {
      fail('--from and --to: both instants or both positions', '--from y --to: ambos instantes o ambas posiciones');
    }
    return {
      kind: 'range',
      ...(from.time === undefined ? {} : { from: from.time }),
      ...(to.time === undefined ? {} : { to: to.time }),
      ...(from.position === undefined ? {} : { fromPosition: from.position }),
      ...(to.position === undefined ? {} : { toPosition: to.position }),
    };
  }
  return { kind: 'all' };
}

if (typeof values.out !== 'string' || values.out === '') {
  fail(
    `--out FILE is required: where to write the bundle. Usage: ${USAGE}`,
    `--out ARCHIVO es obligatorio: dónde escribir el paquete. Uso: ${USAGE}`,
  );
}
const out = resolve(values.out);
if (!existsSync(dirname(out)) || !statSync(dirname(out)).isDirectory()) {
  fail(
    `--out ${values.out}: no such directory ${dirname(out)}`,
    `--out ${values.out}: no existe el directorio ${dirname(out)}`,
  );
}
const scope = scopeOf();
const sinceSize = count('since-size');

const env = loadEnvironmentOrExit();
/** The operator at the host: Enlace's own tool (the account decider lets it do nothing else). */
const OPERATOR: Actor = { id: 'system:operator', agency: 'ENLACE', country: null, role: 'system' };

function operator(): string {
  try {
    return `${userInfo().username}@${hostname()}`;
  } catch {
    return hostname();
  }
}

const key = loadAuditKey(env);
const store = await openStoreOrExit(env);
const partial = `${out}.partial`;
let exitCode = 0;
try {
  stdout.write(`Audit log ${key.origin}\nVerifier key ${key.verifierKey}\n`);
  // Who took a copy of the record, and of what, is on record before the copy is written (the audit journal).
  const record = await new AuditJournal(store, systemClock).recordExport({
    kind: 'bundle',
    filter: {
      ...Object.fromEntries(Object.entries(scope).map(([name, value]) => [name, String(value)])),
      ...(sinceSize === undefined ? {} : { sinceSize: String(sinceSize) }),
      host: operator(),
    },
    actor: OPERATOR,
    correlationId: randomUUID(),
  });
  stdout.write(`Recorded as export ${record.exportId} / Registrado como exportación ${record.exportId}\n`);
  const file = createWriteStream(partial);
  let progress: ProgressLine | undefined;
  const started = performance.now();
  const summary = await writeBundle(store, file, {
    scope,
    key: bundleKeyInfo(key),
    clock: systemClock,
    createdBy: `npm run audit:export (${operator()})`,
    ...(sinceSize === undefined ? {} : { sinceSize }),
    onProgress: ({ events, total }) => {
      progress ??= new ProgressLine(stderr, total);
      progress.update(events);
    },
  });
  file.end();
  await finished(file);
  progress?.done(summary.events);
  renameSync(partial, out);
  const seconds = (performance.now() - started) / 1000;
  const rate = Math.round(summary.events / Math.max(seconds, 0.001));
  const megabytes = (summary.bytes / 1024 / 1024).toFixed(1);
  const { size, at } = summary.anchor;
  stdout.write(
    `Wrote ${out}: ${summary.events} events, ${summary.checkpoints} signed checkpoints (anchor: ${size} leaves, ${at}), ` +
      `${megabytes} MB, ${rate} events/s\n` +
      `Se escribió ${out}: ${summary.events} eventos, ${summary.checkpoints} puntos de control firmados (ancla: ${size} hojas, ${at}), ` +
      `${megabytes} MB, ${rate} eventos/s\n` +
      `SHA-256 (before the trailer / antes del cierre) ${summary.sha256}\n` +
      `Verify it with / Verifíquelo con: npm run audit:verify-bundle -- ${out} --key '${key.verifierKey}'\n`,
  );
} catch (error) {
  rmSync(partial, { force: true });
  if (!(error instanceof BundleExportError)) throw error;
  exitCode = error.code === 'store-disagrees' ? 1 : 2;
  stderr.write(`${error.text.en}\n${error.text.es}\n`);
} finally {
  await store.close();
}
process.exit(exitCode);
