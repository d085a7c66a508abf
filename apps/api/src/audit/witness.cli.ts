// A witness of another deployment's audit log (the other country's Enlace, an inspector general): fetches the log's
// newest signed checkpoint, checks it is signed by the log's key and consistent with the last checkpoint this witness
// signed (RFC 9162 consistency proof: the log only grew, nothing was rewritten or forked), cosigns it (C2SP
// tlog-cosignature) and sends the cosignature to the log. Keeps what it signed in a state file of its own.
//   npm run audit:witness -- --log https://enlace.example.gov --key witness.pem --name sre.gob.mx/witness --state witness.json
// Exit code 0: cosigned (or already cosigned); 1: the log is not consistent (nothing signed); 2: could not run.
import {
  cosignNote,
  ed25519Signer,
  fromHex,
  openNote,
  parseVerifierKey,
  toHex,
  verifyConsistency,
} from '@enlace/transparency';
import { systemClock } from '@enlace/clock';
import { createPrivateKey } from 'node:crypto';
import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { argv, stderr, stdout } from 'node:process';

interface WitnessState {
  /** The log's verifier key, pinned the first time (a new key is refused unless --accept-key). */
  verifierKey: string;
  size: number;
  root: string;
  note: string;
}

function fail(en: string, es: string, code = 2): never {
  stderr.write(`${en}\n${es}\n`);
  process.exit(code);
}

function option(name: string, required = true): string | undefined {
  const index = argv.indexOf(`--${name}`);
  const value = index >= 0 ? argv[index + 1] : undefined;
  if (required && (value === undefined || value.startsWith('--'))) {
    fail(
      `--${name} is required. Usage: npm run audit:witness -- --log URL --key FILE --name NAME --state FILE [--accept-key]`,
      `Falta --${name}. Uso: npm run audit:witness -- --log URL --key ARCHIVO --name NOMBRE --state ARCHIVO [--accept-key]`,
    );
  }
  return value;
}

const log = option('log')!.replace(/\/+$/, '');
const keyFile = option('key')!;
const name = option('name')!;
const stateFile = option('state')!;
const acceptKey = argv.includes('--accept-key');

async function get<T>(path: string, text = false): Promise<T> {
  let response: Response;
  try {
    response = await fetch(`${log}${path}`, { signal: AbortSignal.timeout(15_000) });
  } catch (error) {
    fail(`The log does not answer at ${log}: ${String(error)}`, `La bitácora no responde en ${log}: ${String(error)}`);
  }
  if (!response.ok) {
    fail(`${path}: the log answered ${response.status}`, `${path}: la bitácora respondió ${response.status}`);
  }
  return (text ? await response.text() : await response.json()) as T;
}

let witness: ReturnType<typeof ed25519Signer>;
try {
  witness = ed25519Signer(name, createPrivateKey(readFileSync(keyFile, 'utf8')), 'cosignature/v1');
} catch (error) {
  fail(
    `--key ${keyFile}: not an Ed25519 private key in PEM (${String(error)})`,
    `--key ${keyFile}: no es una llave privada Ed25519 en PEM (${String(error)})`,
  );
}
const previous: WitnessState | undefined = existsSync(stateFile)
  ? (JSON.parse(readFileSync(stateFile, 'utf8')) as WitnessState)
  : undefined;

const published = await get<{ origin: string; verifierKey: string }>('/api/audit/log/key');
if (previous && previous.verifierKey !== published.verifierKey && !acceptKey) {
  fail(
    `The log's key changed (${previous.verifierKey} → ${published.verifierKey}): confirm the rotation with its operator, then run again with --accept-key. Nothing was signed.`,
    `La llave de la bitácora cambió (${previous.verifierKey} → ${published.verifierKey}): confirme la rotación con su operador y vuelva a ejecutar con --accept-key. No se firmó nada.`,
    1,
  );
}
const logKeys = [
  parseVerifierKey(published.verifierKey),
  ...(previous ? [parseVerifierKey(previous.verifierKey)] : []),
];
const note = await get<string>('/api/audit/log/checkpoint?format=note', true);
let size: number;
let root: string;
try {
  const opened = openNote(note, logKeys, [published.origin]);
  if (opened.checkpoint.origin !== published.origin) throw new Error(`origin ${opened.checkpoint.origin}`);
  size = opened.checkpoint.size;
  root = toHex(opened.checkpoint.root);
} catch (error) {
  fail(
    `The log's checkpoint is not signed by its key (${String(error)}). Nothing was signed.`,
    `El punto de control de la bitácora no está firmado con su llave (${String(error)}). No se firmó nada.`,
    1,
  );
}

if (previous) {
  if (size < previous.size) {
    fail(
      `The log went back: it shows ${size} leaves, after ${previous.size} were signed. Nothing was signed.`,
      `La bitácora retrocedió: muestra ${size} hojas después de que se firmaron ${previous.size}. No se firmó nada.`,
      1,
    );
  }
  if (size > previous.size) {
    const { proof } = await get<{ proof: string[] }>(
      `/api/audit/log/proofs/consistency?from=${previous.size}&to=${size}`,
    );
    if (!verifyConsistency(previous.size, size, fromHex(previous.root), fromHex(root), proof.map(fromHex))) {
      fail(
        `The checkpoint of ${size} leaves does not extend the one of ${previous.size} this witness signed: the log was rewritten or forked. Nothing was signed.`,
        `El punto de control de ${size} hojas no extiende el de ${previous.size} que este testigo firmó: la bitácora se reescribió o se bifurcó. No se firmó nada.`,
        1,
      );
    }
  } else if (root !== previous.root) {
    fail(
      `Two different trees of ${size} leaves: the log forked. Nothing was signed.`,
      `Dos árboles distintos de ${size} hojas: la bitácora se bifurcó. No se firmó nada.`,
      1,
    );
  }
}

const cosigned = cosignNote(note, witness, Math.floor(systemClock.nowMs() / 1000));
const response = await fetch(`${log}/api/audit/log/checkpoints/${size}/cosignatures`, {
  method: 'POST',
  headers: { 'content-type': 'application/json' },
  body: JSON.stringify({ note: cosigned }),
  signal: AbortSignal.timeout(15_000),
}).catch((error: unknown) =>
  fail(`The log does not answer at ${log}: ${String(error)}`, `La bitácora no responde en ${log}: ${String(error)}`),
);
if (!response.ok) {
  const body = await response.text();
  fail(
    `The log refused the cosignature (${response.status}): ${body}`,
    `La bitácora rechazó la cofirma (${response.status}): ${body}`,
  );
}
const state: WitnessState = { verifierKey: published.verifierKey, size, root, note };
writeFileSync(`${stateFile}.tmp`, `${JSON.stringify(state, null, 2)}\n`, { mode: 0o600 });
renameSync(`${stateFile}.tmp`, stateFile);
stdout.write(
  `Cosigned ${published.origin} at ${size} leaves (root ${root})${previous ? `, consistent with ${previous.size}` : ''}.\n` +
    `Cofirmado ${published.origin} en ${size} hojas (raíz ${root})${previous ? `, consistente con ${previous.size}` : ''}.\n`,
);
