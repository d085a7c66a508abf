// Verifies an offline audit bundle (`npm run audit:export`) with no server and no database: every event recomputed
// into its leaf and its stream's chain, every checkpoint's signature, every proof, the file's digest. Names the first
// bad line and what is wrong, in English and Spanish. Exit code 0: verified; 1: tampering found; 2: not a bundle, or
// unusable arguments.
//   npm run audit:verify-bundle -- FILE [--key VKEY | --key-file FILE] [--witness VKEY] [--after-checkpoint FILE]
//                                   [--json]
import { BundleArgumentError, type BundleVerdict, verifyBundle } from '@enlace/audit';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { stderr, stdout } from 'node:process';
import { parseArgs } from 'node:util';
import { fail } from './cli.js';
import { ProgressLine } from './progress-line.js';

const USAGE =
  'npm run audit:verify-bundle -- FILE [--key VKEY | --key-file FILE] [--witness VKEY] [--after-checkpoint FILE] [--json]';

let values: { key?: string[]; 'key-file'?: string; witness?: string[]; 'after-checkpoint'?: string; json?: boolean };
let positionals: string[];
try {
  ({ values, positionals } = parseArgs({
    options: {
      key: { type: 'string', multiple: true },
      'key-file': { type: 'string' },
      witness: { type: 'string', multiple: true },
      'after-checkpoint': { type: 'string' },
      json: { type: 'boolean' },
    },
    strict: true,
    allowPositionals: true,
  }));
} catch (error) {
  const option = /'([^']+)'/.exec(error instanceof Error ? error.message : '')?.[1] ?? '?';
  fail(
    `${error instanceof Error ? error.message : String(error)}. Usage: ${USAGE}`,
    `Opción o argumento no válido: ${option}. Uso: ${USAGE}`,
  );
}

if (positionals.length !== 1) {
  fail(
    `${positionals.length === 0 ? 'Which bundle? Give its file' : 'One bundle at a time'}. Usage: ${USAGE}`,
    `${positionals.length === 0 ? '¿Qué paquete? Indique su archivo' : 'Un paquete a la vez'}. Uso: ${USAGE}`,
  );
}
const file = positionals[0]!;
if (!existsSync(file) || !statSync(file).isFile()) fail(`${file}: no such file`, `${file}: no existe el archivo`);

function readOption(option: string, path: string): string {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return fail(`${option} ${path}: cannot read that file`, `${option} ${path}: no se puede leer ese archivo`);
  }
}

/** `--key-file`: a verifier key, or what GET /api/audit/log/key answers (JSON with `verifierKey`). */
function keyFromFile(path: string): string {
  const text = readOption('--key-file', path).trim();
  try {
    const published = JSON.parse(text) as { verifierKey?: unknown };
    if (typeof published.verifierKey === 'string') return published.verifierKey;
  } catch {
    // not JSON: the key itself
  }
  return text.split('\n')[0]!.trim();
}

const trustedKeys = [...(values.key ?? []), ...(values['key-file'] ? [keyFromFile(values['key-file'])] : [])];
const after = values['after-checkpoint'];
const afterCheckpoint =
  after === undefined ? undefined : after.includes('\n') ? after : readOption('--after-checkpoint', after);
const json = values.json === true;

const out = (en: string, es?: string) => {
  if (!json) stdout.write(`${en}\n${es === undefined ? '' : `${es}\n`}`);
};

let progress: ProgressLine | undefined;
const started = performance.now();
let verdict: BundleVerdict;
try {
  verdict = await verifyBundle(file, {
    trustedKeys,
    ...(values.witness ? { witnesses: values.witness } : {}),
    ...(afterCheckpoint === undefined ? {} : { afterCheckpoint }),
    onStart: ({ manifest, fingerprint, trusted }) => {
      const scope = manifest.scope;
      const what =
        scope.kind === 'incident'
          ? [`incident ${scope.incidentId}`, `incidente ${scope.incidentId}`]
          : scope.kind === 'range'
            ? [`leaves [${scope.start}, ${scope.end})`, `hojas [${scope.start}, ${scope.end})`]
            : ['every sealed event', 'todos los eventos sellados'];
      const filter = scope.kind === 'range' && scope.from ? ` (${scope.from} → ${scope.to ?? '…'})` : '';
      out(`Audit bundle / Paquete de auditoría ${file}`);
      out(`Log / Bitácora ${manifest.origin}, exported ${manifest.createdAt} by ${manifest.createdBy}`);
      out(
        `Scope: ${what[0]}${filter}, ${manifest.events} events`,
        `Alcance: ${what[1]}${filter}, ${manifest.events} eventos`,
      );
      out(`Key / Clave ${manifest.verifierKey}`, `  fingerprint / huella sha256:${fingerprint}`);
      if (trusted === 'given') {
        out('  the key you gave (--key)', '  la clave que usted indicó (--key)');
      } else {
        out(
          "  trusted the key the file carries (no --key given): check its fingerprint with the log's operator",
          '  se confió en la clave que trae el archivo (sin --key): compruebe su huella con el operador de la bitácora',
        );
      }
      if (!json) progress = new ProgressLine(stderr, manifest.events);
    },
    onProgress: ({ events }) => progress?.update(events),
  });
} catch (error) {
  if (error instanceof BundleArgumentError) fail(error.text.en, error.text.es);
  throw error;
}
progress?.done(verdict.events);
const seconds = (performance.now() - started) / 1000;
const rate = Math.round(verdict.events / Math.max(seconds, 0.001));

if (json) {
  stdout.write(`${JSON.stringify(verdict, null, 2)}\n`);
} else {
  out(
    `Bundle: ${verdict.events} events, ${verdict.checkpoints} signed checkpoints, ${rate} events/s`,
    `Paquete: ${verdict.events} eventos, ${verdict.checkpoints} puntos de control firmados, ${rate} eventos/s`,
  );
  if (verdict.anchor) {
    const { size, root, at, signers } = verdict.anchor;
    out(`Anchor / Ancla: size ${size}, root ${root}, ${at}, signed by / firmado por ${signers.join(', ')}`);
  }
  for (const signer of verdict.signers) {
    const sizes = signer.checkpoints.length <= 6 ? ` (${signer.checkpoints.join(', ')})` : '';
    const given = signer.trusted ? ', given / indicada' : '';
    out(`  ${signer.role} ${signer.name} ${signer.keyId}${given}: ${signer.checkpoints.length} checkpoints${sizes}`);
  }
  if (verdict.afterCheckpoint) {
    out(
      `Consistent with the checkpoint you trust (${verdict.afterCheckpoint.size} leaves)`,
      `Consistente con el punto de control en el que confía (${verdict.afterCheckpoint.size} hojas)`,
    );
  }
  if (verdict.problem) {
    const { kind, line, leafIndex, position, message } = verdict.problem;
    const where = `line ${line}${leafIndex === undefined ? '' : `, leaf ${leafIndex}`}${position ? `, position ${position}` : ''}`;
    const donde = `línea ${line}${leafIndex === undefined ? '' : `, hoja ${leafIndex}`}${position ? `, posición ${position}` : ''}`;
    out(
      kind === 'not-a-bundle' ? `NOT A BUNDLE (${where})` : `TAMPERING: ${kind} at ${where}`,
      kind === 'not-a-bundle' ? `NO ES UN PAQUETE (${donde})` : `ALTERACIÓN: ${kind} en ${donde}`,
    );
    out(message.en, message.es);
  } else {
    out('Verified: nothing altered, removed or added.', 'Verificado: nada alterado, eliminado ni añadido.');
  }
}
process.exit(verdict.ok ? 0 : verdict.problem?.kind === 'not-a-bundle' ? 2 : 1);
